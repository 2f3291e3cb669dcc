"""At start, a database that does not open gives its reason with Retry, Settings and Quit."""

import secrets
from urllib.parse import urlparse, urlunparse

import pytest
from conftest import _admin_sql
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from bookshop_gui.services import connection
from bookshop_gui.ui import app, connection_problems, preferences


def _closed_port(url):
    parts = urlparse(url)
    return urlunparse(parts._replace(netloc=f"{parts.username}@{parts.hostname}:1"))


def test_an_unreachable_server_says_why_and_offers_retry_settings_quit(
        qtbot, script, shells, server_databases):
    url = _closed_port(server_databases["postgresql"].new_url())
    script.choices = [connection_problems.RETRY, connection_problems.QUIT]
    shell = shells(url)
    qtbot.waitUntil(lambda: len(script.shown) == 2)  # Retry tried again, and failed again
    title, text, offers_settings = script.shown[0]
    assert title == "Cannot open the shop database"
    assert text.startswith("No database server answers at postgresql://postgres@127.0.0.1:1/")
    assert "Connection refused" in text
    assert offers_settings
    assert script.quits == [True]
    assert not shell.sign_in.isEnabled()


@pytest.mark.parametrize("backend", ["postgresql", "mysql"])
def test_a_mistyped_host_name_is_said_to_be_one(qtbot, script, shells, server_databases,
                                                backend):
    parts = urlparse(server_databases[backend].new_url())
    url = urlunparse(parts._replace(netloc=f"{parts.username}@shopserver.invalid:{parts.port}"))
    script.choices = [connection_problems.QUIT]
    shells(url)
    qtbot.waitUntil(lambda: bool(script.shown), timeout=10_000)
    assert script.shown[0][1].startswith("No computer has the host name in ")


def test_a_server_that_never_answers_is_said_to_be_slow_or_cut_off(
        qtbot, script, shells, server_databases, fault_proxy, short_timeouts):
    proxy, url = fault_proxy(server_databases["postgresql"].new_url())
    proxy.go_silent()
    script.choices = [connection_problems.QUIT]
    shells(url)
    qtbot.waitUntil(lambda: bool(script.shown), timeout=15_000)
    assert script.shown[0][1].startswith("Nothing came back in time from ")


def test_settings_from_the_failure_switch_to_a_working_database(
        qtbot, script, shells, server_databases, tmp_path):
    url = _closed_port(server_databases["mysql"].new_url())
    script.choices = [connection_problems.SETTINGS]
    shell = shells(url)
    qtbot.waitUntil(lambda: shell.settings_dialog is not None)
    dialog = shell.settings_dialog
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.local, Qt.MouseButton.LeftButton)
    dialog.path.setText(str(tmp_path / "till.db"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(shell.sign_in.isEnabled)
    assert shell.url == f"sqlite:///{tmp_path / 'till.db'}"
    assert (tmp_path / "till.db").exists()
    assert "till.db" in shell.sign_in.database_label.text()
    assert preferences.database_url() == shell.url


def test_cancelling_settings_after_a_failure_asks_again(qtbot, script, shells, server_databases):
    url = _closed_port(server_databases["postgresql"].new_url())
    script.choices = [connection_problems.SETTINGS, connection_problems.QUIT]
    shell = shells(url)
    qtbot.waitUntil(lambda: shell.settings_dialog is not None)
    qtbot.mouseClick(shell.settings_dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(script.shown) == 2)
    assert script.quits == [True]


def test_a_kiosk_offers_no_settings(qtbot, script, shells, server_databases):
    url = _closed_port(server_databases["postgresql"].new_url())
    script.choices = [connection_problems.QUIT]
    shells(url, kiosk=True)
    qtbot.waitUntil(lambda: bool(script.shown))
    assert script.shown[0][2] is False


@pytest.fixture
def locked_server(server_databases):
    """A MariaDB database whose user needs a password."""
    url = server_databases["mysql"].new_url()
    name = f"till_{secrets.token_hex(3)}"
    database = urlparse(url).path.lstrip("/")
    _admin_sql("mysql", [f"CREATE USER '{name}'@'%%' IDENTIFIED BY 'open sesame'",
                         f"GRANT ALL ON {database}.* TO '{name}'@'%%'"])
    parts = urlparse(url)
    yield urlunparse(parts._replace(netloc=f"{name}@{parts.hostname}:{parts.port}"))
    _admin_sql("mysql", [f"DROP USER IF EXISTS '{name}'@'%%'"])


@pytest.mark.keyring
def test_a_server_password_not_in_the_keyring_is_asked_for_and_not_stored(
        qtbot, script, shells, locked_server, memory_keyring):
    script.passwords = ["open sesame"]
    shell = shells(locked_server)
    qtbot.waitUntil(shell.sign_in.isEnabled)
    assert script.asked == [locked_server]
    assert script.shown == []
    assert memory_keyring.store == {}
    assert connection.describe(shell.url) == connection.describe(locked_server)


@pytest.mark.keyring
def test_a_server_password_in_the_keyring_is_used_without_asking(
        qtbot, script, shells, locked_server, memory_keyring):
    memory_keyring.set_password("Bookshop", f"database-password:{locked_server}", "open sesame")
    shell = shells(locked_server)
    qtbot.waitUntil(shell.sign_in.isEnabled)
    assert script.asked == [] and script.shown == []


def test_a_wrong_password_is_asked_once_then_explained(
        qtbot, script, shells, locked_server):
    script.passwords = ["not it"]
    script.choices = [connection_problems.QUIT]
    shells(locked_server)
    qtbot.waitUntil(lambda: bool(script.shown))
    assert len(script.asked) == 1
    assert "refused the user name or password" in script.shown[0][1]
    assert "not it" not in script.shown[0][1]


def test_the_database_opens_even_if_the_window_is_never_painted(qtbot):
    never_shown = QWidget()
    qtbot.addWidget(never_shown)
    steps = []
    app.AfterFirstPaint(never_shown, lambda: steps.append("log"), lambda: steps.append("database"))
    qtbot.waitUntil(lambda: steps == ["log", "database"], timeout=app.AfterFirstPaint.LATEST_MS * 3)
