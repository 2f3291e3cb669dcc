"""Open every screen of both windows on one screen size, in English and Chinese, and check it.

    python tests/layout/walk.py WIDTHxHEIGHT OUT_DIR [--kiosk-only]

Run with `QT_QPA_PLATFORM=offscreen:configfile=screen.json` naming a screen of
that size, so a full-screen kiosk gets it too. Each screen is saved as a PNG
in OUT_DIR and checked with `checks.problems` and `checks.names_missing`; the
problems are printed as one JSON object on the last line of standard output.
With --kiosk-only the workstation's screens are left out (a screen narrower than
the 1024 px it is made for).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LANGUAGES = ("en", "zh_CN")


class Walk:
    """Shows screens, saves each one and collects its problems."""

    def __init__(self, out_dir: Path, language: str):
        self.out_dir, self.language = out_dir, language
        self.problems: list[str] = []
        self.unnamed: set[str] = set()

    def look(self, window, name: str, *, kiosk: bool) -> None:
        import checks
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        for _ in range(3):
            QApplication.processEvents()
            # What the event loop would have deleted by now (replaced rows and cards).
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window.grab().save(str(self.out_dir / f"{name}-{self.language}.png"))
        for problem in checks.problems(window, kiosk=kiosk):
            self.problems.append(f"{self.language} {name}: {problem}")
        for problem in checks.names_missing(window):
            self.unnamed.add(f"{name}: {problem}")


def _place_orders() -> dict[str, int]:
    """Orders in every status for `reader` at the first shop: unpaid, paid, shipped, done."""
    from bookshop_gui.services import auth, catalog, orders, shop

    buyer = auth.login("reader", "reader").token
    staff = auth.login("lakeside", "lakeside").token
    shop_id = auth.login("lakeside", "lakeside").shop_id
    books = [b for b in catalog.search("") if b.shop_id == shop_id and b.stock > 3]
    made = {}
    for stage, book in zip(("unpaid", "paid", "shipped", "done", "cancelled"), books, strict=False):
        made[stage] = order_id = orders.create(buyer, book.id, 1)
        if stage == "cancelled":
            orders.cancel(buyer, order_id)
            continue
        if stage != "unpaid":
            orders.pay(buyer, order_id)
        if stage in ("shipped", "done"):
            shop.ship(staff, order_id, tracking="SF1234567890" if stage == "shipped" else None)
        if stage == "done":
            orders.confirm_receipt(buyer, order_id)
    return made


def main() -> int:
    size, out_dir = sys.argv[1], Path(sys.argv[2])
    kiosk_only = "--kiosk-only" in sys.argv[3:]
    out_dir.mkdir(parents=True, exist_ok=True)
    import screens
    from PySide6.QtWidgets import QApplication

    from bookshop_gui.services import connection, demo_data
    from bookshop_gui.ui import app as shell
    from bookshop_gui.ui.tasks import Tasks

    application = QApplication([sys.argv[0]])
    application.setOrganizationName("BookshopLayout")
    application.setApplicationName("BookshopLayout")
    Tasks.serial = True
    problems: list[str] = []
    unnamed: set[str] = set()
    with tempfile.TemporaryDirectory() as folder:
        connection.open_database(f"sqlite:///{folder}/demo.db")
        demo_data.seed()
        made = _place_orders()
        for language in LANGUAGES:
            translators = shell.install_translation(application, language)
            walk = Walk(out_dir / size, language)
            walk.out_dir.mkdir(parents=True, exist_ok=True)
            screens.walk_all(walk, made, kiosk_only=kiosk_only)
            problems += walk.problems
            unnamed |= walk.unnamed
            for translator in translators:
                application.removeTranslator(translator)
        connection.close()
    print(json.dumps({"layout": problems, "names": sorted(unnamed)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
