"""``stockdesk report`` as a supervisor meets it: a table on the terminal, PDF and Excel files."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import openpyxl
import pytest

from .test_cli import AS_OF, environment, run, stocked  # noqa: F401 - fixtures


def test_stock_status_table_of_a_facility(run, stocked):  # noqa: F811
    result = run("--db", stocked, "report", "stock-status", "HC01", *AS_OF)
    assert result.code == 0, result.err
    assert result.lines[0].startswith("Stock status report: Facility HC01 — Health Centre One, "
                                      "as of 2024-12-31: 2 products:")
    amox = next(line for line in result.lines if line.startswith("AMOX250"))
    # 300 usable, AMC 100 (Nov 120 + Dec 80 over the months reported), 3 months: adequate
    assert amox.split()[-6:-2] == ["300", "100", "3", "Adequate"]
    ors = next(line for line in result.lines if line.startswith("ORS"))
    assert "Stocked out" in ors and "now" in ors


def test_stockouts_csv_and_json_of_a_district(run, stocked):  # noqa: F811
    result = run("--db", stocked, "report", "stockouts", "--district", "North", *AS_OF,
                 "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [(r["facility_code"], r["product_code"], r["stocked_out_now"]) for r in rows] == [
        ("HC01", "ORS", "True")]
    assert rows[0]["2024-12"] == "31"
    data = json.loads(run("--db", stocked, "report", "expiry", "--district", "North",
                          *AS_OF, "--format", "json").out)
    assert data["report"] == "expiry" and data["scope"] == "district"
    assert data["rows"] == []  # L1 expires in 2026: beyond six months


def test_files_are_written_and_read_back(run, stocked, tmp_path):  # noqa: F811
    pdf, xlsx = tmp_path / "status.pdf", tmp_path / "status.xlsx"
    result = run("--db", stocked, "report", "stock-status", "--district", "North", *AS_OF,
                 "--pdf", str(pdf), "--xlsx", str(xlsx))
    assert result.code == 0, result.err
    assert f"wrote {pdf}" in result.err and f"wrote {xlsx}" in result.err
    assert result.out.startswith("Stock status report: District North (3 facilities)")
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["About", "Summary", "Stock status"]
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("missing tool: pdftotext")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "Stock status report" in text and "Page 1 of 1" in text
    horizon = run("--db", stocked, "report", "expiry", "HC01", *AS_OF, "--horizon", "13",
                  "--xlsx", str(tmp_path / "e.xlsx"))
    assert horizon.code == 0 and "1 lots expiring by 2026-01-31" in horizon.out


@pytest.mark.parametrize(("argv", "message"), [
    (("report", "stock-status"), "name one facility"),
    (("report", "stockouts", "HC01", "--district", "North"), "name one facility"),
    (("report", "expiry", "HC01", "--horizon", "0"), "choose 1 to 24"),
    (("report", "expiry", "--district", "South"), "no facility is in a district named"),
])
def test_refusals(run, stocked, argv, message):  # noqa: F811
    result = run("--db", stocked, *argv)
    assert result.code in (1, 2)
    assert message in result.err
