"""The settings dialog: local file or shared server, password in the keyring only, and the rest."""

import secrets
import socket
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import keyring
import pytest
from conftest import _admin_sql
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from bookshop_gui import db, paths
from bookshop_gui.services import auth, settings
from bookshop_gui.ui import preferences
from bookshop_gui.ui.settings_dialog import SettingsDialog


def make(qtbot, tasks, **options):
    dialog = SettingsDialog(tasks, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot, field, text):
    field.clear()
    qtbot.keyClicks(field, text)


def fill_server(qtbot, dialog, url, password=""):
    parts = urlparse(url)
    click(qtbot, dialog.server)
    dialog.kind.setCurrentIndex(dialog.kind.findData(parts.scheme))
    type_into(qtbot, dialog.host, parts.hostname)
    dialog.port.setValue(parts.port)
    type_into(qtbot, dialog.name, parts.path.lstrip("/"))
    type_into(qtbot, dialog.user, parts.username)
    if password:
        type_into(qtbot, dialog.password, password)


def settings_file_text() -> str:
    store = QSettings()
    store.sync()
    return Path(store.fileName()).read_text(encoding="utf-8")


def test_a_new_workstation_uses_the_local_file_in_the_user_data_folder(qtbot, tasks):
    dialog = make(qtbot, tasks)
    assert dialog.local.isChecked()
    assert dialog.path.text() == str(paths.default_db_path())
    assert not dialog.server_form.isEnabled()
    assert dialog.idle.value() == 120
    assert dialog.language.currentText() == "Follow the system"
    assert dialog.fee.isReadOnly()
    assert dialog.fee_note.text() == "Only an administrator can change the shipping fee."


@pytest.mark.keyring
def test_switching_to_a_postgresql_server_tests_it_and_keeps_the_password_in_the_keyring(
        qtbot, tasks, server_databases, memory_keyring):
    url = server_databases["postgresql"].new_url()
    dialog = make(qtbot, tasks)
    fill_server(qtbot, dialog, url, password="s3cret-pw")
    assert dialog.server_form.isEnabled() and not dialog.path.isEnabled()
    click(qtbot, dialog.test_button)
    assert dialog.test_result.text().startswith("Connected. The database is empty")

    with qtbot.waitSignal(dialog.database_changed) as changed:
        click(qtbot, dialog.save_button)
    saved = changed.args[0]
    assert saved == url  # the URL the program opens from now on, without the password
    assert preferences.database_url() == url
    assert preferences.database_choice().kind == "postgresql"
    assert "s3cret-pw" not in settings_file_text()
    assert memory_keyring.store == {("Bookshop", f"database-password:{url}"): "s3cret-pw"}
    assert not dialog.isVisible()


def test_and_back_to_the_local_file(qtbot, tasks):
    preferences.set_database_choice(preferences.DatabaseChoice(
        kind="mysql", host="shopserver", port=3306, name="shop", user="till"))
    dialog = make(qtbot, tasks)
    assert dialog.server.isChecked() and dialog.host.text() == "shopserver"
    click(qtbot, dialog.local)
    with qtbot.waitSignal(dialog.database_changed) as changed:
        click(qtbot, dialog.save_button)
    assert changed.args[0] == paths.default_db_url()
    assert preferences.is_default_database(preferences.database_url())


def _elsewhere(url, **changes):
    parts = urlparse(url)
    host = changes.get("host", parts.hostname)
    port = changes.get("port", parts.port)
    user = changes.get("user", parts.username)
    return urlunparse(parts._replace(netloc=f"{user}@{host}:{port}",
                                     path="/" + changes.get("name", parts.path.lstrip("/"))))


@pytest.mark.parametrize("backend", ["postgresql", "mysql"])
def test_test_connection_says_the_host_is_unreachable(qtbot, tasks, server_databases, backend):
    url = server_databases[backend].new_url()
    dialog = make(qtbot, tasks)
    fill_server(qtbot, dialog, _elsewhere(url, port=1))
    click(qtbot, dialog.test_button)
    assert dialog.test_result.text().startswith("No database server answers at")
    assert ":1/" in dialog.test_result.text()


@pytest.mark.parametrize("backend", ["postgresql", "mysql"])
def test_test_connection_says_the_database_is_missing(qtbot, tasks, server_databases, backend):
    url = server_databases[backend].new_url()
    dialog = make(qtbot, tasks)
    fill_server(qtbot, dialog, _elsewhere(url, name="no_such_shop"))
    click(qtbot, dialog.test_button)
    assert "it has no database named as in" in dialog.test_result.text()
    assert "no_such_shop" in dialog.test_result.text()


def test_test_connection_says_the_password_is_wrong(qtbot, tasks, server_databases):
    url = server_databases["mysql"].new_url()
    name = f"till_{secrets.token_hex(3)}"
    _admin_sql("mysql", [f"CREATE USER '{name}'@'%%' IDENTIFIED BY 'right-one'"])
    try:
        dialog = make(qtbot, tasks)
        fill_server(qtbot, dialog, _elsewhere(url, user=name), password="wrong-one")
        click(qtbot, dialog.test_button)
        text = dialog.test_result.text()
        assert "refused the user name or password" in text
        assert "wrong-one" not in text
    finally:
        _admin_sql("mysql", [f"DROP USER IF EXISTS '{name}'@'%%'"])


def test_test_connection_says_the_schema_is_too_new(qtbot, tasks, server_databases):
    from bookshop_gui import db

    url = server_databases["postgresql"].new_url()
    database = db.connect(url)
    db.runner(database).History.create(name="9999_from_the_future")
    database.close()
    dialog = make(qtbot, tasks)
    fill_server(qtbot, dialog, url)
    click(qtbot, dialog.test_button)
    assert "upgraded by a newer version of Bookshop" in dialog.test_result.text()


def test_without_a_keyring_the_password_is_used_now_and_never_stored(
        qtbot, tasks, server_databases):
    keyring.set_keyring(fail.Keyring())
    url = server_databases["postgresql"].new_url()
    dialog = make(qtbot, tasks)
    assert "no keyring" in dialog.keyring_note.text()
    assert "asked for each time the program starts" in dialog.keyring_note.text()
    fill_server(qtbot, dialog, url, password="typed-today")
    with qtbot.waitSignal(dialog.database_changed):
        click(qtbot, dialog.save_button)
    assert dialog.password_now == "typed-today"
    assert "typed-today" not in settings_file_text()


def test_an_admin_sets_the_shipping_fee_for_every_workstation(qtbot, tasks, demo_shop):
    admin = auth.login("admin", "admin")
    dialog = make(qtbot, tasks, session=admin)
    assert dialog.fee.text() == "22.00" and not dialog.fee.isReadOnly()
    type_into(qtbot, dialog.fee, "18.50")
    click(qtbot, dialog.save_button)
    assert settings.shipping_fee() == Decimal("18.50")
    assert not dialog.isVisible()


def test_a_bad_fee_is_refused_and_the_dialog_stays(qtbot, tasks, demo_shop, dialog_script):
    dialog = make(qtbot, tasks, session=auth.login("admin", "admin"))
    type_into(qtbot, dialog.fee, "18.555")
    click(qtbot, dialog.save_button)
    assert "must be an amount such as 22.00" in dialog_script.texts()
    assert dialog.isVisible()
    assert settings.shipping_fee() == Decimal("22.00")
    dialog.close()


def test_staff_see_the_fee_but_cannot_change_it(qtbot, tasks, demo_shop):
    dialog = make(qtbot, tasks, session=auth.login("lakeside", "lakeside"))
    assert dialog.fee.text() == "22.00" and dialog.fee.isReadOnly()
    dialog.close()


def test_the_kiosk_idle_time_and_the_language_are_kept(qtbot, tasks):
    dialog = make(qtbot, tasks)
    dialog.idle.setValue(300)
    dialog.language.setCurrentIndex(dialog.language.findText("中文"))
    with qtbot.waitSignal(dialog.language_changed) as changed:
        click(qtbot, dialog.save_button)
    assert changed.args == ["zh_CN"]
    assert (preferences.idle_seconds(), preferences.language()) == (300, "zh_CN")
    again = make(qtbot, tasks)
    assert again.idle.value() == 300 and again.language.currentText() == "中文"
    again.close()


def test_cancel_keeps_everything_as_it_was(qtbot, tasks):
    dialog = make(qtbot, tasks)
    click(qtbot, dialog.server)
    type_into(qtbot, dialog.host, "elsewhere")
    click(qtbot, dialog.cancel_button)
    assert preferences.database_choice().kind == "local"
    assert preferences.is_default_database(preferences.database_url())


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe is closed


def test_a_server_and_its_standby_are_named_together_and_the_one_answering_is_used(
        qtbot, tasks, server_databases):
    url = urlparse(server_databases["postgresql"].new_url())
    gone = _closed_port()  # a primary that went away, listed first
    dialog = make(qtbot, tasks)
    fill_server(qtbot, dialog, url.geturl())
    type_into(qtbot, dialog.host, f"127.0.0.1:{gone}, {url.hostname}")
    assert "separated by commas" in dialog.hosts_note.text()
    click(qtbot, dialog.test_button)
    assert dialog.test_result.text().startswith("Connected.")

    with qtbot.waitSignal(dialog.database_changed) as changed:
        click(qtbot, dialog.save_button)
    assert changed.args[0] == (f"postgresql://{url.username}@127.0.0.1:{gone},"
                               f"{url.hostname}:{url.port}{url.path}"
                               "?target_session_attrs=read-write")
    assert preferences.database_choice().host == f"127.0.0.1:{gone}, {url.hostname}"


@pytest.mark.parametrize(("kind", "hosts", "told"), [
    ("postgresql", "shopserver:54x2", "such as shopserver:5432,standby:5432"),
    ("mysql", "shopserver,standby", "PostgreSQL only"),
])
def test_a_host_list_that_cannot_work_is_refused_and_nothing_is_saved(
        qtbot, tasks, dialog_script, kind, hosts, told):
    dialog = make(qtbot, tasks)
    click(qtbot, dialog.server)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    type_into(qtbot, dialog.host, hosts)
    click(qtbot, dialog.test_button)
    assert told in dialog.test_result.text() and dialog.test_button.isEnabled()
    click(qtbot, dialog.save_button)
    assert told in dialog_script.texts()
    assert dialog.isVisible() and preferences.database_choice().kind == "local"
    dialog.close()


def test_a_primary_and_its_hot_standby_typed_in_lead_to_the_one_taking_writes(
        qtbot, tasks, pair):
    ports = pair.ports
    dialog = make(qtbot, tasks)
    click(qtbot, dialog.server)
    dialog.kind.setCurrentIndex(dialog.kind.findData("postgresql"))
    # The standby first: only target_session_attrs=read-write keeps the program off it.
    type_into(qtbot, dialog.host, f"127.0.0.1:{ports['standby']},127.0.0.1:{ports['primary']}")
    type_into(qtbot, dialog.name, "shop")
    type_into(qtbot, dialog.user, "postgres")
    click(qtbot, dialog.test_button)
    assert dialog.test_result.text().startswith("Connected.")

    with qtbot.waitSignal(dialog.database_changed) as changed:
        click(qtbot, dialog.save_button)
    saved = changed.args[0]
    assert saved.endswith("/shop?target_session_attrs=read-write")
    opened = db.open_url(saved)
    opened.connect()
    try:
        port, standby = opened.execute_sql(
            "SELECT inet_server_port(), pg_is_in_recovery()").fetchone()
    finally:
        opened.close()
    assert (port, standby) == (ports["primary"], False)


def test_on_a_short_screen_every_note_shows_whole_and_the_rest_scrolls(qtbot, tasks):
    dialog = make(qtbot, tasks)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height()
    notes = [label for label in dialog.findChildren(QLabel)
             if label.wordWrap() and label.isVisibleTo(dialog) and label.text()]
    assert dialog.hosts_note in notes
    for note in notes:  # every line of every note, none cut in half
        assert note.height() >= note.heightForWidth(note.width()), note.text()
    host = dialog.host
    assert host.fontMetrics().horizontalAdvance(host.placeholderText()) < host.width() - 16
    last = dialog.language_note
    dialog.scroll.ensureWidgetVisible(last)
    assert not last.visibleRegion().isEmpty()  # the bottom of the form is reachable
