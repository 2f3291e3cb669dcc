"""`admin backup`: a live copy of the local database that opens and holds everything."""

import sqlite3
import threading
from datetime import datetime

import pytest

from bookshop_gui import db
from bookshop_gui.admin import backup, cli, demo_data
from bookshop_gui.services import auth, catalog


@pytest.fixture
def shop_file(tmp_path):
    path = tmp_path / "shop.db"
    database = db.connect(f"sqlite:///{path}")
    demo_data.seed()
    database.close()
    return path


class Writer(threading.Thread):
    """Another workstation: adds a shop and its first book in one transaction, over and over."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path, self.stop, self.done = path, threading.Event(), 0

    def run(self):
        connection = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        now = datetime.now().isoformat(sep=" ")
        try:
            while not self.stop.is_set():
                connection.execute("BEGIN IMMEDIATE")
                shop = connection.execute(
                    "INSERT INTO shops (name, created_at) VALUES (?, ?)",
                    (f"Branch {self.done}", now)).lastrowid
                connection.execute(
                    "INSERT INTO books (shop_id, title, author, isbn, price, stock, pic, "
                    "created_at) VALUES (?, ?, '', '', 999, 1, '', ?)",
                    (shop, f"Opening title {self.done}", now))
                connection.execute("COMMIT")
                self.done += 1
        finally:
            connection.close()


def _counts(path):
    with sqlite3.connect(path) as connection:
        shops = connection.execute("SELECT count(*) FROM shops").fetchone()[0]
        orphans = connection.execute(
            "SELECT count(*) FROM shops s WHERE s.name LIKE 'Branch %' AND NOT EXISTS "
            "(SELECT 1 FROM books b WHERE b.shop_id = s.id)").fetchone()[0]
    connection.close()
    return shops, orphans


def test_backup_while_another_workstation_writes_is_complete_and_consistent(
        shop_file, tmp_path, capsys):
    writer = Writer(shop_file)
    writer.start()
    try:
        while writer.done < 20:  # the writer is well under way
            threading.Event().wait(0.01)
        code = cli.main(["backup", str(tmp_path / "copies" / "monday.db"),
                         "--db", f"sqlite:///{shop_file}"])
        written_by_then = writer.done
        while writer.done < written_by_then + 20:  # and carries on after the copy
            threading.Event().wait(0.01)
    finally:
        writer.stop.set()
        writer.join()
    assert code == 0
    copy = tmp_path / "copies" / "monday.db"
    assert f"to {copy}" in capsys.readouterr().out
    assert not (tmp_path / "copies" / ".monday.db.partial").exists()
    shops, orphans = _counts(copy)
    assert orphans == 0  # never half of another workstation's transaction
    assert 2 + 20 <= shops <= 2 + written_by_then + 1
    assert _counts(shop_file)[0] > shops  # the writer went on; the copy is a snapshot

    copied = db.connect(f"sqlite:///{copy}")  # the copy opens as a shop database
    try:
        assert "Pride and Prejudice" in [book.title for book in catalog.search("Pride")]
        assert auth.login("reader", "reader").username == "reader"
    finally:
        copied.close()


def test_backup_into_a_folder_names_the_copy_after_the_database(shop_file, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    result = backup.backup(f"sqlite:///{shop_file}", folder)
    assert result.path == folder / "shop.db"
    assert _counts(result.path)[0] == 2


def test_backup_refuses_to_overwrite_its_own_database(shop_file, capsys):
    code = cli.main(["backup", str(shop_file), "--db", f"sqlite:///{shop_file}"])
    assert code == 1
    assert "cannot overwrite the database it copies" in capsys.readouterr().err
    assert _counts(shop_file)[0] == 2


@pytest.mark.parametrize(("url", "tool"), [
    ("postgresql://shop@db.example:5432/bookshop", "pg_dump -h db.example -p 5432 -U shop"),
    ("mysql://shop@db.example:3306/bookshop", "mysqldump -h db.example -P 3306 -u shop"),
])
def test_a_shared_server_is_pointed_to_its_own_dump_tool(url, tool, tmp_path, capsys):
    assert cli.main(["backup", str(tmp_path / "x.db"), "--db", url]) == 1
    error = capsys.readouterr().err
    assert tool in error and "bookshop" in error
    assert not (tmp_path / "x.db").exists()
