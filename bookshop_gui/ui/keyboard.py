"""The kiosk's on-screen keyboard: Qt Virtual Keyboard, with English and Chinese (pinyin).

A kiosk has no keyboard, so its search, sign-in and address fields need one on
the screen. Qt Virtual Keyboard is a platform input context: once
`QT_IM_MODULE=qtvirtualkeyboard` is set before the QApplication exists, every
text field gets it, shown at the bottom of the screen when the field is
tapped; no widget has to know. Only the kiosk asks for it, and only when this
installation can load it (its libraries come with PySide6-Addons, or with a
bundle built with the keyboard), so a workstation keeps the system's own input
methods and a kiosk without it still starts.

The keyboard offers exactly two layouts, English and Chinese (pinyin, whose
dictionary is built into Qt's pinyin plugin), and starts in the interface's
language; its language key switches between them.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QObject, QPluginLoader, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea

IM_MODULE = "qtvirtualkeyboard"
LOCALES = ("en_US", "zh_CN")


def plugin() -> Path | None:
    """The platform input context plugin's file, if this Qt has one."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath), "platforminputcontexts")
    found = sorted(folder.glob("*qtvirtualkeyboardplugin*")) if folder.is_dir() else []
    return found[0] if found else None


def problem() -> str | None:
    """Why the keyboard cannot be used here, or None when its plugin loads with its libraries.

    PySide6-Essentials carries the plugin without the libraries it links to, so
    the file alone proves nothing: loading it does.
    """
    path = plugin()
    if path is None:
        return "no Qt Virtual Keyboard plugin in this installation"
    loader = QPluginLoader(str(path))
    if not loader.load():
        return loader.errorString()
    return None


def enable() -> bool:
    """Ask Qt for the on-screen keyboard before the QApplication is made; False if none."""
    if problem() is not None:
        return False
    os.environ["QT_IM_MODULE"] = IM_MODULE
    return True


def enabled() -> bool:
    return os.environ.get("QT_IM_MODULE") == IM_MODULE


SETTINGS_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard.Settings
QtObject {
    property var locales: []
    property string first: ""
    function apply() {
        VirtualKeyboardSettings.activeLocales = locales
        VirtualKeyboardSettings.locale = first
    }
}
"""


def choose_layouts(app, language: str) -> None:
    """English and Chinese only, starting in `language`.

    The keyboard's settings are global to the program, so a small QML object on
    an engine of our own sets them before the keyboard first shows.
    """
    from PySide6.QtQml import QQmlComponent, QQmlEngine

    engine = QQmlEngine(app)
    component = QQmlComponent(engine)
    component.setData(SETTINGS_QML, "qrc:/bookshop/keyboard_settings.qml")
    settings = component.create()
    if settings is None:
        raise RuntimeError("; ".join(error.toString() for error in component.errors()))
    settings.setParent(engine)
    chinese = language.lower().startswith("zh")
    settings.setProperty("locales", list(LOCALES))
    settings.setProperty("first", LOCALES[1] if chinese else LOCALES[0])
    settings.apply()


PRIVATE = Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText


class Forgetful(QObject):
    """Keeps the keyboard from remembering one buyer's words for the next.

    Qt's pinyin input learns the words picked from its candidates into a dictionary
    on disk and offers them first from then on: on a shared kiosk, a trace of earlier
    buyers. It keeps no such dictionary while the field's hints say its text is
    sensitive, and predicts nothing from the field's text when they ask for no
    predictions, so every field that takes typing gets both when it gains the focus,
    whoever made it. The pinyin input reads the first only when it is reset, and Qt
    tells the keyboard of the new field (which resets it) before this signal comes,
    so it is reset again once the hints are in, before the first key.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        QApplication.instance().focusChanged.connect(self._private)

    def _private(self, _old, field):
        if field is None or not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
            return
        hints = field.inputMethodHints()
        if (hints & PRIVATE) != PRIVATE:
            field.setInputMethodHints(hints | PRIVATE)
            QGuiApplication.inputMethod().reset()


class Room(QObject):
    """Keeps the field being typed in above the keyboard.

    The keyboard is a window of its own over the bottom of the screen (a third of
    it at 1024×768), and the full-screen kiosk does not know it is there: an address
    form's lower fields would be typed into unseen. While it shows, a window whose
    focused field sits in a scroll area gives up the part of it the keyboard covers,
    and the field is scrolled into what is left. A window without one (the sign-in
    form, its fields above the keyboard) is left as it is, rather than squeezed.
    """

    AFTER_RELEASE_MS = 50

    def __init__(self, parent=None):
        super().__init__(parent)
        self.adjusted = None  # the window given a bottom margin, while the keyboard shows
        method = QGuiApplication.inputMethod()
        method.visibleChanged.connect(self._follow)
        method.keyboardRectangleChanged.connect(self._follow)
        QApplication.instance().focusChanged.connect(lambda _old, _new: self._follow())

    def _follow(self):
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            # A finger still down on the field it just tapped: moving the field now would
            # put the release outside it, and a release outside asks for no keyboard.
            QTimer.singleShot(self.AFTER_RELEASE_MS, self, self._follow)
            return
        method = QGuiApplication.inputMethod()
        shown = method.isVisible() and not method.keyboardRectangle().isEmpty()
        self.make_room(round(method.keyboardRectangle().height()) if shown else 0)

    def make_room(self, height: int) -> None:
        """Room for a keyboard `height` pixels tall at the bottom of the screen (0: none)."""
        field = QApplication.focusWidget()
        window = field.window() if height and scroll_area_of(field) is not None else None
        if self.adjusted is not None and self.adjusted is not window:
            self.adjusted.setContentsMargins(0, 0, 0, 0)
        self.adjusted = window
        if window is None:
            return
        screen = window.screen().geometry()
        bottom = window.mapToGlobal(QPoint(0, window.height())).y()
        covered = bottom - (screen.y() + screen.height() - height)
        window.setContentsMargins(0, 0, 0, max(0, covered))
        QTimer.singleShot(0, self, show_focus)


def scroll_area_of(widget) -> QScrollArea | None:
    area = widget.parentWidget() if widget is not None else None
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    return area


def show_focus() -> None:
    """Scroll the focused field into view in its scroll area."""
    field = QApplication.focusWidget()
    area = scroll_area_of(field)
    if area is not None:
        area.ensureWidgetVisible(field)
