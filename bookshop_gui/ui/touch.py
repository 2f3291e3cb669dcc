"""Made for a finger: lists that scroll with a swipe and a fling, and room between controls."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QProxyStyle,
    QScroller,
    QStyle,
)


def kinetic(area: QAbstractScrollArea) -> QAbstractScrollArea:
    """Let a swipe on `area` scroll it, by pixels rather than by rows."""
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area


class KioskStyle(QProxyStyle):
    """The platform's style with more room between controls, so a finger hits the one it means."""

    SPACING = 12  # at least 8 px between two touch targets, with some to spare

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        if metric in (QStyle.PixelMetric.PM_LayoutHorizontalSpacing,
                      QStyle.PixelMetric.PM_LayoutVerticalSpacing):
            return max(self.SPACING, super().pixelMetric(metric, option, widget))
        return super().pixelMetric(metric, option, widget)
