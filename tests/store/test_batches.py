"""Shipping or cancelling several orders at once: each order on its own, refusals collected."""

from __future__ import annotations

import pytest

from bookshop_gui import domain
from bookshop_gui.domain import Kind, OrderStatus
from bookshop_gui.errors import InvalidInput, InvalidState, NotFound
from bookshop_gui.models import AuditLog, Order
from bookshop_gui.services import changes, orders, shop

from .builders import balance, make_book, make_buyer, order_in, status, stock
from .test_query_counts import queries

RID = "batch-0001"


def test_each_order_ships_with_its_own_waybill_and_a_refusal_stops_none(world):
    first, unpaid, last = order_in(world, 1), order_in(world, 0), order_in(world, 1)
    outcome = shop.ship_many(world.staff_a.token, {first: "SF1000000001", unpaid: "SF1000000002",
                                                   last: "SF1000000003"}, courier="EMS")
    assert outcome.done == (first, last) and outcome.refunded == ()
    [(refused_id, error)] = outcome.refused
    assert refused_id == unpaid and isinstance(error, InvalidState)
    assert [(o.status, o.courier, o.tracking) for o in Order.select().where(
        Order.id.in_([first, last])).order_by(Order.id)] == [
        (OrderStatus.PENDING_RECEIPT, "EMS", "SF1000000001"),
        (OrderStatus.PENDING_RECEIPT, "EMS", "SF1000000003")]
    assert status(unpaid) == OrderStatus.PENDING_PAYMENT


def test_a_bad_waybill_or_another_shops_order_is_refused_with_its_own_error(world):
    mine, theirs = order_in(world, 1), order_in(world, 1, book=world.book_b1)
    outcome = shop.ship_many(world.staff_a.token, {mine: "no", theirs: "SF1000000004"})
    assert outcome.done == ()
    errors = dict(outcome.refused)
    assert isinstance(errors[mine], InvalidInput) and isinstance(errors[theirs], NotFound)
    assert status(mine) == status(theirs) == OrderStatus.PENDING_SHIPMENT


def test_cancelling_refunds_the_paid_orders_and_leaves_the_shipped_ones(world):
    before = balance(world.alice)
    unpaid, paid, shipped = order_in(world, 0), order_in(world, 1), order_in(world, 2)
    outcome = shop.cancel_many(world.staff_a.token, [unpaid, paid, shipped])
    assert outcome.done == (unpaid, paid) and outcome.refunded == (paid,)
    assert [order_id for order_id, _ in outcome.refused] == [shipped]
    assert status(unpaid) == status(paid) == OrderStatus.CANCELLED
    assert status(shipped) == OrderStatus.PENDING_RECEIPT
    shipped_total = Order.get_by_id(shipped).total
    assert balance(world.alice) == before - shipped_total  # the paid one came back in full
    assert stock(world.book_a1) == 10 - 1


def test_a_batch_sent_again_under_its_id_does_nothing_twice(world):
    paid = order_in(world, 1)
    after_payment = balance(world.alice)
    first = shop.cancel_many(world.staff_a.token, [paid], request_id=RID)
    again = shop.cancel_many(world.staff_a.token, [paid], request_id=RID)
    assert first == again and again.refunded == (paid,)
    assert balance(world.alice) == after_payment + Order.get_by_id(paid).total


def test_the_window_learns_every_order_the_batch_changed(world):
    one, two = order_in(world, 1), order_in(world, 1)
    with changes.collecting("workstation") as collected:
        shop.ship_many(world.staff_a.token, {one: None, two: None}, request_id=RID)
    assert collected.changes.kinds == {Kind.ORDERS}
    assert collected.changes.order_ids == {one, two}


def test_a_shipping_batch_sent_again_answers_as_before_and_ships_nothing_twice(world):
    shipped, cancelled = order_in(world, 1), order_in(world, -1)
    parcels = {shipped: "SF1000000005", cancelled: "SF1000000006", 999_999: "SF1000000007"}
    first = shop.ship_many(world.staff_a.token, parcels, request_id=RID)
    Order.update(tracking="SF9999999999").where(Order.id == shipped).execute()
    again = shop.ship_many(world.staff_a.token, parcels, request_id=RID)
    assert again.done == first.done == (shipped,)
    assert [(i, type(e), e.message) for i, e in again.refused] == [
        (i, type(e), e.message) for i, e in first.refused]
    assert [(i, type(e)) for i, e in again.refused] == [
        (cancelled, InvalidState), (999_999, NotFound)]
    assert Order.get_by_id(shipped).tracking == "SF9999999999"  # the repeat wrote nothing
    entries = AuditLog.select().where(AuditLog.order == shipped, AuditLog.action == "ship")
    assert entries.count() == 1


def test_a_batch_that_shipped_nothing_leaves_its_id_free_for_a_retry(world):
    unpaid = order_in(world, 0)
    first = shop.ship_many(world.staff_a.token, {unpaid: "SF1000000008"}, request_id=RID)
    assert first.done == () and status(unpaid) == OrderStatus.PENDING_PAYMENT
    orders.pay(world.alice.token, unpaid)
    again = shop.ship_many(world.staff_a.token, {unpaid: "SF1000000008"}, request_id=RID)
    assert again.done == (unpaid,) and status(unpaid) == OrderStatus.PENDING_RECEIPT


def test_each_shipped_order_keeps_its_own_waybill_in_its_history(world):
    one, two = order_in(world, 1), order_in(world, 1)
    shop.ship_many(world.staff_a.token, {one: "SF1000000011", two: "SF1000000012"})
    for order_id, tracking in ((one, "SF1000000011"), (two, "SF1000000012")):
        [entry] = [e for e in shop.history(world.staff_a.token, order_id) if e.action == "ship"]
        assert entry.username == world.staff_a.username
        assert entry.detail == {"before": {"status": 1}, "after": {
            "status": 2, "courier": "SF Express", "tracking": tracking}}


def test_a_batch_of_thirty_costs_the_statements_of_a_batch_of_two(world):
    book, buyer = make_book(world.shop_a, stock=40), make_buyer("reader", balance="2000.00")
    few = {order_in(world, 1, buyer=buyer, book=book): f"SF10000000{i:02d}" for i in range(2)}
    many = {order_in(world, 1, buyer=buyer, book=book): f"SF20000000{i:02d}" for i in range(30)}
    small, two = queries(lambda: shop.ship_many(world.staff_a.token, few, request_id=RID))
    large, thirty = queries(lambda: shop.ship_many(world.staff_a.token, many,
                                                   request_id="batch-0002"))
    assert (len(two.done), len(thirty.done)) == (2, 30)
    assert small == large <= 12


def test_a_batch_past_the_cap_is_refused_whole_and_changes_nothing(world, monkeypatch):
    monkeypatch.setattr(domain, "MAX_BATCH", 2)
    paid = [order_in(world, 1) for _ in range(3)]
    before = balance(world.alice)
    with pytest.raises(InvalidInput):
        shop.cancel_many(world.staff_a.token, paid, request_id=RID)
    with pytest.raises(InvalidInput):
        shop.ship_many(world.staff_a.token, {i: f"SF10000000{n}" for n, i in enumerate(paid)})
    assert {status(i) for i in paid} == {OrderStatus.PENDING_SHIPMENT}
    assert balance(world.alice) == before
    assert shop.cancel_many(world.staff_a.token, paid[:2], request_id=RID).refunded == tuple(
        paid[:2])  # the refused request left its id free: within the cap it acts
