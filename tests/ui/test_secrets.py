"""A server password never shows: not in the log file, not in any dialog, after each fault.

Each scenario starts the program with a password in its database URL, lets
the fault happen, then reads the log file and every dialog's text for it.
"""

from urllib.parse import urlparse, urlunparse

import pytest
from PySide6.QtCore import Qt

from bookshop_gui import logs
from bookshop_gui.ui import connection_problems, crash

PASSWORD = "Tr0ub4dor-and-3"


@pytest.fixture
def log_and_crashes(tmp_path, monkeypatch):
    """The real log file, in a folder of the test's own, and the crash dialog's reports."""
    folder = tmp_path / "log"
    logs.setup(folder=folder)
    reports = []
    monkeypatch.setattr(crash, "show_report", lambda report: reports.append(report) or True)
    hook = crash.install()
    yield folder / logs.FILE_NAME, reports
    crash.uninstall(hook)
    logs.shutdown()


@pytest.fixture
def never_shown(log_and_crashes, script, dialog_script):
    """After the test: the password is in no log line and no dialog."""
    log_file, reports = log_and_crashes
    yield
    texts = [text for _, text, _ in script.shown] + [dialog_script.texts()]
    texts += [f"{r.summary}\n{r.details}" for r in reports]
    texts.append(log_file.read_text(encoding="utf-8") if log_file.exists() else "")
    assert any(texts), "nothing was said: the scenario did not run"
    for text in texts:
        assert PASSWORD not in text


def _with_password(url, *, port=None):
    parts = urlparse(url)
    netloc = f"{parts.username}:{PASSWORD}@{parts.hostname}:{port or parts.port}"
    return urlunparse(parts._replace(netloc=netloc))


def test_a_mistyped_url_is_explained_without_its_password(qtbot, shells, script, never_shown,
                                                          log_and_crashes):
    script.choices = [connection_problems.QUIT]
    shells(f"mariadb://bob:{PASSWORD}@db.example/shop")
    qtbot.waitUntil(lambda: bool(script.shown))
    _, text, _ = script.shown[0]
    assert "mariadb://bob:***@db.example/shop" in text
    assert log_and_crashes[1] == []  # the start-up dialog, not the crash dialog


def test_an_unreachable_server_is_explained_without_its_password(
        qtbot, shells, script, never_shown, server_databases):
    url = _with_password(server_databases["mysql"].new_url(), port=1)
    script.choices = [connection_problems.QUIT]
    shells(url)
    qtbot.waitUntil(lambda: bool(script.shown), timeout=10_000)
    assert "No database server answers" in script.shown[0][1]


def test_a_silent_network_at_sign_in_is_shown_without_the_password(
        qtbot, shells, script, dialog_script, never_shown, server_databases, fault_proxy,
        short_timeouts):
    """PostgreSQL here trusts local users, so any password opens it: the URL still carries one."""
    proxy, url = fault_proxy(_with_password(server_databases["postgresql"].new_url()))
    shell = shells(url)
    qtbot.waitUntil(shell.sign_in.isEnabled, timeout=15_000)
    proxy.go_silent()
    qtbot.keyClicks(shell.sign_in.username, "reader")
    qtbot.keyClicks(shell.sign_in.password, "reader")
    qtbot.mouseClick(shell.sign_in.sign_in_button, Qt.MouseButton.LeftButton)
    notice = shell.sign_in.reconnecting_notice
    qtbot.waitUntil(notice.isVisible, timeout=15_000)
    assert "reconnecting" in notice.text() and PASSWORD not in notice.text()
    assert dialog_script.shown == []
    proxy.resume()  # the sign-in waited, and is answered once the link is back
    qtbot.waitUntil(shell.sign_in.error.isVisible, timeout=15_000)  # no such account there
    assert not notice.isVisible()


def test_an_unexpected_error_naming_the_url_is_reported_without_the_password(
        qtbot, never_shown, log_and_crashes, script, dialog_script):
    import sys

    url = f"postgresql://shop:{PASSWORD}@db.example:5432/bookshop"
    try:
        raise RuntimeError(f"could not use {url}")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    report = log_and_crashes[1][0]
    assert "postgresql://shop:***@db.example:5432/bookshop" in report.summary
    assert "shop:***@db.example" in log_and_crashes[0].read_text(encoding="utf-8")
