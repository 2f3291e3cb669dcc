"""Staff sign in at a workstation; "Remember me" keeps the token in the keyring and only there."""

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.errors import AuthError
from bookshop_gui.services import auth
from bookshop_gui.ui import credentials
from bookshop_gui.ui.app import Shell
from bookshop_gui.ui.merchant.window import MerchantWindow


@pytest.fixture
def shell(qtbot, demo_shop, sqlite_url):
    shell = Shell(sqlite_url)
    shell.start()
    qtbot.waitUntil(shell.sign_in.isEnabled)
    yield shell
    shell.expiry.stop()
    for window in (shell.window, shell.sign_in):
        if window is not None:
            window.close()
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def sign_in(qtbot, shell, username, *, remember):
    form = shell.sign_in
    qtbot.keyClicks(form.username, username)
    qtbot.keyClicks(form.password, username)
    form.remember.setChecked(remember)
    qtbot.mouseClick(form.sign_in_button, Qt.MouseButton.LeftButton)


def test_staff_sign_in_opens_the_workstation_on_the_orders(qtbot, shell):
    sign_in(qtbot, shell, "lakeside", remember=False)
    assert isinstance(shell.window, MerchantWindow)
    assert shell.window.isVisible() and not shell.sign_in.isVisible()
    assert shell.window.pages.currentWidget() is shell.window.panes["orders"]


@pytest.mark.keyring
def test_remember_me_keeps_the_token_in_the_keyring_until_sign_out(
        qtbot, shell, sqlite_url, memory_keyring):
    sign_in(qtbot, shell, "lakeside", remember=True)
    token = shell.window.session.token
    stored = list(memory_keyring.store.values())
    assert stored == [f"lakeside\n{token}"]
    assert credentials.recall(sqlite_url) == ("lakeside", token)
    qtbot.mouseClick(shell.window.sign_out_button, Qt.MouseButton.LeftButton)
    assert memory_keyring.store == {}
    assert shell.sign_in.isVisible() and shell.window is None
    with pytest.raises(AuthError):
        auth.resume(token)


@pytest.mark.keyring
def test_without_remember_me_nothing_is_stored(qtbot, shell, memory_keyring):
    sign_in(qtbot, shell, "lakeside", remember=False)
    assert memory_keyring.store == {}


@pytest.mark.keyring
def test_a_remembered_sign_in_opens_the_workstation_next_time(qtbot, demo_shop, sqlite_url):
    session = auth.login("moxiang", "moxiang", remember=True)
    credentials.remember(sqlite_url, "moxiang", session.token)
    shell = Shell(sqlite_url)
    shell.start()
    try:
        qtbot.waitUntil(lambda: shell.window is not None)
        assert shell.window.windowTitle() == "Bookshop — 墨香书店"
    finally:
        shell.expiry.stop()
        shell.window.close()
        shell.sign_in.close()


def test_with_no_keyring_at_all_remembering_is_off_and_explained(qtbot, demo_shop, sqlite_url):
    keyring.set_keyring(fail.Keyring())
    shell = Shell(sqlite_url)
    shell.start()
    try:
        qtbot.waitUntil(shell.sign_in.isEnabled)
        form = shell.sign_in
        assert not form.remember.isEnabled() and not form.remember.isChecked()
        assert form.remember_note.isVisible()
        assert form.remember_note.text() == (
            "Remembering sign-ins is off: this computer has no secure keyring to keep it in.")
        sign_in(qtbot, shell, "lakeside", remember=True)  # even ticked, there is nowhere to keep it
        assert isinstance(shell.window, MerchantWindow)
        assert credentials.recall(sqlite_url) is None
    finally:
        shell.expiry.stop()
        for window in (shell.window, shell.sign_in):
            if window is not None:
                window.close()


def test_a_staff_only_workstation_sends_buyers_to_a_kiosk(qtbot, demo_shop, sqlite_url):
    shell = Shell(sqlite_url, merchant=True)
    shell.start()
    qtbot.waitUntil(shell.sign_in.isEnabled)
    sign_in(qtbot, shell, "reader", remember=False)
    assert shell.window is None and shell.sign_in.isVisible()
    assert "please use a kiosk" in shell.sign_in.error.text()
    shell.sign_in.username.clear()
    shell.sign_in.password.clear()
    sign_in(qtbot, shell, "lakeside", remember=False)
    assert isinstance(shell.window, MerchantWindow)
    shell.expiry.stop()
    for window in (shell.window, shell.sign_in):
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
