"""UI fixtures: a small demo district built once per test process, copied for each test, and
a signed-in context for any demo role.

Tests drive the window as a person would (qtbot typing and clicking) and wait on signals,
never on sleeps.  ``TODAY`` is fixed so figures are the same whatever the calendar says.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from stockdesk.app import Paths, open_database
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.demo import build_demo
from stockdesk.services.users import UserService
from stockdesk.ui import i18n
from stockdesk.ui.context import AppContext
from stockdesk.ui.settings import AppSettings

TODAY = date(2026, 11, 21)
DEMO_PASSWORD = "demo"
ROLES = ("admin", "pharmacist", "incharge", "logistician", "supervisor")


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo district (3 health centres, 14 months, 60 products), built once per process."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    opened = open_database(f"sqlite:///{path}")
    try:
        build_demo(opened.db, SETUP_ACTOR, facilities=3, months=14, products=60, today=TODAY)
    finally:
        opened.db.close()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Path:
    """This test's own copy of the demo district."""
    copy = tmp_path / "stockdesk.sqlite3"
    shutil.copyfile(demo_file, copy)
    return copy


@pytest.fixture
def make_ctx(demo_db: Path, tmp_path: Path, qapp) -> Iterator[Callable[..., AppContext]]:  # type: ignore[no-untyped-def]
    """``make_ctx("pharmacist")``: a context signed in as that demo user."""
    made: list[AppContext] = []
    i18n.install("en")

    def make(username: str = "pharmacist", *, db_path: Path | None = None) -> AppContext:
        opened = open_database(f"sqlite:///{db_path or demo_db}", today=TODAY)
        actor = UserService(opened.db).authenticate(username, DEMO_PASSWORD)
        paths = Paths(tmp_path / "data", portable=False)
        ctx = AppContext(opened.db, actor, AppSettings(tmp_path / "settings.ini"), paths,
                         today=lambda: TODAY)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.tasks.wait_idle(30_000)
        ctx.db.close()
    i18n.install("en")


@pytest.fixture
def window(make_ctx, qtbot):  # type: ignore[no-untyped-def]
    """``window("logistician")``: the main window signed in as that user, facilities loaded."""
    from stockdesk.ui.main_window import MainWindow

    def open_window(username: str = "pharmacist") -> MainWindow:
        ctx = make_ctx(username)
        win = MainWindow(ctx)  # facilities arrive through the event loop, after this
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.facilities_loaded, timeout=20_000):
            win.show()
        return win

    return open_window
