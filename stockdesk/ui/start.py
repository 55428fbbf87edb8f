"""Starting the window: the application object, the language, the database, signing in.

The database is opened (and migrated after a backup) before the main window exists, so the
window never shows a half-upgraded database; a database made by a newer StockDesk is refused
with a message saying so.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from stockdesk.app import APP_NAME, DatabaseTooNew, Settings, open_database
from stockdesk.problems import ProblemsFound
from stockdesk.services.users import UserService
from stockdesk.ui import i18n
from stockdesk.ui import settings as keys
from stockdesk.ui.context import AppContext
from stockdesk.ui.errors import problems_text
from stockdesk.ui.main_window import MainWindow
from stockdesk.ui.settings import AppSettings


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


def run(db: str | None = None, user: str | None = None) -> int:
    """Open the window (the ``stockdesk gui`` command); returns the exit status."""
    app = application()
    conf = Settings.resolve(db, user)
    prefs = AppSettings(conf.paths.data_dir / "settings.ini")
    i18n.install(prefs.get(keys.LANGUAGE) or i18n.system_language())
    try:
        opened = open_database(conf.db_url, backups_dir=None)
    except DatabaseTooNew as exc:
        QMessageBox.critical(None, _t("StockDesk"), str(exc))
        return 1
    users = UserService(opened.db)
    name = conf.username or prefs.get(keys.LAST_USER)
    while True:
        name, ok = QInputDialog.getText(None, _t("Sign in"), _t("User name:"), text=name or "")
        if not ok:
            return 0
        password, ok = QInputDialog.getText(None, _t("Sign in"), _t("Password:"),
                                            QLineEdit.EchoMode.Password)
        if not ok:
            return 0
        try:
            actor = users.authenticate(name, password)
            break
        except ProblemsFound as exc:
            QMessageBox.warning(None, _t("Sign in"), problems_text(exc.problems))
    prefs.set(keys.LAST_USER, actor.username)
    ctx = AppContext(opened.db, actor, prefs, conf.paths)
    window = MainWindow(ctx)
    window.show()
    return app.exec()
