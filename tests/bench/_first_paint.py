"""Start the program, or a bare window, and say so the moment its first window is painted.

    python tests/bench/_first_paint.py program [--db URL ...]   # main.py, as people start it
    python tests/bench/_first_paint.py floor                    # a bare QMainWindow

The first window shown (by `show()` or `showFullScreen()`) gets an event
filter that notes its first paint and which modules were imported by then.
Once that paint has finished, the line `painted` goes to stdout, then those
modules as a JSON list, and the process leaves at once: whoever started it
times the `painted` line. The program's code is not changed for this: only
the first window is watched, so the rest of its events go through no extra
Python.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

ROOT = Path(__file__).resolve().parents[2]
MARKER = "painted"
SHOWS = ("show", "showFullScreen")


class FirstPaint(QObject):
    """Reports once the window it watches has been painted for the first time."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            modules = sorted(sys.modules)
            QTimer.singleShot(0, lambda: report(modules))
        return False


def watch_first_window() -> None:
    """The first widget shown, by either of SHOWS, reports its first paint."""
    originals = {name: getattr(QWidget, name) for name in SHOWS}

    def watching(show):
        def shown(widget):
            for name, original in originals.items():
                setattr(QWidget, name, original)
            widget.installEventFilter(FirstPaint(widget))
            show(widget)
        return shown

    for name, show in originals.items():
        setattr(QWidget, name, watching(show))


def report(modules: list[str]) -> None:
    sys.stdout.write(MARKER + "\n")
    sys.stdout.flush()
    import json  # after the marker: not part of what is timed

    sys.stdout.write(json.dumps(modules) + "\n")
    sys.stdout.flush()
    os._exit(0)


def floor() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()
    return app.exec()


def program(arguments: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    sys.argv = [str(ROOT / "main.py"), *arguments]
    import main

    return main.main()


if __name__ == "__main__":
    watch_first_window()
    sys.exit(floor() if sys.argv[1:2] == ["floor"] else program(sys.argv[2:]))
