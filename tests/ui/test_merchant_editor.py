"""The order editor as staff use it: edit lines, see the total, save, and never overwrite."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import catalog, orders, shop
from bookshop_gui.ui import dialogs
from bookshop_gui.ui.columns import LEFT, RIGHT
from bookshop_gui.ui.merchant import packing_slip
from bookshop_gui.ui.merchant.order_lines_model import (
    BAD_BACKGROUND,
    COL_BOOK,
    COL_COUNT,
    COL_MONEY,
    OrderLinesModel,
)
from bookshop_gui.ui.merchant.problem_delegate import PROBLEM

from .live_helpers import book_id


@pytest.fixture
def window(staff_window, dialog_script):
    yield staff_window
    # Leaving the test with edits open: say yes to throwing them away.
    dialog_script.answers[:] = [True] * len(staff_window.panes["orders"].unsaved_editors())


def open_editor(window, order_id):
    pane = window.show_pane("orders")
    pane.reload()
    pane.select_order(order_id)
    pane.table.doubleClicked.emit(pane.model.index(pane.model.row_of(order_id), 0))
    editor = pane.editors[order_id]
    assert editor.isVisible()
    return editor


def type_into(qtbot, editor, row, column, text):
    """Double-click a cell, type over it and press Enter, as staff would."""
    table = editor.table
    index = editor.lines.index(row, column)
    table.setCurrentIndex(index)
    if table.state() != table.State.EditingState:
        table.edit(index)
    fields = [f for f in table.viewport().findChildren(QLineEdit) if f.isVisible()]
    assert len(fields) == 1, "the cell did not open for editing"
    field = fields[0]
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_editing_quantity_and_line_money_updates_the_total(qtbot, window, unpaid):
    editor = open_editor(window, unpaid)
    assert editor.total_label.text() == "Total ¥39.08"
    assert not editor.save_button.isEnabled()
    type_into(qtbot, editor, 0, COL_COUNT, "3")
    assert editor.lines.index(0, COL_MONEY).data() == "¥25.62"  # the line's own price per copy
    assert editor.total_label.text() == "Total ¥47.62"
    type_into(qtbot, editor, 0, COL_MONEY, "20.00")
    assert editor.items_label.text() == "Items ¥20.00"
    assert editor.total_label.text() == "Total ¥42.00"
    assert editor.save_button.isEnabled()


def frame_colours(editor, row, column) -> set[str]:
    """The colours along the left edge of a cell, as the screen shows it."""
    rect = editor.table.visualRect(editor.lines.index(row, column))
    picture = editor.table.viewport().grab().toImage()
    return {picture.pixelColor(rect.left() + dx, rect.center().y()).name() for dx in range(4)}


def pick(qtbot, editor, row, column):
    """Click a cell, as staff would."""
    rect = editor.table.visualRect(editor.lines.index(row, column))
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_picks_the_one_cell_that_typing_changes(qtbot, window, unpaid):
    editor = open_editor(window, unpaid)
    pick(qtbot, editor, 0, COL_MONEY)
    picked = editor.table.selectionModel().selectedIndexes()
    assert [(index.row(), index.column()) for index in picked] == [(0, COL_MONEY)]


def test_a_wrong_value_stays_red_in_the_selected_cell(qtbot, window, unpaid):
    editor = open_editor(window, unpaid)
    type_into(qtbot, editor, 0, COL_COUNT, "1000")  # Enter leaves the cell picked
    assert editor.table.selectionModel().isSelected(editor.lines.index(0, COL_COUNT))
    assert PROBLEM.name() in frame_colours(editor, 0, COL_COUNT)
    assert PROBLEM.name() not in frame_colours(editor, 0, COL_MONEY)
    type_into(qtbot, editor, 0, COL_COUNT, "2")
    assert editor.table.selectionModel().isSelected(editor.lines.index(0, COL_COUNT))
    assert PROBLEM.name() not in frame_colours(editor, 0, COL_COUNT)


def test_the_lines_show_as_before(window, unpaid):
    lines = open_editor(window, unpaid).lines
    assert [lines.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Book", "Unit price", "Quantity", "Line money"]
    assert [lines.index(0, c).data() for c in range(4)] == ["Emma", "¥8.99", "2", "¥17.08"]
    assert [lines.index(0, c).data(Qt.ItemDataRole.TextAlignmentRole) for c in range(4)] == [
        RIGHT if c else LEFT for c in range(4)]
    assert lines.index(0, COL_MONEY).data(Qt.ItemDataRole.EditRole) == "17.08"
    assert lines.index(0, COL_MONEY).data(Qt.ItemDataRole.ToolTipRole) is None


def test_invalid_values_are_marked_in_place_and_cannot_be_saved(qtbot, window, unpaid):
    editor = open_editor(window, unpaid)
    type_into(qtbot, editor, 0, COL_COUNT, "1000")
    cell = editor.lines.index(0, COL_COUNT)
    assert cell.data() == "1000"  # kept as typed
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == BAD_BACKGROUND
    assert "1 to 999" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert not editor.save_button.isEnabled()
    assert editor.total_label.text() == "Total —"
    assert editor.invalid_hint.isVisible() and "1 to 999" in editor.invalid_hint.text()
    type_into(qtbot, editor, 0, COL_COUNT, "2")
    type_into(qtbot, editor, 0, COL_MONEY, "1.234")
    assert "two decimal places" in editor.lines.index(0, COL_MONEY).data(
        Qt.ItemDataRole.ToolTipRole)
    assert not editor.save_button.isEnabled()
    type_into(qtbot, editor, 0, COL_MONEY, "-5")
    assert not editor.save_button.isEnabled()
    type_into(qtbot, editor, 0, COL_MONEY, "15.5")
    assert editor.save_button.isEnabled()


def test_saving_writes_the_lines_and_the_history_shows_it(qtbot, window, unpaid, staff_session):
    editor = open_editor(window, unpaid)
    type_into(qtbot, editor, 0, COL_MONEY, "15.00")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = shop.get_order(staff_session.token, unpaid)
    assert saved.total == Decimal("37.00")
    assert editor.total_label.text() == "Total ¥37.00"
    assert not editor.save_button.isEnabled()
    entry = editor.history.topLevelItem(0)
    assert (entry.text(1), entry.text(2)) == ("lakeside", "Lines edited")
    assert "Emma × 2 (¥17.08) → Emma × 2 (¥15.00)\n" in entry.text(3)
    assert "total ¥39.08 → ¥37.00" in entry.text(3)
    pane = window.panes["orders"]
    assert pane.model.order_at(pane.model.row_of(unpaid)).total == Decimal("37.00")
    editor.close()


def test_a_buyer_paying_meanwhile_refuses_the_save_and_reloads(
        qtbot, window, unpaid, buyer_session, staff_session, dialog_script):
    editor = open_editor(window, unpaid)
    type_into(qtbot, editor, 0, COL_MONEY, "1.00")
    orders.pay(buyer_session.token, unpaid)  # at a kiosk, while staff type
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    kind, _title, text = dialog_script.shown[-1]
    assert kind == "warn"
    assert "no longer waiting for payment" in text and "not saved" in text
    assert shop.get_order(staff_session.token, unpaid).total == Decimal("39.08")
    assert editor.notice.isVisible()
    assert "has paid" in editor.notice.text()
    assert not editor.lines.editable and not editor.add_button.isEnabled()
    assert editor.total_label.text() == "Total ¥39.08"
    editor.close()  # nothing unsaved any more: no question


def test_another_workstations_edit_is_not_overwritten(
        qtbot, window, unpaid, staff_session, dialog_script):
    editor = open_editor(window, unpaid)
    type_into(qtbot, editor, 0, COL_MONEY, "1.00")
    shop.set_lines(staff_session.token, unpaid,
                   [{"book_id": book_id("Emma"), "cnt": 1, "money": Decimal("8.00")}])
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Someone else changed this order" in dialog_script.shown[-1][2]
    assert shop.get_order(staff_session.token, unpaid).total == Decimal("30.00")
    assert editor.lines.index(0, COL_MONEY).data() == "¥8.00"


def test_a_failed_save_keeps_the_edits(qtbot, window, unpaid):
    editor = open_editor(window, unpaid)
    type_into(qtbot, editor, 0, COL_COUNT, "500")  # Emma has only 4 more copies
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.error.isVisible() and "Emma" in editor.error.text()
    assert editor.lines.index(0, COL_COUNT).data() == "500"
    assert editor.save_button.isEnabled()


def test_closing_with_unsaved_edits_asks_first(qtbot, window, unpaid, dialog_script):
    editor = open_editor(window, unpaid)
    type_into(qtbot, editor, 0, COL_COUNT, "1")
    dialog_script.answers = [False]
    editor.close()
    assert editor.isVisible()
    assert "not saved" in dialog_script.shown[-1][2]
    dialog_script.answers = [True]
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()


def test_adding_a_line_from_the_picker_and_removing_one(qtbot, window, unpaid, staff_session):
    editor = open_editor(window, unpaid)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    picker = editor.picker
    assert picker.isVisible()
    qtbot.keyClicks(picker.search, "Dracula")
    picker.search.search_now()
    assert picker.books.count() == 1
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    assert not picker.isVisible()
    assert editor.lines.rowCount() == 2
    assert editor.total_label.text() == "Total ¥49.07"  # + Dracula at 9.99
    current = editor.table.currentIndex()
    assert (current.row(), current.column()) == (1, COL_COUNT)  # its quantity, to type next
    pick(qtbot, editor, 0, COL_BOOK)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [editor.lines.index(0, 0).data()] == ["Dracula"]
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = shop.get_order(staff_session.token, unpaid)
    assert [(line.name, line.cnt) for line in saved.lines] == [("Dracula", 1)]


def test_a_paid_order_is_read_only_with_the_reason(qtbot, window, buyer_session):
    order_id = orders.create(buyer_session.token, book_id("Emma"), 1)
    orders.pay(buyer_session.token, order_id)
    editor = open_editor(window, order_id)
    assert "can no longer be changed" in editor.notice.text()
    assert not editor.lines.flags(editor.lines.index(0, COL_COUNT)) & Qt.ItemFlag.ItemIsEditable
    assert not editor.save_button.isEnabled()
    editor.close()


def test_packing_slip_saves_a_pdf_with_chinese_titles(qtbot, tmp_path, monkeypatch, tasks,
                                                      buyer_session):
    from bookshop_gui.services import auth

    order_id = orders.create(buyer_session.token, book_id("红楼梦"), 1)
    staff = auth.login("moxiang", "moxiang")
    order = shop.get_order(staff.token, order_id)
    slip = packing_slip.SlipDialog(order)
    qtbot.addWidget(slip)
    assert "红楼梦" in slip.preview.toPlainText()
    assert "墨香书店" in slip.preview.toPlainText()
    target = tmp_path / "slip.pdf"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *args: str(target))
    qtbot.mouseClick(slip.pdf_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"WenQuanYi" in data


def test_the_lines_model_passes_the_model_tester(qtmodeltester, staff_session, unpaid):
    model = OrderLinesModel()
    model.load(shop.get_order(staff_session.token, unpaid), editable=True)
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and not model.dirty
    assert model.setData(model.index(0, COL_COUNT), "many")
    model.add_book(catalog.search("Dracula")[0])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.problem(0, COL_COUNT)


def test_status_is_shown_in_the_editor(qtbot, window, unpaid):
    editor = open_editor(window, unpaid)
    assert editor.heading.text() == f"Order #{unpaid} · reader"
    assert editor.subheading.text().startswith("Pending payment")
    assert editor.order.status == OrderStatus.PENDING_PAYMENT
    editor.close()
