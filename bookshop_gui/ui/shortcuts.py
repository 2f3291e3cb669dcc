"""Keyboard shortcuts for staff: the platform's standard keys, named in each button's tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

Key = QKeySequence.StandardKey


def key_text(key: Key) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def bind(button: QAbstractButton, key: Key) -> QAbstractButton:
    """`key` presses `button` (while it is enabled), and its tooltip says so."""
    button.setShortcut(QKeySequence(key))
    tip = button.toolTip() or button.text().rstrip("…").replace("&", "")
    button.setToolTip(f"{tip} ({key_text(key)})")
    return button


def find(pane: QWidget, field: QLineEdit) -> QShortcut:
    """Ctrl+F (the platform's Find) anywhere in `pane` goes to its search field."""
    def go():
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    shortcut = QShortcut(QKeySequence(Key.Find), pane, go)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return shortcut
