"""Starting StockDesk: first run, the demo district, signing in, a database too new."""

from __future__ import annotations

import gc
import sqlite3
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWizard

from stockdesk import __version__, collector
from stockdesk.app import Paths, Settings, open_database
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.directory import DirectoryService
from stockdesk.services.users import MAX_FAILED, UserService
from stockdesk.ui import i18n
from stockdesk.ui import settings as keys
from stockdesk.ui.first_run import FirstRunWizard
from stockdesk.ui.settings import AppSettings
from stockdesk.ui.sign_in import SignInDialog
from stockdesk.ui.start import Starter, run
from tests.ui.conftest import DEMO_PASSWORD, TODAY

SMALL_DEMO = {"facilities": 2, "months": 3, "products": 30, "today": TODAY}
ADMIN_PASSWORD = "riverside-2026"


@pytest.fixture
def start(tmp_path: Path, qapp, qtbot):  # type: ignore[no-untyped-def]
    """``start(db_path, demo=False)``: a Starter on that file, started."""
    made: list[Starter] = []
    i18n.install("en")

    def make(db_path: Path, *, demo: bool = False, hold_collector: bool = False) -> Starter:
        conf = Settings(f"sqlite:///{db_path}", Paths(tmp_path / "data", portable=False))
        prefs = AppSettings(tmp_path / "data" / "settings.ini")
        starter = Starter(conf, prefs, demo=demo, today=lambda: TODAY,
                          demo_options=SMALL_DEMO, hold_collector=hold_collector)
        made.append(starter)
        return starter

    yield make
    for starter in made:
        if starter.window is not None:
            starter.window.close()
        if isinstance(starter.dialog, QWizard | SignInDialog):
            starter.dialog.close()
        starter.close()
    i18n.install("en")


def click_next(qtbot, wizard: FirstRunWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def sign_in(qtbot, dialog: SignInDialog, user: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, user)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def started(qtbot, starter: Starter, signal_name: str, timeout: int = 20_000):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(getattr(starter, signal_name), timeout=timeout) as blocker:
        starter.start()
    return blocker.args[0]


def test_first_run_sets_up_and_opens_the_window(start, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    starter = start(tmp_path / "new.sqlite3")
    wizard = started(qtbot, starter, "wizard_shown")
    assert wizard.currentId() == 0
    click_next(qtbot, wizard)
    place = wizard.place_page
    assert wizard.currentPage() is place
    click_next(qtbot, wizard)  # nothing typed: says so under the fields, stays
    assert wizard.currentPage() is place
    assert place.code_problem.isVisible() and place.name_problem.isVisible()
    qtbot.keyClicks(place.code, "HC-012")
    qtbot.keyClicks(place.name, "Riverside Health Centre")
    qtbot.keyClicks(place.district, "North")
    place.type.setCurrentIndex(place.type.findData("hospital"))
    click_next(qtbot, wizard)
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    qtbot.keyClicks(admin.username, "akone")
    qtbot.keyClicks(admin.full_name, "Awa Kone")
    qtbot.keyClicks(admin.password, "short")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is admin
    assert "at least 8 characters" in admin.password_problem.text()
    admin.password.clear()
    qtbot.keyClicks(admin.password, ADMIN_PASSWORD)
    qtbot.keyClicks(admin.again, "riverside-2025")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is admin
    assert admin.again_problem.isVisible()
    assert not admin.password_problem.isVisible()
    qtbot.keyClicks(admin.again, ADMIN_PASSWORD)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.catalogue_page
    assert wizard.catalogue_page.starter.isChecked()
    with qtbot.waitSignal(starter.window_opened, timeout=30_000) as opened:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    window = opened.args[0]
    qtbot.waitSignal(window.facilities_loaded, timeout=10_000)
    assert not wizard.isVisible()
    assert window.ctx.actor.username == "akone" and window.ctx.actor.role == "admin"
    qtbot.waitUntil(lambda: window.ctx.facility == "HC-012", timeout=10_000)
    directory = DirectoryService(starter.db, window.ctx.actor)
    [facility] = directory.facilities()
    assert (facility.name, facility.type, facility.district) == (
        "Riverside Health Centre", "hospital", "North")
    assert len(directory.products()) > 300
    # the admin signs in next time, user name prefilled
    window.close()
    qtbot.waitUntil(lambda: starter.exit_code == 0)
    again = start(tmp_path / "new.sqlite3")
    dialog = started(qtbot, again, "sign_in_shown")
    assert dialog.user.text() == "akone"
    with qtbot.waitSignal(again.window_opened, timeout=10_000):
        qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert again.window.ctx.actor.username == "akone"


def test_first_run_language_switches_at_once(start, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    starter = start(tmp_path / "new.sqlite3")
    wizard = started(qtbot, starter, "wizard_shown")
    combo = wizard.language_page.language
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("fr"))
    assert starter.prefs.get(keys.LANGUAGE) == "fr"
    combo.setCurrentIndex(combo.findData("en"))
    assert wizard.language_page.title() == "Welcome to StockDesk"


def test_first_run_with_the_demo_district(start, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    starter = start(tmp_path / "new.sqlite3")
    wizard = started(qtbot, starter, "wizard_shown")
    qtbot.mouseClick(wizard.language_page.demo, Qt.MouseButton.LeftButton)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.demo_page
    assert "pharmacist" in wizard.demo_page.explain.text()
    with qtbot.waitSignal(starter.sign_in_shown, timeout=60_000) as shown:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    dialog = shown.args[0]
    hint = dialog.findChild(type(dialog.message), "demoHint")
    assert hint is not None and "password: demo" in hint.text()
    with qtbot.waitSignal(starter.window_opened, timeout=10_000) as opened:
        sign_in(qtbot, dialog, "logistician", DEMO_PASSWORD)
    window = opened.args[0]
    assert window.ctx.actor.role == "district_logistician"
    actor = window.ctx.actor
    assert len(DirectoryService(starter.db, actor).facilities()) == 3  # store + 2


def test_demo_start_keeps_the_window_responsive(start, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``run(demo=True)`` on an empty database: the demo is built in the background with a
    progress dialog, the event loop turning all the while, then the sign-in shows."""
    from stockdesk.ui import tasks

    # the test's small demo can be built in under the half second after which the dialog
    # appears: here it is asked to appear at once
    monkeypatch.setattr(tasks, "SHOW_AFTER_MS", 0)
    starter = start(tmp_path / "new.sqlite3", demo=True)
    ticks = []
    progress_seen = []

    def tick() -> None:
        ticks.append(1)
        if any(isinstance(w, QProgressDialog) and w.objectName() == "taskProgress"
               and w.isVisible() for w in QApplication.topLevelWidgets()):
            progress_seen.append(1)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    with qtbot.waitSignal(starter.sign_in_shown, timeout=60_000) as shown:
        starter.start()
    timer.stop()
    assert len(ticks) > 5  # the loop kept turning while the district was simulated
    assert progress_seen
    dialog = shown.args[0]
    assert dialog.user.text() == "pharmacist"
    assert dialog.findChild(type(dialog.message), "demoHint").isVisible()
    with qtbot.waitSignal(starter.window_opened, timeout=10_000) as opened:
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert opened.args[0].ctx.actor.facility is not None


def test_sign_in_opens_the_window_for_the_role(start, qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    starter = start(demo_db)
    dialog = started(qtbot, starter, "sign_in_shown")
    with qtbot.waitSignal(starter.window_opened, timeout=10_000) as opened:
        sign_in(qtbot, dialog, "supervisor", DEMO_PASSWORD)
    window = opened.args[0]
    assert window.ctx.actor.role == "supervisor"
    assert "entry" not in window.pages
    assert starter.prefs.get(keys.LAST_USER) == "supervisor"
    assert not dialog.isVisible()


def test_collection_waits_while_starting_and_resumes_for_the_person(  # type: ignore[no-untyped-def]
        start, qtbot, demo_db) -> None:
    """``stockdesk gui`` holds Python's garbage collector while it starts (a sixth of a cold
    start went into its passes): collection resumes when the person is asked to sign in, is
    held again while the window is built after signing in, and resumes once the first page
    shows its figures, so nothing runs long without it."""
    collector.hold()
    try:
        starter = start(demo_db, hold_collector=True)
        dialog = started(qtbot, starter, "sign_in_shown")
        assert not collector.held() and gc.isenabled()
        held_when_opened: list[bool] = []
        starter.window_opened.connect(lambda _w: held_when_opened.append(collector.held()))
        with qtbot.waitSignal(starter.window_opened, timeout=20_000) as opened:
            sign_in(qtbot, dialog, "pharmacist", DEMO_PASSWORD)
        assert held_when_opened == [True]
        window = opened.args[0]
        page = window.current_page()
        qtbot.waitUntil(lambda p=page: p.data is not None and gc.isenabled(), timeout=20_000)
        assert not collector.held()
        gone = weakref.ref(window)
        del window, page, opened
        assert _freed_after_sign_out(qtbot, starter, gone)  # frozen, then handed back
    finally:
        collector.release()
        gc.enable()
        gc.unfreeze()  # what the test froze goes back to the collector


def test_wrong_password_says_so_and_opens_nothing(start, qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    starter = start(demo_db)
    dialog = started(qtbot, starter, "sign_in_shown")
    opened: list[object] = []
    starter.window_opened.connect(opened.append)
    sign_in(qtbot, dialog, "pharmacist", "not-the-password")
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert dialog.message.text() == "wrong user name or password"
    assert dialog.password.text() == "" and dialog.isVisible()
    assert opened == [] and starter.window is None


def test_repeated_failures_lock_the_account(start, qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    starter = start(demo_db)
    dialog = started(qtbot, starter, "sign_in_shown")
    for attempt in range(MAX_FAILED):
        sign_in(qtbot, dialog, "incharge", f"guess-{attempt}")
        qtbot.waitUntil(lambda: not dialog.busy and dialog.message.isVisible(), timeout=10_000)
    text = dialog.message.text()
    assert "locked" in text and "(in 15 min)" in text
    # even the right password is refused during the lock
    sign_in(qtbot, dialog, "incharge", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "locked" in dialog.message.text() and starter.window is None


def test_a_password_set_by_an_admin_is_changed_first(start, qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    opened = open_database(f"sqlite:///{demo_db}")
    admin = UserService(opened.db).authenticate("admin", DEMO_PASSWORD)
    UserService(opened.db, admin).create_user("newbie", "pharmacist", "given-by-admin",
                                              facility="DEMO-HC01")
    opened.db.close()
    starter = start(demo_db)
    dialog = started(qtbot, starter, "sign_in_shown")
    with qtbot.waitSignal(starter.password_change_shown, timeout=10_000) as shown:
        sign_in(qtbot, dialog, "newbie", "given-by-admin")
    change = shown.args[0]
    qtbot.keyClicks(change.new, "my-own-secret")
    qtbot.keyClicks(change.again, "my-own-secreT")
    qtbot.mouseClick(change.save, Qt.MouseButton.LeftButton)
    assert change.message.isVisible() and change.isVisible()
    qtbot.keyClicks(change.again, "my-own-secret")
    with qtbot.waitSignal(starter.window_opened, timeout=10_000) as window:
        qtbot.mouseClick(change.save, Qt.MouseButton.LeftButton)
    assert not window.args[0].ctx.actor.must_change_password
    assert UserService(starter.db).authenticate("newbie", "my-own-secret").username == "newbie"


def test_sign_out_asks_to_sign_in_again(start, qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    starter = start(demo_db)
    dialog = started(qtbot, starter, "sign_in_shown")
    with qtbot.waitSignal(starter.window_opened, timeout=10_000) as opened:
        sign_in(qtbot, dialog, "admin", DEMO_PASSWORD)
    window = opened.args[0]
    with qtbot.waitSignal(starter.sign_in_shown, timeout=10_000) as again:
        window._sign_out()
    assert again.args[0].user.text() == "admin"
    assert starter.exit_code is None


def test_signing_out_leaves_nothing_of_the_window_behind(start, qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    """A shared clinic PC is signed in and out all day: each window closed is freed, with
    its pages and their lists (the tasks that filled them held on to them before)."""
    starter = start(demo_db)
    dialog = started(qtbot, starter, "sign_in_shown")
    with qtbot.waitSignal(starter.window_opened, timeout=10_000) as opened:
        sign_in(qtbot, dialog, "pharmacist", DEMO_PASSWORD)
    window = opened.args[0]
    page = window.current_page()
    qtbot.waitUntil(lambda p=page: p.data is not None, timeout=20_000)
    gone = weakref.ref(window)
    del window, page, opened
    assert _freed_after_sign_out(qtbot, starter, gone)


def _freed_after_sign_out(qtbot, starter: Starter, gone: weakref.ref) -> bool:  # type: ignore[no-untyped-def, type-arg]
    """Sign out of the window ``gone`` refers to; whether it was then freed."""
    with qtbot.waitSignal(starter.sign_in_shown, timeout=10_000):
        gone()._sign_out()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return gone() is None


def _too_new(path: Path) -> None:
    opened = open_database(f"sqlite:///{path}")
    opened.db.close()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")


def test_a_database_too_new_is_refused(start, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "future.sqlite3"
    _too_new(path)
    starter = start(path)
    box = started(qtbot, starter, "message_shown")
    assert "9999_from_the_future" in box.text() and __version__ in box.text()
    with qtbot.waitSignal(starter.finished) as finished:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert finished.args == [1]
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_from_the_future",)


def test_run_exits_with_1_for_a_database_too_new(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "future.sqlite3"
    _too_new(path)
    seen: list[str] = []

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == "startMessage" \
                    and widget.isVisible():
                seen.append(widget.text())
                widget.button(QMessageBox.StandardButton.Ok).click()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    try:
        code = run(str(path), paths=Paths(tmp_path / "data", portable=False))
    finally:
        timer.stop()
        i18n.install("en")
    assert code == 1
    assert seen and "newer version of StockDesk" in seen[0]


def test_setup_actor_is_what_acts_before_anyone_exists(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the wizard's demo path builds with the setup actor; the check it relies on
    assert SETUP_ACTOR.may("demo.build") and SETUP_ACTOR.may("masterdata.edit")


def test_a_picture_of_a_window_without_facilities_is_still_taken(tmp_path, monkeypatch) -> None:
    """``stockdesk gui --screenshot`` on a database whose admin has not yet added a facility:
    the empty window is pictured and the command ends (it used to wait for ever)."""
    from stockdesk.app import Paths, open_database
    from stockdesk.services.auth import SETUP_ACTOR
    from stockdesk.services.users import UserService
    from stockdesk.ui import start

    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    opened = open_database(url, backups_dir=tmp_path / "backups")
    UserService(opened.db, SETUP_ACTOR).create_user("boss", "admin", "boss-pass-1",
                                                     must_change_password=False)
    opened.db.close()
    monkeypatch.setenv("STOCKDESK_PASSWORD", "boss-pass-1")
    picture = tmp_path / "window.png"
    code = start.run(url, "boss", paths=Paths(tmp_path / "data", portable=False),
                     screenshot=picture)
    assert code == 0
    assert picture.stat().st_size > 1000


def test_a_demo_that_cannot_be_built_says_why_before_closing(start, qtbot, tmp_path,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    """The disk fills up while the demo district is built: the person reads why, and
    StockDesk ends when they close the message (it used to vanish without a word)."""
    import sqlite3 as sqlite

    from sqlalchemy.exc import OperationalError

    from stockdesk.ui import first_run

    def failing(*_args: object, **_kwargs: object):  # type: ignore[no-untyped-def]
        def work(_control: object) -> None:
            raise OperationalError("INSERT", {}, sqlite.OperationalError(
                "database or disk is full"))
        return work

    monkeypatch.setattr(first_run, "build_demo_work", failing)
    starter = start(tmp_path / "new.sqlite3", demo=True)
    box = started(qtbot, starter, "message_shown")
    assert "disk is full" in box.text()
    with qtbot.waitSignal(starter.finished) as finished:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert finished.args == [1]
