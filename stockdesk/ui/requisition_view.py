"""One Report & Requisition on screen: its header, the lettered lines, and the steps and files
the signed-in person may take from here.

The facility's staff type J (requested) and W (why J differs from I) on a draft; the district
approver types K (approved) on an authorized R&R.  A line's problems (the identities of the
form, W missing) are shown in the cell concerned and listed under the table, in words.  Every
change goes through :class:`~stockdesk.services.requisitions.RequisitionService` and the
document shown is the one the service returns.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stockdesk.problems import ProblemsFound
from stockdesk.requisition.document import Document, Line, Status
from stockdesk.requisition.lines import line_problems
from stockdesk.requisition.states import EDITABLE, refusal
from stockdesk.services.requisitions import RequisitionService
from stockdesk.ui import i18n, words
from stockdesk.ui import settings as keys
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import PROBLEM_STYLE
from stockdesk.ui.models import RIGHT, Col, SnapshotModel
from stockdesk.ui.tasks import CPU
from stockdesk.ui.words import QT_TRANSLATE_NOOP

CONTEXT = "RequisitionView"

# An R&R's status as colour and word (the word comes from words.rnr_status).
RNR_COLOUR: dict[str, str] = {
    "draft": "#616161", "submitted": "#1565c0", "authorized": "#6a1b9a",
    "approved": "#2e7d32", "issued": "#1b5e20",
}
PROBLEM_BACKGROUND = "#ffcdd2"
EDITABLE_BACKGROUND = "#fff8e1"
PENDING_BACKGROUND = "#ffe0b2"

# the lettered columns shown, in the form's order
LETTER_COLUMNS = ("A", "B", "C", "D", "E", "X", "N", "P", "H", "I", "J", "W", "K", "V", "T",
                  "Q", "L")
TEXT_COLUMNS = frozenset({"W", "L"})

SHORT: dict[str, str] = {
    "A": QT_TRANSLATE_NOOP(CONTEXT, "Opening"),
    "B": QT_TRANSLATE_NOOP(CONTEXT, "Received"),
    "C": QT_TRANSLATE_NOOP(CONTEXT, "Consumed"),
    "D": QT_TRANSLATE_NOOP(CONTEXT, "Losses/adj."),
    "E": QT_TRANSLATE_NOOP(CONTEXT, "Closing"),
    "X": QT_TRANSLATE_NOOP(CONTEXT, "Days out"),
    "N": QT_TRANSLATE_NOOP(CONTEXT, "Adj. cons."),
    "P": QT_TRANSLATE_NOOP(CONTEXT, "AMC"),
    "H": QT_TRANSLATE_NOOP(CONTEXT, "Maximum"),
    "I": QT_TRANSLATE_NOOP(CONTEXT, "Calculated"),
    "J": QT_TRANSLATE_NOOP(CONTEXT, "Requested"),
    "W": QT_TRANSLATE_NOOP(CONTEXT, "Explanation"),
    "K": QT_TRANSLATE_NOOP(CONTEXT, "Approved"),
    "V": QT_TRANSLATE_NOOP(CONTEXT, "Packs"),
    "T": QT_TRANSLATE_NOOP(CONTEXT, "Pack price"),
    "Q": QT_TRANSLATE_NOOP(CONTEXT, "Cost"),
    "L": QT_TRANSLATE_NOOP(CONTEXT, "Remarks"),
}

EXPLAIN: dict[str, str] = {
    "A": QT_TRANSLATE_NOOP(CONTEXT, "A, opening balance: stock on hand on the first day of "
                                    "the period."),
    "B": QT_TRANSLATE_NOOP(CONTEXT, "B, received: quantity received during the period."),
    "C": QT_TRANSLATE_NOOP(CONTEXT, "C, consumed: quantity dispensed to patients or wards "
                                    "during the period."),
    "D": QT_TRANSLATE_NOOP(CONTEXT, "D, losses and adjustments: expiries, damage, count "
                                    "corrections (negative when stock was lost)."),
    "E": QT_TRANSLATE_NOOP(CONTEXT, "E, closing balance: stock on hand at the end of the "
                                    "period; E = A + B + D − C."),
    "X": QT_TRANSLATE_NOOP(CONTEXT, "X, stockout days: days of the period with no stock."),
    "N": QT_TRANSLATE_NOOP(CONTEXT, "N, adjusted consumption: C corrected for the days the "
                                    "product was out of stock."),
    "P": QT_TRANSLATE_NOOP(CONTEXT, "P, average monthly consumption over the last months, "
                                    "by the calculation profile."),
    "H": QT_TRANSLATE_NOOP(CONTEXT, "H, maximum stock: P times the maximum months of stock."),
    "I": QT_TRANSLATE_NOOP(CONTEXT, "I, calculated order quantity: H − E, never below zero."),
    "J": QT_TRANSLATE_NOOP(CONTEXT, "J, requested quantity: what the facility asks for. "
                                    "Type it on a draft; explain in W when it differs from I."),
    "W": QT_TRANSLATE_NOOP(CONTEXT, "W, explanation: why the requested quantity J differs "
                                    "from the calculated quantity I."),
    "K": QT_TRANSLATE_NOOP(CONTEXT, "K, approved quantity: what the district approves to "
                                    "send. Typed by the approver on an authorized R&R."),
    "V": QT_TRANSLATE_NOOP(CONTEXT, "V, packs to ship: K in whole packs."),
    "T": QT_TRANSLATE_NOOP(CONTEXT, "T, price per pack."),
    "Q": QT_TRANSLATE_NOOP(CONTEXT, "Q, total cost: V × T."),
    "L": QT_TRANSLATE_NOOP(CONTEXT, "L, remarks."),
}

ACTION_TEXT: dict[str, str] = {
    "submit": QT_TRANSLATE_NOOP(CONTEXT, "&Submit"),
    "authorize": QT_TRANSLATE_NOOP(CONTEXT, "A&uthorize"),
    "approve": QT_TRANSLATE_NOOP(CONTEXT, "Appro&ve"),
    "issue": QT_TRANSLATE_NOOP(CONTEXT, "Mark &issued"),
    "reject": QT_TRANSLATE_NOOP(CONTEXT, "Re&ject…"),
}

SIGNATURE_TEXT: dict[str, str] = {
    "submitted": QT_TRANSLATE_NOOP(CONTEXT, "Submitted by {name} on {when}"),
    "authorized": QT_TRANSLATE_NOOP(CONTEXT, "Authorized by {name} on {when}"),
    "approved": QT_TRANSLATE_NOOP(CONTEXT, "Approved by {name} on {when}"),
    "issued": QT_TRANSLATE_NOOP(CONTEXT, "Issued by {name} on {when}"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def column_title(letter: str) -> str:
    """The heading of a lettered column: the letter over a short name."""
    return _t("{letter}\n{name}").format(letter=letter, name=_t(SHORT[letter]))


def rnr_colour(status: str) -> str | None:
    return RNR_COLOUR.get(status)


def problem_sentences(line: Line, days: int, J: int | None, W: str | None
                      ) -> dict[str, str]:
    """The problems of ``line`` with J and W as typed, by column letter, in words."""
    out: dict[str, str] = {}
    for column, _message in line_problems(line.A, line.B, line.C, line.D, line.E, line.X, days,
                                          line.I, J, W):
        if column == "E":
            out["E"] = _t("E = {E} but A + B + D − C = {sum}.").format(
                E=i18n.number(line.E), sum=i18n.number(line.A + line.B + line.D - line.C))
        elif column == "X":
            out["X"] = _t("X = {X} stockout days, more than the {days} days of the period."
                          ).format(X=i18n.number(line.X), days=i18n.number(days))
        elif column == "A":
            out["A"] = _t("A, B, C and E cannot be negative.")
        elif column == "J":
            out["J"] = _t("The requested quantity cannot be negative.")
        elif column == "W":
            out["W"] = _t("Requested {J} differs from calculated {I}: explain why in W."
                          ).format(J=i18n.number(J), I=i18n.number(line.I))
    return out


# -- the lines table -------------------------------------------------------------------------

def _plain(value: Any) -> str:
    return "" if value is None else str(value)


def _money(value: Any) -> str:
    return "" if value is None else i18n.number(float(value), 2)


def _letter_col(letter: str) -> Col[Line]:
    text: Callable[[Any], str]
    if letter in TEXT_COLUMNS:
        text = _plain
    elif letter in ("T", "Q"):
        text = _money
    else:
        text = i18n.figure

    def title() -> str:
        return column_title(letter)

    def value(line: Line) -> Any:
        return line.value(letter)

    return Col(letter, title, value, text=text,
               align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
               if letter in TEXT_COLUMNS else RIGHT)


class LinesModel(SnapshotModel[Line]):
    """The R&R lines, with what was typed but not yet saved and each cell's problem."""

    # a cell was edited: product code, column letter, value (int, str or None)
    edit_requested = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Col[Line]] = [
            Col("product", lambda: _t("Product"), lambda ln: ln.product_name,
                tooltip=lambda ln: _t("{code}\n{name}\nUnit: {unit}, pack of {pack}").format(
                    code=ln.product_code, name=ln.product_name, unit=ln.unit,
                    pack=i18n.number(ln.pack_size)), searchable=True),
        ]
        columns += [_letter_col(letter) for letter in LETTER_COLUMNS]
        super().__init__(columns, parent)
        self.editable: frozenset[str] = frozenset()
        self.pending: dict[tuple[str, str], Any] = {}
        self.problems: dict[tuple[str, str], str] = {}

    def set_state(self, editable: frozenset[str], pending: dict[tuple[str, str], Any],
                  problems: dict[tuple[str, str], str]) -> None:
        self.beginResetModel()
        self.editable, self.pending, self.problems = editable, dict(pending), dict(problems)
        self.endResetModel()

    def letter(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return self.columns[index.column()].key

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.letter(index) in self.editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        line = self.rows[index.row()]
        letter = self.letter(index)
        key = (line.product_code, letter)
        if key in self.pending and role in (Qt.ItemDataRole.DisplayRole,
                                            Qt.ItemDataRole.EditRole):
            value = self.pending[key]
            if role == Qt.ItemDataRole.EditRole:
                return "" if value is None else str(value)
            return self.columns[index.column()].text(value)
        if role == Qt.ItemDataRole.EditRole:
            value = line.value(letter) if letter != "product" else line.product_name
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if key in self.problems:
                return QBrush(QColor(PROBLEM_BACKGROUND))
            if key in self.pending:
                return QBrush(QColor(PENDING_BACKGROUND))
            if letter in self.editable:
                return QBrush(QColor(EDITABLE_BACKGROUND))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in self.problems or key in self.pending or letter in self.editable:
                return QBrush(QColor("black"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in self.problems:
                return self.problems[key]
            if letter in self.editable:
                return _t(EXPLAIN[letter])
        return super().data(index, role)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or self.letter(index) not in self.editable:
            return False
        line = self.rows[index.row()]
        letter = self.letter(index)
        if letter in TEXT_COLUMNS:
            parsed: Any = str(value).strip() or None
        else:
            text = str(value).strip()
            parsed = int(text) if text.lstrip("-").isdigit() else None
        self.edit_requested.emit(line.product_code, letter, parsed)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and 0 <= section < len(self.columns):
            key = self.columns[section].key
            return _t(EXPLAIN[key]) if key in EXPLAIN else _t("Product, strength and form.")
        return super().headerData(section, orientation, role)


class LineDelegate(QStyledItemDelegate):
    """Whole numbers for J and K, a line of text for W and L."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        model = index.model()
        letter = model.letter(index) if isinstance(model, LinesModel) else ""
        if letter in ("J", "K"):
            editor.setValidator(QIntValidator(0, 999_999_999, editor))
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        else:
            editor.setMaxLength(500)
        editor.setObjectName("lineEditor")
        return editor


# -- the view --------------------------------------------------------------------------------

class RequisitionView(QWidget):
    """The document view: load one R&R, edit it, step it, export or print it."""

    # the R&R changed (a step, a quantity): the new document
    changed = Signal(object)
    # a document is shown (loaded or reloaded)
    loaded = Signal(object)
    # a file was written (path)
    exported = Signal(str)
    back_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc: Document | None = None
        self.pending: dict[tuple[str, str], Any] = {}
        self.setObjectName("requisitionView")
        self._build()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back to the list"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.title_label = QLabel()
        self.title_label.setObjectName("docTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        top.addWidget(self.title_label, 1)
        self.status_label = QLabel()
        self.status_label.setObjectName("docStatus")
        self.status_label.setMargin(4)
        top.addWidget(self.status_label)
        layout.addLayout(top)

        self.header_label = QLabel()
        self.header_label.setObjectName("docHeader")
        self.header_label.setWordWrap(True)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header_label)
        self.signatures_label = QLabel()
        self.signatures_label.setObjectName("docSignatures")
        self.signatures_label.setWordWrap(True)
        layout.addWidget(self.signatures_label)
        self.rejection_label = QLabel()
        self.rejection_label.setObjectName("docRejection")
        self.rejection_label.setWordWrap(True)
        self.rejection_label.setStyleSheet(PROBLEM_STYLE + " font-weight: bold;")
        layout.addWidget(self.rejection_label)

        self.model = LinesModel(self)
        self.model.edit_requested.connect(self._edited)
        self.table = QTableView()
        self.table.setObjectName("linesTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(LineDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setHighlightSections(False)
        # the product column stays in view while the lettered columns scroll sideways
        self.products = QTableView()
        self.products.setObjectName("linesProducts")
        self.products.setModel(self.model)
        self.products.setSelectionModel(self.table.selectionModel())
        self.products.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.products.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.products.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.products.setWordWrap(False)
        self.products.setAlternatingRowColors(True)
        self.products.verticalHeader().setVisible(False)
        self.products.verticalHeader().setDefaultSectionSize(
            self.table.verticalHeader().defaultSectionSize())
        self.products.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.products.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.products.horizontalHeader().setStretchLastSection(True)
        self.products.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.products.setFixedWidth(max(240, self.fontMetrics().horizontalAdvance("x" * 36)))
        self.table.verticalScrollBar().valueChanged.connect(
            self.products.verticalScrollBar().setValue)
        self.products.verticalScrollBar().valueChanged.connect(
            self.table.verticalScrollBar().setValue)
        lines = QHBoxLayout()
        lines.setSpacing(0)
        lines.addWidget(self.products)
        lines.addWidget(self.table, 1)
        layout.addLayout(lines, 1)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("lineProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(PROBLEM_STYLE)
        self.problems_label.hide()
        layout.addWidget(self.problems_label)

        # the reason of a rejection, asked in place
        self.reject_row = QWidget()
        reject = QHBoxLayout(self.reject_row)
        reject.setContentsMargins(0, 0, 0, 0)
        reason_label = QLabel(self.tr("&Reason for rejecting:"))
        self.reject_reason = QLineEdit()
        self.reject_reason.setObjectName("rejectReason")
        self.reject_reason.setPlaceholderText(
            self.tr("What the facility must correct before submitting again"))
        reason_label.setBuddy(self.reject_reason)
        self.reject_reason.returnPressed.connect(self._confirm_reject)
        self.confirm_reject = QPushButton(self.tr("Re&ject the R&&R"))
        self.confirm_reject.setObjectName("confirmReject")
        self.confirm_reject.clicked.connect(self._confirm_reject)
        self.cancel_reject = QPushButton(self.tr("&Keep it"))
        self.cancel_reject.setObjectName("cancelReject")
        self.cancel_reject.clicked.connect(self._hide_reject)
        reject.addWidget(reason_label)
        reject.addWidget(self.reject_reason, 1)
        reject.addWidget(self.confirm_reject)
        reject.addWidget(self.cancel_reject)
        self.reject_row.hide()
        layout.addWidget(self.reject_row)
        self.reject_problem = QLabel()
        self.reject_problem.setObjectName("rejectProblem")
        self.reject_problem.setStyleSheet(PROBLEM_STYLE)
        self.reject_problem.hide()
        layout.addWidget(self.reject_problem)

        buttons = QHBoxLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        for action in ("submit", "authorize", "approve", "issue", "reject"):
            button = QPushButton(_t(ACTION_TEXT[action]))
            button.setObjectName(f"{action}Button")
            button.clicked.connect(lambda _=False, a=action: self._step_clicked(a))
            buttons.addWidget(button)
            self.step_buttons[action] = button
        buttons.addStretch(1)
        self.excel_button = QPushButton(self.tr("Export &Excel…"))
        self.excel_button.setObjectName("exportExcel")
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button = QPushButton(self.tr("Export P&DF…"))
        self.pdf_button.setObjectName("exportPdf")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_)
        for b in (self.excel_button, self.pdf_button, self.print_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)

        self.message = QLabel()
        self.message.setObjectName("docMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_shortcut.activated.connect(self.print_)

    # -- loading and showing ------------------------------------------------------------------

    def load(self, facility: str, period: str, program: str, emergency: bool = False) -> None:
        """Read the R&R through the service and show it."""
        self.message.clear()
        self.ctx.tasks.run(
            lambda c: self.ctx.service(RequisitionService).document(
                facility, period, program, emergency=emergency),
            self.show_document, parent=self)

    def show_document(self, doc: Document) -> None:
        same = self.doc is not None and (self.doc.header.facility_code,
                                         self.doc.header.period, self.doc.header.program,
                                         self.doc.header.emergency) == (
            doc.header.facility_code, doc.header.period, doc.header.program,
            doc.header.emergency)
        current = self.table.currentIndex()
        self.doc = doc
        if not same:
            self.pending.clear()
            self._hide_reject()
            self.message.clear()
        h = doc.header
        title = self.tr("Emergency R&&R {facility} — {program} — {period}") if h.emergency \
            else self.tr("R&&R {facility} — {program} — {period}")
        self.title_label.setText(title.format(facility=h.facility_name,
                                              program=words.program(h.program, h.program_name),
                                              period=i18n.month(h.period)))
        self.status_label.setText(words.rnr_status(h.status.value))
        colour = rnr_colour(h.status.value) or "#616161"
        self.status_label.setStyleSheet(
            f"background: {colour}; color: white; font-weight: bold; border-radius: 3px;")
        self.header_label.setText(self.tr(
            "Facility: {name} ({code}), {district}   Period: {first} to {last}   "
            "Program: {program}   Profile: {profile} (maximum {max} months, minimum {min} "
            "months of stock)   Lines: {lines}").format(
            name=h.facility_name, code=h.facility_code, district=h.district or "",
            first=i18n.day(h.period_start), last=i18n.day(h.period_end),
            program=words.program(h.program, h.program_name), profile=h.profile,
            max=i18n.number(h.max_mos, 1),
            min=i18n.number(h.min_mos, 1), lines=i18n.number(len(doc.lines))))
        self.header_label.setToolTip(h.profile_description)
        signed = [_t(SIGNATURE_TEXT[s.step]).format(name=s.full_name or s.user,
                                                    when=i18n.stamp(s.at))
                  for s in h.signatures if s.step in SIGNATURE_TEXT]
        self.signatures_label.setText("   ".join(signed) if signed
                                      else self.tr("Not signed yet."))
        if h.rejection and h.status is Status.DRAFT:
            self.rejection_label.setText(self.tr("Rejected: {reason}").format(
                reason=h.rejection))
            self.rejection_label.show()
        else:
            self.rejection_label.hide()
        self.model.set_rows(doc.lines)
        self._refresh_state()
        self._size_columns()
        if same and current.isValid():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        elif doc.lines and self.model.editable:
            # start where the person types: J on a draft, K for the approver
            first = "K" if "K" in self.model.editable else "J"
            self.table.setCurrentIndex(self.model.index(0, self.model.column_index(first)))
        self._update_buttons()
        self.loaded.emit(doc)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        number = metrics.horizontalAdvance("0 000 000") + 12
        for i, col in enumerate(self.model.columns):
            self.table.setColumnHidden(i, col.key == "product")
            self.products.setColumnHidden(i, col.key != "product")
            if col.key == "product":
                continue
            if col.key in TEXT_COLUMNS:
                header.resizeSection(i, metrics.horizontalAdvance("x" * 22))
            else:
                title = max(metrics.horizontalAdvance(part) for part in col.title().split("\n"))
                header.resizeSection(i, max(number, title + 14))
        self.products.horizontalHeader().setFixedHeight(header.sizeHint().height())

    def _days(self) -> int:
        assert self.doc is not None
        h = self.doc.header
        return (h.period_end - h.period_start).days + 1

    def _refresh_state(self) -> None:
        """Editable columns, typed values and problems of every line, into the model."""
        if self.doc is None:
            return
        problems: dict[tuple[str, str], str] = {}
        for line in self.doc.lines:
            j = self.pending.get((line.product_code, "J"), line.J)
            w = self.pending.get((line.product_code, "W"), line.W)
            for letter, text in problem_sentences(line, self._days(), j, w).items():
                problems[(line.product_code, letter)] = text
        self.model.set_state(self._editable(), self.pending, problems)
        if problems:
            names = {ln.product_code: ln.product_name for ln in self.doc.lines}
            listed = [self.tr("{product}, column {column}: {problem}").format(
                product=names.get(code, code), column=letter, problem=text)
                for (code, letter), text in sorted(problems.items())]
            shown = listed[:6]
            if len(listed) > len(shown):
                shown.append(self.tr("and {count} more (marked in red in the table)").format(
                    count=len(listed) - len(shown)))
            self.problems_label.setText("\n".join(shown))
            self.problems_label.show()
        else:
            self.problems_label.clear()
            self.problems_label.hide()

    def _facility_allowed(self) -> bool:
        actor = self.ctx.actor
        return self.doc is not None and (actor.facility is None
                                         or actor.facility == self.doc.header.facility_code
                                         or actor.role not in ("pharmacist",
                                                               "facility_incharge"))

    def _editable(self) -> frozenset[str]:
        if self.doc is None or not self._facility_allowed():
            return frozenset()
        status = self.doc.header.status
        if status in EDITABLE and self.ctx.may("requisition.create"):
            return frozenset({"J", "W", "L"})
        if status is Status.AUTHORIZED and self.ctx.may("requisition.approve"):
            return frozenset({"K"})
        return frozenset()

    def may_step(self, action: str) -> bool:
        """Whether the signed-in person may take ``action`` on the R&R shown, now."""
        if self.doc is None or not self.ctx.may(f"requisition.{action}") \
                or not self._facility_allowed():
            return False
        h = self.doc.header
        submitted = next((s.user for s in h.signatures if s.step == "submitted"), None)
        return refusal(action, h.status, self.ctx.actor.role, self.ctx.actor.username,
                       submitted, "reason") is None

    def _update_buttons(self) -> None:
        for action, button in self.step_buttons.items():
            allowed = self.may_step(action)
            button.setEnabled(allowed)
            button.setToolTip("" if allowed else self.tr(
                "Not available: the R&R is {status}, or your role may not do this.").format(
                status=words.rnr_status(self.doc.header.status.value) if self.doc else ""))
        has_doc = self.doc is not None
        for b in (self.excel_button, self.pdf_button, self.print_button):
            b.setEnabled(has_doc)

    # -- editing ---------------------------------------------------------------------------

    def _line(self, product: str) -> Line:
        assert self.doc is not None
        return next(ln for ln in self.doc.lines if ln.product_code == product)

    def _edited(self, product: str, letter: str, value: Any) -> None:
        """A cell was typed: check the line, then save it through the service."""
        if self.doc is None:
            return
        h = self.doc.header
        line = self._line(product)
        if letter == "K":
            if value is None:
                return
            self._run(lambda s: s.approve_quantity(h.facility_code, h.period, product,
                                                   value, h.program, emergency=h.emergency))
            return
        if value == line.value(letter):
            self.pending.pop((product, letter), None)
        else:
            self.pending[(product, letter)] = value
        j = self.pending.get((product, "J"), line.J)
        w = self.pending.get((product, "W"), line.W)
        remarks = self.pending.get((product, "L"), line.L)
        problems = problem_sentences(line, self._days(), j, w)
        if j is None or "J" in problems or "W" in problems or not any(
                key[0] == product for key in self.pending):
            self._refresh_state()
            if "W" in problems:
                self._focus_cell(product, "W")
            return
        self._run(lambda s: s.request(h.facility_code, h.period, product, j, w, remarks,
                                      h.program, emergency=h.emergency),
                  saved=product)

    def _focus_cell(self, product: str, letter: str) -> None:
        row = next((i for i, ln in enumerate(self.model.rows) if ln.product_code == product),
                   None)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, self.model.column_index(letter)))

    def _run(self, call: Callable[[RequisitionService], Document],
             saved: str | None = None) -> None:
        def done(doc: Document) -> None:
            if saved is not None:
                for key in [k for k in self.pending if k[0] == saved]:
                    del self.pending[key]
            self.show_document(doc)
            self.changed.emit(doc)

        self.ctx.tasks.run(lambda c: call(self.ctx.service(RequisitionService)), done,
                           self._failed, parent=self)

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, ProblemsFound):
            self.problems_label.setText("\n".join(words.problem(p) for p in exc.problems))
            self.problems_label.show()
            return True
        return False

    # -- steps -----------------------------------------------------------------------------

    def _step_clicked(self, action: str) -> None:
        if action == "reject":
            self.reject_problem.hide()
            self.reject_row.show()
            self.reject_reason.setFocus()
            return
        self.step(action)

    def step(self, action: str, reason: str | None = None) -> None:
        if self.doc is None:
            return
        h = self.doc.header
        self._run(lambda s: s.step(h.facility_code, h.period, action, h.program, reason=reason,
                                   emergency=h.emergency))

    def _confirm_reject(self) -> None:
        reason = self.reject_reason.text().strip()
        if not reason:
            self.reject_problem.setText(self.tr(
                "Write why the R&&R is rejected, so the facility knows what to correct."))
            self.reject_problem.show()
            self.reject_reason.setFocus()
            return
        self._hide_reject()
        self.step("reject", reason)

    def _hide_reject(self) -> None:
        self.reject_reason.clear()
        self.reject_row.hide()
        self.reject_problem.hide()

    # -- files -----------------------------------------------------------------------------

    def _default_name(self, suffix: str) -> str:
        assert self.doc is not None
        h = self.doc.header
        name = f"RnR_{h.facility_code}_{h.program}_{h.period}" + ("_E" if h.emergency else "")
        folder = self.ctx.settings.get(keys.LAST_FOLDER) or str(Path.home())
        return str(Path(folder) / f"{name}.{suffix}")

    def export(self, fmt: str) -> None:
        """Ask where, then write the R&R as an Excel workbook (``xlsx``) or a PDF."""
        if self.doc is None:
            return
        if fmt == "xlsx":
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the R&R as Excel"), self._default_name("xlsx"),
                self.tr("Excel workbook (*.xlsx)"))
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the R&R as PDF"), self._default_name("pdf"),
                self.tr("PDF document (*.pdf)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        self.ctx.settings.set(keys.LAST_FOLDER, str(target.parent))
        self._write(fmt, target, lambda: self._saved(target))

    def print_(self) -> None:
        """Write the PDF to a temporary file and open it in the PDF reader to print."""
        if self.doc is None:
            return
        handle, name = tempfile.mkstemp(prefix="stockdesk-rnr-", suffix=".pdf")
        os.close(handle)
        target = Path(name)
        self._write("pdf", target, lambda: self._open(target))

    def _write(self, fmt: str, target: Path, then: Callable[[], None]) -> None:
        doc = self.doc
        assert doc is not None
        from stockdesk.exchange.rnr_pdf import write_rnr_pdf  # loaded on the first export
        from stockdesk.exchange.rnr_xlsx import write_rnr_xlsx

        writer = write_rnr_xlsx if fmt == "xlsx" else write_rnr_pdf
        self.ctx.tasks.run(lambda c: writer(doc, target), lambda _: then(), lane=CPU,
                           title=self.tr("Writing the R&R"), parent=self)

    def _saved(self, target: Path) -> None:
        self.message.setText(self.tr("Saved to {path}").format(path=str(target)))
        self.exported.emit(str(target))

    def _open(self, target: Path) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.message.setText(self.tr("Opened the R&&R in the PDF reader to print it."))
        else:
            self.message.setText(self.tr(
                "No program to show PDF files was found on this computer. The R&&R was saved "
                "as {file}: print it from there.").format(file=str(target)))
        self.exported.emit(str(target))


__all__ = ["RNR_COLOUR", "LinesModel", "RequisitionView", "column_title", "rnr_colour"]
