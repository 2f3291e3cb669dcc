"""The shop's orders as a lazy table: pages of 100 are loaded as the view scrolls.

Only the rows scrolled to are ever loaded, so a shop with 100,000 orders opens
as fast as one with ten. `merge_head` folds a fresh first page into the rows
already shown (the poll for new kiosk orders) with row inserts and removals,
so the view keeps its selection and its place.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from bookshop_gui.domain import OrderDetail, Session
from bookshop_gui.services import shop
from bookshop_gui.ui import formatting

ROOT = QModelIndex()  # "no parent": the top level of a flat table

PAGE = 100
COL_NUMBER, COL_BUYER, COL_CREATED, COL_ITEMS, COL_TOTAL, COL_STATUS = range(6)
ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class OrdersModel(QAbstractTableModel):
    """Rows are OrderDetail values; `ORDER_ROLE` hands the whole order to the view."""

    loaded = Signal()
    failed = Signal(object)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.rows: list[OrderDetail] = []
        self.total = 0
        self.status = None
        self.search = ""
        self.sort = "newest"
        self._fetching = False
        self._generation = 0

    # -- Qt's model interface ------------------------------------------------

    def rowCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT):
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Order"), self.tr("Buyer"), self.tr("Created"), self.tr("Items"),
                self.tr("Total"), self.tr("Status"))[section]

    def flags(self, index):
        """Never loads anything: a row is selectable whether or not it is on screen yet."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        order = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(order, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (COL_TOTAL, COL_NUMBER):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_ITEMS:
            return "\n".join(f"{line.name} × {line.cnt}" for line in order.lines)
        if role == ORDER_ROLE:
            return order
        if role == ID_ROLE:
            return order.id
        return None

    def canFetchMore(self, parent=ROOT):
        return not parent.isValid() and not self._fetching and len(self.rows) < self.total

    def fetchMore(self, parent=ROOT):
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        self.tasks.run(
            shop.list_orders, self.session.token, self.status, offset=len(self.rows),
            limit=PAGE, search=self.search, sort=self.sort,
            done=lambda page: self._append(generation, page), failed=self._failed,
        )

    # -- loading ---------------------------------------------------------------

    def reload(self, *, status=None, search="", sort="newest"):
        """Start again from the first page with a new filter, search or sort."""
        self.status, self.search, self.sort = status, search, sort
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self.rows, self.total, self._fetching = [], 0, True
        self.endResetModel()
        self.tasks.run(
            shop.count_orders, self.session.token, status, search=search,
            done=lambda total: self._counted(generation, total), failed=self._failed,
            key="orders-count",
        )

    def order_at(self, row: int) -> OrderDetail | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, order_id: int) -> int:
        return next((i for i, order in enumerate(self.rows) if order.id == order_id), -1)

    def _counted(self, generation: int, total: int):
        if generation != self._generation:
            return
        self.total, self._fetching = total, False
        self.fetchMore()
        if not self.canFetchMore():
            self.loaded.emit()

    def _append(self, generation: int, page: list[OrderDetail]):
        if generation != self._generation:
            return
        self._fetching = False
        known = {order.id for order in self.rows}
        page = [order for order in page if order.id not in known]
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
        else:
            self.total = len(self.rows)  # the list shrank meanwhile; stop asking
        self.loaded.emit()

    def _failed(self, error):
        self._fetching = False
        self.failed.emit(error)

    # -- the poll ------------------------------------------------------------------

    def poll(self, done=None):
        """Fetch the first page again and fold it in; `done()` afterwards."""
        generation = self._generation
        self.tasks.run(
            self._head, self.session.token, self.status, self.search, self.sort,
            done=lambda result: self._merged(generation, result, done),
            failed=lambda _error: None, key="orders-poll",
        )

    @staticmethod
    def _head(token, status, search, sort):
        total = shop.count_orders(token, status, search=search)
        return total, shop.list_orders(token, status, offset=0, limit=PAGE, search=search,
                                       sort=sort)

    def _merged(self, generation, result, done):
        if generation == self._generation and not self._fetching:
            self.merge_head(*result)
        if done:
            done()

    def merge_head(self, total: int, page: list[OrderDetail]):
        """Bring the first rows up to date: new orders in, changed ones redrawn, gone ones out."""
        wanted = {order.id for order in page}
        self._remove_gone(page, wanted)
        self._insert_new(page)
        self._update_changed(page)
        self.total = max(total, len(self.rows)) if len(page) == PAGE else len(self.rows)

    def _remove_gone(self, page, wanted):
        """Rows shown above the page's last known order that the page no longer holds."""
        positions = {order.id: i for i, order in enumerate(self.rows)}
        known = [positions[o.id] for o in page if o.id in positions]
        limit = max(known) if known and len(page) == PAGE else len(self.rows) - 1
        for row in range(limit, -1, -1):
            if self.rows[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()

    def _insert_new(self, page):
        known = {order.id for order in self.rows}
        for position, order in enumerate(page):
            if order.id in known:
                continue
            self.beginInsertRows(ROOT, position, position)
            self.rows.insert(position, order)
            self.endInsertRows()
            known.add(order.id)

    def _update_changed(self, page):
        """One pass over the rows shown, however many thousands are loaded."""
        fresh = {order.id: order for order in page}
        for row, order in enumerate(self.rows):
            new = fresh.get(order.id)
            if new is not None and new != order:
                self.rows[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, COL_STATUS))

    def _text(self, order: OrderDetail, column: int) -> str:
        if column == COL_NUMBER:
            return f"#{order.id}"
        if column == COL_BUYER:
            return order.buyer
        if column == COL_CREATED:
            return formatting.when(order.created_at)
        if column == COL_ITEMS:
            return items_text(order)
        if column == COL_TOTAL:
            return formatting.money(order.total)
        return formatting.status_name(order.status)


def items_text(order: OrderDetail) -> str:
    """"Emma × 2, Dracula" — what a glance at the row needs."""
    parts = [line.name if line.cnt == 1 else f"{line.name} × {line.cnt}" for line in order.lines]
    return ", ".join(parts)
