"""The orders pane as shop staff use it: tabs, search, sort, ship, cancel, the kiosk poll."""

import gc
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.domain import OrderDetail, OrderRow, OrderStatus
from bookshop_gui.services import accounts, auth, catalog, shop
from bookshop_gui.ui import resources
from bookshop_gui.ui.merchant import orders_model
from bookshop_gui.ui.merchant.orders_model import (
    COL_BUYER,
    COL_ITEMS,
    COL_STATUS,
    COL_TOTAL,
    OrdersModel,
)
from bookshop_gui.ui.merchant.packing_slip import SlipDialog
from bookshop_gui.ui.merchant.ship_dialog import ShipDialog

from .live_helpers import book_id, choose, click_tab, enter_waybills, place


@pytest.fixture
def window(staff_window):
    return staff_window


@pytest.fixture
def placed(buyer_session):
    """Three unpaid, two paid and one shipped order, oldest first."""
    return {
        "unpaid": [place(buyer_session, "Emma"), place(buyer_session, "Dracula", 2),
                   place(buyer_session, "Moby-Dick")],
        "paid": [place(buyer_session, "Frankenstein", pay=True),
                 place(buyer_session, "Jane Eyre", 2, pay=True)],
    }


def pane_of(window):
    return window.show_pane("orders")


def shown(pane, column=0):
    model = pane.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_staff_see_their_orders_newest_first_with_counts_on_the_tabs(qtbot, window, placed):
    pane = pane_of(window)
    pane.reload()
    newest = placed["paid"][-1]
    assert shown(pane)[0] == f"#{newest}"
    assert len(shown(pane)) == 5
    assert shown(pane, COL_BUYER) == ["reader"] * 5
    texts = [pane.tabs.tabText(i) for i in range(pane.tabs.count())]
    assert texts[:3] == ["All (5)", "To pay (3)", "To ship (2)"]
    assert window.windowTitle() == "Bookshop — Lakeside Books"


def test_a_status_tab_shows_only_that_status(qtbot, window, placed):
    pane = pane_of(window)
    click_tab(qtbot, pane, OrderStatus.PENDING_SHIPMENT)
    assert set(shown(pane, COL_STATUS)) == {"Pending shipment"}
    assert sorted(shown(pane)) == sorted(f"#{i}" for i in placed["paid"])


def test_search_by_order_number_or_buyer_and_sort_by_total(qtbot, window, placed, demo_shop):
    pane = pane_of(window)
    target = placed["unpaid"][1]
    qtbot.keyClicks(pane.search, str(target))
    pane.search.search_now()
    assert shown(pane) == [f"#{target}"]
    pane.search.clear()
    qtbot.keyClicks(pane.search, "nobody-like-this")
    pane.search.search_now()
    assert shown(pane) == []
    pane.search.clear()
    pane.search.search_now()
    pane.sort.setCurrentIndex(pane.sort.findData("total_desc"))
    totals = [Decimal(t.replace("¥", "").replace(",", "")) for t in shown(pane, COL_TOTAL)]
    assert totals == sorted(totals, reverse=True)


def test_mark_one_order_shipped(qtbot, window, placed):
    pane = pane_of(window)
    pane.reload()
    order_id = placed["paid"][0]
    choose(pane, [order_id])
    assert pane.ship_button.isEnabled()
    qtbot.mouseClick(pane.ship_button, Qt.MouseButton.LeftButton)
    dialog = pane.findChild(ShipDialog)
    assert not dialog.ship_button.isEnabled()  # the waybill number comes first
    qtbot.keyClicks(dialog.fields[order_id], "SF1000000001")
    qtbot.keyClick(dialog.fields[order_id], Qt.Key.Key_Return)
    row = pane.model.row_of(order_id)
    assert pane.model.index(row, COL_STATUS).data() == "Shipped"
    assert "Marked 1 order(s) shipped." in window.statusBar().currentMessage()
    assert shop.get_order(window.session.token, order_id).tracking == "SF1000000001"


def test_several_orders_are_shipped_at_once(qtbot, window, placed):
    pane = pane_of(window)
    click_tab(qtbot, pane, OrderStatus.PENDING_SHIPMENT)
    choose(pane, placed["paid"])
    assert pane.count_label.text() == "2 selected"
    qtbot.mouseClick(pane.ship_button, Qt.MouseButton.LeftButton)
    waybills = {order_id: f"SF20000000{n}" for n, order_id in enumerate(placed["paid"])}
    enter_waybills(qtbot, pane, waybills)  # scanned one after the other
    assert shown(pane) == []  # both left the "Pending shipment" tab
    staff = window.session.token
    assert {i: shop.get_order(staff, i).tracking for i in placed["paid"]} == waybills
    assert {shop.get_order(staff, i).status for i in placed["paid"]} == {
        OrderStatus.PENDING_RECEIPT}
    assert pane.tabs.tabText(pane.tabs.currentIndex()) == "To ship (0)"


def test_cancelling_a_paid_order_says_the_buyer_is_refunded_and_refunds_them(
        qtbot, window, placed, buyer_session, dialog_script):
    pane = pane_of(window)
    pane.reload()
    order_id = placed["paid"][1]  # Jane Eyre × 2
    stock_before = catalog.get(book_id("Jane Eyre")).stock
    balance_before = accounts.me(buyer_session.token).balance
    total = shop.get_order(window.session.token, order_id).total
    choose(pane, [order_id])
    dialog_script.answers = [True]
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    question = dialog_script.shown[0][2]
    assert f"refunded ¥{total}" in question
    assert "back into stock" in question
    assert accounts.me(buyer_session.token).balance == balance_before + total
    assert catalog.get(book_id("Jane Eyre")).stock == stock_before + 2
    row = pane.model.row_of(order_id)
    assert pane.model.index(row, COL_STATUS).data() == "Cancelled"


def test_saying_no_to_the_cancel_question_changes_nothing(qtbot, window, placed, dialog_script):
    pane = pane_of(window)
    pane.reload()
    order_id = placed["unpaid"][0]
    choose(pane, [order_id])
    dialog_script.answers = [False]
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    assert "nothing to refund" in dialog_script.shown[0][2]
    assert shop.get_order(window.session.token, order_id).status == OrderStatus.PENDING_PAYMENT


def test_a_new_kiosk_order_appears_by_itself_keeping_selection_and_place(
        qtbot, window, buyer_session):
    titles = ["Heart of Darkness", "Alice's Adventures in Wonderland", "Oliver Twist",
              "The Picture of Dorian Gray"]
    made = [place(buyer_session, titles[i % 4]) for i in range(40)]
    window.resize(900, 420)
    pane = pane_of(window)
    pane.reload()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 40)
    QApplication.processEvents()
    chosen = made[10]
    choose(pane, [chosen])
    pane.table.scrollTo(pane.model.index(pane.model.row_of(chosen), 0),
                        pane.table.ScrollHint.PositionAtTop)
    QApplication.processEvents()
    top_before = pane.table.indexAt(pane.table.viewport().rect().topLeft()).data()
    assert pane.table.verticalScrollBar().value() > 0
    kiosk_order = place(auth.login("guest", "guest"), "Emma")
    window.watcher.poll()  # the change log, read every few seconds
    QApplication.processEvents()
    assert shown(pane)[0] == f"#{kiosk_order}"
    assert [o.id for o in pane.selected_orders()] == [chosen]
    assert pane.table.indexAt(pane.table.viewport().rect().topLeft()).data() == top_before
    assert pane.tabs.tabText(0) == "All (41)"


def test_the_whole_tab_is_rows_at_once_read_a_page_at_a_time(
        qtbot, staff_session, tasks, buyer_session, monkeypatch):
    monkeypatch.setattr(orders_model, "PAGE", 10)
    titles = ["Heart of Darkness", "Alice's Adventures in Wonderland", "Oliver Twist"]
    for i in range(25):
        place(buyer_session, titles[i % 3])
    model = OrdersModel(staff_session, tasks)
    model.reload()
    assert (model.rowCount(), model.total) == (25, 25)  # the scrollbar covers the whole tab
    assert model.order_at(9) is not None and model.order_at(19) is not None  # one read ahead
    assert model.order_at(20) is None
    assert model.index(20, 0).data() == orders_model.PLACEHOLDER  # drawn, and asked for
    qtbot.waitUntil(lambda: model.order_at(24) is not None)
    assert len({model.index(row, 0).data() for row in range(25)}) == 25


def test_the_orders_model_passes_the_model_tester(qtmodeltester, staff_session, tasks, placed):
    model = OrdersModel(staff_session, tasks)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 5


def test_the_orders_model_keeps_light_rows_and_reads_the_next_page_ahead(
        qtbot, staff_session, tasks, buyer_session, monkeypatch):
    monkeypatch.setattr(orders_model, "PAGE", 10)
    titles = ["Heart of Darkness", "Alice's Adventures in Wonderland", "Oliver Twist"]
    for i in range(25):
        place(buyer_session, titles[i % 3])
    reads = []
    for name in ("first_page", "order_rows"):
        read = getattr(shop, name)
        monkeypatch.setattr(shop, name, lambda *a, read=read, **k: reads.append(k) or read(*a, **k))
    model = OrdersModel(staff_session, tasks)
    model.reload()
    assert [read["limit"] for read in reads] == [20]  # the first page and the next, at once
    assert model.order_at(19) is not None and model.order_at(20) is None
    model.index(15, 0).data()  # the page read ahead is drawn: the one after it is read next
    qtbot.waitUntil(lambda: len(reads) == 2)
    assert reads[1]["after"] == model.order_at(19).id
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, OrderDetail)]
    assert {type(model.order_at(row)) for row in range(25)} == {OrderRow}


def test_the_packing_slip_reads_the_whole_order(qtbot, window, placed):
    pane = pane_of(window)
    pane.reload()
    choose(pane, [placed["unpaid"][1]])
    qtbot.mouseClick(pane.slip_button, Qt.MouseButton.LeftButton)
    slip = pane.findChild(SlipDialog)
    assert "Dracula" in slip.preview.toPlainText()
    slip.close()


def test_sorting_the_model_by_a_column_asks_the_database(staff_session, tasks, placed):
    model = OrdersModel(staff_session, tasks)
    model.reload()
    model.sort(COL_TOTAL, Qt.SortOrder.DescendingOrder)
    totals = [model.order_at(row).total for row in range(model.rowCount())]
    assert totals == sorted(totals, reverse=True) and model.order_by == "total_desc"
    model.sort(orders_model.COL_CREATED, Qt.SortOrder.AscendingOrder)
    assert [model.order_at(row).id for row in range(5)] == sorted(
        [*placed["unpaid"], *placed["paid"]])


@pytest.fixture
def styled_window(qapp, staff_session, tasks, placed):
    """The workstation as `main` styles it (its 14 px font), shown after the style applies."""
    from .live_helpers import close, open_merchant

    before = qapp.styleSheet()
    qapp.setStyleSheet(resources.style_sheet())
    window = open_merchant(staff_session, tasks)
    yield window
    close(window)
    qapp.setStyleSheet(before)


def test_items_take_the_spare_width_and_every_other_column_stays_whole(qtbot, styled_window):
    """On a 1024 px screen the titles had about 115 px; the short columns need less than
    they were given."""
    window = styled_window
    window.resize(1024, 768)
    pane = pane_of(window)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 5)
    table, header = pane.table, pane.table.horizontalHeader()
    for column in range(pane.model.columnCount()):
        if column != COL_ITEMS:
            needs = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert table.columnWidth(column) >= needs, column
    assert table.columnWidth(COL_ITEMS) >= 150
