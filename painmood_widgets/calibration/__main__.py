"""``python -m painmood_widgets.calibration``: rewrite the generated parts of docs/model.md."""

from painmood_widgets.calibration.page import main

if __name__ == "__main__":
    raise SystemExit(main())
