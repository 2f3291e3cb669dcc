"""The merchant workstation: navigation on the left, one pane at a time on the right.

Staff get Orders, Catalog, Members and Reports for their shop. An
administrator has no shop, so they get only what an administrator does:
members and accounts, and the shop-wide settings.

A pane is built, and reads its data, the first time it is shown: signing in
costs the one pane in view, not the widgets and queries of every pane behind it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Role, Session
from bookshop_gui.ui import formatting, live, resources
from bookshop_gui.ui.about import about_action
from bookshop_gui.ui.lazy_pages import LazyPages
from bookshop_gui.ui.reconnecting import ReconnectingNotice
from bookshop_gui.ui.tasks import Tasks

STATUS_SECONDS = 6


class MerchantWindow(QMainWindow):
    """Emits `signed_out` when the person signs out; the Shell takes it from there."""

    signed_out = Signal()

    def __init__(self, session: Session, tasks: Tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.setObjectName("merchant")
        self.setWindowIcon(resources.app_icon())
        self.setWindowTitle(self._title())
        self.resize(1180, 760)
        self.pages = QStackedWidget()
        self.nav = QListWidget(objectName="nav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(190)
        self.nav.currentRowChanged.connect(self._show_row)
        pages = self._panes()
        self.panes = LazyPages(self.pages, {key: make for key, _icon, _text, make in pages},
                               self._wire)
        for _key, icon, text, _make in pages:
            QListWidgetItem(resources.icon(icon), text, self.nav)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._sidebar())
        self.reconnecting_notice = ReconnectingNotice(tasks)
        right = QVBoxLayout()
        right.addWidget(self.reconnecting_notice)
        right.addWidget(self.pages, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self._status_bar()
        self.nav.setCurrentRow(0)
        self.watcher = live.Watcher(tasks, session, self)
        self.watcher.start()

    def _title(self) -> str:
        if self.session.shop_name:
            return formatting.fill(self.tr("Bookshop — %1"), self.session.shop_name)
        return self.tr("Bookshop — Administration")

    def _panes(self):
        """(key, icon, label, maker of the widget) for each page this person may use."""
        from bookshop_gui.ui.merchant.members_pane import MembersPane

        session, tasks = self.session, self.tasks  # not the window itself

        def make(pane_class):
            return lambda: pane_class(session, tasks)

        members = ("members", "members", self.tr("Members"), make(MembersPane))
        if self.session.role == Role.ADMIN:
            from bookshop_gui.ui.merchant.settings_pane import SettingsPane

            return [members, ("settings", "settings", self.tr("Settings"), make(SettingsPane))]
        from bookshop_gui.ui.merchant.catalog_pane import CatalogPane
        from bookshop_gui.ui.merchant.orders_view import OrdersPane
        from bookshop_gui.ui.merchant.reports_pane import ReportsPane

        return [
            ("orders", "orders", self.tr("Orders"), make(OrdersPane)),
            ("catalog", "book", self.tr("Catalog"), make(CatalogPane)),
            members,
            ("reports", "chart", self.tr("Reports"), make(ReportsPane)),
        ]

    def _wire(self, _key: str, pane: QWidget):
        if hasattr(pane, "message"):
            pane.message.connect(self.show_message)

    def _show_row(self, row: int):
        if row >= 0:
            self.panes.make(list(self.panes)[row])  # built on first showing
            self.pages.setCurrentIndex(row)

    def _sidebar(self) -> QVBoxLayout:
        who = QLabel(objectName="hint", wordWrap=True)
        who.setText(formatting.fill(self.tr("Signed in as %1"), self.session.username))
        shop = QLabel(self.session.shop_name or self.tr("Administrator"), objectName="heading",
                      wordWrap=True)
        self.sign_out_button = QPushButton(resources.icon("sign-out"), self.tr("Sign o&ut"))
        self.sign_out_button.clicked.connect(self.sign_out)
        column = QVBoxLayout()
        column.setContentsMargins(10, 12, 0, 12)
        column.addWidget(shop)
        column.addWidget(who)
        column.addWidget(self.nav, 1)
        self.about_button = QToolButton(objectName="aboutButton")
        self.about_button.setDefaultAction(about_action(self, self.tasks))
        self.about_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        column.addWidget(self.about_button)
        column.addWidget(self.sign_out_button)
        return column

    def _status_bar(self):
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(120)
        self.busy.setVisible(self.tasks.busy)
        self.busy_label = QLabel(self.tr("Working…"), objectName="hint")
        self.busy_label.setVisible(self.tasks.busy)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy)
        self.tasks.busy_changed.connect(self._set_busy)

    def _set_busy(self, busy: bool):
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)

    def show_message(self, text: str):
        self.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    def show_pane(self, key: str) -> QWidget:
        self.nav.setCurrentRow(list(self.panes).index(key))
        return self.panes[key]

    # -- leaving ------------------------------------------------------------------

    def _close_editors(self) -> bool:
        orders = self.panes.built().get("orders")
        return orders is None or orders.close_editors()

    def sign_out(self):
        if self._close_editors():
            self._stop()
            self.signed_out.emit()

    def closeEvent(self, event):
        if self._close_editors():
            self._stop()
            event.accept()
        else:
            event.ignore()

    def _stop(self):
        """No more polling once the window is going."""
        self.watcher.stop()

