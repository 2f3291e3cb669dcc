"""Buyers found by the members pane: username, VIP ratio and balance."""

from __future__ import annotations

from bookshop_gui.ui import formatting
from bookshop_gui.ui.columns import RIGHT, Column, ColumnsModel

COL_USERNAME, COL_VIP, COL_BALANCE = range(3)


class MembersModel(ColumnsModel):
    def columns(self):
        return (
            Column(self.tr("Username"), lambda member: member.username),
            Column(self.tr("VIP ratio"), lambda member: vip_text(member.vip_ratio), RIGHT,
                   lambda member: member.vip_ratio),
            Column(self.tr("Balance"), lambda member: formatting.money(member.balance), RIGHT,
                   lambda member: member.balance),
        )


def vip_text(ratio) -> str:
    """0.95 reads as "0.95"; 1 as "1" (full price)."""
    return format(ratio.normalize(), "f")
