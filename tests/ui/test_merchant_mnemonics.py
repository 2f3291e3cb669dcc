"""Staff reach the workstation's main actions from the keyboard: Alt plus the underlined
letter, in English and in Chinese ("保存(&S)"), no letter used twice in one window, and
the standard keys (Ctrl+S) still working beside them."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar, QWidget

from bookshop_gui.services import accounts, auth, catalog, orders
from bookshop_gui.ui.app import install_translation
from bookshop_gui.ui.merchant.window import MerchantWindow

from .live_helpers import book_id
from .test_merchant_editor import open_editor

ALT = Qt.KeyboardModifier.AltModifier
_MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = _MNEMONIC.search(text)
    return found.group(1).upper() if found else None


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic that is live in `window` now: visible buttons,
    labels with a buddy, and tabs."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy()):
            texts = [widget.text()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(index) for index in range(widget.count())]
        else:
            continue
        found += [(letter(text), text) for text in texts if letter(text)]
    return found


def assert_no_clash(window: QWidget):
    found = mnemonics(window)
    letters = [mark for mark, _text in found]
    assert len(letters) == len(set(letters)), sorted(found)


@pytest.fixture
def window(language, staff_session, tasks):
    window = MerchantWindow(staff_session, tasks)
    window.show()
    yield window
    for editor in window.findChildren(QWidget):
        if editor.isWindow() and editor is not window:
            editor.close()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_main_actions_have_mnemonics_that_do_not_clash(window, language, buyer_session):
    orders_pane = window.show_pane("orders")
    main = [window.sign_out_button, orders_pane.open_button, orders_pane.ship_button,
            orders_pane.cancel_button, orders_pane.slip_button, orders_pane.refresh_button,
            orders_pane.scan_button, orders_pane.export_button]
    assert all(letter(button.text()) for button in main), [b.text() for b in main]
    assert_no_clash(window)
    if language == "zh_CN":
        assert orders_pane.refresh_button.text() == "刷新(&R)"

    catalog_pane = window.show_pane("catalog")
    for button in (catalog_pane.add_button, catalog_pane.edit_button,
                   catalog_pane.import_button, catalog_pane.export_button):
        assert letter(button.text()), button.text()
    assert_no_clash(window)

    editor = open_editor(window, orders.create(buyer_session.token, book_id("Emma"), 1))
    for button in (editor.save_button, editor.close_button, editor.revert_button,
                   editor.slip_button, editor.add_button, editor.remove_button):
        assert letter(button.text()), button.text()
    assert_no_clash(editor)

    catalog_pane.open_editor(None)
    book_editor = catalog_pane.editor
    assert letter(book_editor.save_button.text())
    labelled = [label for label in book_editor.findChildren(QLabel) if label.buddy()]
    assert {label.buddy() for label in labelled} >= {
        book_editor.title, book_editor.author, book_editor.isbn, book_editor.price,
        book_editor.stock}
    assert_no_clash(book_editor)
    # the buttons that also have a standard key (Ctrl+S, Ctrl+P, F5, Ctrl+N) keep Alt+letter
    for button in (orders_pane.slip_button, orders_pane.refresh_button, catalog_pane.add_button,
                   editor.save_button, editor.slip_button, book_editor.save_button):
        assert button.shortcut().toString() == "Alt+" + letter(button.text()), button.text()


def test_alt_letters_and_ctrl_s_work_in_the_book_editor(qtbot, window, staff_session):
    pane = window.show_pane("catalog")
    pane.open_editor(None)
    editor = pane.editor
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClick(editor, letter(_label_of(editor, editor.price)), ALT)
    assert editor.price.hasFocus()
    qtbot.keyClicks(editor.price, "9.90")
    qtbot.keyClick(editor, letter(_label_of(editor, editor.title)), ALT)
    assert editor.title.hasFocus()
    qtbot.keyClicks(editor.title, "Keyboard Only")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: catalog.by_title("Keyboard Only") != [])


def _label_of(editor, field):
    [label] = [label for label in editor.findChildren(QLabel) if label.buddy() is field]
    return label.text()


def _pane_window(session, tasks, key):
    window = MerchantWindow(session, tasks)
    window.show()
    return window, window.show_pane(key)


def _close(window):
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _usernames(pane):
    model = pane.table.model()
    return {model.index(row, 0).data() for row in range(model.rowCount())}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_members_and_reports_have_mnemonics_f5_and_names(qtbot, qapp, lang, staff_session,
                                                          tasks):
    installed = install_translation(qapp, "zh_CN") if lang == "zh_CN" else []
    window, members = _pane_window(staff_session, tasks, "members")
    try:
        for button in (members.top_up_button, members.ledger.more_button,
                       members.ledger.export_button):
            assert letter(button.text()), button.text()
        assert any(label.buddy() is members.amount for label in members.findChildren(QLabel))
        assert_no_clash(window)
        accounts.create_user("walkin", "walkin", "buyer")  # another workstation's doing
        assert "walkin" not in _usernames(members)
        qtbot.keyClick(members.table, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: "walkin" in _usernames(members))

        reports = window.show_pane("reports")
        for button in (reports.export_button, reports.waiting.open_button,
                       reports.waiting.ship_button):
            assert letter(button.text()), button.text()
        assert {label.buddy() for label in reports.findChildren(QLabel)} >= {reports.start,
                                                                             reports.end}
        assert_no_clash(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(window, letter(_label_of(reports, reports.end)), ALT)
        assert reports.end.hasFocus()
    finally:
        _close(window)
        for translator in installed:
            QCoreApplication.removeTranslator(translator)


def test_settings_and_the_admins_members_pane_have_mnemonics_and_f5(qtbot, demo_shop, tasks):
    window, settings_pane = _pane_window(auth.login("admin", "admin"), tasks, "settings")
    try:
        for button in (settings_pane.save_button, settings_pane.cut_limit_button):
            assert letter(button.text()), button.text()
            assert button.accessibleName().startswith("Save the ")
        assert_no_clash(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(window, letter(_label_of(settings_pane, settings_pane.fee)), ALT)
        assert settings_pane.fee.hasFocus()
        stored = settings_pane.fee.text()
        settings_pane.fee.setText("99.00")  # typed, not saved: F5 reads the stored fee again
        qtbot.keyClick(settings_pane.fee, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: settings_pane.fee.text() == stored)

        members = window.show_pane("members")
        for field in (members.vip, members.new_username, members.new_password,
                      members.new_role, members.new_shop, members.new_vip):
            assert any(label.buddy() is field for label in members.findChildren(QLabel)), field
        for button in (members.vip_button, members.create_button):
            assert letter(button.text()), button.text()
        assert_no_clash(window)
    finally:
        _close(window)
