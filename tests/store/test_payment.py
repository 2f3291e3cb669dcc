"""Paying from the balance, and refunds when a paid order is cancelled."""

from decimal import Decimal

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import InsufficientBalance, InvalidState, NotFound
from bookshop_gui.models import BalanceEntry
from bookshop_gui.services import accounts, orders, shop

from .builders import balance, make_buyer, order_in, snapshot, status, stock


def test_paying_takes_the_total_from_the_balance(world):
    order_id = orders.create(world.alice.token, world.book_a2, 2)  # 51.00 + 22.00
    orders.pay(world.alice.token, order_id)
    assert status(order_id) == OrderStatus.PENDING_SHIPMENT
    assert balance(world.alice) == Decimal("427.00")
    assert balance(world.bob) == Decimal("500.00")


def test_a_balance_of_exactly_the_total_is_enough(world):
    exact = make_buyer("exact", balance="32.00")
    order_id = orders.create(exact.token, world.book_a1, 1)
    orders.pay(exact.token, order_id)
    assert balance(exact) == Decimal("0.00")


def test_a_balance_below_the_total_pays_nothing(world):
    short = make_buyer("short", balance="31.99")
    order_id = orders.create(short.token, world.book_a1, 1)
    before = snapshot()
    with pytest.raises(InsufficientBalance) as caught:
        orders.pay(short.token, order_id)
    assert caught.value.code == 501
    assert (caught.value.amount, caught.value.balance) == (Decimal("32.00"), Decimal("31.99"))
    assert snapshot() == before
    assert status(order_id) == OrderStatus.PENDING_PAYMENT
    assert balance(short) == Decimal("31.99")
    with pytest.raises(InsufficientBalance):
        orders.operate(short.token, order_id, 1)
    assert snapshot() == before


def test_after_a_top_up_the_same_order_can_be_paid(world):
    short = make_buyer("short", balance="10.00")
    order_id = orders.create(short.token, world.book_a1, 1)
    with pytest.raises(InsufficientBalance):
        orders.pay(short.token, order_id)
    assert accounts.top_up(world.staff_a.token, "short", Decimal("22.00")) == Decimal("32.00")
    orders.pay(short.token, order_id)
    assert balance(short) == Decimal("0.00")


def test_an_order_is_paid_only_once(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    orders.pay(world.alice.token, order_id)
    with pytest.raises(InvalidState):
        orders.pay(world.alice.token, order_id)
    assert balance(world.alice) == Decimal("468.00")
    assert BalanceEntry.select().where(BalanceEntry.reason == "payment").count() == 1


def test_submit_refuses_an_order_that_is_not_waiting_for_payment(world):
    for wanted in (OrderStatus.PENDING_SHIPMENT, OrderStatus.CANCELLED, OrderStatus.COMPLETED):
        with pytest.raises(InvalidState):
            orders.submit(world.alice.token, order_in(world, wanted))


def test_the_buyer_cancelling_a_paid_order_is_refunded_in_full(world):
    order_id = orders.create(world.alice.token, world.book_a2, 3)  # 76.50 + 22.00
    orders.pay(world.alice.token, order_id)
    assert (balance(world.alice), stock(world.book_a2)) == (Decimal("401.50"), 2)
    orders.cancel(world.alice.token, order_id)
    assert (balance(world.alice), stock(world.book_a2)) == (Decimal("500.00"), 5)
    assert status(order_id) == OrderStatus.CANCELLED


def test_the_shop_cancelling_a_paid_order_refunds_the_buyer(world):
    order_id = orders.create(world.alice.token, world.book_b1, 2)  # 17.60 + 22.00
    orders.operate(world.alice.token, order_id, 1)
    assert balance(world.alice) == Decimal("460.40")
    shop.operate(world.staff_b.token, order_id, "cancel")
    assert (balance(world.alice), stock(world.book_b1)) == (Decimal("500.00"), 3)


def test_cancelling_an_unpaid_order_returns_stock_and_moves_no_money(world):
    order_id = orders.create(world.alice.token, world.book_a1, 4)
    assert stock(world.book_a1) == 6
    shop.cancel(world.staff_a.token, order_id)
    assert (balance(world.alice), stock(world.book_a1)) == (Decimal("500.00"), 10)
    assert BalanceEntry.select().where(BalanceEntry.reason == "refund").count() == 0


def test_a_cancelled_order_is_never_refunded_twice(world):
    order_id = order_in(world, OrderStatus.PENDING_SHIPMENT)
    orders.cancel(world.alice.token, order_id)
    refunded = balance(world.alice)
    with pytest.raises(InvalidState):
        shop.cancel(world.staff_a.token, order_id)
    with pytest.raises(InvalidState):
        orders.cancel(world.alice.token, order_id)
    assert balance(world.alice) == refunded == Decimal("500.00")
    assert stock(world.book_a1) == 10


def test_a_shipped_order_can_no_longer_be_cancelled(world):
    order_id = order_in(world, OrderStatus.PENDING_RECEIPT)
    before = snapshot()
    for cancel in (lambda: orders.cancel(world.alice.token, order_id),
                   lambda: shop.cancel(world.staff_a.token, order_id)):
        with pytest.raises(InvalidState):
            cancel()
    assert snapshot() == before


def test_the_payment_page_reads_what_submit_and_info_give_for_every_order_at_once(world):
    one = orders.create(world.alice.token, world.book_a1, 1)
    two = orders.create(world.alice.token, world.book_a2, 2)
    shop.set_lines(world.staff_a.token, two,
                   [{"book_id": world.book_a2, "cnt": 1, "money": Decimal("20.00")}])
    pages = orders.to_pay(world.alice.token, [two, one])
    assert pages == [(orders.submit(world.alice.token, i), orders.info(world.alice.token, i))
                     for i in (two, one)]
    assert [len(request.changes) for request, _ in pages] == [1, 0]
    assert pages[0][0].amount == Decimal("42.00") == pages[0][1].total


def test_the_payment_page_refuses_a_paid_order_and_another_buyers(world):
    paid, theirs = order_in(world, 1), order_in(world, 0, buyer=world.bob)
    with pytest.raises(InvalidState):
        orders.to_pay(world.alice.token, [paid])
    with pytest.raises(NotFound):
        orders.to_pay(world.alice.token, [theirs])
