"""Buyers found by the members pane: username, VIP ratio and balance."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from bookshop_gui.domain import Member
from bookshop_gui.ui import formatting

ROOT = QModelIndex()  # "no parent": the top level of a flat table

COL_USERNAME, COL_VIP, COL_BALANCE = range(3)
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1


class MembersModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Member] = []

    def set_members(self, members: list[Member]):
        self.beginResetModel()
        self.rows = list(members)
        self.endResetModel()

    def rowCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT):
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Username"), self.tr("VIP ratio"), self.tr("Balance"))[section]

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        member = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (member.username, vip_text(member.vip_ratio),
                    formatting.money(member.balance))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != COL_USERNAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == MEMBER_ROLE:
            return member
        return None


def vip_text(ratio) -> str:
    """0.95 reads as "0.95"; 1 as "1" (full price)."""
    return format(ratio.normalize(), "f")
