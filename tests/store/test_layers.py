"""The service layer stands on the models alone: never on Qt, the windows or the admin tools."""

from __future__ import annotations

import ast
from pathlib import Path

from bookshop_gui import services

ABOVE = ("PySide6", "bookshop_gui.ui", "bookshop_gui.admin")


def _imported(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_service_module_imports_a_layer_above_it():
    wrong = {f"{path.name}: {name}"
             for path in Path(services.__path__[0]).glob("*.py")
             for name in _imported(path) if name.startswith(ABOVE)}
    assert wrong == set()
