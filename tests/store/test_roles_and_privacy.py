"""Who may call what, and that another's order looks exactly like one that does not exist."""

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import AuthError, NotFound
from bookshop_gui.services import accounts, cart, orders, shop

from .builders import make_person, order_in, snapshot

MISSING = 10**9

BUYER_CALLS = {
    "cart.get": lambda t, w, o: cart.get(t),
    "cart.add": lambda t, w, o: cart.add(t, w.book_a1, 1),
    "cart.remove": lambda t, w, o: cart.remove(t, w.book_a1),
    "orders.create_from_cart": lambda t, w, o: orders.create_from_cart(t, [w.book_a1]),
    "orders.create": lambda t, w, o: orders.create(t, w.book_a1, 1),
    "orders.submit": lambda t, w, o: orders.submit(t, o),
    "orders.pay": lambda t, w, o: orders.pay(t, o),
    "orders.cancel": lambda t, w, o: orders.cancel(t, o),
    "orders.confirm_receipt": lambda t, w, o: orders.confirm_receipt(t, o),
    "orders.review": lambda t, w, o: orders.review(t, o, 5, "Good"),
    "orders.operate 1": lambda t, w, o: orders.operate(t, o, 1),
    "orders.operate 2": lambda t, w, o: orders.operate(t, o, 2),
    "orders.operate 3": lambda t, w, o: orders.operate(t, o, 3),
    "orders.operate 9": lambda t, w, o: orders.operate(t, o, 9),
    "orders.list": lambda t, w, o: orders.list(t),
    "orders.info": lambda t, w, o: orders.info(t, o),
}

STAFF_CALLS = {
    "shop.list_orders": lambda t, w, o: shop.list_orders(t),
    "shop.count_orders": lambda t, w, o: shop.count_orders(t),
    "shop.ship": lambda t, w, o: shop.ship(t, o),
    "shop.cancel": lambda t, w, o: shop.cancel(t, o),
    "shop.operate sent": lambda t, w, o: shop.operate(t, o, "sent"),
    "shop.operate cancel": lambda t, w, o: shop.operate(t, o, "cancel"),
    "shop.operate bogus": lambda t, w, o: shop.operate(t, o, "bogus"),
    "shop.set_lines": lambda t, w, o: shop.set_lines(
        t, o, [{"book_id": w.book_a1, "cnt": 1, "money": 1}]),
    "shop.history": lambda t, w, o: shop.history(t, o),
}


@pytest.mark.parametrize("call", list(STAFF_CALLS))
def test_buyers_and_admins_cannot_call_the_shops_calls(world, call):
    order_id = order_in(world, OrderStatus.PENDING_SHIPMENT)
    admin = make_person("boss", "admin")
    before = snapshot()
    for token in (world.alice.token, admin.token):
        with pytest.raises(AuthError) as caught:
            STAFF_CALLS[call](token, world, order_id)
        assert caught.value.code == 401
    assert snapshot() == before


@pytest.mark.parametrize("call", list(BUYER_CALLS))
def test_staff_and_admins_cannot_call_the_buyers_calls(world, call):
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    cart.add(world.alice.token, world.book_a1, 1)
    admin = make_person("boss", "admin")
    before = snapshot()
    for token in (world.staff_a.token, admin.token):
        with pytest.raises(AuthError) as caught:
            BUYER_CALLS[call](token, world, order_id)
        assert caught.value.code == 401
    assert snapshot() == before


def test_every_call_needs_a_valid_token(world):
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    before = snapshot()
    for call, run in {**BUYER_CALLS, **STAFF_CALLS}.items():
        for token in ("", None, "not-a-token", 42):
            with pytest.raises(AuthError) as caught:
                run(token, world, order_id)
            assert caught.value.code == 401, call
    assert snapshot() == before


ORDER_CALLS = [name for name in BUYER_CALLS if name.startswith("orders.")
               and name not in ("orders.create_from_cart", "orders.create", "orders.list",
                                "orders.operate 9")]


@pytest.mark.parametrize("wanted", [OrderStatus.PENDING_PAYMENT, OrderStatus.PENDING_RECEIPT,
                                    OrderStatus.PENDING_REVIEW])
def test_another_buyers_order_looks_exactly_like_a_missing_one(world, wanted):
    bobs = order_in(world, wanted, buyer=world.bob)
    before = snapshot()
    for call in ORDER_CALLS:
        with pytest.raises(NotFound) as theirs:
            BUYER_CALLS[call](world.alice.token, world, bobs)
        with pytest.raises(NotFound) as missing:
            BUYER_CALLS[call](world.alice.token, world, MISSING)
        assert str(theirs.value) == str(missing.value), call
        assert theirs.value.code == missing.value.code == -1
    assert snapshot() == before
    assert [o.id for o in orders.list(world.bob.token)] == [bobs]
    assert orders.list(world.alice.token) == []


SHOP_ORDER_CALLS = [name for name in STAFF_CALLS
                    if name not in ("shop.list_orders", "shop.count_orders",
                                    "shop.operate bogus")]


@pytest.mark.parametrize("wanted", [OrderStatus.PENDING_PAYMENT, OrderStatus.PENDING_SHIPMENT])
def test_another_shops_order_looks_exactly_like_a_missing_one(world, wanted):
    shop_a_order = order_in(world, wanted)
    before = snapshot()
    for call in SHOP_ORDER_CALLS:
        with pytest.raises(NotFound) as theirs:
            STAFF_CALLS[call](world.staff_b.token, world, shop_a_order)
        with pytest.raises(NotFound) as missing:
            STAFF_CALLS[call](world.staff_b.token, world, MISSING)
        assert str(theirs.value) == str(missing.value), call
    for read in (shop.get_order, shop.order_with_history):
        with pytest.raises(NotFound):
            read(world.staff_b.token, shop_a_order)
    assert snapshot() == before


def test_staff_see_only_their_own_shops_orders(world):
    a = order_in(world, OrderStatus.PENDING_PAYMENT)
    b = order_in(world, OrderStatus.PENDING_SHIPMENT, buyer=world.bob, book=world.book_b1)
    assert [o.id for o in shop.list_orders(world.staff_a.token)] == [a]
    assert [o.id for o in shop.list_orders(world.staff_b.token)] == [b]
    assert shop.count_orders(world.staff_b.token) == 1
    assert shop.count_orders(world.staff_b.token, OrderStatus.PENDING_PAYMENT) == 0


def test_shop_lists_are_newest_first_with_filter_and_pages(world):
    ids = [order_in(world, s) for s in (0, 1, 0, 2, 0)]
    token = world.staff_a.token
    assert [o.id for o in shop.list_orders(token)] == ids[::-1]
    assert [o.id for o in shop.list_orders(token, OrderStatus.PENDING_PAYMENT)] == [
        ids[4], ids[2], ids[0]]
    assert [o.id for o in shop.list_orders(token, 0, offset=1, limit=1)] == [ids[2]]
    assert shop.count_orders(token, 0) == 3
    detail = shop.list_orders(token, OrderStatus.PENDING_RECEIPT)[0]
    assert (detail.id, detail.buyer, detail.shop_id) == (ids[3], "alice", world.shop_a)
    assert [(line.book_id, line.cnt) for line in detail.lines] == [(world.book_a1, 1)]


def test_only_staff_or_admins_can_top_up_a_balance(world):
    before = snapshot()
    for token in (world.alice.token, world.bob.token):
        with pytest.raises(AuthError) as caught:
            accounts.top_up(token, "alice", 10)
        assert caught.value.code == 401
    assert snapshot() == before
    admin = make_person("boss", "admin")
    accounts.top_up(admin.token, "alice", 10)
    accounts.top_up(world.staff_b.token, "alice", 5)
    assert accounts.get_member(admin.token, "alice").balance == 515
