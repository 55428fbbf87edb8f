"""Administration › Users and roles: who may sign in, with which role, at which facility."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stockdesk.problems import Location, Problem, ProblemsFound
from stockdesk.services.auth import ALL_ROLES, FACILITY_ROLES
from stockdesk.services.directory import DirectoryService
from stockdesk.services.users import MIN_PASSWORD, UserInfo, UserService
from stockdesk.ui import i18n, words
from stockdesk.ui.admin_widgets import FieldForm, fit_columns, named, say, table_view
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import PROBLEM_STYLE
from stockdesk.ui.models import Col, FilterProxy, SnapshotModel

# where each problem of the user service belongs in the forms
NEW_FIELDS = {"user.bad_name": "username", "user.exists": "username",
              "user.password_too_short": "password", "user.password_is_name": "password",
              "user.bad_role": "role", "facility.unknown": "facility"}
RESET_FIELDS = {"user.password_too_short": "password", "user.password_is_name": "password",
                "user.password_unchanged": "password"}


class UsersTab(QWidget):
    changed = Signal(str)  # the user created or changed (tests wait on it)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: SnapshotModel[UserInfo] = SnapshotModel([
            Col("username", lambda: self.tr("User name"), lambda u: u.username,
                searchable=True),
            Col("full_name", lambda: self.tr("Full name"), lambda u: u.full_name,
                searchable=True),
            Col("role", lambda: self.tr("Role"), lambda u: words.role(u.role)),
            Col("facility", lambda: self.tr("Facility"), lambda u: u.facility),
            Col("state", lambda: self.tr("State"), self._state,
                colour=lambda u: None if u.active and not u.locked else "#757575"),
        ], self)
        self.proxy = FilterProxy(self)
        self.table = table_view("userTable", self.model, self.proxy)

        # a new user
        self.new = FieldForm("newUser")
        self.username = self.new.add("username", self.tr("&User name:"), QLineEdit())
        self.full_name = self.new.add("full_name", self.tr("Full &name:"), QLineEdit())
        self.role = self.new.add("role", self.tr("R&ole:"), QComboBox())
        for code in ALL_ROLES:
            self.role.addItem(words.role(code), code)
        self.facility = self.new.add("facility", self.tr("Works &at:"), QComboBox())
        self.password = self.new.add("password", self.tr("&Password:"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.rules = named(QLabel(self._rules()), "newUserRules")
        self.rules.setWordWrap(True)
        self.new.form.addRow(self.rules)
        self.create_button = named(QPushButton(self.tr("&Create user")), "newUserCreate")
        new_box = QGroupBox(self.tr("New user"))
        box = QVBoxLayout(new_box)
        box.addWidget(self.new)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        box.addLayout(row)

        # the chosen user
        self.chosen = FieldForm("user")
        self.chosen_name = named(QLabel(self.tr("Choose a user in the list.")), "userChosen")
        self.chosen.form.addRow(self.chosen_name)
        self.new_role = self.chosen.add("role", self.tr("New rol&e:"), QComboBox())
        for code in ALL_ROLES:
            self.new_role.addItem(words.role(code), code)
        self.reset_password = self.chosen.add("password", self.tr("New pass&word:"),
                                              QLineEdit())
        self.reset_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_password.setPlaceholderText(self.tr("They must change it when they sign in"))
        self.change_role = named(QPushButton(self.tr("Change &role")), "userChangeRole")
        self.set_password = named(QPushButton(self.tr("&Set password")), "userSetPassword")
        self.toggle_active = named(QPushButton(self.tr("&Deactivate")), "userToggleActive")
        self.unlock = named(QPushButton(self.tr("Unloc&k")), "userUnlock")
        chosen_box = QGroupBox(self.tr("Selected user"))
        box = QVBoxLayout(chosen_box)
        box.addWidget(self.chosen)
        row = QHBoxLayout()
        for b in (self.change_role, self.set_password, self.toggle_active, self.unlock):
            row.addWidget(b)
        row.addStretch(1)
        box.addLayout(row)
        self.status = named(QLabel(), "userStatus")
        self.status.setWordWrap(True)

        right = QVBoxLayout()
        right.addWidget(new_box)
        right.addWidget(chosen_box)
        right.addWidget(self.status)
        right.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addWidget(self.table, 1)
        outer.addLayout(right, 1)

        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.password.textChanged.connect(self._password_typed)
        self.create_button.clicked.connect(self.create_user)
        self.change_role.clicked.connect(self._change_role)
        self.set_password.clicked.connect(self._set_password)
        self.toggle_active.clicked.connect(self._toggle_active)
        self.unlock.clicked.connect(self._unlock)
        self.username.returnPressed.connect(self.create_user)
        self.password.returnPressed.connect(self.create_user)
        self._enable_chosen(None)
        self._role_changed()

    def _rules(self) -> str:
        return self.tr("A password has at least {min} characters and is not the user name. "
                       "A new user chooses their own at first sign-in.").format(
            min=i18n.number(MIN_PASSWORD))

    def _state(self, u: UserInfo) -> str:
        if not u.active:
            return self.tr("Deactivated")
        if u.locked:
            return self.tr("Locked until {time}").format(time=i18n.stamp(u.locked_until))
        if u.must_change_password:
            return self.tr("Must choose a password")
        return self.tr("Active")

    # -- loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        users = self.ctx.service(UserService)
        directory = self.ctx.service(DirectoryService)
        self.ctx.tasks.run(lambda c: (users.list_users(), directory.facilities()),
                           self._loaded, parent=self)

    def _loaded(self, result: tuple[list[UserInfo], list[Any]]) -> None:
        users, facilities = result
        chosen = self.user()
        self.model.set_rows(users)
        fit_columns(self.table, 220)
        current = self.facility.currentData()
        self.facility.clear()
        self.facility.addItem(self.tr("(the whole district)"), "")
        for f in facilities:
            self.facility.addItem(f.label, f.code)
        self.facility.setCurrentIndex(max(0, self.facility.findData(current or "")))
        if chosen is not None:
            self.select(chosen.username)
        self.loaded.emit()

    def user(self) -> UserInfo | None:
        index = self.table.currentIndex()
        return self.model.row(self.proxy.mapToSource(index)) if index.isValid() else None

    def select(self, username: str) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if self.model.row(self.proxy.mapToSource(index)).username == username:
                self.table.setCurrentIndex(index)
                self._picked(index)
                return

    # -- a new user ------------------------------------------------------------------------------

    def _role_changed(self, *_: Any) -> None:
        self.facility.setEnabled(self.role.currentData() in FACILITY_ROLES)

    def _password_typed(self, text: str) -> None:
        """The rules turn red while the password typed does not follow them."""
        short = 0 < len(text) < MIN_PASSWORD
        same = bool(text) and text.strip().lower() == self.username.text().strip().lower()
        self.rules.setStyleSheet(PROBLEM_STYLE if short or same else "")

    def create_user(self) -> None:
        self.new.clear_problems()
        username, role = self.username.text().strip(), self.role.currentData()
        password, full_name = self.password.text(), self.full_name.text().strip() or None
        facility = self.facility.currentData() if role in FACILITY_ROLES else None
        users = self.ctx.service(UserService)
        self.ctx.tasks.run(
            lambda c: users.create_user(username, role, password, full_name=full_name,
                                        facility=facility or None),
            self._created, lambda exc: self._problems(exc, self.new, NEW_FIELDS), parent=self)

    def _created(self, info: UserInfo) -> None:
        self.status.setText(self.tr("{user} can now sign in as {role}.").format(
            user=info.username, role=words.role(info.role)))
        for w in (self.username, self.full_name, self.password):
            w.clear()
        self._done(info)

    # -- the chosen user -------------------------------------------------------------------------

    def _picked(self, index: Any, *_: Any) -> None:
        user = self.model.row(self.proxy.mapToSource(index)) if index.isValid() else None
        self._enable_chosen(user)

    def _enable_chosen(self, user: UserInfo | None) -> None:
        self.chosen.clear_problems()
        for w in (self.new_role, self.reset_password, self.change_role, self.set_password,
                  self.toggle_active, self.unlock):
            w.setEnabled(user is not None)
        if user is None:
            return
        self.chosen_name.setText(self.tr("{user} ({name}): {state}").format(
            user=user.username, name=user.full_name or "", state=self._state(user)))
        self.new_role.setCurrentIndex(max(0, self.new_role.findData(user.role)))
        self.toggle_active.setText(self.tr("&Deactivate") if user.active
                                   else self.tr("Re&activate"))
        self.unlock.setEnabled(user.locked)

    def _run(self, work: Callable[[UserService, str], UserInfo], done_text: str) -> None:
        user = self.user()
        if user is None:
            return
        self.chosen.clear_problems()
        users = self.ctx.service(UserService)
        name = user.username

        def done(info: UserInfo) -> None:
            self.status.setText(done_text.format(user=info.username,
                                                 role=words.role(info.role)))
            self._done(info)
        self.ctx.tasks.run(lambda c: work(users, name), done,
                           lambda exc: self._problems(exc, self.chosen, RESET_FIELDS),
                           parent=self)

    def _change_role(self) -> None:
        role = self.new_role.currentData()
        self._run(lambda s, u: s.change_role(u, role),
                  self.tr("{user} is now {role}."))

    def _set_password(self) -> None:
        password = self.reset_password.text()
        self.reset_password.clear()
        self._run(lambda s, u: s.change_password(u, password),
                  self.tr("The password of {user} was set; they must choose their own at "
                          "their next sign-in."))

    def _toggle_active(self) -> None:
        user = self.user()
        if user is None:
            return
        active = not user.active
        self._run(lambda s, u: s.set_active(u, active),
                  self.tr("{user} may sign in again.") if active
                  else self.tr("{user} can no longer sign in; their records keep their name."))

    def _unlock(self) -> None:
        self._run(lambda s, u: s.unlock(u), self.tr("{user} is unlocked."))

    # -- after a change --------------------------------------------------------------------------

    def _done(self, info: UserInfo) -> None:
        self.ctx.bus.users_changed.emit()
        users = self.ctx.service(UserService)
        directory = self.ctx.service(DirectoryService)

        def reloaded(result: Any) -> None:
            self._loaded(result)
            self.select(info.username)
            self.changed.emit(info.username)
        self.ctx.tasks.run(lambda c: (users.list_users(), directory.facilities()), reloaded,
                           parent=self)

    def _problems(self, exc: BaseException, form: FieldForm, fields: dict[str, str]) -> bool:
        if not isinstance(exc, ProblemsFound):
            return False
        form.show_problems(_placed(exc.problems, fields))
        say(self.status, "")
        return True


def _placed(problems: list[Problem], fields: dict[str, str]) -> list[Problem]:
    """Each problem at the field it concerns."""
    return [p.at(Location(column=fields[p.code])) if p.code in fields else p
            for p in problems]
