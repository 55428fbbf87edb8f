"""Administration › Stock levels (per program × facility type) and › Programs (the calculation
profile each program's requisitions use)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stockdesk.forecast.profiles import PROFILES
from stockdesk.problems import Problem, ProblemsFound, Severity
from stockdesk.services.admin_view import (
    LEVEL_FIELDS,
    MAX_MONTHS,
    AdminViewService,
    LevelRecord,
    level_problems,
)
from stockdesk.services.masterdata import LevelData, MasterDataService
from stockdesk.ui import i18n, words
from stockdesk.ui.admin_widgets import (
    FieldForm,
    ListEditor,
    fit_columns,
    named,
    problem_label,
    problem_words,
    say,
    table_view,
)
from stockdesk.ui.context import AppContext
from stockdesk.ui.models import RIGHT, Col, FilterProxy, SnapshotModel


def _months(value: float | None) -> str:
    return i18n.number(value, 1)


class LevelsTab(ListEditor):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        def level(field: str, title: Callable[[], str]) -> Col[LevelRecord]:
            return Col(field, title, lambda r: getattr(r.data, field), _months, RIGHT)

        columns: list[Col[LevelRecord]] = [
            Col("program", lambda: self.tr("Program"), lambda r: r.data.program,
                text=words.program, searchable=True),
            Col("type", lambda: self.tr("Facility type"), lambda r: r.data.facility_type,
                words.facility_type),
            level("max_mos", lambda: self.tr("Maximum")),
            level("min_mos", lambda: self.tr("Minimum")),
            level("eop_mos", lambda: self.tr("Emergency point")),
            level("lead_time_months", lambda: self.tr("Lead time")),
            level("review_months", lambda: self.tr("Review period")),
            Col("stored", lambda: self.tr("Set"), lambda r: r.stored,
                lambda v: self.tr("yes") if v else self.tr("default"),
                tooltip=lambda r: None if r.stored else self.tr(
                    "Not set yet: the default levels apply until you save them.")),
        ]
        super().__init__(ctx, "level", columns, parent)
        self.new_button.hide()
        self.save_button.setText(self.tr("Sa&ve levels"))
        self.current: LevelData | None = None
        f = self.form
        self.spins: dict[str, QDoubleSpinBox] = {}
        titles = {"max_mos": self.tr("Ma&ximum stock:"), "min_mos": self.tr("Mi&nimum stock:"),
                  "eop_mos": self.tr("&Emergency order point:"),
                  "lead_time_months": self.tr("Lead &time:"),
                  "review_months": self.tr("Review &period:")}
        for field in LEVEL_FIELDS:
            spin = QDoubleSpinBox()
            spin.setRange(0.0, MAX_MONTHS)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(self.tr(" months"))
            spin.valueChanged.connect(self._check)
            self.spins[field] = f.add(field, titles[field], spin)
        self.reason = f.add("reason", self.tr("&Reason:"), QLineEdit())
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.explain = QLabel(self.tr(
            "Levels are in months of stock. Order up to the maximum at each review; below "
            "the minimum, order now; below the emergency order point, order an emergency "
            "delivery. The minimum is usually lead time + safety stock."))
        self.explain.setWordWrap(True)
        self.form.form.addRow(self.explain)
        self.search.setPlaceholderText(self.tr("Program"))
        self.heading.setText(self.tr("Choose a program and facility type in the list."))
        self.save_button.setEnabled(False)

    def key_of(self, row: Any) -> str:
        return f"{row.data.program}/{row.data.facility_type}"

    def load_work(self) -> Callable[[Any], Any]:
        service = self.ctx.service(AdminViewService)
        return lambda c: service.levels()

    def fill(self, row: LevelRecord | None) -> None:
        if row is None:
            return
        self.current = row.data
        self.heading.setText(self.tr("Levels of {program} at a {type}").format(
            program=words.program(row.data.program),
            type=words.facility_type(row.data.facility_type).lower()))
        for field, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(getattr(row.data, field))
            spin.blockSignals(False)
        self.reason.clear()
        self.save_button.setEnabled(True)
        self._check()

    def typed(self) -> LevelData | None:
        if self.current is None:
            return None
        return LevelData(self.current.program, self.current.facility_type,
                         **{f: spin.value() for f, spin in self.spins.items()})

    def _check(self, *_: Any) -> None:
        """Inconsistent levels are said under the field while typing (they can be saved)."""
        item = self.typed()
        if item is not None:
            self.show_level_problems(level_problems(item))

    def show_level_problems(self, problems: list[Problem]) -> None:
        self.form.show_problems([p for p in problems if p.is_error])
        for p in problems:
            if p.severity is Severity.WARNING and p.where is not None and p.where.column:
                say(self.form.problems[p.where.column], self.warning_text(p), warning=True)

    def warning_text(self, p: Problem) -> str:
        item = self.typed()
        assert item is not None
        if p.params.get("detail") == "min_above_max":
            return self.tr("The minimum ({min} months) is above the maximum ({max} months): "
                           "check both.").format(min=_months(item.min_mos),
                                                 max=_months(item.max_mos))
        return self.tr("The emergency order point ({eop} months) should be below the minimum "
                       "({min} months).").format(eop=_months(item.eop_mos),
                                                 min=_months(item.min_mos))

    def save_work(self) -> Callable[[Any], Any] | None:
        item = self.typed()
        if item is None:
            return None
        reason = self.reason.text() or None
        service = self.ctx.service(AdminViewService)

        def work(control: Any) -> tuple[str, list[Problem]]:
            return (f"{item.program}/{item.facility_type}",
                    service.save_level(item, reason))
        return work

    def _saved(self, result: Any) -> None:
        key, warnings = result
        super()._saved(key)
        if warnings:
            self.status.setText(self.tr("Saved {what}, with a warning: see the fields "
                                        "marked.").format(what=key))


# -- programs and their calculation profile --------------------------------------------------


def profile_words(name: str) -> str:
    """What a calculation profile does, in words a district officer reads."""
    if name == "openlmis":
        return QCoreApplication.translate(
            "Profiles", "Each month's consumption is scaled up for the days the product was "
                        "out of stock and rounded up to a whole unit; the average of the last "
                        "3 months is rounded up. This is what OpenLMIS v3 does.")
    if name == "msupply":
        return QCoreApplication.translate(
            "Profiles", "Consumption is scaled up to the days the product was in stock, "
                        "without rounding; the average of 3 months is kept to 2 decimals, as "
                        "mSupply prints it.")
    if name == "civ-elmis":
        return QCoreApplication.translate(
            "Profiles", "Consumption is scaled up for stockout days only when the product was "
                        "out for part of the month; the average of 3 months is rounded to the "
                        "nearest unit, as the Côte d'Ivoire eLMIS does.")
    if name == "unadjusted":
        return QCoreApplication.translate(
            "Profiles", "Consumption as recorded, stockout days ignored, as on a paper form; "
                        "the average of 3 months is rounded up.")
    return ""


class ProgramsTab(QWidget):
    """Programs with the calculation profile their requisitions use, and a way to change it."""

    saved = Signal(str)  # the program whose profile changed
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: SnapshotModel[tuple[str, str, str]] = SnapshotModel([
            Col("code", lambda: self.tr("Program"), lambda p: p[0], searchable=True),
            Col("name", lambda: self.tr("Name"), lambda p: p[1]),
            Col("profile", lambda: self.tr("Calculation profile"),
                lambda p: PROFILES[p[2]].label if p[2] in PROFILES else p[2],
                tooltip=lambda p: profile_words(p[2])),
        ], self)
        self.proxy = FilterProxy(self)
        self.table = table_view("programTable", self.model, self.proxy)
        self.heading = named(QLabel(self.tr("Choose a program in the list.")), "programHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.form = FieldForm("program")
        self.profile = self.form.add("profile", self.tr("Calculation &profile:"), QComboBox())
        for name, profile in PROFILES.items():
            self.profile.addItem(profile.label, name)
        self.explain = named(QLabel(), "programExplain")
        self.explain.setWordWrap(True)
        self.formula = named(QLabel(), "programFormula")
        self.formula.setWordWrap(True)
        self.formula.setStyleSheet("color: #555;")
        self.reason = self.form.add("reason", self.tr("&Reason:"), QLineEdit())
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.apply = named(QPushButton(self.tr("&Use this profile")), "programApply")
        self.apply.setDefault(True)
        self.apply.setEnabled(False)
        self.status = named(QLabel(), "programStatus")
        self.status.setWordWrap(True)
        self.problem = problem_label("programProblem")

        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.form)
        right.addWidget(self.explain)
        right.addWidget(self.formula)
        note = QLabel(self.tr("The profile decides how adjusted consumption (N) and average "
                              "monthly consumption (P) are computed for the program's next "
                              "requisitions; requisitions already submitted keep theirs."))
        note.setWordWrap(True)
        right.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply)
        right.addLayout(buttons)
        right.addWidget(self.problem)
        right.addWidget(self.status)
        right.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addWidget(self.table, 3)
        outer.addLayout(right, 2)

        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.profile.currentIndexChanged.connect(self._explain)
        self.apply.clicked.connect(self.save)
        self._explain()

    def refresh(self) -> None:
        service = self.ctx.service(MasterDataService)
        self.ctx.tasks.run(lambda c: service.programs(), self._loaded, parent=self)

    def _loaded(self, rows: list[tuple[str, str, str]]) -> None:
        current = self.program()
        self.model.set_rows(rows)
        fit_columns(self.table)
        if current:
            self.select(current)
        self.loaded.emit()

    def program(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row(self.proxy.mapToSource(index))[0] if index.isValid() else None

    def select(self, code: str) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if self.model.row(self.proxy.mapToSource(index))[0] == code:
                self.table.setCurrentIndex(index)
                return

    def _picked(self, index: Any, *_: Any) -> None:
        if not index.isValid():
            return
        code, _name, profile = self.model.row(self.proxy.mapToSource(index))
        self.heading.setText(self.tr("Program {code}").format(code=code))
        self.profile.setCurrentIndex(max(0, self.profile.findData(profile)))
        self.apply.setEnabled(True)
        say(self.problem, "")

    def _explain(self, *_: Any) -> None:
        name = self.profile.currentData()
        self.explain.setText(profile_words(name))
        self.formula.setText(PROFILES[name].source if name in PROFILES else "")

    def save(self) -> None:
        program = self.program()
        if program is None:
            return
        profile, reason = self.profile.currentData(), self.reason.text() or None
        service = self.ctx.service(MasterDataService)
        self.ctx.tasks.run(lambda c: service.set_program_profile(program, profile, reason),
                           lambda name: self._saved(program, name), self._failed, parent=self)

    def _saved(self, program: str, name: str) -> None:
        self.status.setText(self.tr("{program} now uses the {profile} profile.").format(
            program=program, profile=PROFILES[name].label))
        self.reason.clear()
        self.ctx.bus.master_data_changed.emit()
        self.refresh()
        self.saved.emit(program)

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, ProblemsFound):
            say(self.problem, "\n".join(problem_words(p) for p in exc.problems))
            return True
        return False
