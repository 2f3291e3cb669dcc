"""The orders pane (seed 001 getlist and operate): tabs by status, search, sort, ship, cancel.

Every change to orders, made here or at a kiosk or another workstation, folds
into the list and refreshes the tab counts; the selection and the rows in view
stay where they were. Which buttons work follows the status machine in domain.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui import domain
from bookshop_gui.domain import Kind, OrderDetail, OrderRow, OrderStatus, Session, allows
from bookshop_gui.services import shipments, shop
from bookshop_gui.ui import dialogs, formatting, live, messages, resources, shortcuts, tables
from bookshop_gui.ui.empty_state import empty_state
from bookshop_gui.ui.merchant import orders_widths
from bookshop_gui.ui.merchant.order_editor import OrderEditor
from bookshop_gui.ui.merchant.orders_model import (
    COL_ITEMS,
    OrdersModel,
)
from bookshop_gui.ui.merchant.scan_ship import ScanShipDialog
from bookshop_gui.ui.merchant.ship_dialog import ShipDialog, order_label
from bookshop_gui.ui.search_box import SearchBox

NAMED = 10  # order numbers a cancel question names; a bigger batch is "… and 140 more"


class OrdersPane(QWidget):
    """Emits `message` with a line for the status bar after each action."""

    message = Signal(str)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.editors: dict[int, OrderEditor] = {}
        self._columns_fitted = False
        self.model = OrdersModel(session, tasks, self)
        self.model.failed.connect(lambda error: self.message.emit(messages.describe(error)))
        self.model.loaded.connect(self._selection_arrived)
        self.model.loaded.connect(self._show_empty)
        self.model.counted.connect(self._label_tabs)
        self._selection_held = True  # every selected row's order is in the model
        self._past_batch = False  # more rows selected than one ship or cancel acts on
        self._build()
        live.follow(self, tasks, (Kind.ORDERS,), lambda _changes: self.poll())
        self.reload()

    # -- layout ------------------------------------------------------------------

    def _build(self):
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setAccessibleName(self.tr("Order status"))
        for status in (None, *formatting.STATUS_TABS):
            self.tabs.setTabData(self.tabs.addTab(""), status)
        self._label_tabs({})
        self.tabs.currentChanged.connect(lambda _index: self.reload())
        self.search = SearchBox(self.tr("Order number or buyer"))
        self.search.searched.connect(lambda _text: self.reload())
        self.sort = QComboBox()
        for text, key in ((self.tr("Newest first"), "newest"), (self.tr("Oldest first"), "oldest"),
                          (self.tr("Highest total"), "total_desc"),
                          (self.tr("Lowest total"), "total_asc")):
            self.sort.addItem(text, key)
        self.sort.currentIndexChanged.connect(lambda _index: self.reload())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel(self.tr("Sor&t:"), buddy=self.sort))
        filters.addWidget(self.sort)
        filters.addSpacing(12)
        for button in self._shipping_buttons():
            filters.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tabs)
        layout.addWidget(self._table(), 1)
        layout.addWidget(self._empty_state(), 1)
        layout.addLayout(self._actions())
        self._selection_changed()

    def _table(self) -> QTableView:
        self.table = tables.table(
            self.tr("Orders"), self.model, COL_ITEMS, many=True, fit=False, row_height=30)
        self.table.setWordWrap(False)
        # A double click or Enter opens the order (a second call only raises its editor).
        self.table.doubleClicked.connect(lambda index: self.open_order(self._order(index.row())))
        self.table.activated.connect(lambda index: self.open_order(self._order(index.row())))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        return self.table

    def _empty_state(self) -> QWidget:
        """Shown in the list's place when a tab has no orders: why, and the way back."""
        self.empty = QLabel(objectName="hint", wordWrap=True)
        self.empty_action = QPushButton()
        self.empty_action.clicked.connect(self._leave_empty)
        self.empty_box = empty_state(self.empty, self.empty_action)
        self.empty_box.hide()
        return self.empty_box

    def showEvent(self, event):
        """The columns fitted to the font once it applies, on the first show only: widths
        the person dragged stay."""
        if not self._columns_fitted:
            orders_widths.fit_columns(self.table)
            self._columns_fitted = True
        super().showEvent(event)

    def _shipping_buttons(self) -> tuple[QPushButton, QPushButton]:
        """The packing bench's own tools, apart from what acts on the selected orders."""
        self.scan_button = QPushButton(resources.icon("scan"), self.tr("Sc&an to ship…"))
        self.scan_button.clicked.connect(self.scan_to_ship)
        self.export_button = QPushButton(resources.icon("export"), self.tr("Today's shi&pments…"))
        self.export_button.setToolTip(self.tr(
            "Today's parcels as CSV, in the column order a courier's batch import reads"))
        self.export_button.clicked.connect(self.choose_shipments_file)
        return self.scan_button, self.export_button

    def _actions(self) -> QHBoxLayout:
        self.open_button = QPushButton(resources.icon("edit"), self.tr("&Open…"))
        self.open_button.clicked.connect(lambda: self.open_order(self.current_order()))
        self.ship_button = QPushButton(resources.icon("ship"), self.tr("Mark s&hipped"),
                                       objectName="primary")
        self.ship_button.clicked.connect(self.ship_selected)
        self.cancel_button = QPushButton(resources.icon("cancel"), self.tr("&Cancel order…"),
                                         objectName="danger")
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.slip_button = QPushButton(resources.icon("print"), self.tr("Packing &slip…"))
        self.slip_button.clicked.connect(self.open_slip)
        self.refresh_button = QPushButton(resources.icon("refresh"), self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.count_label = QLabel(objectName="hint")
        shortcuts.bind(self.slip_button, shortcuts.Key.Print)
        shortcuts.bind(self.refresh_button, shortcuts.Key.Refresh)
        shortcuts.find(self, self.search)
        row = QHBoxLayout()
        for button in (self.open_button, self.slip_button, self.ship_button, self.cancel_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.count_label)
        row.addWidget(self.refresh_button)
        return row

    # -- filtering and loading ------------------------------------------------------

    def current_status(self) -> OrderStatus | None:
        return self.tabs.tabData(self.tabs.currentIndex())

    def reload(self):
        self.model.reload(status=self.current_status(), search=self.search.query(),
                          sort=self.sort.currentData())

    def poll(self):
        """Fold in new and changed orders, keeping the rows in view where they are."""
        top = self.table.indexAt(self.table.viewport().rect().topLeft())
        top_id = self._order(top.row()).id if top.isValid() else None
        scrolled = self.table.verticalScrollBar().value() > 0
        self.model.poll(self._on_screen(), done=lambda: self._keep_place(top_id, scrolled))

    def _on_screen(self) -> range:
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if first < 0:
            return range(0)
        return range(first, (last if last >= 0 else self.model.rowCount() - 1) + 1)

    def _keep_place(self, top_id, scrolled: bool):
        if scrolled and top_id is not None and (row := self.model.row_of(top_id)) >= 0:
            self.table.scrollTo(self.model.index(row, 0),
                                QAbstractItemView.ScrollHint.PositionAtTop)
        self._selection_changed()

    def _show_empty(self):
        """The list, or once a read finds no orders, what is empty: a search that matches
        none (clear it), a status tab no order is in (show them all), or a shop with none yet."""
        empty = self.model.rowCount() == 0
        self.table.setVisible(not empty)
        self.empty_box.setVisible(empty)
        if not empty:
            return
        action = None
        if self.model.search:
            text = formatting.fill(self.tr("No orders match “%1”."), self.model.search)
            action = self.tr("Clear search")
        elif self.model.status is not None:
            text = formatting.fill(self.tr("No orders in “%1”."),
                                   formatting.status_tab_name(self.model.status))
            action = self.tr("Show all orders")
        else:
            text = self.tr("No orders yet. Orders from the kiosks appear here as they come in.")
        self.empty.setText(text)
        self.empty_action.setText(action or "")
        self.empty_action.setVisible(action is not None)

    def _leave_empty(self):
        if self.model.search:
            self.search.clear()
            self.search.search_now()
        else:
            self.tabs.setCurrentIndex(0)

    def _label_tabs(self, counts: dict):
        for index in range(self.tabs.count()):
            status = self.tabs.tabData(index)
            name = self.tr("All") if status is None else formatting.status_tab_name(status)
            number = sum(counts.values()) if status is None else counts.get(status)
            self.tabs.setTabText(index, f"{name} ({number})" if counts else name)

    # -- selection ------------------------------------------------------------------

    def _order(self, row: int) -> OrderRow | None:
        return self.model.order_at(row)

    def selected_count(self) -> int:
        """How many rows are selected, from the selection's ranges: Ctrl+A on a tab of
        100,000 orders is one range, counted without listing (or reading) its rows."""
        return len(self._selected_rows())

    def _selected_rows(self) -> _Rows:
        return _Rows(self.table.selectionModel().selection())

    def selected_orders(self) -> list[OrderRow]:
        """The selected orders held now; none past a batch (see `_selection_changed`)."""
        rows = self._selected_rows()
        if len(rows) > domain.MAX_BATCH:
            return []
        return [order for order in (self._order(row) for row in rows) if order]

    def current_order(self) -> OrderRow | None:
        chosen = self.selected_orders()
        return chosen[0] if chosen else None

    def select_order(self, order_id: int) -> bool:
        row = self.model.row_of(order_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self, *_args):
        """Ship and cancel act on at most `domain.MAX_BATCH` orders at once.

        Staff select a few parcels at the packing bench; a select-all over a whole
        tab is nearly always a slip, and acting on it could not be done well: each
        parcel needs its own waybill typed or scanned, and each cancel refunds money
        and cannot be undone. So, as a mail client says how many conversations a
        select-all covers before acting, the pane counts a big selection from its
        ranges, reads none of its pages (memory stays bounded and the window
        responsive), and Ship or Cancel on it says to select fewer, changing nothing.
        Up to the cap, the selection's pages are held (at most six for a range) and
        the batch goes to the service as one call under one request id.
        """
        rows = self._selected_rows()
        if len(rows) > domain.MAX_BATCH:
            self._selection_held = self.model.hold(())
            self._show_choice(len(rows), [], batch=True)
            return
        self._selection_held = self.model.hold(rows)
        chosen = self.selected_orders()
        self._show_choice(len(chosen), chosen, batch=False)

    def _show_choice(self, count: int, chosen: list[OrderRow], *, batch: bool):
        """Buttons and count for the selection; past a batch Ship and Cancel stay enabled,
        so clicking them says why they will not act rather than ignoring the click. Within
        a batch the count is of the orders read, and Ship and Cancel wait for the rest:
        they act on every selected order, never on the part that happened to be read."""
        statuses = {order.status for order in chosen}
        self.open_button.setEnabled(len(chosen) == 1)
        self.slip_button.setEnabled(len(chosen) == 1)
        for button, call in ((self.ship_button, "shop.ship"), (self.cancel_button, "shop.cancel")):
            button.setEnabled(batch or self._selection_held and any(
                allows(call, status) for status in statuses))
        text = formatting.fill(self.tr("%1 selected"), count) if count > 1 else ""
        self.count_label.setText(text)
        if batch and not self._past_batch:  # said once as the selection grows past it
            self.message.emit(self._batch_text())
        self._past_batch = batch

    def _batch_text(self) -> str:
        return formatting.fill(self.tr("Select at most %1 orders at a time."), domain.MAX_BATCH)

    def _refuse_batch(self) -> bool:
        """True (and told) if the selection is past what one ship or cancel acts on."""
        if self.selected_count() <= domain.MAX_BATCH:
            return False
        dialogs.warn(self, self.tr("Orders"), formatting.fill(
            self.tr("%1 orders are selected. %2"), self.selected_count(), self._batch_text()))
        return True

    def _selection_arrived(self):
        """Rows selected before their page was read count once it is."""
        if not self._selection_held:
            self._selection_changed()

    # -- actions ------------------------------------------------------------------

    def open_order(self, order: OrderRow | None) -> OrderEditor | None:
        if order is None:
            return None
        editor = self.editors.get(order.id)
        if editor is not None:
            editor.raise_()
            editor.activateWindow()
            return editor
        editor = OrderEditor(self.session, self.tasks, order.id, self)
        editor.saved.connect(lambda order_id: self.message.emit(
            formatting.fill(self.tr("Order #%1 saved."), order_id)))
        editor.closed.connect(lambda i=order.id: self.editors.pop(i, None))
        self.editors[order.id] = editor
        editor.show()
        return editor

    def open_slip(self):
        """The list holds only what its columns show, so the slip reads the order in full."""
        order = self.current_order()
        if order is not None:
            self.tasks.run(shop.get_order, self.session.token, order.id, done=self._show_slip,
                           failed=self._failed)

    def _show_slip(self, order: OrderDetail):
        from bookshop_gui.ui.merchant.packing_slip import SlipDialog

        SlipDialog(order, self).open()

    def ship_selected(self) -> ShipDialog | None:
        """Ask for each chosen order's waybill number, then ship them."""
        if self._refuse_batch() or not self._selection_held:
            return None
        chosen = [o for o in self.selected_orders() if allows("shop.ship", o.status)]
        if not chosen:
            return None
        labels = [(o.id, order_label(o.id, o.buyer, o.city)) for o in chosen]
        dialog = ShipDialog(self.session, self.tasks, labels, self)
        dialog.shipped.connect(self._shipped)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def scan_to_ship(self) -> ScanShipDialog:
        dialog = ScanShipDialog(self.session, self.tasks, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def choose_shipments_file(self):
        day = datetime.now(UTC).date()
        path = dialogs.save_file_name(self, self.tr("Export today's shipments"),
                                      f"shipments-{day}.csv", "CSV (*.csv)")
        if path:
            self.export_shipments(path, day)

    def export_shipments(self, path: str, day):
        """The day's parcels in the column order a courier's batch import reads."""
        headers = (self.tr("Receiver"), self.tr("Phone"), self.tr("Address"),
                   self.tr("Parcel content"), self.tr("Order number"))
        self.tasks.run(self._write_shipments, self.session.token, day, path, headers,
                       done=lambda count: self.message.emit(
                           self.tr("Saved %n shipment(s).", "", count)),
                       failed=self._failed)

    @staticmethod
    def _write_shipments(token, day, path, headers) -> int:
        rows = shipments.shipments(token, day)
        shipments.write_csv(rows, path, headers)
        return len(rows)

    def _shipped(self, outcome):
        self.message.emit(self.tr("Marked %n order(s) shipped.", "", len(outcome.done)))
        self._after(outcome)

    def cancel_selected(self):
        if self._refuse_batch() or not self._selection_held:
            return
        chosen = [o for o in self.selected_orders() if allows("shop.cancel", o.status)]
        if not chosen or not dialogs.ask(self, self.tr("Cancel orders"), self._cancel_text(chosen),
                                         yes=self.tr("Cancel and refund"),
                                         no=self.tr("Keep the order")):
            return
        ids = [o.id for o in chosen]
        self.tasks.act(shop.cancel_many, self.session.token, ids, action=("cancel", *ids),
                       done=self._cancelled, failed=self._failed)

    def _cancel_text(self, chosen: list[OrderRow]) -> str:
        paid = [o for o in chosen if o.status == OrderStatus.PENDING_SHIPMENT]
        numbers = ", ".join(f"#{o.id}" for o in chosen[:NAMED])
        if len(chosen) > NAMED:  # a batch of hundreds would make a question taller than a screen
            numbers = formatting.fill(self.tr("%1 and %2 more"), numbers, len(chosen) - NAMED)
        refund = sum((o.total for o in paid), Decimal("0.00"))
        return formatting.sentences(
            formatting.fill(self.tr("Cancel order %1?"), numbers),
            formatting.fill(self.tr("The buyer is refunded %1 in full to their store balance."),
                            formatting.money(refund)) if paid else "",
            self.tr("Unpaid orders have nothing to refund.") if len(paid) < len(chosen) else "",
            self.tr("The books go back into stock. This cannot be undone."))

    def _cancelled(self, outcome):
        self.message.emit(self.tr("Cancelled %n order(s).", "", len(outcome.done)))
        self._after(outcome)

    def _after(self, outcome):
        if outcome.refused:
            dialogs.warn(self, self.tr("Some orders were not changed"), "\n".join(
                f"#{order_id}: {messages.describe(error)}" for order_id, error in outcome.refused))

    def _failed(self, error):
        dialogs.warn(self, self.tr("Orders"), messages.describe(error))

    def unsaved_editors(self) -> list[OrderEditor]:
        return [e for e in self.editors.values() if e.lines.editable and e.lines.dirty]

    def close_editors(self) -> bool:
        """Close every open order; False if someone chose to keep editing one."""
        return all(editor.close() for editor in list(self.editors.values()))


class _Rows:
    """The rows of a selection's ranges in order, each once, known by its ranges alone.

    `len` costs one step per range, so a select-all of 100,000 rows is counted at
    once; iterating lists the rows, done only for a selection within a batch.
    """

    def __init__(self, selection):
        spans = sorted((r.top(), r.bottom()) for r in selection if r.isValid())
        self.spans: list[list[int]] = []
        for top, bottom in spans:
            if self.spans and top <= self.spans[-1][1] + 1:
                self.spans[-1][1] = max(self.spans[-1][1], bottom)
            else:
                self.spans.append([top, bottom])

    def __len__(self) -> int:
        return sum(bottom - top + 1 for top, bottom in self.spans)

    def __iter__(self):
        for top, bottom in self.spans:
            yield from range(top, bottom + 1)
