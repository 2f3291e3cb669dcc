"""One order's lines for the detail page: book, unit price, quantity, money."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from bookshop_gui.domain import OrderLine
from bookshop_gui.ui import covers, formatting

TOP = QModelIndex()  # the invisible root: these models are flat
COL_BOOK, COL_PRICE, COL_COUNT, COL_MONEY = range(4)
COLUMNS = 4


class OrderLinesModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        covers.repaint_when_loaded(self)
        self._lines: list[OrderLine] = []

    def rowCount(self, parent=TOP) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=TOP) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Book"), self.tr("Unit price"), self.tr("Quantity"), self.tr("Money"))
        return names[section] if 0 <= section < COLUMNS else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self.checkIndex(index, self.CheckIndexOption.IndexIsValid):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (line.name, formatting.money(line.unit_price), str(line.cnt),
                    formatting.money(line.money))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == COL_BOOK:
            return covers.cover(line.pic, line.name, "", 40, 56)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_BOOK:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_lines(self, lines) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()
