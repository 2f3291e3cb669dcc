"""Signing in: wrong passwords say so plainly, right ones open the session."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from bookshop_gui.domain import Role
from bookshop_gui.services import demo_data
from bookshop_gui.ui.sign_in import SignInWindow


def make(qtbot, tasks, **options):
    window = SignInWindow(tasks, **options)
    qtbot.addWidget(window)
    window.show()
    return window


def test_wrong_password_is_said_plainly_and_keeps_the_username(qtbot, demo_shop, tasks):
    window = make(qtbot, tasks)
    qtbot.keyClicks(window.username, "reader")
    qtbot.keyClicks(window.password, "nope")
    qtbot.keyClick(window.password, Qt.Key.Key_Return)
    assert window.error.isVisible()
    assert window.error.text() == "Wrong username or password."
    assert window.username.text() == "reader"


def test_right_password_signs_in_with_the_role(qtbot, demo_shop, tasks):
    window = make(qtbot, tasks)
    qtbot.keyClicks(window.username, "reader")
    qtbot.keyClicks(window.password, "reader")
    with qtbot.waitSignal(window.signed_in) as signal:
        qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    session = signal.args[0]
    assert (session.username, session.role) == ("reader", Role.BUYER)
    assert window.password.text() == ""


def test_empty_fields_are_refused_before_asking_the_database(qtbot, demo_shop, tasks):
    window = make(qtbot, tasks)
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    assert window.error.text() == "Enter your username and password."


def test_demo_accounts_fill_the_form(qtbot, demo_shop, tasks):
    window = make(qtbot, tasks)
    window.show_demo_accounts(True)
    window.fill("lakeside", "lakeside")
    assert (window.username.text(), window.password.text()) == ("lakeside", "lakeside")


def demo_names(window) -> list[str]:
    return [button.text() for button in window.demo_box.findChildren(QPushButton)]


def test_the_demo_accounts_are_the_seeded_ones_and_a_kiosk_offers_only_buyers(
        qtbot, demo_shop, tasks):
    seeded = [(name, role) for name, role, *_ in demo_data.ACCOUNTS]
    assert demo_names(make(qtbot, tasks)) == [name for name, _ in seeded]
    assert demo_names(make(qtbot, tasks, kiosk=True)) == [
        name for name, role in seeded if role == Role.BUYER] == ["reader", "guest"]


def test_kiosk_hides_remember_me(qtbot, demo_shop, tasks):
    window = make(qtbot, tasks, kiosk=True)
    assert not window.remember.isVisible()


def test_without_a_keyring_remembering_is_off_and_explained(qtbot, demo_shop, tasks):
    window = make(qtbot, tasks)
    window.set_remember_available(False)
    assert not window.remember.isEnabled()
    assert "no secure keyring" in window.remember_note.text()
