"""The buyer's orders as a table, a page at a time, newest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from bookshop_gui.domain import OrderStatus, OrderSummary
from bookshop_gui.services import orders
from bookshop_gui.ui import covers, formatting
from bookshop_gui.ui.tasks import Tasks

TOP = QModelIndex()  # the invisible root: these models are flat
COL_NUMBER, COL_ITEMS, COL_SHOP, COL_TOTAL, COL_STATUS, COL_PLACED = range(6)
COLUMNS = 6
ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 50


class OrdersModel(QAbstractTableModel):
    """Orders of one status (or all), loaded lazily like the catalog."""

    loaded = Signal()

    def __init__(self, tasks: Tasks, token: str, parent=None):
        super().__init__(parent)
        covers.repaint_when_loaded(self)
        self.tasks, self.token = tasks, token
        self.status: OrderStatus | None = None
        self._orders: list[OrderSummary] = []
        self._more = False
        self._loading = False
        self._generation = 0

    def rowCount(self, parent=TOP) -> int:
        return 0 if parent.isValid() else len(self._orders)

    def columnCount(self, parent=TOP) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Order"), self.tr("Items"), self.tr("Shop"), self.tr("Total"),
                 self.tr("Status"), self.tr("Placed"))
        return names[section] if 0 <= section < COLUMNS else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self.checkIndex(index, self.CheckIndexOption.IndexIsValid):
            return None
        order, column = self._orders[index.row()], index.column()
        if role == ORDER_ROLE:
            return order
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(order, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_ITEMS:
            name = order.items[0][0] if order.items else ""
            return covers.cover(order.pic, name, "", 40, 56)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent=TOP) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent=TOP) -> None:
        if self.canFetchMore(parent):
            self._request(len(self._orders))

    def show_status(self, status: OrderStatus | None) -> None:
        """Start over with orders of `status` (None for all)."""
        self.status = status
        self._generation += 1
        self.beginResetModel()
        self._orders, self._more = [], False
        self.endResetModel()
        self._request(0)

    def refresh(self) -> None:
        self.show_status(self.status)

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._orders, self._more, self._loading = [], False, False
        self.endResetModel()

    @property
    def loading(self) -> bool:
        return self._loading

    def order(self, row: int) -> OrderSummary | None:
        return self._orders[row] if 0 <= row < len(self._orders) else None

    def row_of(self, order_id: int) -> int:
        return next((row for row, o in enumerate(self._orders) if o.id == order_id), -1)

    def _display(self, order: OrderSummary, column: int):
        if column == COL_NUMBER:
            return f"#{order.id}"
        if column == COL_ITEMS:
            return ", ".join(f"{name} × {cnt}" for name, cnt in order.items)
        if column == COL_SHOP:
            return order.shop_name
        if column == COL_TOTAL:
            return formatting.money(order.total)
        if column == COL_STATUS:
            return formatting.status_name(order.status)
        if column == COL_PLACED:
            return formatting.when(order.created_at)
        return None

    def _request(self, offset: int) -> None:
        self._loading = True
        generation = self._generation
        self.tasks.run(orders.list, self.token, self.status, offset=offset, limit=PAGE,
                       key="orders-list" if offset == 0 else None,
                       done=lambda rows: self._arrived(generation, offset, rows),
                       failed=lambda _error: self._stopped(generation))

    def _arrived(self, generation: int, offset: int, rows: list[OrderSummary]) -> None:
        if generation != self._generation or offset != len(self._orders):
            return
        self._loading = False
        self._more = len(rows) == PAGE
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._orders.extend(rows)
            self.endInsertRows()
        self.loaded.emit()

    def _stopped(self, generation: int) -> None:
        if generation == self._generation:
            self._loading = False
