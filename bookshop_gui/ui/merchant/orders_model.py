"""The shop's orders as a table as long as the tab, holding only a few pages of rows.

The view's scrollbar covers every order of the tab (counted after the first
page shows), but only the pages around what is on screen are held in memory
(`OrderPages`): a row not held is drawn as a placeholder while its page is
read on the worker, by a keyset walk from the page before it when that page
was seen, by offset when the scrollbar was dragged straight to the middle. So
memory stays flat however far staff scroll, and each row is a compact
`OrderRow`; whoever needs an order in full reads it with `shop.get_order`.
The page after the one just shown is read ahead, so scrolling down rarely waits;
a tab's first read (and the first page read again after a change) asks for two
pages at once, so that the second costs no call of its own.

A change notice (`poll`) reads the held pages again with the count: orders
keep their selection wherever they moved to, and rows not held move with the
rows around them, so the view keeps its place when kiosk orders arrive above.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal

from bookshop_gui.domain import OrderRow, OrdersPage, OrderStatus, Session
from bookshop_gui.services import shop
from bookshop_gui.ui import formatting
from bookshop_gui.ui.columns import RIGHT, ROOT, ROW_ROLE, Column, ColumnsModel
from bookshop_gui.ui.merchant.order_pages import OrderPages

PAGE = 100
HELD_PAGES = 5  # besides the selection's: more rows than any screen shows, and one page ahead
COL_NUMBER, COL_BUYER, COL_CREATED, COL_ITEMS, COL_TOTAL, COL_STATUS, COL_CITY = range(7)
ORDER_ROLE = ROW_ROLE
PLACEHOLDER = "…"  # the number column of a row whose page is being read
# Plain ints, compared once per cell and role on every paint: enum arithmetic costs more.
_DISPLAY, _ALIGN, _TIP, _ORDER = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole,
    ORDER_ROLE))
_SORTS = {COL_CREATED: ("oldest", "newest"), COL_TOTAL: ("total_asc", "total_desc")}


class OrdersModel(ColumnsModel):
    """`rows` holds the pages read; `total` is how many orders the tab has."""

    loaded = Signal()
    failed = Signal(object)
    counted = Signal(object)  # the shop's orders per status, read with each first page

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self._status_names = {status: formatting.status_name(status) for status in OrderStatus}
        self.session, self.tasks = session, tasks
        self.rows = OrderPages(PAGE, HELD_PAGES)
        self.total = 0
        self.status, self.search, self.order_by = None, "", "newest"
        self._epoch = 0  # a reload or a merge moves rows: pages read before it are not placed
        self._reading: set[int] = set()
        self._wanted: dict[int, bool] = {}  # page number → whether it is a read ahead
        self._ahead: int | None = None  # the page read ahead, not yet drawn
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self._read_wanted)

    def columns(self):
        return (
            Column(self.tr("Order"), lambda order: f"#{order.id}", RIGHT),
            Column(self.tr("Buyer"), lambda order: order.buyer),
            Column(self.tr("Created"), lambda order: formatting.when(order.created_at)),
            Column(self.tr("Items"), items_text),
            Column(self.tr("Total"), lambda order: formatting.money(order.total), RIGHT),
            Column(self.tr("Status"), lambda order: self._status_names[order.status]),
            Column(self.tr("Ship to"), lambda order: order.city),
        )

    # -- Qt's model interface ------------------------------------------------

    def rowCount(self, parent=ROOT):
        return 0 if parent.isValid() else self.total

    def data(self, index, role=_DISPLAY):
        """Called for every visible cell and role on each paint, so it is kept short; a row
        not held asks for its page (read once the paint is over) and shows a placeholder."""
        row = index.row()  # -1 for an invalid index
        order = self.rows.get(row) if row >= 0 else None
        if order is None:
            return self._placeholder(row, index.column(), role)
        if row // PAGE == self._ahead:
            self._want(self._ahead + 1, ahead=True)
            self._ahead = None
        column = self._columns[index.column()]
        if role == _DISPLAY:
            return column.text(order)
        if role == _ALIGN:
            return column.align
        if role == _TIP and index.column() == COL_ITEMS:
            return "\n".join(f"{name} × {cnt}" for name, cnt in order.items)
        if role == _ORDER:
            return order
        return None

    def _placeholder(self, row: int, column: int, role: int):
        if not 0 <= row < self.total:
            return None
        self._want(row // PAGE)
        return PLACEHOLDER if role == _DISPLAY and column == COL_NUMBER else None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Only the database sees every row, so it sorts: by time or by total."""
        if column in _SORTS:
            keys = _SORTS[column]
            self.reload(status=self.status, search=self.search,
                        sort=keys[order == Qt.SortOrder.DescendingOrder])

    # -- rows ------------------------------------------------------------------

    def order_at(self, row: int) -> OrderRow | None:
        return self.rows.get(row) if 0 <= row < self.total else None

    def row_of(self, order_id: int) -> int:
        """The row of an order held now, or -1."""
        return self.rows.row_of(order_id)

    def hold(self, rows) -> bool:
        """Keep the pages of these rows (the selection's) whatever the bound, reading any
        not held; True if all of them are here now."""
        numbers = {row // PAGE for row in rows}
        self.rows.held = numbers
        missing = self.rows.missing(numbers)
        for number in missing:
            self._want(number)
        return not missing

    # -- loading ---------------------------------------------------------------

    def reload(self, *, status=None, search="", sort="newest"):
        """Start again from the first page with a new filter, search or sort."""
        self.status, self.search, self.order_by = status, search, sort
        self.beginResetModel()
        self.rows, self.total = OrderPages(PAGE, HELD_PAGES), 0
        self._moved_on()
        self._reading.add(0)
        self.endResetModel()
        epoch = self._epoch
        self.tasks.run(
            shop.first_page, self.session.token, status, limit=2 * PAGE, search=search, sort=sort,
            done=lambda page: self._first(epoch, page), failed=self._failed, key="orders-first",
        )

    def _filters(self) -> tuple:
        return self.status, self.search, self.order_by

    def _moved_on(self):
        """Rows are where they were no longer: what was being read is not wanted."""
        self._epoch += 1
        self._reading, self._wanted, self._ahead = set(), {}, None

    def _first(self, epoch: int, page: OrdersPage):
        """Show the first page, and the counts read with it; the page after it, read in the
        same call, is held as the one read ahead."""
        self.counted.emit(page.counts)
        if epoch != self._epoch:
            return
        first, ahead = split_first(page.rows)
        self._reading.discard(0)
        self.rows.put(0, first)
        self._resize(len(first))
        if len(first) == PAGE:  # the scrollbar spans the tab from now on
            self._resize(page.total)
            self._hold_ahead(ahead)
        self.loaded.emit()

    def _hold_ahead(self, pages: dict[int, list[OrderRow]]):
        """Hold the page read ahead with the first (if it has rows): drawing it asks for the
        next one, as for any page read ahead."""
        for number, page in pages.items():
            self.rows.put(number, page)
            self._ahead = number

    def _resize(self, total: int):
        """As many rows as the tab has orders, those not held shown as placeholders."""
        old = self.total
        if total > old:
            self.beginInsertRows(ROOT, old, total - 1)
            self.total = total
            self.endInsertRows()
        elif total < old:
            self.beginRemoveRows(ROOT, total, old - 1)
            self.total = total
            self.rows.drop_from(total)
            self.endRemoveRows()

    def _want(self, number: int, ahead: bool = False):
        """Read the page once the paint asking for it is over (and with others asked too)."""
        if number not in self._reading and number not in self._wanted:
            self._wanted[number] = ahead
            self._later.start()

    def _read_wanted(self):
        wanted, self._wanted = self._wanted, {}
        for number, ahead in sorted(wanted.items()):
            self._read(number, ahead=ahead)

    def _read(self, number: int, *, ahead: bool = False):
        """Read a page not held, unless it is in flight or past the end."""
        if number in self._reading or number in self.rows.pages or number * PAGE >= self.total:
            return
        self._reading.add(number)
        epoch = self._epoch
        self.tasks.run(
            read_page, self.session.token, self._filters(), number, self.rows.anchors.get(number),
            done=lambda page: self._landed(epoch, number, page, ahead), failed=self._failed,
        )

    def _landed(self, epoch: int, number: int, page: list[OrderRow], ahead: bool):
        if epoch != self._epoch:
            return
        self._reading.discard(number)
        self.rows.put(number, page)
        first = number * PAGE
        last = min(first + len(page), self.total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, COL_CITY))
        if ahead:
            self._ahead = number
        else:
            self._read(number + 1, ahead=True)
        self.loaded.emit()

    def _failed(self, error):
        self._reading.clear()
        self.failed.emit(error)

    # -- the poll ------------------------------------------------------------------

    def poll(self, shown: range = range(0), done=None):
        """Read the count and the pages of the rows `shown` and of the selection again, and
        fold them in; `done()` afterwards. Other pages are let go: read again if scrolled to."""
        epoch = self._epoch
        numbers = {row // PAGE for row in shown} | self.rows.held
        self.tasks.run(
            read_pages, self.session.token, self._filters(), sorted(numbers) or [0],
            done=lambda result: self._merged(epoch, result, done),
            failed=lambda _error: None, key="orders-poll",
        )

    def _merged(self, epoch: int, result, done):
        total, pages, ahead, counts = result
        self.counted.emit(counts)
        if epoch == self._epoch:
            self.merge(total, pages, ahead)
        if done:
            done()

    def merge(self, total: int, pages: dict[int, list[OrderRow]],
              ahead: dict[int, list[OrderRow]] | None = None):
        """New orders in, changed ones redrawn, gone ones out, as one change of layout.

        The selection and the view's place are persistent indexes: each held order's
        moves to where the order is now, and every other one moves as most held
        orders did (orders added or gone above them).
        """
        old, shift = self.rows, _shift(self.rows, pages)
        fresh = OrderPages(PAGE, HELD_PAGES)
        fresh.held = old.held
        for number, page in sorted(pages.items()):
            fresh.put(number, page)
        if shift == 0 and total == self.total:  # nothing moved: the other pages' starts hold
            fresh.anchors = {**old.anchors, **fresh.anchors}
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        self.rows, self.total = fresh, total
        self._moved_on()
        moved = [self._moved(index, old, shift) for index in kept]
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()
        if ahead:
            self._hold_ahead(ahead)
        elif pages:
            self._want(max(pages) + 1, ahead=True)
        self.loaded.emit()

    def _moved(self, index, old: OrderPages, shift: int) -> QModelIndex:
        """Where a persistent index goes: with its order, else with the rows around it."""
        order = old.get(index.row())
        if order is not None and (row := self.rows.row_of(order.id)) >= 0:
            return self.index(row, index.column())
        row = index.row() + shift
        if order is not None and self.rows.get(row) is not None:
            return QModelIndex()  # read again, and no longer there: it left the tab
        return self.index(row, index.column()) if 0 <= row < self.total else QModelIndex()


def _shift(old: OrderPages, pages: dict[int, list[OrderRow]]) -> int:
    """How far most of the orders held before moved (new orders above push them down)."""
    moves = Counter(
        number * PAGE + offset - old.row_of(order.id)
        for number, page in pages.items() for offset, order in enumerate(page)
        if old.row_of(order.id) >= 0)
    return moves.most_common(1)[0][0] if moves else 0


def read_page(token: str, filters: tuple, number: int, after: int | None) -> list[OrderRow]:
    """A page by a keyset walk after the order before it, or by offset when none is known."""
    status, search, sort = filters
    offset = 0 if after is not None else number * PAGE
    return shop.order_rows(token, status, after=after, offset=offset, limit=PAGE, search=search,
                           sort=sort)


def read_pages(token: str, filters: tuple, numbers: list[int]
               ) -> tuple[int, dict, dict, dict]:
    """The count, these pages as they are now, the page read ahead with the first if it
    is not among them, and every tab's count; a page right after another walks on
    from it. The first two pages come with the counts, in one call."""
    status, search, sort = filters
    first = shop.first_page(token, status, limit=2 * PAGE, search=search, sort=sort)
    total, (rows, second) = first.total, split_first(first.rows)
    read = {0: rows, **second}
    pages: dict[int, list[OrderRow]] = {}
    for number in numbers:
        if number and number * PAGE >= total:
            break
        if number in read:
            pages[number] = read[number]
            continue
        before = pages.get(number - 1) or read.get(number - 1)
        after = before[-1].id if before and len(before) == PAGE else None
        pages[number] = read_page(token, filters, number, after)
    ahead = {} if numbers != [0] else {n: page for n, page in read.items() if n not in pages}
    return total, pages, ahead, first.counts


def split_first(rows) -> tuple[list[OrderRow], dict[int, list[OrderRow]]]:
    """What a tab's first read holds: its first page, and the second if any row of it
    came. The first read asks for two pages, so that over a slow line the page read
    ahead costs no round trip of its own."""
    rows = list(rows)
    second = rows[PAGE:2 * PAGE]
    return rows[:PAGE], ({1: second} if second else {})


def items_text(order: OrderRow) -> str:
    """"Emma × 2, Dracula" — what a glance at the row needs."""
    parts = [name if cnt == 1 else f"{name} × {cnt}" for name, cnt in order.items]
    return ", ".join(parts)
