"""Take the documentation's screenshots of every page, in every language, at 1366x768.

    python tools/screenshots.py [--lang en fr pt es] [--out docs/screenshots] [--page KEY ...]

Builds a small demo district in a temporary folder (3 health centres, 14 months, 60 products,
today 2026-11-21), then for each language signs in as the user each page is for (pharmacist:
dashboard, stock, entry, requisitions; logistician: district; supervisor: reports; admin:
administration), opens the main window at 1366x768, shows each page, waits until the window
has no task running, and saves ``<out>/<lang>/<page>.png``.  Also, when they exist: the stock
card open on a product with a long history (``stock_card``), the sign-in dialog
(``sign_in``) and the first-run wizard (``first_run``).  ``--page`` takes any of these keys.

Without a display it runs itself again under ``xvfb-run`` (a 1366x768 screen), or offscreen
when Xvfb is not installed.  A page that does not exist, or fails, is reported and skipped; the
others are still taken.  Exit status 1 when something that exists failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 1366, 768
TODAY = date(2026, 11, 21)
PASSWORD = "demo"
DEMO: dict[str, Any] = {"facilities": 3, "months": 14, "products": 60}
LANGUAGES = ("en", "fr", "pt", "es")
# page key -> the demo user it is shown as (others are tried when that one cannot see it)
PAGE_USERS = {"dashboard": "pharmacist", "stock": "pharmacist", "entry": "pharmacist",
              "requisitions": "pharmacist", "district": "logistician",
              "reports": "supervisor", "admin": "admin"}
EXTRAS = ("stock_card", "sign_in", "first_run")
USERS = ("pharmacist", "logistician", "supervisor", "admin", "incharge")
UNDER_XVFB = "STOCKDESK_SCREENSHOTS_XVFB"
WAIT_S = 120.0


# -- running in the right place ----------------------------------------------------------------


def _reexec_if_needed(argv: list[str]) -> int | None:
    """Run again with the project's Python and under Xvfb when needed; None: go on here."""
    command: list[str] | None = None
    python = ROOT / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    try:
        import PySide6  # noqa: F401
    except ImportError:
        if python.exists() and Path(sys.executable).resolve() != python.resolve():
            command = [str(python), str(Path(__file__).resolve()), *argv]
        else:
            print("PySide6 is not installed: run this with the project's virtualenv",
                  file=sys.stderr)
            return 2
    needs_display = sys.platform.startswith("linux") and not os.environ.get("DISPLAY") \
        and not os.environ.get("WAYLAND_DISPLAY") and not os.environ.get(UNDER_XVFB) \
        and os.environ.get("QT_QPA_PLATFORM") != "offscreen"
    env = dict(os.environ)
    if needs_display:
        xvfb = shutil.which("xvfb-run")
        if xvfb:
            command = [xvfb, "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24",
                       *(command or [sys.executable, str(Path(__file__).resolve()), *argv])]
            env[UNDER_XVFB] = "1"
        else:
            print("no display and no xvfb-run: taking the pictures offscreen", file=sys.stderr)
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if command is None:
        return None
    return subprocess.call(command, env=env)


# -- waiting -----------------------------------------------------------------------------------


def settle(rounds: int = 5) -> None:
    """Let queued events (layouts, repaints, timers at 0) run."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def wait_until(done: Callable[[], bool], timeout_s: float = WAIT_S) -> bool:
    """Run the event loop in short slices until ``done()`` holds twice in a row."""
    deadline = time.monotonic() + timeout_s
    calm = 0
    while time.monotonic() < deadline:
        settle(1)
        calm = calm + 1 if done() else 0
        if calm >= 2:
            return True
    return False


def idle(ctx: Any) -> Callable[[], bool]:
    return lambda: not ctx.tasks.busy


# -- the demo district and the windows ---------------------------------------------------------


def build_demo_file(folder: Path) -> Path:
    from stockdesk.app import open_database
    from stockdesk.services.auth import SETUP_ACTOR
    from stockdesk.services.demo import build_demo

    path = folder / "stockdesk.sqlite3"
    opened = open_database(f"sqlite:///{path}", today=TODAY, backups_dir=folder / "backups")
    try:
        build_demo(opened.db, SETUP_ACTOR, today=TODAY, **DEMO)
        _requisitions(opened.db)
    finally:
        opened.db.close()
    return path


RNR_PERIOD = "2026-10"


def _requisitions(db: Any) -> None:
    """Last month's R&R of the pharmacist's health centre, submitted and authorized, so the
    requisition and district pages show one as their users find it."""
    from stockdesk.services.requisitions import RequisitionService
    from stockdesk.services.users import UserService

    users = UserService(db)
    pharmacist = users.authenticate("pharmacist", PASSWORD)
    assert pharmacist.facility is not None
    rnr = RequisitionService(db, pharmacist, today=lambda: TODAY)
    doc = rnr.create(pharmacist.facility, RNR_PERIOD, "essential")
    rnr.step(pharmacist.facility, RNR_PERIOD, "submit", doc.header.program)
    incharge = RequisitionService(db, users.authenticate("incharge", PASSWORD),
                                  today=lambda: TODAY)
    incharge.step(pharmacist.facility, RNR_PERIOD, "authorize", doc.header.program)


def _prepare(s: Session, key: str) -> None:
    """Show each page the way its user works with it: a report previewed, an R&R open."""
    page = s.window.pages[key]
    if key == "reports":
        page.findChild(object, "reportPreview").click()
    elif key == "requisitions":
        page.open_target({"period": RNR_PERIOD})
    wait_until(idle(s.ctx))


class Session:
    """One demo user signed in, with a main window at 1366x768 in the current language."""

    def __init__(self, db_path: Path, folder: Path, user: str, language: str) -> None:
        from stockdesk.app import Paths, open_database
        from stockdesk.services.users import UserService
        from stockdesk.ui import i18n
        from stockdesk.ui import settings as keys
        from stockdesk.ui.context import AppContext
        from stockdesk.ui.main_window import MainWindow
        from stockdesk.ui.settings import AppSettings

        data = folder / f"data-{user}-{language}"
        self.opened = open_database(f"sqlite:///{db_path}", today=TODAY,
                                    backups_dir=folder / "backups")
        actor = UserService(self.opened.db).authenticate(user, PASSWORD)
        settings = AppSettings(data / "settings.ini")
        settings.set(keys.LANGUAGE, language)
        self.ctx = AppContext(self.opened.db, actor, settings, Paths(data, portable=False),
                              today=lambda: TODAY)
        self.failures: list[str] = []
        self.ctx.tasks.unhandled.connect(
            lambda exc, _details: self.failures.append(f"{type(exc).__name__}: {exc}"))
        i18n.install(language)  # before the window, so it is built in that language
        self.window = MainWindow(self.ctx)
        self.window.resize(WIDTH, HEIGHT)
        self.window.show()
        wait_until(lambda: self.window.facility_picker.count() > 0 and not self.ctx.tasks.busy)

    def show(self, key: str) -> bool:
        if key not in self.window.pages:
            return False
        self.window.go(key, {})
        wait_until(idle(self.ctx))
        return True

    def close(self) -> None:
        self.ctx.tasks.wait_idle(30_000)
        self.window.close()
        self.window.deleteLater()
        settle(2)
        self.opened.db.close()


def save(widget: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    settle(3)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def screen_with(dialog: Any, path: Path) -> Path:
    """The whole screen (the window and a dialog over it) when there is a real one, else the
    dialog alone."""
    from PySide6.QtGui import QGuiApplication

    path.parent.mkdir(parents=True, exist_ok=True)
    settle(3)
    if QGuiApplication.platformName() == "xcb":
        screen = QGuiApplication.primaryScreen()
        if screen is not None and screen.grabWindow(0).save(str(path)):
            return path
    return save(dialog, path)


def long_history_product(db_path: Path, facility: str) -> str | None:
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute(
            "SELECT p.code FROM movement_lines ml JOIN products p ON p.id = ml.product_id "
            "JOIN facilities f ON f.id = ml.facility_id WHERE f.code = ? GROUP BY p.id "
            "ORDER BY count(*) DESC, p.code LIMIT 1", (facility,)).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def new_dialogs(before: set[int]) -> list[Any]:
    from PySide6.QtWidgets import QApplication, QDialog

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and id(w) not in before]


def visible_dialog_ids() -> set[int]:
    from PySide6.QtWidgets import QApplication

    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


# -- the pictures ------------------------------------------------------------------------------


class Shots:
    def __init__(self, out: Path, folder: Path, db_path: Path) -> None:
        self.out = out
        self.folder = folder
        self.db_path = db_path
        self.taken: list[Path] = []
        self.skipped: list[str] = []  # not there (yet)
        self.failed: list[str] = []  # there, but it broke

    def skip(self, what: str, why: str) -> None:
        self.skipped.append(f"{what}: {why}")
        print(f"  skipped {what}: {why}", file=sys.stderr)

    def fail(self, what: str, why: str) -> None:
        self.failed.append(f"{what}: {why}")
        print(f"  FAILED {what}: {why}", file=sys.stderr)

    def took(self, path: Path) -> None:
        self.taken.append(path)
        print(f"  {path}")

    @contextmanager
    def session(self, user: str, language: str) -> Iterator[Session]:
        s = Session(self.db_path, self.folder, user, language)
        try:
            yield s
        finally:
            s.close()

    def pages(self, language: str, wanted: list[str]) -> None:
        by_user: dict[str, list[str]] = {}
        for key in wanted:
            if key in PAGE_USERS:
                by_user.setdefault(PAGE_USERS[key], []).append(key)
        missing: list[str] = []
        for user, keys in by_user.items():
            missing += self._pages_as(user, language, keys)
        for key in list(missing):  # a page its usual user cannot see: whoever can
            for user in USERS:
                if user != PAGE_USERS[key] and not self._pages_as(user, language, [key]):
                    missing.remove(key)
                    break
        for key in missing:
            self.skip(f"{language}/{key}", "no such page for any demo user")

    def _pages_as(self, user: str, language: str, keys: list[str]) -> list[str]:
        """Take ``keys`` as ``user``; returns the keys this user has no page for."""
        missing = []
        with self.session(user, language) as s:
            for key in keys:
                if key not in s.window.pages:
                    missing.append(key)
                    continue
                try:
                    s.show(key)
                    _prepare(s, key)
                    self.took(save(s.window, self.out / language / f"{key}.png"))
                except Exception as exc:  # one broken page must not stop the others
                    self.fail(f"{language}/{key}", _failure(exc))
                for failure in s.failures:
                    self.fail(f"{language}/{key} (while loading)", failure)
                s.failures.clear()
        return missing

    def stock_card(self, language: str) -> None:
        with self.session("pharmacist", language) as s:
            if not s.show("stock"):
                self.skip(f"{language}/stock_card", "no stock page")
                return
            product = long_history_product(self.db_path, s.ctx.facility)
            if product is None:
                self.skip(f"{language}/stock_card", f"no movements at {s.ctx.facility}")
                return
            before = visible_dialog_ids()
            page = s.window.pages["stock"]
            try:
                page.open_target({"product": product})
                wait_until(idle(s.ctx))
                dialogs = new_dialogs(before)
                path = self.out / language / "stock_card.png"
                if dialogs:
                    dialogs[0].raise_()
                    self.took(screen_with(dialogs[0], path))
                    for d in dialogs:
                        d.close()
                else:
                    self.took(save(s.window, path))
            except Exception as exc:
                self.fail(f"{language}/stock_card", _failure(exc))

    def sign_in(self, language: str) -> None:
        try:
            from stockdesk.ui.sign_in import SignInDialog
        except ImportError as exc:
            self.skip(f"{language}/sign_in", f"no sign-in dialog ({exc})")
            return
        from stockdesk.app import open_database
        from stockdesk.ui import i18n
        from stockdesk.ui.tasks import Tasks

        i18n.install(language)
        opened = open_database(f"sqlite:///{self.db_path}", today=TODAY,
                               backups_dir=self.folder / "backups")
        tasks = Tasks()
        try:
            dialog = _construct(SignInDialog, opened.db, tasks, username="pharmacist",
                                demo=True)
            dialog.show()
            wait_until(lambda: not tasks.busy)
            self.took(save(dialog, self.out / language / "sign_in.png"))
            dialog.close()
        except Exception as exc:
            self.fail(f"{language}/sign_in", _failure(exc))
        finally:
            tasks.wait_idle(30_000)
            opened.db.close()

    def first_run(self, language: str) -> None:
        try:
            from stockdesk.ui.first_run import FirstRunWizard
        except ImportError as exc:
            self.skip(f"{language}/first_run", f"no first-run wizard ({exc})")
            return
        from stockdesk.app import open_database
        from stockdesk.ui import i18n
        from stockdesk.ui import settings as keys
        from stockdesk.ui.settings import AppSettings
        from stockdesk.ui.tasks import Tasks

        i18n.install(language)
        empty = self.folder / f"first-run-{language}.sqlite3"
        opened = open_database(f"sqlite:///{empty}", today=TODAY,
                               backups_dir=self.folder / "backups")
        prefs = AppSettings(self.folder / f"first-run-{language}" / "settings.ini")
        prefs.set(keys.LANGUAGE, language)
        tasks = Tasks()
        try:
            wizard = _construct(FirstRunWizard, opened.db, tasks, prefs)
            wizard.show()
            wait_until(lambda: not tasks.busy)
            self.took(save(wizard, self.out / language / "first_run.png"))
            wizard.close()
        except Exception as exc:
            self.fail(f"{language}/first_run", _failure(exc))
        finally:
            tasks.wait_idle(30_000)
            opened.db.close()


def _construct(cls: type, *args: Any, **kwargs: Any) -> Any:
    """``cls(*args, **kwargs)``, dropping keyword arguments its signature does not take."""
    import inspect

    params = inspect.signature(cls).parameters
    if not any(p.kind is p.VAR_KEYWORD for p in params.values()):
        kwargs = {k: v for k, v in kwargs.items() if k in params}
    return cls(*args, **kwargs)


def _failure(exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)
    at = f" at {Path(where[-1].filename).name}:{where[-1].lineno}" if where else ""
    return f"{type(exc).__name__}: {exc}{at}"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python tools/screenshots.py",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES),
                        help="languages (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots",
                        help="folder of the pictures (default: docs/screenshots)")
    parser.add_argument("--page", nargs="+", choices=[*PAGE_USERS, *EXTRAS],
                        default=[*PAGE_USERS, *EXTRAS], metavar="KEY",
                        help=f"what to take (default: all of {', '.join([*PAGE_USERS, *EXTRAS])})")
    args = parser.parse_args(argv)
    again = _reexec_if_needed(argv)
    if again is not None:
        return again

    from stockdesk.ui.start import application

    app = application([sys.argv[0]])
    out = args.out.resolve()
    print(f"platform {app.platformName()}; pictures into {out}")
    # a fixed folder, so the database path in the status bar is the same in every picture
    folder = Path(tempfile.gettempdir()) / "stockdesk-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        started = time.perf_counter()
        shots = Shots(out, folder, build_demo_file(folder))
        print(f"demo district built in {time.perf_counter() - started:.1f} s")
        for language in args.lang:
            print(f"{language}:")
            shots.pages(language, [k for k in args.page if k in PAGE_USERS])
            if "stock_card" in args.page:
                shots.stock_card(language)
            if "sign_in" in args.page:
                shots.sign_in(language)
            if "first_run" in args.page:
                shots.first_run(language)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    from stockdesk.ui import i18n

    i18n.install("en")
    print(f"{len(shots.taken)} pictures taken, {len(shots.skipped)} skipped, "
          f"{len(shots.failed)} failed")
    for line in shots.skipped:
        print(f"skipped {line}")
    for line in shots.failed:
        print(f"FAILED {line}")
    return 1 if shots.failed else 0


if __name__ == "__main__":
    sys.exit(main())
