"""``stockdesk selftest``: prove that this installation works, on a new database.

    stockdesk --db sqlite:///C:/Temp/check.sqlite3 selftest
    stockdesk --db postgresql+psycopg://stockdesk@server/selftest selftest

Creates the database (a missing PostgreSQL database too), migrates it, builds a small demo
district, signs in, prepares an R&R and writes it as Excel and PDF, then opens the main
window offscreen in every language and on every page.  It prints one line per check and
exits 0; on the first failure it says what failed and exits 1.  The window part is what
proves that Qt's plugins and the translations were installed, which the database part
cannot see.  ``--output DIR`` keeps the files written (default: a temporary folder, removed).

``register(sub, common)`` adds the command to :mod:`stockdesk.cli`'s parser.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import stockdesk

if TYPE_CHECKING:
    from stockdesk.services.auth import Actor
    from stockdesk.services.database import Database
    from stockdesk.services.selftest import Check

WINDOW_TIMEOUT_S = 120.0  # an old PC building every page of the window in a slow language


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``selftest`` to the ``stockdesk`` subparsers ``sub``."""
    what = ("check this installation on a new database: create and migrate it, build a small "
            "demo, export an R&R as Excel and PDF, open the window offscreen; exit 0 when "
            "everything works (without --db, a new database in a temporary folder)")
    p = sub.add_parser("selftest", parents=[common], help=what, description=what)
    p.add_argument("--output", type=Path, metavar="DIR",
                   help="keep the files written here (default: a temporary folder, removed)")
    p.add_argument("--no-window", action="store_true",
                   help="skip the window check (a machine without Qt's system libraries)")
    p.set_defaults(handler=cmd_selftest)


def cmd_selftest(args: argparse.Namespace) -> int:
    from stockdesk.cli import CliError

    started = time.perf_counter()
    print(f"StockDesk {stockdesk.__version__} selftest: Python {platform.python_version()} "
          f"on {platform.system()} {platform.machine()}"
          + (f", installed in {Path(sys.executable).parent}" if getattr(sys, "frozen", False)
             else ""), flush=True)
    keep = args.output is not None
    folder = args.output or Path(tempfile.mkdtemp(prefix="stockdesk-selftest-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = _database_url(args, folder)
    try:
        _run_checks(url, folder, window=not args.no_window)
    except Exception as exc:
        from stockdesk.services.selftest import SelftestFailed

        if isinstance(exc, SelftestFailed):
            raise CliError(f"selftest FAILED: {exc}") from exc
        print("selftest FAILED", file=sys.stderr, flush=True)
        raise
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"selftest passed in {time.perf_counter() - started:.1f} s"
          + (f"; files in {folder}" if keep else ""), flush=True)
    return 0


def _database_url(args: argparse.Namespace, folder: Path) -> str:
    """The database named with ``--db``, or a new one in the self-test's folder: never the
    one this computer works in ($STOCKDESK_DB or the default), which the demo would fill."""
    if getattr(args, "db", None):
        from stockdesk.cli import _settings

        return _settings(args).db_url
    return f"sqlite:///{folder / 'selftest.sqlite3'}"


def _say(check: Check) -> None:
    print(f"  ok  {check.name}: {check.detail}", flush=True)


def _run_checks(url: str, folder: Path, *, window: bool) -> None:
    from stockdesk.app import open_database
    from stockdesk.db.migrate import current_revision, head_revision
    from stockdesk.services.selftest import Check, create_database_if_missing, run_database_checks

    created = create_database_if_missing(url)
    opened = open_database(url)
    db = opened.db
    try:
        shown = db.where
        head = head_revision()
        found = current_revision(db.engine)
        if found != head:
            from stockdesk.services.selftest import SelftestFailed

            raise SelftestFailed(f"the database is at schema {found}, not {head}")
        _say(Check("database", f"{shown}{' created' if created else ''}, "
                               f"{db.engine.dialect.name}, migrated to schema {head}"))
        today = date.today()
        run_database_checks(db, today, folder, _say)
        if window:
            _window_checks(db, folder, today, _say)
    finally:
        db.close()


# -- the window ---------------------------------------------------------------------------------


def _window_checks(db: Database, folder: Path, today: date,
                   report: Callable[[Check], None]) -> None:
    """Translations, then the main window in every language on every page, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the application exists
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QGuiApplication

    from stockdesk.services.demo import DEMO_ADMIN, DEMO_PASSWORD
    from stockdesk.services.selftest import Check, SelftestFailed
    from stockdesk.services.users import UserService
    from stockdesk.ui import i18n
    from stockdesk.ui.start import application

    app = application()
    report(Check("qt", f"PySide6 {_pyside_version()}, platform plugin "
                       f"{QGuiApplication.platformName()}"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours_found, qt_found = [], []
    for code in i18n.LANGUAGES:
        if code == i18n.DEFAULT:
            continue
        ours, theirs = QTranslator(), QTranslator()
        if not ours.load(str(i18n.catalogue(code))) or ours.isEmpty():
            raise SelftestFailed(f"the {i18n.LANGUAGES[code]} catalogue "
                                 f"{i18n.catalogue(code)} is missing or empty")
        ours_found.append(code)
        if theirs.load(f"qtbase_{code}", qt_dir):  # Qt has none for some (Portuguese)
            qt_found.append(code)
    if not qt_found:
        raise SelftestFailed(f"Qt's own texts (qtbase_*.qm: the buttons of standard "
                             f"dialogs) are missing from {qt_dir}")
    report(Check("translations", f"StockDesk's {', '.join(ours_found)}; Qt's own "
                                 f"{', '.join(qt_found)}"))

    actor = UserService(db).authenticate(DEMO_ADMIN, DEMO_PASSWORD)  # sees every page
    pictures: list[tuple[str, str]] = []
    pages = 0
    try:
        for code in i18n.LANGUAGES:
            i18n.install(code)
            title, pages = _show_window(app, db, actor, folder / f"window-{code}.png", today)
            pictures.append((code, title))
    finally:
        i18n.install(i18n.DEFAULT)
    english = dict(pictures)[i18n.DEFAULT]
    same = [code for code, title in pictures if code != i18n.DEFAULT and title == english]
    if same:
        raise SelftestFailed(f"the window is not translated into {', '.join(same)}: its first "
                             f"page is still called {english!r}")
    report(Check("window", f"{len(pictures)} languages x {pages} pages shown "
                           f"at 1366x768 ({', '.join(t for _, t in pictures)})"))


def _show_window(app: Any, db: Database, actor: Actor, picture: Path,
                 today: date) -> tuple[str, int]:
    """Open the main window, visit every page, picture it; (first page's title, pages)."""
    from PySide6.QtCore import QCoreApplication

    from stockdesk.app import Paths
    from stockdesk.services.selftest import SelftestFailed
    from stockdesk.ui.context import AppContext
    from stockdesk.ui.main_window import MainWindow
    from stockdesk.ui.settings import AppSettings

    errors: list[str] = []
    folder = picture.parent
    ctx = AppContext(db, actor, AppSettings(folder / f"{picture.stem}.ini"),
                     Paths(folder, portable=False), today=lambda: today)
    ctx.tasks.unhandled.connect(lambda exc, details: errors.append(details or str(exc)))
    window = MainWindow(ctx)
    try:
        window.resize(1366, 768)
        window.show()
        _wait(app, lambda: bool(window.facilities), errors, "the facilities")
        for key in window.pages:
            window.go(key)
            _wait(app, lambda: not ctx.tasks.busy, errors, f"the {key} page")
        window.go(next(iter(window.pages)))
        _wait(app, lambda: not ctx.tasks.busy, errors, "the first page")
        if not window.grab().save(str(picture)):
            raise SelftestFailed(f"the window could not be pictured into {picture}")
        return window.navigation.item(0).text(), len(window.pages)
    finally:
        window.close()
        ctx.tasks.wait_idle(30_000)
        window.deleteLater()
        ctx.deleteLater()
        QCoreApplication.processEvents()


def _wait(app: Any, ready: Callable[[], bool], errors: list[str], what: str) -> None:
    """Run the event loop until ``ready()``; a failure in the window's work ends the wait."""
    from PySide6.QtCore import QEventLoop

    from stockdesk.services.selftest import SelftestFailed

    deadline = time.monotonic() + WINDOW_TIMEOUT_S
    while not ready():
        if errors:
            raise SelftestFailed(f"the window failed while loading {what}:\n{errors[0]}")
        if time.monotonic() > deadline:
            raise SelftestFailed(f"the window did not finish loading {what} within "
                                 f"{WINDOW_TIMEOUT_S:.0f} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    if errors:
        raise SelftestFailed(f"the window failed while loading {what}:\n{errors[0]}")


def _pyside_version() -> str:
    import PySide6

    return str(PySide6.__version__)


__all__ = ["cmd_selftest", "register"]
