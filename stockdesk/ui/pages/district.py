"""The District page: the facilities' R&Rs of a period come in (a folder of workbooks, checked
file by file), the logistician approves quantities, sees who has not reported, and sends the
consolidated order to the warehouse."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stockdesk.requisition.consolidation import Consolidation, ProductTotal
from stockdesk.services.consolidation import ConsolidationService
from stockdesk.services.directory import DirectoryService
from stockdesk.services.district_view import DistrictViewService, ReportingRow
from stockdesk.ui import i18n, words
from stockdesk.ui import settings as keys
from stockdesk.ui.context import AppContext
from stockdesk.ui.district_outlook import OutlookTab
from stockdesk.ui.district_tables import (
    ProblemRow,
    file_columns,
    order_columns,
    problem_columns,
    problem_rows,
    reporting_columns,
)
from stockdesk.ui.errors import PROBLEM_STYLE
from stockdesk.ui.models import FilterProxy, SnapshotModel
from stockdesk.ui.pages.base import Page
from stockdesk.ui.pages.requisitions import completed_months
from stockdesk.ui.requisition_view import RequisitionView
from stockdesk.ui.tables import read_only_table
from stockdesk.ui.tasks import CPU, Cancelled, Control

if TYPE_CHECKING:  # the workbook reader loads only when a folder is imported
    from stockdesk.services.requisition_import import FileOutcome


def _table(name: str, model: Any, *, stretch_last: bool = True) -> QTableView:
    return read_only_table(name, model, sortable=False, stretch_last=stretch_last,
                           fit_contents=True)


class DistrictPage(Page):
    key = "district"
    # tests wait on these
    reporting_loaded = Signal()
    import_finished = Signal(object)  # list[FileOutcome]
    import_progress = Signal(int, int)
    consolidated = Signal(object)  # Consolidation
    order_exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.outcomes: list[FileOutcome] = []
        self.consolidation: Consolidation | None = None
        self.import_job: Any = None
        self._build()
        ctx.bus.requisitions_changed.connect(self.mark_stale)
        ctx.bus.master_data_changed.connect(self._load_choices)
        self._load_choices()


    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        self.stack.setObjectName("districtStack")
        layout.addWidget(self.stack)
        main = QWidget()
        box = QVBoxLayout(main)
        box.setContentsMargins(0, 0, 0, 0)

        bar = QHBoxLayout()
        self.district = QComboBox()
        self.district.setObjectName("districtPicker")
        self.district.setMinimumContentsLength(14)
        label = QLabel(self.tr("&District:"))
        label.setBuddy(self.district)
        bar.addWidget(label)
        bar.addWidget(self.district)
        self.period = QComboBox()
        self.period.setObjectName("districtPeriod")
        for p in completed_months(self.ctx.today()):
            self.period.addItem(i18n.month(p), p)
        label = QLabel(self.tr("&Period:"))
        label.setBuddy(self.period)
        bar.addWidget(label)
        bar.addWidget(self.period)
        self.program = QComboBox()
        self.program.setObjectName("districtProgram")
        self.program.addItem(self.tr("All programs"), None)
        label = QLabel(self.tr("P&rogram:"))
        label.setBuddy(self.program)
        bar.addWidget(label)
        bar.addWidget(self.program)
        bar.addStretch(1)
        self.import_button = QPushButton(self.tr("&Import folder…"))
        self.import_button.setObjectName("importFolder")
        self.import_button.clicked.connect(self.import_folder)
        bar.addWidget(self.import_button)
        self.consolidate_button = QPushButton(self.tr("&Consolidate"))
        self.consolidate_button.setObjectName("consolidate")
        self.consolidate_button.setEnabled(self.ctx.may("requisition.approve"))
        self.consolidate_button.clicked.connect(self.consolidate)
        bar.addWidget(self.consolidate_button)
        box.addLayout(bar)
        for combo in (self.district, self.period, self.program):
            combo.currentIndexChanged.connect(self._choice_changed)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("districtTabs")
        box.addWidget(self.tabs, 1)

        # reporting
        reporting = QWidget()
        rbox = QVBoxLayout(reporting)
        self.reporting_summary = QLabel()
        self.reporting_summary.setObjectName("reportingSummary")
        self.reporting_summary.setWordWrap(True)
        rbox.addWidget(self.reporting_summary)
        self.reporting_model: SnapshotModel[ReportingRow] = SnapshotModel(reporting_columns(),
                                                                          self)
        self.reporting_table = _table("reportingTable", self.reporting_model)
        self.reporting_table.activated.connect(self._open_reporting)
        self.reporting_table.doubleClicked.connect(self._open_reporting)
        rbox.addWidget(self.reporting_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.open_reporting = QPushButton(self.tr("&Open requisition"))
        self.open_reporting.setObjectName("openReported")
        self.open_reporting.clicked.connect(
            lambda: self._open_reporting(self.reporting_table.currentIndex()))
        row.addWidget(self.open_reporting)
        rbox.addLayout(row)
        self.tabs.addTab(reporting, self.tr("Reporting"))

        # import results
        imports = QWidget()
        ibox = QVBoxLayout(imports)
        self.import_summary = QLabel(self.tr(
            "Import a folder of R&R workbooks sent by the facilities: each file is checked "
            "and imported whole, or refused with the reasons."))
        self.import_summary.setObjectName("importSummary")
        self.import_summary.setWordWrap(True)
        ibox.addWidget(self.import_summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.files_model: SnapshotModel[FileOutcome] = SnapshotModel(file_columns(), self)
        self.files_table = _table("importResults", self.files_model)
        self.files_table.selectionModel().currentRowChanged.connect(self._file_selected)
        self.files_table.activated.connect(self._open_file)
        split.addWidget(self.files_table)
        problems = QWidget()
        pbox = QVBoxLayout(problems)
        pbox.setContentsMargins(0, 0, 0, 0)
        self.problems_heading = QLabel(self.tr("Problems of the selected file"))
        self.problems_heading.setObjectName("problemsHeading")
        pbox.addWidget(self.problems_heading)
        self.problems_model: SnapshotModel[ProblemRow] = SnapshotModel(problem_columns(), self)
        self.problems_proxy = FilterProxy(self)
        self.problems_proxy.setSourceModel(self.problems_model)
        self.problems_table = _table("importProblems", self.problems_proxy)
        pbox.addWidget(self.problems_table, 1)
        split.addWidget(problems)
        ibox.addWidget(split, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.open_imported = QPushButton(self.tr("Open the imported &requisition"))
        self.open_imported.setObjectName("openImported")
        self.open_imported.clicked.connect(
            lambda: self._open_file(self.files_table.currentIndex()))
        row.addWidget(self.open_imported)
        ibox.addLayout(row)
        self.tabs.addTab(imports, self.tr("Import"))

        # the order
        order = QWidget()
        obox = QVBoxLayout(order)
        self.order_summary = QLabel(self.tr(
            "Consolidate sums the approved quantities of the period's requisitions into the "
            "district's order to the warehouse."))
        self.order_summary.setObjectName("orderSummary")
        self.order_summary.setWordWrap(True)
        obox.addWidget(self.order_summary)
        self.order_model: SnapshotModel[ProductTotal] = SnapshotModel(order_columns(), self)
        self.order_proxy = FilterProxy(self)
        self.order_proxy.setSourceModel(self.order_model)
        self.order_table = _table("orderTable", self.order_proxy, stretch_last=False)
        self.order_table.setSortingEnabled(True)
        self.order_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.order_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        obox.addWidget(self.order_table, 1)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("orderMissing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(PROBLEM_STYLE)
        obox.addWidget(self.missing_label)
        row = QHBoxLayout()
        self.order_message = QLabel()
        self.order_message.setObjectName("orderMessage")
        self.order_message.setWordWrap(True)
        row.addWidget(self.order_message, 1)
        self.export_button = QPushButton(self.tr("&Export warehouse order…"))
        self.export_button.setObjectName("exportOrder")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_order)
        row.addWidget(self.export_button)
        obox.addLayout(row)
        self.tabs.addTab(order, self.tr("Order"))

        # outlook: what needs action across the district, computed on demand
        self.outlook = OutlookTab(self.ctx, self.district.currentData, self.navigate.emit)
        self.tabs.addTab(self.outlook, OutlookTab.title())
        self.district.currentIndexChanged.connect(self.outlook.district_changed)

        self.stack.addWidget(main)
        self.main = main
        self.view = RequisitionView(self.ctx)
        self.view.back_requested.connect(self.show_main)
        self.view.back_button.setText(self.tr("&Back to the district"))
        self.view.changed.connect(
            lambda doc: self.ctx.bus.requisitions_changed.emit(doc.header.facility_code))
        self.stack.addWidget(self.view)

    # -- choices ---------------------------------------------------------------------------

    def _load_choices(self) -> None:
        def work(control: Control) -> tuple[list[str], list[tuple[str, str]]]:
            directory = self.ctx.service(DirectoryService)
            return directory.districts(), directory.programs()

        self.ctx.tasks.run(work, lambda result: self._choices_loaded(*result), parent=self)

    def _choices_loaded(self, districts: list[str], programs: list[tuple[str, str]]) -> None:
        for combo, items in ((self.district, [(d, d) for d in districts]),
                             (self.program, [(self.tr("All programs"), None),
                                             *((n, c) for c, n in programs)])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.mark_stale()

    def chosen(self) -> tuple[str | None, str, str | None]:
        return self.district.currentData(), self.period.currentData(), \
            self.program.currentData()

    def _choice_changed(self) -> None:
        self.consolidation = None
        self.order_model.set_rows([])
        self.export_button.setEnabled(False)
        self.missing_label.clear()
        self.mark_stale()

    # -- reporting -------------------------------------------------------------------------

    def refresh(self) -> None:
        district, period, program = self.chosen()
        if not district:
            return
        self.ctx.tasks.run(
            lambda c: self.ctx.service(DistrictViewService).reporting(district, period,
                                                                      program),
            lambda rows: self._reporting_loaded((district, period, program), rows),
            parent=self)

    def _reporting_loaded(self, asked: tuple[Any, ...], rows: list[ReportingRow]) -> None:
        if asked != self.chosen():
            return
        self.reporting_model.set_rows(rows)
        missing = sorted({r.facility_name for r in rows if not r.reported})
        facilities = {r.facility for r in rows}
        if missing:
            self.reporting_summary.setText(self.tr(
                "{missing} of {count} facilities have not reported for {period}: "
                "{names}.").format(missing=i18n.number(len(missing)),
                                   count=i18n.number(len(facilities)),
                                   period=i18n.month(asked[1]), names=", ".join(missing)))
            self.reporting_summary.setStyleSheet(PROBLEM_STYLE + " font-weight: bold;")
        else:
            self.reporting_summary.setText(self.tr(
                "All {count} facilities have reported for {period}.").format(
                count=i18n.number(len(facilities)), period=i18n.month(asked[1])))
            self.reporting_summary.setStyleSheet("")
        self.reporting_loaded.emit()

    def _open_reporting(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.reporting_model.row(index)
        if row.status is None or row.program is None:
            return
        self.open_requisition(row.facility, self.chosen()[1], row.program, row.emergency)

    def open_requisition(self, facility: str, period: str, program: str,
                         emergency: bool = False) -> None:
        self.stack.setCurrentWidget(self.view)
        self.view.load(facility, period, program, emergency)
        self.view.table.setFocus()

    def show_main(self) -> None:
        self.stack.setCurrentWidget(self.main)
        if self.stale:
            self.activate()

    def open_target(self, target: dict[str, Any]) -> None:
        period = target.get("period")
        if period:
            index = self.period.findData(period)
            if index >= 0:
                self.period.setCurrentIndex(index)

    # -- import ----------------------------------------------------------------------------

    def import_folder(self) -> None:
        start = self.ctx.settings.get(keys.LAST_FOLDER) or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder of R&R workbooks to import"), start)
        if not folder:
            return
        self.ctx.settings.set(keys.LAST_FOLDER, folder)

        def workbooks(control: Control) -> list[Path]:  # a USB stick or a share can be slow
            return sorted(p for p in Path(folder).iterdir()
                          if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$"))

        self.ctx.tasks.run(workbooks, self.import_files, lane="cpu")

    def import_files(self, paths: list[Path]) -> None:
        if not paths:
            self.tabs.setCurrentIndex(1)
            self.import_summary.setText(self.tr("The folder holds no Excel workbook (.xlsx)."))
            return
        self.import_button.setEnabled(False)
        self.tabs.setCurrentIndex(1)
        self.import_summary.setText(self.tr("Importing {count} files…").format(
            count=i18n.number(len(paths))))

        def work(control: Control) -> list[FileOutcome]:
            def progress(done: int, total: int) -> None:
                self.import_progress.emit(done, total)
                if not control.cancelled:  # a cancel stops between files, keeping the list
                    control.progress(done, total)

            # imported here: the workbook reader is only needed when a folder is imported
            from stockdesk.services.requisition_import import RequisitionImportService

            return self.ctx.service(RequisitionImportService).import_files(
                paths, progress=progress, cancelled=lambda: control.cancelled)

        def failed(exc: BaseException) -> bool:
            self.import_button.setEnabled(True)
            if isinstance(exc, Cancelled):
                self.import_summary.setText(self.tr("The import was cancelled."))
                self.ctx.bus.requisitions_changed.emit("")
                return True
            return False

        self.import_job = self.ctx.tasks.run(
            work, lambda outcomes: self._imported(paths, outcomes), failed,
            title=self.tr("Importing requisitions"), parent=self)

    def _imported(self, paths: list[Path], outcomes: list[FileOutcome]) -> None:
        self.import_button.setEnabled(True)
        self.outcomes = outcomes
        self.files_model.set_rows(outcomes)
        counts = {s: sum(1 for o in outcomes if o.status == s)
                  for s in ("imported", "replaced", "skipped", "refused")}
        text = self.tr("{imported} imported, {replaced} replaced, {skipped} already there, "
                       "{refused} refused.").format(**{k: i18n.number(v)
                                                       for k, v in counts.items()})
        if len(outcomes) < len(paths):
            text = self.tr("{done} Cancelled: {left} of {count} files were not looked at "
                           "and nothing of them was imported.").format(
                done=text, left=i18n.number(len(paths) - len(outcomes)),
                count=i18n.number(len(paths)))
        self.import_summary.setText(text)
        if outcomes:
            first = next((i for i, o in enumerate(outcomes) if o.status == "refused"), 0)
            self.files_table.setCurrentIndex(self.files_model.index(first, 0))
        self.files_table.setFocus()
        self.ctx.bus.requisitions_changed.emit("")
        self.import_finished.emit(outcomes)

    def _file_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.problems_model.set_rows([])
            return
        outcome = self.files_model.row(current)
        self.problems_model.set_rows(problem_rows(outcome))
        self.problems_heading.setText(self.tr("Problems of {file}: {count}").format(
            file=outcome.file, count=i18n.number(len(outcome.problems))))
        self.open_imported.setEnabled(outcome.status in ("imported", "replaced", "skipped")
                                      and outcome.facility is not None)

    def _open_file(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        o = self.files_model.row(index)
        if o.status == "refused" or not (o.facility and o.period and o.program):
            return
        self.open_requisition(o.facility, o.period, o.program)

    # -- consolidation ---------------------------------------------------------------------

    def consolidate(self) -> None:
        district, period, program = self.chosen()
        if not district:
            return
        self.ctx.tasks.run(
            lambda c: self.ctx.service(ConsolidationService).consolidate(district, period,
                                                                         program),
            self._consolidated, title=self.tr("Consolidating the district order"), parent=self)

    def _consolidated(self, c: Consolidation) -> None:
        self.consolidation = c
        self.tabs.setCurrentIndex(2)
        self.order_model.set_rows(c.products)
        facilities = len(c.facilities)
        if c.products and len(c.unpriced) == len(c.products):
            self.order_summary.setText(self.tr(
                "{ordering} of {count} facilities ordering, {products} products, "
                "{packs} packs; no product has a price to cost the order.").format(
                ordering=i18n.number(len(c.ordering_facilities)),
                count=i18n.number(facilities), products=i18n.number(len(c.products)),
                packs=i18n.number(c.total_packs)))
        elif c.products:
            self.order_summary.setText(self.tr(
                "{ordering} of {count} facilities ordering, {products} products, "
                "{packs} packs, total cost {cost}.").format(
                ordering=i18n.number(len(c.ordering_facilities)),
                count=i18n.number(facilities), products=i18n.number(len(c.products)),
                packs=i18n.number(c.total_packs), cost=i18n.number(float(c.total_cost), 2)))
        else:
            self.order_summary.setText(self.tr(
                "Nothing approved to order for {period} yet: approve the facilities' "
                "requisitions first.").format(period=i18n.month(c.period)))
        lines = []
        if c.not_reported:
            lines.append(self.tr("Not reported: {names}").format(names=", ".join(
                m.facility_name + (f" [{words.program(m.program)}]" if m.program else "")
                for m in c.not_reported)))
        if c.not_approved:
            lines.append(self.tr("Not yet approved: {names}").format(names=", ".join(
                f"{p.facility_name} [{words.program(p.program)}]" for p in c.not_approved)))
        self.missing_label.setText("\n".join(lines))
        self.export_button.setEnabled(bool(c.lines))
        self.order_message.clear()
        self.consolidated.emit(c)

    def export_order(self) -> None:
        c = self.consolidation
        if c is None:
            return
        folder = self.ctx.settings.get(keys.LAST_FOLDER) or str(Path.home())
        name = f"order_{c.district.replace(' ', '_')}_{c.period}"
        xlsx = self.tr("Excel workbook (*.xlsx)")
        csv = self.tr("Order file for the warehouse, CSV (*.csv)")
        pdf = self.tr("PDF document (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the warehouse order"), str(Path(folder) / f"{name}.xlsx"),
            ";;".join((xlsx, csv, pdf)))
        if not path:
            return
        target = Path(path)
        suffix = target.suffix.lower()
        if suffix not in (".xlsx", ".csv", ".pdf"):
            suffix = ".csv" if chosen == csv else ".pdf" if chosen == pdf else ".xlsx"
            target = target.with_name(target.name + suffix)
        from stockdesk.exchange.order_files import (  # the file writers load on first export
            write_consolidation_pdf,
            write_consolidation_xlsx,
            write_orders_csv,
        )

        writer = {".xlsx": write_consolidation_xlsx, ".csv": write_orders_csv,
                  ".pdf": write_consolidation_pdf}[suffix]
        self.ctx.settings.set(keys.LAST_FOLDER, str(target.parent))

        def done(_: object) -> None:
            self.order_message.setText(self.tr("Saved to {path}").format(path=str(target)))
            self.order_exported.emit(str(target))

        self.ctx.tasks.run(lambda ctl: writer(c, target), done, lane=CPU,
                           title=self.tr("Writing the warehouse order"), parent=self)
