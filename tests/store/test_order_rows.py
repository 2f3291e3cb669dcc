"""The orders pane's light rows: the same orders as the full list, a page after a given order."""

from bookshop_gui.domain import OrderRow, OrderStatus
from bookshop_gui.services import orders, shop

from .builders import make_book
from .test_query_counts import queries, two_and_thirty_orders


def walk(token, page, **filters):
    """Every row, a page at a time, each page carrying on after the last row of the one before."""
    listed, after = [], None
    while True:
        rows = shop.order_rows(token, after=after, limit=page, **filters)
        listed += rows
        if len(rows) < page:
            return listed
        after = rows[-1].id


def test_rows_page_after_page_are_the_full_list_in_every_sort(world):
    book = make_book(world.shop_a, stock=100)
    made = [orders.create(world.bob.token, book, 1 + i % 3) for i in range(12)]
    orders.pay(world.bob.token, made[4])
    token = world.staff_a.token
    for sort in shop.SORTS:
        for filters in ({}, {"status": OrderStatus.PENDING_PAYMENT}, {"search": "bob"}):
            full = shop.list_orders(token, sort=sort, **filters)
            rows = walk(token, 5, sort=sort, **filters)
            assert [r.id for r in rows] == [o.id for o in full], (sort, filters)
            assert [(r.status, r.buyer, r.total, r.created_at) for r in rows] == [
                (o.status, o.buyer, o.total, o.created_at) for o in full]
            assert [r.items for r in rows] == [
                tuple((line.name, line.cnt) for line in o.lines) for o in full]


def test_a_page_found_by_offset_is_the_same_page_as_walked_to(world):
    book = make_book(world.shop_a, stock=100)
    for i in range(12):
        orders.create(world.bob.token, book, 1 + i % 3)
    token = world.staff_a.token
    for sort in shop.SORTS:
        walked = [r.id for r in walk(token, 5, sort=sort)]
        for offset in (0, 1, 5, 11):
            page = shop.order_rows(token, offset=offset, limit=5, sort=sort)
            assert [r.id for r in page] == walked[offset:offset + 5], (sort, offset)
        assert shop.order_rows(token, offset=12, limit=5, sort=sort) == []
        after = shop.order_rows(token, after=walked[2], offset=3, limit=2, sort=sort)
        assert [r.id for r in after] == walked[6:8]


def test_a_page_of_rows_costs_the_same_for_2_or_30_orders(world):
    two_and_thirty_orders(world)
    small, few = queries(lambda: shop.order_rows(world.staff_b.token))
    large, many = queries(lambda: shop.order_rows(world.staff_a.token))
    assert (len(few), len(many)) == (2, 30)
    assert all(isinstance(row, OrderRow) and row.items for row in many)
    assert small == large
    deep, rest = queries(lambda: shop.order_rows(world.staff_a.token, after=many[9].id))
    assert [row.id for row in rest] == [row.id for row in many[10:]]
    assert deep == large


def test_paging_after_another_shops_order_shows_nothing(world):
    theirs = orders.create(world.alice.token, make_book(world.shop_b, stock=5), 1)
    orders.create(world.bob.token, make_book(world.shop_a, stock=5), 1)
    assert shop.order_rows(world.staff_a.token, after=theirs) == []
    assert len(shop.order_rows(world.staff_a.token)) == 1


def test_a_tabs_first_page_comes_with_its_total_and_every_tabs_count(world):
    book = make_book(world.shop_a, stock=100)
    made = [orders.create(world.bob.token, book, 1) for _ in range(7)]
    orders.create(world.alice.token, book, 1)
    for order_id in made[:3]:
        orders.pay(world.bob.token, order_id)
    token = world.staff_a.token
    for filters in ({}, {"status": OrderStatus.PENDING_SHIPMENT}, {"status": 0},
                    {"search": "bob"}, {"status": OrderStatus.PENDING_SHIPMENT, "search": "al"}):
        page = shop.first_page(token, limit=2, **filters)
        assert list(page.rows) == shop.order_rows(token, limit=2, **filters), filters
        assert page.total == shop.count_orders(token, **filters), filters
        assert page.counts == shop.status_counts(token)
    assert shop.first_page(token).counts[OrderStatus.PENDING_SHIPMENT] == 3
    few, _ = queries(lambda: shop.first_page(token))
    assert few == 4  # the session, the page, its lines, the counts
