"""Starting the program: the window shows first, the database opens behind it.

`main` paints the sign-in window before importing peewee, the drivers,
keyring, the log file's handler or the crash dialog: the log, crash reports
and the database (on the worker thread) start only once the window has been
painted, since loading their code first would hold it back. After sign-in
the person's role decides the window: buyers get the kiosk, staff the
workstation.
"""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from bookshop_gui import logs
from bookshop_gui.domain import Role
from bookshop_gui.ui import preferences, resources

EXPIRE_EVERY_MS = 60_000
LEFT_BY_STAFF = 75  # the exit status of a kiosk closed by staff: not to be restarted
translate = QCoreApplication.translate
# The launcher runs these before Qt loads; they are named here for --help alone.
OTHER_COMMANDS = """other commands:
  bookshop admin --help   set up and look after a shop database
  bookshop serve --help   the seed API over HTTP (the `server` extra)
  bookshop --self-test    check this installation and exit
  bookshop --version      print the version and exit"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bookshop", description="Bookshop desktop", epilog=OTHER_COMMANDS,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kiosk", action="store_true",
                        help="buyer kiosk: full screen, signs out when idle")
    parser.add_argument("--merchant", action="store_true", help="open for shop staff")
    parser.add_argument("--db", help="database URL (default: the configured one, or a local file)")
    parser.add_argument("--lang", help="interface language, e.g. zh_CN or en")
    return parser.parse_args(argv[1:])


def install_translation(app: QApplication, language: str = "") -> list[QTranslator]:
    """The program's and Qt's own translations for `language`, or for the system locale.

    The program's come from resources/translations/bookshop_<lang>.qm; Qt's
    (qtbase_<lang>.qm: standard buttons, scroll arrows, file dialogs) from Qt.
    """
    locale = QLocale(language) if language else QLocale.system()
    installed = []
    for name, folder in (
        ("bookshop", str(resources.path("translations"))),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


class AfterFirstPaint(QObject):
    """Calls each of `then` in turn, once `window` has been painted for the first time.

    A window that is never painted (started minimised, or on a screen that is
    off) must still open the database, so the steps also run after `LATEST_MS`.
    """

    LATEST_MS = 1500

    def __init__(self, window, *then):
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)
        QTimer.singleShot(self.LATEST_MS, self, self._run)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self):
        steps, self.then = self.then, ()
        for step in steps:
            step()
        self.deleteLater()


class Shell(QObject):
    """Opens the database, signs people in and out, and owns the open window."""

    def __init__(self, url: str, *, kiosk: bool = False, merchant: bool = False):
        super().__init__()
        from bookshop_gui.ui.sign_in import SignInWindow
        from bookshop_gui.ui.tasks import Tasks

        self.url, self.kiosk, self.merchant = url, kiosk, merchant
        self.tasks = Tasks(self)
        self.tasks.on_unavailable = self._unreachable
        self.tasks.on_error = self._refused
        self.window = None
        self.password: str | None = None  # typed at start; kept only for this run
        self.settings_dialog = None
        self._asked_password = False
        self.sign_in = SignInWindow(self.tasks, kiosk=kiosk)
        self.sign_in.signed_in.connect(self._open_window)
        self.sign_in.settings_requested.connect(self.open_settings)
        self.lock = None
        if kiosk:
            from bookshop_gui.ui.buyer.idle import IdleWatcher
            from bookshop_gui.ui.lockdown import KioskLock

            self.lock = KioskLock(self.tasks, self)
            self.lock.guard(self.sign_in, self.sign_in.title)
            self.lock.unlocked.connect(self.leave_kiosk)
            # A name half typed on the start screen is gone too when nobody finishes it.
            self.start_idle = IdleWatcher(preferences.idle_seconds(), self)
            self.start_idle.idle.connect(self._start_screen_idle)
            from bookshop_gui.ui import keyboard

            if keyboard.enabled():
                self.room = keyboard.Room(self)
                self.forgetful = keyboard.Forgetful(self)
        self.expiry = QTimer(self, interval=EXPIRE_EVERY_MS)
        self.expiry.timeout.connect(self._expire_stale)

    def start(self, *first) -> None:
        """Show the sign-in window; once painted, call each of `first`, then open the database."""
        self.sign_in.setEnabled(False)
        AfterFirstPaint(self.sign_in, *first, self._open_database)
        self._show(self.sign_in)

    def _open_database(self):
        from bookshop_gui.services import connection

        self.sign_in.set_database(connection.describe(self.url))
        self.tasks.run(
            connection.open_or_explain, connection.with_password(self.url, self._password()),
            seed_demo_if_empty=preferences.is_default_database(self.url),
            done=self._database_opened,
        )

    def _password(self) -> str | None:
        """The shared server's password: typed at start, else from the keyring."""
        if self.url.startswith("sqlite") or self.password:
            return self.password
        from bookshop_gui.ui import credentials

        return credentials.password_for(self.url)

    def _database_opened(self, problem):
        if problem is None:
            self._asked_password = False
            self._database_open(None)
        else:
            self._database_failed(problem)

    def _database_open(self, _):
        from bookshop_gui.services import connection
        from bookshop_gui.ui import credentials

        self.sign_in.setEnabled(True)
        self.sign_in.username.setFocus()
        if self.lock is not None:
            self.start_idle.start()
        self.sign_in.set_remember_available(credentials.available())
        self.tasks.run(connection.is_demo, done=self.sign_in.show_demo_accounts)
        self.expiry.start()
        self._expire_stale()
        if not self.kiosk:
            self._resume_remembered()

    def _database_failed(self, problem):
        """The reason, then Retry, Settings or Quit; a server that wants a password asks once."""
        from bookshop_gui.services.connection import Problem
        from bookshop_gui.ui import connection_problems as problems

        self.last_problem = problem
        server = not self.url.startswith("sqlite")
        if server and problem.problem is Problem.WRONG_PASSWORD and not self._asked_password:
            self._asked_password = True
            password = problems.ask_password(self.sign_in, self.url)
            if password:
                self.password = password
                self._open_database()
                return
        answer = problems.choose(
            self.sign_in, translate("Shell", "Cannot open the shop database"),
            problems.problem_text(problem, self.url), settings=not self.kiosk,
        )
        if answer == problems.RETRY:
            self._open_database()
        elif answer == problems.SETTINGS:
            self.open_settings(after_failure=True)
        else:
            QApplication.quit()

    def open_settings(self, after_failure: bool = False, session=None):
        """The settings dialog; saving another database reopens the program on it."""
        from bookshop_gui.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.tasks, session=session, parent=self.window or self.sign_in)
        dialog.database_changed.connect(lambda url: self._database_chosen(url, dialog))
        if after_failure:
            dialog.finished.connect(lambda result: self._settings_after_failure(result, dialog))
        self.settings_dialog = dialog
        dialog.finished.connect(self._settings_closed)
        dialog.open()
        return dialog

    def _settings_after_failure(self, result, dialog):
        if result != dialog.DialogCode.Accepted:
            self._database_failed(self.last_problem)
        elif not dialog.changed_database:
            self._open_database()  # saved as it was: try it again

    def _settings_closed(self, _result):
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _database_chosen(self, url: str, dialog):
        from bookshop_gui.services import connection

        self.url, self.password, self._asked_password = url, dialog.password_now, False
        self.expiry.stop()
        self.sign_in.setEnabled(False)
        self.sign_in.show_demo_accounts(False)
        self.tasks.run(connection.close)
        QTimer.singleShot(0, self._open_database)

    def _resume_remembered(self):
        from bookshop_gui.services import auth
        from bookshop_gui.ui import credentials

        remembered = credentials.recall(self.url)
        if remembered:
            self.tasks.run(auth.resume, remembered[1], done=self._open_window,
                           failed=lambda _error: credentials.forget(self.url))

    def _open_window(self, session):
        from bookshop_gui.ui import credentials

        if self.kiosk and session.role != Role.BUYER:
            self.sign_in.show_error(
                translate("Shell", "This kiosk is for buyers. Staff, please use a workstation.")
            )
            self._sign_out_token(session.token)
            return
        if self.merchant and session.role == Role.BUYER:
            self.sign_in.show_error(translate(
                "Shell", "This workstation is for shop staff. Buyers, please use a kiosk."))
            self._sign_out_token(session.token)
            return
        if session.role != Role.BUYER and self.sign_in.remember.isChecked():
            credentials.remember(self.url, session.username, session.token)
        self.window = self._window_for(session)
        self.window.signed_out.connect(lambda: self._signed_out(session))
        if self.lock is not None:
            self.lock.guard(self.window, self.window.header.brand)
        self.sign_in.hide()
        self._show(self.window)

    def _window_for(self, session):
        if session.role == Role.BUYER:
            from bookshop_gui.ui.buyer.window import BuyerWindow

            return BuyerWindow(session, self.tasks, kiosk=self.kiosk,
                               idle_seconds=preferences.idle_seconds())
        from bookshop_gui.ui.merchant.window import MerchantWindow

        return MerchantWindow(session, self.tasks)

    def _signed_out(self, session):
        from bookshop_gui.ui import credentials

        credentials.forget(self.url)
        self.tasks.drop_waiting()  # their window goes: nothing is left to answer
        self._sign_out_token(session.token)
        window, self.window = self.window, None
        if window is not None:
            window.hide()
            window.deleteLater()
        self.sign_in.clear()
        self._show(self.sign_in)

    def _sign_out_token(self, token: str):
        from bookshop_gui.services import auth

        self.tasks.run(auth.logout, token)

    def _show(self, window):
        if self.kiosk:
            window.showFullScreen()
        else:
            window.show()

    def _expire_stale(self):
        """Now and then: unpaid orders past their time; change-log rows every window has read."""
        from bookshop_gui.services import feed, orders

        self.tasks.run(orders.expire_stale, failed=lambda _error: None)
        self.tasks.run(feed.prune, failed=lambda _error: None)

    def _unreachable(self, error, retry, failed):
        from bookshop_gui.ui import unreachable

        unreachable.tell(self.window or self.sign_in, error, retry, failed)

    def _refused(self, error):
        from bookshop_gui.ui import dialogs, messages

        parent = self.window or self.sign_in
        dialogs.warn(parent, translate("Shell", "Bookshop"), messages.describe(error))

    def _start_screen_idle(self):
        self.sign_in.clear()
        self.start_idle.start()

    def leave_kiosk(self):
        """Staff signed in to close the kiosk: the program ends with `LEFT_BY_STAFF`.

        A boot service that restarts the kiosk whenever it exits leaves it closed
        after that exit status (the systemd unit's RestartPreventExitStatus).
        """
        logging.getLogger("bookshop").info("kiosk mode left by staff")
        QApplication.exit(LEFT_BY_STAFF)

    def shutdown(self):
        from bookshop_gui.services import connection

        if self.lock is not None:
            self.lock.open = True  # the program is ending: its windows may close now
            self.start_idle.stop()
        self.expiry.stop()
        self.tasks.run(connection.close)
        self.tasks.wait()


def start_reporting() -> None:
    """The log file and the crash dialog, once the window is up: their modules load slowly."""
    from bookshop_gui.ui import crash

    log_file = logs.setup()
    logging.getLogger("bookshop").info("starting (log: %s)", log_file)
    crash.install()


def on_screen_keyboard() -> bool:
    """The kiosk's on-screen keyboard, asked for before the QApplication exists (see keyboard)."""
    from bookshop_gui.ui import keyboard

    if keyboard.enable():
        return True
    logging.getLogger("bookshop").warning("no on-screen keyboard: %s", keyboard.problem())
    return False


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    options = parse_args(argv)
    keyboard = options.kiosk and on_screen_keyboard()
    app = QApplication(argv)
    app.setOrganizationName("Bookshop")
    app.setApplicationName("Bookshop")
    app.setDesktopFileName("bookshop")  # the menu entry: its icon and name in the taskbar
    app.setWindowIcon(resources.app_icon())
    language = options.lang or preferences.language()
    install_translation(app, language)
    if keyboard:
        from bookshop_gui.ui import keyboard as on_screen

        on_screen.choose_layouts(app, language or QLocale.system().name())
    if options.kiosk:
        from bookshop_gui.ui.touch import KioskStyle

        app.setStyle(KioskStyle())
    app.setStyleSheet(resources.style_sheet(kiosk=options.kiosk))
    shell = Shell(options.db or preferences.database_url(), kiosk=options.kiosk,
                  merchant=options.merchant)
    shell.start(start_reporting)
    code = app.exec()
    shell.shutdown()
    logs.shutdown()
    return code
