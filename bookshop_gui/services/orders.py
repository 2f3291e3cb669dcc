"""A buyer's orders (seed 000 createorder … allorder, seed 001 /order/*): own orders only."""

from __future__ import annotations

from datetime import timedelta

from bookshop_gui import domain
from bookshop_gui.domain import OrderDetail, OrderStatus, OrderSummary, PaymentRequest, Role
from bookshop_gui.errors import InvalidInput, NotFound, StaleOrder
from bookshop_gui.models import Book, CartLine, Order, OrderLine, Review, Shop, User
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import (
    addresses,
    changes,
    day_totals,
    requests,
    sold_lines,
    titles,
    together,
)
from bookshop_gui.services import order_records as records
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.settings import current_unpaid_minutes, shipping_fee_of, shipping_fee_row
from bookshop_gui.services.transactions import for_update, later, reads, writes

MAX_COMMENT = 1000
NOT_IN_CART = "Some of the chosen books are no longer in your cart."
BATCH = 200


@writes
@requests.once("orders.create_from_cart")
def create_from_cart(token, book_ids, *, address_id=None) -> list[int]:
    """Order the chosen cart lines, one order per shop, all or nothing.

    Every order keeps a copy of the address (`address_id`, else the default).
    """
    buyer, destination, shipping, lines = _ordering(token, address_id, lambda buyer: (
        CartLine.select(CartLine, Book).join(Book)
        .where(CartLine.user == buyer.id, CartLine.book.in_(_chosen_ids(book_ids)))))
    chosen = _chosen_ids(book_ids)
    if set(chosen) - {line.book_id for line in lines}:
        raise InvalidInput(NOT_IN_CART)
    return _order_lines(buyer, lines, shipping, destination)


@writes
@requests.once("orders.create_from_cart_by_title")
def create_from_cart_by_title(token, goods, *, address_id=None) -> list[int]:
    """Seed 000's createorder: as `create_from_cart`, each cart line named by its book's
    title (or id).

    The titles are matched against the cart here, after the request id is
    claimed: a repeat answers with the first call's orders, though their lines
    have left the cart and a title may now name other books.
    """
    buyer, destination, shipping, cart = _ordering(
        token, address_id, lambda buyer: _whole_cart(buyer, goods))
    chosen = _chosen(goods)
    lines = {line.book_id: line for line in (_named_line(item, cart) for item in chosen)}
    return _order_lines(buyer, [*lines.values()], shipping, destination)


@writes
@requests.once("orders.create")
def create(token, book_id, cnt, *, address_id=None) -> int:
    """Buy one book now (seed 001 /order/create); the cart is left alone."""
    buyer, destination, shipping, books = _ordering(
        token, address_id, lambda _buyer: _book_to_order(book_id, cnt))
    cnt = domain.count(cnt)
    if not books:
        raise NotFound("No such book.")
    return _place(buyer, [(books[0].shop_id, [(books[0], cnt)])], shipping, destination)[0]


@reads
def submit(token, order_id) -> PaymentRequest:
    """What the payment page shows: the amount, the balance, and any staff changes."""
    buyer = caller(token, Role.BUYER)
    order = records.find(order_id, buyer_id=buyer.id)
    records.require(order, "pay", "paid")
    edits = records.audit_entries(order.id)
    line_edits = tuple(entry for entry in edits if entry.action == "set_lines")
    return PaymentRequest(order.id, order.total, buyer.balance, line_edits)


@reads
def to_pay(token, order_ids) -> list[tuple[PaymentRequest, OrderDetail]]:
    """The payment page in one call: each order's request, as `submit` gives it, and its
    contents, as `info` does, however many orders a checkout placed."""
    ids: list[int] = []

    def queries(buyer: User) -> list:
        if isinstance(order_ids, (str, bytes)) or not hasattr(order_ids, "__iter__"):
            raise InvalidInput("Choose the orders to pay.")
        ids[:] = [domain.row_id(order_id, records.NO_SUCH_ORDER) for order_id in order_ids]
        mine = Order.select().where(records.one_of(Order.id, ids), Order.buyer == buyer.id)
        return [*records.detail_queries(mine), records.audit_query(ids)]

    buyer, (orders, lines, audit) = together.as_caller(token, (Role.BUYER,), queries)
    found = {order.id: order for order in records.details_of(orders, lines)}
    edits = records.audit_entries_from(audit)
    pages = []
    for order_id in ids:
        if order_id not in found:
            raise NotFound(records.NO_SUCH_ORDER)
        order = found[order_id]
        records.require(order, "pay", "paid")
        changes = tuple(entry for entry in edits[order_id] if entry.action == "set_lines")
        pages.append((PaymentRequest(order.id, order.total, buyer.balance, changes), order))
    return pages


@writes
@requests.once("orders.pay")
def pay(token, order_id, *, expected_total=None) -> None:
    """0 → 1: the total leaves the balance, once, however many kiosks press Pay.

    `expected_total` is the amount the payment page showed: if staff changed
    the order since, nothing is charged and StaleOrder carries the new total.
    """
    buyer, (rows,) = together.as_caller(token, (Role.BUYER,), lambda buyer: (
        records.locking(order_id, buyer_id=buyer.id),))
    shown = None if expected_total is None else domain.money(expected_total, "The amount shown")
    order = records.found(rows)
    records.require(order, "pay", "paid")
    if shown is not None and order.total != shown:
        raise StaleOrder(
            f"Order {order.id} was changed by the shop: it now costs {order.total}, "
            f"not {shown}. Nothing was charged.",
            total=order.total,
        )
    records.pay(order, buyer, paid_at=utcnow())


@writes
@requests.once("orders.cancel")
def cancel(token, order_id) -> None:
    """0 or 1 → -1: the stock returns and a paid order is refunded in full."""
    buyer = caller(token, Role.BUYER)
    records.cancel(records.find(order_id, buyer_id=buyer.id, lock=True), buyer.username)


@writes
def set_address(token, order_id, address_id) -> None:
    """Send a not yet shipped order (0 or 1) to another of the buyer's addresses."""
    buyer = caller(token, Role.BUYER)
    order = records.find(order_id, buyer_id=buyer.id, lock=True)
    destination = addresses.order_columns(addresses.own(buyer, address_id))
    records.require(order, "set_address", "sent to another address")
    if changes.holds(order, destination):
        changes.unchanged()
    else:
        records.move(order, "set_address", "sent to another address", **destination)


@writes
def confirm_receipt(token, order_id) -> None:
    """2 → 3: the buyer has the books."""
    buyer = caller(token, Role.BUYER)
    order = records.find(order_id, buyer_id=buyer.id, lock=True)
    records.move(order, "confirm_receipt", "marked as received")


@writes
def review(token, order_id, mark, comment="") -> None:
    """3 → 4: 0 to 5 stars and an optional comment."""
    buyer = caller(token, Role.BUYER)
    mark = domain.mark(mark)
    comment = domain.text(comment, "A comment", MAX_COMMENT)
    order = records.find(order_id, buyer_id=buyer.id, lock=True)
    records.move(order, "review", "reviewed")
    later(Review.insert(order=order.id, mark=mark, comment=comment))


_OPERATIONS = {1: pay, 2: cancel, 3: confirm_receipt}


def operate(token, order_id, opcode, *, request_id=None) -> None:
    """Seed 001's form: opcode 1 pays, 2 cancels, 3 confirms receipt.

    `request_id` goes to paying and cancelling, which move money and stock;
    confirming receipt twice is refused by the status machine anyway.
    """
    if isinstance(opcode, bool) or not isinstance(opcode, int) or opcode not in _OPERATIONS:
        caller(token, Role.BUYER)
        raise InvalidInput("Unknown operation: use 1 to pay, 2 to cancel, 3 to confirm receipt.")
    once = {} if request_id is None or opcode == 3 else {"request_id": request_id}
    _OPERATIONS[opcode](token, order_id, **once)


def expire_stale() -> int:
    """Cancel unpaid orders past the time limit and return their stock; safe from anywhere.

    Each order is cancelled in its own short transaction with a guarded
    update, so many workstations running this at once cancel each order once.
    """
    requests.prune()
    cancelled = 0
    while True:
        stale = _stale_ids()
        if not stale:
            return cancelled
        cancelled += sum(_expire(order_id) for order_id in stale)
        if len(stale) < BATCH:
            return cancelled


_EXPIRY = domain.TRANSITIONS["expire_stale"]


@reads
def _stale_ids() -> list[int]:
    cutoff = utcnow() - timedelta(minutes=current_unpaid_minutes())
    query = (
        Order.select(Order.id)
        .where(Order.status.in_(_EXPIRY.sources), Order.created_at < cutoff)
        .order_by(Order.id).limit(BATCH)
    )
    return [order.id for order in query]


@writes
def _expire(order_id: int) -> bool:
    """Cancel the order if it is still stale. It is read locked: an edit committed
    meanwhile changed its total, which the daily totals must move as it is now."""
    cutoff = utcnow() - timedelta(minutes=current_unpaid_minutes())
    order = for_update(
        Order.select(Order.id, Order.shop, Order.status, Order.total, Order.created_at)
        .where(Order.id == order_id, Order.status.in_(_EXPIRY.sources),
               Order.created_at < cutoff)).first()
    claimed = order is not None and (
        Order.update(status=_EXPIRY.target, version=Order.version + 1)
        .where(Order.id == order_id, Order.status == order.status)
        .execute()
    )
    if claimed:
        records.return_stock(records.line_counts(order))
        day_totals.moved(order, _EXPIRY.target)
        sold_lines.moved([order], _EXPIRY.target)
    return bool(claimed)


@reads
def list(token, status=None, *, offset=0, limit=None) -> list[OrderSummary]:  # noqa: A001
    """The buyer's orders, newest first, optionally of one status."""
    _, (orders, lines) = together.as_caller(token, (Role.BUYER,), lambda buyer: (
        records.summary_queries(records.newest_first(_mine(buyer, status), offset, limit))))
    return records.summaries_of(orders, lines)


@reads
def first_page(token, status=None, *, limit=None
               ) -> tuple[list[OrderSummary], dict[OrderStatus, int]]:
    """The first `limit` of the buyer's orders (as `list` gives them) and how many each
    status holds (as `counts`), in one call: what My orders shows when it opens, when a
    tab is chosen and when an order changes; over a slow line one round trip, not two."""
    def queries(buyer: User) -> list:
        page = records.newest_first(_mine(buyer, status), 0, limit)
        return [*records.summary_queries(page), records.counting(Order.buyer == buyer.id)]

    _, (orders, lines, counted) = together.as_caller(token, (Role.BUYER,), queries)
    return records.summaries_of(orders, lines), records.counted(counted)


def _mine(buyer: User, status):
    """The buyer's orders, of `status` unless it is None."""
    query = Order.select().where(Order.buyer == buyer.id)
    chosen = records.status_filter(status)
    return query if chosen is None else query.where(Order.status == chosen)


@reads
def counts(token) -> dict[OrderStatus, int]:
    """How many of the buyer's orders are in each status: the tabs' numbers."""
    _, (rows,) = together.as_caller(token, (Role.BUYER,),
                                    lambda buyer: [records.counting(Order.buyer == buyer.id)])
    return records.counted(rows)


@reads
def info(token, order_id) -> OrderDetail:
    """One of the buyer's orders in full."""
    _, (orders, lines) = together.as_caller(token, (Role.BUYER,), lambda buyer: (
        records.detail_queries(records.owned(order_id, buyer_id=buyer.id))))
    return records.found(records.details_of(orders, lines))


def _chosen_ids(book_ids) -> list[int]:
    chosen = _chosen(book_ids)
    if not all(domain.is_row_id(book_id) for book_id in chosen):
        raise InvalidInput("Some of the chosen books are not in your cart.")
    return [*dict.fromkeys(chosen)]


def _chosen(items) -> list:
    if isinstance(items, (str, bytes)) or not hasattr(items, "__iter__"):
        raise InvalidInput("Choose the books to order.")
    chosen = [*items]
    if not chosen:
        raise InvalidInput("Choose at least one book to order.")
    return chosen


def _named_line(item, cart: list):
    """The line of `cart` that `item` names: a book id, or the title of one book in it."""
    if domain.is_row_id(item):
        line = next((line for line in cart if line.book_id == item), None)
    else:
        line = titles.cart_line(item, cart)
    if line is None:
        raise InvalidInput(NOT_IN_CART)
    return line


def _ordering(token, address_id, build) -> tuple[User, dict, object, list]:
    """Who orders, and what placing orders reads first: the address the orders copy,
    the shipping fee, and the rows of `build(buyer)` (what is ordered). On
    PostgreSQL all of it goes with the check of who is calling, and the claim of
    the request id: one round trip."""
    def reads(buyer):
        ordered = build(buyer)  # what is ordered is checked before the address, as always
        return addresses.chosen(buyer, address_id), shipping_fee_row(), ordered

    buyer, (address, fee, rows) = together.as_caller(token, (Role.BUYER,), reads)
    return buyer, addresses.copied(address_id, address), shipping_fee_of(fee), rows


def _whole_cart(buyer: User, goods):
    """The query of the buyer's whole cart, which `goods` are matched against; goods
    that are refused are told first."""
    _chosen(goods)
    return (CartLine.select(CartLine, Book, Shop).join(Book).join(Shop)
            .where(CartLine.user == buyer.id))


def _book_to_order(book_id, cnt):
    """The query of the one book `create` orders; a refused count is told first."""
    domain.count(cnt)
    return Book.select().where(Book.id == domain.row_id(book_id, "No such book."))


def _order_lines(buyer: User, lines: list, shipping, destination: dict) -> list[int]:
    """Place one order per shop of cart `lines`, and empty those lines."""
    by_shop: dict[int, list] = {}
    for line in sorted(lines, key=lambda line: line.book_id):
        by_shop.setdefault(line.book.shop_id, []).append((line.book, line.cnt))
    order_ids = _place(buyer, sorted(by_shop.items()), shipping, destination)
    later(CartLine.delete().where(CartLine.user == buyer.id,
                                  CartLine.book.in_([line.book_id for line in lines])))
    return order_ids


def _place(buyer: User, by_shop: list, shipping, destination: dict) -> list[int]:
    """Reserve the copies and write one order per shop (shop id, [(book, count)…]) at
    today's prices and the buyer's VIP ratio; the orders' ids.

    The orders are written with the stock's guarded update, in one round trip
    on PostgreSQL: should a book be short, the error rolls them back with it.
    """
    ratio = buyer.vip_ratio
    drafts = []
    for shop_id, items in by_shop:
        priced = [(book, cnt, domain.line_money(book.price, cnt, ratio)) for book, cnt in items]
        drafts.append((Order(
            buyer=buyer.id, shop=shop_id, status=OrderStatus.PENDING_PAYMENT, shipping=shipping,
            total=domain.order_total((money for _, _, money in priced), shipping),
            created_at=utcnow(), **destination,
        ), priced))
    wanted = {book.id: cnt for _, items in by_shop for book, cnt in items}
    written = records.take_stock(wanted, alongside=[
        Order.insert(order.__data__) for order, _ in drafts])
    for (order, priced), cursor in zip(drafts, written, strict=True):
        order.id = records.new_id(cursor)
        day_totals.placed(order)
        later(OrderLine.insert_many([
            {"order": order.id, "book": book.id, "name": book.title, "pic": book.pic,
             "unit_price": book.price, "cnt": cnt, "money": money}
            for book, cnt, money in priced
        ]))
    return [order.id for order, _ in drafts]
