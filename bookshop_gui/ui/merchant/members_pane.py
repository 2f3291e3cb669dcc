"""The members pane: find a buyer, top up their balance and read their balance history;
administrators also set VIP ratios and open buyer and staff accounts."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Kind, Member, Role, Session
from bookshop_gui.services import accounts
from bookshop_gui.ui import dialogs, formatting, live, messages, resources, shortcuts, tables
from bookshop_gui.ui.merchant.book_editor import mark
from bookshop_gui.ui.merchant.ledger_view import LedgerView
from bookshop_gui.ui.merchant.members_model import COL_USERNAME, MembersModel, vip_text
from bookshop_gui.ui.search_box import SearchBox


class MembersPane(QWidget):
    message = Signal(str)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.is_admin = session.role == Role.ADMIN
        self.model = MembersModel(self)
        self.member: Member | None = None
        self._build()
        live.follow(self, tasks, (Kind.BALANCES, Kind.MEMBERS), lambda _changes: self.refresh(),
                    first_read_when_shown=True)

    def _build(self):
        self.search = SearchBox(self.tr("Find a buyer by username"))
        self.search.searched.connect(lambda _text: self.refresh())
        shortcuts.find(self, self.search)
        shortcuts.refresh(self, self.refresh)
        self.table = tables.table(self.tr("Members"), self.model, COL_USERNAME, fit=False,
                                  grid=True)
        tables.sort_by(self.table, COL_USERNAME)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.ledger = LedgerView(self.session, self.tasks)
        self.ledger.message.connect(self.message)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        left.addWidget(self.ledger, 1)
        right = QVBoxLayout()
        right.addWidget(self._member_card())
        if self.is_admin:
            right.addWidget(self._new_account_card())
        right.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def _member_card(self) -> QFrame:
        card = QFrame(objectName="card")
        self.name_label = QLabel(self.tr("Choose a buyer"), objectName="heading")
        self.balance_label = QLabel(objectName="total")
        self.vip_label = QLabel(objectName="hint")
        self.amount = QLineEdit(placeholderText=self.tr("e.g. 50.00"))  # its label says what
        self.top_up_button = QPushButton(resources.icon("pay"), self.tr("&Top up…"),
                                         objectName="primary")
        self.top_up_button.clicked.connect(self.top_up)
        self.amount.setAccessibleName(self.tr("Amount to add"))
        self.amount.returnPressed.connect(self.top_up)
        self.amount.textChanged.connect(self._update_buttons)
        top_up_row = QHBoxLayout()
        top_up_row.addWidget(self.amount)
        top_up_row.addWidget(self.top_up_button)
        layout = QVBoxLayout(card)
        for widget in (self.name_label, self.balance_label, self.vip_label):
            layout.addWidget(widget)
        layout.addWidget(QLabel(
            self.tr("&Add to the store balance (cash or card at the counter):"),
            objectName="hint", wordWrap=True, buddy=self.amount))
        layout.addLayout(top_up_row)
        if self.is_admin:
            self.vip = QLineEdit(placeholderText="0.95")
            self.vip.setAccessibleName(self.tr("VIP ratio"))
            self.vip_button = QPushButton(resources.icon("star"), self.tr("Set &VIP ratio"))
            self.vip_button.clicked.connect(self.set_vip)
            vip_row = QHBoxLayout()
            vip_row.addWidget(self.vip)
            vip_row.addWidget(self.vip_button)
            layout.addWidget(QLabel(self.tr("Share of the list price this buyer &pays:"),
                                    objectName="hint", buddy=self.vip))
            layout.addLayout(vip_row)
        self._update_buttons()
        return card

    def _new_account_card(self) -> QFrame:
        card = QFrame(objectName="card")
        self.new_username = QLineEdit()
        self.new_password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new_role = QComboBox()
        self.new_role.addItem(self.tr("Buyer"), Role.BUYER)
        self.new_role.addItem(self.tr("Shop staff"), Role.STAFF)
        self.new_shop = QComboBox()
        self.new_vip = QLineEdit("1")
        self.new_role.currentIndexChanged.connect(self._role_changed)
        self.create_button = QPushButton(resources.icon("user"), self.tr("C&reate account"))
        self.create_button.clicked.connect(self.create_account)
        self.create_error = QLabel(objectName="error", wordWrap=True)
        self.create_error.hide()
        form = QFormLayout()
        form.addRow(self.tr("User&name"), self.new_username)
        form.addRow(self.tr("Pass&word"), self.new_password)
        form.addRow(self.tr("A&ccount"), self.new_role)
        form.addRow(self.tr("S&hop"), self.new_shop)
        form.addRow(self.tr("VIP rat&io"), self.new_vip)
        layout = QVBoxLayout(card)
        layout.addWidget(QLabel(self.tr("New account"), objectName="heading"))
        layout.addLayout(form)
        layout.addWidget(self.create_error)
        layout.addWidget(self.create_button)
        self._role_changed()
        self.tasks.run(accounts.list_shops, done=self._shops, failed=lambda _e: None)
        return card

    # -- finding ------------------------------------------------------------------

    def refresh(self):
        """List the members again; the one chosen stays chosen, with its new figures."""
        chosen = self.member.username if self.member else None
        self.tasks.run(accounts.find_members, self.session.token, self.search.query(),
                       limit=200, done=lambda members: self._listed(members, chosen),
                       failed=self._failed, key="members")

    def _listed(self, members, chosen: str | None):
        self.model.set_rows(members)
        if chosen is None or not self.select(chosen):
            self.show_member(self.selected_member())

    def selected_member(self) -> Member | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select(self, username: str) -> bool:
        for row, member in enumerate(self.model.rows):
            if member.username == username:
                self.table.selectRow(row)
                return True
        return False

    def _selected(self, *_args):
        self.show_member(self.selected_member())

    def show_member(self, member: Member | None):
        self.member = member
        self.name_label.setText(member.username if member else self.tr("Choose a buyer"))
        self.balance_label.setText(
            formatting.fill(self.tr("Balance %1"), formatting.money(member.balance))
            if member else "")
        self.vip_label.setText(formatting.fill(self.tr("VIP ratio %1"), vip_text(member.vip_ratio))
                               if member else "")
        if self.is_admin and member:
            self.vip.setText(vip_text(member.vip_ratio))
        self.ledger.show_buyer(member.username if member else None)
        self._update_buttons()

    def _update_buttons(self, *_args):
        amount = formatting.parse_money(self.amount.text())
        typed = bool(self.amount.text().strip())
        mark(self.amount, typed and (amount is None or amount == 0))
        self.top_up_button.setEnabled(bool(self.member) and bool(amount))
        if self.is_admin:
            self.vip_button.setEnabled(bool(self.member))

    # -- changing ------------------------------------------------------------------

    def top_up(self):
        amount = formatting.parse_money(self.amount.text())
        member = self.member
        if member is None or not amount:
            return
        question = formatting.fill(
            self.tr("Add %1 to %2's balance? It will then be %3."), formatting.money(amount),
            member.username, formatting.money(member.balance + amount))
        if not dialogs.ask(self, self.tr("Top up"), question, yes=self.tr("Top up"),
                           no=self.tr("Cancel")):
            return
        self.tasks.act(accounts.top_up, self.session.token, member.username, amount,
                       action=("top_up", member.username, amount),
                       done=lambda balance: self._topped_up(member.username, amount, balance),
                       failed=self._failed)

    def _topped_up(self, username: str, amount, balance):
        self.amount.clear()
        self.message.emit(formatting.fill(
            self.tr("Added %1 to %2's balance; it is now %3."), formatting.money(amount),
            username, formatting.money(balance)))

    def set_vip(self):
        member = self.member
        try:
            ratio = Decimal(self.vip.text().strip())
        except InvalidOperation:
            ratio = None
        if member is None or ratio is None:
            mark(self.vip, True)
            return
        mark(self.vip, False)
        self.tasks.run(accounts.set_vip_ratio, self.session.token, member.username, ratio,
                       done=lambda _r: self._vip_set(member.username), failed=self._failed)

    def _vip_set(self, username: str):
        self.message.emit(formatting.fill(self.tr("%1's VIP ratio was changed."), username))

    def _shops(self, shops):
        self.new_shop.clear()
        for shop in shops:
            self.new_shop.addItem(shop.name, shop.id)

    def _role_changed(self, *_args):
        staff = self.new_role.currentData() == Role.STAFF
        self.new_shop.setEnabled(staff)
        self.new_vip.setEnabled(not staff)

    def create_account(self):
        role = self.new_role.currentData()
        try:
            ratio = Decimal(self.new_vip.text().strip() or "1")
        except InvalidOperation:
            mark(self.new_vip, True)
            return
        mark(self.new_vip, False)
        username = self.new_username.text().strip()
        self.tasks.run(
            accounts.create_account, self.session.token, username, self.new_password.text(),
            role, shop_id=self.new_shop.currentData() if role == Role.STAFF else None,
            vip_ratio=ratio, done=lambda _id: self._created(username), failed=self._create_failed)

    def _created(self, username: str):
        self.create_error.hide()
        self.new_username.clear()
        self.new_password.clear()
        self.message.emit(formatting.fill(self.tr("Account %1 was created."), username))
        self.refresh()

    def _create_failed(self, error):
        self.create_error.setText(messages.describe(error))
        self.create_error.show()

    def _failed(self, error):
        dialogs.warn(self, self.tr("Members"), messages.describe(error))
