"""A buyer's balance history in the members pane: every movement with the balance it
left, older pages on demand, and the whole of it exported as CSV."""

from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.services import accounts, catalog, ledger, orders
from bookshop_gui.ui import dialogs
from bookshop_gui.ui.merchant import ledger_view
from bookshop_gui.ui.merchant.ledger_model import LedgerModel
from bookshop_gui.ui.merchant.window import MerchantWindow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def pane(qtbot, staff_session, buyer_session, tasks, dialog_script):
    """The members pane with reader chosen, after a top-up at the counter and a paid order."""
    window = MerchantWindow(staff_session, tasks)
    window.show()
    pane = window.show_pane("members")
    pane.select("reader")
    qtbot.keyClicks(pane.amount, "50")
    dialog_script.answers = [True]
    qtbot.mouseClick(pane.top_up_button, LEFT)
    order_id = orders.create(buyer_session.token, catalog.search("Emma")[0].id, 1)
    orders.pay(buyer_session.token, order_id)
    pane.order_id = order_id
    yield pane
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def rows(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_history_shows_each_movement_and_the_balance_it_left(qtbot, pane):
    """…and nothing once no buyer is chosen."""
    pane.ledger.show_buyer("reader")  # reopened after the buyer paid at a kiosk
    table = rows(pane.ledger.model)
    assert [row[1:] for row in table] == [
        ["Payment", "-¥30.54", f"#{pane.order_id}", "reader", "¥519.46"],  # their own
        ["Top-up", "¥50.00", "", "lakeside", "¥550.00"],
        ["Opening balance", "¥500.00", "", "", "¥500.00"],
    ]
    assert not pane.ledger.more_button.isEnabled()  # one page holds it all
    assert pane.ledger.table.isVisible() and not pane.ledger.empty.isVisible()
    pane.table.clearSelection()
    assert pane.ledger.model.rowCount() == 0
    assert not pane.ledger.export_button.isEnabled()
    assert not pane.ledger.table.isVisible()  # says what to do instead of an empty table
    assert pane.ledger.empty.text() == "Choose a buyer above to see every change to their balance."


def test_a_buyer_whose_balance_never_changed_is_told_apart(qtbot, pane):
    accounts.create_user("walkin", "walkin", "buyer")
    pane.ledger.show_buyer("walkin")
    assert pane.ledger.model.rowCount() == 0
    assert pane.ledger.empty.isVisible()
    assert pane.ledger.empty.text() == "No change to this buyer's balance yet."


def test_older_entries_come_a_page_at_a_time(qtbot, pane, monkeypatch):
    monkeypatch.setattr(ledger_view, "PAGE", 2)
    pane.ledger.show_buyer("reader")
    assert pane.ledger.model.rowCount() == 2
    assert pane.ledger.more_button.isEnabled()
    qtbot.mouseClick(pane.ledger.more_button, LEFT)
    assert [row[1] for row in rows(pane.ledger.model)] == ["Payment", "Top-up", "Opening balance"]
    assert not pane.ledger.more_button.isEnabled()


def test_the_history_is_exported_as_csv(qtbot, pane, monkeypatch, tmp_path):
    target = tmp_path / "reader.csv"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *args: str(target))
    qtbot.mouseClick(pane.ledger.export_button, LEFT)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "date,reason,amount,order,by,balance"
    assert [line.split(",")[1:] for line in lines[1:]] == [
        ["payment", "-30.54", str(pane.order_id), "reader", "519.46"],
        ["top_up", "50.00", "", "lakeside", "550.00"],
        ["opening", "500.00", "", "", "500.00"],
    ]
    assert "Saved 3 balance entr" in pane.window().statusBar().currentMessage()


def test_the_ledger_model_passes_the_model_tester(qtmodeltester, staff_session, buyer_session):
    """…also while an older page is added below (the tester watches the rows inserted)."""
    model = LedgerModel()
    qtmodeltester.check(model)
    model.add_rows(ledger.statement(staff_session.token, "reader"))
    assert model.rowCount() == 1 and model.index(0, 5).data() == "¥500.00"
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert Decimal("500") == model.rows[0].balance_after
    qtmodeltester.check(model)


def test_an_older_page_takes_its_place_in_a_sorted_table(qtbot, pane):
    model = LedgerModel()
    newest, *older = ledger.statement(pane.session.token, "reader")
    model.set_rows([newest])
    model.sort(2, Qt.SortOrder.DescendingOrder)  # by amount, the largest first
    model.add_rows(older)
    assert [row[2] for row in rows(model)] == ["¥500.00", "¥50.00", "-¥30.54"]
