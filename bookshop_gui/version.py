"""The program's version, as pyproject.toml declares it, and what it runs on.

pyproject.toml is the one place the version is written. An installed source
tree reads it back from the package metadata; the bundle carries that
metadata too (build.spec copies it), so `bookshop --version` and the About box
say the same as the installer's name.
"""

from __future__ import annotations

import platform
from importlib import metadata

DISTRIBUTION = "bookshop-gui"


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # a source tree run without `pip install -e .`
        return "0+unknown"


def runtime() -> dict[str, str]:
    """The versions a support call asks for, besides the database's."""
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    return {"Bookshop": version(), "Qt": qVersion(), "PySide6": pyside,
            "Python": platform.python_version()}
