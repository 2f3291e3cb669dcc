"""Each shop's daily totals, kept equal to adding up its orders.

`sales_days` holds, per shop, local day an order was placed and status, how
many orders and their totals (split over `SLOTS` rows by order id);
`shipment_days` how many parcels left each local day. Every change to an
order's status, total or shipping day adds the difference here in the same
transaction, so a year's report reads a few hundred rows instead of adding
up a year of orders, and never disagrees with them. Concurrent writers add
to a row with one atomic upsert each, never read-then-write, and send it
with the commit (`transactions.later`): no write call reads these tables,
and none waits for an upsert's answer. An upsert
still locks its row until the commit: with one row per shop, day and status,
every kiosk of a shop paying at once queued on it (20 kiosks on five shops
made half the orders a second they made without daily totals). Each order
adds to the slot its id picks, so kiosks paying at once mostly lock
different rows; every read adds the slots up.

A day is the shop's local calendar day: the day in this computer's time zone,
where staff count "today's sales" and "today's parcels", not the UTC day.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import Order, SalesDay, ShipmentDay
from bookshop_gui.models.base import database
from bookshop_gui.services.transactions import later

BATCH = 500
SLOTS = 8  # rows per shop, day and status that writers at once spread over


def local_day(moment: datetime) -> date:
    """The local calendar day of a stored (naive UTC) moment."""
    return moment.replace(tzinfo=UTC).astimezone().date()


def local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The stored (naive UTC) moments from local midnight starting `start` to the one
    ending `end`: what `created_at >= low AND created_at < high` needs."""
    def utc(day: date) -> datetime:
        return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)

    return utc(start), utc(end + timedelta(days=1))


def orders_by_status(shop_id: int) -> dict[OrderStatus, int]:
    """How many of the shop's orders are in each status (the orders tabs' numbers), from
    a few rows a day, where counting the orders themselves read every one of them:
    20 ms of each list read at 100,000 orders on PostgreSQL."""
    return counted(counting(shop_id))


def counting(shop_id: int):
    """The grouped query `orders_by_status` runs, to send along with others (`together`)."""
    return (SalesDay.select(SalesDay.status, peewee.fn.SUM(SalesDay.orders))
            .where(SalesDay.shop == shop_id).group_by(SalesDay.status).tuples())


def counted(rows) -> dict[OrderStatus, int]:
    """`counting`'s rows as a count for every status, none left out."""
    found = {int(status): int(n) for status, n in rows}
    return {status: found.get(int(status), 0) for status in OrderStatus}


def placed(order: Order) -> None:
    """A new order (its status, total and created_at as stored)."""
    _add_sales(order, order.status, 1, order.total)


def moved(order: Order, to: int) -> None:
    """`order` (as it was read) now has status `to`."""
    if int(to) != int(order.status):
        _add_sales(order, order.status, -1, -order.total)
        _add_sales(order, to, 1, order.total)


def moved_all(orders: list[Order], to: int) -> None:
    """`moved` for several orders at once: their days' totals in one statement."""
    sales: dict = defaultdict(lambda: [0, Decimal(0)])
    for order in orders:
        if int(to) != int(order.status):
            for status, sign in ((int(order.status), -1), (int(to), 1)):
                figures = sales[order.shop_id, local_day(order.created_at), status,
                                order.id % SLOTS]
                figures[0] += sign
                figures[1] += sign * order.total
    if sales:
        _upsert_all(SalesDay, [
            {SalesDay.shop: shop_id, SalesDay.day: day, SalesDay.status: status,
             SalesDay.slot: slot, SalesDay.orders: count, SalesDay.total: total}
            for (shop_id, day, status, slot), (count, total) in sales.items()
        ], _SALES_KEY, (SalesDay.orders, SalesDay.total))


def retotalled(order: Order, total: Decimal) -> None:
    """`order` (as it was read) now costs `total`."""
    if total != order.total:
        _add_sales(order, order.status, 0, total - order.total)


def shipped(shop_id: int, at: datetime, parcels: int = 1) -> None:
    """`parcels` of the shop's parcels left at `at`."""
    _upsert(ShipmentDay, {ShipmentDay.shop: shop_id, ShipmentDay.day: local_day(at),
                          ShipmentDay.parcels: parcels},
            (ShipmentDay.shop, ShipmentDay.day), (ShipmentDay.parcels,))


def rebuild() -> None:
    """Every daily total added up again from the orders (after orders written in bulk)."""
    sales: dict = defaultdict(lambda: [0, Decimal(0)])
    parcels: dict = defaultdict(int)
    rows = Order.select(Order.id, Order.shop, Order.status, Order.total, Order.created_at,
                        Order.shipped_at).tuples().iterator()
    for order_id, shop_id, status, total, created_at, shipped_at in rows:
        figures = sales[shop_id, local_day(created_at), status, order_id % SLOTS]
        figures[0] += 1
        figures[1] += total
        if shipped_at is not None:
            parcels[shop_id, local_day(shipped_at)] += 1
    SalesDay.delete().execute()
    ShipmentDay.delete().execute()
    _insert(SalesDay, [SalesDay.shop, SalesDay.day, SalesDay.status, SalesDay.slot,
                       SalesDay.orders, SalesDay.total],
            [(*key, n, total) for key, (n, total) in sales.items()])
    _insert(ShipmentDay, [ShipmentDay.shop, ShipmentDay.day, ShipmentDay.parcels],
            [(*key, n) for key, n in parcels.items()])


def _add_sales(order: Order, status: int, orders: int, total: Decimal) -> None:
    """Add to `order`'s slot of its shop's day in `status`."""
    _upsert(SalesDay, {SalesDay.shop: order.shop_id, SalesDay.day: local_day(order.created_at),
                       SalesDay.status: int(status), SalesDay.slot: order.id % SLOTS,
                       SalesDay.orders: orders, SalesDay.total: total},
            _SALES_KEY, (SalesDay.orders, SalesDay.total))


_SALES_KEY = (SalesDay.shop, SalesDay.day, SalesDay.status, SalesDay.slot)


def _upsert(model, row: dict, key: tuple, added: tuple) -> None:
    """Insert `row`, or add its `added` columns to the row already there for `key`."""
    _upsert_all(model, [row], key, added)


def _upsert_all(model, rows: list[dict], key: tuple, added: tuple) -> None:
    """`_upsert` for rows of distinct keys, in one statement."""
    if isinstance(database.obj, peewee.MySQLDatabase):  # ON DUPLICATE KEY UPDATE … VALUES()
        update = {f: f + peewee.SQL(f"VALUES(`{f.column_name}`)") for f in added}
        later(model.insert_many(rows).on_conflict(update=update))
    else:
        update = {f: f + getattr(peewee.EXCLUDED, f.column_name) for f in added}
        later(model.insert_many(rows).on_conflict(conflict_target=list(key), update=update))


def _insert(model, fields: list, rows: list) -> None:
    for start in range(0, len(rows), BATCH):
        model.insert_many(rows[start:start + BATCH], fields=fields).execute()
