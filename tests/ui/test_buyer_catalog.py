"""The catalog page: searching as you type, the shop filter, barcodes, and Escape."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from bookshop_gui.services import auth
from bookshop_gui.ui.app import install_translation
from bookshop_gui.ui.buyer.window import BuyerWindow


@pytest.fixture
def window(qtbot, qapp, demo_shop, tasks):
    installed = install_translation(qapp, "en")  # as at start: "1 book", "34 books"
    window = BuyerWindow(auth.login("reader", "reader"), tasks)
    qtbot.addWidget(window)
    window.show()
    yield window
    for translator in installed:
        QApplication.removeTranslator(translator)


def test_opens_on_the_whole_catalog(window):
    page = window.catalog
    assert page.model.rowCount() == 34
    assert page.total.text() == "34 books"
    assert page.shop.count() == 3
    assert page.panel.empty.isVisibleTo(window)


def test_typing_searches_title_and_author(qtbot, window):
    page = window.catalog
    qtbot.keyClicks(page.search, "austen")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.total.text() == "3 books"
    page.search.clear()
    qtbot.keyClicks(page.search, "no such book")
    qtbot.waitUntil(lambda: page.total.text() == "No books match.")
    assert page.model.rowCount() == 0


def test_shop_filter(qtbot, window):
    page = window.catalog
    page.shop.setCurrentIndex(page.shop.findText("墨香书店"))
    assert page.model.rowCount() == 14
    assert {page.model.book(r).shop_name for r in range(14)} == {"墨香书店"}


def test_choosing_a_book_shows_vip_price_and_stock(qtbot, window):
    page = window.catalog
    qtbot.keyClicks(page.search, "Middlemarch")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.list.setCurrentIndex(page.model.index(0))
    assert page.panel.title.text() == "Middlemarch"
    assert page.panel.price.text() == "List price ¥12.99"
    assert page.panel.vip_price.text() == "Your VIP price ¥12.34"
    assert page.panel.badge.text() == "Only 1 left"


def test_out_of_stock_book_cannot_be_added(qtbot, window):
    page = window.catalog
    qtbot.keyClicks(page.search, "War of the Worlds")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.list.setCurrentIndex(page.model.index(0))
    assert page.panel.badge.text() == "Out of stock"
    assert not page.panel.add_button.isEnabled()
    assert not page.panel.buy_button.isEnabled()


def test_scanning_a_barcode_opens_the_book(qtbot, window):
    page = window.catalog
    qtbot.keyClicks(page.search, "978-0-14-143951-8")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.panel.title.text() == "Pride and Prejudice"
    assert page.search.text() == ""
    assert page.panel.add_button.hasFocus() or not window.isActiveWindow()
    qtbot.mouseClick(page.panel.add_button, Qt.MouseButton.LeftButton)
    assert window.cart.model.rowCount() == 1


def test_unknown_barcode_says_so(qtbot, window):
    page = window.catalog
    qtbot.keyClicks(page.search, "9780000000000")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.notice.text() == "No book has the ISBN 9780000000000."


def test_escape_clears_the_search_then_steps_back(qtbot, window):
    page = window.catalog
    qtbot.keyClicks(page.search, "Dickens")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert page.model.rowCount() == 34
    qtbot.mouseClick(window.header.nav["cart"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.cart
    qtbot.keyClick(window.cart.order_button, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.catalog


def test_adding_twice_adds_up_and_remove_empties(qtbot, window):
    page = window.catalog
    qtbot.keyClicks(page.search, "Emma")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.list.setCurrentIndex(page.model.index(0))
    page.panel.count.setValue(2)
    qtbot.mouseClick(page.panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.panel.add_button, Qt.MouseButton.LeftButton)
    assert window.header.nav["cart"].text() == "Cart (4)"
    window.go("cart")
    assert window.cart.spin_box(0).value() == 4
    qtbot.mouseClick(window.cart.remove_button(0), Qt.MouseButton.LeftButton)
    assert window.cart.model.rowCount() == 0
    assert window.cart.empty.isVisibleTo(window)
    assert window.header.nav["cart"].text() == "Cart"


def click_tick(qtbot, table, index):
    """Click a cell's check box where the style draws it, as a buyer's finger would."""
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = table.visualRect(index)
    table.itemDelegate().initStyleOption(option, index)
    box = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                       option, table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_unticking_a_line_leaves_it_out_of_the_totals(qtbot, window):
    page = window.catalog
    for text in ("Emma", "9787020008735"):
        page.search.clear()
        qtbot.keyClicks(page.search, text)
        qtbot.waitUntil(lambda t=text: page.model.text == t)
        page.list.setCurrentIndex(page.model.index(0))
        qtbot.mouseClick(page.panel.add_button, Qt.MouseButton.LeftButton)
    window.go("cart")
    cart = window.cart
    assert cart.grand_total.text() == "Total ¥97.38"
    row = next(r for r, line in enumerate(cart.model.lines()) if line.title == "Emma")
    click_tick(qtbot, cart.table, cart.model.index(row, 0))
    assert cart.model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert cart.grand_total.text() == "Total ¥66.84"
    assert not cart.choose_all.isChecked()
    qtbot.mouseClick(cart.order_button, Qt.MouseButton.LeftButton)
    assert [line.title for line in window.preview.lines] == ["西游记"]
