"""This workstation's settings: which database, the kiosk's idle time, the language.

The database is the local file or a shared PostgreSQL / MySQL server; its
password goes to the keyring, never to the settings file, and where there is
no keyring it is used for this run only and asked for again at the next start.
"Test connection" tries the choice on the worker thread and says exactly what
failed. An administrator also sets the shop's shipping fee here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui import paths
from bookshop_gui.domain import Role, Session
from bookshop_gui.errors import InvalidInput
from bookshop_gui.services import connection, settings
from bookshop_gui.ui import credentials, dialogs, formatting, messages, preferences
from bookshop_gui.ui.connection_problems import problem_text
from bookshop_gui.ui.tasks import Tasks

MIN_WIDTH = 520
SCREEN_ROOM = 48  # left above and below the dialog for its title bar and the taskbar


class SettingsDialog(QDialog):
    """Emits `database_changed(url)` when saved with another database (or password)."""

    database_changed = Signal(str)
    language_changed = Signal(str)

    def __init__(self, tasks: Tasks, *, session: Session | None = None, parent=None):
        super().__init__(parent)
        self.tasks, self.session = tasks, session
        self.password_now: str | None = None  # for this run, where there is no keyring
        self._fee_shown = None
        self.changed_database = False
        self.setObjectName("settings")
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._scrolling(self._database_box(), self._shop_box(),
                                         self._workstation_box()))
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primary")
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load()

    # building

    def _scrolling(self, *boxes: QGroupBox) -> QScrollArea:
        """The boxes at MIN_WIDTH, each note on as many lines as it needs; on a screen too
        short for them all (1024×768) they scroll, rather than squeezing a note in half."""
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        for box in boxes:
            column.addWidget(box)
        content.setMinimumWidth(MIN_WIDTH)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        return self.scroll

    def showEvent(self, event):
        super().showEvent(event)
        self._fit_screen()

    def _fit_screen(self):
        """As tall as the boxes need, up to the screen's height; as wide as they need."""
        content = self.scroll.widget()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        margins = self.layout().contentsMargins()
        inner = max(MIN_WIDTH, content.minimumSizeHint().width())
        width = inner + bar + margins.left() + margins.right()
        needed = content.layout().totalHeightForWidth(inner)
        around = self.height() - self.scroll.height()  # the buttons and the margins
        room = self.screen().availableGeometry().height() - SCREEN_ROOM
        self.resize(max(width, self.width()), min(needed + around, room))

    def _database_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Shop database"))
        self.local = QRadioButton(self.tr("On this computer (a local file)"))
        self.server = QRadioButton(self.tr("On a shared server"))
        self.where = QButtonGroup(self)
        self.where.addButton(self.local)
        self.where.addButton(self.server)
        self.path = QLineEdit(placeholderText=str(paths.default_db_path()))
        self.path.setAccessibleName(self.tr("Database file"))
        self.kind = QComboBox()
        self.kind.addItem("PostgreSQL", "postgresql")
        self.kind.addItem("MySQL / MariaDB", "mysql")
        self.host = QLineEdit(placeholderText=self.tr("e.g. shopserver or 192.168.1.10"))
        self.host.setAccessibleName(self.tr("Host"))
        self.hosts_note = QLabel(self.tr(
            "A server with a standby: list both as host:port, separated by commas "
            "(PostgreSQL). The program uses the one that accepts writes and moves to the "
            "standby by itself when it takes over."), objectName="hint", wordWrap=True)
        self.port = QSpinBox(minimum=1, maximum=65_535)
        self.name = QLineEdit(placeholderText="bookshop")
        self.user = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the keyring"))
        self.keyring_note = QLabel(objectName="hint", wordWrap=True)
        self.server_form = QWidget()
        form = QFormLayout(self.server_form)
        form.setContentsMargins(20, 0, 0, 0)
        form.addRow(self.tr("Server type"), self.kind)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.hosts_note)
        for label, widget in ((self.tr("Port"), self.port), (self.tr("Database"), self.name),
                              (self.tr("User"), self.user), (self.tr("Password"), self.password)):
            form.addRow(label, widget)
        form.addRow(self.keyring_note)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(objectName="hint", wordWrap=True)
        self.test_result.hide()
        layout = QVBoxLayout(box)
        # Only the circle and the words take a click: no wider than they are.
        layout.addWidget(self.local, alignment=Qt.AlignmentFlag.AlignLeft)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(20, 0, 0, 0)
        path_row.addWidget(self.path)
        layout.addLayout(path_row)
        layout.addWidget(self.server, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.server_form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.test_result)
        self.where.buttonToggled.connect(self._where_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        return box

    def _shop_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Shop"))
        self.fee = QLineEdit()
        self.fee.setAccessibleName(self.tr("Shipping fee"))
        self.fee_note = QLabel(objectName="hint", wordWrap=True)
        form = QFormLayout(box)
        form.addRow(self.tr("Shipping fee"), self.fee)
        form.addRow(self.fee_note)
        admin = self.session is not None and self.session.role == Role.ADMIN
        self.fee.setReadOnly(not admin)
        self.fee_note.setText(
            self.tr("Charged once on every new order, on every workstation.") if admin
            else self.tr("Only an administrator can change the shipping fee.")
        )
        return box

    def _workstation_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This workstation"))
        self.idle = QSpinBox(minimum=15, maximum=3_600, singleStep=15)
        self.idle.setSuffix(self.tr(" s"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("English", "en")
        self.language.addItem("中文", "zh_CN")
        self.language_note = QLabel(self.tr("A new language shows after the program restarts."),
                                    objectName="hint", wordWrap=True)
        form = QFormLayout(box)
        form.addRow(self.tr("Kiosk signs out after"), self.idle)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.language_note)
        return box

    # reading and writing

    def _load(self):
        choice = preferences.database_choice()
        self._loaded = choice
        self.path.setText(choice.path)
        self.kind.setCurrentIndex(max(0, self.kind.findData(
            choice.kind if choice.is_server else "postgresql")))
        self.port.setValue(choice.port or preferences.DEFAULT_PORTS[self.kind.currentData()])
        self.host.setText(choice.host)
        self.name.setText(choice.name)
        self.user.setText(choice.user)
        (self.server if choice.is_server else self.local).setChecked(True)
        self._where_changed()
        self.idle.setValue(preferences.idle_seconds())
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language())))
        has_keyring = credentials.available()
        self.keyring_note.setText(
            self.tr("The password is kept in this computer's keyring.") if has_keyring else
            self.tr("This computer has no keyring: the password is not stored and is asked "
                    "for each time the program starts."))
        self.tasks.run(connection.shipping_fee_if_open, done=self._show_fee,
                       failed=lambda _error: self._show_fee(None))

    def _show_fee(self, fee):
        self._fee_shown = fee
        if fee is None:
            self.fee.clear()
            self.fee.setEnabled(False)
            self.fee.setPlaceholderText(self.tr("open a database to see it"))
        else:
            self.fee.setText(f"{fee:.2f}")

    def choice(self) -> preferences.DatabaseChoice:
        if self.local.isChecked():
            return preferences.DatabaseChoice(
                kind="local", path=self.path.text().strip() or str(paths.default_db_path()))
        return preferences.DatabaseChoice(
            kind=self.kind.currentData(), host=self.host.text().strip(), port=self.port.value(),
            name=self.name.text().strip() or "bookshop", user=self.user.text().strip(),
        )

    def url_with_password(self) -> str:
        """The chosen database's URL with the typed (or kept) password, for connecting."""
        choice = self.choice()
        url = choice.url()
        if not choice.is_server:
            return url
        password = self.password.text() or credentials.password_for(url)
        return connection.with_password(url, password)

    def _where_changed(self, *_):
        on_server = self.server.isChecked()
        self.server_form.setEnabled(on_server)
        self.path.setEnabled(not on_server)
        self.test_result.hide()

    def _kind_changed(self, _index):
        ports = preferences.DEFAULT_PORTS
        if self.port.value() in ports.values():
            self.port.setValue(ports[self.kind.currentData()])

    # actions

    def hosts_problem(self) -> str | None:
        """What is wrong with the Host field, or None: checked before testing or saving."""
        choice = self.choice()
        if not choice.is_server:
            return None
        try:
            several = len(choice.hosts()) > 1
        except InvalidInput:
            return self.tr("Write each host as a name or address, with its port after a colon "
                           "if it has its own, such as shopserver:5432,standby:5432.")
        if several and choice.kind != "postgresql":
            return self.tr("Several hosts work with PostgreSQL only: name one MySQL / MariaDB "
                           "host.")
        return None

    def test_connection(self):
        problem = self.hosts_problem()
        if problem:
            self.test_result.setText(problem)
            self.test_result.setObjectName("error")
            self.test_result.style().polish(self.test_result)
            self.test_result.show()
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        self.test_result.show()
        url = self.url_with_password()
        self.tasks.run(connection.check, url, done=lambda check: self._tested(check, url),
                       failed=self._test_failed)

    def _tested(self, check, url):
        self.test_button.setEnabled(True)
        if check.ok:
            if check.empty:
                text = self.tr("Connected. The database is empty: the shop's tables will be "
                               "created when the program opens it.")
            elif check.pending:
                text = self.tr("Connected. The database will be upgraded to this version "
                               "when the program opens it.")
            else:
                text = self.tr("Connected. The database is ready.")
            self.test_result.setObjectName("hint")
        else:
            text = problem_text(check.problem, url)
            self.test_result.setObjectName("error")
        self.test_result.setText(text)
        self.test_result.style().polish(self.test_result)

    def _test_failed(self, error):
        self.test_button.setEnabled(True)
        self.test_result.setText(messages.describe(error))

    def save(self):
        problem = self.hosts_problem()
        if problem:
            dialogs.warn(self, self.tr("Settings"), problem)
            return
        fee = None
        if self.session is not None and self.session.role == Role.ADMIN and self.fee.isEnabled():
            fee = formatting.parse_money(self.fee.text())
            if fee is None:
                dialogs.warn(self, self.tr("Settings"),
                             self.tr("The shipping fee must be an amount such as 22.00."))
                return
        if fee is not None and fee != self._fee_shown:
            self.tasks.run(settings.set_shipping_fee, self.session.token, fee,
                           done=lambda _result: self._save_workstation(),
                           failed=lambda error: dialogs.warn(
                               self, self.tr("Settings"), messages.describe(error)))
        else:
            self._save_workstation()

    def _save_workstation(self):
        preferences.set_idle_seconds(self.idle.value())
        language = self.language.currentData()
        language_changed = language != preferences.language()
        preferences.set_language(language)
        choice = self.choice()
        url = preferences.set_database_choice(choice)
        typed = self.password.text() if choice.is_server else ""
        if typed and not credentials.keep_password(url, typed):
            self.password_now = typed
        self.changed_database = url != self._loaded.url() or bool(typed)
        if self.changed_database:
            self.database_changed.emit(url)
        if language_changed:
            self.language_changed.emit(language)
        self.accept()
