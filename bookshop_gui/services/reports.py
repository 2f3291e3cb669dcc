"""Sales figures for the reports pane, computed by the database with GROUP BY.

A shop with a hundred thousand orders must not ship them all to a workstation
to add them up: every figure here is one grouped query that returns a row per
day, per book or per status. Sales per day, totals by status and parcels per
day come from the daily totals the order transactions keep (services.day_totals),
a few hundred rows for a year, and the best sellers from the copies of the sold
orders' lines they keep (services.sold_lines). Staff see their own shop; an
administrator sees every shop. Days are the shop's local calendar days (this
computer's time zone): sales by the day orders were placed, parcels by the day
they left.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
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
from bookshop_gui.models import Book, Order, SalesDay, ShipmentDay, SoldLine, User
from bookshop_gui.models.fields import as_utc, money_sum, utcnow
from bookshop_gui.services import csv_files, day_totals, sold_lines, together
from bookshop_gui.services.transactions import reads

SOLD = sold_lines.SOLD  # orders whose money the shop has: paid, shipped, received or reviewed
MAX_DAYS = 3660
ZERO = Decimal("0.00")
MAX_TOP = 100
BY_MOMENT_DAYS = 92  # a period's best sellers up to this long: see _top_books
OVERDUE_HOURS = 48  # a paid order still in the shop after two days needs someone's attention
MAX_WAITING = 500
# The days every backend's DATETIME holds (MariaDB's is the narrowest), with a day to spare
# at the end for the period's upper bound.
FIRST_DAY, LAST_DAY = date(1000, 1, 1), date(9999, 12, 30)


@reads(seconds=60)  # years of orders on a busy server
def sales_report(token, start: date, end: date, *, top: int = 10) -> SalesReport:
    """Sales per day from `start` to `end` (both included), the best sellers, totals by status."""
    def queries(user: User) -> list:
        check_period(start, end)
        if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= MAX_TOP:
            raise InvalidInput(f"Top books must be from 1 to {MAX_TOP}.")
        shop_id = user.shop_id if user.role == Role.STAFF else None
        return [_sales_days(shop_id, start, end), _shipped(shop_id, start, end),
                _top_books(shop_id, start, end, top)]

    _, (sales, shipped, best) = together.as_caller(token, (Role.STAFF, Role.ADMIN), queries)
    sales = [(str(day)[:10], status, int(n), total) for day, status, n, total in sales]
    return SalesReport(
        days=_days(sales, start, end, {str(day)[:10]: int(n) for day, n in shipped}),
        top_books=tuple(TopBook(int(book_id), title, int(n), SoldLine.money.python_value(revenue))
                        for book_id, title, n, revenue in best),
        by_status=_by_status(sales),
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


def _sales_days(shop_id, start: date, end: date):
    """(day, status, orders, total) from the period's daily totals: a row per day and status
    (every shop's added up for an administrator)."""
    query = (SalesDay.select(SalesDay.day, SalesDay.status, peewee.fn.SUM(SalesDay.orders),
                             money_sum(SalesDay.total))
             .where(SalesDay.day.between(start, end))
             .group_by(SalesDay.day, SalesDay.status))
    if shop_id is not None:
        query = query.where(SalesDay.shop == shop_id)
    return query.tuples()


def _days(sales, start: date, end: date, shipped: dict[str, int]) -> tuple[DaySales, ...]:
    """Every day of the period with its paid orders and revenue, quiet days at zero."""
    sold = {int(s) for s in SOLD}
    found: dict[str, tuple[int, Decimal]] = {}
    for day, status, n, total in sales:
        if status in sold:
            orders, revenue = found.get(day, (0, ZERO))
            found[day] = (orders + n, revenue + total)
    span = (end - start).days + 1
    days = (str(start + timedelta(days=i)) for i in range(span))
    return tuple(DaySales(d, *found.get(d, (0, ZERO)), shipped.get(d, 0)) for d in days)


def _shipped(shop_id, start: date, end: date):
    """Parcels that left on each day of the period (by the day they left, not were ordered)."""
    query = (ShipmentDay.select(ShipmentDay.day, peewee.fn.SUM(ShipmentDay.parcels))
             .where(ShipmentDay.day.between(start, end)).group_by(ShipmentDay.day))
    if shop_id is not None:
        query = query.where(ShipmentDay.shop == shop_id)
    return query.tuples()


@reads
def waiting_to_ship(token, *, hours: int = OVERDUE_HOURS) -> list[WaitingOrder]:
    """Paid orders still not shipped `hours` after payment, the longest waiting first."""
    def queries(staff: User) -> list:
        if isinstance(hours, bool) or not isinstance(hours, int) or not 0 <= hours <= 24 * MAX_DAYS:
            raise InvalidInput("Say after how many hours an order counts as waiting too long.")
        since = utcnow() - timedelta(hours=hours)
        return [
            Order.select(Order.id, User.username, Order.paid_at, Order.ship_region, Order.total)
            .join(User, on=(Order.buyer == User.id))
            .where(Order.shop == staff.shop_id,
                   Order.status == int(OrderStatus.PENDING_SHIPMENT), Order.paid_at < since)
            .order_by(Order.paid_at, Order.id).limit(MAX_WAITING).tuples()
        ]

    _, (rows,) = together.as_caller(token, (Role.STAFF,), queries)
    return [WaitingOrder(order_id, buyer, as_utc(paid), city_of(region), total)
            for order_id, buyer, paid, region, total in rows]


def _top_books(shop_id, start: date, end: date, top: int):
    """The best sellers with their titles: the sold lines of the period, from local
    midnight to local midnight, added up per book, then the few winners joined to their
    titles, rather than a title carried through every line's grouping.

    Up to a quarter, the period's lines are found by their moment and then grouped
    (`book_id + 0` keeps SQLite, which chooses by the query's shape and not by how
    many lines the period holds, from walking every line of the shop in book order);
    over a longer period that walk is the quicker: each book's lines come together,
    added up as they are read (a year on SQLite: 110 ms where grouping took 240).
    """
    low, high = day_totals.local_bounds(start, end)
    by_book = (end - start).days >= BY_MOMENT_DAYS
    book = SoldLine.book_id if by_book else SoldLine.book_id + peewee.SQL("0")
    copies = peewee.fn.SUM(SoldLine.cnt)
    best = (SoldLine.select(book.alias("book_id"), copies.alias("copies"),
                            money_sum(SoldLine.money).alias("revenue"))
            .where(SoldLine.placed_at >= low, SoldLine.placed_at < high)
            .group_by(book).order_by(copies.desc(), book).limit(top))
    if shop_id is not None:
        best = best.where(SoldLine.shop_id == shop_id)
    best = best.alias("best")
    return (Book.select(best.c.book_id, Book.title, best.c.copies, best.c.revenue)
            .from_(best).join(Book, on=(Book.id == best.c.book_id))
            .order_by(best.c.copies.desc(), best.c.book_id).tuples())


def _by_status(sales) -> tuple[StatusTotal, ...]:
    found: dict[int, tuple[int, Decimal]] = {}
    for _day, status, n, total in sales:
        orders, money = found.get(status, (0, ZERO))
        found[status] = (orders + n, money + total)
    return tuple(
        StatusTotal(status, *found.get(int(status), (0, ZERO)))
        for status in OrderStatus
    )
