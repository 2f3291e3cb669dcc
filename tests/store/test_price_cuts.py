"""Big price cuts need a second person: an administrator approves a cut past the shop's limit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import (
    ApprovalRefused,
    ApprovalRequired,
    AuthError,
    InvalidInput,
    SessionEnded,
)
from bookshop_gui.services import settings, shop

from .builders import PASSWORD, make_buyer, make_person, order_in, snapshot


@pytest.fixture
def admin(world):
    return make_person("boss", "admin")


def _cut(world, order_id, money, **kwargs):
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 2, "money": Decimal(money)}], **kwargs)


def test_a_new_database_has_no_limit(world):
    assert settings.price_cut_limit() is None
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    _cut(world, order_id, "0.01")  # list value 20.00


def test_a_cut_within_the_limit_saves(world, admin):
    settings.set_price_cut_limit(admin.token, 20)
    assert settings.price_cut_limit() == Decimal("20")
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    _cut(world, order_id, "16.00")  # exactly 20 % below 20.00
    assert shop.get_order(world.staff_a.token, order_id).total == Decimal("38.00")


def test_a_bigger_cut_without_approval_saves_nothing(world, admin):
    settings.set_price_cut_limit(admin.token, Decimal("20"))
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    before = snapshot()
    with pytest.raises(ApprovalRequired) as caught:
        _cut(world, order_id, "15.99")
    assert caught.value.code == -1
    assert caught.value.book_ids == (world.book_a1,)
    assert caught.value.limit == Decimal("20")
    assert snapshot() == before


def test_the_limit_follows_the_buyers_vip_price(world, admin):
    settings.set_price_cut_limit(admin.token, 10)
    vip = make_buyer("vip", balance="100.00", vip="0.5")
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT, buyer=vip)
    _cut(world, order_id, "9.00")  # list value for this buyer: 2 × 10.00 × 0.5 = 10.00


def test_an_administrators_approval_saves_the_cut_and_the_history_names_both(world, admin):
    settings.set_price_cut_limit(admin.token, 20)
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    _cut(world, order_id, "5.00", approval=("boss", PASSWORD))
    assert shop.get_order(world.staff_a.token, order_id).total == Decimal("27.00")
    entry = shop.history(world.staff_a.token, order_id)[-1]
    assert (entry.username, entry.detail["approved_by"]) == ("clerk_a", "boss")


@pytest.mark.parametrize("approval", [
    ("boss", "wrong password"), ("clerk_b", PASSWORD), ("alice", PASSWORD), ("nobody", PASSWORD),
    ("boss",), "boss", ("boss", None),
])
def test_a_wrong_approval_saves_nothing(world, admin, approval):
    settings.set_price_cut_limit(admin.token, 20)
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    before = snapshot()
    with pytest.raises(ApprovalRefused) as refused:
        _cut(world, order_id, "5.00", approval=approval)
    assert isinstance(refused.value, AuthError)  # what the contract names
    assert not isinstance(refused.value, SessionEnded)
    assert snapshot() == before


def test_only_administrators_set_the_limit_and_only_to_a_percentage(world, admin):
    with pytest.raises(AuthError):
        settings.set_price_cut_limit(world.staff_a.token, 50)
    for bad in (101, Decimal("-1"), 20.5, "20", Decimal("12.345")):
        with pytest.raises(InvalidInput):
            settings.set_price_cut_limit(admin.token, bad)
    settings.set_price_cut_limit(admin.token, 20)
    settings.set_price_cut_limit(admin.token, None)
    assert settings.price_cut_limit() is None
