"""A kiosk paying while staff import a 200,000-row catalog into the same SQLite file.

The import runs on one thread, saving its batches; another thread plays the
kiosk, creating and paying an order every half second until the import ends.
Reported: the import's time, and how long each payment took (median, max).
Before imports were saved in batches, one payment here waited 91 s and failed.

    python tests/bench/bench_import.py [--small] [--rows N]
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import _common as common


def main() -> None:
    parser = common.parser(__doc__, backends=("sqlite",))
    parser.add_argument("--rows", type=int, default=None, help="rows in the file (200,000)")
    args = parser.parse_args()
    rows = args.rows or (3_000 if args.small else 200_000)
    with tempfile.TemporaryDirectory(prefix="bookshop-bench-") as folder:
        figures = run(Path(folder), rows)
    common.emit({"benchmark": "import_beside_kiosk", "rows": rows, "machine": common.machine(),
                 "backends": {"sqlite": figures}})


def run(folder: Path, rows: int) -> dict:
    from bookshop_gui import db
    from bookshop_gui.models import database
    from bookshop_gui.services import catalog_io, orders
    from tests.store.builders import make_book, make_buyer, make_shop, make_staff, write_catalog

    db.connect(f"sqlite:///{folder / 'shop.db'}")
    shop_id = make_shop("Lakeside Books")
    staff = make_staff("clerk", shop_id)
    buyer = make_buyer("wang", balance="1000000.00")
    book = make_book(shop_id, price="10.00", stock=100_000)
    path = folder / "supplier.csv"
    write_catalog(path, rows)
    finished, outcome = threading.Event(), {}

    def import_all():
        took_ms, report = common.timed(catalog_io.import_csv, staff.token, path)
        outcome.update(seconds=took_ms / 1000, added=report.added)
        database.close()
        finished.set()

    threading.Thread(target=import_all).start()
    waits = []
    while not finished.wait(0.5):
        order_id = orders.create(buyer.token, book, 1)
        waits.append(common.timed(orders.pay, buyer.token, order_id)[0])
    database.close()
    slowest = max(waits, default=0.0)
    return {"import_s": round(outcome["seconds"], 1), "added": outcome["added"],
            "payments": len(waits), "pay_median_ms": common.ms(common.percentile(waits, 0.5)),
            "pay_max_ms": common.ms(slowest), "goal": "every payment < 3 s",
            "goal_met": slowest < 3000}


if __name__ == "__main__":
    main()
