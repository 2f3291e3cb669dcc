"""The interactions bench_interactions.py times, each driven through the windows' widgets.

Runs inside a process that already has a QApplication and a connected database.
Every interaction is a `start` (the input event) and a `ready` test (the answer is
on screen); `Driver.time` runs the event loop in C++ between checks, so the
worker thread has the interpreter as it would in the program.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

import _common as common
from PySide6.QtCore import QEventLoop, QItemSelectionModel, Qt, QTimer
from PySide6.QtTest import QTest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import addresses, auth, shop
from bookshop_gui.ui.tasks import Tasks

LEFT = Qt.MouseButton.LeftButton
WAIT_S = 60
KEYS = "aeiou"


class Driver:
    """Times interactions against one Tasks worker; collects input-to-paint figures.

    `sent` (optional) counts what has gone to the database server so far: each
    run then also notes how many round trips it took.
    """

    def __init__(self, tasks: Tasks, sent=None):
        self.tasks, self.sent = tasks, sent
        self.figures: dict[str, dict] = {}

    def wait(self, ready) -> None:
        deadline = time.monotonic() + WAIT_S
        loop = QEventLoop()
        while not (ready() and not self.tasks.busy):
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not answer within a minute")
            QTimer.singleShot(1, loop.quit)
            loop.exec()

    def run(self, runs: Runs, start, ready, window) -> None:
        """One run: start -> ready -> `window()` painted; noted unless it warms caches."""
        trips = self.sent() if self.sent else 0
        began = time.perf_counter()
        start()
        self.wait(ready)
        window().repaint()
        took = (time.perf_counter() - began) * 1000
        trips = self.sent() - trips if self.sent else None
        runs.add(took, common.timed(window().repaint)[0], trips)

    def time(self, name: str, window, start, ready, repeat: int, *, before=None) -> None:
        """`repeat` runs (after one to warm caches) of start -> ready -> painted."""
        runs = Runs()
        for _ in range(repeat + 1):
            if before is not None:
                before()
                self.wait(lambda: True)
            self.run(runs, start, ready, lambda: window)
        self.figures[name] = runs.summary()


class Runs:
    """The timed runs of one interaction; the first is dropped (it warms caches)."""

    def __init__(self):
        self.took: list[float] = []
        self.floors: list[float] = []
        self.trips: list[int] = []
        self.warm = False

    def add(self, took: float, floor: float, trips: int | None) -> None:
        self.floors.append(floor)
        if not self.warm:
            self.warm = True
            return
        self.took.append(took)
        if trips is not None:
            self.trips.append(trips)

    def summary(self) -> dict:
        took = self.took
        figures = {"p50_ms": common.ms(statistics.median(took)),
                   "p95_ms": common.ms(common.percentile(took, 0.95)),
                   "max_ms": common.ms(max(took)),
                   "floor_ms": common.ms(statistics.median(self.floors)), "runs": len(took)}
        if self.trips:
            figures["round_trips"] = round(statistics.median(self.trips))
        return figures


def close_all(opened: list) -> None:
    """Close and free every window a run opened, so the next run starts from none."""
    while opened:
        window = opened.pop()
        window.close()
        window.deleteLater()


def prepare() -> tuple[str, str]:
    """The buyer and the clerk the windows are opened for, on a freshly seeded database.

    Every book gets copies enough for every run: bought again and again, a
    seeded book (0 to 200 copies) would run out, and a refusal is not what is timed.
    """
    from bookshop_gui.models import Book, User

    Book.update(stock=1_000_000).execute()
    buyer = User.select().where(User.role == "buyer").order_by(User.id).first()
    staff = User.select().where(User.role == "staff").order_by(User.id).first()
    return buyer.username, staff.username


def measure_all(buyer: str, staff: str, repeat: int, sent=None) -> dict:
    """Every interaction's figures by name; `sent` counts round trips (see Driver)."""
    tasks = Tasks()
    driver = Driver(tasks, sent)
    try:
        _sign_in(driver, staff, repeat)
        _buyer(driver, auth.login(buyer, "bookshop"), repeat)
        _merchant(driver, auth.login(staff, "bookshop"), repeat)
    finally:
        tasks.wait()
    return driver.figures


# -- sign-in ---------------------------------------------------------------------


def _sign_in(driver: Driver, username: str, repeat: int) -> None:
    """Return pressed on the password -> the merchant window's first pane painted."""
    from bookshop_gui.ui.merchant.window import MerchantWindow
    from bookshop_gui.ui.sign_in import SignInWindow

    screen = SignInWindow(driver.tasks)
    screen.show()
    opened: list = []

    def start():
        screen.fill(username, "bookshop")
        screen.signed_in.connect(lambda session: opened.append(
            MerchantWindow(session, driver.tasks)) or opened[-1].show())
        QTest.keyClick(screen.password, Qt.Key.Key_Return)

    def ready():
        return bool(opened) and opened[-1].panes["orders"].model.rowCount() > 0

    def close():
        screen.signed_in.disconnect()
        close_all(opened)

    runs = Runs()
    for _ in range(repeat + 1):
        driver.run(runs, start, ready, lambda: opened[-1])
        auth.logout(opened[-1].session.token)
        close()
        driver.wait(lambda: True)
    screen.close()
    driver.figures["sign_in_to_first_screen"] = runs.summary()


# -- the buyer at a kiosk ----------------------------------------------------------


def _buyer(driver: Driver, session, repeat: int) -> None:
    from bookshop_gui.ui.buyer.window import BuyerWindow

    if not addresses.addresses(session.token):
        addresses.save_address(session.token, name="Reader", phone="13800000000",
                               region="浙江省杭州市", street="1 West Lake Road")
    window = BuyerWindow(session, driver.tasks, kiosk=True)
    window.show()
    window.watcher.stop()  # its poll would land inside timed runs
    page = window.catalog
    page._pause.setInterval(0)  # the typing pause is waiting on purpose: not counted
    driver.wait(lambda: page.model.rowCount() > 0)
    _kiosk_search(driver, window, repeat)
    _add_to_cart(driver, window, repeat)
    _order_and_pay(driver, window, repeat)
    _open_order(driver, window, repeat)
    window.close()
    auth.logout(session.token)


def _kiosk_search(driver: Driver, window, repeat: int) -> None:
    page = window.catalog
    typed = iter(KEYS * (repeat + 2))

    def start():
        if len(page.search.text()) >= 3:
            page.search.clear()
        QTest.keyClick(page.search, next(typed))

    driver.time("kiosk_search_keystroke", window, start,
                lambda: page.model.text == page.search.text(), repeat)
    page.clear_search()
    driver.wait(lambda: page.model.text == "")


def _add_to_cart(driver: Driver, window, repeat: int) -> None:
    page = window.catalog
    QTest.mouseClick(page.list.viewport(), LEFT,
                     pos=page.list.visualRect(page.model.index(0)).center())
    wanted = [0]

    def start():
        wanted[0] = window.cart.model.copies() + 1
        QTest.mouseClick(page.panel.add_button, LEFT)

    driver.time("add_to_cart", window, start,
                lambda: window.cart.model.copies() >= wanted[0], repeat)


def _order_and_pay(driver: Driver, window, repeat: int) -> None:
    """Cart -> preview (no server call), then timed: submit -> payment, pay -> thanks."""
    payment, preview = window.payment, window.preview
    submitted, paid = Runs(), Runs()
    book = window.catalog.model.book(0)
    for _ in range(repeat + 1):
        window.buy_now(book, 1)
        driver.wait(lambda: preview.submit_button.isEnabled())
        driver.run(submitted, lambda: QTest.mouseClick(preview.submit_button, LEFT),
                   lambda: payment.pay_button.isEnabled(), lambda: window)
        driver.run(paid, lambda: QTest.mouseClick(payment.pay_button, LEFT),
                   lambda: window.current_page() == "orders"
                   and window.orders.model.rowCount() > 0, lambda: window)
    driver.figures["create_order_to_payment_page"] = submitted.summary()
    driver.figures["pay_to_confirmation"] = paid.summary()


def _open_order(driver: Driver, window, repeat: int) -> None:
    window.show_orders(None)
    driver.wait(lambda: window.orders.model.rowCount() > 0)
    order_id = window.orders.model.order(0).id
    driver.time("open_an_order", window, lambda: window.show_order(order_id),
                lambda: window.detail.order is not None and window.detail.order.id == order_id,
                repeat, before=lambda: window.show_orders(None))


# -- staff at a workstation ----------------------------------------------------------


def _merchant(driver: Driver, session, repeat: int) -> None:
    from bookshop_gui.ui.merchant.window import MerchantWindow

    window = MerchantWindow(session, driver.tasks)
    window.show()
    window.watcher.stop()  # its poll would land inside timed runs
    pane = window.show_pane("orders")
    driver.wait(lambda: pane.model.rowCount() > 0)
    _status_tab(driver, window, pane, repeat)
    _orders_search(driver, window, pane, repeat)
    _open_editor(driver, pane, repeat)
    _save_an_edit(driver, pane, repeat)
    _ship_fifty(driver, window, pane, repeat)
    _catalog_search(driver, window, repeat)
    _year_report(driver, window, repeat)
    window.close()
    auth.logout(session.token)


def _status_tab(driver: Driver, window, pane, repeat: int) -> None:
    tabs = pane.tabs
    cycle = iter(list(range(tabs.count())) * (repeat + 2))
    driver.time("merchant_status_tab", window, lambda: tabs.setCurrentIndex(next(cycle)),
                lambda: True, repeat)
    tabs.setCurrentIndex(0)
    driver.wait(lambda: pane.model.rowCount() > 0)


def _search_keystrokes(driver: Driver, name: str, window, box, repeat: int, shown) -> None:
    box.pause.setInterval(0)  # the typing pause is waiting on purpose: not counted
    typed = iter(KEYS * (repeat + 2))

    def start():
        if len(box.text()) >= 3:
            box.clear()
            driver.wait(lambda: True)
        QTest.keyClick(box, next(typed))

    driver.time(name, window, start, lambda: shown() == box.query(), repeat)
    box.clear()
    box.search_now()
    driver.wait(lambda: shown() == "")


def _orders_search(driver: Driver, window, pane, repeat: int) -> None:
    searched: list[str] = [""]
    pane.search.searched.connect(searched.append)
    _search_keystrokes(driver, "orders_search_keystroke", window, pane.search, repeat,
                       lambda: searched[-1])


def _open_editor(driver: Driver, pane, repeat: int) -> None:
    """Enter on a row -> the order editor shown with its lines."""
    opened: list = []

    def start():
        opened.append(pane.open_order(pane._order(0)))

    runs = Runs()
    for _ in range(repeat + 1):
        close_all(opened)
        driver.wait(lambda: True)
        driver.run(runs, start, lambda: opened[-1].order is not None, lambda: opened[-1])
    close_all(opened)
    driver.figures["open_the_editor"] = runs.summary()


def _save_an_edit(driver: Driver, pane, repeat: int) -> None:
    """An unpaid order's first line a copy down, then up again: Save -> the order read back.

    Counting down first needs no stock: bulk books may have none left to add.
    """
    from bookshop_gui.ui.merchant.order_lines_model import COL_COUNT

    tabs = pane.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count())
                              if tabs.tabData(i) == OrderStatus.PENDING_PAYMENT))
    driver.wait(lambda: pane.model.rowCount() > 0)
    token = pane.session.token
    row = next((r for r in range(pane.model.rowCount())
                if shop.get_order(token, pane._order(r).id).lines[0].cnt > 1), None)
    if row is None:  # every unpaid order holds single copies: nothing to take one from
        return
    editor = pane.open_order(pane._order(row))
    driver.wait(lambda: editor.order is not None)
    step = iter([-1, 1] * (repeat + 1))  # one copy back to stock, then taken again

    def start():
        index = editor.lines.index(0, COL_COUNT)
        editor.lines.setData(index, str(editor.order.lines[0].cnt + next(step)))
        QTest.mouseClick(editor.save_button, LEFT)

    saved: list[int] = []
    editor.saved.connect(saved.append)
    driver.time("save_an_edit", editor, start,
                lambda: bool(saved) and editor.isEnabled() and not editor.lines.dirty,
                repeat, before=saved.clear)
    editor.close()
    editor.deleteLater()


def _ship_fifty(driver: Driver, window, pane, repeat: int) -> None:
    """Fifty orders awaiting shipment chosen, waybills typed: Ship -> the list painted again.

    A small database holds too few orders awaiting shipment for fifty a run: then
    each run ships what a share of them allows, and the figure says how many.
    """
    tabs = pane.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count())
                              if tabs.tabData(i) == OrderStatus.PENDING_SHIPMENT))
    driver.wait(lambda: pane.model.rowCount() > 0)
    rounds = min(repeat, 5) + 1
    waiting = shop.count_orders(window.session.token, OrderStatus.PENDING_SHIPMENT)
    batch = min(50, waiting // rounds)
    runs = Runs()
    for index in range(rounds if batch else 0):
        driver.wait(lambda: all(pane.model.order_at(row) for row in range(batch)))
        ids = [pane._order(row).id for row in range(batch)]
        _choose(pane, ids)
        dialog = pane.ship_selected()
        for number, field in enumerate(dialog.fields.values()):
            field.setText(f"SF{index}{number:06d}")
        driver.run(runs, lambda dialog=dialog: QTest.mouseClick(dialog.ship_button, LEFT),
                   lambda ids=ids: pane.model.row_of(ids[0]) < 0, lambda: window)
    if runs.took:
        driver.figures["ship_50_selected"] = {**runs.summary(), "orders_a_run": batch}


def _choose(pane, ids) -> None:
    """Select these orders' rows, as ctrl-clicks would."""
    selection = pane.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for order_id in ids:
        selection.select(pane.model.index(pane.model.row_of(order_id), 0), flags)


def _catalog_search(driver: Driver, window, repeat: int) -> None:
    pane = window.show_pane("catalog")
    driver.wait(lambda: pane.model.rowCount() > 0)
    searched: list[str] = [""]
    pane.search.searched.connect(searched.append)
    _search_keystrokes(driver, "catalog_search_keystroke", window, pane.search, repeat,
                       lambda: searched[-1])


def _year_report(driver: Driver, window, repeat: int) -> None:
    """A year's period chosen -> the report's figures and chart painted."""
    pane = window.show_pane("reports")
    driver.wait(lambda: True)
    today = date.today()
    shown: list = []
    original = pane._show

    def show(report):
        original(report)
        shown.append(report)

    pane._show = show  # looked up when the report is asked for: notes its arrival
    driver.time("year_report", window,
                lambda: pane.set_period(today.replace(year=today.year - 1), today),
                lambda: bool(shown), repeat, before=shown.clear)
