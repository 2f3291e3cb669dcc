"""The log file: under the user log folder, written as the program runs, never unbounded."""

import logging

import pytest

from bookshop_gui import logs, paths


@pytest.fixture
def log_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))
    yield tmp_path
    logs.shutdown()


def test_the_log_is_in_the_user_log_folder_and_holds_what_was_logged(log_home):
    path = logs.setup()
    assert path == paths.log_dir() / "bookshop.log"
    assert str(path).startswith(str(log_home))
    logging.getLogger("bookshop.test").warning("the receipt printer is out of paper")
    logs.shutdown()
    text = path.read_text(encoding="utf-8")
    assert "WARNING" in text and "the receipt printer is out of paper" in text


def test_setting_up_twice_writes_each_line_once(log_home):
    logs.setup()
    path = logs.setup()
    logging.getLogger("bookshop.test").warning("only once")
    logs.shutdown()
    assert path.read_text(encoding="utf-8").count("only once") == 1


def test_the_log_rolls_over_and_keeps_a_few_old_files(log_home, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup()
    for number in range(400):
        logging.getLogger("bookshop.test").warning("line %04d of a long day", number)
    logs.shutdown()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["bookshop.log", *(f"bookshop.log.{n}" for n in range(1, logs.BACKUPS + 1))]
    assert all(p.stat().st_size <= 2_100 for p in path.parent.iterdir())
    assert "line 0399" in path.read_text(encoding="utf-8")
