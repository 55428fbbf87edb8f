"""The Entry page: every stock movement a pharmacist records, with the keyboard alone.

One page, one document at a time: choose what happened (Alt+R receive, Alt+I issue, …), fill
the header (date, reference, the other party or the reason), type the lines, Ctrl+S posts the
whole document in one service call.  Problems stay on the field or cell they concern; nothing
is posted while any remains (the ledger guarantees it, the page shows it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stockdesk.inventory.kinds import REASONS, Kind, reasons_for
from stockdesk.problems import ProblemsFound
from stockdesk.services.directory import DirectoryService, FacilityInfo, MovementInfo, ProductInfo
from stockdesk.services.ledger import LedgerService, PostedMovement
from stockdesk.services.stock import LotStock, StockService
from stockdesk.ui import i18n, words
from stockdesk.ui.context import AppContext
from stockdesk.ui.entry_checks import (
    Findings,
    check_lines,
    count_inputs,
    line_inputs,
    place_problems,
    variance_note,
)
from stockdesk.ui.entry_grid import LinesGrid
from stockdesk.ui.entry_lines import COUNT, IN, OUT, Line, LinesModel
from stockdesk.ui.entry_reverse import MovementsModel, ReversePanel
from stockdesk.ui.errors import PROBLEM_STYLE, WARNING_STYLE
from stockdesk.ui.pages.base import Page

OK_STYLE = "color: #1b5e20; font-weight: bold;"
KINDS = (Kind.RECEIPT, Kind.ISSUE, Kind.LOSS, Kind.ADJUSTMENT, Kind.TRANSFER_OUT,
         Kind.TRANSFER_IN, Kind.COUNT, Kind.REVERSAL)
COUNT_REASONS = {"+": ["count_gain", "found", "returned_by_patient", "correction_plus"],
                 "-": ["count_loss", "damaged", "expired", "stolen", "lost", "recalled",
                       "correction_minus"]}

if TYPE_CHECKING:
    from stockdesk.exchange.rnr_pdf import CountSheet


@dataclass(frozen=True)
class Loaded:
    products: list[ProductInfo]
    facilities: list[FacilityInfo]
    programs: list[tuple[str, str]]


class EntryPage(Page):
    key = "entry"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind: Kind = Kind.RECEIPT
        self.products: list[ProductInfo] = []
        self.facilities: list[FacilityInfo] = []
        self.service_cells: Findings = Findings()
        self.sheet: CountSheet | None = None
        self.loaded = False
        self.posting = False
        self._build()
        self._set_kind(Kind.RECEIPT)
        ctx.bus.facility_changed.connect(self._facility_changed)
        ctx.bus.stock_changed.connect(self._stock_changed)
        ctx.bus.master_data_changed.connect(self.mark_stale)


    # -- building ----------------------------------------------------------------------------

    def _kind_text(self, kind: Kind) -> str:
        return {
            Kind.RECEIPT: self.tr("&Receive"), Kind.ISSUE: self.tr("&Issue"),
            Kind.LOSS: self.tr("Lo&ss"), Kind.ADJUSTMENT: self.tr("Ad&justment"),
            Kind.TRANSFER_OUT: self.tr("Transfer &out"),
            Kind.TRANSFER_IN: self.tr("Transfer i&n"),
            Kind.COUNT: self.tr("Physical &count"), Kind.REVERSAL: self.tr("Re&verse a movement"),
        }[kind]

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)

        kinds = QHBoxLayout()
        kinds.setSpacing(4)
        self.kind_buttons = QButtonGroup(self)
        self.kind_buttons.setExclusive(True)
        for kind in KINDS:
            button = QPushButton(self._kind_text(kind))
            button.setObjectName(f"kind_{kind.value}")
            button.setCheckable(True)
            button.setToolTip(words.kind(kind.value))
            self.kind_buttons.addButton(button)
            kinds.addWidget(button)
            button.toggled.connect(lambda on, k=kind: self._kind_toggled(on, k))
        kinds.addStretch(1)
        outer.addLayout(kinds)

        self.heading = QLabel()
        self.heading.setObjectName("entryHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        outer.addWidget(self.heading)

        outer.addLayout(self._build_header())

        self.stack = QStackedWidget()
        self.model = LinesModel(self)
        self.model.reason_choices = COUNT_REASONS
        self.grid = LinesGrid(self.model)
        self.model.product_changed.connect(self._product_changed)
        self.model.lines_edited.connect(self._lines_edited)
        self.stack.addWidget(self.grid)
        self.movements = MovementsModel(self, last_day=self.ctx.today)
        self.reverse_panel = ReversePanel(self.movements)
        self.reverse_panel.count_again.connect(self._count_again)
        self.movement_view = self.reverse_panel.view
        self.stack.addWidget(self.reverse_panel)
        outer.addWidget(self.stack, 1)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("entryProblems")
        self.problems_label.setStyleSheet(PROBLEM_STYLE)
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("entryWarnings")
        self.warnings_label.setStyleSheet(WARNING_STYLE)
        self.warnings_label.setWordWrap(True)
        self.confirmation = QLabel()
        self.confirmation.setObjectName("entryConfirmation")
        self.confirmation.setStyleSheet(OK_STYLE)
        self.confirmation.setWordWrap(True)
        for label in (self.problems_label, self.warnings_label, self.confirmation):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            label.hide()
            outer.addWidget(label)

        buttons = QHBoxLayout()
        self.hint = QLabel(self.tr("Tab or Enter: next cell · Enter on the last cell: new line "
                                   "· Delete: remove line · Esc: undo the cell · Ctrl+S: post"))
        self.hint.setObjectName("entryHint")
        self.hint.setStyleSheet("color: #555;")
        self.hint.setWordWrap(True)
        buttons.addWidget(self.hint, 1)
        self.print_button = QPushButton(self.tr("Print coun&t sheet…"))
        self.print_button.setObjectName("printCountSheet")
        self.print_button.clicked.connect(self.print_count_sheet)
        buttons.addWidget(self.print_button)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("entryClear")
        self.clear_button.clicked.connect(self.clear)
        buttons.addWidget(self.clear_button)
        self.post_button = QPushButton(self.tr("&Post (Ctrl+S)"))
        self.post_button.setObjectName("entryPost")
        self.post_button.setDefault(True)
        self.post_button.clicked.connect(self.post)
        buttons.addWidget(self.post_button)
        outer.addLayout(buttons)

        post = QShortcut(QKeySequence.StandardKey.Save, self)
        post.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        post.activated.connect(self.post)
        QWidget.setTabOrder(self.date_edit, self.reference)

    def _field(self, grid: QGridLayout, column: int, label_text: str, widget: QWidget,
               name: str) -> tuple[QLabel, QLabel]:
        label = QLabel(label_text)
        label.setBuddy(widget)
        error = QLabel()
        error.setObjectName(f"{name}Problem")
        error.setStyleSheet(PROBLEM_STYLE)
        error.setWordWrap(True)
        error.hide()
        grid.addWidget(label, 0, column)
        grid.addWidget(widget, 1, column)
        grid.addWidget(error, 2, column)
        return label, error

    def _build_header(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat(i18n.date_edit_format())
        self.date_edit.setObjectName("entryDate")
        self.date_edit.setCalendarPopup(True)
        today = self.ctx.today()
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.dateChanged.connect(self._date_changed)
        self.date_label, self.date_problem = self._field(grid, 0, self.tr("&Date:"),
                                                         self.date_edit, "date")

        self.reference = QLineEdit()
        self.reference.setObjectName("entryReference")
        self.reference.setMaxLength(100)
        self.reference_label, self.reference_problem = self._field(
            grid, 1, self.tr("R&eference:"), self.reference, "reference")

        self.counterparty = QComboBox()
        self.counterparty.setObjectName("counterparty")
        self.counterparty.setEditable(True)
        self.counterparty.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.counterparty.setMinimumContentsLength(28)
        self.counterparty.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.counterparty_label, self.counterparty_problem = self._field(
            grid, 2, "", self.counterparty, "counterparty")

        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self.reason_label, self.reason_problem = self._field(
            grid, 2, self.tr("Re&ason:"), self.reason, "reason")

        self.program = QComboBox()
        self.program.setObjectName("countProgram")
        self.program.currentIndexChanged.connect(self._program_changed)
        self.program_label, _ = self._field(grid, 2, self.tr("Progra&m:"), self.program,
                                            "program")

        self.reverse_reason = QLineEdit()
        self.reverse_reason.setObjectName("reverseReason")
        self.reverse_reason.setPlaceholderText(self.tr("Why is this movement wrong?"))
        self.reverse_reason_label, self.reverse_reason_problem = self._field(
            grid, 1, self.tr("&Why is it reversed:"), self.reverse_reason, "reverse_reason")
        # fields never shown together share a column: what is shown stays side by side
        for col, stretch in enumerate((0, 1, 2, 2)):
            grid.setColumnStretch(col, stretch)
        return grid

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        directory = self.ctx.service(DirectoryService)

        def work(_: Any) -> Loaded:
            return Loaded(directory.products(), directory.facilities(), directory.programs())

        self.ctx.tasks.run(work, self._loaded, parent=self)
        if self.kind == Kind.REVERSAL:
            self._load_movements()
        elif self.kind == Kind.COUNT:
            self._load_sheet()

    def _loaded(self, loaded: Loaded) -> None:
        self.products = loaded.products
        self.facilities = loaded.facilities
        self.model.set_products(loaded.products)
        self._fill_counterparties()
        current = self.program.currentData()
        self.program.blockSignals(True)
        self.program.clear()
        self.program.addItem(self.tr("All programs"), None)
        for code, name in loaded.programs:
            self.program.addItem(name, code)
        self.program.setCurrentIndex(max(self.program.findData(current), 0))
        self.program.blockSignals(False)
        self.loaded = True
        self._reload_lots()

    def _fill_counterparties(self) -> None:
        text = self.counterparty.currentText()
        self.counterparty.clear()
        for f in self.facilities:
            if f.code != self.ctx.facility:
                self.counterparty.addItem(f.label, f.code)
        self.counterparty.setCurrentIndex(-1)
        self.counterparty.setEditText(text)

    def _facility_changed(self, _: str) -> None:
        self._fill_counterparties()
        self._show_findings(Findings())
        if self.kind == Kind.COUNT:
            self.model.clear()
            self._load_sheet()
        elif self.kind == Kind.REVERSAL:
            self._load_movements()
        else:
            self._reload_lots()

    def _stock_changed(self, facility: str) -> None:
        if facility == self.ctx.facility and self.kind == Kind.REVERSAL:
            self._load_movements()

    # -- kinds -------------------------------------------------------------------------------

    def _kind_toggled(self, on: bool, kind: Kind) -> None:
        if on and kind != self.kind:
            self._set_kind(kind)
            self._focus_start()

    def _focus_start(self) -> None:
        """Where typing starts for this kind: what it needs first."""
        if self.kind == Kind.REVERSAL:
            self.movement_view.setFocus()
        elif self.kind in (Kind.LOSS, Kind.ADJUSTMENT):
            self.reason.setFocus()
        elif self.kind in (Kind.TRANSFER_IN, Kind.TRANSFER_OUT):
            self.counterparty.setFocus()
        else:
            self.grid.setFocus()

    def _set_kind(self, kind: Kind) -> None:
        self.kind = kind
        for button in self.kind_buttons.buttons():
            if button.objectName() == f"kind_{kind.value}" and not button.isChecked():
                button.setChecked(True)
        self.heading.setText(words.kind(kind.value))
        counterparty = {
            Kind.RECEIPT: self.tr("S&upplier:"), Kind.ISSUE: self.tr("Issued &to:"),
            Kind.TRANSFER_OUT: self.tr("&To (facility or health worker):"),
            Kind.TRANSFER_IN: self.tr("Fro&m (facility or health worker):"),
        }.get(kind)
        self.counterparty_label.setText(counterparty or "")
        reference = (self.tr("Delivery note num&ber:") if kind == Kind.RECEIPT
                     else self.tr("R&eference:"))
        self.reference_label.setText(reference)
        visible = {
            "counterparty": counterparty is not None,
            "reason": kind in (Kind.LOSS, Kind.ADJUSTMENT),
            "program": kind == Kind.COUNT,
            "reverse_reason": kind == Kind.REVERSAL,
            "reference": kind != Kind.REVERSAL,
        }
        for name, widgets in self._header_widgets().items():
            for w in widgets:
                w.setVisible(visible.get(name, True) and not w.objectName().endswith("Problem"))
        self.print_button.setVisible(kind == Kind.COUNT)
        if kind in (Kind.LOSS, Kind.ADJUSTMENT):
            self.reason.blockSignals(True)
            self.reason.clear()
            self.reason.addItem(self.tr("Choose a reason"), "")
            for r in reasons_for(kind):
                self.reason.addItem(words.reason(r.code), r.code)
            self.reason.blockSignals(False)
        self._show_findings(Findings())
        self.confirmation.hide()
        if kind == Kind.REVERSAL:
            self.stack.setCurrentWidget(self.reverse_panel)
            self.hint.setText(self.tr("Choose the movement with the arrow keys, say why, then "
                                      "Ctrl+S posts its exact opposite."))
            self._load_movements()
            return
        self.stack.setCurrentWidget(self.grid)
        self.hint.setText(self.tr("Tab or Enter: next cell · Enter on the last cell: new line "
                                  "· Delete: remove line · Esc: undo the cell · Ctrl+S: post"))
        if kind == Kind.COUNT:
            self.model.set_layout(COUNT)
            self.model.clear()
            self.hint.setText(self.tr("Type what you counted in Counted; a difference from "
                                      "the book needs a reason · Ctrl+S: post the count"))
            self._load_sheet()
            return
        was_count = self.model.layout == COUNT
        self.model.set_layout(self._layout_for(kind))
        if was_count:
            self.model.clear()
        self._reload_lots()

    def _layout_for(self, kind: Kind) -> str:
        if kind in (Kind.RECEIPT, Kind.TRANSFER_IN):
            return IN
        if kind == Kind.ADJUSTMENT:
            code = self.reason.currentData()
            return IN if code and REASONS[code].sign > 0 else OUT
        return OUT

    def _header_widgets(self) -> dict[str, tuple[QWidget, ...]]:
        return {
            "counterparty": (self.counterparty_label, self.counterparty,
                             self.counterparty_problem),
            "reason": (self.reason_label, self.reason, self.reason_problem),
            "program": (self.program_label, self.program),
            "reverse_reason": (self.reverse_reason_label, self.reverse_reason,
                               self.reverse_reason_problem),
            "reference": (self.reference_label, self.reference, self.reference_problem),
        }

    def _reason_changed(self, _: int) -> None:
        if self.kind == Kind.ADJUSTMENT:
            self.model.set_layout(self._layout_for(self.kind))
            self._reload_lots()

    def _date_changed(self, _: QDate) -> None:
        if self.kind == Kind.COUNT:
            self._load_sheet()
        elif self.kind == Kind.REVERSAL:
            self._load_movements()  # what can be reversed depends on the day
        else:
            self._reload_lots()

    def _program_changed(self, _: int) -> None:
        if self.kind == Kind.COUNT:
            self._load_sheet()

    def on_date(self) -> date:
        picked = self.date_edit.date()
        return date(picked.year(), picked.month(), picked.day())

    # -- lot balances (FEFO) -----------------------------------------------------------------

    def _reload_lots(self) -> None:
        if self.model.layout != OUT:
            return
        for row, line in enumerate(self.model.lines):
            if line.product:
                self._product_changed(row, line.product)

    def _product_changed(self, row: int, product: str) -> None:
        if self.model.layout != OUT or not self.ctx.facility:
            self._recheck()
            return
        stock = self.ctx.service(StockService)
        facility, on = self.ctx.facility, self.on_date()

        def done(lots: list[LotStock]) -> None:
            self.model.set_lots(row, product, lots)
            self._recheck()

        self.ctx.tasks.run(lambda _: stock.lot_balances(facility, product, on), done,
                           self._handled, parent=self)

    # -- counting ----------------------------------------------------------------------------

    def _load_sheet(self) -> None:
        if self.kind != Kind.COUNT or not self.ctx.facility:
            return
        from stockdesk.services.counting import CountSheetService  # brings the PDF writer

        counting = self.ctx.service(CountSheetService)
        facility, program, on = self.ctx.facility, self.program.currentData(), self.on_date()

        def done(sheet: CountSheet) -> None:
            if self.kind != Kind.COUNT:
                return
            self.sheet = sheet
            self.model.set_lines([
                Line(product=r.product_code, lot=r.lot or "", expiry=r.expiry,
                     book=r.book_quantity or 0, from_sheet=True) for r in sheet.rows])
            self._show_findings(Findings())
            if sheet.rows:
                self.grid.setCurrentIndex(self.model.index(0, self.model.column("counted")))

        self.ctx.tasks.run(lambda _: counting.sheet(facility, program, on), done,
                           self._handled, title=self.tr("Loading the count sheet…"),
                           parent=self)

    def print_count_sheet(self) -> None:
        """Save the count sheet as a PDF and open it, so it can be printed."""
        sheet = self.sheet
        if sheet is None:
            return
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(documents) / f"count-sheet-{sheet.facility_code}-"
                                          f"{sheet.count_date.isoformat()}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the count sheet"), suggested,
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")

        def done(_: Any) -> None:
            self._confirm(self.tr("The count sheet was saved to {file}.").format(file=target))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

        from stockdesk.exchange.rnr_pdf import write_count_sheet_pdf  # loaded when printing

        self.ctx.tasks.run(lambda _: write_count_sheet_pdf(sheet, target), done, lane="cpu",
                           title=self.tr("Writing the count sheet…"), parent=self)

    # -- reversing ---------------------------------------------------------------------------

    def _load_movements(self) -> None:
        if not self.ctx.facility:
            return
        directory = self.ctx.service(DirectoryService)
        facility, on = self.ctx.facility, self.on_date()

        def done(rows: list[MovementInfo]) -> None:
            self.movements.product_names = {p.code: p.description for p in self.products}
            self.movements.set_rows(rows)
            self.reverse_panel.show_rows(rows)

        self.ctx.tasks.run(lambda _: directory.movements(facility, on=on), done, self._handled,
                           title=self.tr("Loading movements…"), parent=self)

    def _count_again(self) -> None:
        """Counted stock is corrected by a new count: go to Physical count."""
        self._set_kind(Kind.COUNT)
        self._focus_start()

    # -- checking ----------------------------------------------------------------------------

    def _lines_edited(self, row: int) -> None:
        if row < 0:
            self.service_cells = Findings()
        else:
            self.service_cells.cells.pop(row, None)
        self.confirmation.hide()
        self._recheck()

    def _check(self, complete: bool) -> Findings:
        found = check_lines(self.model.lines, self.model.layout, self.products,
                            on=self.on_date(), receiving=self.kind == Kind.RECEIPT,
                            complete=complete)
        if complete:
            if self.kind in (Kind.LOSS, Kind.ADJUSTMENT) and not self.reason.currentData():
                found.header["reason"] = self.tr("Choose a reason.")
            if self.kind in (Kind.TRANSFER_IN, Kind.TRANSFER_OUT) \
                    and not self.counterparty.currentText().strip():
                found.header["counterparty"] = self.tr(
                    "Choose the other facility, or type the health worker's name.")
        return found

    def _recheck(self) -> None:
        found = self._check(complete=False)
        for row, cells in self.service_cells.cells.items():
            for key, text in cells.items():
                found.add(row, key, text)
        self._show_findings(found, keep_header=True)

    def _show_findings(self, found: Findings, *, keep_header: bool = False) -> None:
        self.model.set_problems(found.cells, found.warnings)
        if not keep_header:
            for name, label in self._header_problem_labels().items():
                text = found.header.get(name, "")
                label.setText(text)
                label.setVisible(bool(text))
        sentences = found.sentences() + [t for n, t in found.header.items()
                                         if n not in self._header_problem_labels()]
        self.problems_label.setText("\n".join(sentences))
        self.problems_label.setVisible(bool(sentences))
        warnings = found.warning_sentences()
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))

    def _header_problem_labels(self) -> dict[str, QLabel]:
        return {"date": self.date_problem, "reason": self.reason_problem,
                "counterparty": self.counterparty_problem,
                "reverse_reason": self.reverse_reason_problem}

    # -- posting -----------------------------------------------------------------------------

    def counterparty_value(self) -> str | None:
        """A facility's code when one was picked, else the name as typed (a health worker)."""
        text = self.counterparty.currentText().strip()
        if not text:
            return None
        found = self.counterparty.findText(text, Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            return str(self.counterparty.itemData(found))
        codes = {f.code.casefold(): f.code for f in self.facilities}
        return codes.get(text.casefold(), text)

    def post(self) -> None:
        if self.posting:
            return
        self.grid.commit_open_editor()
        self.confirmation.hide()
        if self.kind == Kind.REVERSAL:
            self._post_reversal()
            return
        self.service_cells = Findings()
        found = self._check(complete=True)
        if found.blocking:
            self._show_findings(found)
            self._focus_first_problem(found)
            return
        self._show_findings(found)
        ledger = self.ctx.service(LedgerService)
        facility, on = self.ctx.facility, self.on_date()
        reference = self.reference.text().strip() or None
        lines = self.model.lines
        kind = self.kind
        if kind == Kind.COUNT:
            counts = count_inputs(lines)
            if not counts:
                self._show_findings(Findings(general=[self.tr(
                    "Type at least one counted quantity.")]))
                return
            note = variance_note(lines)

            def work(_: Any) -> PostedMovement:
                return ledger.count(facility, on, counts, reference=reference, note=note)
        else:
            inputs = line_inputs(lines)
            party = self.counterparty_value()
            reason = self.reason.currentData() or ""

            def work(_: Any) -> PostedMovement:
                if kind == Kind.RECEIPT:
                    return ledger.receive(facility, on, inputs, reference=reference,
                                          supplier=party)
                if kind == Kind.ISSUE:
                    return ledger.issue(facility, on, inputs, reference=reference,
                                        issued_to=party)
                if kind == Kind.LOSS:
                    return ledger.loss(facility, on, inputs, reason=reason, reference=reference)
                if kind == Kind.ADJUSTMENT:
                    return ledger.adjust(facility, on, inputs, reason=reason,
                                         reference=reference)
                if kind == Kind.TRANSFER_OUT:
                    return ledger.transfer_out(facility, on, inputs, to=party or "",
                                               reference=reference)
                return ledger.transfer_in(facility, on, inputs, source=party or "",
                                          reference=reference)
        self._run_post(work)

    def _post_reversal(self) -> None:
        chosen = self.movement_view.chosen()
        reason = self.reverse_reason.text().strip()
        found = Findings()
        if chosen is None:
            found.general.append(self.tr("Choose the movement to reverse."))
        if not reason:
            found.header["reverse_reason"] = self.tr("Say why this movement is reversed.")
        if found.blocking:
            self._show_findings(found)
            return
        assert chosen is not None
        ledger = self.ctx.service(LedgerService)
        on = self.on_date()
        self._run_post(lambda _: ledger.reverse(chosen.id, reason, on=on))

    def _run_post(self, work: Any) -> None:
        self.posting = True
        self.post_button.setEnabled(False)
        self.ctx.tasks.run(work, self._posted, self._post_failed,
                           title=self.tr("Posting…"), parent=self, cancellable=False)

    def _posted(self, posted: PostedMovement) -> None:
        self.posting = False
        self.post_button.setEnabled(True)
        self.service_cells = Findings()
        self._show_findings(Findings())
        text = self.tr("{kind} posted as movement {id}: {lines} lines.").format(
            kind=words.kind(posted.kind), id=posted.id, lines=i18n.number(len(posted.lines)))
        if posted.related:
            text += "\n" + self.tr("The difference from the book was posted as adjustment "
                                   "{ids}.").format(ids=", ".join(map(str, posted.related)))
        self._confirm(text)
        self.reference.clear()
        self.reverse_reason.clear()
        if self.kind == Kind.COUNT:
            self._load_sheet()
        elif self.kind != Kind.REVERSAL:
            self.model.clear()
            self.grid.setCurrentIndex(self.model.index(0, 0))
            self.grid.setFocus()
        self.ctx.bus.stock_changed.emit(posted.facility)

    def _post_failed(self, exc: BaseException) -> bool:
        self.posting = False
        self.post_button.setEnabled(True)
        if not isinstance(exc, ProblemsFound):
            return False
        if self.kind == Kind.REVERSAL:
            found = Findings()
            for p in exc.problems:
                found.general.append(words.problem(p))
        else:
            found = place_problems(exc.problems, self.model.lines, self.model.columns)
        self.service_cells = Findings(cells={r: dict(c) for r, c in found.cells.items()})
        self._show_findings(found)
        self._focus_first_problem(found)
        return True

    def _handled(self, exc: BaseException) -> bool:
        if isinstance(exc, ProblemsFound):
            self._show_findings(Findings(general=[words.problem(p) for p in exc.problems]))
            return True
        return False

    def _focus_first_problem(self, found: Findings) -> None:
        if found.cells:
            row = min(found.cells)
            key = next(iter(found.cells[row]))
            if key in self.model.columns:
                index = self.model.index(row, self.model.column(key))
                self.grid.setCurrentIndex(index)
                self.grid.scrollTo(index)
                self.grid.setFocus()
                return
        widgets = {"reason": self.reason, "counterparty": self.counterparty,
                   "date": self.date_edit, "reverse_reason": self.reverse_reason}
        for name in found.header:
            if name in widgets:
                widgets[name].setFocus()
                return

    def _confirm(self, text: str) -> None:
        self.confirmation.setText(text)
        self.confirmation.show()

    def clear(self) -> None:
        self.service_cells = Findings()
        self.confirmation.hide()
        if self.kind == Kind.COUNT:
            self._load_sheet()
        else:
            self.model.clear()
        self._show_findings(Findings())
        self.grid.setCurrentIndex(self.model.index(0, 0))
        self.grid.setFocus()

    # -- the page ----------------------------------------------------------------------------

    def activate(self) -> None:
        super().activate()
        if self.kind != Kind.REVERSAL and self.stack.currentWidget() is self.grid \
                and not self.grid.currentIndex().isValid():
                self.grid.setCurrentIndex(self.model.index(0, 0))

    def open_target(self, target: dict[str, Any]) -> None:
        kind = str(target.get("kind") or "")
        if kind in Kind.__members__:
            self._set_kind(Kind(kind))

