"""Choosing a movement to reverse: the facility's recent movements, newest first.

A movement already reversed, a reversal itself and a physical count cannot be reversed (the
ledger refuses them); they are listed, marked as such, and cannot be chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from stockdesk.services.directory import MovementInfo
from stockdesk.ui import i18n, words
from stockdesk.ui.models import RIGHT, Col, Index, SnapshotModel


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryReverse", text)


def reversible(m: MovementInfo) -> bool:
    return m.reversed_by is None and m.kind not in ("REVERSAL", "COUNT")


def state(m: MovementInfo) -> str:
    if m.reversed_by is not None:
        return _t("Reversed by movement {id}").format(id=m.reversed_by)
    if m.kind == "REVERSAL":
        return _t("Reversal of movement {id}").format(id=m.reverses)
    if m.kind == "COUNT":
        return _t("A count: reverse its adjustment instead")
    return ""


COLUMNS: tuple[Col[MovementInfo], ...] = (
    Col("id", lambda: _t("No."), lambda m: m.id, align=RIGHT),
    Col("date", lambda: _t("Date"), lambda m: m.occurred_on, text=i18n.day),
    Col("kind", lambda: _t("Kind"), lambda m: m.kind, text=words.kind, searchable=True),
    Col("reason", lambda: _t("Reason"), lambda m: m.reason, text=words.reason),
    Col("reference", lambda: _t("Reference"), lambda m: m.reference, searchable=True),
    Col("counterparty", lambda: _t("Other party"), lambda m: m.counterparty, searchable=True),
    Col("lines", lambda: _t("Lines"), lambda m: m.lines, text=i18n.number, align=RIGHT),
    Col("user", lambda: _t("By"), lambda m: m.user),
    Col("state", lambda: _t("State"), state,
        colour=lambda m: None if reversible(m) else "#757575"),
)


class MovementsModel(SnapshotModel[MovementInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)

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
        return model.row(rows[0]) if rows else None

    def select_first(self, rows: Sequence[MovementInfo]) -> None:
        model = self.model()
        for i, m in enumerate(rows):
            if reversible(m):
                self.selectRow(i)
                self.setCurrentIndex(model.index(i, 0))
                return
