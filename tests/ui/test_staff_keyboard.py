"""Staff work the orders pane and the order editor from the keyboard alone: the standard
keys (Ctrl+P prints the slip, F5 reads the list again, Ctrl+S saves), Tab through every
control in reading order without getting stuck, and a focused control that shows it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from bookshop_gui.ui import resources
from bookshop_gui.ui.merchant.packing_slip import SlipDialog

from .live_helpers import place

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
EDGE = 3  # px: a border or a tint shows here; a text cursor never does


@pytest.fixture
def painted(qapp):
    """The style sheet `main` sets, so focus is drawn as staff see it."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(resources.style_sheet())
    yield
    qapp.setStyleSheet(before)


@pytest.fixture
def pane(qtbot, staff_window):
    """The orders pane, its list read only when asked: nothing else folds in changes."""
    staff_window.watcher.stop()
    staff_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is staff_window)
    return staff_window.show_pane("orders")


def focus_on(qtbot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus(Qt.FocusReason.TabFocusReason)


def tab_through(qtbot, first: QWidget, steps: int, *, back: bool = False) -> list[QWidget]:
    """The widgets focus lands on, from `first`, pressing Tab (or Shift+Tab) `steps` times."""
    focus_on(qtbot, first)
    seen = [QApplication.focusWidget()]
    for _ in range(steps):
        qtbot.keyClick(seen[-1], Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab,
                       SHIFT if back else Qt.KeyboardModifier.NoModifier)
        seen.append(QApplication.focusWidget())
    if back:  # Shift let go, or the next click extends a selection
        qtbot.keyRelease(seen[-1], Qt.Key.Key_Shift)
    return seen


def names(widgets: list[QWidget]) -> list[str]:
    return [w.accessibleName() or getattr(w, "text", lambda: "")() or type(w).__name__
            for w in widgets]


def reads_after(before: QWidget, after: QWidget) -> bool:
    """`after` comes next when reading the window: to the right on the same line, or below."""
    top_left = before.mapTo(before.window(), QPoint(0, 0))
    other = after.mapTo(after.window(), QPoint(0, 0))
    same_line = other.y() < top_left.y() + before.height() and top_left.y() < other.y() + \
        after.height()
    return other.x() > top_left.x() if same_line else other.y() > top_left.y()


def assert_reading_order(chain: list[QWidget]) -> None:
    for before, after in zip(chain, chain[1:], strict=False):
        assert reads_after(before, after), names([before, after])


def edge(image: QImage) -> list[int]:
    width, height = image.width(), image.height()
    return [image.pixel(x, y) for x in range(width) for y in range(height)
            if min(x, y) < EDGE or x >= width - EDGE or y >= height - EDGE]


def edge_focused_and_not(qtbot, widget: QWidget, elsewhere: QWidget) -> tuple[list, list]:
    focus_on(qtbot, widget)
    qtbot.waitUntil(widget.hasFocus)
    focused = edge(widget.grab().toImage())
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(elsewhere.hasFocus)
    return focused, edge(widget.grab().toImage())


def open_slips(widget: QWidget) -> list[SlipDialog]:
    return [slip for slip in widget.findChildren(SlipDialog) if slip.isVisible()]


def orders_chain(pane) -> list[QWidget]:
    return [pane.search, pane.sort, pane.scan_button, pane.export_button, pane.tabs, pane.table,
            pane.open_button, pane.slip_button, pane.ship_button, pane.cancel_button,
            pane.refresh_button]


def editor_chain(editor) -> list[QWidget]:
    return [editor.tabs.tabBar(), editor.table, editor.add_button, editor.remove_button,
            editor.slip_button, editor.revert_button, editor.save_button, editor.close_button]


@pytest.fixture
def paid(pane, buyer_session):
    """A paid order, chosen in the pane: every action on it is enabled."""
    order_id = place(buyer_session, "Emma", pay=True)
    pane.reload()
    assert pane.select_order(order_id)
    return order_id


@pytest.fixture
def editor(qtbot, pane, buyer_session):
    """An unpaid order open in its editor with a changed quantity: every button enabled."""
    order_id = place(buyer_session, "Emma")
    pane.reload()
    pane.select_order(order_id)
    editor = pane.open_order(pane.current_order())
    editor.lines.setData(editor.lines.index(0, 2), "2")
    yield editor
    editor.revert()
    editor.close()


# -- the standard keys ----------------------------------------------------------


def test_ctrl_p_opens_the_chosen_orders_packing_slip(qtbot, pane, paid):
    focus_on(qtbot, pane.table)
    qtbot.keyClick(pane.table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: len(open_slips(pane)) == 1)
    [slip] = open_slips(pane)
    assert slip.order.id == paid
    assert f"#{paid}" in slip.preview.toPlainText()
    slip.close()


def test_ctrl_p_in_the_order_editor_opens_its_packing_slip(qtbot, editor):
    focus_on(qtbot, editor.table)
    qtbot.keyClick(editor.table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: len(open_slips(editor)) == 1)
    [slip] = open_slips(editor)
    assert slip.order.id == editor.order_id
    slip.close()


def test_f5_reads_the_orders_again(qtbot, pane, buyer_session):
    order_id = place(buyer_session, "Emma")  # at a kiosk, while the list is on screen
    assert pane.model.row_of(order_id) < 0
    focus_on(qtbot, pane.table)
    qtbot.keyClick(pane.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: pane.model.row_of(order_id) >= 0)


def test_ctrl_s_saves_the_order_being_edited(qtbot, pane, editor):
    focus_on(qtbot, editor.table)
    with qtbot.waitSignal(pane.message) as said:
        qtbot.keyClick(editor.table, Qt.Key.Key_S, CTRL)
    assert said.args == [f"Order #{editor.order_id} saved."]
    qtbot.waitUntil(lambda: not editor.lines.dirty)
    assert editor.order.lines[0].cnt == 2


# -- tab order ------------------------------------------------------------------


def test_tab_reads_the_orders_pane_left_to_right_top_to_bottom(qtbot, pane, paid):
    chain = orders_chain(pane)
    assert all(widget.isEnabled() for widget in chain), names(chain)
    assert names(tab_through(qtbot, pane.search, len(chain) - 1)) == names(chain)
    assert_reading_order(chain)
    back = tab_through(qtbot, pane.refresh_button, len(chain) - 1, back=True)
    assert names(back) == names(chain[::-1])


def test_tab_leaves_the_orders_pane_and_comes_back(qtbot, pane, paid):
    """No trap: Tab from the last control goes round the window to the first again."""
    around = tab_through(qtbot, pane.refresh_button, 12)
    assert pane.search in around[1:], names(around)


def test_tab_reads_the_order_editor_and_goes_round(qtbot, editor):
    chain = editor_chain(editor)
    assert all(widget.isEnabled() for widget in chain), names(chain)
    assert names(tab_through(qtbot, chain[0], len(chain))) == names([*chain, chain[0]])
    assert_reading_order(chain[1:])  # the tabs' bar is above the table it switches
    back = tab_through(qtbot, editor.close_button, len(chain) - 1, back=True)
    assert names(back) == names(chain[::-1])


def type_in_cell(qtbot, editor, text: str, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    """Edit the quantity cell, type `text` over it, then press `key`."""
    focus_on(qtbot, editor.table)
    editor.table.setCurrentIndex(editor.lines.index(0, 0))
    editor.table.setCurrentIndex(editor.lines.index(0, 2))
    qtbot.waitUntil(lambda: editor.table.state() == editor.table.State.EditingState)
    field = QApplication.focusWidget()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, key, modifier)


def test_tab_in_a_cell_being_edited_keeps_the_value_and_moves_on(qtbot, editor):
    """Arrows move between cells; Tab leaves the table, keeping what was typed."""
    type_in_cell(qtbot, editor, "3", Qt.Key.Key_Tab)
    assert editor.add_button.hasFocus()
    assert editor.lines.index(0, 2).data() == "3"
    type_in_cell(qtbot, editor, "4", Qt.Key.Key_Backtab, SHIFT)
    qtbot.keyRelease(editor.tabs.tabBar(), Qt.Key.Key_Shift)
    assert editor.tabs.tabBar().hasFocus()
    assert editor.lines.index(0, 2).data() == "4"


# -- visible focus --------------------------------------------------------------


def test_every_control_in_the_orders_pane_shows_focus(qtbot, painted, pane, paid):
    for widget in orders_chain(pane):
        elsewhere = pane.refresh_button if widget is pane.search else pane.search
        focused, unfocused = edge_focused_and_not(qtbot, widget, elsewhere)
        assert focused != unfocused, names([widget])


def test_an_empty_list_shows_focus_too(qtbot, painted, pane, staff_window):
    """With no row to mark, the list's own border says where the keys go: the catalog
    searched for a title no book has (an empty orders tab shows what to do instead)."""
    catalog = staff_window.show_pane("catalog")
    catalog.search.setText("no book has this title")
    catalog.search.search_now()
    qtbot.waitUntil(lambda: catalog.model.rowCount() == 0)
    focused, unfocused = edge_focused_and_not(qtbot, catalog.table, catalog.search)
    assert focused != unfocused


def test_every_control_in_the_order_editor_shows_focus(qtbot, painted, editor):
    for widget in editor_chain(editor):
        elsewhere = editor.add_button if widget is editor.close_button else editor.close_button
        focused, unfocused = edge_focused_and_not(qtbot, widget, elsewhere)
        assert focused != unfocused, names([widget])
