"""Under zh_CN the shipping screens speak Chinese: the packing slip (on screen and as PDF),
scan to ship, Mark shipped, and the kiosk's address chooser, address book and form.

Each screen is opened the way a person reaches it and read with the same
check as the main windows: any English word left that is not a name fails.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bookshop_gui.services import accounts, auth, catalog, shop
from bookshop_gui.ui import dialogs
from bookshop_gui.ui.buyer.window import ADDRESSES, BuyerWindow
from bookshop_gui.ui.merchant.packing_slip import SlipDialog
from bookshop_gui.ui.merchant.ship_dialog import ShipDialog

from .live_helpers import choose, close, open_merchant, place
from .test_shipping_bench import read_pdf, scan
from .test_translations import assert_all_chinese, english_left

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def paid(chinese, buyer_session):
    """Two of reader's orders paid and waiting to ship, to the demo address."""
    return [place(buyer_session, "Emma", pay=True), place(buyer_session, "Dracula", pay=True)]


@pytest.fixture
def merchant(chinese, tasks, staff_session):
    window = open_merchant(staff_session, tasks)
    yield window
    close(window)


def test_the_packing_slip_and_its_pdf_are_chinese(qtbot, merchant, paid, tmp_path, monkeypatch):
    pane = merchant.show_pane("orders")
    pane.reload()
    pane.select_order(paid[0])
    qtbot.mouseClick(pane.slip_button, LEFT)
    slip = pane.findChild(SlipDialog)
    assert_all_chinese(slip)
    assert english_left(slip.preview.toPlainText()) == []
    path = tmp_path / "slip.pdf"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_args: str(path))
    qtbot.mouseClick(slip.pdf_button, LEFT)
    slip.close()

    text, _size, _codes = read_pdf(str(path))
    labels = ["装箱单", "订单", "收件人", "邮编", "日期", "状态", "图书", "数量", "金额"]
    for label in [*labels, "运费", "合计", "感谢您的惠顾"]:
        assert label in text
    assert "李明" in text and english_left(text) == []


def test_scan_to_ship_is_chinese_at_every_step(qtbot, merchant, paid):
    dialog = merchant.show_pane("orders").scan_to_ship()
    qtbot.waitUntil(lambda: dialog.scan.hasFocus())
    assert_all_chinese(dialog)
    scan(qtbot, str(paid[0]))
    assert "李明" in dialog.picked.text()
    assert_all_chinese(dialog)
    scan(qtbot, "bad!")  # not a waybill number: said why, in Chinese
    assert dialog.problem.isVisibleTo(dialog)
    assert_all_chinese(dialog)
    scan(qtbot, "100000000001")  # an SF Express waybill: twelve digits
    assert dialog.log.count() == 1
    assert_all_chinese(dialog)
    for wrong in ("no such slip", "99999", str(paid[0])):  # not a slip, no order, shipped
        scan(qtbot, wrong)
        assert dialog.problem.isVisibleTo(dialog)
        assert_all_chinese(dialog)
    dialog.accept()


def test_mark_shipped_asks_for_each_waybill_in_chinese(qtbot, merchant, paid):
    pane = merchant.show_pane("orders")
    pane.reload()
    choose(pane, paid)
    qtbot.mouseClick(pane.ship_button, LEFT)
    dialog = pane.findChild(ShipDialog)
    assert set(dialog.fields) == set(paid)
    assert_all_chinese(dialog)
    dialog.reject()


@pytest.fixture
def kiosk(qtbot, chinese, tasks, buyer_session):
    """reader at a kiosk, with a second address besides the demo one."""
    accounts.save_address(buyer_session.token, name="王芳", phone="13900139000",
                          region="上海市 上海市 浦东新区", street="世纪大道 100 号")
    window = BuyerWindow(buyer_session, tasks, kiosk=True, idle_seconds=600)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_kiosk_order_preview_and_its_address_chooser_are_chinese(qtbot, kiosk):
    [book] = catalog.search("Emma")
    kiosk.buy_now(book, 1)
    chooser = kiosk.preview.ship_to
    assert len(chooser.group.buttons()) == 2
    assert_all_chinese(kiosk)
    qtbot.mouseClick(chooser.add_button, LEFT)  # a new address, typed in place
    assert chooser.form.isVisibleTo(kiosk)
    assert_all_chinese(kiosk)
    qtbot.mouseClick(chooser.form.save_button, LEFT)  # empty: refused, and said why in Chinese
    assert chooser.form.error.isVisibleTo(kiosk)
    assert_all_chinese(kiosk)


def test_the_kiosk_address_book_and_its_forms_are_chinese(qtbot, kiosk):
    kiosk.go(ADDRESSES)
    book = kiosk.addresses
    assert len(book.addresses) == 2
    assert_all_chinese(kiosk)
    book.edit(None)
    assert_all_chinese(kiosk)
    book.edit(book.addresses[0])
    assert_all_chinese(kiosk)


def test_a_shipped_order_reads_in_chinese_at_the_kiosk(qtbot, kiosk, buyer_session):
    order_id = place(buyer_session, "Emma", pay=True)
    shop.ship(auth.login("lakeside", "lakeside").token, order_id, tracking="100000000009")
    kiosk.show_order(order_id)
    assert kiosk.detail.tracking.field.text() == "100000000009"
    assert_all_chinese(kiosk)
