"""An unexpected error is logged and explained; the window stays."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from bookshop_gui import logs
from bookshop_gui.ui import crash


@pytest.fixture
def reports(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))
    logs.setup()
    shown = []
    answers = []

    def show(report):
        shown.append(report)
        return answers.pop(0) if answers else True

    monkeypatch.setattr(crash, "show_report", show)
    hook = crash.install()
    yield shown, answers
    crash.uninstall(hook)
    logs.shutdown()


def _broken_button(qtbot):
    button = QPushButton("Print receipt")
    qtbot.addWidget(button)

    def fail():
        raise RuntimeError("printer driver returned nonsense")

    button.clicked.connect(fail)
    button.show()
    return button


def test_an_error_in_a_click_is_shown_with_the_log_path_and_logged(qtbot, reports):
    shown, _ = reports
    button = _broken_button(qtbot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    report = shown[0]
    assert report.summary == "RuntimeError: printer driver returned nonsense"
    assert report.log_file == logs.current_file()
    assert "fail" in report.details  # the traceback names the function
    assert str(report.log_file) in crash.message(report)
    assert button.isVisible()  # the window did not vanish
    logs.shutdown()
    text = report.log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in text
    assert "RuntimeError: printer driver returned nonsense" in text


def test_choosing_quit_ends_the_program(qtbot, reports, monkeypatch):
    shown, answers = reports
    answers.append(False)
    exits = []
    monkeypatch.setattr(crash.QApplication, "exit", lambda code=0: exits.append(code))
    qtbot.mouseClick(_broken_button(qtbot), Qt.MouseButton.LeftButton)
    assert exits == [1]


def test_the_real_dialog_says_what_happened_and_where_the_log_is(qtbot, tmp_path):
    log_file = tmp_path / "bookshop.log"
    report = crash.CrashReport("ValueError: bad cover image", log_file, "Traceback")
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        next(b for b in box.buttons() if b.text() == "Keep working").click()

    QTimer.singleShot(0, answer)
    assert crash.show_report(report) is True
    assert seen["title"] == "Bookshop: unexpected error"
    assert "ValueError: bad cover image" in seen["text"]
    assert str(tmp_path / "bookshop.log") in seen["text"]
    assert set(seen["buttons"]) >= {"Keep working", "Quit"}
