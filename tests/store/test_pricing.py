"""Pricing (seed 001): VIP ratio, half-up rounding once per line, shipping once per order."""

import itertools
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookshop_gui import domain
from bookshop_gui.services import cart, orders
from bookshop_gui.services import settings as shop_settings

from .builders import make_book, make_buyer, make_person, make_shop, set_price


def test_line_money_applies_the_vip_ratio_and_rounds_half_up():
    assert domain.line_money(Decimal("10.05"), 3, Decimal("0.85")) == Decimal("25.63")
    # Exactly half a cent goes up, not to the even cent.
    assert domain.line_money(Decimal("0.10"), 1, Decimal("0.25")) == Decimal("0.03")
    assert domain.line_money(Decimal("1.10"), 1, Decimal("0.95")) == Decimal("1.05")
    assert domain.line_money(Decimal("19.99"), 999, Decimal("1")) == Decimal("19970.01")


def test_a_line_is_rounded_once_not_copy_by_copy():
    # 3 × 0.025 = 0.075 → 0.08; rounding each copy first would give 0.09.
    assert domain.line_money(Decimal("0.10"), 3, Decimal("0.25")) == Decimal("0.08")


def test_order_total_adds_the_shipping_once():
    total = domain.order_total([Decimal("0.08"), Decimal("25.63")], Decimal("22.00"))
    assert total == Decimal("47.71")
    assert str(total) == "47.71"


def test_a_direct_order_charges_vip_price_plus_shipping(world, database):
    vip = make_buyer("vip", balance="100.00", vip="0.85")
    book = make_book(world.shop_a, price="10.05", stock=5)
    order = orders.info(vip.token, orders.create(vip.token, book, 3))
    assert [(line.cnt, line.unit_price, line.money) for line in order.lines] == [
        (3, Decimal("10.05"), Decimal("25.63"))
    ]
    assert order.shipping == Decimal("22.00")
    assert order.total == Decimal("47.63")
    assert orders.submit(vip.token, order.id).amount == Decimal("47.63")


def test_half_cent_lines_round_up_in_a_stored_order(world, database):
    quarter = make_buyer("quarter", vip="0.25")
    book = make_book(world.shop_a, price="0.10", stock=5)
    order = orders.info(quarter.token, orders.create(quarter.token, book, 3))
    assert order.lines[0].money == Decimal("0.08")
    assert order.total == Decimal("22.08")


def test_cart_shows_vip_money_per_line(world, database):
    vip = make_buyer("vip", vip="0.9")
    cart.add(vip.token, world.book_a2, 3)
    (line,) = cart.get(vip.token)
    assert (line.unit_price, line.cnt, line.money) == (Decimal("25.50"), 3, Decimal("68.85"))


def test_shipping_is_charged_once_per_order_one_per_shop(world, database):
    token = world.alice.token
    cart.add(token, world.book_a1, 2)
    cart.add(token, world.book_a2, 1)
    cart.add(token, world.book_b1, 1)
    ids = orders.create_from_cart(token, [world.book_a1, world.book_a2, world.book_b1])
    totals = {orders.info(token, i).shop_id: orders.info(token, i).total for i in ids}
    assert totals == {world.shop_a: Decimal("67.50"), world.shop_b: Decimal("30.80")}


def test_the_shipping_fee_is_a_setting_and_orders_keep_theirs(world, database):
    admin = make_person("boss", "admin")
    before = orders.create(world.alice.token, world.book_a1, 1)
    assert shop_settings.shipping_fee() == Decimal("22.00")
    shop_settings.set_shipping_fee(admin.token, Decimal("15.50"))
    assert shop_settings.shipping_fee() == Decimal("15.50")
    after = orders.create(world.alice.token, world.book_a1, 1)
    assert orders.info(world.alice.token, after).total == Decimal("25.50")
    assert orders.info(world.alice.token, after).shipping == Decimal("15.50")
    assert orders.info(world.alice.token, before).total == Decimal("32.00")
    shop_settings.set_shipping_fee(admin.token, 0)
    free = orders.create(world.alice.token, world.book_a1, 1)
    assert orders.info(world.alice.token, free).total == Decimal("10.00")


def test_an_order_keeps_its_prices_when_the_catalog_changes(world, database):
    order_id = orders.create(world.alice.token, world.book_a2, 2)
    set_price(world.book_a2, "99.99")
    order = orders.info(world.alice.token, order_id)
    assert order.lines[0].unit_price == Decimal("25.50")
    assert order.total == Decimal("73.00")
    assert orders.list(world.alice.token)[0].total == Decimal("73.00")


# -- properties ---------------------------------------------------------------

prices = st.integers(min_value=0, max_value=10_000_00).map(lambda c: Decimal(c).scaleb(-2))
counts = st.integers(min_value=1, max_value=999)
ratios = st.integers(min_value=1, max_value=10_000).map(lambda r: Decimal(r).scaleb(-4))


_examples = itertools.count()


def by_hand(price: Decimal, cnt: int, ratio: Decimal) -> Decimal:
    """The line money in whole integers: cents × count × ratio in 1/10000, half-up."""
    cents = int(price * 100)
    parts = int(ratio * 10_000)
    exact = cents * cnt * parts  # in 1/1_000_000 of a unit
    rounded_cents = (exact + 5_000) // 10_000
    return Decimal(rounded_cents).scaleb(-2)


@settings(max_examples=150, deadline=None)
@given(price=prices, cnt=counts, ratio=ratios)
def test_line_money_matches_whole_number_arithmetic(price, cnt, ratio):
    money = domain.line_money(price, cnt, ratio)
    assert money == by_hand(price, cnt, ratio)
    assert money.as_tuple().exponent == -2


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(st.tuples(prices, counts), min_size=1, max_size=8), ratio=ratios,
       shipping=prices)
def test_order_total_is_exact_to_the_cent(lines, ratio, shipping):
    moneys = [domain.line_money(price, cnt, ratio) for price, cnt in lines]
    total = domain.order_total(moneys, shipping)
    assert total == sum((by_hand(p, c, ratio) for p, c in lines), Decimal(0)) + shipping
    assert total.as_tuple().exponent == -2


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(price=prices, cnt=counts, ratio=ratios)
def test_a_stored_order_totals_exactly_the_formula(sqlite_database, price, cnt, ratio):
    n = next(_examples)
    buyer = make_buyer(f"buyer{n}", vip=str(ratio))
    book = make_book(make_shop(f"Shop {n}"), price=str(price), stock=cnt)
    order = orders.info(buyer.token, orders.create(buyer.token, book, cnt))
    assert order.lines[0].money == by_hand(price, cnt, ratio)
    assert order.total == by_hand(price, cnt, ratio) + Decimal("22.00")
    assert str(order.total) == f"{order.total:.2f}"
