"""The Reports page: the supervisor reports (stock status, stockouts, expiry) of the facility in
view or a whole district, previewed in a table and saved as PDF or Excel; the audit log for
those who may read it.

A report on a district takes a while on a large database: it runs on the database lane with a
progress dialog (one step per facility) and can be cancelled.  Saving reuses the report shown
when the choices have not changed since, so the file says what the screen said.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stockdesk.exchange.report_rows import (
    ExpiryReport,
    ExpiryRow,
    StatusRow,
    StockoutReport,
    StockoutRow,
    StockStatusReport,
)
from stockdesk.forecast.profiles import PROFILES
from stockdesk.problems import ProblemsFound
from stockdesk.services.admin_view import AdminViewService
from stockdesk.services.directory import AuditInfo, DirectoryService, FacilityInfo
from stockdesk.ui import i18n, words
from stockdesk.ui import settings as keys
from stockdesk.ui.admin_widgets import named
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import PROBLEM_STYLE, problems_text
from stockdesk.ui.models import RIGHT, Col, FilterProxy, SnapshotModel
from stockdesk.ui.pages.base import Page
from stockdesk.ui.tasks import Cancelled

STOCK_STATUS, STOCKOUTS, EXPIRY, AUDIT = "stock-status", "stockouts", "expiry", "audit"
FILE_REPORTS = (STOCK_STATUS, STOCKOUTS, EXPIRY)
AUDIT_ROWS = 2000
DAYS_COLOUR = "#ef6c00"  # a month with stockout days
FULL_MONTH_COLOUR = "#c62828"  # stocked out 28 days or more
RISK_COLOUR = "#ef6c00"  # a quantity that will expire unused
# widest a column opens at (pixels); long names elide, the full text is in the tooltip
COLUMN_CAPS = {"facility": 170, "code": 150, "product": 250, "old": 220, "new": 220}

Report = StockStatusReport | StockoutReport | ExpiryReport
SEP = "\t"


def scope_key(kind: str, name: str) -> str:
    """The scope combo's item data: ``facility<TAB>code`` or ``district<TAB>name``."""
    return f"{kind}{SEP}{name}"


def _num(value: float | int | None, decimals: int = 0) -> str:
    return i18n.number(value, decimals)


def _mos(value: float | None) -> str:
    return i18n.number(value, 1)


# -- columns of each report ----------------------------------------------------------------------


def _place_columns() -> list[Col[Any]]:
    return [
        Col("facility", lambda: QCoreApplication.translate("ReportsPage", "Facility"),
            lambda r: r.facility_name, searchable=True,
            tooltip=lambda r: f"{r.facility_name} ({r.facility_code})"),
        Col("code", lambda: QCoreApplication.translate("ReportsPage", "Code"),
            lambda r: r.product_code, searchable=True,
            tooltip=lambda r: r.product_code),
        Col("product", lambda: QCoreApplication.translate("ReportsPage", "Product"),
            lambda r: r.product_name, searchable=True,
            tooltip=lambda r: r.product_name),
        Col("unit", lambda: QCoreApplication.translate("ReportsPage", "Unit"), lambda r: r.unit),
    ]


def _status_index(row: StatusRow) -> int:
    return words.STATUS_ORDER.index(str(row.status))


def status_columns(report: StockStatusReport) -> list[Col[StatusRow]]:
    return [
        *_place_columns(),
        Col("usable", lambda: QCoreApplication.translate("ReportsPage", "Usable"),
            lambda r: r.usable, _num, RIGHT),
        Col("amc", lambda: QCoreApplication.translate("ReportsPage", "AMC"),
            lambda r: r.amc, lambda v: _num(v, 1), RIGHT),
        Col("mos", lambda: QCoreApplication.translate("ReportsPage", "Months of stock"),
            lambda r: r.mos, _mos, RIGHT),
        Col("status", lambda: QCoreApplication.translate("ReportsPage", "Status"), _status_index,
            lambda i: words.status(words.STATUS_ORDER[i]),
            colour=lambda r: words.STATUS_COLOUR.get(str(r.status)),
            tooltip=lambda r: words.status(str(r.status))),
        Col("stockout", lambda: QCoreApplication.translate("ReportsPage", "Stockout expected"),
            lambda r: date.min if r.usable == 0 else r.stockout,
            lambda v: QCoreApplication.translate("ReportsPage", "now")
                      if v == date.min else i18n.day(v)),
        Col("order", lambda: QCoreApplication.translate("ReportsPage", "To order"),
            lambda r: r.order_quantity, _num, RIGHT),
        Col("at_risk", lambda: QCoreApplication.translate("ReportsPage", "At risk of expiry"),
            lambda r: r.at_risk, _num, RIGHT,
            colour=lambda r: RISK_COLOUR if r.at_risk else None),
    ]


def _days_colour(days: int | None) -> str | None:
    if not days:
        return None
    return FULL_MONTH_COLOUR if days >= 28 else DAYS_COLOUR


def _days_tip(period: str, days: int | None) -> str:
    text = QCoreApplication.translate("ReportsPage", "not reported") if days is None \
        else i18n.number(days)
    return QCoreApplication.translate("ReportsPage", "Days out of stock in {month}: {days}") \
        .format(month=i18n.month(period), days=text)


def _month_column(i: int, period: str) -> Col[StockoutRow]:
    return Col(f"days_{period}", lambda: i18n.month(period), lambda r: r.days[i], _num, RIGHT,
               colour=lambda r: _days_colour(r.days[i]),
               tooltip=lambda r: _days_tip(period, r.days[i]))


def stockout_columns(report: StockoutReport) -> list[Col[StockoutRow]]:
    return [
        *_place_columns(),
        Col("now", lambda: QCoreApplication.translate("ReportsPage", "Now"),
            lambda r: -1 if r.stocked_out_now else r.usable,
            lambda v: words.status("stocked_out") if v == -1 else _num(v), RIGHT,
            colour=lambda r: words.STATUS_COLOUR["stocked_out"] if r.stocked_out_now
            else None),
        *(_month_column(i, p) for i, p in enumerate(report.periods)),
        Col("total_days", lambda: QCoreApplication.translate("ReportsPage", "Days out"),
            lambda r: r.total_days, _num, RIGHT),
        Col("months_out",
            lambda: QCoreApplication.translate("ReportsPage", "Months with stockouts"),
            lambda r: r.months_out, _num, RIGHT),
    ]


def expiry_columns(report: ExpiryReport) -> list[Col[ExpiryRow]]:
    return [
        *_place_columns(),
        Col("lot", lambda: QCoreApplication.translate("ReportsPage", "Lot"),
            lambda r: r.lot, searchable=True),
        Col("expiry", lambda: QCoreApplication.translate("ReportsPage", "Expires"),
            lambda r: r.expiry, i18n.day),
        Col("days_left", lambda: QCoreApplication.translate("ReportsPage", "Days left"),
            report.days_left, _num, RIGHT),
        Col("quantity", lambda: QCoreApplication.translate("ReportsPage", "Quantity"),
            lambda r: r.quantity, _num, RIGHT),
        Col("used", lambda: QCoreApplication.translate("ReportsPage", "Used before expiry"),
            lambda r: r.used_before_expiry, _num,
            RIGHT),
        Col("at_risk", lambda: QCoreApplication.translate("ReportsPage", "At risk"),
            lambda r: r.at_risk, _num, RIGHT,
            colour=lambda r: RISK_COLOUR if r.at_risk else None),
    ]


def audit_columns() -> list[Col[AuditInfo]]:
    return [
        Col("at", lambda: QCoreApplication.translate("ReportsPage", "When"),
            lambda r: r.at, i18n.stamp),
        Col("user", lambda: QCoreApplication.translate("ReportsPage", "User"),
            lambda r: r.user, searchable=True),
        Col("entity", lambda: QCoreApplication.translate("ReportsPage", "What"),
            lambda r: r.entity, searchable=True),
        Col("key", lambda: QCoreApplication.translate("ReportsPage", "Which"),
            lambda r: r.key, searchable=True),
        Col("action", lambda: QCoreApplication.translate("ReportsPage", "Change"),
            lambda r: r.action, searchable=True),
        Col("old", lambda: QCoreApplication.translate("ReportsPage", "Before"),
            lambda r: r.old, tooltip=lambda r: r.old),
        Col("new", lambda: QCoreApplication.translate("ReportsPage", "After"),
            lambda r: r.new, tooltip=lambda r: r.new),
        Col("reason", lambda: QCoreApplication.translate("ReportsPage", "Reason"),
            lambda r: r.reason, searchable=True),
    ]


# -- the page ------------------------------------------------------------------------------------


class ReportsPage(Page):
    key = "reports"

    previewed = Signal()  # the table shows a new report (tests wait on it)
    saved = Signal(str)  # a file was written (its path)
    failed = Signal(str)  # a problem was shown inline

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: Report | None = None
        self.audit_rows: list[AuditInfo] = []
        self.shown_choice: tuple[Any, ...] | None = None
        self.facilities: list[FacilityInfo] = []
        self.districts: list[str] = []
        self.model: SnapshotModel[Any] = SnapshotModel([])
        self.proxy = FilterProxy(self)
        self._build()
        ctx.bus.facility_changed.connect(self._fill_scopes)
        ctx.bus.master_data_changed.connect(self.mark_stale)


    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        layout.addLayout(grid)

        self.kind = named(QComboBox(), "reportKind")
        self.kind.addItem(self.tr("Stock status"), STOCK_STATUS)
        self.kind.addItem(self.tr("Stockouts"), STOCKOUTS)
        self.kind.addItem(self.tr("Expiry risk"), EXPIRY)
        if self.ctx.may("audit.read"):
            self.kind.addItem(self.tr("Audit log (who changed what)"), AUDIT)
        self.scope = named(QComboBox(), "reportScope")
        self.scope.setMinimumContentsLength(28)
        self.scope.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        today = self.ctx.today()
        self.as_of = named(QDateEdit(), "reportAsOf")
        self.as_of.setDisplayFormat(i18n.date_edit_format())
        self.as_of.setCalendarPopup(True)
        self.as_of.setMaximumDate(QDate(today.year, today.month, today.day))
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self.months = named(QSpinBox(), "reportMonths")
        self.months.setRange(1, 24)
        self.months.setValue(6)
        self.months.setSuffix(self.tr(" months"))
        self.horizon = named(QSpinBox(), "reportHorizon")
        self.horizon.setRange(1, 24)
        self.horizon.setValue(self.ctx.settings.get(keys.EXPIRY_HORIZON_MONTHS))
        self.horizon.setSuffix(self.tr(" months"))
        self.profile = named(QComboBox(), "reportProfile")
        self.profile.addItem(self.tr("Each program's own profile"), None)
        for name, profile in PROFILES.items():
            self.profile.addItem(profile.label, name)
        self.action_only = named(QCheckBox(self.tr("Only products &needing action")),
                                 "reportActionOnly")

        def labelled(text: str, widget: QWidget) -> QLabel:
            label = QLabel(text)
            label.setBuddy(widget)
            return label

        self.months_label = labelled(self.tr("&Months:"), self.months)
        self.horizon_label = labelled(self.tr("&Horizon:"), self.horizon)
        self.profile_label = labelled(self.tr("&AMC profile:"), self.profile)
        grid.addWidget(labelled(self.tr("&Report:"), self.kind), 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(labelled(self.tr("F&or:"), self.scope), 0, 2)
        grid.addWidget(self.scope, 0, 3)
        self._district_chosen = False
        self.scope.activated.connect(  # a person's choice, not a refill
            lambda _i: setattr(self, "_district_chosen", (self.scope_choice() or ("",))[0]
                               == "district"))
        grid.addWidget(labelled(self.tr("As of &date:"), self.as_of), 0, 4)
        grid.addWidget(self.as_of, 0, 5)
        options = QHBoxLayout()
        for w in (self.months_label, self.months, self.horizon_label, self.horizon,
                  self.profile_label, self.profile, self.action_only):
            options.addWidget(w)
        options.addStretch(1)
        grid.addLayout(options, 1, 0, 1, 6)
        grid.setColumnStretch(3, 1)

        buttons = QHBoxLayout()
        self.preview = named(QPushButton(self.tr("Pre&view")), "reportPreview")
        self.preview.setDefault(True)
        self.preview.setAutoDefault(True)
        self.save_pdf = named(QPushButton(self.tr("Save as &PDF…")), "reportSavePdf")
        self.save_xlsx = named(QPushButton(self.tr("Save as &Excel…")), "reportSaveXlsx")
        self.print_ = named(QPushButton(self.tr("Pr&int…")), "reportPrint")
        for b in (self.preview, self.save_pdf, self.save_xlsx, self.print_):
            buttons.addWidget(b)
        buttons.addStretch(1)
        search_label = QLabel(self.tr("&Search:"))
        self.search = named(QLineEdit(), "reportSearch")
        self.search.setPlaceholderText(self.tr("Product, code, facility or lot"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        buttons.addWidget(search_label)
        buttons.addWidget(self.search, 1)
        layout.addLayout(buttons)

        self.problem = named(QLabel(), "reportProblem")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.summary = named(QLabel(), "reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setText(self.tr("Choose a report and what it covers, then press Preview "
                                     "(Enter)."))
        layout.addWidget(self.summary)

        self.table = named(QTableView(), "reportTable")
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.preview.clicked.connect(self.run_preview)
        self.save_pdf.clicked.connect(lambda: self.save_as("pdf"))
        self.save_xlsx.clicked.connect(lambda: self.save_as("xlsx"))
        self.print_.clicked.connect(self.print_report)
        self.search.textChanged.connect(self.proxy.set_search)
        for signal in (self.as_of.dateChanged, self.months.valueChanged,
                       self.horizon.valueChanged, self.profile.currentIndexChanged,
                       self.action_only.toggled, self.scope.currentIndexChanged):
            signal.connect(self._choice_changed)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._enter)
        self._kind_changed()

    def _enter(self) -> None:
        if not self.table.hasFocus() and not self.search.hasFocus():
            self.preview.click()

    # -- choices ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        directory = self.ctx.service(DirectoryService)
        self.ctx.tasks.run(lambda c: (directory.facilities(include_inactive=True),
                                      directory.districts()), self._loaded, parent=self)

    def _loaded(self, result: tuple[list[FacilityInfo], list[str]]) -> None:
        self.facilities, self.districts = result
        self._fill_scopes()

    def _fill_scopes(self, *_: Any) -> None:
        previous = self.scope_choice()
        self.scope.blockSignals(True)
        self.scope.clear()
        names = {f.code: f.label for f in self.facilities}
        if self.ctx.facility:
            self.scope.addItem(self.tr("This facility: {name}").format(
                name=names.get(self.ctx.facility, self.ctx.facility)),
                scope_key("facility", self.ctx.facility))
        for district in self.districts:
            self.scope.addItem(self.tr("The whole district: {name}").format(name=district),
                               scope_key("district", district))
        index = -1  # the facility in view, unless the person chose a district themselves
        if previous is not None and previous[0] == "district" and self._district_chosen:
            index = self.scope.findData(scope_key(*previous))
        self.scope.setCurrentIndex(max(index, 0) if self.scope.count() else -1)
        self.scope.blockSignals(False)
        self._choice_changed()

    def scope_choice(self) -> tuple[str, str] | None:
        """("facility", code) or ("district", name); None while nothing is offered."""
        data = self.scope.currentData()
        if not data:
            return None
        kind, _, name = str(data).partition(SEP)
        return kind, name

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        for widget, kinds in ((self.months_label, (STOCKOUTS,)), (self.months, (STOCKOUTS,)),
                              (self.horizon_label, (STOCK_STATUS, EXPIRY)),
                              (self.horizon, (STOCK_STATUS, EXPIRY)),
                              (self.profile_label, (STOCK_STATUS, EXPIRY)),
                              (self.profile, (STOCK_STATUS, EXPIRY)),
                              (self.action_only, (STOCK_STATUS,))):
            widget.setVisible(kind in kinds)
        self.scope.setEnabled(kind != AUDIT)
        self.as_of.setEnabled(kind != AUDIT)
        self._choice_changed()

    def _choice_changed(self, *_: Any) -> None:
        kind = self.kind.currentData()
        files = kind in FILE_REPORTS and self.scope_choice() is not None
        for b in (self.save_pdf, self.save_xlsx, self.print_):
            b.setEnabled(files)
            b.setToolTip("" if files else self.tr("The audit log is shown here only; choose "
                                                 "a stock report to save or print it."))
        self.preview.setEnabled(kind == AUDIT or self.scope_choice() is not None)

    def choice(self) -> tuple[Any, ...]:
        """What the person chose: (kind, scope, options) — the same choice, the same report."""
        kind = self.kind.currentData()
        if kind == AUDIT:
            return (AUDIT, None, ())
        d = self.as_of.date()
        as_of = date(d.year(), d.month(), d.day())
        options: dict[str, Any] = {"as_of": as_of}
        if kind == STOCKOUTS:
            options["months"] = self.months.value()
        else:
            options["horizon_months"] = self.horizon.value()
            options["profile"] = self.profile.currentData()
        if kind == STOCK_STATUS:
            options["only_action"] = self.action_only.isChecked()
        return (kind, self.scope_choice(), tuple(sorted(options.items())))

    # -- running -------------------------------------------------------------------------------

    def _build_work(self, choice: tuple[Any, ...]) -> Callable[[Any], Any]:
        kind, scope, options = choice
        if kind == AUDIT:
            directory = self.ctx.service(DirectoryService)
            return lambda control: directory.audit(limit=AUDIT_ROWS)
        service = self.ctx.service(AdminViewService)
        where = {"facility": scope[1]} if scope[0] == "facility" else {"district": scope[1]}

        def work(control: Any) -> Any:
            return service.report(kind, progress=control.progress, **where, **dict(options))
        return work

    def _title(self, kind: str) -> str:
        return {STOCK_STATUS: self.tr("Preparing the stock status report…"),
                STOCKOUTS: self.tr("Preparing the stockout report…"),
                EXPIRY: self.tr("Preparing the expiry risk report…"),
                AUDIT: self.tr("Reading the audit log…")}[kind]

    def run_preview(self) -> None:
        choice = self.choice()
        if choice[0] != AUDIT and choice[1] is None:
            return
        self._hide_problem()
        self.ctx.tasks.run(self._build_work(choice), lambda r: self._show(choice, r),
                           self._failed, title=self._title(choice[0]), parent=self)

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("The report was cancelled; nothing changed."))
            return True
        if isinstance(exc, ProblemsFound):
            self.problem.setText(problems_text(exc.problems))
            self.problem.show()
            self.failed.emit(self.problem.text())
            return True
        return False

    def _hide_problem(self) -> None:
        self.problem.clear()
        self.problem.hide()

    def _show(self, choice: tuple[Any, ...], result: Any) -> None:
        self.shown_choice = choice
        if choice[0] == AUDIT:
            self.report = None
            self.audit_rows = list(result)
            columns: list[Col[Any]] = audit_columns()
            rows: Any = self.audit_rows
            self.summary.setText(self.tr("Audit log: the {count} most recent changes, newest "
                                         "first.").format(count=i18n.number(len(rows))))
        else:
            self.report = result
            if isinstance(result, StockStatusReport):
                columns, rows = status_columns(result), result.rows
            elif isinstance(result, StockoutReport):
                columns, rows = stockout_columns(result), result.rows
            else:
                columns, rows = expiry_columns(result), result.rows
            self.summary.setText(self._summary(result))
        old = self.model
        self.model = SnapshotModel(columns, self)
        self.model.set_rows(rows)
        self.proxy.setSourceModel(self.model)
        old.deleteLater()
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        district = choice[1] is not None and choice[1][0] == "district"
        if choice[0] != AUDIT:
            self.table.setColumnHidden(self.model.column_index("facility"), not district)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for i, col in enumerate(self.model.columns):
            header.resizeSection(i, min(header.sectionSize(i), COLUMN_CAPS.get(col.key, 240)))
        self.previewed.emit()

    def _summary(self, report: Report) -> str:
        h = report.header
        scope = (self.tr("facility {name}").format(name=h.scope) if h.scope_kind == "facility"
                 else self.tr("district {name} ({count} facilities)").format(
                     name=h.scope, count=i18n.number(h.facilities)))
        if isinstance(report, StockStatusReport):
            totals = [sum(c.counts[i] for c in report.counts)
                      for i in range(len(words.STATUS_ORDER))]
            chips = " ".join(
                f'<span style="background:{words.STATUS_COLOUR[code]}; color:white;">'
                f"&nbsp;{words.status(code)}: {i18n.number(n)}&nbsp;</span>"
                for code, n in zip(words.STATUS_ORDER, totals, strict=True) if n)
            head = self.tr("<b>Stock status</b> of {scope} as of {day}: {shown} of {total} "
                           "products × facilities listed.").format(
                scope=scope, day=i18n.day(h.as_of), shown=i18n.number(len(report.rows)),
                total=i18n.number(report.products_total))
            return f"{head}<br>{chips}"
        if isinstance(report, StockoutReport):
            now = sum(r.stocked_out_now for r in report.rows)
            days = sum(r.total_days for r in report.rows)
            return self.tr("<b>Stockouts</b> of {scope} as of {day}: {now} stocked out now; "
                           "{days} days out of stock from {first} to {last}.").format(
                scope=scope, day=i18n.day(h.as_of), now=i18n.number(now),
                days=i18n.number(days), first=i18n.month(report.periods[0]),
                last=i18n.month(report.periods[-1]))
        text = self.tr("<b>Expiry risk</b> of {scope} as of {day}: {lots} lots expire by "
                       "{end}; {risk} units are at risk of expiring before use.").format(
            scope=scope, day=i18n.day(h.as_of), lots=i18n.number(len(report.rows)),
            end=i18n.day(report.horizon_end), risk=i18n.number(report.total_at_risk))
        if report.expired:
            text += "<br>" + self.tr("{count} products have expired stock still on the shelf: "
                                     "remove it and record the loss.").format(
                count=i18n.number(len(report.expired)))
        return text

    # -- files ---------------------------------------------------------------------------------

    def _with_report(self, then: Callable[[Report], None]) -> None:
        """``then(report)`` with the report of the current choice (built if not shown)."""
        choice = self.choice()
        if choice == self.shown_choice and self.report is not None:
            then(self.report)
            return
        self._hide_problem()

        def built(report: Report) -> None:
            self._show(choice, report)
            then(report)
        self.ctx.tasks.run(self._build_work(choice), built, self._failed,
                           title=self._title(choice[0]), parent=self)

    def _default_name(self, suffix: str) -> str:
        kind, scope, options = self.choice()
        as_of = dict(options).get("as_of") or self.ctx.today()
        where = (scope[1] if scope else "").replace(" ", "-")
        return f"{kind}-{where}-{as_of.isoformat()}.{suffix}"

    def save_as(self, fmt: str) -> None:
        if self.kind.currentData() not in FILE_REPORTS:
            return
        folder = self.ctx.settings.get(keys.LAST_FOLDER) or str(Path.home())
        start = str(Path(folder) / self._default_name(fmt))
        if fmt == "pdf":
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as PDF"),
                                                  start, self.tr("PDF files (*.pdf)"))
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as Excel"),
                                                  start, self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(f"{target.name}.{fmt}")
        self.ctx.settings.set(keys.LAST_FOLDER, str(target.parent))
        self._with_report(lambda report: self._write(report, target, fmt, self._wrote))

    def _write(self, report: Report, target: Path, fmt: str,
               then: Callable[[Path], None]) -> None:
        def work(control: Any) -> Path:
            if fmt == "pdf":
                from stockdesk.exchange.report_pdf import write_report_pdf
                write_report_pdf(report, target)
            else:
                from stockdesk.exchange.report_xlsx import write_report_xlsx
                write_report_xlsx(report, target)
            return target
        title = self.tr("Writing the PDF…") if fmt == "pdf" else self.tr("Writing the workbook…")
        self.ctx.tasks.run(work, then, lane="cpu", title=title, parent=self)

    def _wrote(self, path: Path) -> None:
        self.summary.setText(self.tr("Saved to {file}").format(file=str(path)))
        self.saved.emit(str(path))

    def print_report(self) -> None:
        if self.kind.currentData() not in FILE_REPORTS:
            return
        target = Path(tempfile.mkdtemp(prefix="stockdesk-")) / self._default_name("pdf")

        def opened(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.summary.setText(self.tr(
                    "No program to show PDF files was found on this computer. The report "
                    "was saved as {file}: print it from there.").format(file=str(path)))
            self.saved.emit(str(path))
        self._with_report(lambda report: self._write(report, target, "pdf", opened))
