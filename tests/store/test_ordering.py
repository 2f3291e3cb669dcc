"""Making orders: from the cart (one per shop, all or nothing) or one book directly."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import InvalidInput, NotFound, OutOfStock
from bookshop_gui.models import Order
from bookshop_gui.services import cart, orders, shop

from .builders import balance, make_book, make_buyer, order_in, snapshot, stock


def cart_books(token):
    return sorted((line.book_id, line.cnt) for line in cart.get(token))


def test_create_from_cart_makes_one_order_per_shop(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 2)
    cart.add(token, world.book_a2, 1)
    cart.add(token, world.book_b1, 3)
    ids = orders.create_from_cart(token, [world.book_a1, world.book_a2, world.book_b1])
    assert len(ids) == 2
    found = {orders.info(token, i).shop_id: orders.info(token, i) for i in ids}
    assert set(found) == {world.shop_a, world.shop_b}
    assert sorted((line.book_id, line.cnt) for line in found[world.shop_a].lines) == sorted(
        [(world.book_a1, 2), (world.book_a2, 1)]
    )
    assert [(line.book_id, line.cnt) for line in found[world.shop_b].lines] == [(world.book_b1, 3)]
    assert all(o.status == OrderStatus.PENDING_PAYMENT for o in found.values())


def test_ordered_lines_leave_the_cart_and_the_rest_stay(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 2)
    cart.add(token, world.book_a2, 1)
    cart.add(token, world.book_b1, 1)
    orders.create_from_cart(token, [world.book_a1, world.book_b1])
    assert cart_books(token) == [(world.book_a2, 1)]


def test_stock_is_reserved_when_the_order_is_made(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 4)
    cart.add(token, world.book_b1, 3)
    orders.create_from_cart(token, [world.book_a1, world.book_b1])
    assert stock(world.book_a1) == 6
    assert stock(world.book_b1) == 0


def test_out_of_stock_makes_no_order_at_all(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 2)
    cart.add(token, world.book_b1, 4)  # only 3 in stock
    before = snapshot()
    with pytest.raises(OutOfStock) as caught:
        orders.create_from_cart(token, [world.book_a1, world.book_b1])
    assert caught.value.book_ids == (world.book_b1,)
    assert caught.value.titles == ("Water Margin",)
    assert caught.value.code == 501
    assert snapshot() == before
    assert Order.select().count() == 0


def test_out_of_stock_names_every_short_book(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 1)
    cart.add(token, world.book_a2, 6)  # 5 in stock
    cart.add(token, world.book_b1, 4)  # 3 in stock
    before = snapshot()
    with pytest.raises(OutOfStock) as caught:
        orders.create_from_cart(token, [world.book_a1, world.book_a2, world.book_b1])
    assert sorted(caught.value.book_ids) == sorted([world.book_a2, world.book_b1])
    assert sorted(caught.value.titles) == ["Journey to the West", "Water Margin"]
    assert snapshot() == before


def test_exactly_the_last_copies_can_be_ordered(world):
    cart.add(world.alice.token, world.book_b1, 3)
    orders.create_from_cart(world.alice.token, [world.book_b1])
    assert stock(world.book_b1) == 0
    with pytest.raises(OutOfStock):
        orders.create(world.bob.token, world.book_b1, 1)
    assert stock(world.book_b1) == 0


def test_a_book_not_in_the_cart_cannot_be_ordered_from_it(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 1)
    before = snapshot()
    with pytest.raises(InvalidInput):
        orders.create_from_cart(token, [world.book_a1, world.book_b1])
    with pytest.raises(InvalidInput):
        orders.create_from_cart(world.bob.token, [world.book_a1])
    assert snapshot() == before


def test_create_orders_one_book_and_leaves_the_cart_alone(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 2)
    order_id = orders.create(token, world.book_a1, 3)
    assert cart_books(token) == [(world.book_a1, 2)]
    assert stock(world.book_a1) == 7
    order = orders.info(token, order_id)
    assert [(line.book_id, line.cnt) for line in order.lines] == [(world.book_a1, 3)]
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert order.total == Decimal("52.00")


def test_creating_an_order_does_not_check_the_balance(world):
    broke = make_buyer("broke", balance="0.00")
    order_id = orders.create(broke.token, world.book_a2, 5)
    assert orders.info(broke.token, order_id).total == Decimal("149.50")
    assert balance(broke) == Decimal("0.00")


def test_create_beyond_the_stock_is_out_of_stock_and_changes_nothing(world):
    before = snapshot()
    with pytest.raises(OutOfStock) as caught:
        orders.create(world.alice.token, world.book_b1, 4)
    assert caught.value.book_ids == (world.book_b1,)
    assert snapshot() == before


def test_create_of_an_unknown_book_is_not_found(world):
    before = snapshot()
    with pytest.raises(NotFound):
        orders.create(world.alice.token, 10**9, 1)
    assert snapshot() == before


def test_submit_shows_the_amount_and_the_balance(world):
    order_id = orders.create(world.alice.token, world.book_a1, 2)
    request = orders.submit(world.alice.token, order_id)
    assert (request.order_id, request.amount, request.balance) == (
        order_id, Decimal("42.00"), Decimal("500.00"),
    )
    assert balance(world.alice) == Decimal("500.00")


def test_info_has_every_field_of_the_order(world):
    token = world.alice.token
    book = make_book(world.shop_a, price="12.34", stock=4, title="Fortress Besieged",
                     pic="covers/fortress.png")
    started = datetime.now(UTC) - timedelta(seconds=5)
    order_id = orders.create(token, book, 2)
    order = orders.info(token, order_id)
    assert order.id == order_id
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert (order.shop_id, order.shop_name, order.buyer) == (world.shop_a, "Shop A", "alice")
    (line,) = order.lines
    assert (line.book_id, line.name, line.cnt, line.pic, line.unit_price, line.money) == (
        book, "Fortress Besieged", 2, "covers/fortress.png", Decimal("12.34"), Decimal("24.68"),
    )
    assert order.shipping == Decimal("22.00")
    assert order.total == Decimal("46.68")
    assert started <= order.created_at <= datetime.now(UTC) + timedelta(seconds=5)
    assert order.mark is None and order.comment is None
    assert isinstance(order.lines, tuple)


def test_the_buyer_and_the_shop_read_an_order_alike(world):
    order_id = orders.create(world.alice.token, world.book_a1, 2)
    assert orders.info(world.alice.token, order_id) == shop.get_order(world.staff_a.token,
                                                                      order_id)


def test_list_is_newest_first_with_summaries(world):
    token = world.alice.token
    first = orders.create(token, world.book_a1, 1)
    second = orders.create(token, world.book_b1, 2)
    third = orders.create(token, world.book_a2, 1)
    listed = orders.list(token)
    assert [o.id for o in listed] == [third, second, first]
    middle = listed[1]
    assert (middle.status, middle.shop_id, middle.shop_name) == (
        OrderStatus.PENDING_PAYMENT, world.shop_b, "Shop B",
    )
    assert middle.items == (("Water Margin", 2),)
    assert middle.total == Decimal("39.60")


def test_list_is_newest_first_even_when_times_tie(world):
    token = world.alice.token
    ids = [orders.create(token, world.book_a1, 1) for _ in range(3)]
    Order.update(created_at=datetime(2024, 1, 1, 12, 0, 0)).execute()
    assert [o.id for o in orders.list(token)] == ids[::-1]


def test_list_filters_by_status_and_pages(world):
    token = world.alice.token
    ids = [orders.create(token, world.book_a1, 1) for _ in range(5)]
    orders.pay(token, ids[1])
    orders.pay(token, ids[3])
    assert [o.id for o in orders.list(token, OrderStatus.PENDING_SHIPMENT)] == [ids[3], ids[1]]
    assert [o.id for o in orders.list(token, 0)] == [ids[4], ids[2], ids[0]]
    assert orders.list(token, OrderStatus.COMPLETED) == []
    assert [o.id for o in orders.list(token, offset=1, limit=2)] == [ids[3], ids[2]]
    assert [o.id for o in orders.list(token, 0, offset=2)] == [ids[0]]
    assert orders.list(token, offset=5) == []


def test_a_buyer_lists_only_their_own_orders(world):
    orders.create(world.alice.token, world.book_a1, 1)
    assert orders.list(world.bob.token) == []


def test_a_review_is_kept_with_the_order(world, database):
    order_id = order_in(world, OrderStatus.PENDING_REVIEW)
    orders.review(world.alice.token, order_id, 5, "Arrived quickly, well packed.")
    order = orders.info(world.alice.token, order_id)
    assert (order.status, order.mark, order.comment) == (
        OrderStatus.COMPLETED, 5, "Arrived quickly, well packed.",
    )
    other = order_in(world, OrderStatus.PENDING_REVIEW)
    orders.review(world.alice.token, other, 0)
    assert (orders.info(world.alice.token, other).mark,
            orders.info(world.alice.token, other).comment) == (0, "")
