"""The District page: a folder of facilities' R&R workbooks imported with progress and Cancel,
each file's outcome and problems, who has not reported, approval and the warehouse order."""

from __future__ import annotations

import csv
import shutil
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QLineEdit, QProgressDialog, QPushButton

from stockdesk.app import open_database
from stockdesk.exchange.rnr_xlsx import write_rnr_xlsx
from stockdesk.requisition.consolidation import ORDER_COLUMNS
from stockdesk.requisition.document import Document
from stockdesk.services import requisition_import
from stockdesk.services.directory import DirectoryService
from stockdesk.services.requisitions import RequisitionService
from stockdesk.services.users import UserService
from stockdesk.ui.pages.district import DistrictPage
from tests.ui.conftest import DEMO_PASSWORD, TODAY

PERIOD = "2026-10"
PROGRAM = "essential"
CTRL = Qt.KeyboardModifier.ControlModifier


def shown(view: Any) -> Document:
    """The document the view shows (loaded before this is called)."""
    assert view.doc is not None
    return view.doc


def workbooks(demo_file: Path, folder: Path, facilities: tuple[str, ...],
              corrupt: bool = True) -> Path:
    """R&Rs made, submitted and authorized at the facilities (their own copy of the
    database), exported to ``folder`` as they would arrive at the district."""
    copy = folder.parent / "facilities.sqlite3"
    shutil.copyfile(demo_file, copy)
    opened = open_database(f"sqlite:///{copy}", today=TODAY)
    try:
        admin = UserService(opened.db).authenticate("admin", DEMO_PASSWORD)
        reqs = RequisitionService(opened.db, admin, today=lambda: TODAY)
        folder.mkdir()
        for facility in facilities:
            reqs.create(facility, PERIOD, PROGRAM)
            reqs.step(facility, PERIOD, "submit", PROGRAM)
            doc = reqs.step(facility, PERIOD, "authorize", PROGRAM)
            write_rnr_xlsx(doc, folder / f"{facility}.xlsx")
    finally:
        opened.db.close()
    if corrupt:
        (folder / "zz-corrupt.xlsx").write_bytes(b"PK\x03\x04 this is not a workbook")
    return folder


def district_page(win: Any, qtbot: Any) -> DistrictPage:
    page = win.pages["district"]
    assert isinstance(page, DistrictPage)
    with qtbot.waitSignal(page.reporting_loaded, timeout=20_000):
        win.go("district", {})
    assert page.period.currentData() == PERIOD  # the month just completed
    return page


def reported(win: Any) -> set[str]:
    return {r.facility for r in win.ctx.service(DirectoryService).requisitions(period=PERIOD)}


def test_import_review_approve_and_order(window, qtbot, qtmodeltester, demo_file, tmp_path,
                                         monkeypatch) -> None:
    folder = workbooks(demo_file, tmp_path / "inbox", ("DEMO-HC01", "DEMO-HOSP01"))
    win = window("logistician")
    page = district_page(win, qtbot)
    qtmodeltester.check(page.reporting_model)
    assert {r.status for r in page.reporting_model.rows} == {None}  # nobody yet
    assert "3 of 3 facilities have not reported" in page.reporting_summary.text()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(folder)))
    with qtbot.waitSignal(page.import_finished, timeout=60_000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    outcomes = {o.file: o for o in page.files_model.rows}
    assert {f: o.status for f, o in outcomes.items()} == {
        "DEMO-HC01.xlsx": "imported", "DEMO-HOSP01.xlsx": "imported",
        "zz-corrupt.xlsx": "refused"}
    assert "2 imported" in page.import_summary.text() and "1 refused" in \
        page.import_summary.text()
    qtmodeltester.check(page.files_model)
    # the refused file is selected first, with its problem in words
    assert page.files_model.row(page.files_table.currentIndex()).file == "zz-corrupt.xlsx"
    assert page.problems_model.rowCount() >= 1
    qtmodeltester.check(page.problems_model)
    assert any("not an R&R workbook" in p.text or "cannot be read" in p.text
               for p in page.problems_model.rows)
    assert page.problems_model.rows[0].severity.name == "ERROR"
    assert not page.open_imported.isEnabled()
    # an imported file's notes carry the row and column where they sit
    hc01 = next(i for i, o in enumerate(page.files_model.rows) if o.file == "DEMO-HC01.xlsx")
    page.files_table.setCurrentIndex(page.files_model.index(hc01, 0))
    assert all(p.row is not None for p in page.problems_model.rows)
    assert {"DEMO-HC01", "DEMO-HOSP01"} <= reported(win)

    # who has not reported: Hilltop, highlighted and named
    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: any(r.status for r in page.reporting_model.rows))
    missing = [r for r in page.reporting_model.rows if not r.reported]
    assert [r.facility for r in missing] == ["DEMO-HC02"]
    status = page.reporting_model.index(0, page.reporting_model.column_index("status"))
    assert page.reporting_model.data(status) == "Not reported"
    assert page.reporting_model.data(status, Qt.ItemDataRole.BackgroundRole) is not None
    assert "Hilltop Health Centre" in page.reporting_summary.text()

    # open the imported R&R, approve a quantity and the R&R
    page.tabs.setCurrentIndex(1)
    page.files_table.setCurrentIndex(page.files_model.index(hc01, 0))
    assert page.open_imported.isEnabled()
    view = page.view
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        qtbot.mouseClick(page.open_imported, Qt.MouseButton.LeftButton)
    assert shown(view).header.facility_code == "DEMO-HC01"
    assert view.model.editable == frozenset({"K"})
    k = view.model.column_index("K")
    assert view.table.currentIndex().column() == k  # ready to type K
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = next(e for e in view.table.findChildren(QLineEdit, "lineEditor")
                  if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, "250")
    with qtbot.waitSignal(view.changed, timeout=20_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    with qtbot.waitSignal(view.changed, timeout=20_000):
        qtbot.mouseClick(view.step_buttons["approve"], Qt.MouseButton.LeftButton)
    approved = win.ctx.service(RequisitionService).document("DEMO-HC01", PERIOD, PROGRAM)
    assert approved.header.status.value == "approved"
    assert approved.lines[0].K == 250
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.main

    # consolidate and export the warehouse order
    with qtbot.waitSignal(page.consolidated, timeout=30_000):
        qtbot.mouseClick(page.consolidate_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(page.order_model)
    assert page.order_model.rowCount() == sum(1 for ln in approved.lines if ln.K)
    assert "Hilltop Health Centre" in page.missing_label.text()  # not reported
    assert "Lakeview District Hospital" in page.missing_label.text()  # not approved
    target = tmp_path / "order.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(page.order_exported, timeout=30_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    with target.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(ORDER_COLUMNS)
    first = next(r for r in rows[1:] if r[2] == approved.lines[0].product_code)
    assert (first[1], first[4], first[5]) == ("DEMO-HC01", "250", PERIOD)
    assert "Saved to" in page.order_message.text()


def test_cancel_stops_between_files_and_the_window_keeps_turning(
        window, qtbot, demo_file, tmp_path, monkeypatch) -> None:
    folder = workbooks(demo_file, tmp_path / "inbox",
                       ("DEMO-HC01", "DEMO-HC02", "DEMO-HOSP01"))
    read = requisition_import.read_rnr_xlsx
    release = threading.Event()
    seen: list[str] = []

    def held_on_the_second_file(path: Path, **kw: Any) -> Any:
        seen.append(path.name)
        if len(seen) == 2:  # the import is under way: hold it until the test has looked
            release.wait(30)
        return read(path, **kw)

    monkeypatch.setattr(requisition_import, "read_rnr_xlsx", held_on_the_second_file)
    win = window("logistician")
    page = district_page(win, qtbot)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(folder)))
    try:
        with qtbot.waitSignal(page.import_progress, timeout=30_000) as first:
            qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        assert first.args == [1, 4]
        # the event loop keeps turning while the worker imports
        ticks: list[int] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=10_000)
        timer.stop()
        assert page.import_job is not None and not page.import_job.finished
        assert not page.import_button.isEnabled()
        dialog = page.findChild(QProgressDialog, "taskProgress")
        assert dialog is not None
        assert dialog.labelText().startswith("Importing requisitions")
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        release.set()
    qtbot.waitUntil(lambda: page.import_button.isEnabled(), timeout=30_000)
    # the file under way finishes (each file is whole or nothing); the rest is left
    assert [o.file for o in page.files_model.rows] == ["DEMO-HC01.xlsx", "DEMO-HC02.xlsx"]
    assert "Cancelled" in page.import_summary.text()
    assert reported(win) == {"DEMO-HC01", "DEMO-HC02"}
    assert seen == ["DEMO-HC01.xlsx", "DEMO-HC02.xlsx"]
