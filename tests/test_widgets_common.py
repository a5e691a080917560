"""The pieces every painmood widget shares."""

import ipywidgets as widgets
import pytest
import traitlets

from painmood_widgets.widgets.common import TickedLink


def test_ticked_link_puts_the_boxes_back_when_the_state_refuses():
    class AtMostOne(traitlets.HasTraits):
        names = traitlets.Any(frozenset({"cbt"}))

        @traitlets.validate("names")
        def _one(self, proposal):
            if len(proposal["value"]) > 1:
                raise ValueError("names: at most one of cbt, exercise")
            return proposal["value"]

    chosen = AtMostOne()
    boxes = {name: widgets.Checkbox() for name in ("cbt", "exercise")}
    link = TickedLink(boxes, (chosen, "names"))
    with pytest.raises(ValueError, match="at most one"):
        boxes["exercise"].value = True
    assert chosen.names == {"cbt"}
    assert [box.value for box in boxes.values()] == [True, False]
    link.unlink()
    boxes["cbt"].value = False
    assert chosen.names == {"cbt"}
