"""Change notices: each write says what it changed, and other windows read it from the log."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import timedelta
from decimal import Decimal

import pytest

from bookshop_gui import services
from bookshop_gui._peewee import peewee
from bookshop_gui.domain import Kind
from bookshop_gui.errors import InvalidState
from bookshop_gui.models import ChangeLog
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import (
    accounts,
    addresses,
    auth,
    cart,
    catalog,
    changes,
    feed,
    orders,
    settings,
    shop,
)

from .builders import PASSWORD, make_person, order_in, snapshot


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


def test_a_window_watches_from_where_its_sign_in_found_the_log(world):
    """Sign-in notes the log's place in its own round trip, so a window's watcher needs no
    first look: what changed after the sign-in is told, what came before is not."""
    order_id = order_in(world, 0)
    accounts.top_up(world.staff_a.token, "bob", 5)  # before: the window's first reads show it
    session = auth.login("clerk_a", PASSWORD)
    assert session.log_position == ChangeLog.select(peewee.fn.MAX(ChangeLog.id)).scalar()
    orders.pay(world.alice.token, order_id)  # after: between the sign-in and the first poll
    view = feed.ChangeFeed("workstation")
    view.start_at(session.log_position)
    seen = view.poll(session.token)
    assert seen.kinds == {Kind.ORDERS, Kind.BALANCES} and seen.order_ids == {order_id}


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


def _twice(world):
    """Write calls that, made a second time with the same values, change nothing."""
    admin = make_person("boss", "admin")
    address = addresses.save_address(world.alice.token, name="Alice", phone="13800000000",
                                     region="Shanghai", street="1 Bund Road")
    unpaid = order_in(world, 0)
    to_pay = order_in(world, 0)
    cart.add(world.alice.token, world.book_a1, 2)
    return {
        "shipping fee": lambda: settings.set_shipping_fee(admin.token, Decimal("25")),
        "unpaid minutes": lambda: settings.set_unpaid_minutes(admin.token, 45),
        "cut limit": lambda: settings.set_price_cut_limit(admin.token, 20),
        "book": lambda: catalog.update_book(world.staff_a.token, world.book_a2,
                                            title="Journey West", price=Decimal("12.50")),
        "vip ratio": lambda: accounts.set_vip_ratio(admin.token, "bob", Decimal("0.90")),
        "address": lambda: addresses.save_address(
            world.alice.token, name="Alice Li", phone="13800000000", region="Shanghai",
            street="1 Bund Road", address_id=address),
        "cart count": lambda: cart.set_count(world.alice.token, world.book_a1, 3),
        "cart removal": lambda: cart.remove(world.alice.token, world.book_b1),
        "order address": lambda: orders.set_address(world.alice.token, unpaid, address),
        "top-up repeat": lambda: accounts.top_up(world.staff_a.token, "alice", 5,
                                                 request_id="top-up-0001"),
        "payment repeat": lambda: orders.pay(world.alice.token, to_pay,
                                             request_id="payment-0001"),
    }


def test_a_write_that_changes_nothing_wakes_no_window(world):
    calls = _twice(world)
    for call in calls.values():
        call()
    for name, call in calls.items():
        logged = ChangeLog.select().count()
        before = snapshot()
        with changes.collecting("kiosk-1") as collected:
            call()
        assert snapshot() == before, name
        assert ChangeLog.select().count() == logged, name
        # A repeat is told to the window that asked: the first reply may never have come.
        assert bool(collected.changes) is name.endswith("repeat"), name


def test_a_write_that_changes_something_is_still_told(world):
    calls = _twice(world)
    for name, call in calls.items():
        logged = ChangeLog.select().count()
        with changes.collecting("kiosk-1") as collected:
            call()
        assert ChangeLog.select().count() == logged + (name != "cart removal"), name
        assert bool(collected.changes) is (name != "cart removal"), name
