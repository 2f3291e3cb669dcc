"""Sales figures for the reports pane, computed by the database with GROUP BY.

A shop with a hundred thousand orders must not ship them all to a workstation
to add them up: every figure here is one grouped query that returns a row per
day, per book or per status. Staff see their own shop; an administrator sees
every shop. Days are the days orders were placed, in UTC, as stored.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import (
    DaySales,
    OrderStatus,
    Role,
    SalesReport,
    StatusTotal,
    TopBook,
    WaitingOrder,
    city_of,
)
from bookshop_gui.errors import InvalidInput
from bookshop_gui.models import Book, Order, OrderLine, User
from bookshop_gui.models.fields import as_utc, money_sum, utcnow
from bookshop_gui.services import csv_files
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import reads

# Orders whose money the shop has: paid, shipped, received or reviewed.
SOLD = (
    OrderStatus.PENDING_SHIPMENT,
    OrderStatus.PENDING_RECEIPT,
    OrderStatus.PENDING_REVIEW,
    OrderStatus.COMPLETED,
)
MAX_DAYS = 3660
ZERO = Decimal("0.00")
MAX_TOP = 100
OVERDUE_HOURS = 48  # a paid order still in the shop after two days needs someone's attention
MAX_WAITING = 500
# The days every backend's DATETIME holds (MariaDB's is the narrowest), with a day to spare
# at the end for the period's upper bound.
FIRST_DAY, LAST_DAY = date(1000, 1, 1), date(9999, 12, 30)


@reads(seconds=60)  # years of orders on a busy server
def sales_report(token, start: date, end: date, *, top: int = 10) -> SalesReport:
    """Sales per day from `start` to `end` (both included), the best sellers, totals by status."""
    user = caller(token, Role.STAFF, Role.ADMIN)
    check_period(start, end)
    if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= MAX_TOP:
        raise InvalidInput(f"Top books must be from 1 to {MAX_TOP}.")
    shop_id = user.shop_id if user.role == Role.STAFF else None
    period = _in_period(shop_id, start, end)
    return SalesReport(
        days=_days(period, start, end, _shipped(shop_id, start, end)),
        top_books=_top_books(period, top),
        by_status=_by_status(period),
    )


def write_csv(report: SalesReport, path: str | Path) -> None:
    """The report as a spreadsheet: one section per table, separated by a blank row."""
    with csv_files.writing(path) as writer:
        writer.writerow(["day", "orders", "revenue", "shipped"])
        writer.writerows([d.day, d.orders, d.revenue, d.shipped] for d in report.days)
        writer.writerow([])
        writer.writerow(["book_id", "title", "copies", "revenue"])
        writer.writerows([b.book_id, b.title, b.copies, b.revenue] for b in report.top_books)
        writer.writerow([])
        writer.writerow(["status", "orders", "total"])
        writer.writerows([s.status.name.lower(), s.orders, s.total] for s in report.by_status)


def check_period(start, end) -> None:
    """InvalidInput unless `start`..`end` are days every backend can hold, in order."""
    if not isinstance(start, date) or not isinstance(end, date):
        raise InvalidInput("A report needs a first and a last day.")
    if isinstance(start, datetime) or isinstance(end, datetime):
        raise InvalidInput("A report needs days, not moments.")
    if end < start:
        raise InvalidInput("The last day comes before the first.")
    if start < FIRST_DAY or end > LAST_DAY:
        raise InvalidInput(f"A report covers days from {FIRST_DAY} to {LAST_DAY}.")
    if (end - start).days >= MAX_DAYS:
        raise InvalidInput("A report covers at most ten years.")


def _in_period(shop_id, start: date, end: date):
    """The condition every figure shares: this shop's orders placed in the period."""
    condition = (Order.created_at >= datetime.combine(start, time.min)) & (
        Order.created_at < datetime.combine(end + timedelta(days=1), time.min)
    )
    if shop_id is not None:
        condition &= Order.shop == shop_id
    return condition


def _days(period, start: date, end: date, shipped: dict[str, int]) -> tuple[DaySales, ...]:
    """One row per day with sales, then every day of the period, quiet ones at zero."""
    day = peewee.fn.DATE(Order.created_at)
    rows = (
        Order.select(day.alias("day"), peewee.fn.COUNT(Order.id), money_sum(Order.total))
        .where(period, Order.status.in_([int(s) for s in SOLD]))
        .group_by(day)
        .tuples()
    )
    found = {str(d)[:10]: (n, revenue) for d, n, revenue in rows}
    span = (end - start).days + 1
    days = (str(start + timedelta(days=i)) for i in range(span))
    return tuple(DaySales(d, *found.get(d, (0, ZERO)), shipped.get(d, 0)) for d in days)


def _shipped(shop_id, start: date, end: date) -> dict[str, int]:
    """Parcels that left on each day of the period (by the day they left, not were ordered)."""
    day = peewee.fn.DATE(Order.shipped_at)
    condition = (Order.shipped_at >= datetime.combine(start, time.min)) & (
        Order.shipped_at < datetime.combine(end + timedelta(days=1), time.min))
    if shop_id is not None:
        condition &= Order.shop == shop_id
    rows = Order.select(day, peewee.fn.COUNT(Order.id)).where(condition).group_by(day).tuples()
    return {str(d)[:10]: n for d, n in rows}


@reads
def waiting_to_ship(token, *, hours: int = OVERDUE_HOURS) -> list[WaitingOrder]:
    """Paid orders still not shipped `hours` after payment, the longest waiting first."""
    staff = caller(token, Role.STAFF)
    if isinstance(hours, bool) or not isinstance(hours, int) or not 0 <= hours <= 24 * MAX_DAYS:
        raise InvalidInput("Say after how many hours an order counts as waiting too long.")
    since = utcnow() - timedelta(hours=hours)
    rows = (
        Order.select(Order.id, User.username, Order.paid_at, Order.ship_region, Order.total)
        .join(User, on=(Order.buyer == User.id))
        .where(Order.shop == staff.shop_id, Order.status == int(OrderStatus.PENDING_SHIPMENT),
               Order.paid_at < since)
        .order_by(Order.paid_at, Order.id).limit(MAX_WAITING).tuples()
    )
    return [WaitingOrder(order_id, buyer, as_utc(paid), city_of(region), total)
            for order_id, buyer, paid, region, total in rows]


def _top_books(period, top: int) -> tuple[TopBook, ...]:
    copies = peewee.fn.SUM(OrderLine.cnt)
    rows = (
        OrderLine.select(OrderLine.book, Book.title, copies, money_sum(OrderLine.money))
        .join_from(OrderLine, Order)
        .join_from(OrderLine, Book)
        .where(period, Order.status.in_([int(s) for s in SOLD]))
        .group_by(OrderLine.book, Book.title)
        .order_by(copies.desc(), OrderLine.book)
        .limit(top)
        .tuples()
    )
    return tuple(TopBook(book_id, title, int(n), revenue) for book_id, title, n, revenue in rows)


def _by_status(period) -> tuple[StatusTotal, ...]:
    rows = (
        Order.select(Order.status, peewee.fn.COUNT(Order.id), money_sum(Order.total))
        .where(period)
        .group_by(Order.status)
        .tuples()
    )
    found = {int(status): (n, total) for status, n, total in rows}
    return tuple(
        StatusTotal(status, *found.get(int(status), (0, ZERO)))
        for status in OrderStatus
    )
