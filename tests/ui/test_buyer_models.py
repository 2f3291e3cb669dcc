"""The buyer window's Qt models, checked by qtmodeltester and by what they hold."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from bookshop_gui.services import auth, cart, catalog, orders
from bookshop_gui.ui.buyer import orders_model
from bookshop_gui.ui.buyer.cart_model import (
    COL_BOOK,
    COL_CHOOSE,
    COL_COUNT,
    COL_MONEY,
    COL_SHOP,
    PROBLEM,
    CartModel,
)
from bookshop_gui.ui.buyer.catalog_model import BOOK_ROLE, PAGE, CatalogModel
from bookshop_gui.ui.buyer.order_lines_model import OrderLinesModel
from bookshop_gui.ui.buyer.orders_model import OrdersModel

VIP = Decimal("0.95")


@pytest.fixture
def reader(demo_shop):
    return auth.login("reader", "reader")


def add_books(count: int):
    staff = auth.login("lakeside", "lakeside")
    for number in range(count):
        catalog.add_book(staff.token, title=f"Volume {number}", price=Decimal("5.00"), stock=3)


def test_catalog_model_passes_the_model_tester(qtmodeltester, demo_shop, tasks):
    model = CatalogModel(tasks, VIP)
    model.search("")
    qtmodeltester.check(model)
    assert model.rowCount() == 34


def test_catalog_loads_a_page_at_a_time(qtmodeltester, demo_shop, tasks):
    add_books(120)
    model = CatalogModel(tasks, VIP)
    model.search("Volume")
    assert model.rowCount() == PAGE
    assert model.total == 120
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    model.fetchMore()
    assert model.rowCount() == 120
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_catalog_drops_results_of_an_older_search(demo_shop, tasks):
    model = CatalogModel(tasks, VIP)
    model.search("Austen")
    stale = model._generation
    model.search("Dickens")
    model._arrived(stale, 0, catalog.search("Austen"))
    assert {model.book(r).author for r in range(model.rowCount())} == {"Charles Dickens"}


def test_catalog_rows_carry_the_book_and_vip_price(demo_shop, tasks):
    model = CatalogModel(tasks, VIP)
    model.search("Moby")
    index = model.index(0)
    assert index.data() == "Moby-Dick"
    assert index.data(BOOK_ROLE).price == Decimal("14.50")
    assert model.vip_price(index.data(BOOK_ROLE)) == Decimal("13.78")


def test_cart_model(qtmodeltester, reader):
    for title in ("Emma", "Dracula", "西游记"):
        cart.add(reader.token, catalog.search(title)[0].id, 1)
    model = CartModel(VIP)
    model.set_lines(cart.get(reader.token))
    qtmodeltester.check(model)
    assert len(model.chosen_lines()) == 3
    assert len(model.shop_totals()) == 2
    row = next(r for r, line in enumerate(model.lines()) if line.title == "Dracula")
    assert model.setData(model.index(row, COL_COUNT), 4)
    assert model.index(row, COL_MONEY).data() == "¥37.96"
    assert not model.setData(model.index(row, COL_COUNT), 1000)
    model.choose_all(False)
    assert model.grand_total() == Decimal(0)


def test_cart_model_shows_its_lines_as_before(qtmodeltester, reader):
    staff = auth.login("lakeside", "lakeside")
    scarce = catalog.add_book(staff.token, title="Scarce", author="A. Writer",
                              price=Decimal("10.00"), stock=1)
    cart.add(reader.token, scarce, 3)
    model = CartModel(VIP)
    model.set_lines(cart.get(reader.token))
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Order", "Book", "Shop", "Your price", "Quantity", "Money", ""]
    assert [model.index(0, c).data() for c in range(7)] == [
        None, "Scarce\nA. Writer", "Lakeside Books", "¥9.50", None, "¥28.50", None]
    assert model.index(0, COL_CHOOSE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, COL_BOOK).data(Qt.ItemDataRole.ToolTipRole) == "Only 1 in stock"
    assert model.index(0, COL_COUNT).data(Qt.ItemDataRole.EditRole) == 3
    right = model.index(0, COL_MONEY).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight
    assert model.index(0, COL_BOOK).data(Qt.ItemDataRole.BackgroundRole) is None
    model.mark_short([scarce])
    assert model.index(0, COL_SHOP).data(Qt.ItemDataRole.BackgroundRole) == PROBLEM
    qtmodeltester.check(model)


def test_cart_model_keeps_choices_over_a_reload(reader):
    for title in ("Emma", "Dracula"):
        cart.add(reader.token, catalog.search(title)[0].id, 1)
    model = CartModel(VIP)
    model.set_lines(cart.get(reader.token))
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    kept = {line.book_id for line in model.chosen_lines()}
    cart.add(reader.token, catalog.search("Moby")[0].id, 1)
    model.set_lines(cart.get(reader.token))
    chosen = {line.title for line in model.chosen_lines()}
    assert kept < {line.book_id for line in model.chosen_lines()}
    assert "Moby-Dick" in chosen and len(chosen) == 2


def test_orders_model(qtmodeltester, reader, tasks):
    for title in ("Emma", "红楼梦"):
        orders.create(reader.token, catalog.search(title)[0].id, 1)
    model = OrdersModel(tasks, reader.token)
    model.show_status(None)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, 2).data() == "墨香书店"
    assert model.index(0, 4).data() == "Pending payment"
    assert model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert not model.index(0, 1).data(Qt.ItemDataRole.DecorationRole).isNull()  # the cover


def test_the_orders_model_loads_older_orders_a_page_at_a_time(
        qtmodeltester, reader, tasks, monkeypatch):
    monkeypatch.setattr(orders_model, "PAGE", 2)
    for title in ("Emma", "红楼梦", "Dracula"):
        orders.create(reader.token, catalog.search(title)[0].id, 1)
    model = OrdersModel(tasks, reader.token)
    model.show_status(None)
    assert model.rowCount() == 2 and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    newest_first = [order.id for order in orders.list(reader.token, None)]
    assert [model.order(row).id for row in range(model.rowCount())] == newest_first
    qtmodeltester.check(model)


def test_order_lines_model(qtmodeltester, reader):
    for title in ("Emma", "Dracula"):
        cart.add(reader.token, catalog.search(title)[0].id, 2)
    order_id = orders.create_from_cart(reader.token, [line.book_id for line in
                                                      cart.get(reader.token)])[0]
    model = OrderLinesModel()
    model.set_rows(orders.info(reader.token, order_id).lines)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert not model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()  # the cover
    assert model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None
    assert [model.index(r, 3).data() for r in range(2)] in (
        ["¥17.08", "¥18.98"], ["¥18.98", "¥17.08"])


def test_emitting_signals_does_not_wear_out_true(tasks):
    """A kiosk emits millions of signals a day; none may cost `True` a reference.

    PySide6 6.12.0 does (and aborts the program once `True` is freed), which
    is why pyproject.toml keeps it out.
    """
    import sys

    before = sys.getrefcount(True)
    for _ in range(2000):
        tasks.busy_changed.emit(False)
    assert sys.getrefcount(True) >= before
