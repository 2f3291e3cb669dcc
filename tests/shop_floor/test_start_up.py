"""The sign-in window is painted before the database code, keyring or the log's handler loads.

Loading peewee, a driver or keyring takes longer than painting the window, so
the program opens its database only once the window is up. Here the program
starts as people start it (offscreen) and tells which modules it had loaded
when its first window was painted.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIRST_PAINT = ROOT / "tests" / "bench" / "_first_paint.py"
LATER = ("peewee", "playhouse", "psycopg", "pymysql", "sqlite3", "keyring", "logging.handlers",
         "bookshop_gui.db", "bookshop_gui.models", "bookshop_gui.services",
         "bookshop_gui.ui.crash")


def loaded_at_first_paint(home: Path, *arguments: str) -> list[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop("BOOKSHOP_DB_URL", None)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        environment[name] = str(home)
    done = subprocess.run([sys.executable, str(FIRST_PAINT), "program", *arguments],
                          env=environment, capture_output=True, text=True, timeout=120)
    lines = done.stdout.splitlines()
    assert lines[:1] == ["painted"], done.stderr
    return json.loads(lines[1])


@pytest.mark.parametrize("options", [("--db",), (), ("--kiosk", "--db")],
                         ids=["given database", "default database", "kiosk"])
def test_the_sign_in_window_is_painted_before_the_database_code_is_loaded(tmp_path, options):
    arguments = [*options, f"sqlite:///{tmp_path}/shop.db"] if "--db" in options else options
    loaded = loaded_at_first_paint(tmp_path, *arguments)
    assert "bookshop_gui.ui.sign_in" in loaded
    assert [name for name in loaded
            if any(name == later or name.startswith(later + ".") for later in LATER)] == []
