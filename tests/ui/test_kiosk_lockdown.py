"""A kiosk cannot be closed or left by a buyer; staff leave it by holding the shop's name."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.ui import app, lockdown

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def kiosk(qtbot, demo_shop, sqlite_url, monkeypatch):
    """A kiosk shell on the demo shop; the hold gesture takes 30 ms here, not 3 s."""
    monkeypatch.setattr(lockdown, "HOLD_MS", 30)
    quits = []
    monkeypatch.setattr(app.Shell, "leave_kiosk", lambda self: quits.append(True))
    shell = app.Shell(sqlite_url, kiosk=True)
    shell.quits = quits
    shell.start()
    qtbot.waitUntil(shell.sign_in.isEnabled)
    yield shell
    shell.expiry.stop()
    shell.lock.open = True
    for window in (shell.window, shell.sign_in):
        if window is not None:
            window.close()
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def sign_in(qtbot, shell, username):
    qtbot.keyClicks(shell.sign_in.username, username)
    qtbot.keyClicks(shell.sign_in.password, username)
    qtbot.keyClick(shell.sign_in.password, Qt.Key.Key_Return)
    return shell.window


def hold(qtbot, shell, handle):
    qtbot.mousePress(handle, LEFT)
    qtbot.waitUntil(lambda: shell.lock.dialog is not None and shell.lock.dialog.isVisible())
    qtbot.mouseRelease(handle, LEFT)
    return shell.lock.dialog


def unlock_with(qtbot, dialog, username, password):
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.leave_button, LEFT)


def try_to_leave(qtbot, window):
    window.close()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    assert window.isVisible() and window.isFullScreen()


def test_closing_escape_and_alt_f4_leave_the_kiosk_as_it_is(qtbot, kiosk):
    try_to_leave(qtbot, kiosk.sign_in)
    window = sign_in(qtbot, kiosk, "reader")
    try_to_leave(qtbot, window)
    assert kiosk.window is window
    assert kiosk.quits == []


def test_a_window_taken_out_of_full_screen_goes_back(qtbot, kiosk):
    window = sign_in(qtbot, kiosk, "reader")
    window.showNormal()
    qtbot.waitUntil(window.isFullScreen)


def test_a_short_tap_on_the_shop_name_does_nothing(qtbot, kiosk):
    title = kiosk.sign_in.title
    qtbot.mouseClick(title, LEFT)
    QApplication.processEvents()
    assert kiosk.lock.dialog is None


def test_a_wrong_password_or_a_buyer_cannot_leave(qtbot, kiosk):
    dialog = hold(qtbot, kiosk, kiosk.sign_in.title)
    unlock_with(qtbot, dialog, "lakeside", "wrong")
    assert dialog.error.isVisibleTo(dialog) and dialog.isVisible()
    unlock_with(qtbot, dialog, "reader", "reader")
    assert dialog.error.isVisibleTo(dialog) and dialog.password.text() == ""
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert kiosk.quits == [] and not kiosk.lock.open
    kiosk.sign_in.close()
    assert kiosk.sign_in.isVisible()


def test_staff_hold_the_shop_name_and_sign_in_to_leave(qtbot, kiosk):
    window = sign_in(qtbot, kiosk, "reader")
    dialog = hold(qtbot, kiosk, window.header.brand)
    with qtbot.waitSignal(kiosk.lock.unlocked):
        unlock_with(qtbot, dialog, "lakeside", "lakeside")
    assert kiosk.quits == [True]
    assert not dialog.isVisible()


def test_idle_sign_out_closes_open_dialogs_and_wipes_the_buyer(qtbot, kiosk):
    window = sign_in(qtbot, kiosk, "reader")
    qtbot.keyClicks(window.catalog.search, "Dickens")
    window.go("cart")
    dialog = hold(qtbot, kiosk, window.header.brand)
    dialog.username.setText("someone")
    left = []  # what the window shows as it signs out (it is deleted right after)
    window.signed_out.connect(lambda: left.append((
        window.catalog.search.text(), window.stack.currentWidget() is window.catalog,
        window.cart.model.rowCount(), dialog.isVisible())))
    window.idle.timer.setInterval(20)
    window.idle.timer.start()
    qtbot.waitUntil(kiosk.sign_in.isVisible)
    assert left == [("", True, 0, False)]
    assert kiosk.lock.dialog is None and kiosk.window is None
    assert kiosk.sign_in.username.text() == "" and kiosk.sign_in.password.text() == ""


def test_leaving_ends_the_program_with_the_status_boot_services_leave_alone(monkeypatch):
    codes = []
    monkeypatch.setattr(app.QApplication, "exit", lambda code=0: codes.append(code))
    app.Shell.leave_kiosk(None)
    assert codes == [app.LEFT_BY_STAFF] == [75]
