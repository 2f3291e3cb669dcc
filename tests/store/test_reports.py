"""Sales reports: per day, best sellers and totals by status, summed by the database."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import AuthError, InvalidInput
from bookshop_gui.models import Order
from bookshop_gui.services import day_totals, reports, sold_lines

from .builders import make_person, order_in

TODAY = date.today()


def report(person, start=TODAY, end=TODAY, **options):
    return reports.sales_report(person.token, start, end, **options)


def move_to(order_id, day: date):
    created = Order.get_by_id(order_id).created_at
    moved = created.replace(year=day.year, month=day.month, day=day.day)
    Order.update(created_at=moved).where(Order.id == order_id).execute()
    day_totals.rebuild()  # changed past the services, as a bulk import would
    sold_lines.rebuild()


def test_paid_orders_count_as_sales_per_day_and_quiet_days_are_zero(world):
    yesterday = TODAY - timedelta(days=1)
    order_in(world, OrderStatus.PENDING_SHIPMENT, cnt=2)         # 20.00 + 22.00
    order_in(world, OrderStatus.COMPLETED, book=world.book_a2)   # 25.50 + 22.00
    order_in(world, OrderStatus.PENDING_PAYMENT)                 # not paid: no sale
    order_in(world, OrderStatus.CANCELLED)                       # cancelled: no sale
    old = order_in(world, OrderStatus.PENDING_RECEIPT)           # 10.00 + 22.00, a day ago
    move_to(old, yesterday)
    days = report(world.staff_a, TODAY - timedelta(days=2)).days
    assert [(d.day, d.orders, d.revenue) for d in days] == [
        (str(TODAY - timedelta(days=2)), 0, Decimal("0.00")),
        (str(yesterday), 1, Decimal("32.00")),
        (str(TODAY), 2, Decimal("89.50")),
    ]
    assert all(isinstance(d.revenue, Decimal) for d in days)


def test_top_books_rank_copies_sold_with_their_line_money(world):
    order_in(world, OrderStatus.PENDING_SHIPMENT, cnt=3)
    order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_a2, cnt=1)
    order_in(world, OrderStatus.COMPLETED, cnt=1)
    order_in(world, OrderStatus.PENDING_PAYMENT, book=world.book_a2, cnt=4)
    top = report(world.staff_a).top_books
    assert [(b.title, b.copies, b.revenue) for b in top] == [
        ("Dream of the Red Chamber", 4, Decimal("40.00")),
        ("Journey to the West", 1, Decimal("25.50")),
    ]
    assert len(report(world.staff_a, top=1).top_books) == 1


def test_top_books_count_the_days_their_orders_were_placed(world):
    old = order_in(world, OrderStatus.COMPLETED, cnt=2)
    order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_a2, cnt=1)
    move_to(old, TODAY - timedelta(days=1))
    assert [(b.title, b.copies) for b in report(world.staff_a).top_books] == [
        ("Journey to the West", 1)]
    yesterday = TODAY - timedelta(days=1)
    assert [(b.title, b.copies) for b in report(world.staff_a, yesterday, yesterday).top_books] == [
        ("Dream of the Red Chamber", 2)]
    assert [b.copies for b in report(world.staff_a, yesterday).top_books] == [2, 1]
    year = report(world.staff_a, TODAY - timedelta(days=365))  # read in book order
    assert [(b.title, b.copies, b.revenue) for b in year.top_books] == [
        ("Dream of the Red Chamber", 2, Decimal("20.00")),
        ("Journey to the West", 1, Decimal("25.50"))]


def test_totals_by_status_cover_every_status(world):
    order_in(world, OrderStatus.PENDING_PAYMENT)
    order_in(world, OrderStatus.PENDING_PAYMENT, cnt=2)
    order_in(world, OrderStatus.CANCELLED)
    totals = {t.status: (t.orders, t.total) for t in report(world.staff_a).by_status}
    assert set(totals) == set(OrderStatus)
    assert totals[OrderStatus.PENDING_PAYMENT] == (2, Decimal("74.00"))
    assert totals[OrderStatus.CANCELLED] == (1, Decimal("32.00"))
    assert totals[OrderStatus.COMPLETED] == (0, Decimal("0.00"))


def test_staff_see_only_their_shop(world):
    order_in(world, OrderStatus.PENDING_SHIPMENT)
    order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_b1)
    mine = report(world.staff_b)
    assert [b.title for b in mine.top_books] == ["Water Margin"]
    assert sum(d.orders for d in mine.days) == 1


def test_an_administrator_sees_every_shops_best_sellers(world):
    order_in(world, OrderStatus.PENDING_SHIPMENT, cnt=2)
    order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_b1)
    every = report(make_person("boss", "admin"))
    assert [(b.title, b.copies) for b in every.top_books] == [
        ("Dream of the Red Chamber", 2), ("Water Margin", 1)]


def test_buyers_cannot_read_reports_and_bad_periods_are_refused(world):
    with pytest.raises(AuthError):
        report(world.alice)
    with pytest.raises(InvalidInput):
        report(world.staff_a, TODAY, TODAY - timedelta(days=1))
    with pytest.raises(InvalidInput):
        report(world.staff_a, top=0)


def test_a_report_writes_to_csv(world, tmp_path):
    order_in(world, OrderStatus.PENDING_SHIPMENT)
    path = tmp_path / "report.csv"
    reports.write_csv(report(world.staff_a), path)
    text = path.read_text(encoding="utf-8")
    assert f"{TODAY},1,32.00" in text
    assert "Dream of the Red Chamber,1,10.00" in text
    assert "pending_shipment,1,32.00" in text
