"""Administration › Import: files of facilities (and the other kinds) brought in from the
window, each whole or not at all; who may import which kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from stockdesk.services.directory import DirectoryService
from stockdesk.ui.admin_import import ImportTab
from stockdesk.ui.pages.admin import AdminPage

LEFT = Qt.MouseButton.LeftButton


def open_import(window: Any, user: str = "admin") -> tuple[AdminPage, ImportTab]:
    win = window(user)
    win.go("admin")
    page = win.pages["admin"]
    assert isinstance(page, AdminPage)
    page.show_tab("import")
    tab = page.tabs.currentWidget()
    assert isinstance(tab, ImportTab)
    return page, tab


def choose(monkeypatch: Any, *paths: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(p) for p in paths], ""))


def facility_codes(page: AdminPage) -> set[str]:
    return {f.code for f in page.ctx.service(DirectoryService).facilities()}


def test_admin_imports_a_facilities_file(window: Any, qtbot: Any, tmp_path: Path,
                                         monkeypatch: Any, qtmodeltester: Any) -> None:
    page, tab = open_import(window)
    district = page.ctx.service(DirectoryService).facilities()[0].district
    good = tmp_path / "new-sites.csv"
    good.write_text("code,name,type,district\n"
                    f"HC-NEW,Centre de Santé Nouveau,health centre,{district}\n",
                    encoding="utf-8")
    choose(monkeypatch, good)
    tab.select_kind("facilities")
    assert "code*" in tab.columns.text()
    with qtbot.waitSignal(page.ctx.bus.master_data_changed, timeout=20_000), \
            qtbot.waitSignal(tab.import_finished, timeout=20_000):
        qtbot.mouseClick(tab.choose_button, LEFT)
    assert "HC-NEW" in facility_codes(page)
    qtmodeltester.check(tab.model)
    outcome = tab.model.rows[0]
    assert (outcome.file, outcome.outcome, outcome.rows) == ("new-sites.csv", "imported", 1)
    index = tab.model.index(0, tab.model.column_index("outcome"))
    assert tab.model.data(index) == "Imported"
    assert "1 of 1" in tab.status.text()


def test_a_broken_file_shows_its_problems_by_row_and_changes_nothing(
        window: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any, qtmodeltester: Any) -> None:
    page, tab = open_import(window)
    before = facility_codes(page)
    bad_row = tmp_path / "bad-row.csv"
    bad_row.write_text("code,name,type\nHC-OK,Fine,health centre\nHC-BAD,Bad,spaceship\n",
                       encoding="utf-8")
    no_code = tmp_path / "no-code.csv"
    no_code.write_text("site name,type\nSomewhere,hospital\n", encoding="utf-8")
    choose(monkeypatch, bad_row, no_code)
    tab.select_kind("facilities")
    with qtbot.waitSignal(tab.import_finished, timeout=20_000):
        qtbot.mouseClick(tab.choose_button, LEFT)
    assert facility_codes(page) == before  # neither file changed anything, HC-OK neither
    assert [(o.file, o.outcome) for o in tab.model.rows] == [
        ("bad-row.csv", "refused"), ("no-code.csv", "refused")]
    selected = tab.selected_file()
    assert selected is not None and selected.file == "bad-row.csv"
    qtmodeltester.check(tab.problems_model)
    lines = tab.problems_model.rows
    assert [(line.row, line.column) for line in lines] == [(3, "type")]
    assert "spaceship" in lines[0].text
    row_cell = tab.problems_model.index(0, tab.problems_model.column_index("row"))
    assert tab.problems_model.data(row_cell) == "3"
    assert "spaceship" in tab.detail.text()
    assert "0 of 2" in tab.status.text()

    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)  # the second file: its missing column
    selected = tab.selected_file()
    assert selected is not None and selected.file == "no-code.csv"
    texts = [line.text for line in tab.problems_model.rows]
    assert len(texts) == 1 and "code" in texts[0]


def test_pharmacist_sees_only_ledger_and_history(window: Any) -> None:
    _page, tab = open_import(window, "pharmacist")
    kinds = [tab.kind.itemData(i) for i in range(tab.kind.count())]
    assert kinds == ["ledger", "history"]
    assert tab.kind.itemText(0) == "Ledger transactions"
    assert "receipt" in tab.description.text()


def test_supervisor_has_no_import_tab(window: Any) -> None:
    win = window("supervisor")
    page = win.pages.get("admin")
    assert page is None or "import" not in page.tab_keys()
