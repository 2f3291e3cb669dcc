"""What a person would call broken on a screen, measured on the live widgets.

Each check walks the visible widgets of one window and returns a line per
problem: text that does not fit its label or button or an empty field's hint
that does not fit the field, a tab whose text is
elided or that lies outside its bar (unless arrows a finger wide scroll to it),
a table cell or column title that is cut, and, on a kiosk, a control a finger
can press whose part in view (clipped by its table cell, its parents, the window)
is smaller than `TOUCH` pixels, one closer than `GAP` to the next, and a list
that does not scroll with a swipe. `names_missing` lists the
controls a screen reader could only call by their kind.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScroller,
    QStyle,
    QStyleOptionFrame,
    QStyleOptionSpinBox,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QWidget,
)

TOUCH = 48
LINE_EDIT_MARGIN = 2  # QLineEdit's own space each side of its text
MAX_ROWS = 40  # rows of a table checked; the rest look the same


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    label = widget.accessibleName() or shown or widget.objectName()
    return f"{type(widget).__name__}({label!r})"


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.window() is window


def widgets(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if _shown(w, window)]


_MNEMONIC_MARK = re.compile(r"&(.)")


def _widest(metrics, text: str) -> int:
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def shown_text(text: str) -> str:
    """A mnemonic text as drawn: "&Save" is "Save", "保存(&S)" is "保存(S)", "&&" is "&"."""
    return _MNEMONIC_MARK.sub(r"\1", text)


def label_cut(label: QLabel) -> str | None:
    text = shown_text(label.text()) if label.buddy() else label.text()
    if not text or label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText \
            or "<" in text:
        return None
    room = label.contentsRect().width() - 2 * max(label.margin(), 0) - max(label.indent(), 0)
    widest = _widest(label.fontMetrics(), text)
    if widest > room:
        return f"cut text: {_name(label)} needs {widest}px, has {room}px"
    return None


def button_cut(button: QAbstractButton) -> str | None:
    icon_only = isinstance(button, QToolButton) and \
        button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    if not button.text() or icon_only:
        return None
    needed = button.minimumSizeHint().width()
    if button.sizeHint().width() > button.width() and needed > 0:
        return f"cut text: {_name(button)} needs {button.sizeHint().width()}px, " \
               f"has {button.width()}px"
    return None


def placeholder_cut(field: QLineEdit) -> str | None:
    """An empty field's hint, drawn between its frame, its margins and the buttons in it
    (a clear button, a search icon), that ends in "…"."""
    hint = field.placeholderText()
    if not hint or field.text() or field.isReadOnly():
        return None
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    room = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option,
                                        field).width()
    margins = field.textMargins()
    room -= margins.left() + margins.right() + 2 * LINE_EDIT_MARGIN
    room -= sum(button.width() for button in field.findChildren(QToolButton)
                if button.isVisibleTo(field))
    needed = field.fontMetrics().horizontalAdvance(hint)
    if needed > room:
        return f"placeholder cut: {_name(field)} {hint!r} needs {needed}px, has {room}px"
    return None


def _scrolls_by_finger(bar: QTabBar) -> bool:
    """A bar whose hidden tabs a finger brings into view: its scroll arrows are shown,
    each at least TOUCH on a side."""
    arrows = [button for button in bar.findChildren(QToolButton) if button.isVisible()]
    return bool(arrows) and all(min(a.width(), a.height()) >= TOUCH for a in arrows)


def tabs_cut(bar: QTabBar) -> list[str]:
    found = []
    area = bar.rect()
    scrolls = _scrolls_by_finger(bar)
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        rect = bar.tabRect(index)
        text = shown_text(bar.tabText(index))
        if not area.contains(rect) and not scrolls:
            found.append(f"tab out of its bar: {text!r}")
        elif _widest(bar.fontMetrics(), text) > rect.width():
            found.append(f"tab text elided: {text!r}")
    return found


def _cell_needs(view: QAbstractItemView, index: QModelIndex) -> int:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    option.decorationSize = view.iconSize()
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    return view.itemDelegateForIndex(index).sizeHint(option, index).width()


def _wraps(table: QTableView, index: QModelIndex, text: str) -> bool:
    """A wrapping table shows all of `text` if its lines fit the row's height."""
    if not table.wordWrap() or " " not in text:
        return False
    room = table.columnWidth(index.column()) - 12
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        room -= table.iconSize().width() + 4
    metrics = table.fontMetrics()
    needed = metrics.boundingRect(0, 0, room, 10_000, Qt.TextFlag.TextWordWrap, text)
    longest_word = max(metrics.horizontalAdvance(word) for word in text.split())
    return needed.height() <= table.rowHeight(index.row()) - 4 and longest_word <= room


def _in_tooltip(index: QModelIndex, text: str) -> bool:
    """With a mouse, the whole text of an elided cell is one hover away."""
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    return isinstance(tip, str) and text in tip


def headers_cut(table: QTableView) -> list[str]:
    """Column titles (drawn bold, with 8 px padding each side) that do not fit."""
    header, model = table.horizontalHeader(), table.model()
    if model is None or not header.isVisible():
        return []
    font = QFont(header.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    found = []
    for column in range(model.columnCount()):
        text = model.headerData(column, Qt.Orientation.Horizontal)
        if table.isColumnHidden(column) or not isinstance(text, str) or not text:
            continue
        if metrics.horizontalAdvance(text) + 16 > header.sectionSize(column) + 1:
            found.append(f"column title cut: {table.accessibleName()!r} [{text}]")
    return found


def cells_cut(table: QTableView, *, kiosk: bool) -> list[str]:
    model = table.model()
    found = headers_cut(table)
    if model is None:
        return found
    for row in range(min(model.rowCount(), MAX_ROWS)):
        if table.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if table.isColumnHidden(column) or table.indexWidget(index) or not text:
                continue
            if "\n" in str(text):
                continue
            width = table.columnWidth(column)
            shown = _wraps(table, index, str(text)) or not kiosk and _in_tooltip(index, str(text))
            if _cell_needs(table, index) > width + 1 and not shown:
                header = model.headerData(column, Qt.Orientation.Horizontal)
                found.append(f"table cell elided: {table.accessibleName()!r} "
                             f"[{header}] {str(text)[:30]!r}")
    return found


def _spin_buttons_small(spin: QAbstractSpinBox, seen: QRect) -> str | None:
    """The part of the - or + button of `spin` left in view (`seen`), if under TOUCH."""
    if spin.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons:
        return None
    option = QStyleOptionSpinBox()
    option.initFrom(spin)
    option.rect = spin.rect()
    option.subControls = QStyle.SubControl.SC_All
    option.frame = spin.hasFrame()
    option.buttonSymbols = spin.buttonSymbols()
    style = spin.style()
    for part, sign in ((QStyle.SubControl.SC_SpinBoxUp, "+"),
                       (QStyle.SubControl.SC_SpinBoxDown, "-")):
        rect = style.subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part,
                                    spin).intersected(seen)
        if rect.width() < TOUCH or rect.height() < TOUCH:
            return f"{sign} {rect.width()}x{rect.height()}"
    return None


TOUCHABLE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def _scrolls(area: QAbstractScrollArea) -> tuple[bool, bool]:
    """Whether a swipe moves `area`'s contents across, and up and down."""
    across, down = area.horizontalScrollBar(), area.verticalScrollBar()
    return across.maximum() > across.minimum(), down.maximum() > down.minimum()


def seen_part(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget`, in its own coordinates, that its parents (a table cell, a
    list's viewport, the window) do not clip: what a finger can press. Past the viewport
    of a list that scrolls, nothing clips in the way it scrolls: a swipe brings it in."""
    origin = widget.mapTo(window, QPoint(0, 0))
    left, top = origin.x(), origin.y()
    right, bottom = left + widget.width(), top + widget.height()
    across = down = False
    node = widget
    while node is not window and node.parentWidget() is not None:
        node = node.parentWidget()
        area = node.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() == node:
            scrolls = _scrolls(area)
            across, down = across or scrolls[0], down or scrolls[1]
        corner = node.mapTo(window, QPoint(0, 0))
        if not across:
            left, right = max(left, corner.x()), min(right, corner.x() + node.width())
        if not down:
            top, bottom = max(top, corner.y()), min(bottom, corner.y() + node.height())
    seen = QRect(QPoint(left, top), QPoint(right - 1, bottom - 1))
    return seen.translated(-origin) if seen.isValid() else QRect()


def too_small(widget: QWidget, window: QWidget) -> str | None:
    """A control a finger presses, under TOUCH on a side where it can be seen (disabled
    ones are not pressed). Widgets laid over table cells count as any other."""
    if not widget.isEnabled():
        return None
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            rect = widget.tabRect(index)
            if widget.isTabVisible(index) and min(rect.width(), rect.height()) < TOUCH:
                return (f"small touch target: tab {widget.tabText(index)!r} "
                        f"{rect.width()}x{rect.height()}")
        return None
    seen = seen_part(widget, window)
    if isinstance(widget, QAbstractSpinBox) and (button := _spin_buttons_small(widget, seen)):
        return f"small touch target: the {button} button of {_name(widget)}"
    if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
        return None  # the box around it is the target, checked as a whole
    if isinstance(widget, TOUCHABLE) and min(seen.width(), seen.height()) < TOUCH:
        return f"small touch target: {_name(widget)} {seen.width()}x{seen.height()}" + \
            ("" if seen.size() == widget.size() else
             f" seen of {widget.width()}x{widget.height()}")
    if isinstance(widget, QTableView) and _small_rows(widget):
        return _small_rows(widget)
    if isinstance(widget, QAbstractScrollArea) and not _kinetic(widget):
        return f"no kinetic scrolling: {_name(widget)}"
    return None


def _kinetic(area: QAbstractScrollArea) -> bool:
    """A list a finger can swipe, or one with nothing to scroll."""
    if isinstance(area, QTextEdit | QPlainTextEdit | QAbstractSpinBox | QHeaderView):
        return True
    return QScroller.hasScroller(area.viewport())


def _small_rows(table: QTableView) -> str | None:
    """Rows with a check box are touched: each row, and a check box column, a finger wide."""
    model = table.model()
    if model is None or model.rowCount() == 0:
        return None
    for column in range(model.columnCount()):
        flags = model.flags(model.index(0, column))
        checkable = flags & Qt.ItemFlag.ItemIsUserCheckable and not table.isColumnHidden(column)
        if checkable and (table.rowHeight(0) < TOUCH or table.columnWidth(column) < TOUCH):
            return f"small touch target: check boxes in {table.accessibleName()!r}"
    return None


ROWS_SEEN = 3


def squeezed(table: QTableView) -> str | None:
    """A table holding rows must show a few at once: one row and a scroll bar is no list."""
    model = table.model()
    rows = model.rowCount() if model is not None else 0
    height = table.verticalHeader().defaultSectionSize()
    if rows >= ROWS_SEEN and table.viewport().height() < ROWS_SEEN * height:
        return f"squeezed table: {table.accessibleName()!r} shows fewer than {ROWS_SEEN} rows"
    return None


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
               QTabBar, QPlainTextEdit, QTextEdit)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says the widget is: its name, its label's text or its own text."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed(widget: QWidget) -> str | None:
    """An interactive widget a screen reader could only call by its kind."""
    if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
        return None
    if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox,
                                                                      QComboBox)):
        return None  # named through its box
    if isinstance(widget.parent(), (QTabBar, QLineEdit)) or widget.objectName().startswith("qt_"):
        return None  # Qt's own parts: scroll arrows, clear buttons, named by Qt
    if spoken_name(widget):
        return None
    return f"no accessible name: {type(widget).__name__} {widget.objectName()!r} " \
           f"in {type(widget.parentWidget()).__name__}"


def names_missing(window: QWidget) -> list[str]:
    return [problem for problem in map(unnamed, widgets(window)) if problem]


GAP = 8  # between two touch targets, so a finger hits the one it means


def _targets(window: QWidget) -> list[tuple[QWidget, QRect]]:
    found = []
    for widget in widgets(window):
        inner = isinstance(widget.parent(), (QAbstractSpinBox, QComboBox, QLineEdit, QTabBar))
        if isinstance(widget, TOUCHABLE) and widget.isEnabled() and not inner:
            found.append((widget, QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())))
    return found


def crowded(window: QWidget) -> list[str]:
    """Touch targets side by side or one above the other with less than GAP between."""
    targets, found = _targets(window), []
    for index, (one, a) in enumerate(targets):
        for other, b in targets[index + 1:]:
            if a.intersects(b):
                continue
            across = b.left() - a.right() - 1 if b.left() > a.right() else a.left() - b.right() - 1
            down = b.top() - a.bottom() - 1 if b.top() > a.bottom() else a.top() - b.bottom() - 1
            side_by_side = a.top() <= b.bottom() and b.top() <= a.bottom() and 0 <= across < GAP
            stacked = a.left() <= b.right() and b.left() <= a.right() and 0 <= down < GAP
            if side_by_side or stacked:
                found.append(f"touch targets too close: {_name(one)} and {_name(other)}")
    return found


def problems(window: QWidget, *, kiosk: bool) -> list[str]:
    """Every problem on `window` as it is shown now."""
    found: list[str] = []
    for widget in widgets(window):
        if isinstance(widget, QLabel):
            found.append(label_cut(widget))
        elif isinstance(widget, QAbstractButton) and widget.parent() is not None \
                and not isinstance(widget.parent(), QTabBar):
            found.append(button_cut(widget))
        if isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QAbstractSpinBox):
            found.append(placeholder_cut(widget))
        if isinstance(widget, QTabBar):
            found.extend(tabs_cut(widget))
        if isinstance(widget, QTableView):
            found.extend(cells_cut(widget, kiosk=kiosk))
            found.append(squeezed(widget))
        if kiosk:
            found.append(too_small(widget, window))
    if kiosk:
        found.extend(crowded(window))
    return [problem for problem in found if problem]
