"""The reports pane's tables: best-selling books, totals by status, parcels shipped per day,
and paid orders waiting too long to ship."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from bookshop_gui.domain import DaySales, StatusTotal, TopBook, WaitingOrder
from bookshop_gui.ui import formatting

ROOT = QModelIndex()  # "no parent": the top level of a flat table

COL_TITLE, COL_COPIES, COL_REVENUE = range(3)
COL_STATUS, COL_ORDERS, COL_TOTAL = range(3)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Rows(QAbstractTableModel):
    """Read-only rows; subclasses say what each cell shows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows):
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self.headers())

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(self.rows[index.row()])[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return RIGHT
        return None


class TopBooksModel(_Rows):
    def headers(self):
        return (self.tr("Book"), self.tr("Copies sold"), self.tr("Revenue"))

    def cells(self, book: TopBook):
        return (book.title, str(book.copies), formatting.money(book.revenue))


class StatusTotalsModel(_Rows):
    def headers(self):
        return (self.tr("Status"), self.tr("Orders"), self.tr("Total"))

    def cells(self, total: StatusTotal):
        return (formatting.status_name(total.status), str(total.orders),
                formatting.money(total.total))


class ShippedDaysModel(_Rows):
    """The newest day first: what staff look at is how today and yesterday went."""

    def set_rows(self, rows):
        super().set_rows(reversed(list(rows)))

    def headers(self):
        return (self.tr("Day"), self.tr("Parcels shipped"))

    def cells(self, day: DaySales):
        return (day.day, str(day.shipped))


class WaitingModel(_Rows):
    """Orders paid for more than two days ago and still in the shop, the oldest first."""

    def headers(self):
        return (self.tr("Order"), self.tr("Paid"), self.tr("Buyer"), self.tr("Ship to"),
                self.tr("Total"))

    def cells(self, order: WaitingOrder):
        return (f"#{order.order_id}", formatting.when(order.paid_at), order.buyer, order.city,
                formatting.money(order.total))
