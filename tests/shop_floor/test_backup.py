"""`admin backup`: a live copy of the local database that opens and holds everything."""

import os
import sqlite3
import stat
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from bookshop_gui import db
from bookshop_gui.admin import backup, cli
from bookshop_gui.services import auth, catalog, demo_data


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


ROOT = Path(__file__).resolve().parents[2]


def admin_backup(shop_file, target, *extra):
    """The real `main.py admin backup` command, as a person types it."""
    return subprocess.run(
        [sys.executable, "main.py", "admin", "backup", str(target), *extra,
         "--db", f"sqlite:///{shop_file}"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)


def one_line_error(done) -> str:
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: "), done.stderr
    return done.stderr


def test_the_command_refuses_to_replace_a_backup_unless_forced(shop_file, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    assert admin_backup(shop_file, folder).returncode == 0
    copy = folder / "shop.db"
    copy.write_bytes(b"last week's backup")
    assert "--force" in one_line_error(admin_backup(shop_file, folder))
    assert "--force" in one_line_error(admin_backup(shop_file, copy))
    assert copy.read_bytes() == b"last week's backup"
    forced = admin_backup(shop_file, copy, "--force")
    assert forced.returncode == 0, forced.stderr
    assert _counts(copy)[0] == 2


def test_the_command_writes_only_to_a_file_or_a_folder(shop_file, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert "not a file or a folder" in one_line_error(admin_backup(shop_file, pipe, "--force"))
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_an_unwritable_target_is_one_line_and_exit_code_2(shop_file, tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    error = one_line_error(admin_backup(shop_file, a_file / "shop.db"))
    assert str(a_file) in error and "Traceback" not in error
    assert a_file.read_text() == "not a folder"
