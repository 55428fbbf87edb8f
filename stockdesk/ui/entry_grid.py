"""The Entry grid: typing a delivery note with the keyboard alone.

Tab or Enter commits a cell and opens the next one that can be typed in; Enter on the last
cell of the last line adds a line and opens its product; Shift+Tab goes back; Delete (or
Ctrl+Delete while typing) removes the line; Esc drops what was typed in the cell.  The product
cell searches the catalogue by code or by any words of the name, and reads barcode scans.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QObject,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from stockdesk.services.directory import ProductInfo
from stockdesk.ui import words
from stockdesk.ui.entry_lines import (
    COUNT,
    PROBLEM_ROLE,
    LinesModel,
    match_products,
    product_label,
)
from stockdesk.ui.models import Index

Hint = QAbstractItemDelegate.EndEditHint
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SEARCH_LIMIT = 30


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryGrid", text)


class ProductEditor(QLineEdit):
    """Type a code or words of the name; a list of matches drops down; a scan is accepted."""

    finished = Signal(object)  # the end-edit hint: where the cursor goes next

    def __init__(self, products: Sequence[ProductInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productEditor")
        self.products = products
        self.matches = QStringListModel(self)
        self.search = QCompleter(self.matches, self)
        self.search.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.search.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.setMaxVisibleItems(12)
        self.setCompleter(self.search)
        popup = self.popup
        popup.setObjectName("productSearch")
        # shown beside the cell without taking the keyboard: keys stay here, and Up/Down,
        # Enter and Tab are handled below (a grabbing popup loses the keyboard on some
        # platforms when it closes)
        popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.textEdited.connect(self._offer)
        self.setPlaceholderText(_t("Code, name or scan"))

    def _offer(self, text: str) -> None:
        if not text.strip() or text.startswith(("]", "(01)")) or len(text) > 60:
            self.matches.setStringList([])
            return
        self.matches.setStringList(
            [product_label(p) for p in match_products(self.products, text, SEARCH_LIMIT)])

    @property
    def popup(self) -> QAbstractItemView:
        """The list of matches (asked for each time: the completer may replace it)."""
        popup = self.search.popup()
        assert popup is not None
        return popup

    def take_highlighted(self) -> None:
        """Take the match highlighted in the list (if any) and close the list, before the
        editor closes: a list destroyed while shown would leave the keyboard nowhere."""
        popup = self.popup
        if popup.isVisible():
            current = popup.currentIndex()
            if current.isValid():
                self.setText(str(current.data()))
            popup.hide()

    def _step(self, key: int) -> None:
        popup = self.popup
        rows = self.matches.rowCount()
        if rows == 0:
            return
        row = popup.currentIndex().row() if popup.currentIndex().isValid() else -1
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10,
                Qt.Key.Key_PageUp: -10}[Qt.Key(key)]
        row = max(0, min(rows - 1, row + step))
        popup.setCurrentIndex(self.search.completionModel().index(row, 0))

    def event(self, e: QEvent) -> bool:
        # The search list forwards keys here directly (past the delegate's event filter):
        # Tab and Enter must still take the highlighted product and move on.
        if e.type() == QEvent.Type.KeyPress and isinstance(e, QKeyEvent):
            key = e.key()
            if key in ENTER_KEYS or key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.take_highlighted()
                back = key == Qt.Key.Key_Backtab or (
                    key == Qt.Key.Key_Tab and e.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.finished.emit(Hint.EditPreviousItem if back else Hint.EditNextItem)
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) \
                    and self.popup.isVisible():
                self._step(key)
                return True
            if key == Qt.Key.Key_Escape and self.popup.isVisible():
                self.popup.hide()
                return True
            if e.text() == "\x1d":  # FNC1 from a scanner: keep it, it separates fields
                self.insert("\x1d")
                return True
        return super().event(e)


class ReasonEditor(QComboBox):
    finished = Signal(object)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.KeyPress and isinstance(e, QKeyEvent) \
                and e.key() in ENTER_KEYS:
            self.finished.emit(Hint.EditNextItem)
            return True
        return super().event(e)


class LinesDelegate(QStyledItemDelegate):
    """Editors for the grid's cells; Enter moves on like Tab does."""

    remove_requested = Signal()

    def __init__(self, model: LinesModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines = model

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(PROBLEM_ROLE):  # keep the red visible on the current cell too
            option.state &= ~QStyle.StateFlag.State_Selected

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        key = self.lines.key(index.column())
        editor: QWidget
        if key == "product":
            editor = ProductEditor(self.lines.catalogue, parent)
            editor.finished.connect(lambda hint, e=editor: self._finish(e, hint))
        elif key == "reason":
            combo = ReasonEditor(parent)
            combo.setObjectName("reasonEditor")
            line = self.lines.lines[index.row()]
            sign = "+" if (line.variance or 0) > 0 else "-"
            combo.addItem("", "")
            for code in self.lines.reason_choices[sign]:
                combo.addItem(words.reason(code), code)
            combo.finished.connect(lambda hint, e=combo: self._finish(e, hint))
            editor = combo
        else:
            edit = QLineEdit(parent)
            edit.setObjectName(f"{key}Editor")
            if key == "expiry":
                edit.setPlaceholderText(_t("YYYY-MM-DD or MM/YYYY"))
            editor = edit
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value or "")
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))
            editor.selectAll()  # typing replaces the cell, as in a spreadsheet

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def _finish(self, editor: QWidget, hint: Hint) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, hint)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and isinstance(obj, QWidget):
            if isinstance(obj, ProductEditor) and event.key() in (
                    *ENTER_KEYS, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                obj.take_highlighted()
            if event.key() in ENTER_KEYS:
                self._finish(obj, Hint.EditNextItem)
                return True
            if event.key() == Qt.Key.Key_Delete \
                    and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.closeEditor.emit(obj, Hint.RevertModelCache)
                self.remove_requested.emit()
                return True
        return super().eventFilter(obj, event)


class LinesGrid(QTableView):
    """The table of lines, with spreadsheet-like movement between the cells one types in."""

    def __init__(self, model: LinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryLines")
        self.lines = model
        self.setModel(model)
        self.delegate = LinesDelegate(model, self)
        self.setItemDelegate(self.delegate)
        self.delegate.remove_requested.connect(self.remove_current_line)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        header.setMinimumSectionSize(60)
        for col, key in enumerate(self.lines.columns):
            if key == "product":
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                width = {"suggested": 260, "reason": 230, "lot": 130, "expiry": 110,
                         "available": 90, "book": 100, "variance": 80}.get(key, 90)
                header.resizeSection(col, width)

    # -- moving through the cells ------------------------------------------------------------

    def _editable_cells(self) -> list[tuple[int, int]]:
        return [(r, c) for r in range(self.lines.rowCount())
                for c in range(self.lines.columnCount())
                if self.lines.editable(r, self.lines.key(c))]

    def next_cell(self, row: int, col: int, *, back: bool = False) -> tuple[int, int] | None:
        cells = self._editable_cells()
        if back:
            earlier = [cell for cell in cells if cell < (row, col)]
            return earlier[-1] if earlier else None
        later = [cell for cell in cells if cell > (row, col)]
        return later[0] if later else None

    def go_to(self, row: int, key: str, *, edit: bool = True) -> None:
        index = self.lines.index(row, self.lines.column(key))
        self.setCurrentIndex(index)
        self.scrollTo(index)
        if edit:
            self.edit(index)

    def move_on(self, *, back: bool = False, enter: bool = False) -> bool:
        """Go to the next (previous) cell to type in; False when there is none."""
        current = self.currentIndex()
        row, col = (current.row(), current.column()) if current.isValid() else (0, -1)
        if self.lines.jump is not None and not back:
            jump_row, key = self.lines.jump
            self.lines.jump = None
            if key in self.lines.columns:
                self.go_to(jump_row, key)
                return True
        target = self.next_cell(row, col, back=back)
        if target is None and enter and not back and self.lines.layout != COUNT:
            if self.lines.lines[-1].is_empty():
                target = (len(self.lines.lines) - 1, 0)
            else:
                target = (self.lines.append_line(), 0)
        elif target is None and enter and self.lines.layout == COUNT:
            target = (self.lines.append_line(), 0)
        if target is None:
            return False
        index = self.lines.index(*target)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.edit(index)
        return True

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            back = hint == Hint.EditPreviousItem
            super().closeEditor(editor, Hint.NoHint)
            if not self.move_on(back=back, enter=True) and not back:
                self.focusNextChild()  # Tab past the last cell leaves the grid
            return
        super().closeEditor(editor, hint)

    def commit_open_editor(self) -> None:
        """Keep what is being typed in the open cell (before posting, say)."""
        index = self.currentIndex()
        editor = self.indexWidget(index) if index.isValid() else None
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.commitData(editor)
            super().closeEditor(editor, Hint.NoHint)

    def remove_current_line(self) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        row, col = index.row(), index.column()
        self.lines.remove_line(row)
        row = min(row, self.lines.rowCount() - 1)
        self.setCurrentIndex(self.lines.index(row, min(col, self.lines.columnCount() - 1)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if self.state() != QAbstractItemView.State.EditingState:
            if key in ENTER_KEYS:
                index = self.currentIndex()
                if index.isValid() and not self.lines.editable(index.row(),
                                                                self.lines.key(index.column())):
                    self.move_on(enter=True)
                elif index.isValid():
                    self.edit(index)
                return
            if key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ControlModifier:
                if not self.move_on(enter=False):
                    event.ignore()
                return
            if key == Qt.Key.Key_Backtab:
                if not self.move_on(back=True):
                    event.ignore()
                return
            if key == Qt.Key.Key_Delete:
                self.remove_current_line()
                return
        super().keyPressEvent(event)
