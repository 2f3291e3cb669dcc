"""Reading and moving orders: what the buyer's calls and the shop's calls share.

Every change goes through a guarded update (`WHERE status = expected`,
`WHERE stock >= n`, `WHERE balance >= total`), so when two workstations race
for the same row exactly one of them wins and the other changes nothing.
Lists are built with a fixed number of queries, however many rows they hold.
"""

from __future__ import annotations

import json
from collections import defaultdict

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import (
    AuditEntry,
    OrderDetail,
    OrderStatus,
    OrderSummary,
)
from bookshop_gui.domain import (
    OrderLine as LineValue,
)
from bookshop_gui.errors import (
    InsufficientBalance,
    InvalidInput,
    InvalidState,
    NotFound,
    OutOfStock,
)
from bookshop_gui.models import AuditLog, BalanceEntry, Book, Order, OrderLine, Review, Shop, User
from bookshop_gui.models.fields import as_utc
from bookshop_gui.services.transactions import for_update

STATUS_WORDS = {
    OrderStatus.PENDING_PAYMENT: "waiting for payment",
    OrderStatus.PENDING_SHIPMENT: "paid and waiting to be shipped",
    OrderStatus.PENDING_RECEIPT: "shipped",
    OrderStatus.PENDING_REVIEW: "received and waiting for a review",
    OrderStatus.COMPLETED: "completed",
    OrderStatus.CANCELLED: "cancelled",
}


def status_filter(status) -> OrderStatus | None:
    """A status argument as the enum (plain ints welcome), or InvalidInput."""
    if status is None:
        return None
    try:
        if isinstance(status, bool) or not isinstance(status, int):
            raise ValueError
        return OrderStatus(status)
    except ValueError:
        raise InvalidInput("Unknown order status.") from None


NO_SUCH_ORDER = "There is no such order."


def find(order_id, *, buyer_id=None, shop_id=None, lock=False) -> Order:
    """The order, if it is the caller's; another's order is reported as missing.

    The message never repeats the id, so no caller can tell another's order
    from one that does not exist by comparing what they are told.
    """
    if isinstance(order_id, bool) or not isinstance(order_id, int):
        raise NotFound(NO_SUCH_ORDER)
    query = Order.select().where(Order.id == order_id)
    if buyer_id is not None:
        query = query.where(Order.buyer == buyer_id)
    if shop_id is not None:
        query = query.where(Order.shop == shop_id)
    order = (for_update(query) if lock else query).first()
    if order is None:
        raise NotFound(NO_SUCH_ORDER)
    return order


def require_status(order: Order, allowed, action: str) -> None:
    if order.status not in allowed:
        state = STATUS_WORDS[OrderStatus(order.status)]
        raise InvalidState(f"Order {order.id} is {state}, so it cannot be {action}.")


def move(order: Order, to: OrderStatus, allowed, action: str, **changes) -> None:
    """Change the status if it is one of `allowed`, guarded against a racing change."""
    require_status(order, allowed, action)
    changed = (
        Order.update(status=to, version=Order.version + 1, **changes)
        .where(Order.id == order.id, Order.status == order.status)
        .execute()
    )
    if changed != 1:
        raise InvalidState(f"Order {order.id} changed meanwhile; it was not {action}.")


def status_counts(condition) -> dict[OrderStatus, int]:
    """Orders matching `condition`, counted per status in one grouped query."""
    rows = (
        Order.select(Order.status, peewee.fn.COUNT(Order.id).alias("n"))
        .where(condition).group_by(Order.status).tuples()
    )
    found = dict(rows)
    return {status: found.get(int(status), 0) for status in OrderStatus}


def take_stock(wanted: dict[int, int]) -> None:
    """Reserve copies book by book (in id order, so racing calls cannot deadlock)."""
    short = [
        book_id
        for book_id in sorted(wanted)
        if not Book.update(stock=Book.stock - wanted[book_id])
        .where(Book.id == book_id, Book.stock >= wanted[book_id])
        .execute()
    ]
    if short:
        titles = [book.title for book in Book.select(Book.title).where(Book.id.in_(short))]
        raise OutOfStock(f"Not enough copies in stock: {', '.join(titles)}.", short)


def return_stock(counts: dict[int, int]) -> None:
    for book_id in sorted(counts):
        Book.update(stock=Book.stock + counts[book_id]).where(Book.id == book_id).execute()


def line_counts(order: Order) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for line in OrderLine.select(OrderLine.book, OrderLine.cnt).where(OrderLine.order == order.id):
        counts[line.book_id] += line.cnt
    return counts


def charge(order: Order, buyer: User) -> None:
    """Take the order total from the buyer's balance, only if it is all there."""
    paid = (
        User.update(balance=User.balance - order.total)
        .where(User.id == buyer.id, User.balance >= order.total)
        .execute()
    )
    if not paid:
        balance = User.get_by_id(buyer.id).balance
        raise InsufficientBalance(
            f"Your balance is {balance}, but order {order.id} costs {order.total}. "
            f"Please top up {order.total - balance} at the counter.",
            amount=order.total,
            balance=balance,
        )
    BalanceEntry.create(user=buyer.id, amount=-order.total, reason="payment", order_id=order.id)


def cancel(order: Order, by_username: str) -> bool:
    """Cancel a pending order, return its stock, and refund it if paid; True if refunded."""
    paid = order.status == OrderStatus.PENDING_SHIPMENT
    move(order, OrderStatus.CANCELLED,
         (OrderStatus.PENDING_PAYMENT, OrderStatus.PENDING_SHIPMENT), "cancelled")
    return_stock(line_counts(order))
    if paid:
        User.update(balance=User.balance + order.total).where(User.id == order.buyer_id).execute()
        BalanceEntry.create(user=order.buyer_id, amount=order.total, reason="refund",
                            order_id=order.id, by_username=by_username)
    return paid


def audit(order: Order, username: str, action: str, detail: dict) -> None:
    AuditLog.create(order=order.id, username=username, action=action,
                    detail=json.dumps(detail, ensure_ascii=False, default=str))


def audit_entries(order_id: int) -> list[AuditEntry]:
    rows = AuditLog.select().where(AuditLog.order == order_id).order_by(AuditLog.at, AuditLog.id)
    return [AuditEntry(as_utc(row.at), row.username, row.action, json.loads(row.detail))
            for row in rows]


# -- lists ----------------------------------------------------------------


def newest_first(query, offset=0, limit=None):
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InvalidInput("A page must start at a whole number of rows.")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise InvalidInput("A page must be a whole number of rows.")
    query = query.order_by(Order.created_at.desc(), Order.id.desc()).offset(offset)
    return query.limit(limit) if limit is not None else query


def summaries(query) -> list[OrderSummary]:
    """Orders as the buyer's list shows them: two queries for any number of orders."""
    orders = list(query.select_extend(Shop.name.alias("shop_name")).join(Shop).objects())
    lines = _lines_by_order(orders)
    return [
        OrderSummary(
            id=o.id, status=OrderStatus(o.status), shop_id=o.shop_id, shop_name=o.shop_name,
            pic=next((line.pic for line in lines[o.id] if line.pic), ""),
            items=tuple((line.name, line.cnt) for line in lines[o.id]),
            total=o.total, created_at=as_utc(o.created_at),
        )
        for o in orders
    ]


def details(query) -> list[OrderDetail]:
    """Orders in full (lines, buyer, review): two queries for any number of orders."""
    orders = list(
        query.select_extend(
            Shop.name.alias("shop_name"), User.username.alias("buyer_name"),
            Review.mark.alias("review_mark"), Review.comment.alias("review_comment"),
        )
        .join_from(Order, Shop)
        .join_from(Order, User)
        .join_from(Order, Review, peewee.JOIN.LEFT_OUTER)
        .objects()
    )
    lines = _lines_by_order(orders)
    return [detail(o, lines[o.id]) for o in orders]


def detail(o: Order, lines) -> OrderDetail:
    return OrderDetail(
        id=o.id, status=OrderStatus(o.status), shop_id=o.shop_id, shop_name=o.shop_name,
        buyer=o.buyer_name, lines=tuple(_line_value(line) for line in lines),
        shipping=o.shipping, total=o.total, created_at=as_utc(o.created_at),
        mark=o.review_mark, comment=o.review_comment, version=o.version,
        paid_at=as_utc(o.paid_at),
    )


_LINE_COLUMNS = (
    OrderLine.order.alias("order_id"), OrderLine.book.alias("book_id"), OrderLine.name,
    OrderLine.pic, OrderLine.unit_price, OrderLine.cnt, OrderLine.money,
)


def _lines_by_order(orders) -> dict[int, list]:
    """Each order's lines as light named tuples: a page of orders holds thousands of lines."""
    grouped: dict[int, list] = defaultdict(list)
    if orders:
        ids = [o.id for o in orders]
        rows = (OrderLine.select(*_LINE_COLUMNS).where(OrderLine.order.in_(ids))
                .order_by(OrderLine.id).namedtuples())
        for line in rows:
            grouped[line.order_id].append(line)
    return grouped


def _line_value(line: OrderLine) -> LineValue:
    return LineValue(line.book_id, line.name, line.cnt, line.pic, line.unit_price, line.money)

