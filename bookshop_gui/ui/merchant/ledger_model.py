"""A buyer's balance entries for the members pane: date, reason, amount, order,
by whom and the balance after each, newest first, a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from bookshop_gui.domain import LedgerEntry
from bookshop_gui.ui import formatting

ROOT = QModelIndex()  # "no parent": the top level of a flat table

COL_DATE, COL_REASON, COL_AMOUNT, COL_ORDER, COL_BY, COL_BALANCE = range(6)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def reason_text(reason: str) -> str:
    """The ledger's reason codes in words; an unknown code as it is."""
    names = {
        "opening": QCoreApplication.translate("LedgerModel", "Opening balance"),
        "top_up": QCoreApplication.translate("LedgerModel", "Top-up"),
        "payment": QCoreApplication.translate("LedgerModel", "Payment"),
        "refund": QCoreApplication.translate("LedgerModel", "Refund"),
    }
    return names.get(reason, reason)


class LedgerModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[LedgerEntry] = []

    def set_entries(self, entries: list[LedgerEntry]):
        self.beginResetModel()
        self.rows = list(entries)
        self.endResetModel()

    def add_entries(self, entries: list[LedgerEntry]):
        """The next (older) page, below the rows already shown."""
        if entries:
            self.beginInsertRows(ROOT, len(self.rows), len(self.rows) + len(entries) - 1)
            self.rows.extend(entries)
            self.endInsertRows()

    def rowCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT):
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Reason"), self.tr("Amount"), self.tr("Order"),
                self.tr("By"), self.tr("Balance after"))[section]

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
                COL_AMOUNT, COL_ORDER, COL_BALANCE):
            return RIGHT
        return None

    def _text(self, entry: LedgerEntry, column: int) -> str:
        if column == COL_DATE:
            return formatting.when(entry.at)
        if column == COL_REASON:
            return reason_text(entry.reason)
        if column == COL_AMOUNT:
            return formatting.money(entry.amount)
        if column == COL_ORDER:
            return f"#{entry.order_id}" if entry.order_id is not None else ""
        if column == COL_BY:
            return entry.by_username
        return formatting.money(entry.balance_after)
