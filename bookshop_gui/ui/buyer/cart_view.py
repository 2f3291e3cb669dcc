"""The cart page: quantities, choosing lines, per-shop shipping, and "Create order"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui import domain
from bookshop_gui.errors import BookshopError
from bookshop_gui.services import cart, settings
from bookshop_gui.ui import formatting, messages, resources, tables
from bookshop_gui.ui.buyer.cart_model import (
    COL_BOOK,
    COL_COUNT,
    COL_PRICE,
    COL_REMOVE,
    COL_SHOP,
    CartModel,
)
from bookshop_gui.ui.empty_state import empty_state
from bookshop_gui.ui.tasks import Tasks

SIDE_BY_SIDE = 1200  # narrower than this, the summary goes under the lines
SUMMARY_WIDTH = 360
QWIDGETSIZE_MAX = 16777215
ROW, NARROW_ROW = 72, 104  # a line's height; narrow, its book cell has four lines
CELL_MARGIN = 6  # as much as a cell's text keeps from its sides


class CartPage(QWidget):
    """Emits `checkout_requested(lines)` with the chosen cart lines."""

    checkout_requested = Signal(list)
    browse_requested = Signal()

    def __init__(self, tasks: Tasks, token: str, vip_ratio, parent=None):
        super().__init__(parent)
        self.tasks, self.token = tasks, token
        self.model = CartModel(vip_ratio, self)
        self.model.count_changed.connect(self._save_count)
        self.model.totals_changed.connect(self._show_totals)
        self._build()
        # After the table's own reset handler, which drops every index widget.
        self.model.modelReset.connect(self._add_row_widgets)
        self._add_row_widgets()

    def _build(self):
        self.heading = QLabel(self.tr("Your cart"), objectName="heading")
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.empty = QLabel(self.tr("Your cart is empty. Find a book in the catalog and add it."),
                            objectName="hint", wordWrap=True)
        self.browse = QPushButton(resources.icon("book"), self.tr("Browse the catalog"))
        self.browse.clicked.connect(self.browse_requested)
        self.empty_state = empty_state(self.empty, self.browse)
        self.table = self._table()
        self.choose_all = QCheckBox(self.tr("Choose all"))
        self.choose_all.setChecked(True)
        self.choose_all.clicked.connect(self.model.choose_all)
        self.summary = QFormLayout()
        self.summary.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.grand_total = QLabel(objectName="total")
        self.order_button = QPushButton(resources.icon("buy"), self.tr("Create order"),
                                        objectName="primary")
        self.order_button.clicked.connect(self._checkout)
        self._lay_out()

    def _table(self) -> QTableView:
        view = tables.table(self.tr("Cart lines"), self.model, COL_BOOK,
                            row_height=ROW, kiosk=True)
        tables.widgets_in(view, (COL_COUNT, COL_REMOVE))
        return view

    def _lay_out(self):
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("To order"), objectName="heading"))
        side.addLayout(self.summary)
        side.addWidget(self.grand_total)
        side.addWidget(QLabel(self.tr("One order is made per shop; each pays its own shipping."),
                              objectName="hint", wordWrap=True))
        side.addStretch()
        side.addWidget(self.order_button)
        self.summary_panel = panel = QWidget(objectName="cartSummary")
        panel.setLayout(side)
        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.choose_all)
        left.addLayout(top)
        left.addWidget(self.error)
        left.addWidget(self.empty_state, 1)
        left.addWidget(self.table, 1)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.body.setContentsMargins(16, 12, 16, 16)
        self.body.setSpacing(16)
        self.body.addLayout(left, 1)
        self.body.addWidget(panel)
        self._place_summary(self.width())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._place_summary(event.size().width())
        # Narrow, the book's cell says its shop and price too, in a taller row.
        narrow = tables.drop_when_narrow(self.table, (COL_SHOP, COL_PRICE), event.size().width())
        self.model.show_details_in_book(narrow)
        self.table.verticalHeader().setDefaultSectionSize(NARROW_ROW if narrow else ROW)

    def _place_summary(self, width: int):
        """Beside the lines on a wide screen; under them on a narrow or portrait one."""
        beside = width >= SIDE_BY_SIDE
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if beside
                               else QBoxLayout.Direction.TopToBottom)
        self.summary_panel.setMinimumWidth(SUMMARY_WIDTH if beside else 0)
        self.summary_panel.setMaximumWidth(SUMMARY_WIDTH if beside else QWIDGETSIZE_MAX)

    # -- loading ----------------------------------------------------------

    def load(self):
        self.tasks.run(settings.shipping_fee, done=self._set_shipping)
        self.tasks.run(cart.get, self.token, done=self.model.set_lines, failed=self._failed)

    def refresh(self):
        """Read the cart again after a change; the rows are rebuilt only if it differs."""
        self.tasks.run(cart.get, self.token, done=self._fresh, failed=lambda _error: None,
                       key="cart-refresh")

    def _fresh(self, lines):
        if lines != self.model.lines():
            self.model.set_lines(lines)

    def clear(self):
        self.model.clear()
        self.error.hide()
        self.choose_all.setChecked(True)

    def show_error(self, text: str):
        self.error.setText(text)
        self.error.show()

    def _set_shipping(self, fee):
        self.model.shipping = fee
        self._show_totals()

    # -- rows -------------------------------------------------------------

    def spin_box(self, row: int) -> QSpinBox:
        return self.table.indexWidget(self.model.index(row, COL_COUNT)).findChild(QSpinBox)

    def remove_button(self, row: int) -> QToolButton:
        return self.table.indexWidget(self.model.index(row, COL_REMOVE)).findChild(QToolButton)

    def _add_row_widgets(self):
        for row, line in enumerate(self.model.lines()):
            spin = QSpinBox(minimum=1, maximum=domain.MAX_COUNT, value=line.cnt)
            spin.setAccessibleName(formatting.fill(self.tr("Quantity of %1"), line.title))
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda value, r=row: self._spin_changed(r, value))
            self.table.setIndexWidget(self.model.index(row, COL_COUNT), _centred(spin))
            remove = QToolButton(icon=resources.icon("trash"), toolTip=self.tr("Remove"))
            remove.setAccessibleName(formatting.fill(self.tr("Remove %1"), line.title))
            remove.clicked.connect(lambda _=False, b=line.book_id: self.remove(b))
            self.table.setIndexWidget(self.model.index(row, COL_REMOVE), _centred(remove))
        has_lines = self.model.rowCount() > 0
        self.table.setVisible(has_lines)
        self.choose_all.setVisible(has_lines)
        self.empty_state.setVisible(not has_lines)
        self.summary_panel.setVisible(has_lines)

    def _spin_changed(self, row: int, value: int):
        self.model.setData(self.model.index(row, COL_COUNT), value)

    # -- edits ------------------------------------------------------------

    def _save_count(self, book_id: int, cnt: int):
        self.error.hide()
        self.tasks.run(cart.set_count, self.token, book_id, cnt, key=f"cart-count-{book_id}",
                       failed=self._failed)

    def remove(self, book_id: int):
        self.error.hide()
        self.tasks.run(cart.remove, self.token, book_id, failed=self._failed)

    def _failed(self, error: BookshopError):
        self.show_error(messages.describe(error))
        self.tasks.run(cart.get, self.token, done=self.model.set_lines)

    def _checkout(self):
        lines = self.model.chosen_lines()
        if not lines:
            self.show_error(self.tr("Tick the books you want to order first."))
            return
        self.error.hide()
        self.checkout_requested.emit(lines)

    def _show_totals(self):
        while self.summary.rowCount():
            self.summary.removeRow(0)
        for shop, money, shipping in self.model.shop_totals():
            text = formatting.fill(self.tr("%1 + %2 shipping"), formatting.money(money),
                                   formatting.money(shipping))
            self.summary.addRow(QLabel(shop), QLabel(text, objectName="money"))
        self.grand_total.setText(
            formatting.fill(self.tr("Total %1"), formatting.money(self.model.grand_total())))
        chosen = len(self.model.chosen_lines())
        self.order_button.setEnabled(chosen > 0)
        self.choose_all.setChecked(chosen == self.model.rowCount() and chosen > 0)


def _centred(widget: QWidget) -> QWidget:
    """`widget` at its natural height in the middle of a tall table cell, `CELL_MARGIN`
    from the cells beside it."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(CELL_MARGIN, 0, CELL_MARGIN, 0)
    layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignVCenter)
    return holder
