"""A click on a list picks its whole row, in the kiosk and at the workstation alike;
only the order editor's lines pick one cell, the one that typing changes."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from bookshop_gui.services import cart, orders
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.window import MerchantWindow

from .live_helpers import book_id

ROWS = QAbstractItemView.SelectionBehavior.SelectRows
CELLS = QAbstractItemView.SelectionBehavior.SelectItems


def click_cell(qtbot, table: QTableView, row: int, column: int):
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def picks_whole_row(qtbot, table: QTableView) -> bool:
    """Click the last column of the first row: is every column of that row picked?"""
    last = table.model().columnCount() - 1
    click_cell(qtbot, table, 0, last)
    return table.selectionModel().isRowSelected(0)


def test_every_kiosk_list_picks_whole_rows(qtbot, buyer_session, tasks):
    cart.add(buyer_session.token, book_id("Emma"), 1)
    order_id = orders.create(buyer_session.token, book_id("Dracula"), 1)
    window = BuyerWindow(buyer_session, tasks)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.go("orders")
    window.orders.select_order(order_id)
    qtbot.keyClick(window.orders.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.detail
    for table in (window.cart.table, window.orders.table, window.detail.table):
        assert table.selectionBehavior() == ROWS, table.accessibleName()
    assert picks_whole_row(qtbot, window.detail.table)  # it picked nothing before
    window.go("cart")
    assert picks_whole_row(qtbot, window.cart.table)


def test_every_workstation_list_picks_whole_rows_but_the_editors_lines(
        qtbot, buyer_session, staff_session, tasks):
    order_id = orders.create(buyer_session.token, book_id("Emma"), 1)
    orders.pay(buyer_session.token, order_id)
    window = MerchantWindow(staff_session, tasks)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    for pane in ("orders", "catalog", "reports", "members"):
        window.show_pane(pane)
    reports = window.show_pane("reports")
    top_books = next(t for t in reports.findChildren(QTableView)
                     if t.accessibleName() == "Top-selling books")
    assert picks_whole_row(qtbot, top_books)  # it picked single figures before
    orders_pane = window.show_pane("orders")
    orders_pane.select_order(order_id)
    orders_pane.table.doubleClicked.emit(orders_pane.model.index(0, 0))
    editor = orders_pane.editors[order_id]
    everything = window.findChildren(QTableView) + editor.findChildren(QTableView)
    assert len(everything) >= 8
    for table in everything:
        wanted = CELLS if table is editor.table else ROWS
        assert table.selectionBehavior() == wanted, table.accessibleName()
    editor.close()
