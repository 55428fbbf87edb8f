"""A product's stock card: its figures on top, then its movements with the running balance,
its lots with their expiry, a chart of its consumption and forecast, and how each figure was
computed.

Opening a product reads only that product (one service call for the card and its lots); the
chart, which needs the forecast, is read the first time its tab is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stockdesk.problems import ProblemsFound
from stockdesk.services.product_view import (
    ChartData,
    ProductCard,
    ProductViewService,
    shown_months_of_stock,
)
from stockdesk.services.stock import CardLine, LotStock
from stockdesk.services.stock_status import ProductStatus
from stockdesk.ui import i18n, words
from stockdesk.ui.chart import ConsumptionChart
from stockdesk.ui.context import AppContext
from stockdesk.ui.explain import ExplainPanel
from stockdesk.ui.models import (
    RIGHT,
    ROW_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    Col,
    FilterProxy,
    Index,
    R,
    SnapshotModel,
)
from stockdesk.ui.tables import fit_columns, read_only_table

AT_RISK_COLOUR = words.STATUS_COLOUR["below_eop"]
EXPIRED_COLOUR = words.STATUS_COLOUR["stocked_out"]


def _t(text: str) -> str:
    return QCoreApplication.translate("StockCard", text)


def _qty(value: int | None) -> str:
    """A quantity, blank when there is none (an issue has nothing in the In column)."""
    return i18n.number(value) if value else ""


def movement_columns() -> list[Col[CardLine]]:
    return [
        Col("date", lambda: _t("Date"), lambda r: r.occurred_on, i18n.day,
            tooltip=lambda r: _t("Recorded {stamp}").format(stamp=i18n.stamp(r.recorded_at))),
        Col("kind", lambda: _t("Kind"), lambda r: words.kind(r.kind)),
        Col("reference", lambda: _t("Reference"), lambda r: r.reference, searchable=True),
        Col("counterparty", lambda: _t("From / to"), lambda r: r.counterparty,
            searchable=True),
        Col("lot", lambda: _t("Lot"), lambda r: r.lot, searchable=True),
        Col("expiry", lambda: _t("Expiry"), lambda r: r.expiry, i18n.day),
        Col("in", lambda: _t("In"), lambda r: r.quantity_in, _qty, RIGHT),
        Col("out", lambda: _t("Out"), lambda r: r.quantity_out, _qty, RIGHT),
        Col("counted", lambda: _t("Counted"), lambda r: r.counted, i18n.number, RIGHT),
        Col("balance", lambda: _t("Balance"), lambda r: r.balance, i18n.number, RIGHT,
            tooltip=lambda r: _t("Lot {lot}: {balance}").format(
                lot=r.lot, balance=i18n.number(r.lot_balance))),
        Col("user", lambda: _t("User"), lambda r: r.user, searchable=True),
        Col("reason", lambda: _t("Reason"),
            lambda r: words.reason(r.reason) or (r.note or ""),
            tooltip=lambda r: r.note),
    ]


@dataclass(frozen=True)
class LotRow:
    lot: LotStock
    at_risk: int | None  # will expire before it is used (None: not known)

    @property
    def state(self) -> str:
        if self.lot.expired:
            return "expired"
        return "at_risk" if self.at_risk else "usable"


def _lot_state(code: str) -> str:
    if code == "expired":
        return _t("Expired: do not issue")
    if code == "at_risk":
        return _t("Will expire before it is used")
    return _t("Usable")


def lot_columns() -> list[Col[LotRow]]:
    return [
        Col("lot", lambda: _t("Lot"), lambda r: r.lot.lot, searchable=True),
        Col("expiry", lambda: _t("Expiry"), lambda r: r.lot.expiry, i18n.day),
        Col("balance", lambda: _t("Balance"), lambda r: r.lot.balance, i18n.number, RIGHT),
        Col("at_risk", lambda: _t("At risk"), lambda r: r.at_risk, _qty, RIGHT),
        Col("state", lambda: _t("State"), lambda r: r.state, _lot_state,
            colour=lambda r: {"expired": EXPIRED_COLOUR,
                              "at_risk": AT_RISK_COLOUR}.get(r.state)),
    ]


def lot_risks(status: ProductStatus | None) -> dict[str, int]:
    """Batch number -> quantity at risk of expiry, from the status's first-expiry-first-out run
    (each run knows the place of its lot in the status's lots)."""
    if status is None or status.expiry is None:
        return {}
    lots = status.inputs.lots
    return {lots[run.index].lot: int(run.at_risk) for run in status.expiry.lots}


class FastModel(SnapshotModel[R]):
    """A :class:`SnapshotModel` that answers the roles it never fills without work (a view
    asks for a dozen roles of every cell it paints)."""

    ROLES = frozenset(int(r) for r in (
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole, SORT_ROLE, ROW_ROLE, SEARCH_ROLE))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self.ROLES:
            return None
        return super().data(index, role)

class Figure(QFrame):
    """One figure of the header: its name above, its value below."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.value = QLabel()
        self.value.setObjectName(name)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.value.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.value.setFont(font)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set(self, text: str, colour: str | None = None, tooltip: str = "") -> None:
        self.value.setText(text or "—")
        self.value.setToolTip(tooltip)
        self.value.setStyleSheet(
            f"background: {colour}; color: white; padding: 1px 6px; border-radius: 3px"
            if colour else "")
        self.value.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)


class StockCard(QWidget):
    # the movements and lots of the product shown arrived (benchmarks and tests wait on it)
    card_loaded = Signal()
    chart_loaded = Signal()
    back_requested = Signal()

    MOVEMENTS, LOTS, CHART, EXPLAIN = range(4)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockCard")
        self.ctx = ctx
        self.facility = ""
        self.code = ""
        self.status: ProductStatus | None = None
        self.card: ProductCard | None = None
        self.chart_data: ChartData | None = None
        self._card_request = 0
        self._chart_request = 0
        self._chart_for: tuple[str, str] | None = None  # (facility, product) asked for
        self._build()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("&Back to the list"))
        self.back.setObjectName("backToList")
        self.back.setToolTip(self.tr("Esc"))
        self.back.clicked.connect(self.back_requested)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("cardSubtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        layout.addLayout(top)

        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        self.figures: dict[str, Figure] = {}
        captions = [
            ("on_hand", self.tr("Stock on hand")), ("usable", self.tr("Usable")),
            ("amc", self.tr("Average monthly consumption")),
            ("mos", self.tr("Months of stock")), ("status", self.tr("Status")),
            ("stockout", self.tr("Projected stockout")),
            ("order_by", self.tr("Order must leave by")),
            ("at_risk", self.tr("At risk of expiry")),
            ("max", self.tr("Maximum stock")), ("order", self.tr("Order quantity")),
        ]
        for i, (key, caption) in enumerate(captions):
            fig = Figure(caption, f"figure_{key}")
            self.figures[key] = fig
            grid.addWidget(fig, i // 5, i % 5)
        for c in range(5):
            grid.setColumnStretch(c, 1)
        layout.addLayout(grid)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("cardTabs")
        self.movements_model: SnapshotModel[CardLine] = FastModel(movement_columns(), self)
        self.movements_proxy = FilterProxy(self)
        self.movements_proxy.setSourceModel(self.movements_model)
        self.movements = read_only_table("movementsTable", stretch_last=False)
        self.movements.setModel(self.movements_proxy)
        self.movements.setAccessibleName(self.tr("Movements"))
        self.tabs.addTab(self.movements, self.tr("&Movements"))

        lots = QWidget()
        lots_layout = QVBoxLayout(lots)
        self.lots_model: SnapshotModel[LotRow] = SnapshotModel(lot_columns(), self)
        self.lots_proxy = FilterProxy(self)
        self.lots_proxy.setSourceModel(self.lots_model)
        self.lots = read_only_table("lotsTable", stretch_last=False)
        self.lots.setModel(self.lots_proxy)
        self.lots.setAccessibleName(self.tr("Lots"))
        self.lots_note = QLabel()
        self.lots_note.setObjectName("lotsNote")
        self.lots_note.setWordWrap(True)
        lots_layout.addWidget(self.lots, 1)
        lots_layout.addWidget(self.lots_note)
        self.tabs.addTab(lots, self.tr("L&ots"))

        self.chart = ConsumptionChart()
        self.tabs.addTab(self.chart, self.tr("&Chart"))
        self.explain = ExplainPanel()
        self.tabs.addTab(self.explain, self.tr("E&xplain"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)

        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence.StandardKey.Back):
            back = QShortcut(keys, self)
            back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            back.activated.connect(self.back_requested)
        self.setTabOrder(self.back, self.tabs)

    # -- showing a product -----------------------------------------------------------------

    def show_product(self, facility: str, code: str, status: ProductStatus | None,
                     as_of: date | None = None, program: str | None = None) -> None:
        """Show ``code`` at ``facility`` with the figures of ``status`` (from the list), and
        read its movements and lots."""
        same = (facility, code) == (self.facility, self.code)
        self.facility, self.code, self.status = facility, code, status
        self._header(status, code, program)
        self.explain.show_status(status, as_of)
        if not same:
            self.card = None
            self.movements_model.set_rows([])
            self.lots_model.set_rows([])
            self.lots_note.clear()
            self.chart_data = None
            self._chart_for = None
            self.chart.set_data(None, self.tr("Reading the months of consumption…"))
        else:
            self._chart_for = None  # figures may have changed: read the chart again
        self.reload()

    def reload(self) -> None:
        """Read the card of the product shown again (and the chart, if it is on view)."""
        if not self.code:
            return
        self._card_request += 1
        request, facility, code = self._card_request, self.facility, self.code
        self.ctx.tasks.run(
            lambda c: self.ctx.service(ProductViewService).card(facility, code),
            lambda card: self._card_loaded(request, card),
            lambda exc: self._failed(request, exc))
        if self.tabs.currentIndex() == self.CHART:
            self.load_chart()

    def _card_loaded(self, request: int, card: ProductCard) -> None:
        if request != self._card_request:
            return  # another product was opened meanwhile
        self.card = card
        self.movements_model.set_rows(card.lines)
        risks = lot_risks(self.status)
        self.lots_model.set_rows([LotRow(lot, None if lot.expired else risks.get(lot.lot))
                                  for lot in card.lots])
        self._fit(self.movements, stretch="reason")
        self._fit(self.lots, stretch="state")
        if card.lines:
            last = self.movements_proxy.mapFromSource(
                self.movements_model.index(len(card.lines) - 1, 0))
            self.movements.setCurrentIndex(last)
            self.movements.scrollTo(last)
        expired = sum(lot.balance for lot in card.lots if lot.expired)
        at_risk = sum(r for r in risks.values())
        self.lots_note.setText(self._lots_note(len(card.lots), expired, at_risk))
        self.figures["on_hand"].value.setToolTip(
            self.tr("Running balance after the last movement: {balance}").format(
                balance=i18n.number(card.balance)))
        self.card_loaded.emit()

    def _lots_note(self, count: int, expired: int, at_risk: int) -> str:
        if count == 0:
            return self.tr("No lot of this product is in stock.")
        parts = [self.tr("{count} lots in stock.").format(count=count)]
        if expired:
            parts.append(self.tr("{quantity} expired: remove them from the shelf and record "
                                 "the loss.").format(quantity=i18n.number(expired)))
        if at_risk:
            parts.append(self.tr("{quantity} will expire before they are used at the usual "
                                 "consumption: offer them to another facility.").format(
                quantity=i18n.number(at_risk)))
        return " ".join(parts)

    def _failed(self, request: int, exc: BaseException) -> bool:
        if request != self._card_request:
            return True
        if isinstance(exc, ProblemsFound):
            self.lots_note.setText("\n".join(words.problem(p) for p in exc.problems))
            return True
        return False

    @staticmethod
    def _fit(view: QTableView, stretch: str) -> None:
        fit_columns(view, stretch=stretch)

    def _header(self, st: ProductStatus | None, code: str, program: str | None) -> None:
        for fig in self.figures.values():
            fig.set("")
        if st is None:
            self.title.setText(code)
            self.subtitle.setText(self.tr("{code}: no stock status at this facility").format(
                code=code))
            return
        stock = st.stock
        self.title.setText(stock.description)
        self.subtitle.setText(self.tr("{code} · counted in {unit} · program {program}").format(
            code=code, unit=stock.unit, program=program or self.tr("none")))
        f = self.figures
        f["on_hand"].set(i18n.number(stock.on_hand))
        f["usable"].set(i18n.number(stock.usable),
                        tooltip=self.tr("{quantity} expired, not usable").format(
                            quantity=i18n.number(stock.expired)) if stock.expired else "")
        f["amc"].set(i18n.number(st.amc.value) if st.amc.value is not None
                     else self.tr("unknown"), tooltip=st.amc.formula)
        mos = shown_months_of_stock(st)
        f["mos"].set("" if mos is None else i18n.number(mos, 1 if round(mos, 1) == mos else 2),
                     tooltip=st.mos.formula)
        code_ = str(st.status.value.value)
        f["status"].set(words.status(code_), words.STATUS_COLOUR.get(code_),
                        tooltip=st.status.formula)
        stockout = st.stockout.value
        f["stockout"].set(i18n.day(stockout) if isinstance(stockout, date)
                          else self.tr("not within two years"), tooltip=st.stockout.formula)
        order_by = st.order_by.value
        late = bool(st.order_by.inputs.get("late"))
        f["order_by"].set(
            (self.tr("{day} (late)").format(day=i18n.day(order_by)) if late
             else i18n.day(order_by)) if isinstance(order_by, date) else "",
            AT_RISK_COLOUR if late else None, tooltip=st.order_by.formula)
        f["at_risk"].set(i18n.number(st.at_risk) if st.at_risk is not None else "",
                         AT_RISK_COLOUR if st.at_risk else None)
        if st.max_quantity is not None:
            f["max"].set(i18n.number(st.max_quantity.value), tooltip=st.max_quantity.formula)
        if st.order_quantity is not None:
            f["order"].set(i18n.number(st.order_quantity.value),
                           tooltip=st.order_quantity.formula)

    # -- the chart -------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if index == self.CHART:
            self.load_chart()

    def load_chart(self) -> None:
        """Read the chart of the product shown, unless it is already read or being read."""
        if not self.code or self._chart_for == (self.facility, self.code):
            return
        self._chart_for = (self.facility, self.code)
        self._chart_request += 1
        request, facility, code = self._chart_request, self.facility, self.code
        self.ctx.tasks.run(
            lambda c: self.ctx.service(ProductViewService).chart(facility, code),
            lambda data: self._chart_loaded(request, data),
            lambda exc: self._chart_failed(request, exc),
            title=self.tr("Forecasting the consumption of {product}…").format(product=code),
            parent=self)

    def _chart_loaded(self, request: int, data: ChartData) -> None:
        if request != self._chart_request:
            return
        self.chart_data = data
        empty = not any(m.consumed is not None for m in data.history) and not data.forecast
        self.chart.set_data(data, self.tr("No consumption has been recorded for this product.")
                            if empty else "")
        self.chart_loaded.emit()

    def _chart_failed(self, request: int, exc: BaseException) -> bool:
        if request != self._chart_request:
            return True
        self._chart_for = None
        if isinstance(exc, ProblemsFound):
            self.chart.set_data(None, "\n".join(words.problem(p) for p in exc.problems))
            return True
        self.chart.set_data(None, self.tr("The chart could not be drawn."))
        return False


__all__ = ["FastModel", "LotRow", "StockCard", "lot_risks"]
