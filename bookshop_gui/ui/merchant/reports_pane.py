"""The reports pane: sales per day over a chosen period, best sellers, totals by status,
parcels shipped per day, and paid orders waiting too long to ship.

Every figure is summed by the database (services.reports); the pane only
draws what comes back, and can save it as CSV for a spreadsheet. It reads
again after any change to orders or books, here or at another workstation.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Kind, SalesReport, Session
from bookshop_gui.services import reports
from bookshop_gui.ui import dialogs, formatting, live, messages, resources, shortcuts, tables
from bookshop_gui.ui.merchant.reports_model import (
    ShippedDaysModel,
    StatusTotalsModel,
    TopBooksModel,
)
from bookshop_gui.ui.merchant.sales_chart import SalesChart
from bookshop_gui.ui.merchant.waiting_list import WaitingList

DEFAULT_DAYS = 30
ROWS_SEEN = 3  # a table that shows fewer is no list: the chart gives up height first


class ReportsPane(QWidget):
    message = Signal(str)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.report: SalesReport | None = None
        self.top_books = TopBooksModel(self)
        self.by_status = StatusTotalsModel(self)
        self.shipped = ShippedDaysModel(self)
        self.waiting = WaitingList(session, tasks)
        self.waiting.message.connect(self.message)
        self.views: list[QTableView] = [self.waiting.table]
        self._build()
        # Orders move the figures; books give the best sellers their titles.
        live.follow(self, tasks, (Kind.ORDERS, Kind.BOOKS), lambda _changes: self.refresh(),
                    first_read_when_shown=True)

    def _build(self):
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(1 - DEFAULT_DAYS), calendarPopup=True)
        self.end = QDateEdit(today, calendarPopup=True)
        for field in (self.start, self.end):
            field.setDisplayFormat("yyyy-MM-dd")
            field.dateChanged.connect(lambda _d: self.refresh())
        self.export_button = QPushButton(resources.icon("export"), self.tr("&Export CSV…"))
        self.export_button.clicked.connect(self.choose_export)
        self.summary = QLabel(objectName="total")
        shortcuts.refresh(self, self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&From"), buddy=self.start))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("&to"), buddy=self.end))
        top.addWidget(self.end)
        top.addStretch()
        top.addWidget(self.summary)
        top.addWidget(self.export_button)
        self.chart = SalesChart()
        chart_card = QFrame(objectName="panel")
        chart_layout = QVBoxLayout(chart_card)
        chart_layout.addWidget(QLabel(self.tr("Sales per day"), objectName="heading"))
        chart_layout.addWidget(self.chart)
        tables = QHBoxLayout()
        tables.addWidget(self._table(self.tr("Top-selling books"), self.top_books), 3)
        tables.addWidget(self._table(self.tr("Orders by status"), self.by_status), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(chart_card, 2)
        shipping = QHBoxLayout()
        shipping.addWidget(self._table(self.tr("Shipped per day"), self.shipped), 2)
        shipping.addWidget(self.waiting, 3)
        layout.addLayout(tables, 3)
        layout.addLayout(shipping, 3)

    def _table(self, title: str, model) -> QWidget:
        view = tables.table(title, model, 0)
        self.views.append(view)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(title, objectName="heading"))
        layout.addWidget(view)
        return box

    def showEvent(self, event):
        self._keep_rows_seen()
        super().showEvent(event)

    def changeEvent(self, event):
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._keep_rows_seen()
        super().changeEvent(event)

    def _keep_rows_seen(self):
        """Each table at least ROWS_SEEN rows high, under its header and above a scroll bar.

        Row and header heights follow the font and style (larger in Chinese), so they
        are measured when the pane is shown rather than fixed in pixels; on a short
        screen (1280×720 at 150 %) the chart, which stretches, shrinks instead.
        """
        for view in self.views:
            rows = ROWS_SEEN * view.verticalHeader().defaultSectionSize()
            header = view.horizontalHeader().sizeHint().height()
            bar = view.horizontalScrollBar().sizeHint().height()
            view.setMinimumHeight(rows + header + bar + 2 * view.frameWidth())

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def set_period(self, start: date, end: date):
        for field, day in ((self.start, start), (self.end, end)):
            field.blockSignals(True)
            field.setDate(QDate(day.year, day.month, day.day))
            field.blockSignals(False)
        self.refresh()

    def refresh(self):
        start, end = self.period()
        if end < start:
            self.summary.setText(self.tr("The last day comes before the first."))
            return
        self.tasks.run(reports.sales_report, self.session.token, start, end, done=self._show,
                       failed=self._failed, key="report")
        self.waiting.refresh()

    def _show(self, report: SalesReport):
        self.report = report
        self.chart.set_days(report.days)
        self.top_books.set_rows(report.top_books)
        self.by_status.set_rows(report.by_status)
        self.shipped.set_rows(report.days)
        revenue = sum((day.revenue for day in report.days), Decimal("0.00"))
        orders = sum(day.orders for day in report.days)
        self.summary.setText(formatting.fill(self.tr("%n paid order(s), %1", "", orders),
                                             formatting.money(revenue)))

    def _failed(self, error):
        self.summary.setText(messages.describe(error))

    def choose_export(self):
        if self.report is None:
            return
        start, end = self.period()
        path = dialogs.save_file_name(self, self.tr("Export report"),
                                      f"sales-{start}-{end}.csv", "CSV (*.csv)")
        if path:
            self.export(path)

    def export(self, path: str):
        self.tasks.run(reports.write_csv, self.report, path,
                       done=lambda _r: self.message.emit(self.tr("Report saved.")),
                       failed=self._failed)
