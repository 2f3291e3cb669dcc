"""The lines of every order a shop has the money for, copied with the order's shop and moment.

A year's best sellers add up some 280,000 lines at 100,000 orders. Joined to
their orders, to learn each line's shop, moment and status, that took
PostgreSQL a hash join and a hash of every book, 200-300 ms; from the copies
in `sold_lines`, read in book order from one index, it is a running sum.

An order's lines are copied when it moves into a sold status (paid) and
dropped when it moves out (cancelled after payment), in the transaction that
moves it, so the copies always equal the sold orders' lines. A sold order's
lines never change: only an unpaid order can be edited. Nothing in the call
reads the copies, so they are sent with the commit (`transactions.later`) and
cost no round trip of their own.
"""

from __future__ import annotations

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import Order, OrderLine, SoldLine
from bookshop_gui.services.transactions import later

# Orders whose money the shop has: paid, shipped, received or reviewed.
SOLD = (
    OrderStatus.PENDING_SHIPMENT,
    OrderStatus.PENDING_RECEIPT,
    OrderStatus.PENDING_REVIEW,
    OrderStatus.COMPLETED,
)
BATCH = 10_000  # orders (about 30,000 lines) a statement: each well within a call's time limit


def moved(orders: list[Order], to: int) -> None:
    """`orders` (as they were read) now have status `to`: copy or drop their lines."""
    sold_now = int(to) in SOLD
    changed = [order.id for order in orders if (int(order.status) in SOLD) != sold_now]
    if changed and sold_now:
        later(_copy(OrderLine.order.in_(changed)))
    elif changed:
        lines = OrderLine.select(OrderLine.id).where(OrderLine.order.in_(changed))
        later(SoldLine.delete().where(SoldLine.line.in_(lines)))


def rebuild() -> None:
    """Every sold line copied again (after orders written or changed in bulk), a batch of
    orders at a time: one statement for a million lines would outlast the time limit."""
    last_line = OrderLine.select(peewee.fn.MAX(OrderLine.id)).scalar() or 0
    for low in range(0, last_line + 1, 3 * BATCH):
        SoldLine.delete().where(SoldLine.line.between(low, low + 3 * BATCH - 1)).execute()
    last_order = Order.select(peewee.fn.MAX(Order.id)).scalar() or 0
    sold = Order.status.in_([int(status) for status in SOLD])
    for low in range(0, last_order + 1, BATCH):
        _copy(sold & Order.id.between(low, low + BATCH - 1)).execute()


def _copy(condition):
    """The statement copying the lines matching `condition` (of orders joined to them)."""
    lines = (OrderLine.select(OrderLine.id, Order.shop, OrderLine.book, Order.created_at,
                              OrderLine.cnt, OrderLine.money)
             .join(Order).where(condition))
    return SoldLine.insert_from(lines, [SoldLine.line, SoldLine.shop_id, SoldLine.book_id,
                                        SoldLine.placed_at, SoldLine.cnt, SoldLine.money])
