"""Small pieces the Reports and Administration screens share: named widgets, a label for a
problem shown next to its field, a sortable table over a snapshot model, a form whose fields
show the service's problems inline."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stockdesk.problems import Problem, ProblemsFound
from stockdesk.ui import words
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import problem_label, show_problem
from stockdesk.ui.models import ROW_ROLE, Col, FilterProxy, SnapshotModel
from stockdesk.ui.tables import fit_columns as sized
from stockdesk.ui.tables import read_only_table

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def say(label: QLabel, text: str, *, warning: bool = False) -> None:
    show_problem(label, text, warning=warning)


def table_view(name: str, model: SnapshotModel[Any], proxy: FilterProxy) -> QTableView:
    proxy.setSourceModel(model)
    return read_only_table(name, proxy)


def fit_columns(view: QTableView, widest: int = 320) -> None:
    """Columns as wide as their contents, none wider than ``widest`` pixels (long texts elide;
    the tooltip has them whole)."""
    sized(view, cap=widest)


def problem_words(p: Problem, field_words: Callable[[str], str] | None = None) -> str:
    """A problem as a sentence, the field it names in the person's words; texts for the
    codes the administration service adds."""
    params = dict(p.params)
    if field_words is not None and "field" in params:
        params["field"] = field_words(str(params["field"]))
    if p.code == "masterdata.code_exists":
        return QCoreApplication.translate(
            "Admin", "The code {code} is already used; choose it in the list to change it, "
                     "or give another code.").format(code=params.get("code", ""))
    return words.problem(Problem(p.code, params, p.severity))


class FieldForm(QWidget):
    """A form of labelled fields, each with a problem line under it."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.form)
        self.problems: dict[str, QLabel] = {}
        self.titles: dict[str, str] = {}
        self.general = problem_label(f"{prefix}Problem")
        outer.addWidget(self.general)

    def add(self, key: str, label: str, widget: W) -> W:
        """``label`` with its mnemonic; the field is named ``{prefix}_{key}``."""
        named(widget, f"{self.prefix}_{key}")
        caption = QLabel(label)
        caption.setBuddy(widget)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        problem = problem_label(f"{self.prefix}_{key}Problem")
        if isinstance(widget, (QAbstractSpinBox, QCheckBox)):
            row = QHBoxLayout()  # numbers stay narrow; the problem line may be longer
            row.addWidget(widget)
            row.addStretch(1)
            column.addLayout(row)
        else:
            widget.setSizePolicy(QSizePolicy.Policy.Expanding,
                                 widget.sizePolicy().verticalPolicy())
            column.addWidget(widget)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column.addWidget(problem)
        self.form.addRow(caption, box)
        self.problems[key] = problem
        self.titles[key] = label.replace("&", "").rstrip(":")
        return widget

    def field_words(self, key: str) -> str:
        return self.titles.get(key, key)

    def clear_problems(self) -> None:
        for label in [*self.problems.values(), self.general]:
            say(label, "")

    def show_problems(self, problems: Iterable[Problem], aliases: dict[str, str] | None = None,
                      ) -> None:
        """Each problem under its field (``where.column``), the rest at the bottom."""
        self.clear_problems()
        by_field: dict[str, list[str]] = {}
        for p in problems:
            column = p.where.column if p.where is not None else None
            column = (aliases or {}).get(column or "", column)
            key = column if column in self.problems else ""
            by_field.setdefault(key or "", []).append(problem_words(p, self.field_words))
        for key, texts in by_field.items():
            say(self.problems[key] if key else self.general, "\n".join(texts))


class ListEditor(QWidget):
    """A searchable list on the left, the chosen item's form on the right, New and Save.

    Subclasses give the columns, how to load the rows, how to fill the form from a row and how
    to save the form; every service call goes through ``ctx.tasks``.
    """

    saved = Signal(str)  # the key of what was saved (tests wait on it)
    loaded = Signal()

    def __init__(self, ctx: AppContext, prefix: str, columns: Sequence[Col[Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prefix = prefix
        self.new = True
        self.model: SnapshotModel[Any] = SnapshotModel(columns, self)
        self.proxy = FilterProxy(self)
        self.table = table_view(f"{prefix}Table", self.model, self.proxy)
        self.search = named(QLineEdit(), f"{prefix}Search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.form = FieldForm(prefix)
        self.new_button = named(QPushButton(), f"{prefix}New")
        self.save_button = named(QPushButton(), f"{prefix}Save")
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.status = named(QLabel(), f"{prefix}Status")
        self.status.setWordWrap(True)

        left = QVBoxLayout()
        search_row = QHBoxLayout()
        search_label = QLabel(QCoreApplication.translate("Admin", "&Search:"))
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        left.addLayout(search_row)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        self.heading = named(QLabel(), f"{prefix}Heading")
        self.heading.setStyleSheet("font-weight: bold;")
        right.addWidget(self.heading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        right.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        right.addWidget(self.status)
        outer = QHBoxLayout(self)
        outer.addLayout(left, 3)
        outer.addLayout(right, 2)

        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)

    # -- to give ---------------------------------------------------------------------------------

    def load_work(self) -> Callable[[Any], Any]:
        raise NotImplementedError

    def fill(self, row: Any) -> None:
        """Show ``row`` in the form (None: an empty form for a new item)."""
        raise NotImplementedError

    def save_work(self) -> Callable[[Any], Any] | None:
        """The work saving the form, or None when the form itself shows a problem."""
        raise NotImplementedError

    def key_of(self, row: Any) -> str:
        return str(getattr(row, "code", ""))

    def after_save(self) -> None:
        self.ctx.bus.master_data_changed.emit()

    # -- behaviour -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.tasks.run(self.load_work(), self._loaded, parent=self)

    def _loaded(self, rows: Any) -> None:
        current = self.current_key()
        if isinstance(rows, tuple) and len(rows) == 2 and isinstance(rows[1], dict):
            rows, extra = rows
            self.extra(extra)
        self.model.set_rows(rows)
        fit_columns(self.table, 200)
        if current:
            self.select(current)
        elif self.new:
            self.start_new()
        self.loaded.emit()

    def extra(self, extra: dict[str, Any]) -> None:
        """Choices the form offers, loaded with the rows."""

    def current_key(self) -> str | None:
        if self.new:
            return None
        index = self.table.currentIndex()
        return self.key_of(self.proxy.data(index, ROW_ROLE)) if index.isValid() else None

    def select(self, key: str) -> bool:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if self.key_of(self.proxy.data(index, ROW_ROLE)) == key:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                self._picked(index)
                return True
        return False

    def _picked(self, index: Any, *_: Any) -> None:
        if not index.isValid():
            return
        self.new = False
        self.form.clear_problems()
        self.fill(self.proxy.data(index, ROW_ROLE))

    def start_new(self) -> None:
        self.new = True
        self.table.clearSelection()
        self.form.clear_problems()
        self.fill(None)

    def save(self) -> None:
        self.form.clear_problems()
        work = self.save_work()
        if work is None:
            return
        self.ctx.tasks.run(work, self._saved, self._failed, parent=self)

    def _saved(self, key: Any) -> None:
        self.new = False
        self.status.setText(QCoreApplication.translate("Admin", "Saved {what}.").format(
            what=str(key)))
        self.after_save()
        self.ctx.tasks.run(self.load_work(), lambda rows: self._reloaded(rows, str(key)),
                           parent=self)

    def _reloaded(self, rows: Any, key: str) -> None:
        self._loaded(rows)
        self.select(key)
        self.saved.emit(key)

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, ProblemsFound):
            self.form.show_problems(exc.problems)
            self.status.setText(QCoreApplication.translate(
                "Admin", "Nothing was saved: please check the fields marked in red."))
            return True
        return False

