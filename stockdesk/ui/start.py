"""Starting the window: the application object, the language, the database, signing in.

The database is opened (and migrated after a backup) before the main window exists, so the
window never shows a half-upgraded database; a database made by a newer StockDesk is refused
with a message saying so.  A database without users starts the first-run wizard; otherwise
the person signs in, and the main window restores its own geometry, page and facility.

:class:`Starter` drives these steps with signals and never blocks, so tests fill in each
dialog as a person would; :func:`run` is the ``stockdesk gui`` command around it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from stockdesk import collector
from stockdesk.app import (
    APP_NAME,
    ENV_PASSWORD,
    DatabaseTooNew,
    Paths,
    Settings,
    log_to_file,
    open_database,
)
from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.users import UserService, has_users
from stockdesk.ui import i18n
from stockdesk.ui import settings as keys
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import ErrorReporter, known_failure
from stockdesk.ui.main_window import MainWindow
from stockdesk.ui.pages import preload_data
from stockdesk.ui.settings import AppSettings
from stockdesk.ui.sign_in import ChangePasswordDialog, SignInDialog
from stockdesk.ui.tasks import Cancelled, Tasks

if TYPE_CHECKING:  # the first-run wizard is imported when a first run needs it
    from stockdesk.ui.first_run import FirstRunOutcome


def _t(text: str) -> str:
    return QCoreApplication.translate("Start", text)


def application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    return app


def too_new_text(exc: DatabaseTooNew) -> str:
    """The refusal of a newer database, in the person's language, naming both versions."""
    return _t("This database was written by a newer version of StockDesk (database schema "
              "{schema}). This is StockDesk {version}, which cannot open it without risking "
              "your records. Install the newer StockDesk on this computer; the database was "
              "not changed.").format(schema=exc.revision or "?", version=exc.version)


class Starter(QObject):
    """Database → first run or sign-in → (new password) → main window; sign-out signs in again.

    Every step shows a non-blocking dialog and announces it, so a test (or a person) answers
    it; :attr:`finished` carries the exit status once nothing more will be shown.
    """

    message_shown = Signal(object)  # QMessageBox
    wizard_shown = Signal(object)  # FirstRunWizard
    sign_in_shown = Signal(object)  # SignInDialog
    password_change_shown = Signal(object)  # ChangePasswordDialog
    window_opened = Signal(object)  # MainWindow
    finished = Signal(int)

    def __init__(self, conf: Settings, prefs: AppSettings, *, demo: bool = False,
                 today: Callable[[], date] = today_local,
                 demo_options: dict[str, Any] | None = None,
                 screenshot: Path | None = None, password: str | None = None,
                 hold_collector: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # the program's own start (not a test): garbage collection waits while the window
        # is built after signing in, as it did while StockDesk was imported
        self.hold_collector = hold_collector
        # a run without a person (no screen): sign in with ``password``, picture the window
        self.screenshot = screenshot
        self.password = password
        self.conf = conf
        self.prefs = prefs
        self.demo = demo
        self.today = today
        self.demo_options = dict(demo_options or {})
        self.tasks = Tasks(self)
        self.errors = ErrorReporter()
        self.tasks.unhandled.connect(self.errors.report)
        self.db: Database | None = None
        self.notes: list[str] = []
        self.dialog: QWidget | None = None
        self.window: MainWindow | None = None
        self.ctx: AppContext | None = None
        self.exit_code: int | None = None
        self._signing_out = False

    # -- opening the database ----------------------------------------------------------------

    def start(self) -> None:
        try:
            opened = open_database(self.conf.db_url, today=self.today(),
                                   daily_keep=self.conf.daily_backups)
        except DatabaseTooNew as exc:
            self._fatal(too_new_text(exc))
            return
        except Exception as exc:
            self._failed(exc, _t("StockDesk could not open its database: {detail}"))
            return
        self.db = opened.db
        preload_data(self.prefs.get(keys.LAST_PAGE))
        if opened.upgrade_backup is not None:
            self.notes.append(_t("The database was upgraded to this version of StockDesk. "
                                 "The copy from before is {file}.").format(
                                     file=str(opened.upgrade_backup)))
        self.notes += [_t("Warning: {detail}").format(detail=w) for w in opened.warnings]
        db = self.db
        self.tasks.run(lambda control: not has_users(db), self._users_known)

    def _failed(self, exc: BaseException, text: str) -> None:
        """Close StockDesk over ``exc``: a known failure (disk full, database locked...) in
        its own sentence, anything else in ``text`` (``{detail}``: the error) and reported."""
        friendly = known_failure(exc)
        if friendly is None:
            self.errors.report(exc)
            friendly = text.format(detail=str(exc))
        self._fatal(friendly)

    def _fatal(self, text: str) -> None:
        collector.release()
        box = QMessageBox(QMessageBox.Icon.Critical, _t("StockDesk cannot start"), text,
                          QMessageBox.StandardButton.Ok)
        box.setObjectName("startMessage")
        box.finished.connect(lambda _result: self._finish(1))
        self.dialog = box
        box.open()
        self.message_shown.emit(box)

    def _users_known(self, empty: bool) -> None:
        if not empty:
            self.show_sign_in()
        elif self.demo:
            self._build_demo()
        else:
            self.show_wizard()

    # -- first run -----------------------------------------------------------------------

    def show_wizard(self) -> None:
        from stockdesk.ui.first_run import FirstRunWizard  # a first run only

        assert self.db is not None
        collector.release()  # a person answers now
        wizard = FirstRunWizard(self.db, self.tasks, self.prefs,
                                demo_options=self.demo_options)
        wizard.completed.connect(self._first_run_done)
        wizard.rejected.connect(lambda: self._finish(0))
        self.dialog = wizard
        wizard.show()
        self.wizard_shown.emit(wizard)

    def _first_run_done(self, outcome: FirstRunOutcome) -> None:
        if outcome.actor is not None:
            self.open_window(outcome.actor)
        else:
            self.demo = True
            self.show_sign_in()

    def _build_demo(self) -> None:
        from stockdesk.ui.first_run import build_demo_work  # a first run only

        assert self.db is not None
        collector.release()  # long work that makes and drops many objects

        def failed(exc: BaseException) -> bool:
            # nothing is left half-built; say why before closing, as a failed start does
            if isinstance(exc, Cancelled):
                self._finish(1)
                return True
            self._failed(exc, _t("The demo district could not be built: {detail}"))
            return True

        self.tasks.run(build_demo_work(self.db, SETUP_ACTOR, **self.demo_options),
                       self._demo_built, failed,
                       title=_t("Building the demo district"))

    def _demo_built(self, summary: Any) -> None:
        self.prefs.set(keys.LAST_FACILITY, summary.first_facility)
        self.show_sign_in()

    # -- signing in ----------------------------------------------------------------------

    def show_sign_in(self) -> None:
        assert self.db is not None
        name = self.conf.username or self.prefs.get(keys.LAST_USER)
        if not name and self.demo:
            name = "pharmacist"
        if self.screenshot is not None:
            self._sign_in_unattended(name or "", self.password or "")
            return
        collector.release()  # a person types now
        dialog = SignInDialog(self.db, self.tasks, username=name, demo=self.demo)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(lambda: self._finish(0))
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.sign_in_shown.emit(dialog)

    def _signed_in(self, actor: Actor) -> None:
        self.prefs.set(keys.LAST_USER, actor.username)
        if not actor.must_change_password:
            if self.hold_collector:
                collector.hold()
            self.open_window(actor)
            return
        assert self.db is not None
        dialog = ChangePasswordDialog(self.db, self.tasks, actor)
        dialog.changed.connect(self.open_window)
        # not now: the window opens read-only until the password is changed (ctx.may)
        dialog.rejected.connect(lambda: self.open_window(actor))
        self.dialog = dialog
        dialog.show()
        self.password_change_shown.emit(dialog)

    def _sign_in_unattended(self, name: str, password: str) -> None:
        db = self.db
        assert db is not None

        def refused(exc: BaseException) -> bool:
            self._fatal(_t("Signing in as {user} failed: {detail}").format(
                user=name, detail=str(exc)))
            return True

        self.tasks.run(lambda control: UserService(db).authenticate(name, password),
                       self._signed_in, refused)

    def _picture_when_ready(self, window: MainWindow) -> None:
        """Save a picture of the window once its data has arrived, then close it."""
        assert self.ctx is not None and self.screenshot is not None
        ctx, path = self.ctx, self.screenshot
        loaded: list[bool] = []  # the facility list arrived (it may be empty)
        window.facilities_loaded.connect(lambda: loaded.append(True))

        def ready() -> None:
            if ctx.tasks.busy or not (loaded or window.facilities):
                QTimer.singleShot(100, ready)
                return
            window.grab().save(str(path))
            window.close()

        QTimer.singleShot(100, ready)

    # -- the window ----------------------------------------------------------------------

    def open_window(self, actor: Actor) -> None:
        assert self.db is not None
        self.ctx = AppContext(self.db, actor, self.prefs, self.conf.paths, today=self.today)
        window = MainWindow(self.ctx)
        window.sign_out_requested.connect(self._sign_out)
        window.installEventFilter(self)
        self.window = window
        self.dialog = None
        window.show()
        release_collector_when_idle(self.ctx.tasks)
        if self.notes:
            window.statusBar().showMessage(" ".join(self.notes), 60_000)
            self.notes = []
        self.window_opened.emit(window)
        if self.screenshot is not None:
            self._picture_when_ready(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self._window_closed)
        return False

    def _sign_out(self) -> None:
        self._signing_out = True

    def _window_closed(self) -> None:
        collector.release()
        window, ctx = self.window, self.ctx
        if window is None or window.isVisible():
            return  # the close was refused
        self.window = None
        self.ctx = None
        window.deleteLater()
        if ctx is not None:
            ctx.tasks.wait_idle(10_000)
            ctx.deleteLater()
        collector.thaw()  # the window may have been built before a freeze
        if self._signing_out:
            self._signing_out = False
            self.show_sign_in()
        else:
            self._finish(0)

    # -- the end ---------------------------------------------------------------------------

    def _finish(self, code: int) -> None:
        if self.exit_code is None:
            self.exit_code = code
            self.finished.emit(code)

    def close(self) -> None:
        """Wait for work in progress, then close the database."""
        if self.ctx is not None:
            self.ctx.tasks.wait_idle(30_000)
        self.tasks.wait_idle(30_000)
        if self.db is not None:
            self.db.close()
            self.db = None


def release_collector_when_idle(tasks: Tasks) -> None:
    """Resume garbage collection (:mod:`stockdesk.collector`) once the window's first data is
    shown: the first moment no task is running, nor started in answer to the last one."""
    if not collector.held():
        return

    def changed(busy: bool) -> None:
        if not busy:
            QTimer.singleShot(0, settled)  # after the result's handler, which may start more

    def settled() -> None:
        if not tasks.busy and collector.held():
            tasks.busy_changed.disconnect(changed)
            collector.release()

    tasks.busy_changed.connect(changed)
    if not tasks.busy:
        QTimer.singleShot(0, settled)


def run(db: str | None = None, user: str | None = None, demo: bool = False, *,
        paths: Paths | None = None, screenshot: Path | None = None) -> int:
    """Open the window (the ``stockdesk gui`` command); returns the exit status.

    ``demo``: on an empty database, build the demo district first, then sign in with the
    demo users shown.  ``screenshot``: no person is there (a machine without a screen):
    sign in as ``user`` with the password in ``STOCKDESK_PASSWORD``, save a picture of the
    window once its data is shown, and close.
    """
    app = application()
    conf = Settings.resolve(db, user, paths=paths)
    log_to_file(conf.paths)
    prefs = AppSettings(conf.paths.settings_file)
    i18n.install(prefs.get(keys.LANGUAGE) or i18n.system_language())
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # between two dialogs no window is open
    starter = Starter(conf, prefs, demo=demo, screenshot=screenshot,
                      password=os.environ.get(ENV_PASSWORD) if screenshot else None,
                      hold_collector=True)
    hook = sys.excepthook
    starter.errors.install()
    starter.finished.connect(app.exit)
    QTimer.singleShot(0, starter.start)
    try:
        code = app.exec()
    finally:
        collector.release()
        starter.close()
        sys.excepthook = hook
        app.setQuitOnLastWindowClosed(quit_on_close)
    return starter.exit_code if starter.exit_code is not None else code


__all__ = ["Starter", "application", "run", "too_new_text"]
