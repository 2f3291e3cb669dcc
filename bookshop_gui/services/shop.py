"""A shop's order management (seed 001 /shop/manage/*): staff, their own shop's orders only."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping

from bookshop_gui import domain
from bookshop_gui._peewee import peewee
from bookshop_gui.domain import (
    AuditEntry,
    BatchOutcome,
    OrderDetail,
    OrderRow,
    OrdersPage,
    OrderStatus,
    Role,
)
from bookshop_gui.errors import (
    BookshopError,
    InvalidInput,
    NotFound,
    StaleOrder,
)
from bookshop_gui.models import Book, Order, OrderLine, User
from bookshop_gui.models.fields import as_utc, utcnow
from bookshop_gui.services import changes, day_totals, price_cuts, requests, together, transactions
from bookshop_gui.services import order_records as records
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import later, reads, writes

DEFAULT_COURIER = "SF Express"  # seed 001's fixed fee of 22 pays for it
TRACKING = re.compile("[A-Za-z0-9]{{{},{}}}".format(*domain.TRACKING_LENGTH))

SORTS = {
    "newest": (Order.created_at.desc(), Order.id.desc()),
    "oldest": (Order.created_at.asc(), Order.id.asc()),
    "total_desc": (Order.total.desc(), Order.id.desc()),
    "total_asc": (Order.total.asc(), Order.id.asc()),
}


@reads
def list_orders(token, status=None, *, offset=0, limit=None, search="", sort="newest"):
    """The shop's orders in full, newest first unless `sort` says otherwise."""
    staff = caller(token, Role.STAFF)
    query = records.newest_first(_matching(staff, status, search), offset, limit)
    query = query.order_by(*_sort_keys(sort))
    if limit is not None:
        # Skip to the page on the ids alone (an index walk), then read just those
        # orders in full: joining buyers and reviews for every skipped row made
        # the last pages of 100,000 orders slow.
        ids = [row[0] for row in query.select(Order.id).tuples()]
        query = Order.select().where(records.one_of(Order.id, ids)).order_by(*SORTS[sort])
    return records.details(query)


@reads
def order_rows(token, status=None, *, after=None, offset=0, limit=100, search="",
               sort="newest") -> list[OrderRow]:
    """A page of the shop's orders as the orders pane lists them, light enough to keep by
    the hundred thousand.

    `after` is the id of the last order already listed: the page carries on from
    it along the sort, a walk down the index, so the thousandth page costs what
    the first does, and orders arriving at the top meanwhile shift nothing.
    `offset` skips that many orders first, for a list dragged straight to its
    middle: the skip walks order ids alone, then the page carries on as after.
    """
    if offset:
        staff = caller(token, Role.STAFF)
        query = _after(staff, _matching(staff, status, search), after, sort)
        skipped = (query.select(Order.id).order_by(*_sort_keys(sort))
                   .offset(domain.page_offset(offset) - 1).limit(1).scalar())
        if skipped is None:
            return []
        after = skipped
    _, page = together.as_caller(token, (Role.STAFF,), lambda staff: _page(
        _after(staff, _matching(staff, status, search), after, sort), sort, limit))
    return _page_rows(*page)


@reads
def first_page(token, status=None, *, limit=100, search="", sort="newest") -> OrdersPage:
    """A tab's first page, how many orders it holds, and every tab's count, in one call.

    What the orders pane shows when a tab is chosen or the list is read
    again: over a slow line, one round trip (`together`) instead of three calls.
    """
    def queries(staff: User) -> list:
        query = _matching(staff, status, search)
        counted = [query.select(peewee.fn.COUNT(Order.id)).tuples()] if search else []
        return [day_totals.counting(staff.shop_id), *counted, *_page(query, sort, limit)]

    _, (counted, *rest) = together.as_caller(token, (Role.STAFF,), queries)
    counts = day_totals.counted(counted)
    if search:
        total, page = rest[0][0][0], rest[1:]
    else:
        total = sum(counts.values()) if status is None else counts[OrderStatus(status)]
        page = rest
    return OrdersPage(tuple(_page_rows(*page)), total, counts)


def _after(staff: User, query, after, sort):
    return query if after is None else query.where(_beyond(staff, after, sort))


def _page(query, sort, limit) -> list:
    """The page's orders and, on a server, their lines: two statements that need nothing
    from each other (the lines join the page's ids as a derived table), sent together.
    Elsewhere the lines are read by the page's ids once its orders are in (`_page_rows`),
    which spares running a search's page twice where a statement costs no round trip."""
    keys, limit = _sort_keys(sort), domain.page_limit(limit)
    orders = (query.select(Order.id, Order.status, User.username, Order.created_at, Order.total,
                           Order.ship_region)
              .join(User, on=(Order.buyer == User.id)).order_by(*keys).limit(limit).tuples())
    if not transactions.pipelined():
        return [orders]
    page = query.select(Order.id).order_by(*keys).limit(limit).alias("page")
    return [orders, _lines(OrderLine.select().join(page, on=(OrderLine.order == page.c.id)))]


def _lines(query):
    return query.select(OrderLine.order, OrderLine.name, OrderLine.cnt).order_by(
        OrderLine.id).tuples()


def _page_rows(orders, lines=()) -> list[OrderRow]:
    """The rows from `_page`'s answers. The lines of any order left without are read by id:
    all of them where they were not sent along, or an order placed between the two
    statements, which shifted the page the lines were read for (every order has a line)."""
    items = _items(lines)
    missing = [row[0] for row in orders if row[0] not in items]
    if missing:
        items.update(_items(_lines(OrderLine.select().where(records.one_of(OrderLine.order,
                                                                            missing)))))
    return [OrderRow(order_id, OrderStatus(status), sys.intern(buyer), as_utc(created),
                     total, items.get(order_id, ()), sys.intern(domain.city_of(region)))
            for order_id, status, buyer, created, total, region in orders]


def _beyond(staff: User, after, sort: str):
    """Orders past the order `after` in the `sort` order (ties broken by id, as the sort does)."""
    if not domain.is_row_id(after):
        raise InvalidInput("A page must start after an order number.")
    key = Order.total if sort.startswith("total") else Order.created_at
    anchor = Order.select(key).where(Order.id == after, Order.shop == staff.shop_id)
    if sort in ("newest", "total_desc"):
        return (key <= anchor) & ((key < anchor) | (Order.id < after))
    return (key >= anchor) & ((key > anchor) | (Order.id > after))


def _sort_keys(sort) -> tuple:
    if not isinstance(sort, str) or sort not in SORTS:
        raise InvalidInput("Orders can be sorted by newest, oldest, total_desc or total_asc.")
    return SORTS[sort]


def _items(lines) -> dict[int, tuple[tuple[str, int], ...]]:
    """(title, count) per line, by order; titles interned, as the same books recur."""
    grouped: dict[int, list] = defaultdict(list)
    for order_id, name, cnt in lines:
        grouped[order_id].append((sys.intern(name), cnt))
    return {order_id: tuple(pairs) for order_id, pairs in grouped.items()}


@reads
def count_orders(token, status=None, *, search="") -> int:
    staff = caller(token, Role.STAFF)
    return _matching(staff, status, search).count()


@reads
def status_counts(token) -> dict[OrderStatus, int]:
    """How many of the shop's orders are in each status: the tabs' live numbers."""
    staff = caller(token, Role.STAFF)
    return day_totals.orders_by_status(staff.shop_id)


@reads
def get_order(token, order_id) -> OrderDetail:
    """One of the shop's orders in full: what a packing slip prints."""
    staff = caller(token, Role.STAFF)
    return records.detail(order_id, shop_id=staff.shop_id)


@reads
def order_with_history(token, order_id) -> tuple[OrderDetail, list[AuditEntry]]:
    """What the order editor shows, the order in full and its history, in one call."""
    def queries(staff: User) -> list:
        query = records.owned(order_id, shop_id=staff.shop_id)
        return [*records.detail_queries(query), records.audit_query([order_id])]

    _, (orders, lines, audit) = together.as_caller(token, (Role.STAFF,), queries)
    order = records.found(records.details_of(orders, lines))
    return order, records.audit_entries_from(audit)[order.id]


@writes
@requests.once("shop.ship")
def ship(token, order_id, *, tracking=None, courier=DEFAULT_COURIER) -> None:
    """1 → 2: the parcel has left the shop with `courier`, traceable by `tracking`."""
    staff, (locked,) = together.as_caller(token, (Role.STAFF,), lambda staff: (
        records.locking_all(list(_parcel(order_id, tracking, courier)), shop_id=staff.shop_id),))
    _, refused = _dispatch(staff, _parcel(order_id, tracking, courier), _courier(courier),
                           {order.id: order for order in locked})
    if refused:
        raise refused[0][1]


def _parcel(order_id, tracking, courier) -> dict[int, str | None]:
    """One order's parcel as `_dispatch` takes it, or InvalidInput for a bad waybill or
    courier (before a bad order number, as the editor says them)."""
    tracking, _ = _tracking(tracking), _courier(courier)
    return {domain.row_id(order_id, records.NO_SUCH_ORDER): tracking}


def _waybills(parcels) -> tuple[dict[int, str | None], dict[object, BookshopError]]:
    """The waybill of each order of `parcels` that has a good one, and the refusal of
    each that has not; InvalidInput for what is no batch at all."""
    if not isinstance(parcels, Mapping):
        raise InvalidInput("Give each order its waybill number.")
    _within_batch(parcels)
    waybills: dict[int, str | None] = {}
    errors: dict[object, BookshopError] = {}
    for order_id, tracking in parcels.items():
        try:
            waybills[domain.row_id(order_id, records.NO_SUCH_ORDER)] = _tracking(tracking)
        except BookshopError as error:
            errors[order_id] = error
    return waybills, errors


def _dispatch(staff: User, parcels: Mapping, courier: str, found: dict[int, Order]
              ) -> tuple[list[int], list[tuple[object, BookshopError]]]:
    """Ship every order of `parcels` (order id → waybill) that can be, in two statements.

    `found` holds the shop's orders of the batch, locked before, so what is
    found shippable is what is shipped; the rest are refused one by one with
    the error `ship` would raise for them. Returns (shipped ids, [(order id,
    error)]), both in the order of `parcels`.
    """
    waybills, errors = _waybills(parcels)
    for order_id in waybills:
        try:
            if order_id not in found:
                raise NotFound(records.NO_SUCH_ORDER)
            records.require(found[order_id], "shop.ship", "shipped")
        except BookshopError as error:
            errors[order_id] = error
    shipped = [order_id for order_id in waybills if order_id not in errors]
    records.move_all([found[order_id] for order_id in shipped], "shop.ship", courier=courier,
                     tracking=_per_order({i: waybills[i] for i in shipped}),
                     shipped_at=utcnow())
    records.audit_all(staff.username, "ship", {
        order_id: _shipment(found[order_id], courier, waybills[order_id]) for order_id in shipped
    })
    return shipped, [(order_id, errors[order_id]) for order_id in parcels if order_id in errors]


def _per_order(values: dict[int, str | None]):
    """One value per order in one statement: CASE id WHEN … THEN … END (or the one value)."""
    distinct = set(values.values())
    if len(distinct) <= 1:
        return next(iter(distinct), None)
    return peewee.Case(Order.id, [(order_id, values[order_id]) for order_id in sorted(values)])


def _shipment(order: Order, courier: str, tracking: str | None) -> dict:
    detail = _status_change(order, "shop.ship")
    detail["after"].update(courier=courier, tracking=tracking)
    return detail


def _courier(courier) -> str:
    return domain.text(courier, "The courier", 40, required=True)


def _tracking(tracking) -> str | None:
    """A waybill number: 8 to 30 letters or digits, as couriers print them."""
    if tracking is None:
        return None
    if not isinstance(tracking, str) or not TRACKING.fullmatch(tracking.strip()):
        raise InvalidInput("A tracking number is 8 to 30 letters or digits.", field="tracking")
    return tracking.strip()


@writes
@requests.once("shop.cancel")
def cancel(token, order_id) -> bool:
    """0 or 1 → -1: stock returns, and a paid order is refunded; True if it was refunded."""
    staff = caller(token, Role.STAFF)
    order = records.find(order_id, shop_id=staff.shop_id, lock=True)
    refunded = records.cancel(order, staff.username, "shop.cancel")
    records.audit(order, staff.username, "cancel", _withdrawal(order, refunded))
    return refunded


_OPERATIONS = {"sent": ship, "cancel": cancel}


def operate(token, order_id, opcode, *, request_id=None) -> None:
    """Seed 001's form: "sent" ships, "cancel" cancels; `request_id` as for each of them."""
    if not isinstance(opcode, str) or opcode not in _OPERATIONS:
        caller(token, Role.STAFF)
        raise InvalidInput('Unknown operation: use "sent" or "cancel".')
    _OPERATIONS[opcode](token, order_id, request_id=request_id)


@writes
@requests.once("shop.ship_many")
def ship_many(token, parcels: Mapping[int, str | None], *, courier=DEFAULT_COURIER
              ) -> BatchOutcome:
    """Ship each order with its own waybill number (`parcels`: order id → tracking).

    The whole batch is one transaction of a few statements, however many
    orders, under one `request_id`: sent again after a lost reply it ships
    nothing twice and answers as the first time. An order that cannot be
    shipped (another workstation cancelled it meanwhile, a bad waybill) is
    refused on its own and the rest are shipped.
    """
    staff, (locked,) = together.as_caller(token, (Role.STAFF,), lambda staff: (
        records.locking_all(list(_waybills(parcels)[0]), shop_id=staff.shop_id),))
    shipped, refused = _dispatch(staff, parcels, _courier(courier),
                                 {order.id: order for order in locked})
    if not shipped:
        changes.unchanged()  # every order refused: no other window has anything to read
    return BatchOutcome(tuple(shipped), (), tuple(refused))


@writes
@requests.once("shop.cancel_many")
def cancel_many(token, order_ids) -> BatchOutcome:
    """Cancel each order, as `ship_many` ships: the paid ones are refunded (`refunded`).

    The whole batch is one transaction under one `request_id`, so a lost
    connection leaves either every order as it was or the batch done: sent
    again after a lost reply it refunds nothing twice and answers as the
    first time. An order that cannot be cancelled (shipped meanwhile, another
    shop's) is refused on its own and the rest are cancelled.
    """
    staff = caller(token, Role.STAFF)
    if isinstance(order_ids, (str, bytes)) or not isinstance(order_ids, Iterable):
        raise InvalidInput("Choose the orders first.")
    order_ids = _within_batch(list(order_ids))
    cancelled, refunded, refused = _withdraw(staff, order_ids)
    if not cancelled:
        changes.unchanged()  # every order refused: no other window has anything to read
    return BatchOutcome(tuple(cancelled), tuple(refunded), tuple(refused))


def _withdraw(staff: User, order_ids: list) -> tuple[list[int], list[int], list]:
    """Cancel every order of `order_ids` that can be, in a few statements however many.

    The orders are locked first (in id order), so what is found cancellable
    is what is cancelled; the rest are refused one by one with the error
    `cancel` would raise for them. An id given twice is cancelled once.
    Returns (cancelled ids, refunded ids, [(order id, error)]), in the order given.
    """
    wanted = [order_id for order_id in order_ids if domain.is_row_id(order_id)]
    found = records.lock_all([int(order_id) for order_id in wanted], shop_id=staff.shop_id)
    chosen: dict[int, Order] = {}
    refused = []
    for order_id in order_ids:
        try:
            order = found.get(domain.row_id(order_id, records.NO_SUCH_ORDER))
            if order is None:
                raise NotFound(records.NO_SUCH_ORDER)
            if order.id not in chosen:
                records.require(order, "shop.cancel", "cancelled")
                chosen[order.id] = order
        except BookshopError as error:
            refused.append((order_id, error))
    refunded = records.cancel_all(list(chosen.values()), staff.username, "shop.cancel")
    paid_back = set(refunded)
    records.audit_all(staff.username, "cancel", {
        order.id: _withdrawal(order, order.id in paid_back) for order in chosen.values()
    })
    return list(chosen), refunded, refused


def _withdrawal(order: Order, refunded: bool) -> dict:
    detail = _status_change(order, "shop.cancel")
    detail["refund"] = str(order.total) if refunded else "0.00"
    return detail


def _within_batch(orders):
    """Refuse a batch past `domain.MAX_BATCH` before touching any order: a selection of a
    whole tab reaching here by mistake changes nothing rather than thousands of orders."""
    if len(orders) > domain.MAX_BATCH:
        raise InvalidInput(f"Select at most {domain.MAX_BATCH} orders at a time.")
    return orders


@writes
@requests.once("shop.set_lines")
def set_lines(token, order_id, lines, *, expected_version=None, approval=None) -> None:
    """Replace an unpaid order's lines (seed 001 setinfo); stock moves by the difference.

    `expected_version` is the version the editor loaded: if anyone changed the
    order since, nothing is saved and StaleOrder says so. A line cut further
    below its list value than the shop's `price_cut_limit` needs `approval`,
    an administrator's (username, password).
    """
    staff, (orders, listed, before, limit, ratio) = together.as_caller(
        token, (Role.STAFF,), lambda staff: _editing(staff, order_id, lines, expected_version))
    wanted = _clean_lines(lines)
    approver = price_cuts.approver(approval)
    order = records.found(orders)
    records.require(order, "shop.set_lines", "edited")
    if expected_version is not None and order.version != expected_version:
        raise StaleOrder(f"Order {order.id} was changed by someone else. It has been reloaded.")
    books = _own_books(staff, wanted, listed)
    kept = {line.book_id: line for line in before}
    if approver is None:
        price_cuts.check(wanted, {
            b: (kept[b].name, kept[b].unit_price) if b in kept else (books[b].title, books[b].price)
            for b in wanted
        }, price_cuts.limit_of(limit), ratio[0].vip_ratio)
    total = domain.order_total((money for _, money in wanted.values()), order.shipping)
    save = (Order.update(total=total, version=Order.version + 1)
            .where(Order.id == order.id, Order.version == order.version,
                   Order.status == order.status))
    (saved,) = _move_stock(records.counts_of(before),
                           {book_id: cnt for book_id, (cnt, _) in wanted.items()}, save)
    if not saved.rowcount:
        raise StaleOrder(f"Order {order.id} was changed by someone else. It has been reloaded.")
    day_totals.retotalled(order, total)
    later(OrderLine.delete().where(OrderLine.order == order.id))
    later(OrderLine.insert_many([
        _line_row(order, books[book_id], kept.get(book_id), cnt, money)
        for book_id, (cnt, money) in wanted.items()
    ]))
    detail = {
        "before": [_snapshot(line.book_id, line.name, line.cnt, line.money) for line in before],
        "after": [_snapshot(b, books[b].title if b not in kept else kept[b].name, cnt, money)
                  for b, (cnt, money) in wanted.items()],
        "total_before": str(order.total),
        "total_after": str(total),
    }
    if approver is not None:
        detail["approved_by"] = approver
    records.audit(order, staff.username, "set_lines", detail)


@reads
def history(token, order_id) -> list[AuditEntry]:
    """Every change staff made to the order, oldest first."""
    staff = caller(token, Role.STAFF)
    return records.audit_entries(records.find(order_id, shop_id=staff.shop_id).id)


def _matching(staff: User, status, search):
    query = Order.select().where(Order.shop == staff.shop_id)
    status = records.status_filter(status)
    if status is not None:
        query = query.where(Order.status == status)
    search = domain.text(search, "Search", 64)
    if search:
        condition = Order.buyer.in_(User.select(User.id).where(User.username.contains(search)))
        number = search.lstrip("#")
        if number.isascii() and number.isdigit() and domain.is_row_id(int(number)):
            condition |= Order.id == int(number)
        query = query.where(condition)
    return query


def _clean_lines(lines) -> dict[int, tuple[int, object]]:
    """book_id → (count, money) from the editor's lines, or InvalidInput."""
    if isinstance(lines, (str, bytes, Mapping)) or not hasattr(lines, "__iter__"):
        raise InvalidInput("An order needs a list of lines.")
    wanted: dict[int, tuple[int, object]] = {}
    for line in lines:
        if not isinstance(line, Mapping) or not {"book_id", "cnt", "money"} <= set(line):
            raise InvalidInput("Each line needs a book, a quantity and an amount.")
        book_id = domain.row_id(line["book_id"], "No such book.")
        if book_id in wanted:
            raise InvalidInput("The same book is on two lines; put it on one.")
        wanted[book_id] = (domain.count(line["cnt"]), domain.money(line["money"], "Line amount"))
    if not wanted:
        raise InvalidInput("An order needs at least one line. Cancel it instead.")
    return wanted


def _editing(staff: User, order_id, lines, expected_version) -> tuple:
    """What an edit reads, checked first: the order (locked), the books wanted on it,
    its lines now, the price-cut limit and its buyer's VIP ratio. They need nothing
    from each other: on PostgreSQL they go with the check of who is calling and
    the request id's claim, one round trip. The lines are read after the lock."""
    wanted = _clean_lines(lines)
    if expected_version is not None and not domain.is_row_id(expected_version):
        raise InvalidInput("An order's version is a whole number.")
    order_id = domain.row_id(order_id, records.NO_SUCH_ORDER)
    return (records.locking(order_id, shop_id=staff.shop_id),
            Book.select().where(Book.id.in_(list(wanted))),
            OrderLine.select().where(OrderLine.order == order_id).order_by(OrderLine.id),
            price_cuts.limit_query(), price_cuts.ratio_query(order_id))


def _own_books(staff: User, wanted, found: list[Book]) -> dict[int, Book]:
    books = {book.id: book for book in found}
    if set(wanted) - set(books):
        raise NotFound("No such book.")
    if any(book.shop_id != staff.shop_id for book in books.values()):
        raise InvalidInput("An order can only hold your own shop's books.")
    return books


def _move_stock(old: dict[int, int], new: dict[int, int], *alongside) -> list:
    """Take what the new lines add (with `alongside`: `records.take_stock`), give back
    what they drop; the cursors of `alongside`."""
    change = {b: new.get(b, 0) - old.get(b, 0) for b in set(old) | set(new)}
    written = records.take_stock({b: d for b, d in change.items() if d > 0}, alongside=alongside)
    records.return_stock({b: -d for b, d in change.items() if d < 0})
    return written


def _line_row(order: Order, book: Book, kept: OrderLine | None, cnt: int, money) -> dict:
    """A line keeps the name, picture and unit price it was ordered at; a new one takes today's."""
    return {
        "order": order.id, "book": book.id, "cnt": cnt, "money": money,
        "name": kept.name if kept else book.title,
        "pic": kept.pic if kept else book.pic,
        "unit_price": kept.unit_price if kept else book.price,
    }


def _snapshot(book_id, name, cnt, money) -> dict:
    return {"book_id": book_id, "name": name, "cnt": cnt, "money": str(money)}


def _status_change(order: Order, call: str) -> dict:
    to = domain.TRANSITIONS[call].target
    return {"before": {"status": int(order.status)}, "after": {"status": int(to)}}
