"""Shipping or cancelling several orders at once: each order on its own, refusals collected.

A batch is one transaction: a connection lost during it (reproduced for real
through a TCP proxy) leaves either every order as it was, and the call says
so, or the batch done, and the call never says that nothing was changed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bookshop_gui import domain
from bookshop_gui.domain import Kind, OrderStatus
from bookshop_gui.errors import (
    DatabaseUnavailable,
    InvalidInput,
    InvalidState,
    NotFound,
    OutcomeUnknown,
)
from bookshop_gui.models import AuditLog, BalanceEntry, Order
from bookshop_gui.services import changes, orders, shop

from .builders import balance, make_book, make_buyer, order_in, snapshot, status, stock
from .test_exactly_once import recorded
from .test_lost_reply import COMMIT, SERVERS
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


# -- a cancel batch refunds each paid order exactly once --------------------------------


def refunds(order_ids) -> dict[int, list[tuple[Decimal, str]]]:
    """Each order's refund lines in the ledger: (amount, by whom)."""
    found = {order_id: [] for order_id in order_ids}
    for entry in BalanceEntry.select().where(BalanceEntry.order_id.in_(list(order_ids)),
                                             BalanceEntry.reason == "refund"):
        found[entry.order_id].append((entry.amount, entry.by_username))
    return found


def totals(order_ids) -> Decimal:
    return sum((Order.get_by_id(i).total for i in order_ids), Decimal("0.00"))


@pytest.fixture
def chosen(world):
    """Paid orders of alice's (two) and bob's, an unpaid one of bob's and a shipped one."""
    alice = [order_in(world, 1), order_in(world, 1, book=world.book_a2, cnt=2)]
    bob = [order_in(world, 1, buyer=world.bob), order_in(world, 0, buyer=world.bob)]
    return {"alice": alice, "bob": bob, "shipped": order_in(world, 2),
            "balances": (balance(world.alice), balance(world.bob))}


def assert_cancelled_once(world, chosen, before):
    """Every cancellable order cancelled, each paid one refunded once to its buyer."""
    alice, bob = chosen["alice"], chosen["bob"]
    paid = [*alice, bob[0]]
    assert {status(i) for i in [*alice, *bob]} == {OrderStatus.CANCELLED}
    assert status(chosen["shipped"]) == OrderStatus.PENDING_RECEIPT
    assert refunds([*paid, bob[1]]) == {
        **{i: [(Order.get_by_id(i).total, "clerk_a")] for i in paid}, bob[1]: []}
    assert (balance(world.alice), balance(world.bob)) == (
        before[0] + totals(alice), before[1] + totals(bob[:1]))
    assert (stock(world.book_a1), stock(world.book_a2)) == (10 - 1, 5)
    assert [AuditLog.select().where(AuditLog.order == i, AuditLog.action == "cancel").count()
            for i in [*alice, *bob]] == [1, 1, 1, 1]


def test_a_cancel_batch_refunds_each_paid_order_once_and_a_repeat_nothing(world, chosen):
    alice, bob = chosen["alice"], chosen["bob"]
    asked = [alice[0], chosen["shipped"], alice[1], *bob, alice[0], 999_999]
    outcome = shop.cancel_many(world.staff_a.token, asked, request_id=RID)
    assert outcome.done == (alice[0], alice[1], *bob)  # an order chosen twice, cancelled once
    assert outcome.refunded == (*alice, bob[0])
    assert [(i, type(e)) for i, e in outcome.refused] == [
        (chosen["shipped"], InvalidState), (999_999, NotFound)]
    assert_cancelled_once(world, chosen, chosen["balances"])
    after = recorded()
    again = shop.cancel_many(world.staff_a.token, asked, request_id=RID)
    assert (again.done, again.refunded) == (outcome.done, outcome.refunded)
    assert [(i, type(e), e.message) for i, e in again.refused] == [
        (i, type(e), e.message) for i, e in outcome.refused]
    assert recorded() == after


def test_the_window_learns_every_order_a_cancel_batch_changed(world, chosen):
    with changes.collecting("workstation") as collected:
        shop.cancel_many(world.staff_a.token, chosen["alice"], request_id=RID)
    assert collected.changes.kinds == {Kind.ORDERS, Kind.BOOKS, Kind.BALANCES}
    assert collected.changes.order_ids == set(chosen["alice"])


def test_a_cancel_batch_of_thirty_costs_the_statements_of_a_batch_of_two(world):
    book, buyers = make_book(world.shop_a, stock=40), [make_buyer(f"reader{i}", balance="900.00")
                                                       for i in range(3)]
    few = [order_in(world, 1, buyer=buyers[i], book=book) for i in range(2)]
    many = [order_in(world, i % 2, buyer=buyers[i % 3], book=book) for i in range(30)]
    small, two = queries(lambda: shop.cancel_many(world.staff_a.token, few, request_id=RID))
    large, thirty = queries(lambda: shop.cancel_many(world.staff_a.token, many,
                                                     request_id="batch-0002"))
    assert (len(two.done), len(thirty.done), len(thirty.refunded)) == (2, 30, 15)
    assert small == large
    assert stock(book) == 40


# -- a connection lost during a cancel batch, through a real TCP proxy ------------------

# The batch's one update that cancels every order, sent before COMMIT.
CANCELLING = {"postgresql": b'UPDATE "orders" SET "status"',
              "mysql": b"UPDATE `orders` SET `status`"}


def cancellable(chosen) -> list[int]:
    return [*chosen["alice"], chosen["shipped"], *chosen["bob"]]


@pytest.mark.parametrize("backend", SERVERS)
def test_a_cancel_batch_whose_reply_was_lost_is_answered_truly_and_refunds_once(
        world, chosen, proxy, backend):
    proxy.cut_after(COMMIT[backend])
    outcome = shop.cancel_many(world.staff_a.token, cancellable(chosen), request_id=RID)
    assert proxy.cuts == 1  # the server committed; its answer never came back
    assert outcome.done == (*chosen["alice"], *chosen["bob"])
    assert outcome.refunded == (*chosen["alice"], chosen["bob"][0])
    assert_cancelled_once(world, chosen, chosen["balances"])
    after = recorded()
    assert shop.cancel_many(world.staff_a.token, cancellable(chosen),
                            request_id=RID).refunded == outcome.refunded
    assert recorded() == after


@pytest.mark.parametrize("backend", SERVERS)
def test_without_a_request_id_a_cancel_batch_whose_reply_was_lost_is_unknown(
        world, chosen, proxy, backend):
    proxy.cut_after(COMMIT[backend])
    with pytest.raises(OutcomeUnknown) as caught:
        shop.cancel_many(world.staff_a.token, cancellable(chosen))
    assert "nothing was changed" not in caught.value.message.lower()
    assert_cancelled_once(world, chosen, chosen["balances"])  # it did happen, once


@pytest.mark.parametrize("backend", SERVERS)
def test_a_cancel_batch_cut_off_before_commit_changed_no_order_and_its_retry_acts_once(
        world, chosen, proxy, backend):
    before = snapshot()
    proxy.cut_after(CANCELLING[backend])  # every order's cancel reached the server, not COMMIT
    with pytest.raises(DatabaseUnavailable) as caught:
        shop.cancel_many(world.staff_a.token, cancellable(chosen), request_id=RID)
    assert not isinstance(caught.value, OutcomeUnknown)  # "nothing was changed" is true
    assert proxy.cuts == 1
    assert snapshot() == before
    outcome = shop.cancel_many(world.staff_a.token, cancellable(chosen), request_id=RID)
    assert outcome.refunded == (*chosen["alice"], chosen["bob"][0])
    assert_cancelled_once(world, chosen, chosen["balances"])
