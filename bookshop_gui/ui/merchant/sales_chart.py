"""Sales per day as bars, drawn with QPainter (QtCharts is not part of the install)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from bookshop_gui.domain import DaySales
from bookshop_gui.ui import formatting

BAR = QColor("#2c7a6e")
GRID = QColor("#eee9e0")
TEXT = QColor("#66737a")
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_RIGHT = 78, 30, 16, 12
STEPS = 4  # lines of the grid above its 0


class SalesChart(QWidget):
    """Revenue per day; hover a bar for the day's figures."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.days: tuple[DaySales, ...] = ()
        self.setMinimumHeight(140)  # leaves the tables below a few rows at 1024×768
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def sizeHint(self):
        return QSize(640, 220)

    def set_days(self, days):
        self.days = tuple(days)
        self.update()

    def peak(self) -> Decimal:
        return max((day.revenue for day in self.days), default=Decimal(0))

    def _plot(self) -> QRectF:
        return QRectF(MARGIN_LEFT, MARGIN_TOP, max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM))

    def bar_at(self, x: float) -> int:
        plot = self._plot()
        if not self.days or not plot.left() <= x < plot.right():
            return -1
        return int((x - plot.left()) / (plot.width() / len(self.days)))

    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(11)
        painter.setFont(font)
        plot = self._plot()
        top = self._scale_top()
        self._grid(painter, plot, top)
        if not self.days:
            painter.setPen(TEXT)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No sales in this period"))
            return
        self._bars(painter, plot, top)
        self._day_labels(painter, plot)
        painter.end()

    def ticks(self) -> list[Decimal]:
        """The grid's lines, from 0 up to just above the best day in STEPS whole, round
        steps (1, 2, 2.5 or 5 times a power of ten): 0, 25, 50, 75, 100, never 22 or 67."""
        raw = max(self.peak(), Decimal(1)) / STEPS
        power = Decimal(10) ** (len(str(int(raw))) - 1)
        step = next(power * m for m in (1, 2, Decimal("2.5"), 5, 10)
                    if power * m >= raw and (power * m) % 1 == 0)
        return [step * i for i in range(STEPS + 1)]

    def _scale_top(self) -> Decimal:
        return self.ticks()[-1]

    def _grid(self, painter: QPainter, plot: QRectF, top: Decimal):
        for i, tick in enumerate(self.ticks()):
            y = plot.bottom() - plot.height() * i / STEPS
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(TEXT)
            label = formatting.money(tick).split(".")[0]
            painter.drawText(QRectF(0, y - 8, MARGIN_LEFT - 8, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)

    def _bars(self, painter: QPainter, plot: QRectF, top: Decimal):
        slot = plot.width() / len(self.days)
        gap = min(6.0, slot * 0.2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for i, day in enumerate(self.days):
            height = float(day.revenue / top) * plot.height() if top else 0
            if height > 0:
                painter.drawRoundedRect(QRectF(plot.left() + i * slot + gap / 2,
                                               plot.bottom() - height, slot - gap, height), 2, 2)

    def _day_labels(self, painter: QPainter, plot: QRectF):
        slot = plot.width() / len(self.days)
        every = max(1, int(60 // slot) + 1)
        painter.setPen(TEXT)
        for i, day in enumerate(self.days):
            if i % every == 0:
                rect = QRectF(plot.left() + i * slot - 20, plot.bottom() + 4, slot + 40, 18)
                painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter, day.day[5:])

    def mouseMoveEvent(self, event):
        i = self.bar_at(event.position().x())
        if 0 <= i < len(self.days):
            day = self.days[i]
            self.setToolTip(formatting.fill(self.tr("%1: %n order(s), %2", "", day.orders),
                                            day.day, formatting.money(day.revenue)))
        else:
            self.setToolTip("")
