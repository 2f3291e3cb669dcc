"""Selecting all of a tab of thousands of orders: counted at once, no page read for it.

Ctrl+A on a tab of 3,000 orders must not read the tab's pages (nor hold them):
the pane counts the selection from its ranges, and Ship or Cancel on it say to
select at most a batch of orders, changing nothing. A batch within the cap goes
to the service as one call and every order in it changes exactly once.
"""

from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView

from bookshop_gui import domain
from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import User
from bookshop_gui.services import shop
from bookshop_gui.ui.merchant import orders_model

from .conftest import BUSY_ORDERS

ORDERS = BUSY_ORDERS
CAP_TEXT = "Select at most 500 orders at a time."


@pytest.fixture
def pane(busy_pane):
    return busy_pane


@pytest.fixture
def reads(monkeypatch):
    """Every page the pane reads from the service, by its offset or keyset anchor."""
    calls = []
    for name in ("order_rows", "first_page", "list_orders", "get_order"):
        real = getattr(shop, name)
        monkeypatch.setattr(shop, name, lambda *a, _real=real, _name=name, **k: (
            calls.append(_name), _real(*a, **k))[1])
    return calls


def statuses(token) -> dict[OrderStatus, int]:
    return shop.status_counts(token)


def show(qtbot, pane, row: int):
    """Scroll `row` to the top and wait for its page and the reads it asked for."""
    pane.table.scrollTo(pane.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: pane.model.order_at(row + 10) is not None)
    settle(qtbot, pane)


def settle(qtbot, pane):
    """Let the reads asked for by paints run, then every one of them land."""
    qtbot.waitUntil(lambda: not pane.model._later.isActive() and not pane.model._reading)


def test_select_all_on_a_big_tab_reads_no_page_and_ship_or_cancel_say_to_select_fewer(
        qtbot, pane, reads, dialog_script):
    model, token = pane.model, pane.session.token
    before = statuses(token)
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.count_label.text() == f"{ORDERS} selected")
    assert pane.window().statusBar().currentMessage() == CAP_TEXT
    settle(qtbot, pane)
    assert pane.selected_count() == ORDERS
    assert reads == []  # the selection is counted from its one range
    assert model.rows.held == set()
    assert len(model.rows) <= orders_model.HELD_PAGES * orders_model.PAGE
    assert pane.ship_button.isEnabled() and pane.cancel_button.isEnabled()
    assert pane.ship_selected() is None
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _, _ in dialog_script.shown] == ["warn", "warn"]
    assert all(text == f"{ORDERS} orders are selected. {CAP_TEXT}"
               for _, _, text in dialog_script.shown)
    assert statuses(token) == before
    polled = []
    model.poll(range(0, 20), done=lambda: polled.append(True))  # a change notice meanwhile
    qtbot.waitUntil(lambda: bool(polled))
    assert reads.count("order_rows") == 0  # the first page, with the counts, and nothing held
    assert pane.selected_count() == ORDERS


def test_a_shift_click_range_over_far_pages_reads_none_of_them(qtbot, pane, reads):
    model = pane.model
    pane.table.selectRow(3)
    show(qtbot, pane, 2900)
    on_screen = len(reads)
    assert on_screen <= 2  # the pages in view now
    pane.table.selectionModel().select(
        QItemSelection(model.index(3, 0), model.index(2910, 0)),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.waitUntil(lambda: pane.count_label.text() == "2908 selected")
    settle(qtbot, pane)
    assert len(reads) == on_screen
    assert len(model.rows) <= orders_model.HELD_PAGES * orders_model.PAGE


def test_a_full_batch_is_cancelled_in_one_call_each_order_exactly_once(
        qtbot, pane, dialog_script, monkeypatch):
    model, token = pane.model, pane.session.token
    monkeypatch.setattr(domain, "MAX_BATCH", 150)  # the newest orders: unpaid, paid and older
    batches = []
    cancel_many = shop.cancel_many
    monkeypatch.setattr(shop, "cancel_many", lambda t, ids, **k: (
        batches.append((list(ids), k["request_id"])), cancel_many(t, ids, **k))[1])
    pane.table.selectionModel().select(
        QItemSelection(model.index(0, 0), model.index(149, 0)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.waitUntil(lambda: pane.count_label.text() == "150 selected")
    assert len(model.rows.held) == 2
    before = {i: shop.get_order(token, i) for i in (o.id for o in pane.selected_orders())}
    assert len(before) == 150
    cancellable = {i for i, o in before.items() if o.status in (OrderStatus.PENDING_PAYMENT,
                                                                OrderStatus.PENDING_SHIPMENT)}
    refund = sum((o.total for o in before.values() if o.status == OrderStatus.PENDING_SHIPMENT),
                 Decimal("0.00"))
    assert cancellable and refund and len(cancellable) < 150
    balances = sum((u.balance for u in User.select()), Decimal("0.00"))
    dialog_script.answers = [True]
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(batches))
    question = dialog_script.shown[0][2]
    assert f" and {len(cancellable) - 10} more?" in question and question.count("#") == 10
    [(ids, request_id)] = batches  # every chosen order that may be cancelled, in one call
    assert set(ids) == cancellable and request_id
    after = {i: shop.get_order(token, i).status for i in before}
    assert {i for i, status in after.items() if status == OrderStatus.CANCELLED} == (
        cancellable | {i for i, o in before.items() if o.status == OrderStatus.CANCELLED})
    assert all(after[i] == o.status for i, o in before.items() if i not in cancellable)
    assert sum((u.balance for u in User.select()), Decimal("0.00")) == balances + refund
    cancel_many(token, ids, request_id=request_id)  # the reply lost, the same batch sent again
    assert sum((u.balance for u in User.select()), Decimal("0.00")) == balances + refund


def test_ship_and_cancel_wait_for_every_selected_order_to_be_read(qtbot, pane):
    model = pane.model
    for row in (1200, 1600, 2000, 2400, 2800, 0):  # back at the top, the pages below let go
        show(qtbot, pane, row)
    assert model.order_at(0).status == OrderStatus.PENDING_PAYMENT
    assert model.order_at(300) is None
    pane.table.selectionModel().select(
        QItemSelection(model.index(0, 0), model.index(350, 0)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert not pane.cancel_button.isEnabled()  # the orders on screen may be, the rest not read
    qtbot.waitUntil(lambda: pane.count_label.text() == "351 selected")
    assert pane.cancel_button.isEnabled() and pane.ship_button.isEnabled()
