"""The Outlook tab of the District page: what needs action across the district, most urgent
first — every facility × product stocked out, below its emergency point or minimum, or likely
to run out before the next delivery — computed on demand, with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stockdesk.services.directory import DirectoryService
from stockdesk.services.forecasting import DistrictOutlook, ForecastService
from stockdesk.ui import i18n, words
from stockdesk.ui.context import AppContext
from stockdesk.ui.models import RIGHT, Col, FilterProxy, SnapshotModel
from stockdesk.ui.tables import fit_columns, read_only_table
from stockdesk.ui.tasks import Cancelled, Control

NOW = date.min  # the projected stockout of a product already out of stock


@dataclass(frozen=True)
class OutlookRow:
    facility: str
    facility_name: str
    product: str
    product_name: str
    status: str
    usable: int
    amc: float | None
    months_of_stock: float | None
    stockout: date | None  # NOW when nothing usable is left; None: not within the horizon
    stockout_probability: float
    order_quantity: int | None
    needs_action: bool  # the service's rule: below minimum or out, or a likely stockout


@dataclass(frozen=True)
class OutlookResult:
    district: str
    as_of: date
    series: int
    rows: tuple[OutlookRow, ...]


def outlook_rows(o: DistrictOutlook, facility_names: dict[str, str],
                 product_names: dict[str, str]) -> list[OutlookRow]:
    """The outlook's entries as rows, most urgent first (status, then the likeliest stockout),
    as ``stockdesk district`` lists them."""
    rows = []
    for i in range(len(o)):
        status = str(o.status.status[i])
        amc = float(o.status.amc[i])
        mos = float(o.status.mos[i])
        usable = int(o.usable[i])
        day = int(o.status.stockout_day[i])
        order = int(o.status.order_quantity[i])
        facility, product = str(o.facilities[i]), str(o.products[i])
        rows.append(OutlookRow(
            facility=facility, facility_name=facility_names.get(facility, facility),
            product=product, product_name=product_names.get(product, product),
            status=status, usable=usable,
            amc=None if amc != amc else amc,
            months_of_stock=None if mos != mos else round(mos, 1),
            stockout=NOW if usable == 0 else None if day < 0
            else o.as_of + timedelta(days=day),
            stockout_probability=float(o.stockout_probability[i]),
            order_quantity=None if order < 0 else order, needs_action=o.needs_action(i)))
    order_of = {s: n for n, s in enumerate(words.STATUS_ORDER)}
    rows.sort(key=lambda r: (order_of.get(r.status, len(order_of)), -r.stockout_probability,
                             r.facility, r.product))
    return rows


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutlookTab", text)


def _stockout_text(value: date | None) -> str:
    if value is None:
        return ""
    return _tr("Now") if value == NOW else i18n.day(value)


def outlook_columns() -> list[Col[OutlookRow]]:
    return [
        Col("facility", lambda: _tr("Facility"), lambda r: r.facility_name,
            tooltip=lambda r: r.facility, searchable=True),
        Col("product", lambda: _tr("Product"), lambda r: r.product_name,
            tooltip=lambda r: f"{r.product_name} ({r.product})", searchable=True),
        Col("code", lambda: _tr("Code"), lambda r: r.product, searchable=True),  # hidden
        Col("status", lambda: _tr("Status"), lambda r: r.status, text=words.status,
            colour=lambda r: words.STATUS_COLOUR.get(r.status)),
        Col("usable", lambda: _tr("Usable stock"), lambda r: r.usable, text=i18n.number,
            align=RIGHT),
        Col("amc", lambda: _tr("AMC"), lambda r: r.amc, text=i18n.figure,
            align=RIGHT, header_tip=lambda: _tr("Average monthly consumption")),
        Col("mos", lambda: _tr("Months of stock"), lambda r: r.months_of_stock,
            text=i18n.figure, align=RIGHT),
        Col("stockout", lambda: _tr("Projected stockout"), lambda r: r.stockout,
            text=_stockout_text),
        Col("probability", lambda: _tr("Stockout risk"),
            lambda r: r.stockout_probability,
            text=lambda v: _tr("{percent} %").format(percent=i18n.number(100 * v)),
            align=RIGHT, header_tip=lambda: _tr(
                "Probability of running out before the next delivery arrives")),
        Col("order", lambda: _tr("Suggested order"), lambda r: r.order_quantity,
            text=i18n.number, align=RIGHT),
    ]


class OutlookTab(QWidget):
    """Computed when the person asks (Compute): a big district takes seconds."""

    computed = Signal(object)  # OutlookResult; tests wait on it
    cancelled = Signal()

    def __init__(self, ctx: AppContext, district: Callable[[], str | None],
                 navigate: Callable[[str, dict[str, Any]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.district = district
        self.navigate = navigate
        self.result: OutlookResult | None = None
        self.job: Any = None
        self._build()

    @staticmethod
    def title() -> str:
        return _tr("Outlook")

    def _build(self) -> None:
        box = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("outlookSearch")
        self.search.setPlaceholderText(self.tr("Facility or product"))
        self.search.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Search:"))
        label.setBuddy(self.search)
        bar.addWidget(label)
        bar.addWidget(self.search, 1)
        self.status = QComboBox()
        self.status.setObjectName("outlookStatus")
        self.status.addItem(self.tr("Every status"), None)
        for code in words.STATUS_ORDER:
            self.status.addItem(words.status(code), code)
        label = QLabel(self.tr("S&tatus:"))
        label.setBuddy(self.status)
        bar.addWidget(label)
        bar.addWidget(self.status)
        self.every = QCheckBox(self.tr("Show &every product"))
        self.every.setObjectName("outlookEvery")
        self.every.setToolTip(self.tr(
            "Also list the products that need no action: stock adequate and a stockout "
            "before the next delivery unlikely"))
        bar.addWidget(self.every)
        self.compute_button = QPushButton(self.tr("Co&mpute"))
        self.compute_button.setObjectName("outlookCompute")
        self.compute_button.setToolTip(self.tr(
            "Forecast every product of every facility of the district"))
        self.compute_button.clicked.connect(self.compute)
        bar.addWidget(self.compute_button)
        box.addLayout(bar)

        self.summary = QLabel(self.tr(
            "Press Compute to forecast every product of every facility of the district and "
            "list what needs action, most urgent first."))
        self.summary.setObjectName("outlookSummary")
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)

        self.model: SnapshotModel[OutlookRow] = SnapshotModel(outlook_columns(), self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table("outlookTable", self.proxy, stretch_last=False)
        self.table.setToolTip(self.tr("Enter: open the stock card of this product at this "
                                      "facility"))
        self.table.activated.connect(self.open_row)
        self.table.setColumnHidden(self.model.column_index("code"), True)  # searched, in tips
        self._fit()
        box.addWidget(self.table, 1)
        self.search.textChanged.connect(self.proxy.set_search)
        self.status.currentIndexChanged.connect(self._filters_changed)
        self.every.toggled.connect(self._filters_changed)
        self._filters_changed()
        self.ctx.bus.stock_changed.connect(self._stock_changed)

    # -- computing -------------------------------------------------------------------------

    def compute(self) -> None:
        district = self.district()
        if not district:
            self.summary.setText(self.tr("Choose a district first."))
            return
        as_of = self.ctx.today()

        def work(control: Control) -> OutlookResult:
            control.progress(0, 1)
            directory = self.ctx.service(DirectoryService)
            facilities = {f.code: f.name for f in directory.facilities(district)}
            products = {p.code: p.name for p in directory.products(include_inactive=True)}
            control.check()
            outlook = self.ctx.service(ForecastService).district(district, as_of)
            control.check()
            rows = outlook_rows(outlook, facilities, products)
            control.progress(1, 1)
            return OutlookResult(district, outlook.as_of, len(outlook), tuple(rows))

        self.compute_button.setEnabled(False)
        self.summary.setText(self.tr("Forecasting {district}…").format(district=district))
        self.job = self.ctx.tasks.run(work, self._computed, self._failed,
                                      title=self.tr("Forecasting the district…"), parent=self)

    def _computed(self, result: OutlookResult) -> None:
        self.compute_button.setEnabled(True)
        self.job = None
        if result.district != self.district():
            self.summary.setText(self.tr("Press Compute to forecast this district."))
            return
        self.result = result
        self.model.set_rows(result.rows)
        self._fit()
        self._show_summary()
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.setFocus()
        self.computed.emit(result)

    def _failed(self, exc: BaseException) -> bool:
        self.compute_button.setEnabled(True)
        self.job = None
        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("The forecast was cancelled."))
            self.cancelled.emit()
            return True
        self.summary.setText(self.tr("The forecast could not be computed."))
        return False

    def district_changed(self) -> None:
        """Another district chosen: its outlook is computed when asked."""
        if self.result is not None and self.result.district == self.district():
            return
        self.result = None
        self.model.set_rows([])
        self.summary.setText(self.tr("Press Compute to forecast this district."))

    def _stock_changed(self, _facility: str) -> None:
        if self.result is not None:
            self.summary.setText(self.tr(
                "{summary} Stock has changed since: press Compute for fresh figures.").format(
                summary=self._summary_text()))

    def _summary_text(self) -> str:
        r = self.result
        if r is None:
            return ""
        urgent = sum(1 for row in r.rows if row.needs_action)
        return self.tr("{district} at the end of {day}: {count} of {series} facility × "
                       "product need action.").format(
            district=r.district, day=i18n.day(r.as_of), count=i18n.number(urgent),
            series=i18n.number(r.series))

    def _fit(self) -> None:
        fit_columns(self.table, stretch="product", cap=200)

    def _show_summary(self) -> None:
        self.summary.setText(self._summary_text())

    # -- filters and opening ---------------------------------------------------------------

    def _filters_changed(self) -> None:
        code = self.status.currentData()
        self.proxy.set_filter("status", None if code is None
                              else lambda r: r.status == code)
        self.proxy.set_filter("action", None if self.every.isChecked()
                              else lambda r: r.needs_action)

    def open_row(self, index: QModelIndex) -> None:
        """The product's stock card at the facility: the facility picked in the window, then
        the Stock page at the product."""
        if not index.isValid():
            return
        row = self.model.row(self.proxy.mapToSource(index))
        window = self.window()
        select = getattr(window, "select_facility", None)
        if select is not None:
            select(row.facility)
        self.navigate("stock", {"product": row.product})


__all__ = ["OutlookResult", "OutlookRow", "OutlookTab", "outlook_columns", "outlook_rows"]
