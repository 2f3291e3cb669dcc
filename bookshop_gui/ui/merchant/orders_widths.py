"""How wide the orders list's columns start out.

Each column but Items is as wide as its title or the widest value it may hold,
measured in the window's font and language, so it shows whole; Items stretches
into all the rest, where titles need the room most. Fixed pixel widths left
Items about 115 px on a 1024 px screen. The person can still drag any column.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtWidgets import QStyle, QTableView

from bookshop_gui.domain import OrderStatus
from bookshop_gui.ui import formatting
from bookshop_gui.ui.merchant.orders_model import (
    COL_BUYER,
    COL_CITY,
    COL_CREATED,
    COL_NUMBER,
    COL_STATUS,
    COL_TOTAL,
)

BUYER_WIDTH = 110  # a user name can be anything: room for a usual one, the rest in the tip
SPARE = 4  # pixels past the text, so rounding never elides a value that just fits


def widest_values() -> dict[int, list[str]]:
    """The values each measured column may hold at their widest."""
    return {
        COL_NUMBER: ["#8888888"],
        COL_CREATED: [formatting.when(datetime(2026, 12, 28, 20, 58, tzinfo=UTC))],
        COL_TOTAL: [formatting.money(Decimal("99999.99"))],
        COL_STATUS: [formatting.status_name(status) for status in OrderStatus],
        COL_CITY: ["乌鲁木齐市"],
    }


def fit_columns(view: QTableView) -> None:
    """Call once the view is polished (shown), when its style sheet's font applies."""
    view.ensurePolished()
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    for column, values in widest_values().items():
        text = max(metrics.horizontalAdvance(value) for value in values) + 2 * margin + SPARE
        view.setColumnWidth(column, max(text, header.sectionSizeHint(column)))
    view.setColumnWidth(COL_BUYER, max(BUYER_WIDTH, header.sectionSizeHint(COL_BUYER)))
