"""The cart (seed 000 getcart, addcart, delcart): counts add up, stock is not checked."""

from decimal import Decimal

import pytest

from bookshop_gui.errors import InvalidInput, NotFound
from bookshop_gui.services import cart

from .builders import make_book, make_buyer, snapshot, stock


def lines(token):
    return [(line.book_id, line.cnt) for line in cart.get(token)]


def test_an_empty_cart_is_an_empty_list(world):
    assert cart.get(world.alice.token) == []


def test_adding_the_same_book_again_adds_to_its_line(world):
    token = world.alice.token
    cart.add(token, world.book_a1)
    cart.add(token, world.book_a1, 2)
    cart.add(token, world.book_a1, 4)
    assert lines(token) == [(world.book_a1, 7)]


def test_a_line_shows_the_book_its_price_and_the_stock(world):
    cart.add(world.alice.token, world.book_a2, 2)
    (line,) = cart.get(world.alice.token)
    assert line.book_id == world.book_a2
    assert line.title == "Journey to the West"
    assert line.shop_id == world.shop_a
    assert line.unit_price == Decimal("25.50")
    assert line.cnt == 2
    assert line.money == Decimal("51.00")
    assert line.stock == 5


def test_the_newest_line_comes_first(world):
    token = world.alice.token
    for book in (world.book_a1, world.book_b1, world.book_a2):
        cart.add(token, book)
    assert [book for book, _ in lines(token)] == [world.book_a2, world.book_b1, world.book_a1]


def test_a_line_holds_up_to_999_copies(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 998)
    cart.add(token, world.book_a1, 1)
    assert lines(token) == [(world.book_a1, 999)]
    before = snapshot()
    with pytest.raises(InvalidInput):
        cart.add(token, world.book_a1, 1)
    assert snapshot() == before


def test_going_past_999_in_two_adds_is_refused_whole(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 500)
    before = snapshot()
    with pytest.raises(InvalidInput):
        cart.add(token, world.book_a1, 500)
    assert snapshot() == before
    assert lines(token) == [(world.book_a1, 500)]


def test_the_cart_neither_checks_nor_holds_stock(world):
    sold_out = make_book(world.shop_a, price="5.00", stock=0)
    cart.add(world.alice.token, sold_out, 7)
    cart.add(world.alice.token, world.book_b1, 50)
    assert lines(world.alice.token) == [(world.book_b1, 50), (sold_out, 7)]
    assert stock(sold_out) == 0
    assert stock(world.book_b1) == 3


def test_remove_takes_the_whole_line_out(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 5)
    cart.add(token, world.book_a2, 1)
    cart.remove(token, world.book_a1)
    assert lines(token) == [(world.book_a2, 1)]


def test_removing_a_book_not_in_the_cart_changes_nothing(world):
    token = world.alice.token
    cart.add(token, world.book_a1, 2)
    before = snapshot()
    cart.remove(token, world.book_b1)
    cart.remove(token, 10**9)
    assert snapshot() == before


def test_each_buyer_has_a_cart_of_their_own(world):
    cart.add(world.alice.token, world.book_a1, 2)
    cart.add(world.bob.token, world.book_a1, 3)
    cart.remove(world.bob.token, world.book_a1)
    assert lines(world.alice.token) == [(world.book_a1, 2)]
    assert lines(world.bob.token) == []


def test_an_unknown_book_cannot_be_added(world):
    before = snapshot()
    with pytest.raises(NotFound):
        cart.add(world.alice.token, 10**9, 1)
    assert snapshot() == before


def test_cart_money_uses_the_buyers_vip_ratio(world):
    vip = make_buyer("vip", vip="0.5")
    cart.add(vip.token, world.book_b1, 3)
    cart.add(world.alice.token, world.book_b1, 3)
    assert cart.get(vip.token)[0].money == Decimal("13.20")
    assert cart.get(world.alice.token)[0].money == Decimal("26.40")
