"""A shared server behind a network that fails as shop floors' do, through a real proxy.

A pulled cable or dead Wi-Fi leaves the link silent, with no reset: without
limits a call would wait for ever. Every call must come back with a typed
error within the program's bound (connect + call time; the test shortens
both), and the next call after the network returns must work.
"""

import time
from decimal import Decimal

import pytest

from bookshop_gui import db
from bookshop_gui.errors import DatabaseUnavailable
from bookshop_gui.models import database as bound
from bookshop_gui.services import accounts, connection, orders
from bookshop_gui.services.connection import Problem

SLACK = 3.0  # thread switches and the test's own work on a busy 2-core machine


@pytest.fixture(params=["postgresql", "mysql"])
def backend(request):
    return request.param


@pytest.fixture
def through_proxy(db_url, fault_proxy, short_timeouts):
    """The shop database opened through a fault proxy; yields the proxy."""
    proxy, url = fault_proxy(db_url)
    database = db.connect(url)
    yield proxy
    proxy.resume()
    if not database.is_closed():
        database.close()


def _timed(call, *args):
    started = time.monotonic()
    try:
        call(*args)
    except DatabaseUnavailable as exc:
        return time.monotonic() - started, exc
    return time.monotonic() - started, None


def test_a_silent_network_fails_the_call_within_the_bound_then_recovers(
        unpaid_order, through_proxy, short_timeouts):
    buyer, order_id = unpaid_order
    assert orders.info(buyer.token, order_id).total == Decimal("51.00")  # the link works
    through_proxy.go_silent()

    took, error = _timed(orders.pay, buyer.token, order_id)
    assert isinstance(error, DatabaseUnavailable), "the call came back without an error"
    assert took < short_timeouts + SLACK

    through_proxy.resume()
    assert orders.info(buyer.token, order_id).status == 0  # the payment was not made
    orders.pay(buyer.token, order_id)  # the next action works on a new connection
    assert accounts.me(buyer.token).balance == Decimal("49.00")


def test_a_link_silent_before_the_call_fails_within_the_bound(
        unpaid_order, through_proxy, short_timeouts):
    buyer, _ = unpaid_order
    bound.close()  # the next call connects, through the silent link
    through_proxy.go_silent()
    took, error = _timed(orders.list, buyer.token)
    assert isinstance(error, DatabaseUnavailable)
    assert took < short_timeouts + SLACK


def test_a_reset_while_idle_is_replaced_unseen(unpaid_order, through_proxy):
    buyer, order_id = unpaid_order
    orders.info(buyer.token, order_id)
    through_proxy.reset()  # a router restarting: every idle connection is gone
    orders.pay(buyer.token, order_id)
    assert accounts.me(buyer.token).balance == Decimal("49.00")


def test_a_server_gone_for_good_is_reported_after_one_try(unpaid_order, through_proxy):
    buyer, order_id = unpaid_order
    orders.info(buyer.token, order_id)
    through_proxy.close()  # nothing listens any more, and every connection is reset
    with pytest.raises(DatabaseUnavailable, match="Nothing was changed"):
        orders.pay(buyer.token, order_id)


def test_opening_over_a_silent_link_is_explained_within_the_bound(
        db_url, fault_proxy, short_timeouts):
    proxy, url = fault_proxy(db_url)
    proxy.go_silent()
    started = time.monotonic()
    problem = connection.open_or_explain(url)
    assert problem.problem is Problem.TIMED_OUT
    assert time.monotonic() - started < short_timeouts + SLACK


def test_the_limits_promise_an_answer_within_about_15_seconds():
    """The shipped values: 5 s to connect, 10 s per call, keepalives before either."""
    from bookshop_gui import deadline

    assert db.CONNECT_SECONDS + deadline.CALL_SECONDS <= 15
    limits = db._postgres_limits()
    assert limits["tcp_user_timeout"] <= deadline.CALL_SECONDS * 1000
    idle = limits["keepalives_idle"] + limits["keepalives_interval"] * limits["keepalives_count"]
    assert idle <= 15
