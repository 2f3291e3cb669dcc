"""Bad input for every call: the right error, and nothing changed afterwards."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import InvalidInput, NotFound
from bookshop_gui.services import accounts, cart, catalog, orders, shop
from bookshop_gui.services import settings as shop_settings

from .builders import World, make_person, order_in, snapshot

BAD_COUNTS = [0, -1, 1000, 2.5, "3", None, True, False, Decimal("2"), [1]]
BAD_MARKS = [-1, 6, 100, 2.5, "5", None, True, Decimal("3"), [5]]
BAD_MONEY = [-1, Decimal("-0.01"), Decimal("1.005"), Decimal("0.001"), 1.5, 10.0, "1.00",
             None, True, Decimal("NaN"), Decimal("Infinity"), Decimal("sNaN"), [1]]
UNKNOWN_IDS = [10**9, -1, 0, "1", None, 1.0, True, [1]]
BAD_OPCODES = [0, 4, -1, "1", "pay", None, 1.0, 2.5, True, [1], (1,)]
BAD_SHOP_OPCODES = ["SENT", "send", "Cancel", "", None, 1, 2, ["sent"], b"sent"]


@dataclass
class Scene:
    world: World
    unpaid: int
    paid: int
    to_review: int
    admin: str


@pytest.fixture
def scene(world):
    cart.add(world.alice.token, world.book_a1, 2)
    cart.add(world.alice.token, world.book_b1, 1)
    return Scene(
        world=world,
        unpaid=order_in(world, OrderStatus.PENDING_PAYMENT, cnt=2),
        paid=order_in(world, OrderStatus.PENDING_SHIPMENT),
        to_review=order_in(world, OrderStatus.PENDING_REVIEW),
        admin=make_person("boss", "admin").token,
    )


def refused(error, call, *args, **kwargs):
    """Assert the call raises exactly `error` and leaves every table as it was."""
    before = snapshot()
    with pytest.raises(error) as caught:
        call(*args, **kwargs)
    assert type(caught.value) is error, (call.__name__, args, kwargs, caught.value)
    assert snapshot() == before, (call.__name__, args, kwargs)


def test_bad_counts(scene):
    w = scene.world
    buyer, staff = w.alice.token, w.staff_a.token
    for cnt in BAD_COUNTS:
        refused(InvalidInput, cart.add, buyer, w.book_a1, cnt)
        refused(InvalidInput, cart.add, buyer, w.book_a2, cnt)
        refused(InvalidInput, cart.set_count, buyer, w.book_a1, cnt)
        refused(InvalidInput, orders.create, buyer, w.book_a1, cnt)
        refused(InvalidInput, shop.set_lines, staff, scene.unpaid,
                [{"book_id": w.book_a1, "cnt": cnt, "money": 10}])


def test_bad_marks(scene):
    buyer = scene.world.alice.token
    for mark in BAD_MARKS:
        refused(InvalidInput, orders.review, buyer, scene.to_review, mark, "ok")
    assert orders.info(buyer, scene.to_review).status == OrderStatus.PENDING_REVIEW


def test_bad_money(scene):
    w = scene.world
    staff = w.staff_a.token
    for amount in BAD_MONEY:
        refused(InvalidInput, accounts.top_up, staff, "alice", amount)
        refused(InvalidInput, shop.set_lines, staff, scene.unpaid,
                [{"book_id": w.book_a1, "cnt": 1, "money": amount}])
        refused(InvalidInput, catalog.add_book, staff, title="Priced badly", price=amount,
                stock=1)
        refused(InvalidInput, catalog.update_book, staff, w.book_a1, price=amount)
        refused(InvalidInput, shop_settings.set_shipping_fee, scene.admin, amount)
        refused(InvalidInput, accounts.create_user, "newbuyer", "pw", "buyer", balance=amount)
    refused(InvalidInput, accounts.top_up, staff, "alice", 0)


def test_money_too_large_to_store_is_refused(scene):
    staff = scene.world.staff_a.token
    for amount in (Decimal("1E+30"), Decimal("1E+17"), 10**20):
        refused(InvalidInput, catalog.add_book, staff, title="Priceless", price=amount, stock=1)
        refused(InvalidInput, catalog.update_book, staff, scene.world.book_a1, price=amount)
        refused(InvalidInput, accounts.top_up, staff, "alice", amount)
        refused(InvalidInput, shop.set_lines, staff, scene.unpaid,
                [{"book_id": scene.world.book_a1, "cnt": 1, "money": amount}])


def test_unknown_order_ids(scene):
    w = scene.world
    buyer, staff = w.alice.token, w.staff_a.token
    for order_id in UNKNOWN_IDS:
        for call in (orders.submit, orders.pay, orders.cancel, orders.confirm_receipt,
                     orders.info, shop.ship, shop.cancel, shop.history, shop.get_order,
                     shop.order_with_history):
            token = staff if call.__module__.endswith("shop") else buyer
            refused(NotFound, call, token, order_id)
        refused(NotFound, orders.review, buyer, order_id, 3)
        for opcode in (1, 2, 3):
            refused(NotFound, orders.operate, buyer, order_id, opcode)
        for opcode in ("sent", "cancel"):
            refused(NotFound, shop.operate, staff, order_id, opcode)
        refused(NotFound, shop.set_lines, staff, order_id,
                [{"book_id": w.book_a1, "cnt": 1, "money": 1}])


def test_unknown_book_ids(scene):
    w = scene.world
    buyer, staff = w.alice.token, w.staff_a.token
    for book_id in UNKNOWN_IDS:
        refused(NotFound, cart.add, buyer, book_id, 1)
        refused(NotFound, orders.create, buyer, book_id, 1)
        refused(NotFound, catalog.get, book_id)
        refused(NotFound, catalog.update_book, staff, book_id, title="Renamed")
        refused(NotFound, shop.set_lines, staff, scene.unpaid,
                [{"book_id": book_id, "cnt": 1, "money": 1}])
        cart.remove(buyer, book_id)  # removing what is not there is allowed
    refused(NotFound, catalog.update_book, staff, w.book_b1, title="Not my shop's")


def test_bad_cart_selections(scene):
    buyer = scene.world.alice.token
    for chosen in ([], None, "1", 7, [10**9], [scene.world.book_a2], [True], ["1"], [None],
                   [1.0], [[1]], [{}], {}):
        refused(InvalidInput, orders.create_from_cart, buyer, chosen)


def test_unknown_opcodes(scene):
    w = scene.world
    for opcode in BAD_OPCODES:
        refused(InvalidInput, orders.operate, w.alice.token, scene.unpaid, opcode)
        refused(InvalidInput, orders.operate, w.alice.token, scene.paid, opcode)
    for opcode in BAD_SHOP_OPCODES:
        refused(InvalidInput, shop.operate, w.staff_a.token, scene.paid, opcode)
        refused(InvalidInput, shop.operate, w.staff_a.token, scene.unpaid, opcode)


def test_unknown_people(scene):
    staff = scene.world.staff_a.token
    for username in ("nobody", "clerk_a", "", None, 5):
        refused(NotFound, accounts.top_up, staff, username, Decimal("5.00"))


def test_over_long_text(scene):
    w = scene.world
    staff = w.staff_a.token
    refused(InvalidInput, orders.review, w.alice.token, scene.to_review, 5, "x" * 1001)
    refused(InvalidInput, orders.review, w.alice.token, scene.to_review, 5, 42)
    refused(InvalidInput, catalog.add_book, staff, title="t" * 301, price=1, stock=1)
    refused(InvalidInput, catalog.add_book, staff, title="   ", price=1, stock=1)
    refused(InvalidInput, catalog.add_book, staff, title="ok", author="a" * 201, price=1,
            stock=1)
    refused(InvalidInput, catalog.update_book, staff, w.book_a1, title="t" * 301)
    refused(InvalidInput, catalog.update_book, staff, w.book_a1, pic="p" * 501)
    refused(InvalidInput, catalog.search, "s" * 201)
    refused(InvalidInput, accounts.create_shop, "n" * 101)
    refused(InvalidInput, accounts.create_shop, "")
    refused(InvalidInput, accounts.create_user, "u" * 65, "pw", "buyer")
    refused(InvalidInput, accounts.create_user, "someone", "pw", "owner")
    refused(InvalidInput, accounts.create_user, "someone", "", "buyer")
    refused(InvalidInput, accounts.create_user, "someone", "pw", "staff")
    refused(InvalidInput, shop.list_orders, staff, search="q" * 65)


def test_a_long_comment_at_the_limit_is_kept_whole(scene):
    comment = "好" * 1000
    orders.review(scene.world.alice.token, scene.to_review, 5, comment)
    assert orders.info(scene.world.alice.token, scene.to_review).comment == comment


def test_bad_status_filters_and_pages(scene):
    w = scene.world
    buyer, staff = w.alice.token, w.staff_a.token
    for status in (7, -2, "0", True, 1.0, [0]):
        refused(InvalidInput, orders.list, buyer, status)
        refused(InvalidInput, shop.list_orders, staff, status)
        refused(InvalidInput, shop.count_orders, staff, status)
    for page in ({"offset": -1}, {"limit": -1}, {"offset": "2"}, {"limit": 2.5},
                 {"offset": None}, {"limit": True}):
        refused(InvalidInput, orders.list, buyer, **page)
        refused(InvalidInput, shop.list_orders, staff, **page)
