"""Money moves exactly once, and only as shown: request ids and the amount on the payment page."""

from __future__ import annotations

import sys
import threading
import time
from concurrent import futures
from datetime import timedelta
from decimal import Decimal

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import InvalidInput, InvalidState, NotFound, StaleOrder
from bookshop_gui.models import Book, RequestRecord, database
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import accounts, cart, orders, requests, shop

from .builders import balance, make_buyer, order_in, snapshot, status, stock
from .test_races import race

RID = "till-7-press-0001"


def recorded() -> dict:
    """What a repeat must leave as it was: everything, request records included."""
    return {**snapshot(), "requests": RequestRecord.select().count()}


# -- the amount shown --------------------------------------------------------


def test_pay_charges_nothing_when_staff_changed_the_order_after_it_was_shown(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)  # 10.00 + 22.00
    shown = orders.submit(world.alice.token, order_id).amount
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 3, "money": Decimal("30.00")}])
    before = snapshot()
    with pytest.raises(StaleOrder) as caught:
        orders.pay(world.alice.token, order_id, expected_total=shown)
    assert isinstance(caught.value, InvalidState) and caught.value.code == -1
    assert caught.value.total == Decimal("52.00")
    assert snapshot() == before
    orders.pay(world.alice.token, order_id, expected_total=caught.value.total)
    assert balance(world.alice) == Decimal("448.00")


def test_pay_with_the_amount_shown_pays_it(world):
    order_id = orders.create(world.alice.token, world.book_a2, 2)  # 51.00 + 22.00
    orders.pay(world.alice.token, order_id, expected_total=Decimal("73"))
    assert status(order_id) == OrderStatus.PENDING_SHIPMENT
    assert balance(world.alice) == Decimal("427.00")


def test_an_amount_shown_that_is_not_money_is_refused(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    with pytest.raises(InvalidInput):
        orders.pay(world.alice.token, order_id, expected_total=32.0)
    assert status(order_id) == OrderStatus.PENDING_PAYMENT


# -- request ids: one call for each that moves money or stock ----------------


def _prepare_cart(world):
    cart.add(world.alice.token, world.book_a1, 2)
    cart.add(world.alice.token, world.book_b1, 1)


CALLS = {
    "orders.create_from_cart": (
        _prepare_cart,
        lambda w, s, rid: orders.create_from_cart(
            w.alice.token, [w.book_a1, w.book_b1], request_id=rid),
    ),
    "orders.create_from_cart_by_title": (
        _prepare_cart,
        lambda w, s, rid: orders.create_from_cart_by_title(
            w.alice.token, ["Dream of the Red Chamber", w.book_b1], request_id=rid),
    ),
    "orders.create": (
        lambda w: None,
        lambda w, s, rid: orders.create(w.alice.token, w.book_a2, 2, request_id=rid),
    ),
    "orders.pay": (
        lambda w: order_in(w, OrderStatus.PENDING_PAYMENT),
        lambda w, order_id, rid: orders.pay(w.alice.token, order_id, request_id=rid),
    ),
    "orders.cancel": (
        lambda w: order_in(w, OrderStatus.PENDING_SHIPMENT),
        lambda w, order_id, rid: orders.cancel(w.alice.token, order_id, request_id=rid),
    ),
    "shop.ship": (
        lambda w: order_in(w, OrderStatus.PENDING_SHIPMENT),
        lambda w, order_id, rid: shop.ship(w.staff_a.token, order_id, tracking="SF1234567890",
                                           request_id=rid),
    ),
    "shop.cancel": (
        lambda w: order_in(w, OrderStatus.PENDING_SHIPMENT),
        lambda w, order_id, rid: shop.cancel(w.staff_a.token, order_id, request_id=rid),
    ),
    "shop.set_lines": (
        lambda w: order_in(w, OrderStatus.PENDING_PAYMENT),
        lambda w, order_id, rid: shop.set_lines(
            w.staff_a.token, order_id,
            [{"book_id": w.book_a1, "cnt": 4, "money": Decimal("36.00")}], request_id=rid),
    ),
    "accounts.top_up": (
        lambda w: None,
        lambda w, s, rid: accounts.top_up(w.staff_a.token, "alice", Decimal("50.00"),
                                          request_id=rid),
    ),
}


@pytest.mark.parametrize("name", CALLS)
def test_a_repeated_request_returns_the_first_result_and_changes_nothing(world, name):
    prepare, call = CALLS[name]
    state = prepare(world)
    first = call(world, state, RID)
    after_first = recorded()
    assert call(world, state, RID) == first
    assert call(world, state, RID) == first
    assert recorded() == after_first


def test_a_repeated_top_up_credits_once(world):
    first = accounts.top_up(world.staff_a.token, "alice", 50, request_id=RID)
    again = accounts.top_up(world.staff_a.token, "alice", Decimal("50.00"), request_id=RID)
    assert first == again == Decimal("550.00") == balance(world.alice)


def test_a_repeated_checkout_returns_the_same_orders_and_holds_the_copies_once(world):
    _prepare_cart(world)
    first = orders.create_from_cart(world.alice.token, [world.book_a1, world.book_b1],
                                    request_id=RID)
    assert len(first) == 2
    again = orders.create_from_cart(world.alice.token, [world.book_a1, world.book_b1],
                                    request_id=RID)
    assert again == first
    assert (stock(world.book_a1), stock(world.book_b1)) == (8, 2)
    assert [o.id for o in orders.list(world.alice.token)] == sorted(first, reverse=True)


def test_the_same_id_with_other_arguments_or_another_call_is_refused(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1, request_id=RID)
    before = recorded()
    with pytest.raises(InvalidInput):
        orders.create(world.alice.token, world.book_a1, 2, request_id=RID)
    with pytest.raises(InvalidInput):
        orders.pay(world.alice.token, order_id, request_id=RID)
    assert recorded() == before
    assert status(order_id) == OrderStatus.PENDING_PAYMENT


@pytest.mark.parametrize("bad", [
    "short", "x" * 65, "has space1", "semi;colon", "点单请求一二三四", 12345678, b"bytes-123",
    "", "new\nline-1234",
])
def test_a_malformed_request_id_is_refused_before_anything_moves(world, bad):
    before = recorded()
    with pytest.raises(InvalidInput):
        orders.create(world.alice.token, world.book_a1, 1, request_id=bad)
    assert recorded() == before


def test_the_longest_and_shortest_ids_are_accepted(world):
    for rid in ("a" * 8, "Z9-_" * 16):
        orders.create(world.alice.token, world.book_a1, 1, request_id=rid)
    assert stock(world.book_a1) == 8


def test_a_failed_call_leaves_no_trace_so_its_retry_runs_anew(world):
    poor = make_buyer("poor", balance="5.00")
    order_id = orders.create(poor.token, world.book_a1, 1)
    before = recorded()
    with pytest.raises(Exception) as caught:
        orders.pay(poor.token, order_id, request_id=RID)
    assert caught.value.code == 501
    assert recorded() == before
    accounts.top_up(world.staff_a.token, "poor", Decimal("40.00"))
    orders.pay(poor.token, order_id, request_id=RID)
    assert balance(poor) == Decimal("13.00")


def test_an_id_belongs_to_its_caller(world):
    mine = orders.create(world.alice.token, world.book_a1, 1, request_id=RID)
    theirs = orders.create(world.bob.token, world.book_a1, 1, request_id=RID)
    assert mine != theirs and stock(world.book_a1) == 8
    with pytest.raises(NotFound):
        orders.pay(world.bob.token, mine, request_id="bob-pays-other-1")


def test_ids_are_kept_a_week_and_older_ones_are_forgotten(world):
    old = orders.create(world.alice.token, world.book_a1, 1, request_id="old-request-1")
    week = orders.create(world.alice.token, world.book_a1, 1, request_id="six-days-old-1")
    RequestRecord.update(created_at=utcnow() - timedelta(days=9)).where(
        RequestRecord.request_id == "old-request-1").execute()
    RequestRecord.update(created_at=utcnow() - timedelta(days=6, hours=23)).where(
        RequestRecord.request_id == "six-days-old-1").execute()
    orders.expire_stale()
    assert orders.create(world.alice.token, world.book_a1, 1, request_id="six-days-old-1") == week
    assert [r.request_id for r in RequestRecord.select()] == ["six-days-old-1"]
    assert old != week


# -- a repeat sent while the first call is still running ---------------------

HOLD_SECONDS = 30  # only a hang ever waits this long: each wait ends on an event


class Held:
    """Holds the first call inside its transaction, right after it claimed its request id,
    until the test lets it go; a repeat then finds the id claimed but not committed."""

    def __init__(self, monkeypatch):
        self.claimed, self.released = threading.Event(), threading.Event()
        self.first: int | None = None
        answered = requests._Claim.answered

        def holding(claim, user, cursor):
            answered(claim, user, cursor)
            if threading.get_ident() == self.first:
                self.claimed.set()
                self.released.wait(HOLD_SECONDS)

        monkeypatch.setattr(requests._Claim, "answered", holding)

    def run_first(self, call):
        self.first = threading.get_ident()
        return call()


def on_own_connection(call):
    """`call()` on this thread's own database connection, closed after it."""
    try:
        return call()
    finally:
        database.close()


def wait_until(condition) -> None:
    """Poll `condition` until it holds (a hang fails after HOLD_SECONDS)."""
    give_up = time.monotonic() + HOLD_SECONDS
    while not condition():
        assert time.monotonic() < give_up, "the repeat never reached the database"
        time.sleep(0.001)


# Where a repeat waits for the first call, and the innermost frame of a thread waiting so:
# on SQLite for the file's write lock, in peewee's BEGIN IMMEDIATE; on a server for the
# claim's unique key, sent with the check of who is calling, reading the server's answer
# (psycopg's wait, PyMySQL's socket).
WAITS = {"sqlite": ("_begin", "begin"), "postgresql": ("caller_and", "wait"),
         "mysql": ("caller_and", "readinto")}


def waiting_for_the_first(thread_id: int, backend: str) -> bool:
    """Whether the repeat has begun and is held by the database until the first commits."""
    step, waiting = WAITS[backend]
    frame = sys._current_frames().get(thread_id)
    if frame is None or frame.f_code.co_name != waiting:
        return False
    while frame is not None and frame.f_code.co_name != step:
        frame = frame.f_back
    return frame is not None


@pytest.mark.parametrize("name", CALLS)
def test_a_repeat_sent_while_the_first_runs_waits_for_it_and_answers_the_same(
        world, backend, name, monkeypatch):
    prepare, call = CALLS[name]
    state = prepare(world)
    held = Held(monkeypatch)
    with futures.ThreadPoolExecutor(2) as pool:
        first = pool.submit(on_own_connection, lambda: held.run_first(
            lambda: call(world, state, RID)))
        assert held.claimed.wait(HOLD_SECONDS)
        thread_id: list[int] = []
        repeat = pool.submit(on_own_connection, lambda: (
            thread_id.append(threading.get_ident()), call(world, state, RID))[1])
        wait_until(lambda: thread_id and waiting_for_the_first(thread_id[0], backend))
        assert not repeat.done()  # held up by the first call, which has not committed
        held.released.set()
        answer = first.result(HOLD_SECONDS)
        assert repeat.result(HOLD_SECONDS) == answer
    after = recorded()
    assert call(world, state, RID) == answer
    assert recorded() == after


# -- several processes sending the same request at once ----------------------


def test_the_same_top_up_from_several_processes_credits_once(world, db_url):
    plan = [("accounts.top_up", (world.staff_a.token, "alice", Decimal("25.00")),
             {"request_id": RID})]
    outcomes = race(db_url, [plan] * 4)
    assert [o[0] for o in outcomes] == [("ok", Decimal("525.00"))] * 4
    assert balance(world.alice) == Decimal("525.00")


def test_the_same_checkout_from_several_processes_makes_one_set_of_orders(world, db_url):
    _prepare_cart(world)
    plan = [("create_from_cart", (world.alice.token, [world.book_a1, world.book_b1]),
             {"request_id": RID})]
    outcomes = race(db_url, [plan] * 3)
    results = {tuple(value) for [(kind, value)] in outcomes if kind == "ok"}
    assert len(results) == 1 and all(kind == "ok" for [(kind, _)] in outcomes)
    assert (stock(world.book_a1), stock(world.book_b1)) == (8, 2)
    assert Book.select().count() == 3
    assert len(orders.list(world.alice.token)) == 2
