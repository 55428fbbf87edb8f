"""Administration › Import: facilities, the catalogue, stock levels, ledger transactions or
monthly history from CSV or Excel files, as ``stockdesk import`` does on the command line.

Each file is imported whole or not at all; the result lists every file with what became of it,
and the problems of the file chosen with the row and column they sit in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from stockdesk.exchange.columns import SCHEMAS
from stockdesk.problems import Problem, ProblemsFound, Severity
from stockdesk.services.imports import ImportResult, ImportService
from stockdesk.ui import i18n, words
from stockdesk.ui import settings as keys
from stockdesk.ui.admin_widgets import named, problem_words, say
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import problem_label
from stockdesk.ui.models import RIGHT, Col, FilterProxy, SnapshotModel
from stockdesk.ui.tables import fit_columns, read_only_table
from stockdesk.ui.tasks import Cancelled, Control

KINDS = ImportService.KINDS
MASTER_KINDS = frozenset({"facilities", "catalogue", "levels"})
# what became of a file: the service's three outcomes, and two for files a Cancel stopped
IMPORTED, SKIPPED, REFUSED, CANCELLED, NOT_REACHED = (
    "imported", "skipped", "refused", "cancelled", "not_reached")
OUTCOME_COLOUR = {IMPORTED: "#c8e6c9", SKIPPED: "#e0e0e0", REFUSED: "#ffcdd2",
                  CANCELLED: "#ffe0b2", NOT_REACHED: "#ffe0b2"}
SEVERITY_COLOUR = {Severity.ERROR: "#ffcdd2", Severity.WARNING: "#fff3c4",
                   Severity.INFO: "#e3f2fd"}
STEPS = 1000  # progress steps per file


@dataclass(frozen=True)
class FileOutcome:
    """One file of an import and what became of it."""

    file: str
    path: str
    outcome: str
    rows: int
    problems: tuple[Problem, ...] = field(default=())

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)


def outcome_of(path: Path, result: ImportResult) -> FileOutcome:
    outcome = result.status
    if outcome == REFUSED and any(p.code == "import.cancelled" for p in result.problems):
        outcome = CANCELLED
    return FileOutcome(path.name, str(path), outcome, result.rows, result.problems)


def import_files(service: ImportService, kind: str, paths: list[Path], texts: list[str],
                 control: Control) -> list[FileOutcome]:
    """Import ``paths`` one after the other (each whole or not at all); a Cancel stops the
    file being read, which changes nothing, and the files after it are not started."""
    count = len(paths)
    outcomes: list[FileOutcome] = []
    for i, path in enumerate(paths):
        if control.cancelled:
            outcomes.append(FileOutcome(path.name, str(path), NOT_REACHED, 0))
            continue

        def report(done: int, total: int, i: int = i) -> None:
            if not control.cancelled:  # the service then stops and says it was cancelled
                share = done * STEPS // max(total, 1)
                control.progress(i * STEPS + min(share, STEPS), count * STEPS, texts[i])

        try:
            report(0, 1)
            result = service.import_file(kind, path, progress=report,
                                         cancelled=lambda: control.cancelled)
        except Cancelled:  # cancelled between two reports: the file's transaction unwound
            outcomes.append(FileOutcome(path.name, str(path), CANCELLED, 0))
            continue
        outcomes.append(outcome_of(path, result))
    return outcomes


@dataclass(frozen=True)
class ProblemLine:
    severity: Severity
    sheet: str
    row: int | None
    column: str
    text: str


def problem_lines(outcome: FileOutcome) -> list[ProblemLine]:
    lines = []
    for p in outcome.problems:
        where = p.where
        lines.append(ProblemLine(
            p.severity, (where.sheet or "") if where else "",
            where.row if where else None, (where.column or "") if where else "",
            problem_words(Problem(p.code, p.params, p.severity))))
    return lines


class ImportTab(QWidget):
    """Choose what the files hold, choose the files, read what became of each."""

    import_finished = Signal()  # the outcomes are shown (tests wait on it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)

        intro = QLabel(self.tr("Bring in records exported from another system or a "
                               "spreadsheet. Each file is imported whole or not at all: if one "
                               "of its rows has an error, nothing of that file is saved. A file "
                               "imported before is recognised and changes nothing."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        layout.addLayout(form)
        self.kind = named(QComboBox(), "importKind")
        for kind in self.kinds_for(ctx):
            self.kind.addItem(self.kind_name(kind), kind)
        label = QLabel(self.tr("&What the files hold:"))
        label.setBuddy(self.kind)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        self.choose_button = named(QPushButton(self.tr("&Choose files…")), "importChoose")
        self.choose_button.setDefault(True)
        self.choose_button.setAutoDefault(True)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        form.addRow(label, row)
        self.description = named(QLabel(), "importDescription")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.description)
        self.columns = named(QLabel(), "importColumns")
        self.columns.setWordWrap(True)
        self.columns.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.columns.setStyleSheet("color: #555;")
        layout.addWidget(self.columns)

        self.status = named(QLabel(), "importStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.problem = problem_label("importProblem")
        layout.addWidget(self.problem)

        self.model: SnapshotModel[FileOutcome] = SnapshotModel([
            Col("file", lambda: self.tr("File"), lambda r: r.file, searchable=True,
                tooltip=lambda r: r.path),
            Col("outcome", lambda: self.tr("Outcome"), lambda r: r.outcome,
                text=self.outcome_word, colour=lambda r: OUTCOME_COLOUR.get(r.outcome)),
            Col("rows", lambda: self.tr("Rows"), lambda r: r.rows, text=i18n.number,
                align=RIGHT),
            Col("problems", lambda: self.tr("Problems"), lambda r: len(r.problems),
                text=i18n.number, align=RIGHT),
        ], self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table("importResults", self.proxy, stretch_last=False)
        self.problems_model: SnapshotModel[ProblemLine] = SnapshotModel([
            Col("severity", lambda: self.tr("Severity"), lambda r: int(r.severity),
                text=lambda v: words.severity(Severity(v)),
                colour=lambda r: SEVERITY_COLOUR.get(r.severity)),
            Col("sheet", lambda: self.tr("Sheet"), lambda r: r.sheet),
            Col("row", lambda: self.tr("Row"), lambda r: r.row,
                text=lambda v: "" if v is None else i18n.number(v), align=RIGHT),
            Col("column", lambda: self.tr("Column"), lambda r: r.column),
            Col("problem", lambda: self.tr("Problem"), lambda r: r.text,
                tooltip=lambda r: r.text),
        ], self)
        self.problems_proxy = FilterProxy(self)
        self.problems_proxy.setSourceModel(self.problems_model)
        self.problems_table = read_only_table("importProblems", self.problems_proxy)

        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        files_label = QLabel(self.tr("File&s:"))
        files_label.setBuddy(self.table)
        box.addWidget(files_label)
        box.addWidget(self.table)
        bottom = QWidget()
        box = QVBoxLayout(bottom)
        box.setContentsMargins(0, 0, 0, 0)
        problems_label = QLabel(self.tr("&Problems in the selected file (row and column as "
                                        "the spreadsheet shows them):"))
        problems_label.setWordWrap(True)
        problems_label.setBuddy(self.problems_table)
        box.addWidget(problems_label)
        box.addWidget(self.problems_table)
        self.detail = named(QLabel(), "importProblemDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.detail)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.kind, self.choose_button)
        self.setTabOrder(self.choose_button, self.table)
        self.setTabOrder(self.table, self.problems_table)

        self.kind.currentIndexChanged.connect(lambda _: self._describe())
        self.choose_button.clicked.connect(self.choose_files)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_file_problems())
        self.problems_table.selectionModel().selectionChanged.connect(self._problem_picked)
        self._describe()

    # -- words -----------------------------------------------------------------------------

    @staticmethod
    def kinds_for(ctx: AppContext) -> list[str]:
        """The kinds of file this user may import (the tab is shown when there is one)."""
        return [k for k in KINDS if ctx.may(f"import.{k}")]

    def kind_name(self, kind: str) -> str:
        names = {
            "facilities": self.tr("Facilities"),
            "catalogue": self.tr("Product catalogue"),
            "levels": self.tr("Stock levels"),
            "ledger": self.tr("Ledger transactions"),
            "history": self.tr("Monthly history (LMIS reports)"),
        }
        return names.get(kind, kind)

    def kind_description(self, kind: str) -> str:
        texts = {
            "facilities": self.tr(
                "One row per facility: its code, name, type (health centre, hospital or "
                "district store), district, region and the code of the facility that supplies "
                "it. A facility already known is updated."),
            "catalogue": self.tr(
                "One row per product: code, name, strength, form, dispensing unit, pack size, "
                "price per pack, program, ATC code and barcode (GTIN). A product already known "
                "is updated."),
            "levels": self.tr(
                "One row per program and facility type: maximum, minimum and emergency order "
                "point in months of stock, lead time and review period in months."),
            "ledger": self.tr(
                "One row per stock movement: date, facility code, product code, kind (receipt, "
                "issue, loss, adjustment, transfer or physical count) and quantity; lot, "
                "expiry, reason and reference when known."),
            "history": self.tr(
                "One row per facility, product and month: opening balance (A), received (B), "
                "consumed (C), losses and adjustments (D), closing balance (E) and stockout "
                "days (X)."),
        }
        return texts.get(kind, "")

    def columns_text(self, kind: str) -> str:
        schema = SCHEMAS[kind]
        names = ", ".join(f.name + ("*" if f.required else "") for f in schema.fields)
        return self.tr("Columns (* required): {columns}. Common other headers are recognised "
                       "too; dates are YYYY-MM-DD or DD/MM/YYYY, months YYYY-MM.").format(
            columns=names)

    def outcome_word(self, outcome: str) -> str:
        texts = {
            IMPORTED: self.tr("Imported"),
            SKIPPED: self.tr("Already imported"),
            REFUSED: self.tr("Refused"),
            CANCELLED: self.tr("Cancelled"),
            NOT_REACHED: self.tr("Not imported"),
        }
        return texts.get(outcome, outcome)

    def _describe(self) -> None:
        kind = self.current_kind()
        self.description.setText(self.kind_description(kind) if kind else "")
        self.columns.setText(self.columns_text(kind) if kind else "")

    def current_kind(self) -> str:
        return str(self.kind.currentData() or "")

    def select_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    # -- importing -------------------------------------------------------------------------

    def choose_files(self) -> None:
        kind = self.current_kind()
        if not kind:
            return
        folder = self.ctx.settings.get(keys.LAST_FOLDER) or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose the files to import"), folder,
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"))
        if not chosen:
            return
        paths = [Path(p) for p in chosen]
        self.ctx.settings.set(keys.LAST_FOLDER, str(paths[0].parent))
        self.start(kind, paths)

    def start(self, kind: str, paths: list[Path]) -> None:
        """Import ``paths`` as ``kind`` in the background, with progress and Cancel."""
        say(self.problem, "")
        self.status.setText(self.tr("Importing…"))
        self.choose_button.setEnabled(False)
        self.kind.setEnabled(False)
        count = len(paths)
        texts = [self.tr("Importing {file} (file {number} of {count})…").format(
            file=p.name, number=i18n.number(i + 1), count=i18n.number(count))
            for i, p in enumerate(paths)]
        service = self.ctx.service(ImportService)
        self.ctx.tasks.run(lambda c: import_files(service, kind, paths, texts, c),
                           lambda outcomes: self._done(kind, outcomes), self._failed,
                           title=self.tr("Importing {kind}…").format(kind=self.kind_name(kind)),
                           parent=self)

    def _done(self, kind: str, outcomes: list[FileOutcome]) -> None:
        self._ready()
        self.model.set_rows(outcomes)
        fit_columns(self.table, stretch="file")
        imported = sum(1 for o in outcomes if o.outcome == IMPORTED)
        refused = sum(1 for o in outcomes if o.outcome in (REFUSED, CANCELLED, NOT_REACHED))
        if refused:
            self.status.setText(self.tr(
                "Files imported: {imported} of {count}. A file not imported changed nothing: "
                "correct the rows listed below and import it again.").format(
                imported=i18n.number(imported), count=i18n.number(len(outcomes))))
        else:
            self.status.setText(self.tr("Files imported: {imported} of {count}.").format(
                imported=i18n.number(imported), count=i18n.number(len(outcomes))))
        first = next((i for i, o in enumerate(outcomes) if o.problems), 0)
        if outcomes:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(first, 0)).row())
        self._show_file_problems()
        if imported:
            if kind in MASTER_KINDS:
                self.ctx.bus.master_data_changed.emit()
            else:
                self.ctx.bus.stock_changed.emit(self.ctx.actor.facility or "")
        self.import_finished.emit()

    def _failed(self, exc: BaseException) -> bool:
        self._ready()
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("The import was cancelled; nothing changed."))
            self.import_finished.emit()
            return True
        if isinstance(exc, ProblemsFound):
            self.status.setText("")
            say(self.problem, "\n".join(problem_words(p) for p in exc.problems))
            self.import_finished.emit()
            return True
        self.status.setText("")
        return False

    def _ready(self) -> None:
        self.choose_button.setEnabled(True)
        self.kind.setEnabled(True)

    # -- the problems of the chosen file ---------------------------------------------------

    def selected_file(self) -> FileOutcome | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]))

    def _show_file_problems(self) -> None:
        chosen = self.selected_file()
        lines = problem_lines(chosen) if chosen is not None else []
        self.problems_model.set_rows(lines)
        self.problems_table.setColumnHidden(self.problems_model.column_index("sheet"),
                                            not any(line.sheet for line in lines))
        fit_columns(self.problems_table, stretch="problem")
        self.detail.setText(lines[0].text if lines else "")

    def _problem_picked(self, selected: QItemSelection, _: Any = None) -> None:
        rows = self.problems_table.selectionModel().selectedRows()
        if rows:
            line = self.problems_model.row(self.problems_proxy.mapToSource(rows[0]))
            self.detail.setText(line.text)
