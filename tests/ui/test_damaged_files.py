"""A local database file that is damaged, not a database, or locked gets the start-up
dialog with its cause in words and the way out, never the crash dialog."""

import sqlite3

import pytest

from bookshop_gui import db
from bookshop_gui.errors import DatabaseDamaged
from bookshop_gui.services import catalog, connection, demo_data
from bookshop_gui.services.connection import Problem
from bookshop_gui.ui import connection_problems


def _demo_file(path):
    database = db.connect(f"sqlite:///{path}")
    demo_data.seed()
    database.close()  # the last connection folds the WAL back into the file


def _damage(path):
    """Scribble over the pages after the schema, as a failing disk would."""
    with open(path, "r+b") as file:
        file.seek(4096 * 2)
        file.write(b"\xde\xad\xbe\xef" * 4096)


@pytest.fixture
def started(qtbot, script, shells):
    """Start the program on `url`, answer Quit, and return what the dialog said."""
    def start(url):
        script.choices = [connection_problems.QUIT]
        shell = shells(url)
        qtbot.waitUntil(lambda: bool(script.shown), timeout=10_000)
        assert script.quits == [True]
        assert not shell.sign_in.isEnabled()
        title, text, _ = script.shown[0]
        assert title == "Cannot open the shop database"
        return text
    return start


def test_a_file_that_is_not_a_database_says_so(started, tmp_path):
    path = tmp_path / "shop.db"
    path.write_bytes(b"Dear supplier, please find our order attached.\n" * 200)
    text = started(f"sqlite:///{path}")
    assert f"The file {path} is not a shop database" in text
    assert "restore the latest backup" in text
    assert path.read_bytes().startswith(b"Dear supplier")  # left as it was


def test_a_damaged_file_says_so_and_points_to_the_backup(started, tmp_path):
    path = tmp_path / "shop.db"
    _demo_file(path)
    _damage(path)
    text = started(f"sqlite:///{path}")
    assert f"The shop database file {path} is damaged" in text
    assert "Restore the latest backup" in text


def test_a_file_locked_by_another_program_says_so(started, tmp_path, monkeypatch):
    monkeypatch.setattr(db, "SQLITE_BUSY_MS", 200)
    path = tmp_path / "shop.db"
    _demo_file(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        text = started(f"sqlite:///{path}")
    finally:
        other.close()
    assert f"The shop database file {path} is locked by another program" in text


def test_a_damaged_page_met_by_a_call_is_a_typed_error(tmp_path, monkeypatch):
    """A file too big to check at open is found damaged by the first call that reads it."""
    path = tmp_path / "shop.db"
    _demo_file(path)
    monkeypatch.setattr(db, "QUICK_CHECK_BYTES", 0)
    database = db.connect(f"sqlite:///{path}")
    database.close()
    _damage(path)
    with pytest.raises(DatabaseDamaged, match="Restore the latest backup"):
        for page in range(20):
            catalog.search("", offset=page * 50, limit=50)
    database.close()


def test_test_connection_names_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "shop.db"
    path.write_bytes(b"not a database at all\n" * 200)
    check = connection.check(f"sqlite:///{path}")
    assert check.problem.problem is Problem.NOT_A_DATABASE
