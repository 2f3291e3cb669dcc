"""One parcel from the kiosk to the buyer's tracking number, on the demo shop as
`python main.py` opens it: a brand-new embedded database filled with the demo data.

Both sides sign in with the demo accounts and work only through their windows:
the buyer orders at a kiosk, staff save the packing slip as PDF, scan its
barcode (read back from the PDF) and the waybill, and the buyer then finds the
courier and the tracking number on the order.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import connection
from bookshop_gui.ui import dialogs, resources
from bookshop_gui.ui.buyer.orders_view import TABS
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.packing_slip import SlipDialog

from .live_helpers import click_tab, close, open_merchant
from .test_buyer_checkout import add_first, sign_in
from .test_shipping_bench import read_pdf, scan

LEFT = Qt.MouseButton.LeftButton
WAYBILL = "SF1357924680"


@pytest.fixture
def started_shop(sqlite_url):
    """The database `python main.py` makes on first start: the default file, seeded."""
    connection.open_database(sqlite_url, seed_demo_if_empty=True)
    yield
    connection.close()


def order_at_the_kiosk(qtbot, tasks) -> tuple[BuyerWindow, int]:
    window = BuyerWindow(sign_in(qtbot, tasks, "reader"), tasks, kiosk=True, idle_seconds=600)
    qtbot.addWidget(window)
    window.setStyleSheet(resources.style_sheet(kiosk=True))
    window.show()
    add_first(qtbot, window, "Jane Eyre")
    qtbot.mouseClick(window.header.nav["cart"], LEFT)
    qtbot.mouseClick(window.cart.order_button, LEFT)
    assert "文三路 90 号" in window.preview.ship_to.group.checkedButton().text()
    qtbot.mouseClick(window.preview.submit_button, LEFT)
    qtbot.waitUntil(window.payment.pay_button.isEnabled)
    [order_id] = window.payment.order_ids()
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    assert window.orders.status() == OrderStatus.PENDING_SHIPMENT
    return window, order_id


def test_a_kiosk_order_is_packed_shipped_and_tracked(qtbot, tasks, started_shop, tmp_path,
                                                      monkeypatch):
    kiosk, order_id = order_at_the_kiosk(qtbot, tasks)

    merchant = open_merchant(sign_in(qtbot, tasks, "lakeside"), tasks)
    pane = merchant.show_pane("orders")
    click_tab(qtbot, pane, OrderStatus.PENDING_SHIPMENT)
    assert pane.select_order(order_id)
    qtbot.mouseClick(pane.slip_button, LEFT)
    slip = pane.findChild(SlipDialog)
    path = str(tmp_path / f"packing-slip-{order_id}.pdf")
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_args: path)
    qtbot.mouseClick(slip.pdf_button, LEFT)
    slip.close()
    text, _size, codes = read_pdf(path)
    assert "李明" in text and "文三路 90 号" in text and "Jane Eyre" in text
    [barcode] = [value for kind, value in codes if kind.name == "Code128"]

    dialog = pane.scan_to_ship()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.scan)
    scan(qtbot, barcode)  # what the scanner reads off the printed slip
    scan(qtbot, WAYBILL)
    assert dialog.log.count() == 1
    dialog.accept()
    close(merchant)

    qtbot.mouseClick(kiosk.header.nav["orders"], LEFT)
    tabs = kiosk.orders.tabs
    to_receive = TABS.index(OrderStatus.PENDING_RECEIPT)
    qtbot.mouseClick(tabs, LEFT, pos=tabs.tabRect(to_receive).center())
    assert tabs.tabText(to_receive).endswith("(1)")
    qtbot.waitUntil(lambda: kiosk.orders.current() is not None)
    assert kiosk.orders.current().id == order_id
    qtbot.mouseClick(kiosk.orders.buttons["detail"], LEFT)
    detail = kiosk.detail
    assert kiosk.stack.currentWidget() is detail
    assert detail.courier.text() == "SF Express"
    assert detail.tracking.field.text() == WAYBILL and detail.tracking.qr.isVisibleTo(kiosk)
    assert "文三路 90 号" in detail.ship_to.text()
