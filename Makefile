# painmood: one command to serve the apps, one to run every test.
# Everything installs into .venv; nothing outside the repo is needed but Python 3.11+
# (and, for the browser tests, Debian's chromium, installed here when missing).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SERVE_ROOT ?= notebooks/apps
HOST ?= 127.0.0.1
PORT ?= 8866
AXE := node_modules/axe-core/axe.min.js

.DEFAULT_GOAL := help
.PHONY: help serve test lab bench screenshots figures student lint format chromium clean

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

serve: $(VENV)/.installed ## Set up and serve the apps on http://127.0.0.1:8866 (HOST=0.0.0.0 for a room).
	@echo "painmood apps: http://$(HOST):$(PORT)/voila/render/index.ipynb (Ctrl-C stops the server and its kernels)"
	@if [ "$(HOST)" != "127.0.0.1" ]; then \
	  echo "WARNING: HOST=$(HOST) lets every machine that can reach this one on the network open"; \
	  echo "the apps and start kernels here. Use it only on a closed training-room network."; \
	fi
	$(BIN)/voila $(SERVE_ROOT) --Voila.ip=$(HOST) --Voila.port=$(PORT)

test: $(VENV)/.installed-test chromium $(AXE) ## Set up and run every check: ruff, unit, notebook and browser tests.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lab: $(VENV)/.installed ## Set up and open JupyterLab on notebooks/ (127.0.0.1 only, offline).
	$(BIN)/jupyter lab --config=jupyter_lab_offline.json --ip=127.0.0.1 --no-browser \
	  --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: $(VENV)/.installed-test chromium ## Run the benchmarks (figures as ratios to a baseline timed in the same run).
	$(BIN)/python benchmarks/bench_model.py
	$(BIN)/python benchmarks/bench_widgets.py
	$(BIN)/python benchmarks/bench_imports.py
	$(BIN)/python benchmarks/bench_browser.py

screenshots: $(VENV)/.installed-test chromium ## Screenshot every app (docs/img/) and lesson in JupyterLab (docs/img/course/).
	$(BIN)/python -m tests.browser.screenshots
	$(BIN)/python -m tests.browser.course_screenshots

figures: $(VENV)/.installed ## Write the course's key charts as PNG and SVG into figures/ (for slides).
	$(BIN)/python -m painmood_widgets.figures

student: $(VENV)/.installed ## Write the exercises' student versions (no solutions) and a zip into exercises/student/.
	$(BIN)/python -m painmood_widgets.exercises.student

lint: $(VENV)/.installed-test ## Ruff only.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test ## Let ruff fix and format the code.
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# A virtual environment, created once. Debian and Ubuntu ship venv support in a
# separate package; install it when we are root, otherwise say how.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "painmood needs Python 3.11 or newer; '$(PYTHON)' is older. Run: make PYTHON=python3.12 ..."; exit 1; }
	@if ! $(PYTHON) -m venv $(VENV) 2>/dev/null; then \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq python3-venv; \
	    $(PYTHON) -m venv $(VENV); \
	  else \
	    echo "Cannot create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; \
	  fi; \
	fi
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes. postBuild (also Binder's) links painmood's
# Voila template (no CDN requests) into the environment, where Voila looks for templates.
define install
	$(BIN)/python -m pip install --quiet -e '$(1)'
	./postBuild $(BIN)/python
endef

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(call install,.)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(call install,.[test])
	touch $@ $(VENV)/.installed

# The browser tests drive Debian's chromium through Playwright (never `playwright install`).
chromium:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "The browser tests need Chromium at /usr/bin/chromium. On Debian/Ubuntu: sudo apt-get install chromium"; exit 1; \
	  fi; \
	fi

# axe-core, which the accessibility tests inject into each app page, from the npm
# registry at the version package-lock.json pins (never from a CDN at test time).
$(AXE): package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; \
	  else \
	    echo "The accessibility tests need npm. On Debian/Ubuntu: sudo apt-get install npm"; exit 1; \
	  fi; \
	fi
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean: ## Remove the virtual environment and caches.
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache build *.egg-info exercises/student figures
