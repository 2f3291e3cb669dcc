"""Under zh_CN no visible string in the main windows is left in English.

The windows are built with the shipped Chinese translation installed, then
every label, button, tab, list and table header and cell, placeholder, group
box title, menu and toolbar action, and window title is read. Anything with
English words left in it fails, except proper nouns (the demo shops' books,
authors and shop names, product names such as PostgreSQL), usernames and paths.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QTextEdit,
    QWidget,
)

from bookshop_gui.services import auth, cart, demo_data, orders

PROPER_NOUNS = {
    "PostgreSQL", "MySQL", "MariaDB", "English", "ISBN", "VIP", "PDF", "CSV", "SQLite",
    "EMS",  # China Post's express service, written so in Chinese too
    *(name for name, *_ in demo_data.ACCOUNTS),
    "bookshop", "shopserver",  # the default database name and an example host name
    "Ctrl", "Shift", "Alt",  # keys, named as printed on the keyboard
}
# The demo shop's own names: its shops, and its books' titles and authors.
DEMO_NAMES = sorted({*demo_data.SHOPS, *(book[1] for book in demo_data.BOOKS),
                     *(book[2] for book in demo_data.BOOKS)}, key=len, reverse=True)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]")
_SKIP = re.compile(r"(\S*/\S*|\S+@\S+|\*\.\w+)")  # paths, URLs, file patterns


def english_left(text: str) -> list[str]:
    """The English words in `text` that are not names."""
    for name in DEMO_NAMES:
        text = text.replace(name, " ")
    return [w for w in _WORD.findall(_SKIP.sub(" ", text)) if w not in PROPER_NOUNS]


def texts_of(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every string a person can read in `window` and its children."""
    found = [("window title", window.windowTitle())]
    for widget in [window, *window.findChildren(QWidget)]:
        kind = type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((kind, widget.text()))
        if isinstance(widget, QLineEdit):
            found.append((kind + " placeholder", widget.placeholderText()))
        if isinstance(widget, QTextEdit):
            found.append((kind + " placeholder", widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            found.append((kind, widget.title()))
        if isinstance(widget, QTabBar):
            found += [(kind, widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            found += [(kind, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            found += [(kind, widget.item(i).text()) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += list(_model_texts(widget.model(), kind))
        if widget.accessibleName():
            found.append((kind + " accessible name", widget.accessibleName()))
        if widget.toolTip():
            found.append((kind + " tooltip", widget.toolTip()))
    for action in window.findChildren(QAction):
        found.append(("action", action.text()))
    return [(where, text) for where, text in found if text]


def _model_texts(model, kind):
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column, and PySide hides columnCount
        columns = 1
    for column in range(columns):
        yield kind + " header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(QModelIndex()), 20)):
        for column in range(columns):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield kind + " cell", value


def assert_all_chinese(window: QWidget):
    left = sorted({(where, text) for where, text in texts_of(window) if english_left(text)})
    assert not left, "left in English:\n" + "\n".join(f"  {w}: {t!r}" for w, t in left)


@pytest.fixture
def buyer_with_orders(demo_shop):
    session = auth.login("reader", "reader")
    from bookshop_gui.services import catalog

    books = catalog.search("")
    orders.create(session.token, books[0].id, 1)
    cart.add(session.token, books[1].id, 2)
    return session


def _show(qtbot, window):
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_sign_in_window_is_all_chinese(qtbot, chinese, tasks, demo_shop):
    from bookshop_gui.ui.sign_in import SignInWindow

    window = _show(qtbot, SignInWindow(tasks))
    window.show_demo_accounts(True)
    window.set_database("/srv/shop/shop.db")
    window.show_error(window.tr("Wrong username or password."))
    assert window.sign_in_button.text() == "登录"
    assert_all_chinese(window)


def test_every_page_of_the_buyer_window_is_all_chinese(qtbot, chinese, tasks, buyer_with_orders):
    from bookshop_gui.ui.buyer.header import CART, CATALOG, ORDERS
    from bookshop_gui.ui.buyer.window import BuyerWindow

    window = _show(qtbot, BuyerWindow(buyer_with_orders, tasks))
    for page in (CATALOG, CART, ORDERS):
        window.go(page)
        assert_all_chinese(window)


def test_every_pane_of_the_merchant_window_is_all_chinese(qtbot, chinese, tasks, buyer_with_orders):
    from bookshop_gui.ui.merchant.window import MerchantWindow

    window = _show(qtbot, MerchantWindow(auth.login("lakeside", "lakeside"), tasks))
    for key in list(window.panes):
        window.show_pane(key)
        assert_all_chinese(window)


def test_the_administrators_window_is_all_chinese(qtbot, chinese, tasks, demo_shop):
    from bookshop_gui.ui.merchant.window import MerchantWindow

    window = _show(qtbot, MerchantWindow(auth.login("admin", "admin"), tasks))
    for key in list(window.panes):
        window.show_pane(key)
        assert_all_chinese(window)


def test_the_settings_dialog_is_all_chinese(qtbot, chinese, tasks, demo_shop):
    from bookshop_gui.ui.settings_dialog import SettingsDialog

    dialog = _show(qtbot, SettingsDialog(tasks, session=auth.login("admin", "admin")))
    assert_all_chinese(dialog)


def test_the_check_catches_english(qtbot):
    assert english_left("Sign in") == ["Sign", "in"]
    assert english_left("数据库：/srv/shop/shop.db") == []
    assert english_left("Pride and Prejudice — Jane Austen") == []
    assert english_left("已登录：lakeside") == []
