"""Window tests: real widgets on a real SQLite database, with every outside effect contained.

Each test gets its own settings file, an in-memory keyring (or, with
`BOOKSHOP_TEST_KEYRING=secretservice`, the session's real Secret Service, for
the tests marked `keyring`), service calls run
inline (`Tasks.serial`), and a dialog seam that records what the person was
told and answers questions from a script. A test that leaves a window open
fails.
"""

from __future__ import annotations

import os

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from bookshop_gui.services import auth, demo_data
from bookshop_gui.ui import app, connection_problems, dialogs, resources
from bookshop_gui.ui.tasks import Tasks

BUSY_ORDERS = 3000


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


class DialogScript:
    """Stands in for modal dialogs: records them, answers `ask` from `answers`."""

    def __init__(self):
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[bool] = []

    def ask(self, parent, title, text, *, yes, no):
        self.shown.append(("ask", title, text))
        if not self.answers:
            raise AssertionError(f"unexpected question: {title}: {text}")
        return self.answers.pop(0)

    def inform(self, parent, title, text):
        self.shown.append(("inform", title, text))

    def warn(self, parent, title, text):
        self.shown.append(("warn", title, text))

    def texts(self) -> str:
        return "\n".join(text for _, _, text in self.shown)


@pytest.fixture(scope="session")
def qapp_args():
    return ["bookshop-tests"]


@pytest.fixture(autouse=True)
def isolated_desktop(qapp, tmp_path, monkeypatch):
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    qapp.setOrganizationName("BookshopTests")
    qapp.setApplicationName("BookshopTests")
    monkeypatch.setattr(Tasks, "serial", True)
    monkeypatch.delenv("BOOKSHOP_DB_URL", raising=False)
    yield
    QApplication.processEvents()
    leftovers = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in leftovers:
        widget.close()
    assert not leftovers, f"test left windows open: {leftovers}"


class RealKeyring(KeyringBackend):
    """The desktop's Secret Service, with what this test wrote read back and removed after."""

    priority = 1

    def __init__(self):
        super().__init__()
        from keyring.backends import SecretService

        self.real = SecretService.Keyring()
        self.written: set[tuple[str, str]] = set()

    @property
    def store(self) -> dict[tuple[str, str], str]:
        values = {key: self.real.get_password(*key) for key in self.written}
        return {key: value for key, value in values.items() if value is not None}

    def get_password(self, service, username):
        return self.real.get_password(service, username)

    def set_password(self, service, username, password):
        self.written.add((service, username))
        self.real.set_password(service, username, password)

    def delete_password(self, service, username):
        if self.real.get_password(service, username) is not None:
            self.real.delete_password(service, username)

    def clear(self):
        for key in self.written:
            self.delete_password(*key)


@pytest.fixture(autouse=True)
def memory_keyring(request):
    """The keyring every test uses: in memory, or the real one for `keyring` tests in CI."""
    previous = keyring.get_keyring()
    real = (os.environ.get("BOOKSHOP_TEST_KEYRING") == "secretservice"
            and request.node.get_closest_marker("keyring") is not None)
    backend = RealKeyring() if real else MemoryKeyring()
    if real:
        assert backend.real.priority  # raises unless a Secret Service answers on D-Bus
    keyring.set_keyring(backend)
    yield backend
    if real:
        backend.clear()
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def dialog_script(monkeypatch) -> DialogScript:
    script = DialogScript()
    for name in ("ask", "inform", "warn"):
        monkeypatch.setattr(dialogs, name, getattr(script, name))
    return script


@pytest.fixture
def demo_shop(sqlite_database):
    """The demo shops, books and accounts on a fresh embedded database."""
    demo_data.seed()
    return sqlite_database


@pytest.fixture
def chinese(qapp):
    """The translations the program installs at start for zh_CN (its own and Qt's)."""
    installed = app.install_translation(qapp, "zh_CN")
    assert [t.filePath().rsplit("/", 1)[-1] for t in installed] == [
        "bookshop_zh_CN.qm", "qtbase_zh_CN.qm"]
    yield installed
    for translator in installed:
        QApplication.removeTranslator(translator)


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    """Each language in turn, its translations installed as the program installs them."""
    installed = app.install_translation(qapp, request.param)
    yield request.param
    for translator in installed:
        QApplication.removeTranslator(translator)


@pytest.fixture
def kiosk_sheet(qapp):
    """The kiosk's larger text and controls, as `main --kiosk` sets them."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(resources.style_sheet(kiosk=True))
    yield
    qapp.setStyleSheet(before)


@pytest.fixture
def tasks(qapp):
    return Tasks()


@pytest.fixture
def threaded(qapp, monkeypatch):
    """Makes Tasks that run on the real worker thread (GitFourchette's taskThread).

    Most tests keep calls inline; the flows where a callback, a queued reload
    and a selection can arrive in another order run here. Each worker's
    database connection is closed at the end.
    """
    from bookshop_gui.services import connection

    monkeypatch.setattr(Tasks, "serial", False)
    made: list[Tasks] = []

    def make() -> Tasks:
        made.append(Tasks())
        return made[-1]

    yield make
    for tasks in made:
        tasks.run(connection.close)
        assert tasks.wait(10_000), "a background call never finished"
    QApplication.processEvents()


@pytest.fixture
def buyer_session(demo_shop):
    return auth.login("reader", "reader")


@pytest.fixture
def staff_session(demo_shop):
    return auth.login("lakeside", "lakeside")


@pytest.fixture
def staff_window(staff_session, tasks):
    """lakeside's merchant window, shown; closed and deleted after the test."""
    from .live_helpers import close, open_merchant

    window = open_merchant(staff_session, tasks)
    yield window
    close(window)


@pytest.fixture
def unpaid(buyer_session):
    """reader (VIP 0.95) orders two copies of Emma at 8.99: 17.08 + 22.00 shipping."""
    from .live_helpers import place

    return place(buyer_session, "Emma", 2)


class StartScript:
    """Answers the start-up prompts and records what they said."""

    def __init__(self):
        self.choices, self.passwords, self.shown, self.asked = [], [], [], []

    def choose(self, parent, title, text, *, settings=True):
        self.shown.append((title, text, settings))
        return self.choices.pop(0)

    def ask_password(self, parent, url):
        self.asked.append(url)
        return self.passwords.pop(0) if self.passwords else None


@pytest.fixture
def script(monkeypatch):
    answers = StartScript()
    monkeypatch.setattr(connection_problems, "choose", answers.choose)
    monkeypatch.setattr(connection_problems, "ask_password", answers.ask_password)
    quits = []
    monkeypatch.setattr(app.QApplication, "quit", lambda: quits.append(True))
    answers.quits = quits
    return answers


@pytest.fixture
def shells(qtbot):
    made = []

    def start(url, **options):
        shell = app.Shell(url, **options)
        qtbot.addWidget(shell.sign_in)
        made.append(shell)
        shell.start()
        return shell

    yield start
    for shell in made:
        if shell.settings_dialog is not None:
            shell.settings_dialog.close()
        shell.shutdown()
        shell.sign_in.close()


@pytest.fixture
def busy_shop(sqlite_database):
    """One shop with 3,000 orders (BUSY_ORDERS); signed in as its clerk."""
    from bookshop_gui.admin import bulk

    bulk.seed(bulk.Sizes(books=200, orders=BUSY_ORDERS, buyers=20, shops=1))
    return auth.login("clerk_1_1", bulk.DEFAULT_PASSWORD)


@pytest.fixture
def busy_pane(qtbot, busy_shop, tasks):
    """The busy shop's orders pane at 1024×768, every order counted, polled by hand."""
    from bookshop_gui.ui.merchant.window import MerchantWindow

    window = MerchantWindow(busy_shop, tasks)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.watcher.stop()
    pane = window.show_pane("orders")
    qtbot.waitUntil(lambda: pane.model.rowCount() == BUSY_ORDERS)
    return pane
