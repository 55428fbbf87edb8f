"""``stockdesk requisition`` as the facility and the district meet it."""

from __future__ import annotations

import json

from .test_cli import AS_OF, environment, run, stocked  # noqa: F401 - fixtures


def test_create_request_and_step_through(run, stocked):  # noqa: F811
    made = run("--db", stocked, "requisition", "create", "HC01", "2024-11", "--program",
               "essential")
    assert made.code == 0, made.err
    assert made.lines[0].startswith("Requisition HC01 essential 2024-11: draft, 2 lines; "
                                    "profile openlmis")
    amox = next(line for line in made.lines if line.startswith("AMOX250"))
    # November: 500 received, 120 issued; P = 120, H = 360, I = 360 − 380 → 0
    assert amox.split()[-11:] == ["0", "500", "120", "0", "380", "0", "120", "120", "360",
                                  "0", "0"]
    refused = run("--db", stocked, "requisition", "request", "HC01", "2024-11", "AMOX250",
                  "100", "--program", "essential")
    assert refused.code == 1
    assert "AMOX250, column W: J = 100 differs from I = 0: W must explain why" in refused.err
    ok = run("--db", stocked, "requisition", "request", "HC01", "2024-11", "AMOX250", "100",
             "--explanation", "outreach in December", "--program", "essential")
    assert ok.code == 0 and ok.out.strip() == "AMOX250: J = 100 (I = 0), W: outreach in December"
    step = run("--db", stocked, "requisition", "submit", "HC01", "2024-11", "--program",
               "essential")
    assert step.out.strip() == "HC01 essential 2024-11 is now submitted"
    again = run("--db", stocked, "requisition", "submit", "HC01", "2024-11", "--program",
                "essential")
    assert again.code == 1
    assert "an R&R that is submitted cannot be submitted: only a draft one can" in again.err
    data = json.loads(run("--db", stocked, "requisition", "export", "HC01", "2024-11",
                          "--program", "essential", "--format", "json").out)
    assert data["status"] == "submitted"
    line = {x["product_code"]: x for x in data["lines"]}["AMOX250"]
    assert (line["J"], line["W"]) == (100, "outreach in December")


def test_a_month_not_over_is_refused(run, stocked):  # noqa: F811
    result = run("--db", stocked, "requisition", "create", "HC01", "2099-01", "--program",
                 "essential")
    assert result.code == 1 and "2099-01 is not over yet" in result.err


def test_export_then_import_at_the_district(run, stocked, tmp_path, sqlite_url,  # noqa: F811
                                            monkeypatch):
    assert run("--db", stocked, "requisition", "create", "HC01", "2024-11", "--program",
               "essential").code == 0
    run("--db", stocked, "requisition", "submit", "HC01", "2024-11", "--program", "essential")
    book, pdf = tmp_path / "hc01.xlsx", tmp_path / "hc01.pdf"
    made = run("--db", stocked, "requisition", "export", "HC01", "2024-11", "--program",
               "essential", "--xlsx", str(book), "--pdf", str(pdf))
    assert made.code == 0 and book.stat().st_size > 0 and pdf.read_bytes()[:4] == b"%PDF"
    assert f"wrote {book}" in made.err and f"wrote {pdf}" in made.err
    # the district office holds the same master data and receives the workbook
    monkeypatch.chdir(tmp_path)
    first = run("--db", stocked, "requisition", "import", str(book))
    assert first.code == 1  # it was made in this very database: not replaced by a copy
    assert "was made in this database" in first.err
    assert (tmp_path / "requisition-import-report.csv").read_text().startswith(
        "file,sheet,row,column,severity,message")


def test_count_sheet_lists_every_lot_with_a_blank_box(run, stocked, tmp_path):  # noqa: F811
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("missing tool: pdftotext")
    pdf = tmp_path / "count.pdf"
    result = run("--db", stocked, "count-sheet", "HC01", "--pdf", str(pdf))
    assert result.code == 0, result.err
    assert "lots to count" in result.err
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Physical count sheet" in text and "HC01" in text
    assert "AMOX250" in text and "L1" in text and "2026-01-01" in text
    assert "300" not in text.split("Counted")[1].split("Page")[0]  # blind: no book quantity
    shown = tmp_path / "book.pdf"
    run("--db", stocked, "count-sheet", "HC01", "--pdf", str(shown), "--show-book")
    book = subprocess.run(["pdftotext", "-layout", str(shown), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "300" in book
