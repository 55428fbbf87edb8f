"""The Administration page as an administrator uses it: products, facilities, stock levels, a
program's calculation profile, users, backup and restore, language; who sees which tab."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from stockdesk.problems import ProblemsFound
from stockdesk.services.admin_view import AdminViewService
from stockdesk.services.backup import BackupService
from stockdesk.services.directory import DirectoryService
from stockdesk.services.masterdata import MasterDataService
from stockdesk.services.users import UserService
from stockdesk.ui import i18n
from stockdesk.ui import settings as keys
from stockdesk.ui.errors import PROBLEM_STYLE
from stockdesk.ui.pages.admin import AdminPage
from tests.ui.conftest import DEMO_PASSWORD

LEFT = Qt.MouseButton.LeftButton


def open_admin(window: Any, qtbot: Any, tab: str, user: str = "admin") -> tuple[Any, Any]:
    win = window(user)
    win.go("admin")
    page = win.pages["admin"]
    assert isinstance(page, AdminPage)
    page.show_tab(tab)
    widget: Any = page.tabs.currentWidget()
    if hasattr(widget, "loaded"):
        qtbot.waitUntil(lambda: widget.model.rowCount() > 0, timeout=20_000)
    return page, widget


def retype(qtbot: Any, field: Any, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_admin_adds_a_product(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page, tab = open_admin(window, qtbot, "products")
    qtmodeltester.check(tab.model)
    qtbot.mouseClick(tab.new_button, LEFT)
    qtbot.keyClicks(tab.code, "PARA-1G-TAB")
    qtbot.keyClicks(tab.name, "Paracetamol")
    qtbot.keyClicks(tab.strength, "1 g")
    qtbot.keyClicks(tab.dosage_form, "tablet")
    qtbot.keyClicks(tab.unit, "tablet")
    retype(qtbot, tab.pack_size, "500")
    qtbot.keyClicks(tab.price, "12.50")
    retype(qtbot, tab.program.lineEdit(), "essential")
    qtbot.keyClicks(tab.gtin, "4006381333931")
    with qtbot.waitSignal(tab.saved, timeout=20_000):
        qtbot.mouseClick(tab.save_button, LEFT)
    products = {p.code: p for p in page.ctx.service(DirectoryService).products()}
    saved = products["PARA-1G-TAB"]
    assert (saved.name, saved.strength, saved.pack_size, saved.price_per_pack, saved.program,
            saved.gtin) == ("Paracetamol", "1 g", 500, 12.5, "essential", "4006381333931")
    assert "PARA-1G-TAB" in {p.code for p in tab.model.rows}
    assert not tab.new  # the form now shows the saved product


def test_bad_gtin_is_shown_by_the_field_and_nothing_is_saved(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page, tab = open_admin(window, qtbot, "products")
    qtbot.mouseClick(tab.new_button, LEFT)
    qtbot.keyClicks(tab.code, "BAD-GTIN")
    qtbot.keyClicks(tab.name, "Something")
    qtbot.keyClicks(tab.unit, "tablet")
    qtbot.keyClicks(tab.gtin, "4006381333932")  # wrong check digit
    qtbot.mouseClick(tab.save_button, LEFT)
    problem = tab.form.problems["gtin"]
    qtbot.waitUntil(problem.isVisible, timeout=20_000)
    assert "GTIN" in problem.text() and "4006381333932" in problem.text()
    assert "BAD-GTIN" not in {p.code for p in page.ctx.service(DirectoryService).products(
        include_inactive=True)}


def test_admin_changes_a_product_and_withdraws_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page, tab = open_admin(window, qtbot, "products")
    code = tab.model.rows[0].code
    before = page.ctx.service(AdminViewService).product(code)
    assert tab.select(code)
    retype(qtbot, tab.name, "Renamed product")
    tab.active.setFocus()
    qtbot.keyClick(tab.active, Qt.Key.Key_Space)
    with qtbot.waitSignal(tab.saved, timeout=20_000):
        qtbot.mouseClick(tab.save_button, LEFT)
    after = page.ctx.service(AdminViewService).product(code)
    assert after.data.name == "Renamed product" and not after.active
    assert after.data.atc == before.data.atc  # fields the form does not show are kept


def test_admin_edits_a_facility(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page, tab = open_admin(window, qtbot, "facilities")
    qtmodeltester.check(tab.model)
    code = next(f.code for f in tab.model.rows if f.type == "health_centre")
    assert tab.select(code)
    retype(qtbot, tab.name, "Riverside Health Centre (new building)")
    retype(qtbot, tab.region, "North Region")
    with qtbot.waitSignal(tab.saved, timeout=20_000):
        qtbot.mouseClick(tab.save_button, LEFT)
    f = {x.code: x for x in page.ctx.service(DirectoryService).facilities()}[code]
    assert (f.name, f.region) == ("Riverside Health Centre (new building)", "North Region")
    assert f.supplier is not None  # kept


def test_admin_changes_stock_levels_and_sees_inconsistency(window, qtbot,  # type: ignore[no-untyped-def]
                                                           qtmodeltester) -> None:
    page, tab = open_admin(window, qtbot, "levels")
    qtmodeltester.check(tab.model)
    assert tab.select("malaria/hospital")
    retype(qtbot, tab.spins["max_mos"], "4")
    retype(qtbot, tab.spins["min_mos"], "5")
    warning = tab.form.problems["min_mos"]
    assert warning.isVisible() and "above the maximum" in warning.text()
    retype(qtbot, tab.spins["min_mos"], "2")
    assert not warning.isVisible()
    with qtbot.waitSignal(tab.saved, timeout=20_000):
        qtbot.mouseClick(tab.save_button, LEFT)
    levels = {(r.data.program, r.data.facility_type): r.data
              for r in page.ctx.service(AdminViewService).levels()}
    assert (levels[("malaria", "hospital")].max_mos,
            levels[("malaria", "hospital")].min_mos) == (4.0, 2.0)


def test_admin_changes_a_programs_profile(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page, tab = open_admin(window, qtbot, "programs")
    qtmodeltester.check(tab.model)
    tab.select("malaria")
    tab.profile.setFocus()
    while tab.profile.currentData() != "msupply":
        qtbot.keyClick(tab.profile, Qt.Key.Key_Down)
    assert "mSupply" in tab.explain.text()
    qtbot.keyClicks(tab.reason, "align with the national system")
    with qtbot.waitSignal(tab.saved, timeout=20_000):
        qtbot.mouseClick(tab.apply, LEFT)
    programs = {c: p for c, _, p in page.ctx.service(MasterDataService).programs()}
    assert programs["malaria"] == "msupply"
    audit = page.ctx.service(DirectoryService).audit(entity="program")
    assert any(a.key == "malaria" and a.reason == "align with the national system"
               for a in audit)


def test_admin_creates_a_user_who_can_sign_in(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page, tab = open_admin(window, qtbot, "users")
    qtmodeltester.check(tab.model)
    qtbot.keyClicks(tab.username, "awa")
    qtbot.keyClicks(tab.full_name, "Awa Kone")
    tab.role.setFocus()
    while tab.role.currentData() != "supervisor":
        qtbot.keyClick(tab.role, Qt.Key.Key_Down)
    qtbot.keyClicks(tab.password, "short")
    assert tab.rules.styleSheet() == PROBLEM_STYLE  # the rule turns red while typing
    qtbot.mouseClick(tab.create_button, LEFT)
    problem = tab.new.problems["password"]
    qtbot.waitUntil(problem.isVisible, timeout=20_000)
    assert "8" in problem.text()
    retype(qtbot, tab.password, "long enough 1")
    with qtbot.waitSignal(tab.changed, timeout=20_000):
        qtbot.mouseClick(tab.create_button, LEFT)
    actor = UserService(page.ctx.db).authenticate("awa", "long enough 1")
    assert actor.role == "supervisor" and actor.must_change_password
    assert any(u.username == "awa" and u.role == "supervisor" for u in tab.model.rows)


def test_admin_deactivates_and_unlocks(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page, tab = open_admin(window, qtbot, "users")
    users = UserService(page.ctx.db)
    for _ in range(5):  # someone keeps mistyping: the account locks
        with contextlib.suppress(ProblemsFound):
            users.authenticate("logistician", "wrong password")
    tab.refresh()
    qtbot.waitUntil(lambda: any(u.locked for u in tab.model.rows), timeout=20_000)
    tab.select("logistician")
    assert tab.unlock.isEnabled()
    with qtbot.waitSignal(tab.changed, timeout=20_000):
        qtbot.mouseClick(tab.unlock, LEFT)
    assert users.authenticate("logistician", DEMO_PASSWORD).role == "district_logistician"
    tab.select("pharmacist")
    with qtbot.waitSignal(tab.changed, timeout=20_000):
        qtbot.mouseClick(tab.toggle_active, LEFT)
    try:
        users.authenticate("pharmacist", DEMO_PASSWORD)
        raise AssertionError("a deactivated user signed in")
    except ProblemsFound as exc:
        assert exc.problems[0].code == "auth.bad_credentials"
    assert "Deactivated" in tab.chosen_name.text()


def test_backup_then_restore(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, tab = open_admin(window, qtbot, "backup")
    assert "backups" in tab.daily.text()
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(tab.backed_up, timeout=30_000):
        qtbot.mouseClick(tab.backup_button, LEFT)
    info = page.ctx.service(BackupService).check(target)
    assert info.facilities > 0 and str(target) in tab.backup_status.text()

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    def question(parent: Any, title: str, text: str, *a: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    with qtbot.waitSignal(tab.restored, timeout=60_000):
        qtbot.mouseClick(tab.restore_button, LEFT)
    assert "facilities" in asked[0]
    assert "restart" in tab.restore_status.text()
    assert tab.close_button.isVisible()


FRENCH = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr">
<context><name>ReportsPage</name>
<message><source>Reports</source><translation>Rapports</translation></message></context>
<context><name>AdminPage</name>
<message><source>Language</source><translation>Langue</translation></message></context>
</TS>
"""


def test_language_switch_from_the_tab(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ts, qm = tmp_path / "fr.ts", tmp_path / "fr.qm"
    ts.write_text(FRENCH, encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    monkeypatch.setattr(i18n, "catalogue", lambda code: qm)
    page, tab = open_admin(window, qtbot, "language")
    win = page.window()
    qtbot.waitUntil(lambda: not win.ctx.tasks.busy, timeout=20_000)  # other pages loaded
    tab.language.setFocus()
    index = tab.language.findData("fr")
    tab.language.setCurrentIndex(index)
    tab.language.activated.emit(index)  # what choosing an item in the open list does
    qtbot.waitUntil(lambda: win.pages.get("admin") is not page, timeout=20_000)
    titles = [win.navigation.item(i).text() for i in range(win.navigation.count())]
    assert "Rapports" in titles and "Reports" not in titles
    assert win.ctx.settings.get(keys.LANGUAGE) == "fr"
    admin = win.pages["admin"]
    assert admin.tabs.currentWidget() is admin.language
    assert admin.tabs.tabText(admin.tabs.currentIndex()) == "Langue"
    win.switch_language("en")


def test_who_sees_which_tab(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    pharmacist = window("pharmacist")
    page = pharmacist.pages["admin"]
    assert page.tab_keys() == ["backup", "import", "language"]
    assert not page.backup.restore_box.isVisibleTo(page.backup)
    logistician = window("logistician")
    assert "users" not in logistician.pages["admin"].tab_keys()
    assert "products" in logistician.pages["admin"].tab_keys()
    supervisor = window("supervisor")
    assert "admin" not in supervisor.pages


def test_a_facility_renamed_shows_in_the_users_tab(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A change made on one tab reaches the others already opened: the facility just renamed
    is offered under its new name where a user's facility is chosen."""
    page, users = open_admin(window, qtbot, "users")
    page.show_tab("facilities")
    tab: Any = page.tabs.currentWidget()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=20_000)
    code = next(f.code for f in tab.model.rows if f.type == "health_centre")
    assert tab.select(code)
    retype(qtbot, tab.name, "Riverside Health Centre (new building)")
    with qtbot.waitSignal(tab.saved, timeout=20_000):
        qtbot.mouseClick(tab.save_button, LEFT)
    with qtbot.waitSignal(users.loaded, timeout=20_000):
        page.show_tab("users")
    offered = [users.facility.itemText(i) for i in range(users.facility.count())]
    assert any("Riverside Health Centre (new building)" in text for text in offered)
