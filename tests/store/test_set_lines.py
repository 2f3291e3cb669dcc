"""The shop editing an unpaid order's lines (seed 001 setinfo): stock, total, audit, versions."""

from decimal import Decimal

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import InvalidInput, InvalidState, OutOfStock, StaleOrder
from bookshop_gui.services import orders, shop

from .builders import make_book, order_in, snapshot, stock


def lines_of(world, order_id):
    order = orders.info(world.alice.token, order_id)
    return sorted((line.book_id, line.cnt, line.money) for line in order.lines), order.total


def test_more_copies_take_more_stock_and_fewer_give_it_back(world):
    order_id = orders.create(world.alice.token, world.book_a1, 3)
    assert stock(world.book_a1) == 7
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 5, "money": Decimal("45.00")}])
    assert stock(world.book_a1) == 5
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 1, "money": Decimal("9.99")}])
    assert stock(world.book_a1) == 9
    assert lines_of(world, order_id) == ([(world.book_a1, 1, Decimal("9.99"))], Decimal("31.99"))


def test_swapping_books_moves_both_stocks_and_recomputes_the_total(world):
    order_id = orders.create(world.alice.token, world.book_a1, 2)
    shop.set_lines(world.staff_a.token, order_id, [
        {"book_id": world.book_a2, "cnt": 4, "money": Decimal("100.00")},
        {"book_id": world.book_a1, "cnt": 1, "money": 12},
    ])
    assert (stock(world.book_a1), stock(world.book_a2)) == (9, 1)
    assert lines_of(world, order_id) == (
        sorted([(world.book_a1, 1, Decimal("12.00")), (world.book_a2, 4, Decimal("100.00"))]),
        Decimal("134.00"),
    )
    assert orders.submit(world.alice.token, order_id).amount == Decimal("134.00")
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a2, "cnt": 4, "money": Decimal("100.00")}])
    assert (stock(world.book_a1), stock(world.book_a2)) == (10, 1)


def test_a_line_may_be_priced_above_the_list_and_the_buyer_pays_that(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 1, "money": Decimal("50.00")}])
    orders.pay(world.alice.token, order_id)
    assert orders.info(world.alice.token, order_id).total == Decimal("72.00")
    assert orders.list(world.alice.token)[0].total == Decimal("72.00")


def test_each_edit_is_in_the_history_with_before_and_after(world):
    order_id = orders.create(world.alice.token, world.book_a1, 3)
    assert shop.history(world.staff_a.token, order_id) == []
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 2, "money": Decimal("18.00")}])
    (entry,) = shop.history(world.staff_a.token, order_id)
    assert (entry.username, entry.action) == ("clerk_a", "set_lines")
    assert entry.at is not None
    before, after = entry.detail["before"], entry.detail["after"]
    assert [(x["book_id"], x["cnt"], Decimal(x["money"])) for x in before] == [
        (world.book_a1, 3, Decimal("30.00"))
    ]
    assert [(x["book_id"], x["cnt"], Decimal(x["money"])) for x in after] == [
        (world.book_a1, 2, Decimal("18.00"))
    ]
    shop.cancel(world.staff_a.token, order_id)
    assert [e.action for e in shop.history(world.staff_a.token, order_id)] == [
        "set_lines", "cancel",
    ]


def test_the_payment_page_lists_staff_edits(world):
    order_id = orders.create(world.alice.token, world.book_a1, 3)
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 2, "money": Decimal("18.00")}])
    request = orders.submit(world.alice.token, order_id)
    assert request.amount == Decimal("40.00")
    assert [c.action for c in request.changes] == ["set_lines"]


@pytest.mark.parametrize("wanted", [s for s in OrderStatus if s != OrderStatus.PENDING_PAYMENT])
def test_only_an_unpaid_order_can_be_edited(world, wanted):
    order_id = order_in(world, wanted)
    before = snapshot()
    with pytest.raises(InvalidState):
        shop.set_lines(world.staff_a.token, order_id,
                       [{"book_id": world.book_a1, "cnt": 1, "money": 1}])
    assert snapshot() == before


def test_an_edit_from_an_old_version_is_refused_as_stale(world):
    order_id = orders.create(world.alice.token, world.book_a1, 3)
    loaded = shop.get_order(world.staff_a.token, order_id).version
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 2, "money": 20}], expected_version=loaded)
    before = snapshot()
    with pytest.raises(StaleOrder):
        shop.set_lines(world.staff_a.token, order_id,
                       [{"book_id": world.book_a1, "cnt": 9, "money": 90}],
                       expected_version=loaded)
    assert snapshot() == before
    current = shop.get_order(world.staff_a.token, order_id).version
    assert current > loaded
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 9, "money": 90}], expected_version=current)
    assert stock(world.book_a1) == 1


def test_an_edit_needing_more_stock_than_there_is_changes_nothing(world):
    order_id = orders.create(world.alice.token, world.book_b1, 1)
    before = snapshot()
    with pytest.raises(OutOfStock) as caught:
        shop.set_lines(world.staff_b.token, order_id,
                       [{"book_id": world.book_b1, "cnt": 4, "money": 30}])
    assert caught.value.book_ids == (world.book_b1,)
    assert snapshot() == before


def test_an_order_holds_only_the_shops_own_books(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    before = snapshot()
    with pytest.raises(InvalidInput):
        shop.set_lines(world.staff_a.token, order_id,
                       [{"book_id": world.book_b1, "cnt": 1, "money": 5}])
    assert snapshot() == before


@pytest.mark.parametrize("lines", [
    [],
    None,
    "book",
    [{"book_id": 1, "cnt": 1}],
    [{"cnt": 1, "money": 1}],
    ["not a line"],
])
def test_malformed_line_lists_are_refused(world, lines):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    before = snapshot()
    with pytest.raises(InvalidInput):
        shop.set_lines(world.staff_a.token, order_id, lines)
    assert snapshot() == before


def test_the_same_book_twice_is_refused(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    before = snapshot()
    with pytest.raises(InvalidInput):
        shop.set_lines(world.staff_a.token, order_id, [
            {"book_id": world.book_a1, "cnt": 1, "money": 5},
            {"book_id": world.book_a1, "cnt": 2, "money": 5},
        ])
    assert snapshot() == before


def test_a_new_book_on_the_order_keeps_its_title_and_price(world):
    new = make_book(world.shop_a, price="7.00", stock=2, title="Camel Xiangzi")
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    shop.set_lines(world.staff_a.token, order_id, [{"book_id": new, "cnt": 2, "money": 13}])
    (line,) = orders.info(world.alice.token, order_id).lines
    assert (line.book_id, line.name, line.unit_price, line.cnt, line.money) == (
        new, "Camel Xiangzi", Decimal("7.00"), 2, Decimal("13.00"),
    )
    assert stock(new) == 0 and stock(world.book_a1) == 10


def test_the_editor_reads_the_saved_order_and_its_history_in_one_call(world):
    order_id = orders.create(world.alice.token, world.book_a1, 2)
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 1, "money": Decimal("8.00")}])
    order, entries = shop.order_with_history(world.staff_a.token, order_id)
    assert order == shop.get_order(world.staff_a.token, order_id)
    assert order.total == Decimal("30.00") and [line.cnt for line in order.lines] == [1]
    assert entries == shop.history(world.staff_a.token, order_id)
    assert [(e.username, e.action) for e in entries] == [(world.staff_a.username, "set_lines")]
