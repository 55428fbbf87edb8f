"""The supervisor reports as files, read back the way people and spreadsheets read them:
PDFs through pdftotext and pdftoppm, workbooks through openpyxl and LibreOffice."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from stockdesk.exchange.report_pdf import write_report_pdf
from stockdesk.exchange.report_rows import (
    STATUS_COLOURS,
    ExpiredRow,
    ExpiryReport,
    ExpiryRow,
    FacilityStatusCount,
    ProductStockouts,
    ReportHeader,
    StatusRow,
    StockoutReport,
    StockoutRow,
    StockStatusReport,
    TrendChart,
)
from stockdesk.exchange.report_xlsx import ABOUT, write_report_xlsx
from stockdesk.forecast.status import Status

AS_OF = date(2024, 12, 31)
GENERATED = datetime(2025, 1, 2, 9, 30)
PERIODS = tuple(f"2024-{m:02d}" for m in range(1, 13))
RISKY = "=HYPERLINK(\"http://x\")"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="missing tool: pdftotext/pdftoppm (poppler-utils)")


def header(kind: str, **changes: object) -> ReportHeader:
    values: dict[str, object] = dict(
        kind=kind, scope_kind="district", scope="North", district="North", region="Region A",
        facilities=2, as_of=AS_OF, generated_at=GENERATED, app_version="0.1.0",
        parameters=(("Profile", "each program's calculation profile"),),
        notes=("Usable: stock on hand not expired.",))
    values.update(changes)
    return ReportHeader(**values)  # type: ignore[arg-type]


def chart(facility: str, product: str, status: Status | None) -> TrendChart:
    consumed = tuple(None if m == 3 else 10 * m for m in range(1, 13))
    days = tuple(5 if m == 11 else (None if m == 3 else 0) for m in range(1, 13))
    return TrendChart(facility, product, "Amoxicillin 250 mg tablet", "tablet", status,
                      PERIODS, consumed, days, 65.0)


def status_report(n: int = 6) -> StockStatusReport:
    statuses = list(Status)
    rows = []
    for i in range(n):
        st = statuses[i % len(statuses)]
        rows.append(StatusRow(
            "HC01" if i % 2 == 0 else "HC02", "Health Centre", f"P{i:03d}",
            RISKY if i == 1 else f"Product number {i}", "tablet",
            0 if st is Status.STOCKED_OUT else 100 + i, 331.0 if i != 5 else None,
            None if i == 5 else (100 + i) / 331, None if i == 5 else f"{(100 + i) / 331:.1f}",
            st, date(2025, 3, 13), 203 + i, 40 if i == 3 else 0))
    counts = (FacilityStatusCount("HC01", "Health Centre One", (1, 0, 1, 1, 0, 0)),
              FacilityStatusCount("HC02", "Health Centre Two", (0, 1, 0, 0, 1, 1)))
    return StockStatusReport(header("stock-status"), counts, tuple(rows),
                             (chart("HC01", "P000", Status.STOCKED_OUT),
                              chart("HC02", "P001", Status.BELOW_EOP)), n, 6)


def stockout_report() -> StockoutReport:
    periods = PERIODS[-6:]
    rows = (StockoutRow("HC02", "Health Centre Two", "AMOX250", "Amoxicillin 250 mg tablet",
                        "tablet", 0, True, (None, 0, 0, 0, 11, 31), 65.0),
            StockoutRow("HC01", "Health Centre One", "ORS", "Oral rehydration salts", "sachet",
                        40, False, (0, 0, 3, 0, 0, 0), 60.0))
    products = (ProductStockouts("AMOX250", "Amoxicillin 250 mg tablet", "tablet", 2, 1, 1, 42),
                ProductStockouts("ORS", "Oral rehydration salts", "sachet", 2, 0, 1, 3))
    return StockoutReport(header("stockouts", parameters=(("Months", "2024-07 to 2024-12"),)),
                          periods, products, rows, (chart("HC02", "AMOX250",
                                                          Status.STOCKED_OUT),))


def expiry_report() -> ExpiryReport:
    rows = (ExpiryRow("HC01", "Health Centre One", "ORS", "Oral rehydration salts", "sachet",
                      "OLD", date(2025, 1, 31), 100, 60, 40, 60.0),
            ExpiryRow("HC02", "Health Centre Two", "AMOX250", "Amoxicillin 250 mg tablet",
                      "tablet", "-B1", date(2025, 5, 31), 1200, 700, 500, 140.0))
    expired = (ExpiredRow("HC02", "Health Centre Two", "ORS", "Oral rehydration salts",
                          "sachet", 50),)
    return ExpiryReport(header("expiry", parameters=(("Horizon", "6 months"),)), 6,
                        date(2025, 6, 30), rows, expired)


def pdf_pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def render(path: Path, folder: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(folder / path.stem)],
                   check=True, capture_output=True)
    return sorted(folder.glob(f"{path.stem}*.png"))


def words(line: str) -> list[str]:
    return line.split()


def line_with(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


# -- PDF ---------------------------------------------------------------------------------------


@needs_poppler
def test_stock_status_pdf_states_scope_dates_status_and_figures(tmp_path: Path) -> None:
    path = tmp_path / "status.pdf"
    write_report_pdf(status_report(), path)
    [page] = pdf_pages(path)
    assert "Stock status report" in page
    assert "District North (2 facilities)" in page
    assert "end of 2024-12-31" in page and "2025-01-02 09:30" in page
    assert "Page 1 of 1" in page
    # the summary table: HC01 has one stocked out, one below min, one adequate
    assert words(line_with(page, "HC01 — Health Centre One"))[-7:] == [
        "1", "0", "1", "1", "0", "0", "3"]
    assert words(line_with(page, "P003")) == [
        "HC02", "P003", "Product", "number", "3", "tablet", "103", "331", "0.3", "Adequate",
        "2025-03-13", "206", "40"]
    assert "Stocked out" in line_with(page, "P000") and "now" in line_with(page, "P000")
    assert RISKY in page  # printed as text, not evaluated
    assert "Monthly consumption, last 12 months" in page and "AMC 65" in page
    assert len(render(path, tmp_path)) == 1


@needs_poppler
def test_long_report_repeats_headings_and_numbers_every_page(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    write_report_pdf(status_report(150), path)
    pages = pdf_pages(path)
    assert len(pages) >= 3
    assert "Monthly consumption" in pages[-1]  # the charts come last
    for i, page in enumerate(pages, 1):
        assert f"Page {i} of {len(pages)}" in page
        assert "Stock status report · District North (2 facilities) · as of 2024-12-31" in page
        if "Product number" in page:  # a page of the table: its heading row is repeated
            heading = line_with(page, "Usable  ")
            assert words(heading)[:4] == ["Facility", "Code", "Product", "Unit"]
    assert len(render(path, tmp_path)) == len(pages)


@needs_poppler
def test_stockouts_pdf_worst_first_with_days_per_month(tmp_path: Path) -> None:
    path = tmp_path / "stockouts.pdf"
    write_report_pdf(stockout_report(), path)
    text = "\n".join(pdf_pages(path))
    assert "Stockout report" in text and "Page 1 of 1" in text
    assert "Jul 24" in text and "Dec 24" in text
    # July not known: blank; then 0, 0, 0, 11, 31; 42 days in 2 months
    assert words(line_with(text, "HC02   "))[-9:] == ["Stocked", "out", "0", "0", "0", "11",
                                                    "31", "42", "2"]
    assert text.index("AMOX250") < text.index("ORS")
    product = words(line_with(text, "AMOX250      "))
    assert product[-4:] == ["2", "1", "1", "42"]
    assert render(path, tmp_path)


@needs_poppler
def test_expiry_pdf_lists_lots_quantities_at_risk_and_total(tmp_path: Path) -> None:
    path = tmp_path / "expiry.pdf"
    write_report_pdf(expiry_report(), path)
    text = "\n".join(pdf_pages(path))
    assert "Expiry risk report" in text and "Page 1 of 1" in text
    assert words(line_with(text, "OLD"))[-7:] == ["OLD", "2025-01-31", "31", "100", "60",
                                                   "60", "40"]
    assert words(line_with(text, "-B1"))[-7:] == ["-B1", "2025-05-31", "151", "1,200", "140",
                                                   "700", "500"]
    assert words(line_with(text, "Total (2 lots)"))[-2:] == ["1,300", "540"]
    assert "Expired stock still on hand" in text
    expired = text[text.index("Expired stock still on hand"):]
    assert words(line_with(expired, "HC02"))[-1] == "50"
    assert render(path, tmp_path)


# -- XLSX --------------------------------------------------------------------------------------


def test_stock_status_workbook_sheets_formats_fills_and_neutral_text(tmp_path: Path) -> None:
    path = tmp_path / "status.xlsx"
    write_report_xlsx(status_report(), path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [ABOUT, "Summary", "Stock status"]
    about = {r[0]: r[1] for r in wb[ABOUT].iter_rows(min_row=2, values_only=True)}
    assert about["Report"] == "Stock status report"
    assert about["Scope"] == "District North (2 facilities)"
    assert about["As of"].date() == AS_OF
    summary = wb["Summary"]
    assert [c.value for c in summary[1]][2:] == ["Stocked out", "Below EOP", "Below min",
                                                 "Adequate", "Overstocked", "Unknown", "Total"]
    assert summary["C1"].fill.fgColor.rgb.endswith(STATUS_COLOURS[Status.STOCKED_OUT][0])
    assert [c.value for c in summary[4]] == ["All facilities", None, 1, 1, 1, 1, 1, 1, 6]
    ws = wb["Stock status"]
    heads = [c.value for c in ws[1]]
    assert heads[:6] == ["Facility code", "Facility", "Product code", "Product", "Unit",
                         "Usable"]
    col = {h: i for i, h in enumerate(heads)}
    row = ws[5]  # P003
    assert row[col["Product code"]].value == "P003"
    assert row[col["Usable"]].value == 103 and row[col["Usable"]].number_format == "#,##0"
    assert row[col["AMC"]].value == 331
    assert row[col["MOS"]].value == 0.3
    assert row[col["Status"]].value == "Adequate"
    assert row[col["Status"]].fill.fgColor.rgb.endswith(STATUS_COLOURS[Status.ADEQUATE][0])
    assert row[col["Projected stockout"]].value.date() == date(2025, 3, 13)
    risky = ws[3][col["Product"]]
    assert risky.value == RISKY and risky.data_type == "s" and risky.quotePrefix
    assert ws.freeze_panes == "A2"
    assert ws.print_title_rows == "$1:$1"


def test_stockouts_and_expiry_workbooks(tmp_path: Path) -> None:
    path = tmp_path / "stockouts.xlsx"
    write_report_xlsx(stockout_report(), path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [ABOUT, "Per product", "Stockouts"]
    rows = list(wb["Stockouts"].iter_rows(values_only=True))
    assert rows[0][5:] == ("Usable", "Stocked out now", "2024-07", "2024-08", "2024-09",
                           "2024-10", "2024-11", "2024-12", "Stockout days",
                           "Months with stockout", "AMC")
    assert rows[1][:2] == ("HC02", "Health Centre Two")
    assert rows[1][5:] == (0, "Yes", None, 0, 0, 0, 11, 31, 42, 2, 65)
    path = tmp_path / "expiry.xlsx"
    write_report_xlsx(expiry_report(), path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [ABOUT, "Expiring lots", "Expired on hand"]
    lots = list(wb["Expiring lots"].iter_rows(values_only=True))
    assert lots[2][5] == "-B1" and wb["Expiring lots"]["F3"].quotePrefix
    assert lots[1][6].date() == date(2025, 1, 31)
    assert lots[1][7:] == (31, 100, 60, 60, 40)
    assert lots[-1][0] == "Total" and lots[-1][8] == 1300 and lots[-1][-1] == 540
    assert list(wb["Expired on hand"].iter_rows(values_only=True))[1][-1] == 50


_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def test_libreoffice_reads_the_same_numbers(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("missing tool: LibreOffice")
    path = tmp_path / "expiry.xlsx"
    write_report_xlsx(expiry_report(), path)
    status = tmp_path / "status.xlsx"
    write_report_xlsx(status_report(), status)
    out = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", _ALL_SHEETS, "--outdir", str(out),
                    str(path), str(status)], check=True, capture_output=True, timeout=180)

    def sheet(stem: str, name: str) -> list[list[str]]:
        text = (out / f"{stem}-{name}.csv").read_text(encoding="utf-8")
        return list(csv.reader(io.StringIO(text)))

    lots = sheet("expiry", "Expiring lots")
    assert lots[1][:6] == ["HC01", "Health Centre One", "ORS", "Oral rehydration salts",
                           "sachet", "OLD"]
    assert lots[1][6:] == ["2025-01-31", "31", "100", "60", "60", "40"]
    assert lots[2][5] == "-B1"  # text, not a negative number or a formula
    assert lots[2][8] == "1,200" or lots[2][8] == "1200"
    assert lots[-1][0] == "Total" and lots[-1][-1] == "540"
    rows = sheet("status", "Stock status")
    p003 = next(r for r in rows if r[2] == "P003")
    assert p003[5:12] == ["103", "331", "0.3", "Adequate", "2025-03-13", "206", "40"]
    assert next(r for r in rows if r[2] == "P001")[3] == RISKY
    summary = sheet("status", "Summary")
    assert summary[-1] == ["All facilities", "", "1", "1", "1", "1", "1", "1", "6"]
