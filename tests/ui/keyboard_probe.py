"""Run as a program by test_kiosk_keyboard: starts the real program (`main`) with the given
arguments and, once its sign-in screen is up, types into the user name box through the
on-screen keyboard's input engine, as the keyboard's keys do, and taps a candidate
(`--choose WORD TIMES`: types and taps WORD that many times), then prints what happened
as JSON and quits. The input method must be chosen before the QApplication exists,
hence a process of its own."""

import json
import os
import re
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from bookshop_gui.ui import app as program

TYPIST_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
QtObject {
    function locales() { return VirtualKeyboardSettings.activeLocales.join(",") }
    function type(text) {
        for (var i = 0; i < text.length; i++)
            InputContext.inputEngine.virtualKeyClick(text.toUpperCase().charCodeAt(i), text[i], 0)
    }
    function candidates() {
        var model = InputContext.inputEngine.wordCandidateListModel, words = []
        for (var i = 0; i < model.count; i++) words.push(model.dataAt(i, 0))
        return words.join(",")
    }
    function mode() { return InputContext.inputEngine.inputMode }
    function preedit() { return InputContext.preeditText }
    function pick(i) { InputContext.inputEngine.wordCandidateListModel.selectItem(i) }
}
"""


def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def panel():
    from PySide6.QtQuick import QQuickWindow

    return next((w for w in QGuiApplication.topLevelWindows() if isinstance(w, QQuickWindow)),
                None)


def probe(shell, found: dict) -> None:
    """What a buyer at the kiosk sees: tap the user name box, type on the screen's keys."""
    found["im_module"] = os.environ.get("QT_IM_MODULE")
    field = shell.sign_in.username
    for _ in range(100):
        if shell.sign_in.isEnabled():
            break
        spin(50)
    field.setFocus()
    spin(50)
    found["focus_is_field"] = QApplication.focusWidget() is field
    view = panel()
    found["panel"] = view is not None
    if view is None:
        return
    shown = []
    view.visibleChanged.connect(shown.append)
    QGuiApplication.inputMethod().show()  # what tapping the box asks for
    spin(300)
    found["panel_shown"] = True in shown
    found["panel_height"] = view.height()
    # The offscreen platform gives the keyboard's window the focus when it shows (a real
    # one never does), so the box takes it back before typing.
    shell.sign_in.activateWindow()
    field.setFocus()
    spin(50)
    typist = make_typist(view)
    found["locales"] = typist.locales()
    found["mode"] = typist.mode()
    found["chosen"], found["offered"] = [], []
    for _ in range(TIMES):
        typist.type(TYPED)
        spin(50)
        found.setdefault("preedit", typist.preedit())
        found["offered"].append([word for word in typist.candidates().split(",") if word][:5])
        found["chosen"].append(tap(typist, field))
        found["predicted"] = [word for word in typist.candidates().split(",") if word][:5]
    found["candidates"] = found["offered"][0]
    found["typed"] = field.text()


def tap(typist, field) -> str:
    """Tap candidates until a word goes into the box: the first one offered, or CHOSEN a
    piece at a time (the longest candidate that begins what is left of it); what went in."""
    before = field.text()
    for _ in TYPED:
        tapped = len(re.match(r"[^a-z' ]*", typist.preedit()).group())  # the fixed characters
        left = CHOSEN[tapped:]
        words = [word for word in typist.candidates().split(",") if word]
        fits = [i for i, word in enumerate(words) if left.startswith(word)]
        if field.text() != before or not words or (left and not fits):
            break
        typist.pick(max(fits, key=lambda i: len(words[i])) if left else 0)
        spin(50)
    return field.text()[len(before):]


def make_typist(view):
    from PySide6.QtQml import QQmlComponent

    engine = view.engine()
    component = QQmlComponent(engine, engine)  # kept: the object's methods live in it
    component.setData(TYPIST_QML, "qrc:/tests/typist.qml")
    typist = component.create()
    if typist is None:
        raise RuntimeError(str([e.toString() for e in component.errors()]))
    engine.setObjectOwnership(typist, engine.ObjectOwnership.CppOwnership)
    typist.setParent(engine)
    return typist


TYPED = "reader"
CHOSEN = ""  # the word the buyer taps, from the candidates shown for TYPED (none: the first)
TIMES = 1  # how many times the buyer types and taps it


def main(argv: list[str]) -> None:
    global TYPED, CHOSEN, TIMES
    TYPED = argv.pop(0)
    if argv[0] == "--choose":  # --choose WORD TIMES
        CHOSEN, TIMES = argv[1], int(argv[2])
        del argv[:3]
    found: dict = {}
    start = program.Shell.start

    def start_then_probe(shell, *first):
        start(shell, *first)

        def run():
            try:
                probe(shell, found)
            except Exception as exc:  # said in the output, so the test shows it
                found["error"] = f"{type(exc).__name__}: {exc}"
            finally:
                print(json.dumps(found, ensure_ascii=False), flush=True)
                QApplication.exit(0)

        QTimer.singleShot(0, run)

    program.Shell.start = start_then_probe
    program.main(["bookshop", *argv])


if __name__ == "__main__":
    main(sys.argv[1:])
