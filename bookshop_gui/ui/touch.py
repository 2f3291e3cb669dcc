"""Lists and tables a finger can scroll: swipe, fling and let it run out (kinetic scrolling)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QScroller


def kinetic(area: QAbstractScrollArea) -> QAbstractScrollArea:
    """Let a swipe on `area` scroll it, by pixels rather than by rows."""
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area
