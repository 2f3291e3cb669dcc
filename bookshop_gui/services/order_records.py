"""Reading and moving orders: what the buyer's calls and the shop's calls share.

Every change goes through a guarded update (`WHERE status = expected`,
`WHERE stock >= n`, `WHERE balance >= total`), so when two workstations race
for the same row exactly one of them wins and the other changes nothing.
Lists are built with a fixed number of queries, however many rows they hold.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from decimal import Decimal

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import (
    TRANSITIONS,
    AuditEntry,
    OrderDetail,
    OrderStatus,
    OrderSummary,
    allows,
    page_limit,
    page_offset,
    row_id,
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
from bookshop_gui.models.base import database
from bookshop_gui.models.fields import as_utc, stored_datetime
from bookshop_gui.services import addresses, day_totals, sold_lines, together, transactions
from bookshop_gui.services.together import Raw
from bookshop_gui.services.transactions import for_update, later

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
    if lock:
        return found(list(locking(order_id, buyer_id=buyer_id, shop_id=shop_id)))
    return found(list(owned(order_id, buyer_id, shop_id).limit(1)))


def found(rows: list):
    """The order among `rows` (what a query of one order read: an `Order`, or the
    `OrderDetail` of `details`), or NotFound as `find` says."""
    if not rows:
        raise NotFound(NO_SUCH_ORDER)
    return rows[0]


def locking(order_id, *, buyer_id=None, shop_id=None):
    """The query `find(order_id, …, lock=True)` runs, to send with other statements."""
    return for_update(owned(order_id, buyer_id, shop_id)).limit(1)


def detail(order_id, *, buyer_id=None, shop_id=None) -> OrderDetail:
    """The order in full, if it is the caller's (as `find` decides), in one reading.

    The buyer's order page and the staff's order editor both load it so, and
    the same refusal: another's order is missing.
    """
    return found(details(owned(order_id, buyer_id, shop_id)))


def owned(order_id, buyer_id=None, shop_id=None):
    """The order by id, narrowed to the buyer's or the shop's own when one is given."""
    query = Order.select().where(Order.id == row_id(order_id, NO_SUCH_ORDER))
    if buyer_id is not None:
        query = query.where(Order.buyer == buyer_id)
    if shop_id is not None:
        query = query.where(Order.shop == shop_id)
    return query


def require(order: Order, call: str, action: str) -> None:
    """InvalidState unless the status machine lets `call` ("pay", "shop.ship"…) act on `order`."""
    if not allows(call, order.status):
        state = STATUS_WORDS[OrderStatus(order.status)]
        raise InvalidState(f"Order {order.id} is {state}, so it cannot be {action}.")


def move(order: Order, call: str, action: str, *, alongside=None, **changes):
    """Make `call`'s move of the status machine, guarded against a racing change.

    `alongside` is a statement that needs nothing from the move, sent in the
    same round trip (`transactions.together`); its driver cursor is returned.
    """
    require(order, call, action)
    to = TRANSITIONS[call].target if call in TRANSITIONS else order.status
    update = (Order.update(status=to, version=Order.version + 1, **changes)
              .where(Order.id == order.id, Order.status == order.status))
    moved, *others = transactions.together(
        update, *([] if alongside is None else [alongside]))
    if moved.rowcount != 1:
        raise InvalidState(f"Order {order.id} changed meanwhile; it was not {action}.")
    day_totals.moved(order, to)
    sold_lines.moved([order], to)
    if changes.get("shipped_at") is not None:
        day_totals.shipped(order.shop_id, changes["shipped_at"])
    return others[0] if others else None


def lock_all(order_ids: list[int], *, shop_id: int) -> dict[int, Order]:
    """The shop's orders among `order_ids`, locked in id order (so two batches never
    deadlock), by id; the ids of other shops' orders and unknown ids are left out."""
    if not order_ids:
        return {}
    return {order.id: order for order in locking_all(order_ids, shop_id=shop_id)}


def locking_all(order_ids: list[int], *, shop_id: int):
    """The query `lock_all` runs, to send with other statements."""
    return for_update(Order.select().where(Order.id.in_(sorted(set(order_ids))),
                                           Order.shop == shop_id).order_by(Order.id))


def move_all(orders: list[Order], call: str, **changes) -> None:
    """`move` for several orders at once, each already checked with `require` and locked.

    One guarded update however many orders: a value in `changes` may be a
    per-order expression (CASE id WHEN ...).
    """
    if not orders:
        return
    changed = (
        Order.update(status=TRANSITIONS[call].target, version=Order.version + 1, **changes)
        .where(Order.id.in_([order.id for order in orders]),
               Order.status.in_(sorted({int(order.status) for order in orders})))
        .execute()
    )
    if changed != len(orders):  # the rows are locked: only a bug elsewhere gets here
        raise InvalidState("Some of these orders changed meanwhile; none was changed.")
    day_totals.moved_all(orders, TRANSITIONS[call].target)
    sold_lines.moved(orders, TRANSITIONS[call].target)
    if changes.get("shipped_at") is not None:
        for shop_id, count in Counter(order.shop_id for order in orders).items():
            day_totals.shipped(shop_id, changes["shipped_at"], count)


def status_counts(condition) -> dict[OrderStatus, int]:
    """Orders matching `condition`, counted per status in one grouped query."""
    return counted(counting(condition))


def counting(condition):
    """The grouped query `status_counts` runs, to send along with others (`together`)."""
    return (Order.select(Order.status, peewee.fn.COUNT(Order.id).alias("n"))
            .where(condition).group_by(Order.status).tuples())


def counted(rows) -> dict[OrderStatus, int]:
    """`counting`'s rows as a count for every status, none left out."""
    found = dict(rows)
    return {status: found.get(int(status), 0) for status in OrderStatus}


def take_stock(wanted: dict[int, int], *, alongside=()) -> list:
    """Reserve every book's copies in one guarded update, or none of them.

    One statement for the whole cart rather than one per book: a statement
    costs the ORM far more to build than the database to run. Where a book is
    short, OutOfStock names the short books and the copies taken go back: on
    PostgreSQL with the call, which the error rolls back (the update returns
    the books it took from, so no savepoint costs two more round trips);
    elsewhere to a savepoint at once. `alongside` are statements that need
    nothing from it, sent with it where it returns its books (one round trip on
    PostgreSQL) and after it elsewhere; their driver cursors are returned.
    """
    ids = sorted(wanted)
    if not ids:
        return transactions.together(*alongside)
    needed = _per_book(wanted)
    update = Book.update(stock=Book.stock - needed).where(Book.id.in_(ids), Book.stock >= needed)
    if database.obj.returning_clause:
        took, *others = transactions.together(update.returning(Book.id), *alongside)
        taken = {row[0] for row in took.fetchall()}
        if len(taken) < len(ids):
            _short([book_id for book_id in ids if book_id not in taken])
        return others
    with database.atomic() as savepoint:
        if update.execute() == len(ids):
            return transactions.together(*alongside)
        savepoint.rollback()
    books = Book.select(Book.id, Book.stock).where(Book.id.in_(ids)).order_by(Book.id)
    short = [book.id for book in books if book.stock < wanted[book.id]]
    if not short:  # copies came back meanwhile
        return take_stock(wanted, alongside=alongside)
    _short(short)


def new_id(cursor) -> int:
    """The id of the row an insert sent `together` wrote."""
    return cursor.fetchone()[0] if database.obj.returning_clause else cursor.lastrowid


def _short(book_ids: list[int]):
    """OutOfStock naming the books that have too few copies."""
    titles = [row[0] for row in Book.select(Book.title).where(Book.id.in_(book_ids))
              .order_by(Book.id).tuples()]
    raise OutOfStock(f"Not enough copies in stock: {', '.join(titles)}.", book_ids, titles)


def return_stock(counts: dict[int, int]) -> None:
    """Give copies back (book id → count); sent with the commit, as no call reads them after."""
    if counts:
        later(Book.update(stock=Book.stock + _per_book(counts)).where(Book.id.in_(sorted(counts))))


def _per_book(counts: dict[int, int]):
    """SQL for "this book's count": CASE id WHEN … THEN n … END."""
    return peewee.Case(Book.id, [(book_id, counts[book_id]) for book_id in sorted(counts)])


def line_counts(order: Order) -> dict[int, int]:
    return counts_of(OrderLine.select(OrderLine.book, OrderLine.cnt)
                     .where(OrderLine.order == order.id))


def counts_of(lines) -> dict[int, int]:
    """Copies per book in `lines` (order lines already read, or a query of them)."""
    counts: dict[int, int] = defaultdict(int)
    for line in lines:
        counts[line.book_id] += line.cnt
    return counts


def pay(order: Order, buyer: User, **changes) -> None:
    """0 → 1, and the order total out of the buyer's balance only if it is all there.

    Both are guarded updates of rows already read (the order locked), so they
    go to the server together: one round trip. Should either find its guard
    false, the call fails and the other is rolled back with it.
    """
    debit = (User.update(balance=User.balance - order.total)
             .where(User.id == buyer.id, User.balance >= order.total))
    if not move(order, "pay", "paid", alongside=debit, **changes).rowcount:
        balance = User.get_by_id(buyer.id).balance
        raise InsufficientBalance(
            f"Your balance is {balance}, but order {order.id} costs {order.total}. "
            f"Please top up {order.total - balance} at the counter.",
            amount=order.total,
            balance=balance,
        )
    later(BalanceEntry.insert(user=buyer.id, amount=-order.total, reason="payment",
                              order_id=order.id))


def cancel(order: Order, by_username: str, call: str = "cancel") -> bool:
    """Cancel a pending order, return its stock, and refund it if paid; True if refunded."""
    move(order, call, "cancelled")
    return_stock(line_counts(order))
    return bool(refund([order], by_username))


def cancel_all(orders: list[Order], by_username: str, call: str) -> list[int]:
    """`cancel` for several orders at once, each already checked with `require` and locked:
    the same few statements however many orders. Returns the ids of those refunded."""
    if not orders:
        return []
    move_all(orders, call)
    return_stock(counts_of(OrderLine.select(OrderLine.book, OrderLine.cnt)
                           .where(OrderLine.order.in_([order.id for order in orders]))))
    return refund(orders, by_username)


def refund(orders: list[Order], by_username: str) -> list[int]:
    """Give back the total of each of `orders` that was paid (as they were read, before
    their cancel), with one ledger line each; the ids of those refunded.

    Each buyer's balance moves once by the sum of their refunds, in one
    statement for all buyers; nothing in the call reads it after, so it goes
    with the commit.
    """
    paid = [order for order in orders if order.status == OrderStatus.PENDING_SHIPMENT]
    if not paid:
        return []
    owed: dict[int, Decimal] = defaultdict(Decimal)
    for order in paid:
        owed[order.buyer_id] += order.total
    later(User.update(balance=User.balance + peewee.Case(None, [
        (User.id == buyer_id, amount) for buyer_id, amount in sorted(owed.items())
    ])).where(User.id.in_(sorted(owed))))
    later(BalanceEntry.insert_many([
        {"user": order.buyer_id, "amount": order.total, "reason": "refund",
         "order_id": order.id, "by_username": by_username} for order in paid
    ]))
    return [order.id for order in paid]


def audit(order: Order, username: str, action: str, detail: dict) -> None:
    audit_all(username, action, {order.id: detail})


def audit_all(username: str, action: str, details: dict[int, dict]) -> None:
    """One audit entry per order (order id → detail), written in one statement."""
    if details:
        later(AuditLog.insert_many([
            {"order": order_id, "username": username, "action": action,
             "detail": json.dumps(detail, ensure_ascii=False, default=str)}
            for order_id, detail in details.items()
        ]))


def audit_entries(order_id: int) -> list[AuditEntry]:
    return audit_entries_of([order_id])[order_id]


def audit_entries_of(order_ids: list[int]) -> dict[int, list[AuditEntry]]:
    """Each order's audit entries, oldest first, read in one query for any number of orders."""
    return audit_entries_from(audit_query(order_ids) if order_ids else ())


def audit_query(order_ids: list[int]):
    """The query `audit_entries_of` runs, to send along with others (`together.rows`)."""
    return AuditLog.select().where(AuditLog.order.in_(order_ids)).order_by(AuditLog.at,
                                                                          AuditLog.id)


def audit_entries_from(rows) -> dict[int, list[AuditEntry]]:
    """`audit_query`'s rows as each order's entries."""
    entries: dict[int, list[AuditEntry]] = defaultdict(list)
    for row in rows:
        entries[row.order_id].append(
            AuditEntry(as_utc(row.at), row.username, row.action, json.loads(row.detail)))
    return entries


# -- lists ----------------------------------------------------------------


def newest_first(query, offset=0, limit=None):
    """The page of `query` from `offset`, `limit` orders long (None: to the end), newest first."""
    query = query.order_by(Order.created_at.desc(), Order.id.desc()).offset(page_offset(offset))
    return query.limit(page_limit(limit)) if limit is not None else query


def summary_queries(query) -> tuple:
    """The two statements the buyer's list of orders reads, which need nothing from each
    other: to send along with others (`together.rows`), then to make the orders with
    `summaries_of`."""
    return (Raw(query.select(Order.id, Order.status, Order.shop, Shop.name, Order.total,
                             Order.created_at).join(Shop)),
            Raw(_lines_query(query, OrderLine.name, OrderLine.cnt, OrderLine.pic)))


def summaries_of(orders, lines) -> list[OrderSummary]:
    """The orders as the buyer's list shows them, from the rows of `summary_queries`."""
    lines = _by_order(lines)
    return [
        OrderSummary(
            id=order_id, status=OrderStatus(status), shop_id=shop_id, shop_name=shop_name,
            pic=next((pic for _, _, pic in lines[order_id] if pic), ""),
            items=tuple((name, cnt) for name, cnt, _ in lines[order_id]),
            total=_money(total), created_at=stored_datetime(created_at),
        )
        for order_id, status, shop_id, shop_name, total, created_at in orders
    ]


def details(query) -> list[OrderDetail]:
    """Orders in full (lines, buyer, review): two queries for any number of orders."""
    return details_of(*together.rows(*detail_queries(query)))


def detail_queries(query) -> tuple:
    """The two statements `details` runs, which need nothing from each other: to send
    along with others (`together.rows`), then to make the orders with `details_of`."""
    orders = (
        query.select(
            Order.id, Order.status, Order.shop, Shop.name, User.username, Order.shipping,
            Order.total, Order.created_at, Review.mark, Review.comment, Order.version,
            Order.paid_at, Order.courier, Order.tracking, *addresses.ORDER_COLUMNS,
        )
        .join_from(Order, Shop)
        .join_from(Order, User)
        .join_from(Order, Review, peewee.JOIN.LEFT_OUTER)
    )
    return Raw(orders), Raw(_lines_query(query, *_LINE_COLUMNS))


def details_of(orders, lines) -> list[OrderDetail]:
    """The orders in full from the rows of `detail_queries`."""
    lines = _by_order(lines)
    return [_detail(row, lines[row[0]]) for row in orders]


def _detail(row, lines) -> OrderDetail:
    (order_id, status, shop_id, shop_name, buyer, shipping, total, created_at,
     mark, comment, version, paid_at, courier, tracking, *address) = row
    return OrderDetail(
        id=order_id, status=OrderStatus(status), shop_id=shop_id, shop_name=shop_name,
        buyer=buyer, lines=tuple(_line_value(*line) for line in lines),
        shipping=_money(shipping), total=_money(total), created_at=stored_datetime(created_at),
        mark=mark, comment=comment, version=version, paid_at=stored_datetime(paid_at),
        address=addresses.order_copy(*address), courier=courier, tracking=tracking,
    )


_LINE_COLUMNS = (
    OrderLine.book, OrderLine.name, OrderLine.cnt, OrderLine.pic, OrderLine.unit_price,
    OrderLine.money,
)
_money = Order.total.python_value


def one_of(column, ids: list[int]):
    """`column IN (ids)` with the ids written into the statement as one piece of SQL.

    They are whole numbers the database just gave (never anyone's text), and the
    ORM's rendering of a hundred parameters one by one cost more than the query.
    """
    if not ids:
        return peewee.SQL("1 = 0")
    return column.in_(peewee.SQL(f"({', '.join(str(int(i)) for i in ids)})"))


def _lines_query(orders_query, *columns):
    """The lines are joined to the orders' ids as a derived table rather than
    listed by id, so a thousand orders cost no thousand-parameter statement."""
    page = orders_query.select(Order.id).alias("page")
    return OrderLine.select(OrderLine.id, OrderLine.order, *columns).join(
        page, on=(OrderLine.order == page.c.id))


def _by_order(lines) -> dict[int, list[tuple]]:
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for _, order_id, *values in sorted(lines):
        grouped[order_id].append(values)
    return grouped


def _line_value(book_id, name, cnt, pic, unit_price, money) -> LineValue:
    return LineValue(book_id, name, cnt, pic, _money(unit_price), _money(money))
