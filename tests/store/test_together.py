"""Read calls whose statements go with the session check in one round trip (services/together.py).

The statements are sent for the user the token was last found to be, before
the check's answer is in: what they read must still be only what the user
found by the check may see, whatever changed meanwhile.
"""

from __future__ import annotations

from datetime import date

import pytest

from bookshop_gui import db
from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import AuthError, NotFound, SessionEnded
from bookshop_gui.models import User
from bookshop_gui.services import auth, cart, orders, reports, shop

from .builders import make_world


def test_a_token_signed_out_elsewhere_reads_nothing_more(world):
    order_id = orders.create(world.bob.token, world.book_a1, 1)
    cart.add(world.bob.token, world.book_a2, 1)
    assert [row.id for row in shop.first_page(world.staff_a.token).rows] == [order_id]
    assert [line.book_id for line in cart.get(world.bob.token)] == [world.book_a2]
    for person in (world.staff_a, world.bob):
        auth.logout(person.token)
    with pytest.raises(SessionEnded):
        shop.first_page(world.staff_a.token)
    with pytest.raises(SessionEnded):
        shop.order_with_history(world.staff_a.token, order_id)
    for read in (cart.get, orders.list, orders.counts):
        with pytest.raises(SessionEnded):
            read(world.bob.token)
    with pytest.raises(SessionEnded):
        orders.to_pay(world.bob.token, [order_id])


def test_staff_moved_to_another_shop_see_that_shop_on_their_next_read(world):
    in_a = orders.create(world.bob.token, world.book_a1, 1)
    in_b = orders.create(world.bob.token, world.book_b1, 1)
    token = world.staff_a.token
    assert [row.id for row in shop.first_page(token).rows] == [in_a]
    assert shop.order_with_history(token, in_a)[0].id == in_a
    User.update(shop=world.shop_b).where(User.id == world.staff_a.id).execute()
    page = shop.first_page(token)
    assert [row.id for row in page.rows] == [in_b]
    assert page.total == 1
    with pytest.raises(NotFound):
        shop.order_with_history(token, in_a)
    assert shop.order_with_history(token, in_b)[0].id == in_b
    assert [row.id for row in shop.order_rows(token)] == [in_b]
    report = reports.sales_report(token, date.today(), date.today())
    assert sum(day.orders for day in report.days) == 0  # unpaid orders are not sales
    assert [status.orders for status in report.by_status if status.orders] == [1]


def test_a_buyer_made_staff_is_refused_the_buyers_reads(world):
    orders.create(world.bob.token, world.book_a1, 1)
    assert len(orders.list(world.bob.token)) == 1
    User.update(role="staff", shop=world.shop_a).where(User.id == world.bob.id).execute()
    with pytest.raises(AuthError):
        orders.list(world.bob.token)
    with pytest.raises(AuthError):
        cart.get(world.bob.token)


def test_the_buyers_first_page_is_the_list_and_every_count(world):
    placed = [orders.create(world.bob.token, world.book_a1, 1) for _ in range(3)]
    orders.pay(world.bob.token, placed[0])
    token = world.bob.token
    for status in (None, OrderStatus.PENDING_PAYMENT, OrderStatus.PENDING_SHIPMENT):
        rows, counts = orders.first_page(token, status, limit=2)
        assert rows == orders.list(token, status, limit=2)
        assert counts == orders.counts(token)
    assert [row.id for row in orders.first_page(token)[0]] == placed[::-1]
    assert orders.first_page(world.alice.token) == ([], orders.counts(world.alice.token))


@pytest.mark.parametrize("backend", ["postgresql"])
def test_each_read_call_is_one_round_trip_once_the_token_is_known(backend, db_url, fault_proxy):
    proxy, url = fault_proxy(db_url)
    database = db.connect(url)
    try:
        world = make_world()
        order_id = orders.create(world.bob.token, world.book_a1, 2)
        cart.add(world.bob.token, world.book_a2, 1)
        proxy.delay(0.005)  # what is sent before an answer can come back is one trip
        staff, buyer = world.staff_a.token, world.bob.token
        calls = {
            "shop.first_page": lambda: shop.first_page(staff),
            "shop.first_page, searching": lambda: shop.first_page(staff, search="bo"),
            "shop.order_rows": lambda: shop.order_rows(staff, after=order_id + 1),
            "shop.order_with_history": lambda: shop.order_with_history(staff, order_id),
            "reports.waiting_to_ship": lambda: reports.waiting_to_ship(staff),
            "orders.to_pay": lambda: orders.to_pay(buyer, [order_id]),
            "orders.info": lambda: orders.info(buyer, order_id),
            "orders.list": lambda: orders.list(buyer),
            "orders.first_page": lambda: orders.first_page(buyer, limit=50),
            "orders.counts": lambda: orders.counts(buyer),
            "cart.get": lambda: cart.get(buyer),
        }
        trips = {}
        for name, call in calls.items():
            call()  # the first call on this thread checks the token first
            before = proxy.round_trips
            call()
            trips[name] = proxy.round_trips - before
        assert trips == dict.fromkeys(calls, 1)
        assert shop.order_with_history(staff, order_id)[0].lines[0].cnt == 2
        assert orders.to_pay(buyer, [order_id])[0][0].amount == orders.info(buyer, order_id).total
    finally:
        database.close()
