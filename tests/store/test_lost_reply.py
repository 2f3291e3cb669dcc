"""A reply lost after the server committed, reproduced for real through a TCP proxy.

The proxy lets the server read COMMIT, then cuts the connection before its
answer comes back: the program cannot know whether the call happened. With a
request id the service asks again on a new connection and answers truly;
without one it says the outcome is unknown, never that nothing was changed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bookshop_gui.errors import DatabaseUnavailable, OutcomeUnknown
from bookshop_gui.services import accounts, orders

from .builders import balance, stock
from .test_exactly_once import CALLS, RID, recorded

SERVERS = ("postgresql", "mysql")
COMMIT = {"postgresql": b"COMMIT\x00", "mysql": b"\x03COMMIT"}
# The top-up's guarded credit: the last statement before the commit that waits for its
# answer (on PostgreSQL the ledger line travels with COMMIT itself).
CREDIT = {"postgresql": b'"balance" <=', "mysql": b"`balance` <="}


@pytest.mark.parametrize("backend", SERVERS)
@pytest.mark.parametrize("name", CALLS)
def test_a_lost_reply_is_answered_truly_and_the_call_happens_once(world, proxy, backend, name):
    prepare, call = CALLS[name]
    state = prepare(world)
    proxy.cut_after(COMMIT[backend])
    first = call(world, state, RID)
    assert proxy.cuts == 1  # the reply to the first COMMIT never came back
    after = recorded()
    assert call(world, state, RID) == first
    assert recorded() == after


@pytest.mark.parametrize("backend", SERVERS)
def test_a_top_up_whose_reply_was_lost_credits_once(world, proxy, backend):
    proxy.cut_after(COMMIT[backend])
    assert accounts.top_up(world.staff_a.token, "alice", Decimal("50.00"),
                           request_id=RID) == Decimal("550.00")
    assert balance(world.alice) == Decimal("550.00")


@pytest.mark.parametrize("backend", SERVERS)
def test_an_order_whose_reply_was_lost_holds_its_copies_once(world, proxy, backend):
    proxy.cut_after(COMMIT[backend])
    order_id = orders.create(world.alice.token, world.book_a2, 2, request_id=RID)
    assert stock(world.book_a2) == 3
    assert [o.id for o in orders.list(world.alice.token)] == [order_id]


@pytest.mark.parametrize("backend", SERVERS)
def test_without_a_request_id_a_lost_reply_is_reported_as_unknown(world, proxy, backend):
    proxy.cut_after(COMMIT[backend])
    with pytest.raises(OutcomeUnknown) as caught:
        accounts.top_up(world.staff_a.token, "alice", Decimal("50.00"))
    assert "nothing was changed" not in caught.value.message.lower()
    assert balance(world.alice) == Decimal("550.00")  # it did happen


@pytest.mark.parametrize("backend", SERVERS)
def test_a_connection_lost_before_commit_changed_nothing_and_says_so(world, proxy, backend):
    proxy.cut_after(CREDIT[backend])  # the credit reaches the server, COMMIT never does
    with pytest.raises(DatabaseUnavailable) as caught:
        accounts.top_up(world.staff_a.token, "alice", Decimal("50.00"), request_id=RID)
    assert not isinstance(caught.value, OutcomeUnknown)
    assert balance(world.alice) == Decimal("500.00")
    assert accounts.top_up(world.staff_a.token, "alice", Decimal("50.00"),
                           request_id=RID) == Decimal("550.00")


@pytest.mark.parametrize("backend", SERVERS)
def test_a_lost_reply_after_many_calls_on_one_connection_is_answered_truly(
        world, proxy, backend):
    """psycopg prepares a statement sent five times: from then on COMMIT travels by name."""
    for _ in range(7):
        accounts.top_up(world.staff_a.token, "bob", Decimal("1.00"))
    proxy.cut_after(COMMIT[backend])
    assert accounts.top_up(world.staff_a.token, "alice", Decimal("50.00"),
                           request_id=RID) == Decimal("550.00")
    assert proxy.cuts == 1  # the reply to the eighth COMMIT on this connection was lost
    assert balance(world.alice) == Decimal("550.00")
    proxy.cut_after(COMMIT[backend])
    with pytest.raises(OutcomeUnknown):
        accounts.top_up(world.staff_a.token, "alice", Decimal("5.00"))
    assert proxy.cuts == 2
    assert balance(world.alice) == Decimal("555.00")
