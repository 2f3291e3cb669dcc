"""While the on-screen keyboard covers the bottom of a kiosk screen, the field being
typed in stays above it: the window gives up the keyboard's height and scrolls the
field into what is left."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.ui.keyboard import Room
from tests.ui.test_buyer_checkout import add_first
from tests.ui.test_kiosk_addresses import newcomer, open_window  # noqa: F401 (fixture)

LEFT = Qt.MouseButton.LeftButton
KEYBOARD = 355  # Qt Virtual Keyboard's height on a 1024×768 screen


def bottom_on_screen(field) -> int:
    return field.mapToGlobal(QPoint(0, field.height())).y()


def test_the_address_field_being_typed_in_stays_above_the_keyboard(
        qtbot, tasks, newcomer):  # noqa: F811
    window = open_window(qtbot, tasks, newcomer)
    screen = window.screen().geometry()
    window.move(screen.topLeft())
    window.resize(1024, screen.height())  # as tall as the screen, as at the kiosk
    add_first(qtbot, window, "Emma")
    qtbot.mouseClick(window.header.nav["cart"], LEFT)
    qtbot.mouseClick(window.cart.order_button, LEFT)
    field = window.preview.ship_to.form.postcode
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    QApplication.processEvents()
    keyboard_top = screen.y() + screen.height() - KEYBOARD
    assert bottom_on_screen(field) > keyboard_top  # under the keys

    room = Room()
    room.make_room(KEYBOARD)
    qtbot.waitUntil(lambda: bottom_on_screen(field) <= keyboard_top)
    assert field.visibleRegion().boundingRect().height() == field.height()

    room.make_room(0)  # the keyboard went away: the window has its whole height again
    QApplication.processEvents()
    assert window.contentsMargins().bottom() == 0


def test_a_window_without_a_scroll_area_is_not_squeezed(qtbot, tasks):
    from bookshop_gui.ui.sign_in import SignInWindow

    window = SignInWindow(tasks, kiosk=True)
    qtbot.addWidget(window)
    window.show()
    window.username.setFocus()
    qtbot.waitUntil(window.username.hasFocus)
    Room().make_room(KEYBOARD)
    QApplication.processEvents()
    assert window.contentsMargins().bottom() == 0
