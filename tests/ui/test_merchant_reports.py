"""The reports pane: sales per day, best sellers and totals by status, exported as CSV."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView

from bookshop_gui.domain import DaySales, OrderStatus
from bookshop_gui.services import orders, reports
from bookshop_gui.ui import dialogs, resources
from bookshop_gui.ui.merchant.reports_model import StatusTotalsModel, TopBooksModel
from bookshop_gui.ui.merchant.sales_chart import SalesChart

from .live_helpers import book_id


@pytest.fixture
def sold(buyer_session):
    for title, cnt in (("Emma", 2), ("Dracula", 1), ("Emma", 1)):
        order_id = orders.create(buyer_session.token, book_id(title), cnt)
        orders.pay(buyer_session.token, order_id)
    orders.create(buyer_session.token, book_id("Moby-Dick"), 1)  # unpaid: not a sale


@pytest.fixture
def pane(sold, staff_window):
    return staff_window.show_pane("reports")


def test_the_report_shows_this_months_sales(pane):
    assert len(pane.chart.days) == 30
    today = pane.chart.days[-1]
    assert (today.day, today.orders) == (str(date.today()), 3)
    assert pane.summary.text() == f"3 paid order(s), ¥{today.revenue}"
    assert [pane.top_books.index(r, 0).data() for r in range(2)] == ["Emma", "Dracula"]
    assert pane.top_books.index(0, 1).data() == "3"
    statuses = {pane.by_status.index(r, 0).data(): pane.by_status.index(r, 1).data()
                for r in range(pane.by_status.rowCount())}
    assert statuses["Pending shipment"] == "3" and statuses["Pending payment"] == "1"


def test_a_shorter_period_redraws_the_chart(pane):
    today = date.today()
    pane.set_period(today - timedelta(days=6), today)
    assert len(pane.chart.days) == 7
    pane.set_period(today - timedelta(days=10), today - timedelta(days=3))
    assert pane.summary.text() == "0 paid order(s), ¥0.00"
    assert pane.chart.grab().size().isValid()


def test_the_report_exports_to_csv(pane, tmp_path, monkeypatch):
    target = tmp_path / "sales.csv"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *args: str(target))
    pane.export_button.click()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("day,orders,revenue")
    assert "pending_shipment,3," in text


def test_the_report_models_pass_the_model_tester(qtmodeltester, staff_session, sold):
    report = reports.sales_report(staff_session.token, date.today(), date.today())
    top, by_status = TopBooksModel(), StatusTotalsModel()
    top.set_rows(report.top_books)
    by_status.set_rows(report.by_status)
    qtmodeltester.check(top)
    qtmodeltester.check(by_status)
    assert by_status.rowCount() == len(OrderStatus)


@pytest.mark.parametrize(("best_day", "grid"), [
    ("89.26", [0, 25, 50, 75, 100]),  # not 22, 45, 67, 90
    ("1234.00", [0, 500, 1000, 1500, 2000]),
    ("3.20", [0, 1, 2, 3, 4]),
])
def test_the_sales_charts_grid_reads_in_round_steps(qtbot, best_day, grid):
    chart = SalesChart()
    qtbot.addWidget(chart)
    chart.set_days([DaySales("2026-11-30", 1, Decimal("1.00")),
                    DaySales("2026-12-01", 2, Decimal(best_day))])
    assert chart.ticks() == grid


def test_every_table_shows_three_rows_on_a_short_screen(pane, qtbot):
    """A 1920×1080 screen at 150 % leaves the window 720 px high, less its frame: the
    chart gives up height, so each list still shows three rows, not two and a half."""
    window = pane.window()
    window.setStyleSheet(resources.style_sheet())
    window.setFont(QFont(window.font().family(), 13))  # as tall as Chinese rows
    window.resize(1280, 650)
    qtbot.waitUntil(lambda: window.height() == 650)
    rows_seen = {view.accessibleName():
                 view.viewport().height() // view.verticalHeader().defaultSectionSize()
                 for view in pane.findChildren(QTableView) if view.isVisible()}
    assert len(rows_seen) == 3 and min(rows_seen.values()) >= 3, rows_seen
