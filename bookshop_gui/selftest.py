"""`bookshop --self-test`: check that this installation has everything it needs, then exit.

Run by CI on the built bundle, and by a shop after installing: a data file or
module left out of a package fails here, with its name, instead of at the
counter. It opens a throw-away SQLite database, runs the migrations, seeds the
demo shop, signs in through the services, loads both database drivers and the
keyring, and builds the buyer and merchant windows offscreen. Each check is
printed; the exit code is 0 only if all of them passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

# Languages whose compiled translations must ship.
LANGUAGES = ("en", "zh_CN")


class SelfTest:
    def __init__(self, out=print):
        self.out = out
        self.failures: list[str] = []
        self.state: dict = {}

    def check(self, name: str, fn: Callable[[], str | None]) -> bool:
        try:
            detail = fn()
        except Exception as exc:  # every failure is reported, then the next check runs
            self.failures.append(name)
            self.out(f"FAIL  {name}: {type(exc).__name__}: {exc}")
            self.out("      " + "      ".join(traceback.format_exc().splitlines(True)[-6:]))
            return False
        self.out(f"ok    {name}" + (f": {detail}" if detail else ""))
        return True


def run(out=print) -> int:
    """Every check in order; 0 if all passed, 1 otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    test = SelfTest(out)
    with tempfile.TemporaryDirectory(prefix="bookshop-self-test-") as folder:
        _checks(test, Path(folder))
    if test.failures:
        out(f"self-test FAILED: {', '.join(test.failures)}")
        return 1
    out("self-test passed")
    return 0


def _checks(test: SelfTest, folder: Path) -> None:
    test.check("version", _version)
    test.check("resources", _resources)
    test.check("migrations", _migrations)
    test.check("PostgreSQL driver", _postgres_driver)
    test.check("MySQL driver", _mysql_driver)
    test.check("keyring", _keyring)
    test.check("user folders", _user_folders)
    opened = test.check("database", lambda: _database(test, folder))
    if opened:
        test.check("demo data", _demo_data)
        test.check("sign-in", lambda: _sign_in(test))
    test.check("interface", lambda: _application(test))
    test.check("translations", lambda: _translations(test))
    test.check("on-screen keyboard", lambda: _keyboard(test))
    if opened and "buyer" in test.state:
        test.check("buyer window", lambda: _window(test, "buyer"))
        test.check("merchant window", lambda: _window(test, "staff"))
    test.check("clean up", lambda: _clean_up(test))


def _version() -> str:
    from bookshop_gui.version import runtime

    versions = runtime()
    if versions["Bookshop"] == "0+unknown":
        raise LookupError("no package metadata: the version is unknown")
    return ", ".join(f"{name} {number}" for name, number in versions.items())


def _resources() -> str:
    from bookshop_gui.ui import resources

    needed = [resources.path("styles", "app.qss"), resources.path("styles", "kiosk.qss"),
              resources.path("icons", "book.svg"), resources.path("icons", "bookshop.svg")]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise FileNotFoundError(", ".join(missing))
    icons = len(list(resources.path("icons").glob("*.svg")))
    return f"{resources.ROOT} ({icons} icons)"


def _migrations() -> str:
    from bookshop_gui import db

    names = sorted(p.stem for p in db.MIGRATIONS_DIR.glob("[0-9]*.py"))
    if not names or names[0] != "0001_initial":
        raise FileNotFoundError(f"no migrations in {db.MIGRATIONS_DIR}")
    return ", ".join(names)


def _postgres_driver() -> str:
    from bookshop_gui._peewee import load_postgres_driver

    load_postgres_driver()
    import psycopg

    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__} libpq {psycopg.pq.version()})"


def _mysql_driver() -> str:
    from bookshop_gui._peewee import load_mysql_driver

    load_mysql_driver()
    import pymysql

    return f"PyMySQL {pymysql.__version__}"


def _keyring() -> str:
    import keyring
    import keyring.backends.fail  # noqa: F401  (what credentials.available() compares with)

    from bookshop_gui.ui import credentials

    backend = keyring.get_keyring()
    state = "available" if credentials.available() else "none on this computer"
    return f"{type(backend).__module__}.{type(backend).__name__} ({state})"


def _user_folders() -> str:
    from bookshop_gui import paths

    return f"data {paths.data_dir()}, log {paths.log_dir()}"


def _database(test: SelfTest, folder: Path) -> str:
    from bookshop_gui import db

    url = f"sqlite:///{folder / 'self-test.db'}"
    database = db.connect(url)
    test.state["database"] = database
    applied = [m.name for m in db.runner(database).status() if m.applied]
    return f"{len(applied)} migrations applied to a new database"


def _demo_data() -> str:
    from bookshop_gui.services import demo_data

    counts = demo_data.seed()
    return "{shops} shops, {books} books, {accounts} accounts".format(**counts)


def _sign_in(test: SelfTest) -> str:
    from bookshop_gui.services import auth, catalog

    test.state["buyer"] = auth.login("reader", "reader")
    test.state["staff"] = auth.login("lakeside", "lakeside")
    books = catalog.search("")
    if not books:
        raise AssertionError("the catalog is empty")
    return f"reader and lakeside signed in; {len(books)} books on sale"


def _application(test: SelfTest) -> str:
    from PySide6.QtWidgets import QApplication

    from bookshop_gui.ui import resources

    app = QApplication.instance() or QApplication(["bookshop", "--self-test"])
    app.setStyleSheet(resources.style_sheet())
    app.setWindowIcon(resources.app_icon())
    if app.windowIcon().isNull():
        raise FileNotFoundError("the program's icon cannot be drawn")
    test.state["app"] = app
    return f"Qt platform {app.platformName()}"


def _translations(test: SelfTest) -> str:
    from PySide6.QtCore import QTranslator

    from bookshop_gui.ui import resources

    loaded = []
    for language in LANGUAGES:
        translator = QTranslator()
        path = resources.path("translations", f"bookshop_{language}.qm")
        if not translator.load(str(path)) or translator.isEmpty():
            raise FileNotFoundError(f"no compiled translation {path}")
        loaded.append(language)
    from PySide6.QtCore import QCoreApplication

    from bookshop_gui.ui.app import install_translation

    installed = install_translation(test.state["app"], "zh_CN")  # as at start, Qt's own too
    try:
        names = sorted(Path(t.filePath()).name for t in installed)
        if names != ["bookshop_zh_CN.qm", "qtbase_zh_CN.qm"]:
            raise FileNotFoundError(f"zh_CN start-up translations incomplete: {names}")
        signed = QCoreApplication.translate("SignInWindow", "Sign in")
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
    if signed == "Sign in" or cancel == "Cancel":
        raise AssertionError("the Chinese translations do not translate 'Sign in' / 'Cancel'")
    return f"{', '.join(loaded)}; Qt's own for zh_CN ('Sign in' is '{signed}', " \
        f"'Cancel' is '{cancel}')"


KEYBOARD_RESOURCES = ":/qt-project.org/imports/QtQuick/VirtualKeyboard"  # in its QML plugins
KEYBOARD_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Plugins.Pinyin
QtObject {}
"""


def _keyboard(test: SelfTest) -> str:
    """The kiosk's keyboard: its plugin, its QML modules with the pinyin plugin, its layouts.

    A bundle that carries the plugin must load all of it; a source tree whose PySide6
    has no PySide6-Addons simply has no keyboard, as its kiosk then says in the log.
    """
    from bookshop_gui.ui import keyboard

    problem = keyboard.problem()
    if problem is not None:
        if getattr(sys, "frozen", False) and keyboard.plugin() is not None:
            raise ImportError(problem)
        return f"none here ({problem})"
    from PySide6.QtQml import QQmlComponent, QQmlEngine

    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(KEYBOARD_QML, "qrc:/bookshop/self_test_keyboard.qml")
    if component.create() is None:
        raise ImportError("; ".join(error.toString() for error in component.errors()))
    from PySide6.QtCore import QFile

    needed = [f"{KEYBOARD_RESOURCES}/Layouts/{name}/main" for name in keyboard.LOCALES]
    needed = [path + (".qml" if QFile.exists(path + ".qml") else ".fallback") for path in needed]
    needed.append(f"{KEYBOARD_RESOURCES}/3rdparty/pinyin/data/dict_pinyin.dat")
    missing = [path for path in needed if not QFile.exists(path)]
    if missing:
        raise FileNotFoundError(", ".join(missing))
    keyboard.choose_layouts(test.state["app"], "en")
    return f"Qt Virtual Keyboard; layouts {', '.join(keyboard.LOCALES)}; pinyin dictionary"


def _window(test: SelfTest, who: str) -> str:
    from PySide6.QtWidgets import QApplication

    from bookshop_gui.ui.tasks import Tasks

    session = test.state[who]
    tasks = Tasks()
    tasks.serial = True  # the windows' loads finish before the check looks at them
    errors: list[BaseException] = []
    previous = sys.excepthook
    sys.excepthook = lambda kind, error, tb: errors.append(error)
    try:
        if who == "buyer":
            from bookshop_gui.ui.buyer.window import BuyerWindow

            window = BuyerWindow(session, tasks, kiosk=False, idle_seconds=120)
        else:
            from bookshop_gui.ui.merchant.window import MerchantWindow

            window = MerchantWindow(session, tasks)
        window.show()
        QApplication.processEvents()
        shown = window.isVisible()
        title = window.windowTitle()
        about = _about(window, tasks)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    finally:
        sys.excepthook = previous
    if errors:
        raise errors[0]
    if not shown:
        raise AssertionError("the window did not show")
    return f"'{title}' shown for {session.username}; About says {about}"


def _about(window, tasks) -> str:
    """The window's About box, as F1 opens it: the database must have answered."""
    from bookshop_gui.ui.about import show_about

    dialog = show_about(window, tasks)
    database = dialog.database.text()
    dialog.close()
    if not database.startswith("SQLite "):
        raise AssertionError(f"the About box shows no database version: {database!r}")
    return database


def _clean_up(test: SelfTest) -> str:
    from bookshop_gui.services import auth

    for who in ("buyer", "staff"):
        if who in test.state:
            auth.logout(test.state[who].token)
    database = test.state.get("database")
    if database is not None and not database.is_closed():
        database.close()
    return "signed out, database closed and removed"


def main() -> int:
    return run()


if __name__ == "__main__":
    sys.exit(main())
