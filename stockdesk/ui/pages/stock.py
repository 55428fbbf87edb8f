"""The Stock page: the facility's products with their stock, consumption and status, and the
stock card of the product opened.

The list is read once per facility (one service call); searching, filtering and sorting
work on that snapshot and never read again.  Enter or a double click opens the product's
stock card in place of the list; Esc comes back to the list where it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stockdesk.problems import ProblemsFound
from stockdesk.services.product_view import ProductViewService, StockList, StockRow
from stockdesk.ui import i18n, words
from stockdesk.ui.context import AppContext
from stockdesk.ui.models import RIGHT, Col, FilterProxy, SnapshotModel
from stockdesk.ui.pages.base import Page
from stockdesk.ui.stock_card import FastModel, StockCard
from stockdesk.ui.tables import fit_columns

NO_PROGRAM = "\x00none"  # the program filter's value for products without a program


def _t(text: str) -> str:
    return QCoreApplication.translate("StockPage", text)


def _mos(value: float | None) -> str:
    if value is None:
        return ""
    return i18n.number(value, 1 if round(value, 1) == value else 2)


def _status_rank(code: str) -> int:
    return words.STATUS_ORDER.index(code) if code in words.STATUS_ORDER else len(
        words.STATUS_ORDER)


def _status_word(rank: int) -> str:
    order = words.STATUS_ORDER
    return words.status(order[rank] if 0 <= rank < len(order) else "unknown")


def stock_columns() -> list[Col[StockRow]]:
    """The stock list's columns, in the order a pharmacist reads them."""
    return [
        Col("code", lambda: _t("Code"), lambda r: r.code, searchable=True),
        Col("product", lambda: _t("Product"), lambda r: r.description, searchable=True,
            tooltip=lambda r: r.description),
        Col("unit", lambda: _t("Unit"), lambda r: r.unit),
        Col("on_hand", lambda: _t("On hand"), lambda r: r.on_hand, i18n.number, RIGHT,
            tooltip=lambda r: _t("{quantity} expired, not usable").format(
                quantity=i18n.number(r.status.stock.expired)) if r.status.stock.expired
            else None),
        Col("usable", lambda: _t("Usable"), lambda r: r.usable, i18n.number, RIGHT),
        Col("amc", lambda: _t("AMC"), lambda r: r.amc, i18n.number, RIGHT,
            tooltip=lambda r: r.status.amc.formula),
        Col("mos", lambda: _t("Months of stock"), lambda r: r.months_of_stock, _mos, RIGHT,
            tooltip=lambda r: r.status.mos.formula),
        Col("status", lambda: _t("Status"), lambda r: _status_rank(r.status_code),
            _status_word, colour=lambda r: words.STATUS_COLOUR.get(r.status_code),
            tooltip=lambda r: r.status.status.formula),
        Col("stockout", lambda: _t("Stockout"), lambda r: r.stockout, i18n.day, RIGHT,
            tooltip=lambda r: r.status.stockout.formula),
        Col("at_risk", lambda: _t("At risk"), lambda r: r.at_risk,
            lambda v: i18n.number(v) if v else "", RIGHT,
            colour=lambda r: words.STATUS_COLOUR["below_eop"] if r.at_risk else None,
            tooltip=lambda r: _t("{quantity} will expire before they are used").format(
                quantity=i18n.number(r.at_risk)) if r.at_risk else None),
    ]


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class StockPage(Page):
    key = "stock"
    # the list was read again (benchmarks and tests wait on it)
    loaded = Signal()

    LIST, CARD = 0, 1

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.snapshot: StockList | None = None
        self._request = 0
        self._pending: dict[str, Any] = {}
        self._sized = False
        self._build()
        ctx.bus.facility_changed.connect(self._facility_changed)
        ctx.bus.stock_changed.connect(self._stock_changed)
        ctx.bus.master_data_changed.connect(self.mark_stale)


    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        self.stack.setObjectName("stockStack")
        layout.addWidget(self.stack)

        listing = QWidget()
        box = QVBoxLayout(listing)
        box.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"))
        self.search = QLineEdit()
        self.search.setObjectName("stockSearch")
        self.search.setPlaceholderText(self.tr("Code or name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        search_label.setBuddy(self.search)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)
        program_label = QLabel(self.tr("&Program:"))
        self.program = QComboBox()
        self.program.setObjectName("programFilter")
        self.program.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        program_label.setBuddy(self.program)
        self.program.currentIndexChanged.connect(self._program_changed)
        status_label = QLabel(self.tr("S&tatus:"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        status_label.setBuddy(self.status_filter)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for code in words.STATUS_ORDER:
            self.status_filter.addItem(_swatch(words.STATUS_COLOUR[code]), words.status(code),
                                       code)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        for w in (search_label, self.search, program_label, self.program, status_label,
                  self.status_filter):
            bar.addWidget(w, 1 if w is self.search else 0)
        box.addLayout(bar)

        self.model: SnapshotModel[StockRow] = FastModel(stock_columns(), self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("stockTable")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Products in stock"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.sortByColumn(self.model.column_index("status"), Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        box.addWidget(self.table, 1)

        self.count = QLabel()
        self.count.setObjectName("stockCount")
        self.count.setWordWrap(True)
        box.addWidget(self.count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.stack.addWidget(listing)

        self.card = StockCard(self.ctx)
        self.card.back_requested.connect(self.show_list)
        self.stack.addWidget(self.card)

        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self.setTabOrder(self.search, self.program)
        self.setTabOrder(self.program, self.status_filter)
        self.setTabOrder(self.status_filter, self.table)
        self._programs([])

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        facility = self.ctx.facility
        if not facility:
            return
        self._request += 1
        request = self._request
        self.count.setText(self.tr("Reading the stock of {facility}…").format(
            facility=facility))
        self.ctx.tasks.run(
            lambda c: self.ctx.service(ProductViewService).stock_list(facility),
            lambda result: self._loaded(request, result),
            lambda exc: self._failed(request, exc),
            title=self.tr("Reading the stock…"), parent=self)

    def _loaded(self, request: int, result: StockList) -> None:
        if request != self._request:
            return  # a newer request (another facility) is on its way
        self.snapshot = result
        selected = self.current_code()
        self._programs([code for code, _ in result.programs],
                       dict(result.programs), {r.program for r in result.rows})
        self.model.set_rows(result.rows)
        if not self._sized:
            self._size_columns()
        self._select(selected)
        self._update_count()
        if self.stack.currentIndex() == self.CARD and self.card.code:
            row = self.row_of(self.card.code)
            if row is None:
                self.show_list()
            else:
                self._show_card(row)
        self.loaded.emit()
        if self._pending:
            pending, self._pending = self._pending, {}
            self.open_target(pending)

    def _size_columns(self) -> None:
        fit_columns(self.table, stretch="product", cap=400)
        header = self.table.horizontalHeader()
        code = self.model.column_index("code")
        header.resizeSection(code, min(header.sectionSize(code), 190))
        # sized once: the status column fits every status, not only those of the first list
        status = self.model.column_index("status")
        fm = self.table.fontMetrics()
        widest = max(fm.horizontalAdvance(words.status(c)) for c in words.STATUS_ORDER) + 12
        header.resizeSection(status, max(header.sectionSize(status), widest))
        self._sized = True

    def _failed(self, request: int, exc: BaseException) -> bool:
        if request != self._request:
            return True
        if isinstance(exc, ProblemsFound):
            self.count.setText("\n".join(words.problem(p) for p in exc.problems))
            return True
        self.count.setText(self.tr("The stock could not be read."))
        return False

    def _facility_changed(self, _code: str) -> None:
        self.model.set_rows([])
        self.snapshot = None
        self.mark_stale()

    def _stock_changed(self, facility: str) -> None:
        if facility == self.ctx.facility:
            self.mark_stale()

    # -- filters ---------------------------------------------------------------------------

    def _programs(self, codes: list[str], names: dict[str, str] | None = None,
                  present: set[str | None] | None = None) -> None:
        """Offer the programs of the products listed (keeping the one chosen if it still is)."""
        chosen = self.program.currentData()
        self.program.blockSignals(True)
        self.program.clear()
        self.program.addItem(self.tr("All programs"), "")
        present = present or set()
        for code in codes:
            if code in present:
                self.program.addItem(words.program(code, (names or {}).get(code)), code)
        if None in present:
            self.program.addItem(self.tr("No program"), NO_PROGRAM)
        index = self.program.findData(chosen) if chosen else 0
        self.program.setCurrentIndex(max(0, index))
        self.program.blockSignals(False)
        self._program_changed()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)

    def _program_changed(self, *_: Any) -> None:
        code = self.program.currentData()
        if not code:
            self.proxy.set_filter("program", None)
        elif code == NO_PROGRAM:
            self.proxy.set_filter("program", lambda r: r.program is None)
        else:
            self.proxy.set_filter("program", lambda r: r.program == code)

    def _status_changed(self, *_: Any) -> None:
        code = self.status_filter.currentData()
        if code:
            self.proxy.set_filter("status", lambda r: r.status_code == code)
        else:
            self.proxy.set_filter("status", None)

    def set_status_filter(self, code: str) -> None:
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(code)))

    def _update_count(self, *_: Any) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if self.snapshot is None:
            return
        if shown == total:
            text = self.tr("{count} products. Enter opens the stock card of the product "
                           "selected.").format(count=i18n.number(total))
        else:
            text = self.tr("{shown} of {count} products shown. Enter opens the stock card of "
                           "the product selected.").format(shown=i18n.number(shown),
                                                           count=i18n.number(total))
        self.count.setText(text)

    # -- keyboard --------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.show_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down:
                self._enter_table()
                return True
            if watched is self.search and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.proxy.rowCount() == 1:
                    self._open_index(self.proxy.index(0, 0))
                else:
                    self._enter_table()
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.table.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _enter_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.selectRow(self.table.currentIndex().row())

    # -- rows ------------------------------------------------------------------------------

    def current_code(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index)).code

    def row_of(self, code: str) -> StockRow | None:
        return next((r for r in self.model.rows if r.code == code), None)

    def _select(self, code: str | None) -> None:
        if code is None:
            return
        for i, r in enumerate(self.model.rows):
            if r.code == code:
                index = self.proxy.mapFromSource(self.model.index(i, 0))
                if index.isValid():
                    self.table.setCurrentIndex(index)
                    self.table.scrollTo(index)
                return

    # -- the stock card --------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_product(self.model.row(self.proxy.mapToSource(index)).code)

    def open_product(self, code: str) -> None:
        """Show the stock card of ``code`` (once the list is read, if it is being read)."""
        if self.snapshot is None or self.stale:
            self._pending = {"product": code}
            if self.stale and self.isVisible():
                self.activate()
            return
        row = self.row_of(code)
        self._select(code)
        if row is None:
            self.card.show_product(self.ctx.facility, code, None)
        else:
            self._show_card(row)
        self.stack.setCurrentIndex(self.CARD)
        self.card.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_card(self, row: StockRow) -> None:
        assert self.snapshot is not None
        names = dict(self.snapshot.programs)
        self.card.show_product(self.snapshot.facility, row.code, row.status,
                               self.snapshot.as_of,
                               names.get(row.program, row.program) if row.program else None)

    def show_list(self) -> None:
        if self.stack.currentIndex() == self.LIST:
            return
        self.stack.setCurrentIndex(self.LIST)
        code = self.card.code
        self._select(code)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_target(self, target: dict[str, Any]) -> None:
        if "status" in target:
            self.show_list()
            self.set_status_filter(str(target["status"]))
        if "product" in target:
            self.open_product(str(target["product"]))
