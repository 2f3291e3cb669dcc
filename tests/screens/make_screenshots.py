"""Save a PNG of each main screen, on a fresh demo database, into resources/screenshots/.

    python tests/screens/make_screenshots.py [OUT_DIR]

The README shows these pictures. Each window family contributes a module
with `capture(out_dir) -> list[Path]`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from bookshop_gui.admin import demo_data
    from bookshop_gui.services import connection
    from bookshop_gui.ui import resources

    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("BookshopScreenshots")
    app.setApplicationName("BookshopScreenshots")
    app.setStyleSheet(resources.style_sheet())
    with tempfile.TemporaryDirectory() as folder:
        connection.open_database(f"sqlite:///{folder}/demo.db")
        demo_data.seed()
        saved = []
        for module_name in ("buyer_screens", "merchant_screens"):
            try:
                module = __import__(module_name)
            except ModuleNotFoundError:
                continue
            saved += module.capture(out_dir)
        connection.close()
    for picture in saved:
        print(picture)
    return 0


if __name__ == "__main__":
    sys.exit(main())
