"""Small things people notice: safe defaults, keys, and states that mean what they show."""

import operator

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from bookshop_gui.services import auth, cart, catalog, orders, shop
from bookshop_gui.ui import app, dialogs, resources
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant import packing_slip
from bookshop_gui.ui.merchant.ship_dialog import chosen_courier, courier_box
from bookshop_gui.ui.sign_in import SignInWindow
from bookshop_gui.ui.touch import KioskStyle

real_ask = dialogs.ask  # the tests' dialog seam replaces it; this is the one people see
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def merchant(staff_window):
    return staff_window


def test_enter_in_a_question_keeps_things_as_they_are(qtbot):
    def press_enter():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    assert real_ask(None, "Cancel order", "Cancel order #1?", yes="Cancel the order",
                    no="Keep it") is False


def test_file_dialogs_start_in_the_documents_folder():
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert dialogs.start_folder() == documents


def test_edit_needs_a_chosen_book(qtbot, merchant):
    pane = merchant.show_pane("catalog")
    assert not pane.edit_button.isEnabled()
    pane.table.selectRow(0)
    assert pane.edit_button.isEnabled()
    pane.reload()
    assert not pane.edit_button.isEnabled()


def test_a_new_book_form_starts_without_red(qtbot, merchant):
    pane = merchant.show_pane("catalog")
    qtbot.mouseClick(pane.add_button, LEFT)
    editor = pane.editor
    assert not any(field.property("invalid") for field in (editor.title, editor.isbn,
                                                           editor.price))
    assert not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.isbn, "123")
    assert editor.isbn.property("invalid")
    editor.reject()


def test_enter_on_a_selected_order_opens_it(qtbot, merchant, buyer_session):
    order_id = orders.create(buyer_session.token, catalog.search("Emma")[0].id, 1)
    pane = merchant.show_pane("orders")
    pane.reload()
    assert pane.select_order(order_id)
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert order_id in pane.editors
    pane.editors[order_id].close()


def test_find_goes_to_the_search_field(qtbot, merchant, buyer_session):
    orders.create(buyer_session.token, catalog.search("Emma")[0].id, 1)
    pane = merchant.show_pane("orders")
    pane.reload()
    qtbot.waitExposed(merchant)
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.search.hasFocus()


def test_saving_an_order_says_so(qtbot, merchant, buyer_session):
    order_id = orders.create(buyer_session.token, catalog.search("Emma")[0].id, 1)
    pane = merchant.show_pane("orders")
    pane.reload()
    pane.select_order(order_id)
    editor = pane.open_order(pane.current_order())
    editor.lines.setData(editor.lines.index(0, 2), "2")
    with qtbot.waitSignal(pane.message) as said:
        editor.save()
    assert said.args == [f"Order #{order_id} saved."]
    editor.close()


def test_the_packing_slip_speaks_chinese(qtbot, demo_shop, buyer_session):
    installed = app.install_translation(QApplication.instance(), "zh_CN")
    try:
        order_id = orders.create(buyer_session.token, catalog.search("Emma")[0].id, 1)
        staff = auth.login("lakeside", "lakeside").token
        slip = packing_slip.slip_html(shop.get_order(staff, order_id))
    finally:
        for translator in installed:
            QApplication.removeTranslator(translator)
    for words in ("装箱单", "收件人", "合计", "感谢您的惠顾"):
        assert words in slip
    assert "Packing slip" not in slip and "Thank you" not in slip


def test_english_plurals_read_naturally(qtbot):
    installed = app.install_translation(QApplication.instance(), "en")
    try:
        one = QApplication.translate("Counts", "%n book(s)", "", 1)
        many = QApplication.translate("Counts", "%n book(s)", "", 20)
    finally:
        for translator in installed:
            QApplication.removeTranslator(translator)
    assert (one, many) == ("1 book", "20 books")


def test_the_empty_book_panel_shows_only_its_hint(qtbot, demo_shop, tasks):
    window = BuyerWindow(auth.login("reader", "reader"), tasks)
    qtbot.addWidget(window)
    window.show()
    panel = window.catalog.panel
    assert panel.empty.isVisibleTo(window)
    assert not panel.count_label.isVisibleTo(window) and not panel.count.isVisibleTo(window)


def test_pay_stays_off_when_the_balance_is_short(qtbot, demo_shop, tasks):
    session = auth.login("guest", "guest")
    window = BuyerWindow(session, tasks)
    qtbot.addWidget(window)
    window.show()
    order_id = orders.create(session.token, catalog.search("Dracula")[0].id, 3)
    window.pay([order_id])
    assert not window.payment.pay_button.isEnabled()
    assert window.payment.balance_after.text().endswith("short")
    cart.add(session.token, catalog.search("Emma")[0].id, 1)  # the cart is untouched by it
    assert len(cart.get(session.token)) == 1


def test_the_courier_reads_in_chinese_and_is_kept_as_shipped(qtbot, demo_shop, buyer_session):
    """顺丰速运 on the slip and in the ship dialog; the order keeps "SF Express"."""
    installed = app.install_translation(QApplication.instance(), "zh_CN")
    try:
        order_id = orders.create(buyer_session.token, catalog.search("Emma")[0].id, 1)
        orders.pay(buyer_session.token, order_id)
        staff = auth.login("lakeside", "lakeside").token
        box = courier_box()
        qtbot.addWidget(box)
        shop.ship(staff, order_id, tracking="SF1234567890", courier=chosen_courier(box))
        shipped = shop.get_order(staff, order_id)
        slip = packing_slip.slip_html(shipped)
    finally:
        for translator in installed:
            QApplication.removeTranslator(translator)
    assert box.currentText() == "顺丰速运"
    assert shipped.courier == "SF Express"
    assert "顺丰速运" in slip and "SF1234567890" in slip and "SF Express" not in slip


def test_saving_the_packing_slip_as_pdf_says_where(qtbot, tmp_path, monkeypatch, dialog_script,
                                                   buyer_session):
    order_id = orders.create(buyer_session.token, catalog.search("Emma")[0].id, 1)
    slip = packing_slip.SlipDialog(shop.get_order(auth.login("lakeside", "lakeside").token,
                                                  order_id))
    qtbot.addWidget(slip)
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_args: "")
    qtbot.mouseClick(slip.pdf_button, LEFT)  # cancelled: nothing written, nothing said
    assert dialog_script.shown == []
    target = tmp_path / "slip.pdf"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_args: str(target))
    qtbot.mouseClick(slip.pdf_button, LEFT)
    assert target.read_bytes().startswith(b"%PDF")
    assert dialog_script.shown == [("inform", "Save packing slip",
                                    f"The packing slip is saved as {target}.")]


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "workstation"])
def test_the_database_line_is_shown_to_staff_only(qtbot, tasks, kiosk):
    window = SignInWindow(tasks, kiosk=kiosk)
    qtbot.addWidget(window)
    window.set_database("sqlite:////var/lib/bookshop/shop.db")
    window.show()
    assert window.database_label.isVisible() is not kiosk
    assert window.settings_button.isVisible() is not kiosk
    assert "/var/lib/bookshop/shop.db" in window.database_label.text()


@pytest.fixture
def kiosk_look(qapp):
    """The style and style sheet `main --kiosk` sets, and the desktop's back after."""
    style, sheet = qapp.style().name(), qapp.styleSheet()
    qapp.setStyle(KioskStyle())
    qapp.setStyleSheet(resources.style_sheet(kiosk=True))
    yield
    qapp.setStyle(style)
    qapp.setStyleSheet(sheet)


def pressed_and_released(button: QAbstractButton) -> tuple[QImage, QImage]:
    released = button.grab().toImage()
    button.setDown(True)
    pressed = button.grab().toImage()
    button.setDown(False)
    return pressed, released


def buttons_shown(window) -> list[QAbstractButton]:
    return [button for button in window.findChildren(QAbstractButton)
            if button.isVisibleTo(window) and button.isEnabled()]


def test_every_kiosk_button_looks_pressed_under_a_finger(qtbot, demo_shop, tasks, kiosk_look):
    sign_in = SignInWindow(tasks, kiosk=True)
    qtbot.addWidget(sign_in)
    sign_in.show_demo_accounts(True)
    sign_in.show()
    window = BuyerWindow(auth.login("reader", "reader"), tasks, kiosk=True, idle_seconds=600)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.catalog.open_book(catalog.search("Emma")[0])
    buttons = buttons_shown(sign_in) + buttons_shown(window)
    assert len(buttons) > 8 and window.catalog.panel.add_button in buttons
    same = [button.accessibleName() or button.text() for button in buttons
            if operator.eq(*pressed_and_released(button))]
    assert same == []
