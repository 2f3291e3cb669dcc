"""What the window tests share: placing orders as a kiosk would, working the merchant's
orders pane (its tabs, selection and waybills) and closing a window for good."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.services import accounts, catalog, orders
from bookshop_gui.ui.merchant.orders_model import COL_STATUS
from bookshop_gui.ui.merchant.ship_dialog import ShipDialog
from bookshop_gui.ui.merchant.window import MerchantWindow


def book_id(title: str) -> int:
    return next(b.id for b in catalog.search(title) if b.title == title)


def place(buyer, title: str, cnt: int = 1, *, pay: bool = False) -> int:
    order_id = orders.create(buyer.token, book_id(title), cnt)
    if pay:
        orders.pay(buyer.token, order_id)
    return order_id


def balance(staff, username: str) -> Decimal:
    return accounts.get_member(staff.token, username).balance


def status_totals(reports_pane) -> dict[str, str]:
    model = reports_pane.by_status
    return {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}


def row_status(orders_pane, order_id: int) -> str | None:
    row = orders_pane.model.row_of(order_id)
    return orders_pane.model.index(row, COL_STATUS).data() if row >= 0 else None


def choose(orders_pane, order_ids) -> None:
    """Select these orders' rows in the merchant's orders pane, as ctrl-clicks would."""
    selection = orders_pane.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for order_id in order_ids:
        selection.select(orders_pane.model.index(orders_pane.model.row_of(order_id), 0), flags)


def open_merchant(session, tasks) -> MerchantWindow:
    window = MerchantWindow(session, tasks)
    window.show()
    return window


def click_tab(qtbot, orders_pane, status) -> int:
    """Click the orders pane's tab for `status`; its index."""
    tabs = orders_pane.tabs
    index = next(i for i in range(tabs.count()) if tabs.tabData(i) == status)
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())
    return index


def enter_waybills(qtbot, orders_pane, waybills: dict[int, str]) -> ShipDialog:
    """Mark shipped asks for each order's waybill: scan them in, each ending with Enter."""
    dialog = orders_pane.findChild(ShipDialog)
    for order_id, waybill in waybills.items():
        qtbot.keyClicks(dialog.fields[order_id], waybill)
        qtbot.keyClick(dialog.fields[order_id], Qt.Key.Key_Return)
    return dialog


def close(window) -> None:
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
