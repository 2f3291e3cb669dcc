"""`bookshop --version`: the version pyproject.toml declares, printed without loading Qt."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_version_prints_pyprojects_version_without_loading_qt():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    run = subprocess.run([sys.executable, "-X", "importtime", "main.py", "--version"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout == f"bookshop {declared['project']['version']}\n"
    imported = [line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()]
    assert "bookshop_gui.version" in imported
    assert not [name for name in imported if name.startswith(("PySide6", "peewee"))]
