/* painmood: what ipywidgets' and Vega's markup leaves out for keyboard and screen-reader
 * users, added to each app page as its widgets render (never a fork of ipywidgets).
 *
 * - a slider's handle is named by the slider's label, and says its value in the
 *   kernel's words (the widget's tooltip, which ipywidgets puts on the label's title);
 * - radio buttons form a named radio group (one tab stop, arrow keys choose), and a row
 *   of toggle buttons a named group whose buttons say whether they are pressed;
 * - an accordion header is a button that Enter and Space open and close;
 * - a summary is announced from a live region that stays on the page, since ipywidgets
 *   replaces an HTML widget's content on every update;
 * - the chart's menu button has a name.
 * Served from the painmood Voila template: nothing comes from the network.
 */
(function () {
  "use strict";

  let made = 0;
  const idOf = (element) => element.id || (element.id = `painmood-${++made}`);
  const textOf = (element) => (element ? element.textContent.replace(/\u200b/g, "").trim() : "");
  const set = (element, name, value) => {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  };
  const ownLabel = (widget) => widget.querySelector(":scope > .widget-label");

  function sliders(root) {
    for (const slider of root.querySelectorAll(".widget-slider")) {
      const label = ownLabel(slider);
      const words = label && label.title && label.title !== "null" ? label.title : "";
      for (const handle of slider.querySelectorAll(".noUi-handle")) {
        if (textOf(label)) set(handle, "aria-labelledby", idOf(label));
        // only new words: between a key press and the kernel's reply the handle says
        // the bare number (noUiSlider's own text), never the last value's words
        if (words && handle.dataset.painmoodWords !== words) {
          handle.dataset.painmoodWords = words;
          handle.setAttribute("aria-valuetext", words);
        }
      }
      const readout = slider.querySelector(".widget-readout");
      if (readout && textOf(label)) set(readout, "aria-label", `${textOf(label)}: type a value`);
      if (readout) set(readout, "role", "textbox");
    }
  }

  function radioGroups(root) {
    for (const radio of root.querySelectorAll(".widget-radio")) {
      const label = ownLabel(radio);
      const box = radio.querySelector(":scope > .widget-radio-box");
      if (!box) continue;
      set(box, "role", "radiogroup");
      if (textOf(label)) set(box, "aria-labelledby", idOf(label));
      // one name per group: the browser then gives it one tab stop and arrow keys
      for (const input of box.querySelectorAll("input[type=radio]")) set(input, "name", idOf(box));
    }
    for (const row of root.querySelectorAll(".widget-toggle-buttons")) {
      const label = ownLabel(row);
      const buttons = row.querySelector(".widget-toggle-buttons > div, .btn-group") || row;
      set(buttons, "role", "group");
      if (textOf(label)) set(buttons, "aria-labelledby", idOf(label));
      for (const button of row.querySelectorAll("button")) {
        set(button, "aria-pressed", String(button.classList.contains("mod-active")));
      }
    }
  }

  function accordions(root) {
    for (const header of root.querySelectorAll(".jupyter-widget-Collapse-header")) {
      set(header, "role", "button");
      set(header, "tabindex", "0");
      const open = header.parentElement.classList.contains("jupyter-widget-Collapse-open");
      set(header, "aria-expanded", String(open));
      for (const icon of header.querySelectorAll("i")) set(icon, "aria-hidden", "true");
      if (!header.dataset.painmoodKeys) {
        header.dataset.painmoodKeys = "1";
        header.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            header.click();
          }
        });
      }
    }
  }

  function liveRegions(root) {
    for (const status of root.querySelectorAll(".widget-html-content > [role=status]")) {
      const region = status.parentElement;
      set(region, "role", "status");
      set(region, "aria-live", "polite");
      status.removeAttribute("role");
      status.removeAttribute("aria-live");
    }
  }

  function chartMenus(root) {
    for (const summary of root.querySelectorAll(".vega-embed summary")) {
      set(summary, "aria-label", "Chart menu: save the chart as an image");
    }
  }

  const fixes = [sliders, radioGroups, accordions, liveRegions, chartMenus];
  // in the observer's callback, before the page is drawn or read again: a summary is
  // never seen without its live region, nor twice. Every fix is idempotent, and the
  // attributes it sets are not the ones observed, so a pass never calls for another.
  const fixAll = () => {
    for (const fix of fixes) fix(document);
  };
  new MutationObserver(fixAll).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["title", "class"],
  });
  fixAll();
})();
