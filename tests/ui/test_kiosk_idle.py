"""At a kiosk, walking away signs the buyer out and leaves nothing of theirs on screen."""

from PySide6.QtCore import Qt

from bookshop_gui.services import auth, cart, catalog
from bookshop_gui.ui.buyer.window import BuyerWindow


def open_kiosk(qtbot, tasks, idle_seconds=120):
    window = BuyerWindow(auth.login("reader", "reader"), tasks, kiosk=True,
                         idle_seconds=idle_seconds)
    qtbot.addWidget(window)
    window.show()
    return window


def test_idle_timeout_signs_out_and_clears_the_screen(qtbot, demo_shop, tasks):
    window = open_kiosk(qtbot, tasks)
    cart.add(window.session.token, catalog.search("Emma")[0].id, 2)
    window.go("cart")
    assert window.cart.model.rowCount() == 1
    window.go("orders")
    window.go("catalog")
    qtbot.keyClicks(window.catalog.search, "Dickens")
    window.catalog.list.setCurrentIndex(window.catalog.model.index(0))
    assert window.idle.timer.interval() == 120_000
    window.idle.timer.setInterval(50)
    window.idle.timer.start()
    with qtbot.waitSignal(window.signed_out, timeout=3000):
        pass
    assert window.catalog.search.text() == ""
    assert window.catalog.panel.book is None
    assert window.catalog.model.rowCount() == 0
    assert window.cart.model.rowCount() == 0
    assert window.orders.model.rowCount() == 0
    assert window.header.balance.text() == ""
    assert window.header.nav["cart"].text() == "Cart"
    assert not window.idle.timer.isActive()


def test_typing_keeps_the_buyer_signed_in(qtbot, demo_shop, tasks):
    window = open_kiosk(qtbot, tasks)
    window.idle.timer.setInterval(400)
    window.idle.timer.start()
    signed_out = []
    window.signed_out.connect(lambda: signed_out.append(True))
    for _ in range(4):
        qtbot.wait(150)
        qtbot.keyClick(window.catalog.search, Qt.Key.Key_A)
    assert not signed_out
    assert window.idle.timer.isActive()


def test_without_kiosk_mode_there_is_no_idle_timer(qtbot, demo_shop, tasks):
    window = BuyerWindow(auth.login("reader", "reader"), tasks)
    qtbot.addWidget(window)
    assert not window.idle.timer.isActive()


def test_sign_out_button_signs_out(qtbot, demo_shop, tasks):
    window = open_kiosk(qtbot, tasks)
    with qtbot.waitSignal(window.signed_out):
        qtbot.mouseClick(window.header.sign_out, Qt.MouseButton.LeftButton)
    assert window.cart.model.rowCount() == 0


def test_kiosk_returns_to_the_start_screen_when_idle(qtbot, demo_shop, sqlite_url):
    from bookshop_gui.ui.app import Shell

    shell = Shell(sqlite_url, kiosk=True)
    qtbot.addWidget(shell.sign_in)
    shell.start()
    qtbot.waitUntil(shell.sign_in.isEnabled)
    qtbot.keyClicks(shell.sign_in.username, "reader")
    qtbot.keyClicks(shell.sign_in.password, "reader")
    qtbot.keyClick(shell.sign_in.password, Qt.Key.Key_Return)
    window = shell.window
    assert isinstance(window, BuyerWindow) and window.isFullScreen()
    assert not shell.sign_in.isVisible()
    window.idle.timer.setInterval(50)
    window.idle.timer.start()
    qtbot.waitUntil(shell.sign_in.isVisible)
    assert shell.window is None
    assert shell.sign_in.username.text() == ""
    shell.expiry.stop()
    shell.lock.open = True
    shell.sign_in.close()
