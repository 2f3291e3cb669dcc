"""Where an order goes, at the kiosk: chosen at checkout, kept in the address book,
and shown on the order with the courier's tracking number once it has left."""

from decimal import Decimal

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFormLayout, QFrame, QLabel, QPushButton, QScroller

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import accounts, auth, catalog, orders, shop
from bookshop_gui.ui import resources
from bookshop_gui.ui.app import install_translation
from bookshop_gui.ui.buyer.window import ADDRESSES, BuyerWindow
from tests.ui.test_buyer_checkout import add_first

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def newcomer(demo_shop):
    """A buyer who has never given an address."""
    accounts.create_user("newcomer", "newcomer", "buyer", balance=Decimal("100.00"))
    return auth.login("newcomer", "newcomer")


def open_window(qtbot, tasks, session):
    window = BuyerWindow(session, tasks)
    qtbot.addWidget(window)
    window.show()
    return window


def fill(qtbot, form, **values):
    """Type into the form; Chinese arrives as an input method commits it, a word at once."""
    for name, text in values.items():
        field = getattr(form, name)
        if text.isascii():
            qtbot.keyClicks(field, text)
        else:
            field.insert(text)


def test_a_buyer_adds_an_address_at_checkout_and_pays(qtbot, tasks, newcomer):
    window = open_window(qtbot, tasks, newcomer)
    add_first(qtbot, window, "Emma")
    qtbot.mouseClick(window.header.nav["cart"], LEFT)
    qtbot.mouseClick(window.cart.order_button, LEFT)

    preview = window.preview
    assert preview.ship_to.form.isVisibleTo(window)
    assert not preview.submit_button.isEnabled()
    assert preview.address_note.isVisibleTo(window)
    qtbot.mouseClick(preview.submit_button, LEFT)
    assert orders.list(newcomer.token) == []

    form = preview.ship_to.form
    fill(qtbot, form, name="张伟", phone="13800138000", province="广东省", city="深圳市",
         district="南山区", street="科技园路 1 号", postcode="518057")
    qtbot.keyClick(form.postcode, Qt.Key.Key_Return)  # Enter on the last box saves
    assert not form.isVisibleTo(window)
    assert preview.ship_to.chosen_id() is not None
    assert "深圳市" in preview.ship_to.group.checkedButton().text()
    assert preview.submit_button.isEnabled()

    qtbot.mouseClick(preview.submit_button, LEFT)
    qtbot.waitUntil(lambda: window.payment.pay_button.isEnabled())
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    [order] = orders.list(newcomer.token, OrderStatus.PENDING_SHIPMENT)
    detail = orders.info(newcomer.token, order.id)
    assert (detail.address.name, detail.address.region) == ("张伟", "广东省 深圳市 南山区")
    assert accounts.addresses(newcomer.token)[0].is_default


def test_a_bad_phone_number_is_explained_and_nothing_is_saved(qtbot, tasks, newcomer):
    window = open_window(qtbot, tasks, newcomer)
    qtbot.mouseClick(window.header.nav["orders"], LEFT)
    qtbot.mouseClick(window.orders.addresses_button, LEFT)
    book = window.addresses
    qtbot.mouseClick(book.add_button, LEFT)
    fill(qtbot, book.form, name="张伟", phone="call me", province="广东省", city="深圳市",
         street="科技园路 1 号")
    qtbot.mouseClick(book.form.save_button, LEFT)
    assert book.form.error.isVisibleTo(window)
    assert "phone number" in book.form.error.text()
    assert window.focusWidget() is book.form.phone  # where the fix is typed
    assert accounts.addresses(newcomer.token) == []


def test_the_address_book_changes_the_default(qtbot, tasks, buyer_session):
    accounts.save_address(buyer_session.token, name="李明", phone="13800138001",
                          region="北京市 北京市 朝阳区", street="建国路 1 号")
    window = open_window(qtbot, tasks, buyer_session)
    qtbot.mouseClick(window.header.nav["orders"], LEFT)
    qtbot.mouseClick(window.orders.addresses_button, LEFT)
    book = window.addresses
    assert len(book.addresses) == 2
    make_default = next(b for b in book.findChildren(type(book.add_button))
                        if b.text() == "Make default" and b.isVisibleTo(window))
    qtbot.mouseClick(make_default, LEFT)
    assert accounts.addresses(buyer_session.token)[0].region == "北京市 北京市 朝阳区"


def test_the_order_shows_where_it_goes_and_its_tracking_number(qtbot, tasks, buyer_session):
    [book] = catalog.search("Emma")
    order_id = orders.create(buyer_session.token, book.id, 1)
    orders.pay(buyer_session.token, order_id)
    staff = auth.login("lakeside", "lakeside")
    shop.ship(staff.token, order_id, tracking="SF1234567890")
    window = open_window(qtbot, tasks, buyer_session)
    window.show_order(order_id)
    detail = window.detail
    assert "文三路 90 号" in detail.ship_to.text()
    assert detail.courier.text() == "SF Express"
    tracking = detail.tracking
    assert tracking.field.text() == "SF1234567890"
    assert not tracking.qr.isVisibleTo(window)  # at a workstation: copied, not scanned
    qtbot.mouseClick(tracking.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == "SF1234567890"


def read_qr(pixmap) -> set[str]:
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = bytes(image.constBits())
    view = zxingcpp.ImageView(memoryview(pixels).cast("B", (image.height(), image.bytesPerLine())),
                              image.width(), image.height(), zxingcpp.ImageFormat.Lum,
                              image.bytesPerLine(), 1)
    return {code.text for code in zxingcpp.read_barcodes(view)}


def test_the_kiosk_shows_the_tracking_number_large_with_a_qr_code(qtbot, tasks, buyer_session):
    """No keyboard and nowhere to paste: the buyer reads the number or scans it with a phone."""
    [book] = catalog.search("Emma")
    order_id = orders.create(buyer_session.token, book.id, 1)
    orders.pay(buyer_session.token, order_id)
    shop.ship(auth.login("lakeside", "lakeside").token, order_id, tracking="SF1234567890")
    window = BuyerWindow(buyer_session, tasks, kiosk=True, idle_seconds=600)
    qtbot.addWidget(window)
    window.setStyleSheet(resources.style_sheet(kiosk=True))
    window.show()
    window.show_order(order_id)
    tracking = window.detail.tracking
    assert not tracking.copy_button.isVisibleTo(window)
    assert tracking.qr.isVisibleTo(window) and tracking.caption.isVisibleTo(window)
    assert read_qr(tracking.qr.pixmap()) == {"SF1234567890"}
    field = tracking.field
    assert QFontInfo(field.font()).pixelSize() > QFontInfo(window.detail.courier.font()).pixelSize()
    field.selectAll()
    assert field.selectedText() == "SF1234567890"


def test_the_courier_reads_in_chinese_on_the_order(qtbot, tasks, buyer_session):
    [book] = catalog.search("Emma")
    order_id = orders.create(buyer_session.token, book.id, 1)
    orders.pay(buyer_session.token, order_id)
    shop.ship(auth.login("lakeside", "lakeside").token, order_id, tracking="SF1234567890")
    installed = install_translation(QApplication.instance(), "zh_CN")
    try:
        window = open_window(qtbot, tasks, buyer_session)
        window.show_order(order_id)
        assert window.detail.courier.text() == "顺丰速运"
    finally:
        for translator in installed:
            QApplication.removeTranslator(translator)


def test_an_order_without_an_address_asks_for_one_before_paying(qtbot, tasks, newcomer):
    [book] = catalog.search("Emma")
    order_id = orders.create(newcomer.token, book.id, 1)  # placed before any address existed
    window = open_window(qtbot, tasks, newcomer)
    window.show_order(order_id)
    detail = window.detail
    assert detail.move_panel.isVisibleTo(window)
    assert not detail.buttons["pay"].isEnabled()
    form = detail.move_panel.chooser.form
    fill(qtbot, form, name="张伟", phone="13800138000", province="广东省", city="深圳市",
         district="南山区", street="科技园路 1 号")
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.mouseClick(detail.move_panel.send_button, LEFT)
    assert orders.info(newcomer.token, order_id).address.street == "科技园路 1 号"
    assert "科技园路 1 号" in detail.ship_to.text()
    assert detail.buttons["pay"].isEnabled() and not detail.move_panel.isVisibleTo(window)


def test_pay_in_my_orders_asks_for_an_address_first(qtbot, tasks, newcomer):
    [book] = catalog.search("Emma")
    order_id = orders.create(newcomer.token, book.id, 1)  # placed before any address existed
    window = open_window(qtbot, tasks, newcomer)
    window.show_orders(OrderStatus.PENDING_PAYMENT)
    qtbot.waitUntil(lambda: window.orders.current() is not None)
    qtbot.mouseClick(window.orders.buttons["pay"], LEFT)
    detail = window.detail
    assert window.stack.currentWidget() is detail
    assert detail.move_panel.isVisibleTo(window)
    assert not detail.buttons["pay"].isEnabled()
    assert orders.info(newcomer.token, order_id).status is OrderStatus.PENDING_PAYMENT

    accounts.save_address(newcomer.token, name="张伟", phone="13800138000",
                          region="广东省 深圳市 南山区", street="科技园路 1 号")
    orders.set_address(newcomer.token, order_id, accounts.addresses(newcomer.token)[0].id)
    window.show_orders(OrderStatus.PENDING_PAYMENT)
    qtbot.mouseClick(window.orders.buttons["pay"], LEFT)
    assert window.stack.currentWidget() is window.payment  # with an address, straight on


def test_a_paid_order_is_sent_elsewhere_until_it_ships(qtbot, tasks, buyer_session):
    other = accounts.save_address(buyer_session.token, name="李明", phone="13800138001",
                                  region="北京市 北京市 朝阳区", street="建国路 1 号")
    [book] = catalog.search("Emma")
    order_id = orders.create(buyer_session.token, book.id, 1)
    orders.pay(buyer_session.token, order_id)
    window = open_window(qtbot, tasks, buyer_session)
    window.show_order(order_id)
    detail = window.detail
    qtbot.mouseClick(detail.move_button, LEFT)
    choice = detail.move_panel.chooser.group.button(other)
    qtbot.waitUntil(lambda: choice.isVisible() and choice.width() > 100)  # laid out
    qtbot.mouseClick(choice, LEFT)  # the middle of the row, away from the circle and text
    qtbot.mouseClick(detail.move_panel.send_button, LEFT)
    assert orders.info(buyer_session.token, order_id).address.street == "建国路 1 号"
    shop.ship(auth.login("lakeside", "lakeside").token, order_id, tracking="SF6000000001")
    window.show_order(order_id)
    assert not detail.move_button.isVisibleTo(window)


def test_the_address_book_scrolls_with_a_swipe(qtbot, tasks, buyer_session):
    window = open_window(qtbot, tasks, buyer_session)
    qtbot.mouseClick(window.header.nav["orders"], LEFT)
    qtbot.mouseClick(window.orders.addresses_button, LEFT)
    viewport = window.addresses.scroll.viewport()
    assert QScroller.hasScroller(viewport)  # a finger drags the addresses and the form


def test_the_address_forms_labels_sit_level_with_their_fields(qtbot, tasks, buyer_session):
    window = open_window(qtbot, tasks, buyer_session)
    window.go(ADDRESSES)
    window.addresses.edit(None)
    form = window.addresses.form
    qtbot.waitUntil(form.name.isVisible)
    rows = form.findChild(QFormLayout)
    middles = {}
    for row in range(rows.rowCount()):
        label = rows.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = rows.itemAt(row, QFormLayout.ItemRole.FieldRole).geometry()
        if label is not None:  # its text is centred in it, as a QLabel's is by default
            middle = label.geometry().center().y()
            middles[label.widget().text()] = middle - field.center().y()
    assert len(middles) == 5 and all(abs(off) <= 1 for off in middles.values()), middles


@pytest.fixture
def two_addresses(buyer_session):
    """reader's demo address in Hangzhou and a newer one in Shanghai, made the default."""
    shanghai = accounts.save_address(buyer_session.token, name="王芳", phone="13900139000",
                                     region="上海市 上海市 浦东新区", street="世纪大道 100 号",
                                     default=True)
    hangzhou = next(a.id for a in accounts.addresses(buyer_session.token) if a.id != shanghai)
    return {"default": shanghai, "other": hangzhou}


def open_kiosk(qtbot, tasks, session):
    window = BuyerWindow(session, tasks, kiosk=True, idle_seconds=600)
    qtbot.addWidget(window)
    window.setStyleSheet(resources.style_sheet(kiosk=True))
    window.show()
    return window


def test_the_kiosk_preview_starts_on_the_default_address_ready_to_submit(
        qtbot, tasks, buyer_session, two_addresses):
    window = open_kiosk(qtbot, tasks, buyer_session)
    add_first(qtbot, window, "Emma")
    qtbot.mouseClick(window.header.nav["cart"], LEFT)
    qtbot.mouseClick(window.cart.order_button, LEFT)
    preview = window.preview
    chooser = preview.ship_to
    assert len(chooser.group.buttons()) == 2
    assert chooser.chosen_id() == two_addresses["default"]
    assert "世纪大道 100 号" in chooser.group.checkedButton().text()
    assert not chooser.form.isVisibleTo(window)
    assert preview.submit_button.isEnabled() and not preview.address_note.isVisibleTo(window)

    qtbot.mouseClick(preview.submit_button, LEFT)
    [order] = orders.list(buyer_session.token)
    assert orders.info(buyer_session.token, order.id).address.street == "世纪大道 100 号"


def card_button(window, address_id, text):
    """The button labelled `text` on the address book's card for `address_id`."""
    book = window.addresses
    street = next(a.street for a in book.addresses if a.id == address_id)
    card = next(c for c in book.findChildren(QFrame, "card")
                if c is not book.form and street in " ".join(
                    label.text() for label in c.findChildren(QLabel)))
    return next(b for b in card.findChildren(QPushButton) if b.text() == text)


def test_the_kiosk_address_book_changes_an_address(qtbot, tasks, buyer_session, two_addresses):
    window = open_kiosk(qtbot, tasks, buyer_session)
    qtbot.mouseClick(window.header.nav["orders"], LEFT)
    qtbot.mouseClick(window.orders.addresses_button, LEFT)
    other = two_addresses["other"]
    qtbot.mouseClick(card_button(window, other, "Change"), LEFT)
    form = window.addresses.form
    assert form.isVisibleTo(window) and form.street.text() == "文三路 90 号 3 幢 501 室"
    form.street.selectAll()
    form.street.insert("文二路 8 号")
    form.phone.selectAll()
    qtbot.keyClicks(form.phone, "13700137000")
    qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisibleTo(window)

    saved = {a.id: a for a in accounts.addresses(buyer_session.token)}
    assert (saved[other].street, saved[other].phone) == ("文二路 8 号", "13700137000")
    assert saved[other].region == "浙江省 杭州市 西湖区"  # untouched parts stay as they were
    assert saved[two_addresses["default"]].is_default and not saved[other].is_default
    assert "文二路 8 号" in card_button(window, other, "Change").parent().findChild(QLabel).text()


def test_the_kiosk_address_book_removes_an_address(qtbot, tasks, buyer_session, two_addresses):
    window = open_kiosk(qtbot, tasks, buyer_session)
    window.go(ADDRESSES)
    qtbot.mouseClick(card_button(window, two_addresses["default"], "Remove"), LEFT)
    [left] = accounts.addresses(buyer_session.token)
    assert left.id == two_addresses["other"] and left.is_default  # the one left takes over
    qtbot.waitUntil(lambda: [a.id for a in window.addresses.addresses] == [left.id])
