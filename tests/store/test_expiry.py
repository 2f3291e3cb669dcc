"""Abandoned orders: unpaid past the time limit, they are cancelled and their stock returns."""

from datetime import timedelta

from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import Order
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import orders
from bookshop_gui.services import settings as shop_settings

from .builders import balance, make_person, order_in, snapshot, status, stock


def age(order_id: int, minutes: float) -> None:
    Order.update(created_at=utcnow() - timedelta(minutes=minutes)).where(
        Order.id == order_id).execute()


def test_stale_unpaid_orders_are_cancelled_and_their_stock_returns(world):
    stale = [orders.create(world.alice.token, world.book_a1, 2),
             orders.create(world.bob.token, world.book_b1, 3)]
    fresh = orders.create(world.alice.token, world.book_a2, 1)
    paid = order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_a2)
    for order_id in (*stale, paid):
        age(order_id, 31)
    money = (balance(world.alice), balance(world.bob))
    assert (stock(world.book_a1), stock(world.book_b1), stock(world.book_a2)) == (8, 0, 3)

    assert orders.expire_stale() == 2

    assert [status(o) for o in stale] == [OrderStatus.CANCELLED] * 2
    assert status(fresh) == OrderStatus.PENDING_PAYMENT
    assert status(paid) == OrderStatus.PENDING_SHIPMENT
    assert (stock(world.book_a1), stock(world.book_b1), stock(world.book_a2)) == (10, 3, 3)
    assert (balance(world.alice), balance(world.bob)) == money


def test_a_second_run_finds_nothing_to_do(world):
    order_id = orders.create(world.alice.token, world.book_a1, 4)
    age(order_id, 45)
    assert orders.expire_stale() == 1
    after = snapshot()
    assert orders.expire_stale() == 0
    assert snapshot() == after
    assert stock(world.book_a1) == 10


def test_orders_within_the_limit_are_left_alone(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    age(order_id, 29)
    before = snapshot()
    assert orders.expire_stale() == 0
    assert snapshot() == before


def test_the_time_limit_is_a_setting(world):
    admin = make_person("boss", "admin")
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    age(order_id, 6)
    assert orders.expire_stale() == 0
    shop_settings.set_unpaid_minutes(admin.token, 5)
    assert shop_settings.unpaid_minutes() == 5
    assert orders.expire_stale() == 1
    assert status(order_id) == OrderStatus.CANCELLED


def test_orders_in_every_other_status_never_expire(world):
    ids = [order_in(world, s) for s in OrderStatus if s != OrderStatus.PENDING_PAYMENT]
    for order_id in ids:
        age(order_id, 24 * 60)
    before = snapshot()
    assert orders.expire_stale() == 0
    assert snapshot() == before


def test_stale_orders_beyond_one_batch_are_all_cancelled(world, monkeypatch):
    monkeypatch.setattr(orders, "BATCH", 3)  # a small batch, so seven orders take three
    ids = [orders.create(world.alice.token, world.book_a1, 1) for _ in range(7)]
    for order_id in ids:
        age(order_id, 60)
    assert stock(world.book_a1) == 3
    assert orders.expire_stale() == 7
    assert stock(world.book_a1) == 10
