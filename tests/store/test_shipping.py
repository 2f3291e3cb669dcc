"""Where an order goes and how to follow it: address books, the copy on the order, tracking."""

from __future__ import annotations

import pytest

from bookshop_gui.domain import Address, OrderStatus
from bookshop_gui.errors import AuthError, InvalidInput, InvalidState, NotFound
from bookshop_gui.services import accounts, cart, orders, shop

from .builders import order_in, snapshot

HOME = {"name": "王芳", "phone": "138 0013 8000", "region": "浙江省 杭州市 西湖区",
        "street": "文三路 90 号 3 幢 501", "postcode": "310012"}
WORK = {"name": "Wang Fang", "phone": "+86-571-8888-0000", "region": "上海市 浦东新区",
        "street": "世纪大道 100 号", "postcode": ""}


def test_a_buyers_first_address_is_the_default_and_comes_first(world):
    home = accounts.save_address(world.alice.token, **HOME)
    work = accounts.save_address(world.alice.token, **WORK)
    assert [(a.id, a.is_default) for a in accounts.addresses(world.alice.token)] == [
        (home, True), (work, False)]
    assert accounts.addresses(world.alice.token)[0] == Address(home, is_default=True, **HOME)


def test_choosing_another_default_moves_it(world):
    accounts.save_address(world.alice.token, **HOME)
    work = accounts.save_address(world.alice.token, **WORK, default=True)
    defaults = [a.id for a in accounts.addresses(world.alice.token) if a.is_default]
    assert defaults == [work]
    assert accounts.addresses(world.alice.token)[0].id == work


def test_a_buyer_edits_and_removes_their_own_addresses(world):
    home = accounts.save_address(world.alice.token, **HOME)
    work = accounts.save_address(world.alice.token, **WORK)
    assert accounts.save_address(world.alice.token, **{**HOME, "street": "文二路 1 号"},
                                 address_id=home) == home
    assert accounts.addresses(world.alice.token)[0].street == "文二路 1 号"
    accounts.remove_address(world.alice.token, home)
    assert [(a.id, a.is_default) for a in accounts.addresses(world.alice.token)] == [(work, True)]


def test_addresses_are_private(world):
    home = accounts.save_address(world.alice.token, **HOME)
    assert accounts.addresses(world.bob.token) == []
    before = snapshot()
    with pytest.raises(NotFound):
        accounts.save_address(world.bob.token, **WORK, address_id=home)
    with pytest.raises(NotFound):
        accounts.remove_address(world.bob.token, home)
    with pytest.raises(NotFound):
        orders.create(world.bob.token, world.book_a1, 1, address_id=home)
    with pytest.raises(AuthError):
        accounts.addresses(world.staff_a.token)
    assert snapshot() == before
    assert accounts.addresses(world.alice.token)[0].street == HOME["street"]


@pytest.mark.parametrize("field, value", [
    ("name", ""), ("name", "x" * 51), ("phone", "12345"), ("phone", "1" * 21),
    ("phone", "12-34-5 +"), ("phone", "138001380OO"), ("region", " "), ("region", "r" * 101),
    ("street", ""), ("street", "s" * 201), ("postcode", "31001-2"), ("postcode", "12345678901"),
    ("name", None), ("phone", 13800138000),
])
def test_a_bad_address_is_refused(world, field, value):
    with pytest.raises(InvalidInput):
        accounts.save_address(world.alice.token, **{**HOME, field: value})
    assert accounts.addresses(world.alice.token) == []


def test_the_edges_of_an_address_are_accepted(world):
    accounts.save_address(world.alice.token, name="x" * 50, phone="123456", region="r" * 100,
                          street="s" * 200, postcode="AB12345678")
    accounts.save_address(world.alice.token, name="x", phone="1" * 20, region="r", street="s")
    assert len(accounts.addresses(world.alice.token)) == 2


def test_an_order_keeps_a_copy_of_the_default_address(world):
    home = accounts.save_address(world.alice.token, **HOME)
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    accounts.save_address(world.alice.token, **{**HOME, "street": "搬家了"}, address_id=home)
    detail = orders.info(world.alice.token, order_id)
    assert detail.address == Address(None, **HOME)
    assert shop.get_order(world.staff_a.token, order_id).address == Address(None, **HOME)
    assert (detail.courier, detail.tracking) == (None, None)


def test_a_cart_order_goes_to_the_chosen_address_in_every_shop(world):
    accounts.save_address(world.alice.token, **HOME)
    work = accounts.save_address(world.alice.token, **WORK)
    cart.add(world.alice.token, world.book_a1, 1)
    cart.add(world.alice.token, world.book_b1, 1)
    made = orders.create_from_cart(world.alice.token, [world.book_a1, world.book_b1],
                                   address_id=work)
    assert [orders.info(world.alice.token, o).address.street for o in made] == [WORK["street"]] * 2


def test_a_buyer_without_an_address_orders_without_one(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    assert orders.info(world.alice.token, order_id).address is None


def test_an_order_can_be_sent_elsewhere_until_it_is_shipped(world):
    accounts.save_address(world.alice.token, **HOME)
    work = accounts.save_address(world.alice.token, **WORK)
    for wanted in (OrderStatus.PENDING_PAYMENT, OrderStatus.PENDING_SHIPMENT):
        order_id = order_in(world, wanted)
        orders.set_address(world.alice.token, order_id, work)
        assert orders.info(world.alice.token, order_id).address.street == WORK["street"]
    for wanted in (OrderStatus.PENDING_RECEIPT, OrderStatus.COMPLETED, OrderStatus.CANCELLED):
        order_id = order_in(world, wanted)
        before = snapshot()
        with pytest.raises(InvalidState):
            orders.set_address(world.alice.token, order_id, work)
        assert snapshot() == before
        assert orders.info(world.alice.token, order_id).address.street == HOME["street"]


def test_set_address_is_only_for_the_buyers_own_order_and_address(world):
    home = accounts.save_address(world.alice.token, **HOME)
    bobs = accounts.save_address(world.bob.token, **WORK)
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    with pytest.raises(NotFound):
        orders.set_address(world.bob.token, order_id, bobs)
    with pytest.raises(NotFound):
        orders.set_address(world.alice.token, order_id, bobs)
    with pytest.raises(NotFound):
        orders.set_address(world.alice.token, order_id, None)
    orders.set_address(world.alice.token, order_id, home)


def test_a_shipped_order_carries_its_courier_and_tracking_number(world):
    order_id = order_in(world, OrderStatus.PENDING_SHIPMENT)
    shop.ship(world.staff_a.token, order_id, tracking="SF1234567890123")
    detail = orders.info(world.alice.token, order_id)
    assert (detail.status, detail.courier, detail.tracking) == (
        OrderStatus.PENDING_RECEIPT, "SF Express", "SF1234567890123")
    other = order_in(world, OrderStatus.PENDING_SHIPMENT)
    shop.ship(world.staff_a.token, other, tracking="YT0000000001", courier="YTO Express")
    assert shop.get_order(world.staff_a.token, other).courier == "YTO Express"
    assert shop.history(world.staff_a.token, other)[-1].detail["after"]["tracking"] == (
        "YT0000000001")


def test_shipping_without_a_tracking_number_still_names_the_courier(world):
    order_id = order_in(world, OrderStatus.PENDING_SHIPMENT)
    shop.ship(world.staff_a.token, order_id)
    detail = orders.info(world.alice.token, order_id)
    assert (detail.courier, detail.tracking) == ("SF Express", None)


@pytest.mark.parametrize("tracking", ["SF12345", "S" * 31, "SF-1234567890", "SF 12345678",
                                      "", 1234567890, "顺丰12345678"])
def test_a_bad_tracking_number_ships_nothing(world, tracking):
    order_id = order_in(world, OrderStatus.PENDING_SHIPMENT)
    before = snapshot()
    with pytest.raises(InvalidInput):
        shop.ship(world.staff_a.token, order_id, tracking=tracking)
    assert snapshot() == before
