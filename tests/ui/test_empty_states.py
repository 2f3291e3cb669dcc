"""An empty list says why it is empty and offers the way on, in the list's place: a search
that finds nothing clears with one press, an empty cart or order list leads to the books,
an empty status tab back to every order."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import accounts, auth
from bookshop_gui.ui.app import install_translation
from bookshop_gui.ui.buyer.window import CART, CATALOG, ORDERS, BuyerWindow

from .live_helpers import click_tab, place

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def english(qapp):
    installed = install_translation(qapp, "en")
    yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def _kiosk(qtbot, username: str, tasks) -> BuyerWindow:
    window = BuyerWindow(auth.login(username, username), tasks)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def newcomer(qtbot, demo_shop, tasks) -> BuyerWindow:
    """A buyer's first visit: nothing in the cart, no orders yet."""
    accounts.create_user("newcomer", "newcomer", "buyer", balance=Decimal("30"))
    return _kiosk(qtbot, "newcomer", tasks)


def test_a_search_that_finds_nothing_says_so_and_clears_with_one_press(qtbot, newcomer):
    page = newcomer.catalog
    qtbot.keyClicks(page.search, "no such book")
    qtbot.waitUntil(lambda: page.empty_state.isVisible())
    assert not page.list.isVisible()
    assert "“no such book”" in page.empty.text()

    qtbot.mouseClick(page.clear_all, LEFT)

    assert page.search.text() == ""
    assert page.list.isVisible() and not page.empty_state.isVisible()
    assert page.model.rowCount() == 34


def test_a_shop_filter_alone_is_cleared_too(qtbot, newcomer):
    page = newcomer.catalog
    page.shop.setCurrentIndex(page.shop.findText("墨香书店"))
    qtbot.keyClicks(page.search, "Austen")  # no Austen at 墨香书店
    qtbot.waitUntil(lambda: page.empty_state.isVisible())

    qtbot.mouseClick(page.clear_all, LEFT)

    assert page.shop.currentIndex() == 0
    assert page.model.rowCount() == 34


def test_the_next_buyer_does_not_see_the_last_ones_empty_search(qtbot, newcomer):
    page = newcomer.catalog
    qtbot.keyClicks(page.search, "no such book")
    qtbot.waitUntil(lambda: page.empty_state.isVisible())

    page.clear()

    assert page.list.isVisible() and not page.empty_state.isVisible()


@pytest.mark.parametrize("name", [CART, ORDERS])
def test_an_empty_cart_or_order_list_leads_to_the_books(qtbot, newcomer, name):
    newcomer.go(name)
    page = newcomer.cart if name == CART else newcomer.orders
    assert page.empty_state.isVisible() and not page.table.isVisible()

    qtbot.mouseClick(page.browse, LEFT)

    assert newcomer.current_page() == CATALOG


@pytest.fixture
def orders_pane(staff_window, buyer_session):
    place(buyer_session, "Emma")
    place(buyer_session, "Dracula", pay=True)
    return staff_window.show_pane("orders")


def test_a_status_tab_with_no_orders_says_which_and_leads_back_to_all(qtbot, orders_pane):
    click_tab(qtbot, orders_pane, OrderStatus.COMPLETED)
    assert orders_pane.empty_box.isVisible() and not orders_pane.table.isVisible()
    assert orders_pane.empty.text() == "No orders in “Completed”."

    qtbot.mouseClick(orders_pane.empty_action, LEFT)

    assert orders_pane.current_status() is None
    assert orders_pane.table.isVisible() and not orders_pane.empty_box.isVisible()
    assert orders_pane.model.rowCount() == 2


def test_an_order_search_that_finds_nothing_clears_with_one_press(qtbot, orders_pane):
    qtbot.keyClicks(orders_pane.search, "nobody")
    orders_pane.search.search_now()
    assert orders_pane.empty.text() == "No orders match “nobody”."

    qtbot.mouseClick(orders_pane.empty_action, LEFT)

    assert orders_pane.search.text() == ""
    assert orders_pane.model.rowCount() == 2
    assert orders_pane.table.isVisible()


def test_a_shop_without_orders_says_they_come_from_the_kiosks(qtbot, staff_window):
    pane = staff_window.show_pane("orders")
    assert pane.empty_box.isVisible()
    assert "kiosks" in pane.empty.text()
    assert not pane.empty_action.isVisibleTo(pane)


def test_a_new_order_replaces_the_empty_state_with_the_list(qtbot, staff_window, buyer_session):
    pane = staff_window.show_pane("orders")
    place(buyer_session, "Emma")

    pane.poll()

    assert pane.table.isVisible() and pane.model.rowCount() == 1

