"""Big price cuts need a second person: the approval dialog in the order editor, and the
limit an administrator sets in the settings pane (20 % in the demo shop)."""

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from bookshop_gui import errors
from bookshop_gui.services import auth, settings, shop
from bookshop_gui.ui import messages
from bookshop_gui.ui.app import install_translation
from bookshop_gui.ui.merchant.order_lines_model import COL_MONEY

from .live_helpers import open_merchant
from .test_merchant_editor import open_editor, type_into

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(staff_window, dialog_script):
    yield staff_window
    dialog_script.answers[:] = [True] * len(staff_window.panes["orders"].unsaved_editors())


def approve(qtbot, dialog, username, password):
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.approve_button, LEFT)


def test_a_cut_within_the_limit_saves_without_asking(qtbot, window, unpaid, staff_session):
    editor = open_editor(window, unpaid)
    type_into(qtbot, editor, 0, COL_MONEY, "13.67")  # 19.96 % below 17.08
    qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.approval.isVisible()
    assert shop.get_order(staff_session.token, unpaid).total == Decimal("35.67")
    editor.close()


def test_a_bigger_cut_is_saved_only_with_an_administrators_password(
        qtbot, window, unpaid, staff_session):
    editor = open_editor(window, unpaid)
    type_into(qtbot, editor, 0, COL_MONEY, "10.00")
    qtbot.mouseClick(editor.save_button, LEFT)
    dialog = editor.approval
    assert dialog.isVisible()
    assert "more than 20% below its list price" in dialog.reason.text()
    assert "Emma" in dialog.reason.text()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), LEFT)
    assert not dialog.isVisible()
    assert shop.get_order(staff_session.token, unpaid).total == Decimal("39.08")
    assert editor.save_button.isEnabled()  # the edit is still there to try again

    qtbot.mouseClick(editor.save_button, LEFT)
    approve(qtbot, dialog, "lakeside", "lakeside")  # staff cannot approve their own cut
    assert dialog.isVisible()
    assert "not an administrator" in dialog.error.text()
    assert dialog.password.text() == ""
    assert shop.get_order(staff_session.token, unpaid).total == Decimal("39.08")
    approve(qtbot, dialog, "admin", "not the password")
    assert dialog.isVisible()  # asked again; the staff member stays signed in
    assert "not an administrator" in dialog.error.text()
    assert shop.get_order(staff_session.token, unpaid).total == Decimal("39.08")

    approve(qtbot, dialog, "admin", "admin")
    assert not dialog.isVisible()
    assert shop.get_order(staff_session.token, unpaid).total == Decimal("32.00")
    entry = editor.history.topLevelItem(0)
    assert entry.text(1) == "lakeside"
    assert "price cut approved by admin" in entry.text(3)
    editor.close()


def test_an_administrator_changes_the_limit_in_the_settings_pane(qtbot, demo_shop, tasks):
    window = open_merchant(auth.login("admin", "admin"), tasks)
    pane = window.show_pane("settings")
    assert pane.cut_limit.text() == "20"
    for bad in ("150", "ten", "-5"):
        pane.cut_limit.setText(bad)
        qtbot.mouseClick(pane.cut_limit_button, LEFT)
        assert pane.cut_limit.property("invalid") is True
        assert settings.price_cut_limit() == Decimal("20")
    pane.cut_limit.setText("12.5")
    qtbot.mouseClick(pane.cut_limit_button, LEFT)
    assert settings.price_cut_limit() == Decimal("12.5")
    assert "up to 12.5%" in window.statusBar().currentMessage()
    pane.cut_limit.clear()
    qtbot.mouseClick(pane.cut_limit_button, LEFT)
    assert settings.price_cut_limit() is None
    window.close()
    window.deleteLater()


def test_a_refused_approval_is_told_apart_from_an_ended_session_in_chinese(qapp):
    refused = errors.ApprovalRefused("That is not an administrator's user name and password.")
    ended = errors.SessionEnded("Your session has ended. Please sign in again.")
    installed = install_translation(qapp, "zh_CN")
    try:
        told = messages.describe(refused)
        assert told != messages.describe(ended)
        assert told.isascii() is False and "管理员" in told
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
