"""The packing bench: scan to ship, the packing slip and its barcode, the courier's CSV.

A barcode scanner is a keyboard that types the code and presses Enter, so the
scans here are `keyClicks` and an Enter on the widget that has the focus.
"""

import csv
from datetime import timedelta

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import Order
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import catalog, orders, shop
from bookshop_gui.ui import dialogs
from bookshop_gui.ui.merchant import packing_slip
from bookshop_gui.ui.merchant.orders_model import COL_CITY
from bookshop_gui.ui.merchant.packing_slip import SlipDialog
from bookshop_gui.ui.merchant.ship_dialog import ShipDialog

from .live_helpers import place

MM = 72 / 25.4  # PDF points per millimetre


def paid_order(buyer, title, cnt=1):
    return place(buyer, title, cnt, pay=True)


@pytest.fixture
def window(staff_window):
    return staff_window


def scan(qtbot, code):
    """What a scanner does: type the code into whatever has the focus, then Enter."""
    target = QApplication.focusWidget()
    qtbot.keyClicks(target, code)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_staff_scan_to_ship_two_parcels_without_the_mouse(qtbot, window, buyer_session):
    pane = window.show_pane("orders")
    first, second = paid_order(buyer_session, "Emma"), paid_order(buyer_session, "Dracula")
    unpaid = orders.create(buyer_session.token, catalog.search("Moby-Dick")[0].id, 1)
    dialog = pane.scan_to_ship()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.scan)
    assert dialog.log.accessibleName() == "Shipped just now"  # what a screen reader calls it

    scan(qtbot, str(first))
    assert "李明" in dialog.picked.text() and "文三路" in dialog.picked.text()
    scan(qtbot, "SF1000000001")
    scan(qtbot, str(unpaid))  # a slip for an order that is not paid: refused, said why
    assert dialog.problem.isVisible() and f"#{unpaid}" in dialog.problem.text()
    scan(qtbot, str(second))
    scan(qtbot, "bad!")  # not a waybill number: the order stays picked for a rescan
    assert dialog.problem.isVisible() and dialog.order.id == second
    scan(qtbot, "SF1000000002")

    token = pane.session.token
    assert [(shop.get_order(token, i).status, shop.get_order(token, i).tracking)
            for i in (first, second)] == [(OrderStatus.PENDING_RECEIPT, "SF1000000001"),
                                          (OrderStatus.PENDING_RECEIPT, "SF1000000002")]
    assert shop.get_order(token, unpaid).status == OrderStatus.PENDING_PAYMENT
    assert dialog.log.count() == 2
    dialog.accept()
    row = pane.model.row_of(first)
    assert pane.model.index(row, COL_CITY).data() == "杭州市"


def read_pdf(path):
    """The page's text and size, and the codes a barcode reader finds on it at 216 dpi."""
    page = pypdfium2.PdfDocument(path)[0]
    bitmap = page.render(scale=3, grayscale=True)
    pixels = bytes(bitmap.buffer)  # the view borrows these bytes: keep them while reading
    image = zxingcpp.ImageView(memoryview(pixels).cast("B", (bitmap.height, bitmap.stride)),
                               bitmap.width, bitmap.height, zxingcpp.ImageFormat.Lum,
                               bitmap.stride, 1)
    codes = {(code.format, code.text) for code in zxingcpp.read_barcodes(image)}
    del image, pixels
    words = " ".join(page.get_textpage().get_text_range().split())  # lines joined
    return words, page.get_size(), codes


@pytest.mark.parametrize(("paper", "size_mm"), [(packing_slip.A5, (148, 210)),
                                                (packing_slip.LABEL, (100, 150))])
def test_the_packing_slip_pdf_has_the_address_and_a_barcode_that_scans(
        qtbot, window, buyer_session, tmp_path, monkeypatch, paper, size_mm):
    pane = window.show_pane("orders")
    order_id = paid_order(buyer_session, "Jane Eyre", 2)
    pane.reload()
    pane.select_order(order_id)
    qtbot.mouseClick(pane.slip_button, Qt.MouseButton.LeftButton)
    slip = pane.findChild(SlipDialog)
    slip.paper.setCurrentIndex(slip.paper.findData(paper))
    path = str(tmp_path / "slip.pdf")
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_args: path)
    qtbot.mouseClick(slip.pdf_button, Qt.MouseButton.LeftButton)
    slip.close()

    text, size, codes = read_pdf(path)
    for expected in ("李明", "138 0013 8000", "浙江省 杭州市 西湖区 文三路 90 号 3 幢 501 室",
                     "310012", "Jane Eyre"):
        assert expected in text
    assert (zxingcpp.BarcodeFormat.Code128, str(order_id)) in codes
    assert (zxingcpp.BarcodeFormat.QRCode, str(order_id)) in codes
    assert (round(size[0] / MM), round(size[1] / MM)) == size_mm


def test_todays_shipments_export_as_the_courier_csv(qtbot, window, buyer_session, tmp_path):
    pane = window.show_pane("orders")
    first, second = paid_order(buyer_session, "Emma", 2), paid_order(buyer_session, "Dracula")
    paid_order(buyer_session, "Frankenstein")  # not shipped: not in the file
    for order_id, waybill in ((first, "SF3000000001"), (second, "SF3000000002")):
        shop.ship(pane.session.token, order_id, tracking=waybill)
    path = tmp_path / "shipments.csv"
    pane.export_shipments(str(path), utcnow().date())

    with open(path, newline="", encoding="utf-8-sig") as read:
        table = list(csv.reader(read))
    address = "浙江省 杭州市 西湖区 文三路 90 号 3 幢 501 室 310012"
    assert table == [
        ["Receiver", "Phone", "Address", "Parcel content", "Order number"],
        ["李明", "138 0013 8000", address, "Emma × 2", str(first)],
        ["李明", "138 0013 8000", address, "Dracula", str(second)],
    ]


def test_the_editor_shows_the_whole_address_and_the_waybill(qtbot, window, buyer_session):
    pane = window.show_pane("orders")
    order_id = paid_order(buyer_session, "Emma")
    shop.ship(pane.session.token, order_id, tracking="SF4000000001")
    pane.reload()
    pane.select_order(order_id)
    editor = pane.open_order(pane.current_order())
    text = editor.destination.text()
    assert "李明" in text and "浙江省 杭州市 西湖区 文三路 90 号 3 幢 501 室 310012" in text
    assert "SF Express" in text and "SF4000000001" in text
    editor.close()


def test_reports_list_orders_waiting_to_ship_and_ship_them(qtbot, window, buyer_session):
    late, fresh = paid_order(buyer_session, "Emma"), paid_order(buyer_session, "Dracula")
    Order.update(paid_at=utcnow() - timedelta(hours=50)).where(Order.id == late).execute()
    shop.ship(window.session.token, paid_order(buyer_session, "Frankenstein"),
              tracking="SF5000000001")
    pane = window.show_pane("reports")
    pane.refresh()
    assert pane.shipped.index(0, 1).data() == "1"  # today, the newest day, first
    waiting = pane.waiting
    assert [w.order_id for w in waiting.model.rows] == [late]
    assert "(1)" in waiting.heading.text()
    assert waiting.model.index(0, 3).data() == "杭州市"
    assert waiting.ship_button.isVisible() and not waiting.empty.isVisible()

    waiting.table.selectRow(0)
    qtbot.mouseClick(waiting.ship_button, Qt.MouseButton.LeftButton)
    dialog = waiting.findChild(ShipDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields[late])
    scan(qtbot, "SF5000000002")
    assert shop.get_order(window.session.token, late).tracking == "SF5000000002"
    assert waiting.model.rows == [] and "(0)" in waiting.heading.text()
    assert waiting.empty.isVisible()  # says all is well, with nothing left to press
    assert not waiting.table.isVisible() and not waiting.ship_button.isVisible()
    assert shop.get_order(window.session.token, fresh).status == OrderStatus.PENDING_SHIPMENT
