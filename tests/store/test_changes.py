"""Change notices: each write says what it changed, and other windows read it from the log."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import timedelta

import pytest

from bookshop_gui import services
from bookshop_gui.domain import Kind
from bookshop_gui.errors import InvalidState
from bookshop_gui.models import ChangeLog
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import accounts, cart, changes, feed, orders, shop

from .builders import order_in


def _write_calls():
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"bookshop_gui.services.{info.name}")
        for value in vars(module).values():
            name = getattr(value, "call_name", None)
            if isinstance(name, str) and value.__module__ == module.__name__:
                yield name


def test_every_write_call_declares_what_it_changes():
    found = set(_write_calls())
    assert "orders.pay" in found and "shop.ship" in found
    assert found - set(changes.CALLS) == set()


def test_the_window_that_asked_learns_what_its_call_changed(world):
    order_id = order_in(world, 1)
    with changes.collecting("kiosk-1") as collected:
        shop.ship(world.staff_a.token, order_id)
        accounts.top_up(world.staff_a.token, "bob", 5)
    assert collected.changes.kinds == {Kind.ORDERS, Kind.BALANCES, Kind.MEMBERS}
    assert collected.changes.order_ids == {order_id}


def test_a_refused_call_tells_nothing(world):
    order_id = order_in(world, 0)
    with changes.collecting("kiosk-1") as collected, pytest.raises(InvalidState):
        shop.ship(world.staff_a.token, order_id)
    assert not collected.changes


def test_other_windows_read_the_changes_from_the_log(world):
    staff_view = feed.ChangeFeed("workstation")
    assert not staff_view.poll(world.staff_a.token)  # the first poll only finds its place
    order_id = order_in(world, 0)
    with changes.collecting("kiosk"):
        orders.pay(world.alice.token, order_id)
    seen = staff_view.poll(world.staff_a.token)
    assert seen.kinds >= {Kind.ORDERS, Kind.BALANCES} and order_id in seen.order_ids
    assert not staff_view.poll(world.staff_a.token)  # each change is told once


def test_a_window_skips_what_it_wrote_itself(world):
    kiosk = feed.ChangeFeed("kiosk")
    kiosk.poll(world.alice.token)
    with changes.collecting("kiosk"):
        cart.add(world.alice.token, world.book_a1, 1)
    assert not kiosk.poll(world.alice.token)
    accounts.top_up(world.staff_a.token, "alice", 10)  # at a workstation
    assert kiosk.poll(world.alice.token).touches(Kind.BALANCES)


def test_a_change_committed_late_with_a_lower_id_is_still_told(world):
    """Ids are taken when a transaction starts writing: a lower one can commit after."""
    view = feed.ChangeFeed("workstation")
    view.poll(world.staff_a.token)
    first = ChangeLog.create(kinds="orders", origin="kiosk")
    ChangeLog.create(kinds="balances", origin="kiosk")
    hidden = ChangeLog.get_by_id(first.id)
    hidden.delete_instance()  # as if not committed yet when the poll reads
    assert view.poll(world.staff_a.token).kinds == {Kind.BALANCES}
    ChangeLog.create(id=first.id, kinds="books", origin="kiosk")  # now it commits
    assert view.poll(world.staff_a.token).kinds == {Kind.BOOKS}


def test_old_log_rows_are_pruned(world):
    ChangeLog.create(kinds="orders", at=utcnow() - timedelta(days=2))
    order_in(world, 0)
    kept = ChangeLog.select().count()
    assert feed.prune() == 1
    assert ChangeLog.select().count() == kept - 1
