"""Work around a reference-counting fault in some PySide6 releases.

In PySide6 6.12 `SignalInstance.emit()` hands back `True` without taking a
reference to it, so every emit lowers `True`'s count by one; after enough
emits (a long kiosk day, or a test run) Python frees `True` and aborts with
"bool_dealloc". `install()` checks once whether this PySide6 has the fault
and, only if so, wraps `emit` to give the missing reference back.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    fired = Signal()


def emit_leaks() -> bool:
    """True when emitting a signal costs `True` a reference."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) < before


def install() -> None:
    global _installed
    if _installed or not emit_leaks():
        return
    original = SignalInstance.emit

    def emit(self, *args):
        result = original(self, *args)
        if result is True or result is False:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    SignalInstance.emit = emit
    _installed = True
