"""Finding the shipped resources (styles, icons, translations), installed or bundled."""

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon

ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2])) / "resources"


def path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)


@cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons by name, without the .svg."""
    return QIcon(str(path("icons", f"{name}.svg")))


@cache
def app_icon() -> QIcon:
    """The program's own icon (resources/icons/bookshop.svg), for every window.

    The same SVG is drawn into the menu icons, the Windows .exe icon and the
    macOS .app icon by packaging/icons.py.
    """
    return icon("bookshop")


def style_sheet(kiosk: bool = False) -> str:
    """The application's style sheet; the kiosk adds larger, touch-friendly controls.

    Sheets name images as `icons:name.svg`, found wherever the program is installed.
    """
    QDir.addSearchPath("icons", str(path("icons")))
    sheet = path("styles", "app.qss").read_text(encoding="utf-8")
    if kiosk:
        sheet += path("styles", "kiosk.qss").read_text(encoding="utf-8")
    return sheet
