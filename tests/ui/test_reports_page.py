"""The Reports page as a supervisor uses it: preview a report of a facility or the district,
save it as PDF or Excel, print it, stop a long one."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from stockdesk.services import admin_view
from stockdesk.services.reports import ReportService
from stockdesk.ui.pages.reports import ReportsPage, scope_key
from tests.ui.conftest import TODAY


def open_reports(window: Any, qtbot: Any, user: str = "supervisor") -> ReportsPage:
    win = window(user)
    win.go("reports")
    page = win.pages["reports"]
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: bool(page.districts) and page.scope.count() > 1, timeout=20_000)
    return page


def choose(qtbot: Any, combo: Any, data: Any) -> None:
    """Pick an item the way a person does with the keyboard: focus, then arrow keys."""
    combo.setFocus()
    index = combo.findData(data)
    assert index >= 0, data
    while combo.currentIndex() != index:
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def preview(qtbot: Any, page: ReportsPage) -> None:
    with qtbot.waitSignal(page.previewed, timeout=30_000):
        qtbot.mouseClick(page.preview, Qt.MouseButton.LeftButton)


def reports(page: ReportsPage) -> ReportService:
    return ReportService(page.ctx.db, page.ctx.actor, today=lambda: TODAY)


def shown(page: ReportsPage) -> list[Any]:
    return [page.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2)
            for r in range(page.proxy.rowCount())]


def test_stock_status_of_the_facility_in_view(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = open_reports(window, qtbot)
    facility = page.ctx.facility
    assert page.scope_choice() == ("facility", facility)
    preview(qtbot, page)
    expected = reports(page).stock_status(facility=facility)
    assert page.model.rows == expected.rows
    qtmodeltester.check(page.model)
    # the status is a word in a coloured cell
    column = page.model.column_index("status")
    first = page.proxy.index(0, column)
    assert first.data() == "Stocked out"
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Stocked out" in page.summary.text()
    # searching narrows the list
    name = expected.rows[0].product_name
    qtbot.keyClicks(page.search, name)
    assert 0 < page.proxy.rowCount() < len(expected.rows)
    assert all(r.product_name == name for r in shown(page))


def test_district_report_saved_as_pdf_and_excel(window, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch, qtmodeltester) -> None:
    page = open_reports(window, qtbot)
    district = page.districts[0]
    choose(qtbot, page.scope, scope_key("district", district))
    preview(qtbot, page)
    expected = reports(page).stock_status(district=district)
    assert page.model.rows == expected.rows
    assert len({r.facility_code for r in page.model.rows}) > 1
    assert not page.table.isColumnHidden(page.model.column_index("facility"))
    qtmodeltester.check(page.model)

    pdf = tmp_path / "status.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    with qtbot.waitSignal(page.saved, timeout=30_000):
        qtbot.mouseClick(page.save_pdf, Qt.MouseButton.LeftButton)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Stock status report" in text
    assert expected.rows[0].product_name in text

    xlsx = tmp_path / "status"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    with qtbot.waitSignal(page.saved, timeout=30_000) as saved:
        qtbot.mouseClick(page.save_xlsx, Qt.MouseButton.LeftButton)
    assert saved.args == [str(tmp_path / "status.xlsx")]
    book = openpyxl.load_workbook(tmp_path / "status.xlsx", read_only=True)
    values = {str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
              for v in row if v is not None}
    assert {r.product_code for r in expected.rows} <= values


def test_stockouts_and_expiry(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = open_reports(window, qtbot)
    district = page.districts[0]
    choose(qtbot, page.scope, scope_key("district", district))
    choose(qtbot, page.kind, "stockouts")
    assert page.months.isVisible() and not page.horizon.isVisible()
    page.months.selectAll()
    qtbot.keyClicks(page.months, "3")
    preview(qtbot, page)
    stockouts = reports(page).stockouts(district=district, months=3)
    assert page.model.rows == stockouts.rows
    assert page.model.columnCount() == 4 + 1 + 3 + 2  # place, now, 3 months, totals
    qtmodeltester.check(page.model)

    choose(qtbot, page.kind, "expiry")
    assert page.horizon.isVisible() and not page.months.isVisible()
    page.horizon.selectAll()
    qtbot.keyClicks(page.horizon, "12")
    preview(qtbot, page)
    expiry = reports(page).expiry(district=district, horizon_months=12)
    assert page.model.rows == expiry.rows and expiry.rows
    qtmodeltester.check(page.model)
    assert "lots expire" in page.summary.text()


def test_print_opens_a_pdf(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    def open_url(url: Any) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr("stockdesk.ui.pages.reports.QDesktopServices.openUrl", open_url)
    page = open_reports(window, qtbot)
    with qtbot.waitSignal(page.saved, timeout=30_000):  # built on the way: no preview first
        qtbot.mouseClick(page.print_, Qt.MouseButton.LeftButton)
    assert opened and Path(opened[0]).read_bytes().startswith(b"%PDF")
    assert page.model.rowCount() > 0


def test_district_report_shows_progress_and_can_be_cancelled(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    steps: list[tuple[int, int]] = []
    real = admin_view.AdminViewService.report

    def slow(self, kind, *, progress=None, **kw):  # type: ignore[no-untyped-def]
        def held(done: int, total: int, text: str) -> None:
            steps.append((done, total))
            if done == 1:
                release.wait(20)  # the person is looking at the progress dialog
            progress(done, total, text)
        return real(self, kind, progress=held, **kw)

    monkeypatch.setattr(admin_view.AdminViewService, "report", slow)
    page = open_reports(window, qtbot)
    choose(qtbot, page.scope, scope_key("district", page.districts[0]))
    qtbot.mouseClick(page.preview, Qt.MouseButton.LeftButton)

    def dialog() -> QProgressDialog | None:
        found = [d for d in page.window().findChildren(QProgressDialog, "taskProgress")
                 if d.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=20_000)
    cancel = dialog().findChild(QPushButton)  # type: ignore[union-attr]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: "cancelled" in page.summary.text(), timeout=20_000)
    assert page.model.rowCount() == 0
    assert steps[-1][0] < steps[-1][1]  # it stopped before the last facility


def test_audit_log_for_those_who_may(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = open_reports(window, qtbot, "supervisor")
    choose(qtbot, page.kind, "audit")
    assert not page.save_pdf.isEnabled()
    preview(qtbot, page)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model)
    pharmacist = open_reports(window, qtbot, "pharmacist")
    assert pharmacist.kind.findData("audit") == -1


@pytest.mark.parametrize("user", ["pharmacist", "logistician"])
def test_everyone_may_preview(window, qtbot, user: str) -> None:  # type: ignore[no-untyped-def]
    page = open_reports(window, qtbot, user)
    preview(qtbot, page)
    assert page.model.rowCount() > 0
