"""A workstation in another city: every interaction with 40 ms between it and PostgreSQL.

The same interactions as bench_interactions.py, in the same real windows, but
the program reaches the PostgreSQL server through tests/fault_proxy.py, which
holds every chunk 20 ms each way: a 40 ms round trip, as between two cities.
Besides p50 / p95 / max, each interaction says how many round trips it took:
the times the program sent to the server after an answer came back (or first
on a connection) while it ran; what it sends before the next answer, such as
statements queued together in psycopg's pipeline mode, is the same trip
(`FaultProxy.round_trips`). At 40 ms a round trip, the goal of
300 ms leaves room for about seven; the aim is at most three.

The floor is the same window repainted from what it holds, as in
bench_interactions.py; `network_ms` is the round trips times 40 ms, the least
the line itself costs.

    python tests/bench/bench_remote.py [--small] [--orders N] [--delay-ms 40]

`--small` is a smoke run: 2,000 orders, one timed run each, a 10 ms line.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

import _common as common
import _interactions

GOAL_MS = 300
GOAL_ROUND_TRIPS = 3

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for fault_proxy


def main() -> None:
    parser = common.parser(__doc__, backends=("postgresql",))
    parser.add_argument("--orders", type=int, default=None,
                        help="orders and books, default 100000 (--small: 2000)")
    parser.add_argument("--delay-ms", type=float, default=None,
                        help="round trip to the server, default 40 (--small: 10, a smoke run)")
    args = parser.parse_args()
    if any(backend != "postgresql" for backend in common.backends_of(args, ("postgresql",))):
        parser.error("only PostgreSQL is reached over a network")
    orders = args.orders or (2_000 if args.small else 100_000)
    delay_ms = args.delay_ms or (10.0 if args.small else 40.0)
    repeat = args.repeat or (1 if args.small else 10)  # each run costs seconds over the line
    result = {"benchmark": "interactions over a slow line to PostgreSQL", "orders": orders,
              "books": orders, "repeat": repeat, "round_trip_ms": delay_ms,
              "goal_ms": GOAL_MS, "goal_round_trips": GOAL_ROUND_TRIPS,
              "machine": common.machine(), "load_average": os.getloadavg(),
              "backends": {"postgresql": run(orders, repeat, delay_ms)}}
    common.emit(result)


def run(orders: int, repeat: int, delay_ms: float) -> dict:
    sizes = {"books": orders, "orders": orders, "buyers": max(10, orders // 20), "shops": 1}
    with common.bulk_database("postgresql", **sizes) as (url, _, _counts):
        buyer, staff = _interactions.prepare()
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            figures = pool.apply(measure, (url, buyer, staff, repeat,
                                           delay_ms))
    for figure in figures.values():
        figure["network_ms"] = common.ms(figure.get("round_trips", 0) * delay_ms)
    return {"sizes": sizes, "interactions": figures, **verdict(figures)}


def verdict(figures: dict) -> dict:
    slow = sorted(name for name, f in figures.items() if f["p95_ms"] > GOAL_MS)
    chatty = sorted(name for name, f in figures.items()
                    if f.get("round_trips", 0) > GOAL_ROUND_TRIPS)
    return {"over_300_ms": slow, "over_3_round_trips": chatty,
            "all_goals_met": not slow and not chatty}


def measure(url: str, buyer: str, staff: str, repeat: int, delay_ms: float) -> dict:
    """The windows, in their own process, with the proxy's threads beside them."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from fault_proxy import FaultProxy
    from PySide6.QtWidgets import QApplication

    from bookshop_gui import db
    from bookshop_gui.ui import resources

    app = QApplication.instance() or QApplication(["bookshop-bench"])
    app.setStyleSheet(resources.style_sheet())
    proxy = FaultProxy.for_url(url)
    proxy.delay(delay_ms / 2000)  # half the round trip each way
    try:
        db.connect(proxy.url(url))
        return _interactions.measure_all(buyer, staff, repeat, sent=lambda: proxy.round_trips)
    finally:
        proxy.close()


if __name__ == "__main__":
    main()
