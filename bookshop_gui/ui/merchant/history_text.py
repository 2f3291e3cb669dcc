"""An audit entry in words: who changed what on an order, before and after."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from bookshop_gui.domain import AuditEntry
from bookshop_gui.ui import formatting


def action_name(entry: AuditEntry) -> str:
    names = {"set_lines": QCoreApplication.translate("OrderHistory", "Lines edited"),
             "ship": QCoreApplication.translate("OrderHistory", "Marked shipped"),
             "cancel": QCoreApplication.translate("OrderHistory", "Cancelled")}
    return names.get(entry.action, entry.action)


def change_text(entry: AuditEntry) -> str:
    """"Emma × 1 (¥8.99) → Emma × 2 (¥17.98)", then "total ¥30.99 → ¥39.98"; or a status."""
    detail = entry.detail or {}
    if entry.action == "set_lines":
        before = _lines(detail.get("before", []))
        after = _lines(detail.get("after", []))
        total = formatting.fill(QCoreApplication.translate("OrderHistory", "total %1 → %2"),
                                _money(detail.get("total_before")),
                                _money(detail.get("total_after")))
        text = f"{before} → {after}\n{total}"
        if detail.get("approved_by"):
            text += "\n" + formatting.fill(
                QCoreApplication.translate("OrderHistory", "price cut approved by %1"),
                detail["approved_by"])
        return text
    text = _status(detail)
    refund = detail.get("refund")
    if refund and Decimal(refund) > 0:
        text += "; " + formatting.fill(
            QCoreApplication.translate("OrderHistory", "refunded %1"), _money(refund))
    return text


def _lines(lines: list[dict]) -> str:
    return ", ".join(f"{line.get('name', '')} × {line.get('cnt')} ({_money(line.get('money'))})"
                     for line in lines) or "—"


def _status(detail: dict) -> str:
    try:
        before = formatting.status_name(detail["before"]["status"])
        after = formatting.status_name(detail["after"]["status"])
    except (KeyError, TypeError, ValueError):
        return ""
    return f"{before} → {after}"


def _money(value) -> str:
    return formatting.money(Decimal(value)) if value not in (None, "") else "—"
