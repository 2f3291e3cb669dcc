"""How money, dates and statuses read on screen, and how typed money is read back."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QObject

from bookshop_gui.domain import CENT, OrderStatus

_PLACE = re.compile(r"%(\d)")


def fill(text: str, *values) -> str:
    """Put `values` in for %1, %2… of a translated string in one pass, as QString::arg does.

    One pass, so a value that happens to hold "%2" (a username, a title) is
    left as it is; the translation may put the places in any order.
    """
    def value(match: re.Match) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 0 < number <= len(values) else match.group(0)

    return _PLACE.sub(value, text)


def sentences(*parts: str) -> str:
    """Translated sentences one after another. A space follows a Latin full stop; none
    follows a Chinese 。？！, which carries its own space: "余额。 图书" reads as a gap."""
    text = ""
    for part in filter(None, parts):
        text += part if not text or text[-1] in "。？！：" else " " + part
    return text


def money(amount: Decimal | None) -> str:
    """¥1,234.50: the seeds' shops price in yuan."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}¥{abs(amount):,.2f}"


def parse_money(text: str) -> Decimal | None:
    """A typed amount as a two-place Decimal, or None if it is not one (e.g. 1.234, -1, abc)."""
    cleaned = text.strip().replace("¥", "").replace(",", "").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(CENT):
        return None
    return amount.quantize(CENT)


# A search counts its matches up to here and then says "1,000+ books": counting every
# match of one common letter costs more than the page of books it finds.
BOOKS_COUNTED = 1000


def books_found(total: int) -> str:
    """What a search found: "No books match.", "1 book", "1,234 books", or "1,000+ books"
    once there are more than BOOKS_COUNTED (asked for as `catalog.count(up_to=...)`)."""
    if total == 0:
        return QCoreApplication.translate("Counts", "No books match.")
    shown = min(total, BOOKS_COUNTED)
    text = _counts().books(shown, more=total > BOOKS_COUNTED)
    return text.replace(str(shown), f"{shown:,}", 1)


class Counts(QObject):
    """Phrases with plural forms ("1 book", "2 books"): lupdate finds plurals in `tr()` only."""

    def books(self, n: int, *, more: bool) -> str:
        return self.tr("%n+ book(s)", "", n) if more else self.tr("%n book(s)", "", n)


def _counts() -> Counts:
    global _COUNTS
    if _COUNTS is None:
        _COUNTS = Counts()
    return _COUNTS


_COUNTS: Counts | None = None


def when(moment: datetime | None) -> str:
    """A stored UTC time in this computer's local time, to the minute."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def status_name(status: int) -> str:
    status = OrderStatus(status)
    names = {
        OrderStatus.PENDING_PAYMENT: QCoreApplication.translate("OrderStatus", "Pending payment"),
        OrderStatus.PENDING_SHIPMENT: QCoreApplication.translate("OrderStatus", "Pending shipment"),
        OrderStatus.PENDING_RECEIPT: QCoreApplication.translate("OrderStatus", "Shipped"),
        OrderStatus.PENDING_REVIEW: QCoreApplication.translate("OrderStatus", "Pending review"),
        OrderStatus.COMPLETED: QCoreApplication.translate("OrderStatus", "Completed"),
        OrderStatus.CANCELLED: QCoreApplication.translate("OrderStatus", "Cancelled"),
    }
    return names[status]


def courier_name(courier: str) -> str:
    """A courier's name in the person's language: 顺丰速运 for "SF Express" in Chinese.

    Orders keep the name they were shipped under (the seeds' and couriers' own
    spelling); only the couriers offered when shipping are known here, and any
    other name a person typed reads as it was typed.
    """
    names = {
        "SF Express": QCoreApplication.translate("Courier", "SF Express"),
        "EMS": QCoreApplication.translate("Courier", "EMS"),
        "JD Logistics": QCoreApplication.translate("Courier", "JD Logistics"),
        "ZTO Express": QCoreApplication.translate("Courier", "ZTO Express"),
        "YTO Express": QCoreApplication.translate("Courier", "YTO Express"),
        "STO Express": QCoreApplication.translate("Courier", "STO Express"),
    }
    return names.get(courier, courier)


def status_tab_name(status: int) -> str:
    """The short name on a status tab, so every tab fits a 1024 px screen in one row."""
    status = OrderStatus(status)
    names = {
        OrderStatus.PENDING_PAYMENT: QCoreApplication.translate("OrderStatus", "To pay"),
        OrderStatus.PENDING_SHIPMENT: QCoreApplication.translate("OrderStatus", "To ship"),
        OrderStatus.PENDING_RECEIPT: QCoreApplication.translate("OrderStatus", "Shipped"),
        OrderStatus.PENDING_REVIEW: QCoreApplication.translate("OrderStatus", "To review"),
        OrderStatus.COMPLETED: QCoreApplication.translate("OrderStatus", "Completed"),
        OrderStatus.CANCELLED: QCoreApplication.translate("OrderStatus", "Cancelled"),
    }
    return names[status]


# The order the status tabs appear in, after "All".
STATUS_TABS = (
    OrderStatus.PENDING_PAYMENT,
    OrderStatus.PENDING_SHIPMENT,
    OrderStatus.PENDING_RECEIPT,
    OrderStatus.PENDING_REVIEW,
    OrderStatus.COMPLETED,
    OrderStatus.CANCELLED,
)
