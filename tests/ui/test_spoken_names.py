"""A screen reader can say what every control is, in the dialogs and states the
screen-by-screen walk does not reach: the waybill dialog for several orders,
scan-to-ship halfway through a parcel, the kiosk's address form, and the database
settings for a shared server. The rule is the walk's own (`names_missing`)."""

from __future__ import annotations

import pytest
from layout.checks import names_missing
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from bookshop_gui.services import auth
from bookshop_gui.ui.buyer.window import ADDRESSES, BuyerWindow
from bookshop_gui.ui.merchant.scan_ship import ScanShipDialog
from bookshop_gui.ui.merchant.ship_dialog import ShipDialog, order_label
from bookshop_gui.ui.settings_dialog import SettingsDialog

from .live_helpers import place


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_waybill_dialog_for_several_orders(qtbot, language, staff_session, buyer_session,
                                                tasks):
    chosen = [place(buyer_session, title, pay=True) for title in ("Emma", "Dracula")]
    dialog = shown(qtbot, ShipDialog(staff_session, tasks,
                                     [(i, order_label(i, "reader", "杭州市")) for i in chosen]))
    assert len(dialog.fields) == 2
    assert names_missing(dialog) == []


def test_scan_to_ship_with_a_parcel_picked(qtbot, language, staff_session, buyer_session,
                                           tasks):
    order_id = place(buyer_session, "Emma", pay=True)
    dialog = shown(qtbot, ScanShipDialog(staff_session, tasks))
    assert names_missing(dialog) == []
    qtbot.keyClicks(dialog.scan, str(order_id))
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.order is not None)
    assert names_missing(dialog) == []


def test_the_kiosks_address_form(qtbot, language, demo_shop, tasks):
    window = BuyerWindow(auth.login("reader", "reader"), tasks, kiosk=True, idle_seconds=600)
    shown(qtbot, window)
    window.go(ADDRESSES)
    assert names_missing(window) == []
    window.addresses.edit(None)
    assert names_missing(window) == []


@pytest.mark.parametrize("where", ["local", "server"])
def test_the_database_settings(qtbot, language, tasks, where):
    dialog = shown(qtbot, SettingsDialog(tasks))
    getattr(dialog, where).click()
    assert dialog.host.isEnabled() is (where == "server")
    assert names_missing(dialog) == []
