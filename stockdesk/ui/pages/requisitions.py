"""The Requisitions page: the facility's Reports & Requisitions, newest period first, a new
one for a completed month, and each one opened as a document to fill in, sign and send."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stockdesk.problems import ProblemsFound
from stockdesk.requisition.document import Document
from stockdesk.services.directory import DirectoryService, RequisitionInfo
from stockdesk.services.requisitions import RequisitionService
from stockdesk.ui import i18n, words
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import PROBLEM_STYLE
from stockdesk.ui.models import RIGHT, Col, FilterProxy, SnapshotModel
from stockdesk.ui.pages.base import Page
from stockdesk.ui.requisition_view import RequisitionView, rnr_colour

DEFAULT_PROGRAM = "essential"


def _t(text: str) -> str:
    return QCoreApplication.translate("RequisitionsPage", text)


def completed_months(today: date, count: int = 24) -> list[str]:
    """The ``count`` months before ``today``'s, most recent first (``2026-10``, …)."""
    year, month = today.year, today.month
    out = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append(f"{year:04d}-{month:02d}")
    return out


def history_columns() -> list[Col[RequisitionInfo]]:
    return [
        Col("period", lambda: _t("Period"), lambda r: r.period, text=i18n.month,
            tooltip=lambda r: r.period),
        Col("program", lambda: _t("Program"), lambda r: r.program, text=words.program,
            searchable=True),
        Col("emergency", lambda: _t("Emergency"), lambda r: r.emergency,
            text=lambda v: _t("Emergency") if v else ""),
        Col("status", lambda: _t("Status"), lambda r: r.status, text=words.rnr_status,
            colour=lambda r: rnr_colour(r.status)),
        Col("lines", lambda: _t("Lines"), lambda r: r.lines, text=i18n.number, align=RIGHT),
        Col("created", lambda: _t("Created"), lambda r: r.created_at, text=i18n.stamp),
        Col("source", lambda: _t("Made"), lambda r: r.source,
            text=lambda v: _t("Imported from a file") if v == "imported" else _t("Here")),
    ]


class NewRequisitionDialog(QDialog):
    """Period, program and whether it is an emergency R&R; problems shown in place."""

    create_requested = Signal(str, str, bool)  # period, program, emergency

    def __init__(self, periods: list[str], programs: list[tuple[str, str]], program: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newRequisitionDialog")
        self.setWindowTitle(self.tr("New requisition"))
        form = QFormLayout(self)
        self.period = QComboBox()
        self.period.setObjectName("newPeriod")
        for p in periods:
            self.period.addItem(i18n.month(p), p)
        label = QLabel(self.tr("&Period:"))
        label.setBuddy(self.period)
        form.addRow(label, self.period)
        self.program = QComboBox()
        self.program.setObjectName("newProgram")
        for code, name in programs:
            self.program.addItem(words.program(code, name), code)
        self.program.setCurrentIndex(max(0, self.program.findData(program)))
        label = QLabel(self.tr("P&rogram:"))
        label.setBuddy(self.program)
        form.addRow(label, self.program)
        self.emergency = QCheckBox(self.tr("&Emergency requisition (outside the monthly "
                                           "cycle)"))
        self.emergency.setObjectName("newEmergency")
        form.addRow(self.emergency)
        self.problem = QLabel()
        self.problem.setObjectName("newProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("newButtons")
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Create"))
        self.ok.setObjectName("createRequisition")
        self.ok.setDefault(True)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choose_period(self, period: str) -> None:
        index = self.period.findData(period)
        if index >= 0:
            self.period.setCurrentIndex(index)

    def _create(self) -> None:
        self.problem.hide()
        self.ok.setEnabled(False)
        self.create_requested.emit(self.period.currentData(), self.program.currentData(),
                                   self.emergency.isChecked())

    def show_problem(self, text: str) -> None:
        self.ok.setEnabled(True)
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.adjustSize()


class RequisitionsPage(Page):
    key = "requisitions"
    # the history was loaded (tests wait on it)
    history_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.programs: list[tuple[str, str]] = []
        self.dialog: NewRequisitionDialog | None = None
        self._target: dict[str, Any] | None = None
        self._loaded_for: str | None = None
        self._build()
        ctx.bus.facility_changed.connect(self._facility_changed)
        ctx.bus.requisitions_changed.connect(self._requisitions_changed)


    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        self.stack.setObjectName("requisitionsStack")
        layout.addWidget(self.stack)

        self.list_page = QWidget()
        box = QVBoxLayout(self.list_page)
        box.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("requisitionsHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        top.addWidget(self.heading, 1)
        self.new_button = QPushButton(self.tr("&New requisition…"))
        self.new_button.setObjectName("newRequisition")
        self.new_button.clicked.connect(self.new_requisition)
        top.addWidget(self.new_button)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("openRequisition")
        self.open_button.clicked.connect(self._open_current)
        top.addWidget(self.open_button)
        box.addLayout(top)

        self.model: SnapshotModel[RequisitionInfo] = SnapshotModel(history_columns(), self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        box.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setObjectName("historyEmpty")
        self.empty.setWordWrap(True)
        box.addWidget(self.empty)
        self.stack.addWidget(self.list_page)

        self.view = RequisitionView(self.ctx)
        self.view.back_requested.connect(self.show_list)
        self.view.changed.connect(self._document_changed)
        self.stack.addWidget(self.view)
        self.setFocusProxy(self.table)

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        facility = self.ctx.facility
        self.new_button.setEnabled(bool(facility) and self.ctx.may("requisition.create"))
        if not facility:
            self.heading.setText(self.tr("Choose a facility at the top of the window."))
            self.model.set_rows([])
            return
        self.heading.setText(self.tr("Requisitions of {facility}").format(facility=facility))

        def work(control: Any) -> tuple[list[RequisitionInfo], list[tuple[str, str]]]:
            directory = self.ctx.service(DirectoryService)
            return directory.requisitions(facility=facility), directory.programs()

        self.ctx.tasks.run(work, lambda result: self._loaded(facility, *result), parent=self)

    def _loaded(self, facility: str, rows: list[RequisitionInfo],
                programs: list[tuple[str, str]]) -> None:
        if facility != self.ctx.facility:
            return
        self._loaded_for = facility
        self.programs = programs
        names = {r.facility: r.facility_name for r in rows}
        if facility in names:
            self.heading.setText(self.tr("Requisitions of {facility}").format(
                facility=names[facility]))
        self.model.set_rows(rows)
        self.open_button.setEnabled(bool(rows))
        self.empty.setText("" if rows else self.tr(
            "No requisition yet for this facility. Use New requisition to prepare the one "
            "of the month just completed."))
        self.empty.setVisible(not rows)
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.history_loaded.emit()
        if self._target is not None:
            target, self._target = self._target, None
            self.open_target(target)

    def _facility_changed(self, code: str) -> None:
        self.show_list()
        self.mark_stale()

    def _requisitions_changed(self, code: str) -> None:
        if code in ("", self.ctx.facility):
            self.mark_stale()

    # -- opening ---------------------------------------------------------------------------

    def _open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row(self.proxy.mapToSource(index))
        self.open_requisition(row.facility, row.period, row.program, row.emergency)

    def open_requisition(self, facility: str, period: str, program: str,
                         emergency: bool = False) -> None:
        self.stack.setCurrentWidget(self.view)
        self.view.load(facility, period, program, emergency)
        self.view.table.setFocus()

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus()

    def open_target(self, target: dict[str, Any]) -> None:
        """``{"period": "2026-10"}`` (and optionally ``"program"``): open that R&R, or offer
        to create it when there is none."""
        period = target.get("period")
        if not period:
            return
        if self._loaded_for != self.ctx.facility:
            self._target = target
            self.stale = True
            self.activate()
            return
        program = target.get("program")
        for r in self.model.rows:
            if r.period == period and (program is None or r.program == program) \
                    and not r.emergency:
                self.open_requisition(r.facility, r.period, r.program, r.emergency)
                return
        self.show_list()
        self.new_requisition(period, program)

    # -- creating --------------------------------------------------------------------------

    def new_requisition(self, period: str | None = None, program: str | None = None) -> None:
        if not self.ctx.facility or not self.ctx.may("requisition.create"):
            return
        programs = self.programs or [(DEFAULT_PROGRAM, DEFAULT_PROGRAM)]
        chosen = program or (DEFAULT_PROGRAM if any(c == DEFAULT_PROGRAM for c, _ in programs)
                             else programs[0][0])
        dialog = NewRequisitionDialog(completed_months(self.ctx.today()), programs, chosen,
                                      self)
        if period:
            dialog.choose_period(period)
        dialog.create_requested.connect(self._create)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _create(self, period: str, program: str, emergency: bool) -> None:
        facility = self.ctx.facility
        dialog = self.dialog

        def done(doc: Document) -> None:
            if dialog is not None:
                dialog.accept()
            self.dialog = None
            self.stack.setCurrentWidget(self.view)
            self.view.show_document(doc)
            self.ctx.bus.requisitions_changed.emit(facility)

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, ProblemsFound) and dialog is not None:
                dialog.show_problem("\n".join(words.problem(p) for p in exc.problems))
                return True
            if dialog is not None:
                dialog.show_problem("")
            return False

        self.ctx.tasks.run(
            lambda c: self.ctx.service(RequisitionService).create(
                facility, period, program, emergency=emergency),
            done, failed, title=self.tr("Preparing the requisition"), parent=self)

    def _document_changed(self, doc: Document) -> None:
        self.ctx.bus.requisitions_changed.emit(doc.header.facility_code)
