"""A kiosk on a portrait screen set to 150 % is 720 px wide: the header turns compact
and its lists drop columns, and a wider window has them back as they were."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from bookshop_gui.services import auth, cart, catalog
from bookshop_gui.ui.buyer.cart_model import COL_BOOK, COL_MONEY, COL_PRICE
from bookshop_gui.ui.buyer.cart_model import COL_SHOP as CART_SHOP
from bookshop_gui.ui.buyer.orders_model import COL_PLACED, COL_SHOP
from bookshop_gui.ui.buyer.window import BuyerWindow

ICON_ONLY = Qt.ToolButtonStyle.ToolButtonIconOnly


def open_kiosk(qtbot, tasks) -> BuyerWindow:
    session = auth.login("reader", "reader")
    cart.add(session.token, catalog.search("Emma")[0].id, 2)
    window = BuyerWindow(session, tasks, kiosk=True, idle_seconds=600)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitUntil(lambda: window.header.nav["cart"].text() == "Cart (2)")
    return window


def test_header_turns_compact_when_narrow_and_back(qtbot, demo_shop, tasks, kiosk_sheet):
    window = open_kiosk(qtbot, tasks)
    header = window.header
    assert not header.compact
    window.resize(720, 1280)
    qtbot.waitUntil(lambda: header.compact)
    catalog_button, cart_button = header.nav["catalog"], header.nav["cart"]
    assert catalog_button.toolButtonStyle() == ICON_ONLY
    assert (catalog_button.toolTip(), catalog_button.accessibleName()) == ("Catalog", "Catalog")
    assert cart_button.text() == "2"  # the count stays in sight
    assert cart_button.accessibleName() == "Cart (2)"
    assert header.sign_out.text() == ""
    assert header.sign_out.accessibleName() == "Sign out"
    assert header.balance.isVisible() and not header.balance_caption.isVisible()
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: not header.compact)
    assert cart_button.text() == "Cart (2)"
    assert header.sign_out.text() == "Sign out"
    assert header.balance_caption.isVisible()


def test_lists_drop_columns_only_when_narrow(qtbot, demo_shop, tasks, kiosk_sheet):
    window = open_kiosk(qtbot, tasks)
    window.go("orders")
    table, cart_table = window.orders.table, window.cart.table
    assert not table.isColumnHidden(COL_SHOP) and not table.isColumnHidden(COL_PLACED)
    window.resize(720, 1280)
    qtbot.waitUntil(lambda: table.isColumnHidden(COL_SHOP))
    assert table.isColumnHidden(COL_PLACED)
    window.go("cart")
    qtbot.waitUntil(lambda: cart_table.isColumnHidden(CART_SHOP))
    assert cart_table.isColumnHidden(COL_PRICE)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: not cart_table.isColumnHidden(CART_SHOP))
    assert not cart_table.isColumnHidden(COL_PRICE)


def test_narrow_cart_names_each_books_shop_and_price_per_copy(qtbot, demo_shop, tasks,
                                                              kiosk_sheet):
    window = open_kiosk(qtbot, tasks)
    window.go("cart")
    table = window.cart.table
    book = window.cart.model.index(0, COL_BOOK)
    assert book.data() == "Emma\nJane Austen"
    window.resize(720, 1280)
    qtbot.waitUntil(lambda: table.isColumnHidden(COL_PRICE))
    lines = book.data().split("\n")
    assert lines == ["Emma", "Jane Austen", "Lakeside Books", "¥8.54 each"]  # VIP 5 % off 8.99
    needed = table.fontMetrics().boundingRect(
        0, 0, table.columnWidth(COL_BOOK), 10_000, Qt.TextFlag.TextWordWrap, book.data())
    assert needed.height() <= table.rowHeight(0)  # every line in sight, none cut
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: not table.isColumnHidden(COL_PRICE))
    assert book.data() == "Emma\nJane Austen"


def test_narrow_catalog_search_has_a_short_hint_that_shows_whole(qtbot, demo_shop, tasks,
                                                                 kiosk_sheet):
    window = open_kiosk(qtbot, tasks)
    search = window.catalog.search
    assert search.placeholderText() == "Search title, author or ISBN — or scan a barcode"
    window.resize(720, 1280)
    qtbot.waitUntil(lambda: search.placeholderText() == "Title, author or ISBN")
    QApplication.processEvents()
    assert search.fontMetrics().horizontalAdvance(search.placeholderText()) < search.width() - 16
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: search.placeholderText().endswith("scan a barcode"))


def test_narrow_status_tabs_scroll_with_two_whole_arrows(qtbot, demo_shop, tasks, kiosk_sheet):
    window = open_kiosk(qtbot, tasks)
    window.go("orders")
    window.resize(720, 1280)
    bar = window.orders.tabs
    qtbot.waitUntil(lambda: any(b.isVisible() for b in bar.findChildren(QToolButton)))
    left, right = sorted((b for b in bar.findChildren(QToolButton) if b.isVisible()),
                         key=lambda button: button.x())
    assert left.geometry().right() <= right.x()  # side by side: at most a border's pixel shared
    assert min(left.width(), left.height(), right.width(), right.height()) >= 48


def test_kiosk_figures_in_next_columns_stay_apart(qtbot, demo_shop, tasks, kiosk_sheet):
    window = open_kiosk(qtbot, tasks)
    window.go("cart")
    table = window.cart.table
    for column in (COL_PRICE, COL_MONEY):
        index = table.model().index(0, column)
        room = table.sizeHintForIndex(index).width() - table.fontMetrics().horizontalAdvance(
            index.data())
        assert room >= 16  # a column fitted to "¥8.54" leaves it room, not "1 ¥8.54" tight


@pytest.mark.parametrize("size", [(1024, 768), (720, 1280)])
def test_the_search_clear_button_sits_in_the_field_a_finger_wide(qtbot, demo_shop, tasks,
                                                                 kiosk_sheet, size):
    window = open_kiosk(qtbot, tasks)
    window.resize(*size)
    page = window.catalog
    assert not page.clear_button.isVisibleTo(window)  # nothing to clear yet
    qtbot.keyClicks(page.search, "austen")
    button = page.clear_button
    assert button.isVisibleTo(window)
    field, place = (QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
                    for widget in (page.search, button))
    assert field.contains(place) and field.right() - place.right() <= 2  # at its right end
    assert min(button.width(), button.height()) >= 48
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.search.text() == "" and not button.isVisibleTo(window)
