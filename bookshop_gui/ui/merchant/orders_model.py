"""The shop's orders as a lazy table: pages of 100 are loaded as the view scrolls.

Only the rows scrolled to are ever loaded, so a shop with 100,000 orders opens
as fast as one with ten. Each row is a compact `OrderRow` (what the columns
show), so scrolling through every order keeps memory small; whoever needs an
order in full reads it with `shop.get_order`. The first page is asked for
before the count, so a tab shows its orders without waiting to count them all.
Each further page carries on after the last row loaded, however far down.
`merge_head` folds a fresh first page into the rows already shown (the poll
for new kiosk orders) with row inserts and removals, so the view keeps its
selection and its place.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from bookshop_gui.domain import OrderRow, OrderStatus, Session
from bookshop_gui.services import shop
from bookshop_gui.ui import formatting

ROOT = QModelIndex()  # "no parent": the top level of a flat table

PAGE = 100
COL_NUMBER, COL_BUYER, COL_CREATED, COL_ITEMS, COL_TOTAL, COL_STATUS, COL_CITY = range(7)
ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
# Plain ints, compared once per cell and role on every paint: enum arithmetic costs more.
_DISPLAY, _ALIGN, _TIP = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class OrdersModel(QAbstractTableModel):
    """Rows are OrderRow values; `ORDER_ROLE` hands a row to the view.

    The page after the last row shown is read ahead, so when the view scrolls
    to the bottom `fetchMore` shows it at once instead of waiting for the
    database; then the next one is read.
    """

    loaded = Signal()
    failed = Signal(object)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.rows: list[OrderRow] = []
        self.total = 0
        self.status = None
        self.search = ""
        self.sort = "newest"
        self._fetching = False  # a page is being read
        self._ahead: list[OrderRow] | None = None  # read, not shown yet
        self._wanted = False  # the view asked for more before the page ahead arrived
        self._generation = 0
        self._status_names = {status: formatting.status_name(status) for status in OrderStatus}

    # -- Qt's model interface ------------------------------------------------

    def rowCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT):
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Order"), self.tr("Buyer"), self.tr("Created"), self.tr("Items"),
                self.tr("Total"), self.tr("Status"), self.tr("Ship to"))[section]

    def flags(self, index):
        """Never loads anything: a row is selectable whether or not it is on screen yet."""
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index, role=_DISPLAY):
        """Called for every visible cell and role on each paint, so it is kept short."""
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self.rows):
            return None
        order = self.rows[row]
        if role == _DISPLAY:
            return self._text(order, index.column())
        if role == _ALIGN:
            return _RIGHT if index.column() in (COL_TOTAL, COL_NUMBER) else None
        if role == _TIP and index.column() == COL_ITEMS:
            return "\n".join(f"{name} × {cnt}" for name, cnt in order.items)
        if role == ORDER_ROLE:
            return order
        if role == ID_ROLE:
            return order.id
        return None

    def canFetchMore(self, parent=ROOT):
        return not parent.isValid() and not self._wanted and len(self.rows) < self.total

    def fetchMore(self, parent=ROOT):
        """Show the page read ahead, or have the page in flight shown as soon as it lands."""
        if not self.canFetchMore(parent):
            return
        if self._ahead is None:
            self._wanted = True
            self._read_ahead()
            return
        page, self._ahead = self._ahead, None
        self._show(page)
        self._read_ahead()

    # -- loading ---------------------------------------------------------------

    def reload(self, *, status=None, search="", sort="newest"):
        """Start again from the first page with a new filter, search or sort."""
        self.status, self.search, self.sort = status, search, sort
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self.rows, self.total, self._fetching = [], 0, True
        self._ahead, self._wanted = None, False
        self.endResetModel()
        self.tasks.run(
            shop.order_rows, self.session.token, status, limit=PAGE, search=search, sort=sort,
            done=lambda page: self._first(generation, page), failed=self._failed,
            key="orders-first",
        )

    def order_at(self, row: int) -> OrderRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, order_id: int) -> int:
        return next((i for i, order in enumerate(self.rows) if order.id == order_id), -1)

    def _first(self, generation: int, page: list[OrderRow]):
        """Show the first page at once: a full one means more may follow, counted next."""
        if generation != self._generation:
            return
        self._fetching = False
        self._show(page)
        if len(page) == PAGE:
            self.total = len(self.rows) + 1
            self.tasks.run(
                shop.count_orders, self.session.token, self.status, search=self.search,
                done=lambda total: self._counted(generation, total), failed=self._failed,
                key="orders-count",
            )
            self._read_ahead()

    def _counted(self, generation: int, total: int):
        if generation == self._generation:
            self.total = max(total, len(self.rows))

    def _read_ahead(self):
        """Read the page after the last row shown, unless it is read, in flight, or past the end."""
        if self._fetching or self._ahead is not None or len(self.rows) >= self.total:
            return
        self._fetching = True
        generation = self._generation
        self.tasks.run(
            shop.order_rows, self.session.token, self.status, after=self.rows[-1].id,
            limit=PAGE, search=self.search, sort=self.sort,
            done=lambda page: self._landed(generation, page), failed=self._failed,
        )

    def _landed(self, generation: int, page: list[OrderRow]):
        if generation != self._generation:
            return
        self._fetching = False
        if len(page) < PAGE:
            self.total = len(self.rows) + len(page)  # the end of the list
        if self._wanted:
            self._wanted = False
            self._show(page)
            self._read_ahead()
        else:
            self._ahead = page

    def _show(self, page: list[OrderRow]):
        """Append the page's rows not already listed (a poll may have brought some)."""
        known = {order.id for order in self.rows}
        fresh = [order for order in page if order.id not in known]
        if fresh:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(fresh) - 1)
            self.rows.extend(fresh)
            self.endInsertRows()
        if len(page) < PAGE:
            self.total = len(self.rows)  # the last page; nothing further to ask for
        self.loaded.emit()

    def _failed(self, error):
        self._fetching = self._wanted = False
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
        return total, shop.order_rows(token, status, limit=PAGE, search=search, sort=sort)

    def _merged(self, generation, result, done):
        if generation == self._generation and not self._fetching:
            self.merge_head(*result)
        if done:
            done()

    def merge_head(self, total: int, page: list[OrderRow]):
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
                self.dataChanged.emit(self.index(row, 0), self.index(row, COL_CITY))

    def _text(self, order: OrderRow, column: int) -> str:
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
        if column == COL_CITY:
            return order.city
        return self._status_names[order.status]


def items_text(order: OrderRow) -> str:
    """"Emma × 2, Dracula" — what a glance at the row needs."""
    parts = [name if cnt == 1 else f"{name} × {cnt}" for name, cnt in order.items]
    return ", ".join(parts)
