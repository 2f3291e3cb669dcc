"""The cart as a table: a check box per line to choose it, quantity, and VIP money.

The model recomputes a line's money the moment its quantity changes (with the
same arithmetic the service uses), so totals never wait for the database;
the view saves the new count behind it.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from bookshop_gui import domain
from bookshop_gui.domain import CartLine
from bookshop_gui.ui import covers, formatting

TOP = QModelIndex()  # the invisible root: these models are flat
COL_CHOOSE, COL_BOOK, COL_SHOP, COL_PRICE, COL_COUNT, COL_MONEY, COL_REMOVE = range(7)
COLUMNS = 7
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM = QColor("#fdecea")


class CartModel(QAbstractTableModel):
    """Cart lines, which of them are chosen, and the per-shop totals of the chosen ones."""

    count_changed = Signal(int, int)  # book id, new count
    totals_changed = Signal()

    def __init__(self, vip_ratio: Decimal = Decimal(1), parent=None):
        super().__init__(parent)
        covers.repaint_when_loaded(self)
        self.vip_ratio = vip_ratio
        self.shipping = domain.DEFAULT_SHIPPING_FEE
        self._lines: list[CartLine] = []
        self._chosen: set[int] = set()
        self._seen: set[int] = set()
        self.short_ids: set[int] = set()
        self.modelReset.connect(self.totals_changed)

    # -- Qt model ---------------------------------------------------------

    def rowCount(self, parent=TOP) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=TOP) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Order"), self.tr("Book"), self.tr("Shop"), self.tr("Your price"),
                 self.tr("Quantity"), self.tr("Money"), "")
        return names[section] if 0 <= section < COLUMNS else None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_CHOOSE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == COL_COUNT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self.checkIndex(index, self.CheckIndexOption.IndexIsValid):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == LINE_ROLE:
            return line
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_CHOOSE:
            chosen = line.book_id in self._chosen
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and line.book_id in self.short_ids:
            return PROBLEM
        if role == Qt.ItemDataRole.DecorationRole and column == COL_BOOK:
            return covers.cover(line.pic, line.title, line.author, 40, 56)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_PRICE, COL_MONEY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_BOOK:
            return self._stock_note(line)
        if role == Qt.ItemDataRole.EditRole and column == COL_COUNT:
            return line.cnt
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not self.checkIndex(index, self.CheckIndexOption.IndexIsValid):
            return False
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == COL_CHOOSE:
            return self._choose(index, line, Qt.CheckState(value) == Qt.CheckState.Checked)
        if role == Qt.ItemDataRole.EditRole and index.column() == COL_COUNT:
            return self._set_count(index.row(), value)
        return False

    # -- the cart ---------------------------------------------------------

    def set_lines(self, lines: list[CartLine]) -> None:
        """New cart contents; lines never seen before start chosen, others keep their box."""
        ids = {line.book_id for line in lines}
        self.beginResetModel()
        self._chosen = (self._chosen & ids) | (ids - self._seen)
        self._seen = ids | self._seen
        self._lines = list(lines)
        self.short_ids &= ids
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._lines, self._chosen, self._seen, self.short_ids = [], set(), set(), set()
        self.endResetModel()

    def lines(self) -> list[CartLine]:
        return list(self._lines)

    def chosen_lines(self) -> list[CartLine]:
        return [line for line in self._lines if line.book_id in self._chosen]

    def choose_all(self, chosen: bool) -> None:
        self._chosen = {line.book_id for line in self._lines} if chosen else set()
        if self._lines:
            self.dataChanged.emit(self.index(0, COL_CHOOSE),
                                  self.index(len(self._lines) - 1, COL_CHOOSE))
        self.totals_changed.emit()

    def mark_short(self, book_ids) -> None:
        """Highlight lines the shop cannot fill, after an out-of-stock refusal."""
        self.beginResetModel()
        self.short_ids = set(book_ids)
        self.endResetModel()

    def copies(self) -> int:
        return sum(line.cnt for line in self._lines)

    def shop_totals(self) -> list[tuple[str, Decimal, Decimal]]:
        """(shop name, items money, shipping) for each shop among the chosen lines."""
        shops: dict[str, Decimal] = {}
        for line in self.chosen_lines():
            shops[line.shop_name] = shops.get(line.shop_name, Decimal(0)) + line.money
        return [(name, money, self.shipping) for name, money in shops.items()]

    def grand_total(self) -> Decimal:
        return sum((money + shipping for _, money, shipping in self.shop_totals()), Decimal(0))

    # -- helpers ----------------------------------------------------------

    def _display(self, line: CartLine, column: int):
        if column == COL_BOOK:
            return f"{line.title}\n{line.author}" if line.author else line.title
        if column == COL_SHOP:
            return line.shop_name
        if column == COL_PRICE:
            return formatting.money(domain.line_money(line.unit_price, 1, self.vip_ratio))
        if column == COL_MONEY:
            return formatting.money(line.money)
        return None

    def _stock_note(self, line: CartLine) -> str:
        if line.stock <= 0:
            return self.tr("Out of stock")
        if line.cnt > line.stock:
            return self.tr("Only %1 in stock").replace("%1", str(line.stock))
        return ""

    def _choose(self, index, line: CartLine, chosen: bool) -> bool:
        (self._chosen.add if chosen else self._chosen.discard)(line.book_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.totals_changed.emit()
        return True

    def _set_count(self, row: int, value) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        if not 1 <= value <= domain.MAX_COUNT:
            return False
        line = self._lines[row]
        if value == line.cnt:
            return True
        money = domain.line_money(line.unit_price, value, self.vip_ratio)
        self._lines[row] = replace(line, cnt=value, money=money)
        self.dataChanged.emit(self.index(row, COL_COUNT), self.index(row, COL_MONEY))
        self.count_changed.emit(line.book_id, value)
        self.totals_changed.emit()
        return True
