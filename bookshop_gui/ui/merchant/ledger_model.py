"""A buyer's balance entries for the members pane: date, reason, amount, order,
by whom and the balance after each, newest first, a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bookshop_gui.domain import LedgerEntry
from bookshop_gui.ui import formatting
from bookshop_gui.ui.columns import RIGHT, Column, ColumnsModel

COL_REASON = 1  # the column that takes the spare width


def reason_text(reason: str) -> str:
    """The ledger's reason codes in words; an unknown code as it is."""
    names = {
        "opening": QCoreApplication.translate("LedgerModel", "Opening balance"),
        "top_up": QCoreApplication.translate("LedgerModel", "Top-up"),
        "payment": QCoreApplication.translate("LedgerModel", "Payment"),
        "refund": QCoreApplication.translate("LedgerModel", "Refund"),
    }
    return names.get(reason, reason)


class LedgerModel(ColumnsModel):
    def columns(self):
        return (
            Column(self.tr("Date"), lambda entry: formatting.when(entry.at),
                   sort_key=lambda entry: entry.at),
            Column(self.tr("Reason"), lambda entry: reason_text(entry.reason)),
            Column(self.tr("Amount"), lambda entry: formatting.money(entry.amount), RIGHT,
                   lambda entry: entry.amount),
            Column(self.tr("Order"), _order_text, RIGHT,
                   lambda entry: entry.order_id or 0),
            Column(self.tr("By"), lambda entry: entry.by_username),
            Column(self.tr("Balance after"), lambda entry: formatting.money(entry.balance_after),
                   RIGHT, lambda entry: entry.balance_after),
        )


def _order_text(entry: LedgerEntry) -> str:
    return f"#{entry.order_id}" if entry.order_id is not None else ""
