"""The Requisitions page: a pharmacist prepares the month's R&R and sends it, the in-charge
authorizes it, the district approves quantities; files written are read back by real readers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QLineEdit

from stockdesk.exchange.rnr_xlsx import DATA_SHEET
from stockdesk.requisition.document import DATA_COLUMNS, Document, canonical
from stockdesk.services.requisitions import RequisitionService
from stockdesk.ui.pages.requisitions import RequisitionsPage
from stockdesk.ui.requisition_view import RequisitionView

FACILITY = "DEMO-HC01"
PERIOD = "2026-10"  # the month completed before TODAY (2026-11-21)
PROGRAM = "essential"
CTRL = Qt.KeyboardModifier.ControlModifier


def shown(view: Any) -> Document:
    """The document the view shows (loaded before this is called)."""
    assert view.doc is not None
    return view.doc


def page_of(win: Any, qtbot: Any) -> RequisitionsPage:
    page = win.pages["requisitions"]
    assert isinstance(page, RequisitionsPage)
    if win.current_page() is not page:
        with qtbot.waitSignal(page.history_loaded, timeout=20_000):
            win.go("requisitions", {})
    return page


def service(win: Any) -> RequisitionService:
    return win.ctx.service(RequisitionService)


def saved(win: Any) -> Document:
    return service(win).document(FACILITY, PERIOD, PROGRAM)


def open_doc(page: RequisitionsPage, qtbot: Any, period: str = PERIOD) -> RequisitionView:
    with qtbot.waitSignal(page.view.loaded, timeout=20_000):
        page.open_target({"period": period, "program": PROGRAM})
    return page.view


def edit_cell(view: RequisitionView, qtbot: Any, product: str, letter: str, text: str) -> None:
    """Go to the cell, F2, select what is there, type, Enter: as a person does."""
    row = next(i for i, ln in enumerate(view.model.rows) if ln.product_code == product)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(row, view.model.column_index(letter)))
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editors = [e for e in view.table.findChildren(QLineEdit, "lineEditor") if e.isVisible()]
    assert len(editors) == 1, "F2 opens one editor in the cell"
    editor = editors[0]
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the editor commits once the event loop turns
    qtbot.waitUntil(lambda: view.table.state() != QAbstractItemView.State.EditingState)


def click_and_wait(qtbot: Any, view: RequisitionView, button: Any) -> Document:
    assert button.isEnabled(), button.objectName()
    with qtbot.waitSignal(view.changed, timeout=20_000) as changed:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return changed.args[0]


def prepare(win: Any, *, submit: bool = False, authorize_as: Any = None) -> Document:
    """Setup through the services: the pharmacist's draft (and submission)."""
    doc = service(win).create(FACILITY, PERIOD, PROGRAM)
    if submit:
        doc = service(win).step(FACILITY, PERIOD, "submit", PROGRAM)
    return doc


def test_pharmacist_creates_fills_in_and_submits(window, qtbot, qtmodeltester) -> None:
    win = window("pharmacist")
    page = page_of(win, qtbot)
    assert page.model.rowCount() == 0
    assert page.empty.isVisible()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.period.currentData() == PERIOD  # the month just completed
    assert dialog.program.currentData() == PROGRAM
    with qtbot.waitSignal(page.view.loaded, timeout=20_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    view = page.view
    assert page.stack.currentWidget() is view
    assert "Riverside Health Centre" in view.title_label.text()
    assert view.status_label.text() == "Draft"
    assert "10/1/26" in view.header_label.text() or "2026" in view.header_label.text()
    qtmodeltester.check(view.model)
    qtmodeltester.check(page.model)
    assert view.model.headerData(view.model.column_index("J"), Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.DisplayRole).startswith("J")
    assert "requested" in view.model.headerData(
        view.model.column_index("J"), Qt.Orientation.Horizontal,
        Qt.ItemDataRole.ToolTipRole).lower()

    line = next(ln for ln in shown(view).lines if ln.I)
    other = next(ln for ln in shown(view).lines if ln.I and ln is not line)
    assert line.I is not None and other.I is not None
    # J changed without W: held on screen, W marked and explained, nothing saved
    edit_cell(view, qtbot, line.product_code, "J", str(line.I + 40))
    assert view.problems_label.isVisible()
    assert "explain why in W" in view.problems_label.text()
    assert (line.product_code, "W") in view.model.problems
    row = next(i for i, ln in enumerate(view.model.rows) if ln is line)
    w_index = view.model.index(row, view.model.column_index("W"))
    assert "explain" in view.model.data(w_index, Qt.ItemDataRole.ToolTipRole)
    assert saved(win).lines[row].J == line.I
    # the explanation typed: J and W saved together
    with qtbot.waitSignal(view.changed, timeout=20_000):
        edit_cell(view, qtbot, line.product_code, "W", "Vaccination campaign next month")
    back = next(ln for ln in saved(win).lines if ln.product_code == line.product_code)
    assert (back.J, back.W) == (line.I + 40, "Vaccination campaign next month")
    assert not view.problems_label.isVisible()
    # a change taken back before explaining it leaves nothing to explain
    edit_cell(view, qtbot, other.product_code, "J", str(other.I + 5))
    assert (other.product_code, "W") in view.model.problems
    edit_cell(view, qtbot, other.product_code, "J", str(other.I))
    assert not view.model.problems and not view.pending
    assert not view.problems_label.isVisible()

    assert not view.step_buttons["authorize"].isEnabled()  # not a pharmacist's step
    doc = click_and_wait(qtbot, view, view.step_buttons["submit"])
    assert doc.header.status.value == "submitted"
    assert saved(win).header.status.value == "submitted"
    assert view.status_label.text() == "Submitted"
    assert not view.step_buttons["submit"].isEnabled()
    assert "Submitted by" in view.signatures_label.text()
    assert not view.model.editable  # frozen once submitted
    # the history shows it
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.status == "submitted" for r in page.model.rows))
    assert page.stack.currentWidget() is page.list_page


def test_in_charge_authorizes_and_logistician_approves_quantities(window, qtbot) -> None:
    pharmacist = window("pharmacist")
    prepare(pharmacist, submit=True)

    incharge = window("incharge")
    view = open_doc(page_of(incharge, qtbot), qtbot)
    assert not view.step_buttons["approve"].isEnabled()
    doc = click_and_wait(qtbot, view, view.step_buttons["authorize"])
    assert doc.header.status.value == "authorized"

    logistician = window("logistician")
    logistician.select_facility(FACILITY)
    page = page_of(logistician, qtbot)
    qtbot.waitUntil(lambda: page._loaded_for == FACILITY)
    view = open_doc(page, qtbot)
    assert view.model.editable == frozenset({"K"})
    line = shown(view).lines[0]
    with qtbot.waitSignal(view.changed, timeout=20_000):
        edit_cell(view, qtbot, line.product_code, "K", "7")
    assert next(ln.K for ln in saved(logistician).lines
                if ln.product_code == line.product_code) == 7
    doc = click_and_wait(qtbot, view, view.step_buttons["approve"])
    assert doc.header.status.value == "approved"
    back = saved(logistician)
    assert back.header.status.value == "approved"
    assert back.lines[0].K == 7
    assert all(ln.K == ln.J for ln in back.lines[1:])  # approved as requested otherwise
    assert view.step_buttons["issue"].isEnabled()


def test_rejection_needs_a_reason_and_sends_it_back_to_draft(window, qtbot) -> None:
    prepare(window("pharmacist"), submit=True)
    incharge = window("incharge")
    view = open_doc(page_of(incharge, qtbot), qtbot)
    qtbot.mouseClick(view.step_buttons["reject"], Qt.MouseButton.LeftButton)
    assert view.reject_row.isVisible()
    qtbot.mouseClick(view.confirm_reject, Qt.MouseButton.LeftButton)
    assert view.reject_problem.isVisible()  # no reason: asked in place, nothing sent
    assert saved(incharge).header.status.value == "submitted"
    qtbot.keyClicks(view.reject_reason, "Closing balance of ORS does not match the count")
    with qtbot.waitSignal(view.changed, timeout=20_000):
        qtbot.keyClick(view.reject_reason, Qt.Key.Key_Return)
    assert view.status_label.text() == "Draft"
    assert view.rejection_label.isVisible()
    assert "does not match the count" in view.rejection_label.text()
    back = saved(incharge)
    assert back.header.status.value == "draft"
    assert back.header.rejection == "Closing balance of ORS does not match the count"

    # the pharmacist sees the reason and may correct and submit again
    pharmacist = window("pharmacist")
    view = open_doc(page_of(pharmacist, qtbot), qtbot)
    assert "does not match the count" in view.rejection_label.text()
    assert view.step_buttons["submit"].isEnabled()
    assert "J" in view.model.editable


def test_export_excel_pdf_and_print(window, qtbot, tmp_path, monkeypatch) -> None:
    win = window("pharmacist")
    prepare(win)
    view = open_doc(page_of(win, qtbot), qtbot)
    doc = shown(view)
    xlsx, pdf = tmp_path / "out" / "rnr.xlsx", tmp_path / "out" / "rnr"
    xlsx.parent.mkdir()
    answers = iter([str(xlsx), str(pdf)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (next(answers), "")))
    with qtbot.waitSignal(view.exported, timeout=30_000):
        qtbot.mouseClick(view.excel_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(xlsx, read_only=True)[DATA_SHEET]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = [str(c) for c in rows[0][:len(DATA_COLUMNS)]]
    assert header == list(DATA_COLUMNS)
    body = [[canonical(v) for v in r[:len(DATA_COLUMNS)]] for r in rows[1:] if any(r)]
    assert body == [[canonical(v) for v in r] for r in doc.data_rows()]
    assert "Saved to" in view.message.text()

    with qtbot.waitSignal(view.exported, timeout=30_000):
        qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    written = pdf.with_name("rnr.pdf")  # the extension is added when missing
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(written), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Riverside Health Centre" in text
    assert doc.lines[0].product_name.split()[0] in text

    opened: list[Any] = []
    monkeypatch.setattr("stockdesk.ui.requisition_view.QDesktopServices.openUrl",
                        opened.append)
    with qtbot.waitSignal(view.exported, timeout=30_000):
        qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    printed = Path(opened[0].toLocalFile())
    assert printed.suffix == ".pdf" and printed.stat().st_size > 1000
    printed.unlink()


def test_buttons_follow_role_and_state(window, qtbot) -> None:
    pharmacist = window("pharmacist")
    prepare(pharmacist, submit=True)
    view = open_doc(page_of(pharmacist, qtbot), qtbot)
    enabled = {a for a, b in view.step_buttons.items() if b.isEnabled()}
    assert enabled == set()  # submitted: the pharmacist waits for the in-charge
    assert view.excel_button.isEnabled()

    supervisor = window("supervisor")
    supervisor.select_facility(FACILITY)
    page = page_of(supervisor, qtbot)
    qtbot.waitUntil(lambda: page._loaded_for == FACILITY)
    assert not page.new_button.isEnabled()  # a supervisor reads, never prepares
    view = open_doc(page, qtbot)
    assert {a for a, b in view.step_buttons.items() if b.isEnabled()} == set()
    assert view.model.editable == frozenset()

    incharge = window("incharge")
    view = open_doc(page_of(incharge, qtbot), qtbot)
    assert {a for a, b in view.step_buttons.items() if b.isEnabled()} == {"authorize",
                                                                          "reject"}


def test_open_target_offers_to_create_a_missing_requisition(window, qtbot) -> None:
    win = window("pharmacist")
    page = page_of(win, qtbot)
    page.open_target({"period": "2026-08"})
    assert page.dialog is not None and page.dialog.isVisible()
    assert page.dialog.period.currentData() == "2026-08"
    # a requisition that exists already is refused in place, the dialog stays
    prepare(win)
    page.dialog.choose_period(PERIOD)
    qtbot.mouseClick(page.dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.problem.isVisible())
    assert "already has" in page.dialog.problem.text()
