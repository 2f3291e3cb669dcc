"""The merchant window's orders pane at 100,000 orders: first pages, scrolling, memory.

A real `MerchantWindow`, signed in as staff of a shop holding every order, is
shown offscreen and driven as a person would drive it, with service calls on
its background worker as in the program:

- first page: each status tab (and "All") is clicked, and the time runs until
  the model has its first page (`loaded_ms`) and the view has painted it
  (`window_ms`, what the goal is judged on). The floor is the same page (100
  rows, the six columns) read with one raw SQL query through the driver
  (sqlite3 / psycopg). `paint_ms` is a repaint of the view with the rows
  already there: Qt's own share, which no query can shorten.
- scrolling: the view is moved down a page (100 rows) at a time to the last
  order; each fetch is timed from the scroll to the new rows painted (read,
  not placeholders). Between scrolls the pane is left to finish its background
  work, as it would be while a person reads the rows just shown.
- memory: the process's resident size after signing in, after 10,000 rows
  scrolled and after all of them; the growth per 10,000 rows tells whether the
  model keeps rows it has shown (it should hold a few pages, `most_rows_held`).

The window runs in a fresh process, so memory freed by the bulk load does not
hide what the window allocates. The window's look for changes (every 3 s) is
stopped so its work never lands inside a timed fetch.

    python tests/bench/bench_orders_pane.py [--small] [--orders N] [--backend sqlite ...]
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import statistics
import time

import _common as common

PAGE = 100
GOAL_FIRST_PAGE_RATIO = 2
GOAL_FETCH_MS = 50
GOAL_RSS_MB = 200
GOAL_GROWTH_MB_PER_10K = 1  # flat: the rows scrolled past are let go
MEMORY_MARK = 10_000
WAIT_MS = 60_000


def main() -> None:
    parser = common.parser(__doc__)
    parser.add_argument("--orders", type=int, default=None, help="default 100000 (--small: 2000)")
    args = parser.parse_args()
    orders = args.orders or (2_000 if args.small else 100_000)
    repeat = args.repeat or (3 if args.small else 9)
    result = {"benchmark": "merchant orders pane", "orders": orders, "page": PAGE,
              "repeat": repeat, "goal_first_page_ratio": GOAL_FIRST_PAGE_RATIO,
              "goal_fetch_ms": GOAL_FETCH_MS, "goal_rss_mb": GOAL_RSS_MB,
              "goal_growth_mb_per_10k_rows": GOAL_GROWTH_MB_PER_10K,
              "machine": common.machine(), "backends": {}}
    for backend in common.backends_of(args):
        result["backends"][backend] = run(backend, orders, repeat)
    common.emit(result)


def run(backend: str, orders: int, repeat: int) -> dict:
    """Seed in this process; measure the window in a fresh one."""
    from bookshop_gui.models import User

    sizes = {"books": max(100, orders // 5), "orders": orders,
             "buyers": max(10, orders // 20), "shops": 1}
    with common.bulk_database(backend, **sizes) as (url, _, _counts):
        clerk = User.select().where(User.role == "staff").order_by(User.id).first()
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            figures = pool.apply(measure_window, (url, clerk.username, orders, repeat))
    return {"sizes": sizes, **figures}


def measure_window(url: str, username: str, orders: int, repeat: int) -> dict:
    """Everything measured in the window's own process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bookshop_gui import db
    from bookshop_gui.services import auth
    from bookshop_gui.ui import resources

    app = QApplication.instance() or QApplication(["bookshop-bench"])
    app.setStyleSheet(resources.style_sheet())  # painted as the program paints it
    db.connect(url)
    session = auth.login(username, "bookshop")
    raw = common.RawConnection(url)
    try:
        pane = _Pane(session)
        memory = {"after_sign_in_mb": rss_mb()}
        first = _first_pages(pane, _RawFirstPage(raw, session.shop_id), repeat)
        scroll = _scroll_to_end(pane, orders, memory)
        pane.close()
    finally:
        raw.close()
        auth.logout(session.token)
    app.processEvents()
    return {"first_page": first, **_verdict(first, scroll, memory), "scroll_to_end": scroll,
            "memory": memory}


def _verdict(first: dict, scroll: dict, memory: dict) -> dict:
    worst = max(v["vs_floor"] or 0 for v in first.values())
    return {
        "first_page_worst_ratio": worst,
        "first_page_goal_met": worst <= GOAL_FIRST_PAGE_RATIO,
        "fetch_goal_met": scroll["fetch_max_ms"] < GOAL_FETCH_MS,
        "memory_goal_met": (memory["peak_mb"] < GOAL_RSS_MB
                            and memory["growth_mb_per_10k_rows"] < GOAL_GROWTH_MB_PER_10K),
    }


def rss_mb() -> float:
    """Resident memory now (VmRSS), after a collection so garbage is not counted."""
    gc.collect()
    with open("/proc/self/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return round(kb / 1024, 1)


class _Pane:
    """A shown MerchantWindow's orders pane, and a way to wait for its worker."""

    def __init__(self, session):
        from PySide6.QtCore import QEvent, QObject

        from bookshop_gui.ui.merchant.window import MerchantWindow
        from bookshop_gui.ui.tasks import Tasks

        self.tasks = Tasks()
        self.window = MerchantWindow(session, self.tasks)
        self.window.show()
        self.pane = self.window.show_pane("orders")
        self.window.watcher.stop()
        self.model, self.table = self.pane.model, self.pane.table
        self.paints = 0
        outer = self

        class PaintCounter(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint:
                    outer.paints += 1
                return False

        self._counter = PaintCounter()
        self.table.viewport().installEventFilter(self._counter)
        self.settle()

    def wait(self, done) -> None:
        """Run the event loop (in C++, so the worker has the interpreter) until `done()`."""
        from PySide6.QtCore import QEventLoop, QTimer

        deadline = time.monotonic() + WAIT_MS / 1000
        loop = QEventLoop()
        self.model.loaded.connect(loop.quit)
        self.model.rowsInserted.connect(loop.quit)
        self.tasks.busy_changed.connect(loop.quit)
        try:
            while not done():
                if time.monotonic() > deadline:
                    raise TimeoutError("the orders pane did not answer within a minute")
                QTimer.singleShot(50, loop.quit)
                loop.exec()
        finally:
            self.model.loaded.disconnect(loop.quit)
            self.model.rowsInserted.disconnect(loop.quit)
            self.tasks.busy_changed.disconnect(loop.quit)

    def settle(self) -> None:
        """Let every pane finish what it loads, including the reads a paint asked for (they
        start once the event loop runs again)."""
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        self.wait(lambda: not self.tasks.busy)

    def painted(self) -> int:
        """Paint the view now, as the next frame would; how many paints that took."""
        before = self.paints
        self.table.viewport().repaint()
        return self.paints - before

    def close(self) -> None:
        self.settle()
        self.window.close()
        self.tasks.wait()


def _first_pages(pane: _Pane, floor: _RawFirstPage, repeat: int) -> dict:
    """Click each tab `repeat` times (cycling through all), timed to the painted first page."""
    timings: dict[str, list[float]] = {name: [] for name in common.STATUS_TABS}
    loaded: dict[str, list[float]] = {name: [] for name in common.STATUS_TABS}
    paints: dict[str, list[float]] = {name: [] for name in common.STATUS_TABS}
    tabs = pane.pane.tabs
    index_of = {tabs.tabData(i): i for i in range(tabs.count())}
    for _ in range(repeat + 1):  # the first round warms caches, as a window in use would be
        for name, status in (*list(common.STATUS_TABS.items())[1:], ("all", None)):
            start = time.perf_counter()
            tabs.setCurrentIndex(index_of[status])
            pane.wait(lambda: pane.model.rowCount() > 0)
            loaded[name].append((time.perf_counter() - start) * 1000)
            if not pane.painted():
                raise RuntimeError("the view did not paint")
            timings[name].append((time.perf_counter() - start) * 1000)
            pane.settle()
            paints[name].append(common.timed(pane.painted)[0])
    result = {}
    for name, status in common.STATUS_TABS.items():
        window_ms = common.ms(statistics.median(timings[name][1:]))
        loaded_ms = common.ms(statistics.median(loaded[name][1:]))
        floor_ms = common.median_ms(floor.page, repeat, status)
        result[name] = {"window_ms": window_ms, "loaded_ms": loaded_ms,
                        "paint_ms": common.ms(statistics.median(paints[name][1:])),
                        "floor_ms": floor_ms, "vs_floor": common.ratio(window_ms, floor_ms),
                        "loaded_vs_floor": common.ratio(loaded_ms, floor_ms)}
    return result


def _scroll_to_end(pane: _Pane, total: int, memory: dict) -> dict:
    """Scroll down a page at a time to the last order; each fetch timed to its painted rows."""
    tabs, model = pane.pane.tabs, pane.model
    tabs.setCurrentIndex(0)
    pane.wait(lambda: model.rowCount() == total)  # the count: the scrollbar spans the tab
    pane.settle()
    fetches: list[float] = []
    held = row = waited = 0
    while row < total - 1:
        before, row = row, min(row + PAGE, total - 1)
        start = time.perf_counter()
        pane.table.scrollTo(model.index(row, 0), pane.table.ScrollHint.PositionAtTop)
        pane.painted()  # rows read ahead show at once; others as placeholders, asked for
        if not _all_on_screen(pane):
            waited += 1
            pane.wait(lambda: _all_on_screen(pane))
            pane.painted()
        fetches.append((time.perf_counter() - start) * 1000)
        pane.settle()
        held = max(held, len(model.rows))
        if before < MEMORY_MARK <= row:
            memory["after_10k_rows_mb"] = rss_mb()
            memory["rows_at_mark"] = row
    pane.settle()
    memory["after_all_rows_mb"] = rss_mb()
    memory["rows"] = total
    memory["most_rows_held"] = held
    memory["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    mark_mb, mark_rows = memory.get("after_10k_rows_mb"), memory.get("rows_at_mark", 0)
    memory["growth_mb_per_10k_rows"] = (
        round((memory["after_all_rows_mb"] - mark_mb) * 10_000 / (total - mark_rows), 2)
        if mark_mb is not None and total > mark_rows else 0.0)
    return {
        "fetches": len(fetches), "rows": total, "fetches_waiting_for_a_read": waited,
        "fetch_median_ms": common.ms(statistics.median(fetches)) if fetches else 0.0,
        "fetch_p95_ms": common.ms(common.percentile(fetches, 0.95)),
        "fetch_max_ms": common.ms(max(fetches, default=0.0)),
        "total_s": round(sum(fetches) / 1000, 2),
    }


def _all_on_screen(pane: _Pane) -> bool:
    """Every row in the view read (none left a placeholder)."""
    table, model = pane.table, pane.model
    first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    return all(model.order_at(row) is not None for row in range(first, last + 1))


class _RawFirstPage:
    """A shop's first page as the pane shows it (number, buyer, created, items, total, status)."""

    def __init__(self, raw, shop_id: int):
        self.raw, self.shop_id = raw, shop_id
        items = ("group_concat(l.name || ' × ' || l.cnt, ', ')" if raw.backend == "sqlite"
                 else "string_agg(l.name || ' × ' || l.cnt, ', ' ORDER BY l.id)")
        self.items = f"(SELECT {items} FROM order_lines l WHERE l.order_id = o.id)"

    def page(self, status):
        where, params = "o.shop_id = %s", [self.shop_id]
        if status is not None:
            where += " AND o.status = %s"
            params.append(status)
        return self.raw.rows(
            f"SELECT o.id, u.username, o.created_at, {self.items}, o.total, o.status "
            f"FROM orders o JOIN users u ON u.id = o.buyer_id WHERE {where} "
            "ORDER BY o.created_at DESC, o.id DESC LIMIT %s", (*params, PAGE))


if __name__ == "__main__":
    main()
