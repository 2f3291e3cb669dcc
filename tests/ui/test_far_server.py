"""How many round trips an interaction costs a workstation far from its PostgreSQL server.

In another city every round trip costs about 40 ms, so what the windows read
around an interaction is counted here, in the real windows on their real
worker thread, through a proxy that holds each chunk 10 ms each way. The
count is bench_remote.py's own (its `Driver`, the proxy's `round_trips`); the
tests pass or fail on the count and on what the person sees, never on time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fault_proxy import FaultProxy
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bookshop_gui import db
from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import auth, catalog, demo_data, orders, shop
from bookshop_gui.ui import formatting
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.window import MerchantWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import _interactions  # noqa: E402  (tests/bench: the benchmark's driver)

pytestmark = pytest.mark.parametrize("backend", ["postgresql"])
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def line(backend, db_url):
    """The demo shop on PostgreSQL behind a slow line; yields the proxy that counts."""
    seeding = db.connect(db_url)  # straight to the server: the slow line is for the windows
    demo_data.seed()
    seeding.close()
    proxy = FaultProxy.for_url(db_url)
    proxy.delay(0.01)  # what a client sends before an answer can come back is one trip
    database = db.connect(proxy.url(db_url))
    yield proxy
    database.close()
    proxy.close()


@pytest.fixture
def driver(line, threaded):
    """bench_remote's driver on a real worker thread, counting the proxy's round trips."""
    return _interactions.Driver(threaded(), sent=lambda: line.round_trips)


def round_trips(driver, window, start, ready) -> int:
    """The round trips of start → ready the second time (the first warms up the line)."""
    runs = _interactions.Runs()
    for _ in range(2):
        driver.run(runs, start, ready, lambda: window)
    return runs.trips[0]


@pytest.fixture
def merchant(qtbot, driver):
    staff, buyer = auth.login("lakeside", "lakeside"), auth.login("reader", "reader")
    books = [book for book in catalog.search("", shop_id=staff.shop_id) if book.stock >= 2]
    for index, book in enumerate(books[:4]):
        placed = orders.create(buyer.token, book.id, 1 + index % 2)
        if index % 2:
            orders.pay(buyer.token, placed)
    window = MerchantWindow(staff, driver.tasks)
    qtbot.addWidget(window)
    window.show()
    window.watcher.stop()  # its poll would land inside a counted interaction
    pane = window.show_pane("orders")
    driver.wait(lambda: pane.model.rowCount() > 0)
    return window


def tab_of(pane, status) -> int:
    return next(i for i in range(pane.tabs.count()) if pane.tabs.tabData(i) == status)


def test_a_status_tab_shows_its_orders_and_every_count_in_one_round_trip(driver, merchant):
    pane, token = merchant.panes["orders"], merchant.session.token
    shipping, unpaid = (tab_of(pane, s) for s in (OrderStatus.PENDING_SHIPMENT,
                                                   OrderStatus.PENDING_PAYMENT))
    cycle = iter([unpaid, shipping])
    trips = round_trips(driver, merchant, lambda: pane.tabs.setCurrentIndex(next(cycle)),
                        lambda: True)
    assert trips <= 1  # was 4: the session, the page, its lines, the counts
    waiting = shop.count_orders(token, OrderStatus.PENDING_SHIPMENT)
    assert pane.model.rowCount() == waiting > 0
    assert {pane._order(row).status for row in range(waiting)} == {OrderStatus.PENDING_SHIPMENT}
    assert f"({waiting})" in pane.tabs.tabText(shipping)
    assert f"({shop.count_orders(token, OrderStatus.PENDING_PAYMENT)})" in pane.tabs.tabText(unpaid)


def test_the_order_editor_opens_with_lines_and_history_in_one_round_trip(driver, merchant):
    pane = merchant.panes["orders"]
    pane.tabs.setCurrentIndex(tab_of(pane, OrderStatus.PENDING_PAYMENT))
    driver.wait(lambda: pane.model.rowCount() > 0)
    order = shop.get_order(merchant.session.token, pane._order(0).id)
    opened: list = []

    def start():
        if opened:
            opened.pop().close()
        opened.append(pane.open_order(pane._order(0)))

    trips = round_trips(driver, merchant, start, lambda: opened[-1].order is not None)
    editor = opened[-1]
    assert trips <= 1  # was 4: the session, the order, its lines, its history
    assert editor.order == order
    assert editor.lines.rowCount() >= len(order.lines)
    assert editor.lines.index(0, 0).data() is not None
    editor.close()


def test_submitting_an_order_reaches_the_payment_page_in_five_round_trips(
        qtbot, driver):
    window = BuyerWindow(auth.login("reader", "reader"), driver.tasks)
    qtbot.addWidget(window)
    window.show()
    window.watcher.stop()
    book = catalog.search("")[0]
    preview, payment = window.preview, window.payment
    runs = _interactions.Runs()
    for _ in range(2):
        window.buy_now(book, 1)
        driver.wait(preview.submit_button.isEnabled)
        driver.run(runs, lambda: QTest.mouseClick(preview.submit_button, LEFT),
                   payment.pay_button.isEnabled, lambda: window)
    # Was 19, of which the write itself (orders.create_from_cart) took 14; it takes 3 now.
    assert runs.trips[0] <= 5
    order = orders.info(window.session.token, payment.order_ids()[0])
    assert order.lines[0].book_id == book.id
    assert payment.amount.text() == formatting.money(order.total)


def test_paying_shows_my_orders_with_every_count_in_five_round_trips(
        qtbot, driver):
    window = BuyerWindow(auth.login("reader", "reader"), driver.tasks)
    qtbot.addWidget(window)
    window.show()
    window.watcher.stop()
    book, payment = catalog.search("")[0], window.payment
    runs, paid = _interactions.Runs(), []
    for _ in range(2):
        window.buy_now(book, 1)
        driver.wait(window.preview.submit_button.isEnabled)
        QTest.mouseClick(window.preview.submit_button, LEFT)
        driver.wait(payment.pay_button.isEnabled)
        paid.append(payment.order_ids()[0])
        driver.run(runs, lambda: QTest.mouseClick(payment.pay_button, LEFT),
                   lambda: window.current_page() == "orders"
                   and window.orders.model.row_of(paid[-1]) >= 0, lambda: window)
    # Was 18: the payment's 12 (3 now), then the list and the counts, two calls each with
    # a check.
    assert runs.trips[0] <= 5
    page, token = window.orders, window.session.token
    waiting = orders.counts(token)[OrderStatus.PENDING_SHIPMENT]
    assert page.status() == OrderStatus.PENDING_SHIPMENT
    assert page.model.rowCount() == waiting >= 2
    assert f"({waiting})" in page.tabs.tabText(page.tabs.currentIndex())


def test_signing_in_shows_the_first_page_of_orders_in_three_round_trips(
        qtbot, driver, merchant):
    from bookshop_gui.ui.sign_in import SignInWindow

    merchant.close()  # it placed the orders the new window shows

    screen = SignInWindow(driver.tasks)
    qtbot.addWidget(screen)
    screen.show()
    opened: list[MerchantWindow] = []

    def open_window(session):
        opened.append(MerchantWindow(session, driver.tasks))
        qtbot.addWidget(opened[-1])
        opened[-1].show()

    screen.signed_in.connect(open_window)

    def sign_in():
        screen.fill("lakeside", "lakeside")
        QTest.mouseClick(screen.sign_in_button, LEFT)

    runs = _interactions.Runs()
    for _ in range(2):
        driver.run(runs, sign_in, lambda: bool(opened) and opened[-1].panes["orders"].model
                   .rowCount() > 0, lambda: opened[-1])
        opened[-1].close()
    # The password's check and the new session, then the first page: the window's watcher
    # starts where the sign-in found the change log, with no look of its own.
    assert runs.trips[0] <= 3
    first = opened[-1].panes["orders"].model
    assert first.rowCount() == len(shop.list_orders(opened[-1].session.token))
