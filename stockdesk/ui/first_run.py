"""The first run: the language, what this computer serves, its administrator, the catalogue.

Shown while the database has no users.  Someone who only wants to look around chooses the
demo district on the first page and skips the rest.  Nothing is written before Finish; then
everything is written in one transaction (or the demo is built) in the background, with
progress, while the wizard stays open to show any problem next to the field concerned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from stockdesk.problems import Problem, ProblemsFound
from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.database import Database
from stockdesk.services.setup import (
    DISTRICT_STORE,
    SetupRequest,
    SetupResult,
    SetupService,
    admin_problems,
    place_problems,
)
from stockdesk.services.users import UserService
from stockdesk.ui import i18n, words
from stockdesk.ui import settings as keys
from stockdesk.ui.errors import problem_label, show_problem
from stockdesk.ui.settings import AppSettings
from stockdesk.ui.sign_in import demo_users
from stockdesk.ui.tasks import Control, Tasks

LANGUAGE_PAGE, PLACE_PAGE, ADMIN_PAGE, CATALOGUE_PAGE, DEMO_PAGE = range(5)
NAME_PROBLEMS = frozenset({"user.bad_name", "user.exists"})

if TYPE_CHECKING:
    from stockdesk.services.demo import DemoSummary


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


# build_demo's stages, in words
DEMO_STAGES = {
    "master data": QT_TRANSLATE_NOOP("FirstRun", "Saving facilities and products…"),
    "users": QT_TRANSLATE_NOOP("FirstRun", "Creating the demo users…"),
    "simulating": QT_TRANSLATE_NOOP("FirstRun", "Simulating months of daily work…"),
    "writing ledger": QT_TRANSLATE_NOOP("FirstRun", "Writing the stock cards…"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("FirstRun", text)


def demo_stage(stage: str) -> str:
    text = DEMO_STAGES.get(stage)
    return _t(text) if text is not None else stage


def build_demo_work(db: Database, actor: Actor = SETUP_ACTOR, **options: Any) -> Any:
    """Work for ``tasks.run``: build the demo district, reporting each stage (and stopping
    at the next report when the person pressed Cancel)."""
    def work(control: Control) -> DemoSummary:
        def progress(stage: str, done: int, total: int) -> None:
            control.progress(done, total, demo_stage(stage))
        from stockdesk.services.demo import build_demo  # loaded when a demo is built

        return build_demo(db, actor, progress=progress, **options)
    return work


@dataclass(frozen=True)
class FirstRunOutcome:
    """What the wizard made: the admin signed in, or a demo district to sign in to."""

    setup: SetupResult | None = None
    actor: Actor | None = None
    demo: DemoSummary | None = None


class LanguagePage(QWizardPage):
    language_chosen = Signal(str)

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languagePage")
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.set_up = QRadioButton()
        self.set_up.setObjectName("startSetUp")
        self.set_up.setChecked(True)
        self.demo = QRadioButton()
        self.demo.setObjectName("startDemo")
        group = QButtonGroup(self)
        group.addButton(self.set_up)
        group.addButton(self.demo)
        self.how = QLabel()
        self.how.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.how)
        layout.addWidget(self.set_up)
        layout.addWidget(self.demo)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(
            lambda i: self.language_chosen.emit(self.language.itemData(i)))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to StockDesk"))
        self.setSubTitle(self.tr("This computer has no StockDesk data yet. A few questions, "
                                 "and it is ready."))
        self.language_label.setText(self.tr("&Language:"))
        self.how.setText(self.tr("How do you want to start?"))
        self.set_up.setText(self.tr("&Set up this computer for a health facility or a "
                                    "district office"))
        self.demo.setText(self.tr("&Try StockDesk with a demo district (training; made-up "
                                  "data)"))

    def nextId(self) -> int:
        return DEMO_PAGE if self.demo.isChecked() else PLACE_PAGE


class PlacePage(QWizardPage):
    """A health facility (code, name, type, district) or a district office."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placePage")
        self.facility = QRadioButton()
        self.facility.setObjectName("placeFacility")
        self.facility.setChecked(True)
        self.district_office = QRadioButton()
        self.district_office.setObjectName("placeDistrictOffice")
        group = QButtonGroup(self)
        group.addButton(self.facility)
        group.addButton(self.district_office)
        self.code = QLineEdit()
        self.code.setObjectName("placeCode")
        self.code.setMaxLength(32)
        self.name = QLineEdit()
        self.name.setObjectName("placeName")
        self.district = QLineEdit()
        self.district.setObjectName("placeDistrict")
        self.type = QComboBox()
        self.type.setObjectName("placeType")
        self.code_problem = problem_label("placeCodeProblem")
        self.name_problem = problem_label("placeNameProblem")
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.code, self.name, self.type, self.district),
                                strict=True):
            label.setBuddy(field)
        form = QFormLayout()
        form.addRow(self.labels[0], self.code)
        form.addRow("", self.code_problem)
        form.addRow(self.labels[1], self.name)
        form.addRow("", self.name_problem)
        form.addRow(self.labels[2], self.type)
        form.addRow(self.labels[3], self.district)
        self.what = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addWidget(self.facility)
        layout.addWidget(self.district_office)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        self.facility.toggled.connect(self._kind_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("This computer"))
        self.setSubTitle(self.tr("Which place does this computer keep the stock of? Use the "
                                 "code the district uses for it."))
        self.what.setText(self.tr("This computer serves:"))
        self.facility.setText(self.tr("A &health facility (health centre or hospital)"))
        self.district_office.setText(self.tr("A district &office (the district store and "
                                             "its facilities)"))
        for label, text in zip(self.labels, (self.tr("&Code:"), self.tr("&Name:"),
                                             self.tr("T&ype:"), self.tr("&District:")),
                               strict=True):
            label.setText(text)
        self.code.setPlaceholderText(self.tr("for example HC-012"))
        self.name.setPlaceholderText(self.tr("for example Riverside Health Centre"))
        current = self.type.currentData()
        self.type.clear()
        for code in ("health_centre", "hospital"):  # a district office is chosen above
            self.type.addItem(words.facility_type(code), code)
        self.type.setCurrentIndex(max(0, self.type.findData(current)))
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.type.setEnabled(self.facility.isChecked())
        self.name.setPlaceholderText(
            self.tr("for example Riverside Health Centre") if self.facility.isChecked()
            else self.tr("for example North District Medical Store"))

    def kind(self) -> str:
        return str(self.type.currentData()) if self.facility.isChecked() else DISTRICT_STORE

    def validatePage(self) -> bool:
        return self.show_problems(place_problems(self.code.text(), self.name.text(),
                                                 self.kind()))

    def show_problems(self, problems: list[Problem]) -> bool:
        code = [p for p in problems if p.params.get("field") == "code"]
        name = [p for p in problems if p.params.get("field") == "name"]
        show_problem(self.code_problem, "\n".join(
            self.tr("Type the code of this place.") if p.code == "import.required"
            else self.tr("The code has at most 32 characters.") for p in code))
        show_problem(self.name_problem, "\n".join(
            self.tr("Type the name of this place.") for _ in name))
        if code:
            self.code.setFocus()
        elif name:
            self.name.setFocus()
        return not problems


class AdminPage(QWizardPage):
    """The first administrator: the person who manages users afterwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.username = QLineEdit()
        self.username.setObjectName("adminName")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("adminFullName")
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("adminPasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_problem = problem_label("adminNameProblem")
        self.password_problem = problem_label("adminPasswordProblem")
        self.again_problem = problem_label("adminPasswordAgainProblem")
        self.labels = [QLabel() for _ in range(4)]
        fields = (self.username, self.full_name, self.password, self.again)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
        form = QFormLayout()
        form.addRow(self.labels[0], self.username)
        form.addRow("", self.name_problem)
        form.addRow(self.labels[1], self.full_name)
        form.addRow(self.labels[2], self.password)
        form.addRow("", self.password_problem)
        form.addRow(self.labels[3], self.again)
        form.addRow("", self.again_problem)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The administrator"))
        self.setSubTitle(self.tr("The administrator creates the other users and restores "
                                 "backups. Everyone gets their own account later."))
        for label, text in zip(self.labels, (
                self.tr("&User name:"), self.tr("&Full name:"), self.tr("&Password:"),
                self.tr("&Repeat password:")), strict=True):
            label.setText(text)
        self.username.setPlaceholderText(self.tr("for example akone"))
        self.note.setText(self.tr("Write the password down and keep it in a safe place: "
                                  "nobody can read it back."))

    def validatePage(self) -> bool:
        problems = admin_problems(self.username.text(), self.password.text())
        self.show_problems(problems)
        differ = not problems and self.password.text() != self.again.text()
        show_problem(self.again_problem,
                     self.tr("The two passwords differ. Type them again.") if differ else "")
        if differ:
            self.again.clear()
            self.again.setFocus()
        return not problems and not differ

    def show_problems(self, problems: list[Problem]) -> None:
        name = [p for p in problems if p.code in NAME_PROBLEMS]
        password = [p for p in problems if p.code not in NAME_PROBLEMS]
        show_problem(self.name_problem, "\n".join(words.problem(p) for p in name))
        show_problem(self.password_problem, "\n".join(words.problem(p) for p in password))
        if name:
            self.username.setFocus()
        elif password:
            self.password.setFocus()


class CataloguePage(QWizardPage):
    """Start with the starter catalogue, or empty (to import a national list later)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cataloguePage")
        self.starter = QRadioButton()
        self.starter.setObjectName("starterCatalogue")
        self.starter.setChecked(True)
        self.empty = QRadioButton()
        self.empty.setObjectName("emptyCatalogue")
        group = QButtonGroup(self)
        group.addButton(self.starter)
        group.addButton(self.empty)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.problem = problem_label("finishProblem")
        layout = QVBoxLayout(self)
        layout.addWidget(self.starter)
        layout.addWidget(self.empty)
        layout.addSpacing(12)
        layout.addWidget(self.explain)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.setFinalPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Products"))
        self.setSubTitle(self.tr("Which medicines and supplies will you manage?"))
        self.starter.setText(self.tr("Start with the &starter catalogue of essential "
                                     "medicines (recommended)"))
        self.empty.setText(self.tr("Start with an &empty catalogue and import your own "
                                   "list later"))
        self.explain.setText(self.tr(
            "The starter catalogue holds a few hundred products of the WHO essential "
            "medicines list with programs, units and pack sizes. Products you do not stock "
            "stay out of the way, and the catalogue can be changed later. Press Finish to "
            "create everything."))

    def validatePage(self) -> bool:
        wizard = self.wizard()
        return isinstance(wizard, FirstRunWizard) and wizard.finish()

    def nextId(self) -> int:
        return -1


class DemoPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoPage")
        self.explain = QLabel()
        self.explain.setObjectName("demoExplanation")
        self.explain.setWordWrap(True)
        self.problem = problem_label("demoProblem")
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.setFinalPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The demo district"))
        self.setSubTitle(self.tr("A made-up district to learn and try StockDesk."))
        self.explain.setText(self.tr(
            "StockDesk will create a district store, its health centres and hospitals, "
            "products and several years of daily stock records. This takes a minute or "
            "two on an older computer.\n\nThen sign in as one of the demo users: {users}. "
            "Their password is: demo.\n\nDo not use the demo for real stock: set up a new "
            "database for that.").format(users=demo_users()))

    def validatePage(self) -> bool:
        wizard = self.wizard()
        return isinstance(wizard, FirstRunWizard) and wizard.finish()

    def nextId(self) -> int:
        return -1


class FirstRunWizard(QWizard):
    """Emits :attr:`completed` with a :class:`FirstRunOutcome` once the work is done."""

    completed = Signal(object)  # FirstRunOutcome

    def __init__(self, db: Database, tasks: Tasks, prefs: AppSettings, *,
                 demo_options: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.db = db
        self.tasks = tasks
        self.prefs = prefs
        self.demo_options = dict(demo_options or {})
        self.outcome: FirstRunOutcome | None = None
        self.working = False
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        current = prefs.get(keys.LANGUAGE) or i18n.system_language()
        self.language_page = LanguagePage(current)
        self.place_page = PlacePage()
        self.admin_page = AdminPage()
        self.catalogue_page = CataloguePage()
        self.demo_page = DemoPage()
        for number, page in ((LANGUAGE_PAGE, self.language_page), (PLACE_PAGE, self.place_page),
                             (ADMIN_PAGE, self.admin_page),
                             (CATALOGUE_PAGE, self.catalogue_page),
                             (DEMO_PAGE, self.demo_page)):
            self.setPage(number, page)
        self.setStartId(LANGUAGE_PAGE)
        self.language_page.language_chosen.connect(self.switch_language)
        self.setMinimumSize(640, 480)
        self.retranslate()

    # -- language --------------------------------------------------------------------------

    def switch_language(self, code: str) -> None:
        code = i18n.install(code)
        self.prefs.set(keys.LANGUAGE, code)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("StockDesk: first start"))
        for page in (self.language_page, self.place_page, self.admin_page,
                     self.catalogue_page, self.demo_page):
            page.retranslate()

    # -- what was asked --------------------------------------------------------------------

    def request(self) -> SetupRequest:
        place, admin = self.place_page, self.admin_page
        return SetupRequest(
            code=place.code.text().strip(), name=place.name.text().strip(), type=place.kind(),
            district=place.district.text().strip() or None,
            admin=admin.username.text().strip(), password=admin.password.text(),
            full_name=admin.full_name.text().strip() or None,
            starter_catalogue=self.catalogue_page.starter.isChecked())

    def wants_demo(self) -> bool:
        return self.language_page.demo.isChecked()

    # -- finishing ---------------------------------------------------------------------------

    def finish(self) -> bool:
        """Finish pressed: True once the work is done; until then start it (once)."""
        if self.outcome is not None:
            return True
        if self.working:
            return False
        self.working = True
        self._buttons_enabled(False)
        if self.wants_demo():
            show_problem(self.demo_page.problem, "")
            self.tasks.run(build_demo_work(self.db, **self.demo_options),
                           lambda summary: self._done(FirstRunOutcome(demo=summary)),
                           self._failed, title=self.tr("Building the demo district"),
                           parent=self)
        else:
            request = self.request()
            show_problem(self.catalogue_page.problem, "")

            def work(control: Control) -> FirstRunOutcome:
                result = SetupService(self.db).set_up(
                    request, progress=lambda done, total: control.progress(
                        done, total, _t("Creating the facility, the administrator and the "
                                        "catalogue…")))
                actor = UserService(self.db).authenticate(request.admin, request.password)
                return FirstRunOutcome(setup=result, actor=actor)

            self.tasks.run(work, self._done, self._failed,
                           title=self.tr("Setting up StockDesk"), parent=self)
        return False

    def _buttons_enabled(self, enabled: bool) -> None:
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(enabled)

    def _done(self, outcome: FirstRunOutcome) -> None:
        self.working = False
        self._buttons_enabled(True)
        self.outcome = outcome
        self.prefs.set(keys.LANGUAGE, self.language_page.language.currentData())
        if outcome.setup is not None:
            self.prefs.set(keys.LAST_FACILITY, outcome.setup.facility)
            self.prefs.set(keys.LAST_USER, outcome.setup.admin)
        elif outcome.demo is not None:
            self.prefs.set(keys.LAST_FACILITY, outcome.demo.first_facility)
        self.accept()
        self.completed.emit(outcome)

    def _failed(self, exc: BaseException) -> bool:
        self.working = False
        self._buttons_enabled(True)
        if not isinstance(exc, ProblemsFound):
            return False  # cancelled (nothing written) or a bug: the error reporter shows it
        if self.wants_demo():
            show_problem(self.demo_page.problem,
                         "\n".join(words.problem(p) for p in exc.problems))
            return True
        place = [p for p in exc.problems if p.params.get("field") in ("code", "name")]
        admin = [p for p in exc.problems if p.code.startswith("user.")]
        rest = [p for p in exc.problems if p not in place and p not in admin]
        if place:
            self.place_page.show_problems(place)
        if admin:
            self.admin_page.show_problems(admin)
        show_problem(self.catalogue_page.problem,
                     "\n".join(words.problem(p) for p in rest) or
                     self.tr("Please check what is marked in red on the earlier pages."))
        return True

