"""What people feel: from a key press or click to the answering screen painted.

A real `BuyerWindow` (a buyer with money to spend) and a real `MerchantWindow`
(staff of the one shop holding every order) are shown offscreen on a database
filled by seed-bulk, and driven through their own widgets with service calls on
the background worker, as in the program. Each interaction is timed from the
input event until the worker is idle, the answer is on screen and the window
has been painted again (`repaint()`, what the next frame would do): p50, p95
and max over the runs. The floor beside each is the same window repainted
from what it already holds: Qt's own share, which no query can shorten.

Search fields wait for a pause in typing before they search (150 ms at the
kiosk, 300 ms at the workstation): that pause is set to zero here, so a
figure is the cost of the keystroke's answer, not of the waiting on purpose.

    python tests/bench/bench_interactions.py [--small] [--orders N] [--backend sqlite ...]
"""

from __future__ import annotations

import multiprocessing
import os

import _common as common
import _interactions

GOAL_MS = 100
GOAL_SLOW_MS = 300  # sign-in to the first screen, and a year's report
SLOW = {"sign_in_to_first_screen", "year_report"}


def main() -> None:
    parser = common.parser(__doc__)
    parser.add_argument("--orders", type=int, default=None,
                        help="orders and books, default 100000 (--small: 2000)")
    args = parser.parse_args()
    orders = args.orders or (2_000 if args.small else 100_000)
    repeat = args.repeat or (3 if args.small else 20)
    result = {"benchmark": "interactions, input to painted screen", "orders": orders,
              "books": orders, "repeat": repeat, "goal_ms": GOAL_MS,
              "goal_slow_ms": GOAL_SLOW_MS, "machine": common.machine(),
              "load_average": os.getloadavg(), "backends": {}}
    for backend in common.backends_of(args):
        result["backends"][backend] = run(backend, orders, repeat)
    common.emit(result)


def run(backend: str, orders: int, repeat: int) -> dict:
    """Seed in this process; drive the windows in a fresh one."""
    sizes = {"books": orders, "orders": orders, "buyers": max(10, orders // 20), "shops": 1}
    with common.bulk_database(backend, **sizes) as (url, _, _counts):
        buyer, staff = _interactions.prepare()
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            figures = pool.apply(measure, (url, buyer, staff, repeat))
    return {"sizes": sizes, "interactions": figures, **verdict(figures)}


def verdict(figures: dict) -> dict:
    missed = sorted(name for name, f in figures.items()
                    if f["p95_ms"] > (GOAL_SLOW_MS if name in SLOW else GOAL_MS))
    return {"goals_missed": missed, "all_goals_met": not missed}


def measure(url: str, buyer: str, staff: str, repeat: int) -> dict:
    """Every interaction, measured in the windows' own process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bookshop_gui import db
    from bookshop_gui.ui import resources

    app = QApplication.instance() or QApplication(["bookshop-bench"])
    app.setStyleSheet(resources.style_sheet())  # painted as the program paints it
    db.connect(url)
    return _interactions.measure_all(buyer, staff, repeat)


if __name__ == "__main__":
    main()
