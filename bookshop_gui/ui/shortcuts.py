"""Keyboard shortcuts for staff: the platform's standard keys, named in each button's tooltip."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

Key = QKeySequence.StandardKey
# Chinese texts carry their mnemonic apart, "保存(&S)"; English ones inside, "&Save".
MNEMONIC = re.compile(r"\(&[^&\s]\)|&(?=[^&\s])")


def key_text(key: Key) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def bind(button: QAbstractButton, key: Key) -> QAbstractButton:
    """`key` presses `button` (while it is visible and enabled), and its tooltip says so.

    A shortcut of its own, not the button's: that one is its mnemonic (Alt+S for
    "&Save"), which both keys keep working beside each other.
    """
    shortcut = QShortcut(QKeySequence(key), button, button.animateClick)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    tip = button.toolTip() or plain(button.text()).rstrip("…")
    button.setToolTip(f"{tip} ({key_text(key)})")
    return button


def plain(text: str) -> str:
    """A button's text without its mnemonic: "&Save" and "保存(&S)" as "Save" and "保存"."""
    return MNEMONIC.sub("", text).replace("&&", "&")


def refresh(pane: QWidget, reload) -> QShortcut:
    """F5 (the platform's Refresh) anywhere in `pane` reads it again, for a pane with no
    Refresh button of its own."""
    shortcut = QShortcut(QKeySequence(Key.Refresh), pane, reload)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return shortcut


def find(pane: QWidget, field: QLineEdit) -> QShortcut:
    """Ctrl+F (the platform's Find) anywhere in `pane` goes to its search field."""
    def go():
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    shortcut = QShortcut(QKeySequence(Key.Find), pane, go)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return shortcut
