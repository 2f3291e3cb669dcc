"""The orders pane over thousands of orders: the scrollbar covers them all, a few pages are held.

A shop with 3,000 orders is scrolled down, dragged to the middle and back to
the top; every row on screen must be the order the service lists at that
place, however many times its page was let go and read again, and the model
must never hold more than its bound of rows.
"""

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView

from bookshop_gui.admin import bulk
from bookshop_gui.services import auth, catalog, orders, shop
from bookshop_gui.ui.merchant import orders_model
from bookshop_gui.ui.merchant.orders_model import OrdersModel

from .conftest import BUSY_ORDERS

ORDERS = BUSY_ORDERS


@pytest.fixture
def pane(busy_pane):
    return busy_pane


def every_order(token) -> list[int]:
    """The tab's orders as the service lists them, a keyset page after another."""
    ids: list[int] = []
    while page := shop.order_rows(token, after=ids[-1] if ids else None, limit=500):
        ids += [order.id for order in page]
    return ids


def on_screen(pane) -> range:
    table = pane.table
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    return range(first, (last if last >= 0 else pane.model.rowCount() - 1) + 1)


def show_row(qtbot, pane, row: int) -> range:
    """Scroll `row` to the top and wait for every row on screen to be read."""
    model = pane.model
    pane.table.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: all(model.order_at(r) is not None for r in on_screen(pane)))
    return on_screen(pane)


def held_at_most(model) -> int:
    return (orders_model.HELD_PAGES + len(model.rows.held)) * orders_model.PAGE


def test_rows_on_screen_are_the_right_orders_after_pages_are_let_go_and_read_again(
        qtbot, pane, busy_shop, monkeypatch):
    expected = every_order(busy_shop.token)
    model = pane.model
    reads = []
    order_rows = shop.order_rows
    monkeypatch.setattr(shop, "order_rows", lambda *a, **k: reads.append(k) or order_rows(*a, **k))
    assert model.rowCount() == len(expected) == ORDERS
    for row in (1777, *range(0, ORDERS, 130), ORDERS - 1, 0, 1000, 40):  # a drag, down, back
        rows = show_row(qtbot, pane, row)
        assert len(rows) > 10
        assert [model.index(r, 0).data() for r in rows] == [f"#{expected[r]}" for r in rows]
        assert [model.order_at(r).id for r in rows] == [expected[r] for r in rows]
        assert len(model.rows) <= held_at_most(model)
    assert {model.row_of(order_id) for order_id in expected} - {-1} == {
        row for row in range(ORDERS) if model.order_at(row) is not None}
    dragged = [k for k in reads if k["offset"]]
    assert 0 < len(dragged) < 5  # only where the scrollbar jumped: the rest walk on by keyset
    assert len(reads) > ORDERS // orders_model.PAGE


def test_a_selection_and_the_place_in_view_survive_new_orders_arriving_above(
        qtbot, pane, busy_shop):
    model = pane.model
    rows = show_row(qtbot, pane, 2000)
    chosen = model.order_at(rows[3]).id
    top = model.order_at(rows[0]).id
    pane.table.selectRow(rows[3])
    buyer = auth.login("reader01", bulk.DEFAULT_PASSWORD)
    book = next(b for b in catalog.search("", limit=50) if b.stock > 0)
    placed = [orders.create(buyer.token, book.id, 1) for _ in range(2)]
    pane.window().watcher.poll()  # the change log, read every few seconds
    qtbot.waitUntil(lambda: model.rowCount() == ORDERS + 2)
    assert model.row_of(chosen) == rows[3] + 2
    assert [o.id for o in pane.selected_orders()] == [chosen]
    assert model.order_at(on_screen(pane)[0]).id == top
    show_row(qtbot, pane, 0)
    assert [model.order_at(row).id for row in (0, 1)] == placed[::-1]


def test_selected_orders_stay_held_while_the_view_scrolls_far_away(qtbot, pane):
    model = pane.model
    rows = show_row(qtbot, pane, 0)
    chosen = [model.order_at(row).id for row in rows[2:5]]
    selection = pane.table.selectionModel()
    for row in rows[2:5]:
        selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    for row in range(200, ORDERS, 400):
        show_row(qtbot, pane, row)
    assert [o.id for o in pane.selected_orders()] == chosen
    assert pane.count_label.text() == "3 selected"
    assert len(model.rows) <= held_at_most(model) == (orders_model.HELD_PAGES + 1) * 100


def test_a_range_selected_over_pages_never_read_is_read_for_the_selection(
        qtbot, pane, busy_shop):
    expected = every_order(busy_shop.token)
    model = pane.model
    show_row(qtbot, pane, 1200)
    assert model.order_at(300) is None
    rows = QItemSelection(model.index(100, 0), model.index(450, 0))
    pane.table.selectionModel().select(rows, QItemSelectionModel.SelectionFlag.Select
                                       | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.waitUntil(lambda: pane.count_label.text() == "351 selected")
    assert [o.id for o in pane.selected_orders()] == expected[100:451]


def test_the_model_tester_follows_reads_evictions_counts_and_merges(
        qtbot, qtmodeltester, busy_shop, tasks, monkeypatch):
    monkeypatch.setattr(orders_model, "PAGE", 20)
    monkeypatch.setattr(orders_model, "HELD_PAGES", 4)  # two places in view, a page ahead of each
    model = OrdersModel(busy_shop, tasks)
    qtmodeltester.check(model)  # stays connected: every signal below is checked too
    model.reload(search="reader01")  # a few hundred rows: the tester walks every one each time
    total = shop.count_orders(busy_shop.token, search="reader01")
    assert model.rowCount() == total > 100
    for row in (45, total - 1, 61, 0):
        # asked again and again, as a view repaints, while the tester reads row 0 each time
        qtbot.waitUntil(lambda row=row: model.index(row, 0).data() != orders_model.PLACEHOLDER)
        assert len(model.rows) <= 4 * 20
    polled = []
    model.poll(done=lambda: polled.append(True))
    qtbot.waitUntil(lambda: bool(polled))
    model.reload(status=0, search="reader01")
    qtmodeltester.check(model)
