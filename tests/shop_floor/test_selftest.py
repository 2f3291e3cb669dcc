"""`python main.py --self-test` checks the installation and says what it checked."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_self_test_passes_and_prints_each_check(tmp_path):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
                   "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path)}
    environment.pop("BOOKSHOP_DB_URL", None)
    done = subprocess.run([sys.executable, "main.py", "--self-test"], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    checked = [line.split(":")[0][6:] for line in lines if line.startswith("ok    ")]
    for name in ("resources", "migrations", "PostgreSQL driver", "MySQL driver", "keyring",
                 "database", "demo data", "sign-in", "translations", "on-screen keyboard",
                 "buyer window",
                 "merchant window", "clean up"):
        assert name in checked
    assert lines[-1] == "self-test passed"
    assert not list(tmp_path.rglob("self-test.db"))  # the throw-away database is gone
