"""Choosing a movement to reverse: the facility's recent movements, newest first.

The directory says of each movement whether the ledger would accept its reversal on the date
chosen, and why not: a physical count, a reversal, a movement already reversed, a movement
dated after the chosen day, or one touching a product counted on or after that day (nothing
may be posted on or before a count).  Those are listed greyed with the reason in words and
cannot be chosen; stock that was counted is corrected by a new physical count, which the panel
offers to start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stockdesk.services.directory import MovementInfo
from stockdesk.ui import i18n, words
from stockdesk.ui.models import RIGHT, Col, Index, SnapshotModel

BLOCKED_COLOUR = "#eeeeee"  # the reason stays readable on a greyed row
HELD_BY_COUNT = ("reversal.of_count", "count.later_exists")


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryReverse", text)


def reversible(m: MovementInfo) -> bool:
    return m.blocked is None


class MovementsModel(SnapshotModel[MovementInfo]):
    """Movements with, for each one that cannot be reversed, why not.

    ``last_day`` is the latest date a reversal can take (today): a count on that day can
    only be corrected by a new count, an earlier one by reversing on a later date.
    ``product_names`` turns product codes into what a pharmacist reads.
    """

    def __init__(self, parent: QObject | None = None, *,
                 last_day: Callable[[], date] = date.today) -> None:
        self.last_day = last_day
        self.product_names: dict[str, str] = {}
        columns: tuple[Col[MovementInfo], ...] = (
            Col("id", lambda: _t("No."), lambda m: m.id, align=RIGHT, tooltip=self.explain),
            Col("date", lambda: _t("Date"), lambda m: m.occurred_on, text=i18n.day,
                tooltip=self.explain),
            Col("kind", lambda: _t("Kind"), lambda m: m.kind, text=words.kind, searchable=True,
                tooltip=self.explain),
            Col("reason", lambda: _t("Reason"), lambda m: m.reason, text=words.reason,
                tooltip=self.explain),
            Col("reference", lambda: _t("Reference"), lambda m: m.reference, searchable=True,
                tooltip=self.explain),
            Col("counterparty", lambda: _t("Other party"), lambda m: m.counterparty,
                searchable=True, tooltip=self.explain),
            Col("lines", lambda: _t("Lines"), lambda m: m.lines, text=i18n.number, align=RIGHT,
                tooltip=self.explain),
            Col("user", lambda: _t("By"), lambda m: m.user, tooltip=self.explain),
            Col("state", lambda: _t("Can it be reversed?"), self.state,
                colour=lambda m: None if reversible(m) else BLOCKED_COLOUR,
                tooltip=self.explain),
        )
        super().__init__(columns, parent)

    def _product(self, code: str | None) -> str:
        return self.product_names.get(code or "", code or "")

    def _count_is_last(self, m: MovementInfo) -> bool:
        """Counted on the last day a reversal can take: no later date is left to choose."""
        return m.counted_on is not None and m.counted_on >= self.last_day()

    def state(self, m: MovementInfo) -> str:
        """The reason in a few words, for the table cell."""
        if m.blocked is None:
            return _t("Yes")
        if m.blocked == "reversal.already_reversed":
            return _t("Already reversed by movement {id}.").format(id=m.reversed_by)
        if m.blocked == "reversal.of_reversal":
            return _t("This reverses movement {id}.").format(id=m.reverses)
        if m.blocked == "reversal.of_count":
            return _t("A count is corrected by a new physical count.")
        if m.blocked == "reversal.before_original":
            return _t("Choose a date on or after {date}.").format(date=i18n.day(m.occurred_on))
        if m.blocked == "count.later_exists":
            if self._count_is_last(m):
                return _t("Counted on {date}: correct it with a new physical count.").format(
                    date=i18n.day(m.counted_on))
            return _t("Counted on {date}: choose a later date.").format(
                date=i18n.day(m.counted_on))
        return _t("It cannot be reversed.")

    def explain(self, m: MovementInfo) -> str | None:
        """The reason in full, as a tooltip."""
        if m.blocked == "reversal.already_reversed":
            return _t("Movement {id} was already reversed by movement {by}; it cannot be "
                      "reversed twice.").format(id=m.id, by=m.reversed_by)
        if m.blocked == "reversal.of_reversal":
            return _t("Movement {id} reverses movement {original}; to undo it, post the "
                      "movement again.").format(id=m.id, original=m.reverses)
        if m.blocked == "reversal.of_count":
            return _t("A physical count cannot be reversed: what was counted is corrected by "
                      "posting a new physical count.")
        if m.blocked == "reversal.before_original":
            return _t("Movement {id} is dated {date}: its reversal cannot be dated before "
                      "it. Choose a date on or after {date}.").format(
                          id=m.id, date=i18n.day(m.occurred_on))
        if m.blocked == "count.later_exists":
            if self._count_is_last(m):
                return _t("{product} was counted on {date}. Nothing can be posted on or "
                          "before a physical count, so this movement can no longer be "
                          "reversed: post a new physical count to correct the stock.").format(
                              product=self._product(m.counted_product),
                              date=i18n.day(m.counted_on))
            return _t("{product} was counted on {date}. Nothing can be posted on or before a "
                      "physical count: choose a date after {date} to reverse this "
                      "movement.").format(product=self._product(m.counted_product),
                                          date=i18n.day(m.counted_on))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if reversible(self.rows[index.row()]):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags  # shown greyed, cannot be chosen


class MovementsView(QTableView):
    def __init__(self, model: MovementsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reverseMovements")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(model.column_index("counterparty"),
                                    QHeaderView.ResizeMode.Stretch)

    def chosen(self) -> MovementInfo | None:
        model = self.model()
        assert isinstance(model, MovementsModel)
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        chosen = model.row(rows[0])
        return chosen if reversible(chosen) else None

    def select_first(self, rows: Sequence[MovementInfo]) -> None:
        """Pre-select the newest movement that can be reversed (never a greyed one)."""
        model = self.model()
        for i, m in enumerate(rows):
            if reversible(m):
                self.selectRow(i)
                self.setCurrentIndex(model.index(i, 0))
                self.scrollTo(model.index(i, 0))
                return
        self.clearSelection()


class ReversePanel(QWidget):
    """The movements to choose from and, when counted stock is in the way, what to do."""

    count_again = Signal()

    def __init__(self, model: MovementsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reversePanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = MovementsView(model)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.note = QLabel(self.tr("Stock that has been counted is corrected by posting a new "
                                   "physical count, not by reversing a movement."))
        self.note.setObjectName("reverseCountNote")
        self.note.setWordWrap(True)
        row.addWidget(self.note, 1)
        self.count_button = QPushButton(self.tr("Count &again"))
        self.count_button.setObjectName("reverseToCount")
        self.count_button.setToolTip(self.tr("Switch to Physical count to post a new count."))
        self.count_button.clicked.connect(self.count_again)
        row.addWidget(self.count_button)
        layout.addLayout(row)
        self.show_rows([])

    def show_rows(self, rows: Sequence[MovementInfo]) -> None:
        """Pre-select what can be reversed; offer a new count when a count is in the way."""
        self.view.select_first(rows)
        held = any(m.blocked in HELD_BY_COUNT for m in rows)
        self.note.setVisible(held)
        self.count_button.setVisible(held)
