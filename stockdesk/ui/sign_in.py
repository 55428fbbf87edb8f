"""Signing in, and choosing a new password when an administrator set the current one.

Both dialogs check through :class:`UserService` in the background and say what went wrong
under the field concerned, so a wrong password or a locked account never opens a popup over
the dialog the person is typing in.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from stockdesk.problems import Problem, ProblemsFound
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database
from stockdesk.services.users import UserService
from stockdesk.ui import words
from stockdesk.ui.errors import problem_label, show_problem
from stockdesk.ui.tasks import Control, Tasks


def demo_password() -> str:
    from stockdesk.services.demo import DEMO_PASSWORD

    return DEMO_PASSWORD


def demo_users() -> str:
    """The demo accounts, the administrator's last (most people try a daily role first)."""
    from stockdesk.services.demo import DEMO_ADMIN, DEMO_USERS  # only with the demo

    names = [u[0] for u in DEMO_USERS]
    return ", ".join(sorted(names, key=lambda n: n == DEMO_ADMIN))


def minutes_until(until: str, now: datetime | None = None) -> int | None:
    """Whole minutes (at least 1) until a lock given as local ``YYYY-MM-DD HH:MM`` ends."""
    try:
        end = datetime.strptime(until, "%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return None
    seconds = (end - (now or datetime.now())).total_seconds()
    return max(1, int(-(-seconds // 60)))


class SignInDialog(QDialog):
    """User name and password; emits :attr:`signed_in` with the Actor on success."""

    signed_in = Signal(object)  # Actor

    def __init__(self, db: Database, tasks: Tasks, *, username: str = "", demo: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.db = db
        self.tasks = tasks
        self.busy = False
        self.setWindowTitle(self.tr("Sign in to StockDesk"))

        heading = QLabel(self.tr("Sign in to StockDesk"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)

        self.user = QLineEdit(username)
        self.user.setObjectName("signInUser")
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = problem_label("signInMessage")

        form = QFormLayout()
        user_label = QLabel(self.tr("&User name:"))
        user_label.setBuddy(self.user)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.user)
        form.addRow(password_label, self.password)
        form.addRow("", self.message)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.addButton(
            self.tr("&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("signInButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        if demo:
            hint = QLabel(self.tr("Demo users: {users} — password: {password}").format(
                users=demo_users(), password=demo_password()))
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.sign_in_button.setDefault(True)  # once in the dialog, or Cancel takes it
        self.setMinimumWidth(420)
        (self.password if username else self.user).setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        name = self.user.text().strip()
        if not name:
            show_problem(self.message, self.tr("Type your user name."))
            self.user.setFocus()
            return
        password = self.password.text()
        self._set_busy(True)
        show_problem(self.message, "")

        def work(control: Control) -> Actor:
            return UserService(self.db).authenticate(name, password)

        self.tasks.run(work, self._done, self._failed, parent=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.sign_in_button.setEnabled(not busy)
        self.user.setReadOnly(busy)
        self.password.setReadOnly(busy)

    def _done(self, actor: Actor) -> None:
        self._set_busy(False)
        self.password.clear()
        self.signed_in.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        self._set_busy(False)
        if not isinstance(exc, ProblemsFound):
            return False
        show_problem(self.message, "\n".join(self.describe(p) for p in exc.problems))
        self.password.clear()
        self.password.setFocus()
        return True

    def describe(self, p: Problem) -> str:
        text = words.problem(p)
        if p.code == "auth.locked":
            minutes = minutes_until(str(p.params.get("until", "")))
            if minutes is not None:
                return self.tr("{problem} (in {minutes} min)").format(problem=text,
                                                                       minutes=minutes)
        return text


class ChangePasswordDialog(QDialog):
    """A user whose password an admin set chooses their own; emits the refreshed Actor."""

    changed = Signal(object)  # Actor

    def __init__(self, db: Database, tasks: Tasks, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.setWindowTitle(self.tr("Choose your password"))
        intro = QLabel(self.tr(
            "{user}, your password was set by an administrator, who therefore knows it. "
            "Choose a new password that only you know.").format(user=actor.username))
        intro.setWordWrap(True)
        self.new = QLineEdit()
        self.new.setObjectName("newPassword")
        self.new.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("newPasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = problem_label("newPasswordMessage")
        form = QFormLayout()
        new_label = QLabel(self.tr("&New password:"))
        new_label.setBuddy(self.new)
        again_label = QLabel(self.tr("&Repeat it:"))
        again_label.setBuddy(self.again)
        form.addRow(new_label, self.new)
        form.addRow(again_label, self.again)
        form.addRow("", self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = buttons.addButton(self.tr("&Save password"),
                                      QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setObjectName("savePassword")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.save.setDefault(True)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        new = self.new.text()
        if new != self.again.text():
            show_problem(self.message, self.tr("The two passwords differ. Type them again."))
            self.again.clear()
            self.again.setFocus()
            return
        self.save.setEnabled(False)
        username = self.actor.username

        def work(control: Control) -> Actor:
            UserService(self.db, self.actor).change_password(username, new)
            return UserService(self.db).authenticate(username, new)

        self.tasks.run(work, self._done, self._failed, parent=self)

    def _done(self, actor: Actor) -> None:
        self.save.setEnabled(True)
        self.changed.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        self.save.setEnabled(True)
        if not isinstance(exc, ProblemsFound):
            return False
        show_problem(self.message, "\n".join(words.problem(p) for p in exc.problems))
        self.new.setFocus()
        return True
