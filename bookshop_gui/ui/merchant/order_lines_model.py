"""An order's lines while staff edit them: typed text is kept as typed until it is valid.

A value that is not a quantity (1..999) or an amount of money (at least 0,
at most two places) stays in its cell, drawn in red with the reason as its
tooltip, and `valid` turns False so the editor cannot save. Nothing is ever
corrected silently behind the person's back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from bookshop_gui.domain import CENT, MAX_COUNT, Book, OrderDetail
from bookshop_gui.ui import formatting

ROOT = QModelIndex()  # "no parent": the top level of a flat table

COL_BOOK, COL_UNIT, COL_COUNT, COL_MONEY = range(4)
BAD_BACKGROUND = QColor("#fdecea")
BAD_TEXT = QColor("#b3261e")


@dataclass(frozen=True)
class EditLine:
    """One line as the editor holds it: the count and money as the text typed."""

    book_id: int
    name: str
    unit_price: Decimal
    cnt_text: str
    money_text: str

    @property
    def cnt(self) -> int | None:
        text = self.cnt_text.strip()
        return int(text) if text.isdigit() and 1 <= int(text) <= MAX_COUNT else None

    @property
    def money(self) -> Decimal | None:
        return formatting.parse_money(self.money_text)


class OrderLinesModel(QAbstractTableModel):
    """Editable while `editable`; emits `changed` after every edit, add or removal."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[EditLine] = []
        self.original: list[EditLine] = []
        self.shipping = Decimal("0.00")
        self.editable = False

    def load(self, order: OrderDetail, *, editable: bool):
        self.beginResetModel()
        self.lines = [EditLine(line.book_id, line.name, line.unit_price, str(line.cnt),
                               f"{line.money:.2f}") for line in order.lines]
        self.original = list(self.lines)
        self.shipping, self.editable = order.shipping, editable
        self.endResetModel()
        self.changed.emit()

    # -- Qt's model interface ------------------------------------------------

    def rowCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=ROOT):
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Book"), self.tr("Unit price"), self.tr("Quantity"),
                self.tr("Line money"))[section]

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() in (COL_COUNT, COL_MONEY):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line, column = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(line, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_BOOK:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        problem = self.problem(index.row(), column)
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return BAD_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return BAD_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, text = index.row(), str(value).strip()
        line = self.lines[row]
        if index.column() == COL_COUNT:
            self.lines[row] = _with_count(line, text)
            self.dataChanged.emit(self.index(row, COL_COUNT), self.index(row, COL_MONEY))
        else:
            self.lines[row] = replace(line, money_text=text)
            self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    # -- what the editor asks ------------------------------------------------

    def problem(self, row: int, column: int) -> str:
        """Why a cell's value cannot be saved, or "" if it can."""
        line = self.lines[row]
        if column == COL_COUNT and line.cnt is None:
            return self.tr("A quantity is a whole number from 1 to %1.").replace(
                "%1", str(MAX_COUNT))
        if column == COL_MONEY and line.money is None:
            return self.tr("An amount of money, 0 or more, with at most two decimal places.")
        return ""

    def first_problem(self) -> str:
        return next((problem for row in range(len(self.lines))
                     for column in (COL_COUNT, COL_MONEY)
                     if (problem := self.problem(row, column))), "")

    @property
    def valid(self) -> bool:
        return bool(self.lines) and all(line.cnt and line.money is not None
                                        for line in self.lines)

    @property
    def dirty(self) -> bool:
        return self.lines != self.original

    def items_money(self) -> Decimal | None:
        if not self.valid:
            return None
        return sum((line.money for line in self.lines), Decimal("0.00"))

    def total(self) -> Decimal | None:
        items = self.items_money()
        return None if items is None else items + self.shipping

    def service_lines(self) -> list[dict]:
        """The lines as `shop.set_lines` takes them (only when `valid`)."""
        return [{"book_id": line.book_id, "cnt": line.cnt, "money": line.money}
                for line in self.lines]

    def add_book(self, book: Book) -> int:
        """Add a copy of `book`: one more on its line, or a new line; returns the row."""
        row = next((i for i, line in enumerate(self.lines) if line.book_id == book.id), -1)
        if row >= 0:
            line = self.lines[row]
            self.setData(self.index(row, COL_COUNT), str((line.cnt or 0) + 1))
            return row
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(EditLine(book.id, book.title, book.price, "1", f"{book.price:.2f}"))
        self.endInsertRows()
        self.changed.emit()
        return row

    def remove(self, row: int):
        if self.editable and 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
            self.changed.emit()

    def _text(self, line: EditLine, column: int, editing: bool) -> str:
        if column == COL_BOOK:
            return line.name
        if column == COL_UNIT:
            return formatting.money(line.unit_price)
        if column == COL_COUNT:
            return line.cnt_text
        money = line.money
        return line.money_text if editing or money is None else formatting.money(money)


def _with_count(line: EditLine, text: str) -> EditLine:
    """A new quantity; the line money follows at the line's own price per copy."""
    old_cnt, old_money = line.cnt, line.money
    changed = replace(line, cnt_text=text)
    new_cnt = changed.cnt
    if old_cnt and new_cnt and old_money is not None and new_cnt != old_cnt:
        money = (old_money / old_cnt * new_cnt).quantize(CENT, rounding=ROUND_HALF_UP)
        changed = replace(changed, money_text=f"{money:.2f}")
    return changed
