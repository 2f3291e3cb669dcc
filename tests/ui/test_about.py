"""The About box in both windows: the versions a support call asks for, in either language."""

import platform
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication

from bookshop_gui.services import auth, demo_data
from bookshop_gui.ui.about import AboutDialog
from bookshop_gui.ui.app import install_translation
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.window import MerchantWindow

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
PRODUCTS = {"sqlite": ("SQLite",), "postgresql": ("PostgreSQL",), "mysql": ("MariaDB", "MySQL")}
VERSION = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]


def open_window(qtbot, kind, session, tasks):
    if kind == "buyer":
        window = BuyerWindow(session, tasks, kiosk=False)
    else:
        window = MerchantWindow(session, tasks)
    qtbot.addWidget(window)
    window.show()
    return window


def click_about(qtbot, window) -> AboutDialog:
    qtbot.mouseClick(window.about_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


@pytest.mark.parametrize("kind", ["buyer", "merchant"])
def test_about_shows_the_version_qt_python_and_the_database(qtbot, tasks, demo_shop, kind):
    session = auth.login("reader" if kind == "buyer" else "lakeside",
                         "reader" if kind == "buyer" else "lakeside")
    window = open_window(qtbot, kind, session, tasks)
    dialog = click_about(qtbot, window)
    assert dialog.values["Bookshop"].text() == VERSION
    assert dialog.values["Qt"].text() == qVersion()
    assert dialog.values["Python"].text() == platform.python_version()
    assert dialog.database.text().startswith("SQLite 3.")
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"Bookshop: {VERSION}" in copied and dialog.database.text() in copied
    dialog.close()
    window.close()


def test_f1_opens_the_same_box_again_and_asks_the_database_again(qtbot, tasks, staff_session):
    window = open_window(qtbot, "merchant", staff_session, tasks)
    first = click_about(qtbot, window)
    first.close()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    assert window.findChildren(AboutDialog) == [first]
    assert first.isVisible() and first.database.text().startswith("SQLite ")
    first.close()
    window.close()


def test_about_names_each_backend_and_its_version(qtbot, tasks, database, backend):
    demo_data.seed()
    window = open_window(qtbot, "merchant", auth.login("lakeside", "lakeside"), tasks)
    dialog = click_about(qtbot, window)
    text = dialog.database.text()
    dialog.close()
    product, number = text.split(" ")
    assert product in PRODUCTS[backend]
    assert number[0].isdigit() and "." in number
    window.close()


def test_about_speaks_chinese(qtbot, tasks, staff_session, qapp):
    installed = install_translation(qapp, "zh_CN")
    try:
        window = open_window(qtbot, "merchant", staff_session, tasks)
        dialog = click_about(qtbot, window)
        assert dialog.windowTitle() == "关于书店"
        assert window.about_button.text() == "关于书店"
        dialog.close()
        window.close()
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
