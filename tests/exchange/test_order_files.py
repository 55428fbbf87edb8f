"""The district order files read back by real readers: csv, openpyxl, LibreOffice headless,
pdftotext and pdftoppm."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from stockdesk.exchange.order_files import (
    FACILITY_HEADER,
    FACILITY_SHEET,
    META_SHEET,
    MISSING_HEADER,
    MISSING_SHEET,
    ORDER_HEADER,
    ORDER_SHEET,
    meta_rows,
    write_consolidation_pdf,
    write_consolidation_xlsx,
    write_orders_csv,
)
from stockdesk.requisition.consolidation import (
    ApprovedLine,
    Consolidation,
    DistrictFacility,
    RequisitionState,
    consolidate,
)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="missing tool: pdftotext/pdftoppm (poppler-utils)")

RISKY_NAME = "=HYPERLINK(\"http://x\",\"click\")"
PRODUCTS = [
    ("AMOX250", "Amoxicillin 250 mg dispersible tablet", "tablet", 100, 50, False,
     Decimal("2.50")),
    ("PARA500", "Paracetamol 500 mg tablet", "tablet", 1000, 100, False, Decimal("4.10")),
    ("ALU20", "Artemether + lumefantrine 20/120 mg tablet (6x1 blister)", "blister", 30, 10,
     False, Decimal("11.75")),
    ("ORS", "Oral rehydration salts, low osmolarity, sachet for 1 L", "sachet", 50, 25, True,
     None),
    ("ZINC20", "Zinc sulfate 20 mg dispersible tablet", "tablet", 100, 20, False,
     Decimal("1.95")),
    ("COTRI", "Cotrimoxazole 480 mg tablet", "tablet", 1000, 200, False, Decimal("9.40")),
]
FACILITY_NAMES = ["Centre de santé d'Abobo Baoulé", "Health Centre Two", "Dispensaire Anonkoua",
                  "Hôpital général de Bouaké Nord", "Centre de santé urbain Koko",
                  "Health Post Sakassou", "Maternité Belleville", "Centre de santé Dar-es-Salam"]


def sample(n_facilities: int = 6, *, risky: bool = False) -> Consolidation:
    """A district with ``n_facilities``: the last two not reported and awaiting approval."""
    facilities = [DistrictFacility(f"HC{i + 1:02d}", FACILITY_NAMES[i % len(FACILITY_NAMES)])
                  for i in range(n_facilities)]
    states: list[RequisitionState] = []
    lines: list[ApprovedLine] = []
    for i, f in enumerate(facilities[:-2]):
        states.append(RequisitionState(f.code, "EML", 0, False, "approved"))
        for j, (code, name, unit, pack, threshold, rtz, price) in enumerate(PRODUCTS):
            if risky and i == 0 and code == "ALU20":
                name = RISKY_NAME
            k = (37 * (i + 1) * (j + 3)) % 900 + (0 if (i + j) % 5 else 1000)
            lines.append(ApprovedLine(f.code, f.name, "EML", 0, False, code, name, unit, pack,
                                      threshold, rtz, price, k))
    states.append(RequisitionState(facilities[0].code, "EML", 1, True, "approved"))
    lines.append(ApprovedLine(facilities[0].code, facilities[0].name, "EML", 1, True,
                              "ORS", PRODUCTS[3][1], "sachet", 50, 25, True, None, 20))
    states.append(RequisitionState(facilities[-1].code, "EML", 0, False, "submitted"))
    return consolidate(
        district="Bouaké Nord" if not risky else "-North", period="2024-06",
        period_start=date(2024, 6, 1), period_end=date(2024, 6, 30), program="EML",
        program_name="Essential medicines", programs=["EML"], facilities=facilities,
        requisitions=states, lines=lines, order_date=date(2024, 7, 10),
        generated_at=datetime(2024, 7, 10, 9, 45), app_version="9.8.7",
        warehouse="DS01 Pharmacie de district de Bouaké Nord")


@pytest.fixture(scope="module")
def order() -> Consolidation:
    return sample(6, risky=True)


# ------------------------------------------------------------------ CSV


def test_orders_csv_exact_header_and_rows(order: Consolidation, tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    write_orders_csv(order, path)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == ("order_number,facility_code,product_code,product_name,"
                        "approved_quantity,period,order_date")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1 + len(order.orders) and text.endswith("\n")
    # a product name starting with "=" is quoted, never run
    assert rows[1] == ["ORD-NORTH-2024-06-HC01-EML", "HC01", "ALU20", "'" + RISKY_NAME,
                       str(order.orders[0].approved_quantity), "2024-06", "2024-07-10"]
    assert rows[2] == ["ORD-NORTH-2024-06-HC01-EML", "HC01", "AMOX250",
                       "Amoxicillin 250 mg dispersible tablet",
                       str(order.orders[1].approved_quantity), "2024-06", "2024-07-10"]
    emergency = [r for r in rows if r[0].endswith("-E1")]
    assert emergency == [["ORD-NORTH-2024-06-HC01-EML-E1", "HC01", "ORS", PRODUCTS[3][1], "20",
                          "2024-06", "2024-07-10"]]
    assert sum(int(r[4]) for r in rows[1:]) == sum(p.approved for p in order.products)


# ------------------------------------------------------------------ XLSX


@pytest.fixture(scope="module")
def workbook(order: Consolidation, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "order.xlsx"
    write_consolidation_xlsx(order, path)
    return path


def test_workbook_sheets_and_values(workbook: Path, order: Consolidation) -> None:
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == [ORDER_SHEET, FACILITY_SHEET, MISSING_SHEET, META_SHEET]
    rows = list(wb[ORDER_SHEET].iter_rows(values_only=True))
    assert rows[0] == ORDER_HEADER
    assert len(rows) == len(order.products) + 2
    for got, p in zip(rows[1:], order.products, strict=False):
        assert got[1:3] == (p.product_code, p.product_name)
        assert got[5:8] == (p.facilities, p.approved, p.packs)
        assert (got[9] is None) == (p.cost is None)
        if p.cost is not None:
            assert Decimal(str(got[9])) == p.cost
    total = rows[-1]
    assert total[0] == "Total" and total[7] == order.total_packs
    assert Decimal(str(total[9])) == order.total_cost

    by = list(wb[FACILITY_SHEET].iter_rows(values_only=True))
    assert by[0] == FACILITY_HEADER and len(by) == len(order.lines) + 1
    assert [(r[1], r[5], r[9], r[10]) for r in by[1:]] == [
        (o.facility_code, o.product_code, o.approved, o.packs) for o in order.lines]
    missing = list(wb[MISSING_SHEET].iter_rows(values_only=True))
    assert missing[0] == MISSING_HEADER
    assert missing[1:] == [("HC05", "Centre de santé urbain Koko", "EML", "not reported",
                            "no requisition"),
                           ("HC06", "Health Post Sakassou", "EML", "not yet approved",
                            "submitted")]
    meta = dict(list(wb[META_SHEET].iter_rows(values_only=True))[1:])
    assert meta == dict(meta_rows(order))
    assert meta["format"] == "stockdesk-district-order" and meta["district"] == "-North"


def test_formula_text_stays_text(workbook: Path) -> None:
    wb = openpyxl.load_workbook(workbook)
    cell = wb[FACILITY_SHEET]["G2"]
    assert cell.value == RISKY_NAME and cell.data_type == "s" and cell.quotePrefix
    assert wb[META_SHEET]["B4"].value == "-North" and wb[META_SHEET]["B4"].quotePrefix


def test_print_setup(workbook: Path) -> None:
    ws = openpyxl.load_workbook(workbook)[ORDER_SHEET]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert ws.oddFooter.right.text == "Page &P of &N"  # openpyxl reads the codes back so
    assert "Bouaké" not in ws.oddHeader.left.text and "-North" in ws.oddHeader.left.text


_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


@pytest.fixture(scope="module")
def libreoffice(workbook: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> dict[str, list[list[str]]]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("missing tool: LibreOffice (soffice)")
    out = tmp_path_factory.mktemp("lo")
    profile = (out / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", _ALL_SHEETS, "--outdir", str(out), str(workbook)],
                   check=True, capture_output=True, timeout=180)
    sheets = {}
    for sheet in (ORDER_SHEET, FACILITY_SHEET, MISSING_SHEET, META_SHEET):
        path = out / f"{workbook.stem}-{sheet}.csv"
        assert path.exists(), sorted(p.name for p in out.iterdir())
        sheets[sheet] = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    return sheets


def test_libreoffice_reads_the_numbers(libreoffice: dict[str, list[list[str]]],
                                       order: Consolidation) -> None:
    rows = libreoffice[ORDER_SHEET]
    assert rows[0] == list(ORDER_HEADER)
    for shown, p in zip(rows[1:], order.products, strict=False):
        assert shown[1] == p.product_code
        assert [int(shown[5]), int(shown[6]), int(shown[7])] == [p.facilities, p.approved,
                                                                 p.packs]
        assert (Decimal(shown[9]) if shown[9] else None) == p.cost
    assert rows[-1][0] == "Total" and int(rows[-1][7]) == order.total_packs
    assert Decimal(rows[-1][9]) == order.total_cost
    by = libreoffice[FACILITY_SHEET]
    assert [(r[1], r[5], int(r[9]), int(r[10])) for r in by[1:]] == [
        (o.facility_code, o.product_code, o.approved, o.packs) for o in order.lines]
    assert by[1][6] == RISKY_NAME  # shown as text, not run
    meta = dict(libreoffice[META_SHEET][1:])
    assert meta["district"] == "-North" and meta["total_cost"] == f"{order.total_cost:.2f}"


# ------------------------------------------------------------------ PDF


def pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return [p for p in out.split("\f") if p.strip()]


def flat(text: str) -> str:
    return " ".join(text.split())


@needs_poppler
def test_pdf_reads_like_the_district_order(tmp_path: Path) -> None:
    order = sample(6)
    path = tmp_path / "order.pdf"
    write_consolidation_pdf(order, path)
    text = pages(path)
    first = flat(text[0])
    for fact in ("District order", "Bouaké Nord", "2024-06: 2024-06-01 to 2024-06-30",
                 "Essential medicines (EML)", "Order date 2024-07-10",
                 "DS01 Pharmacie de district de Bouaké Nord", "2024-07-10 09:45 by StockDesk 9.8.7",
                 "6 expected to report; 5 reported; 4 with approved quantities",
                 "Not in this order: 1 not reported, 1 not yet approved",
                 "HC05 — Centre de santé urbain Koko", "Not reported (no requisition)",
                 "HC06 — Health Post Sakassou", "Not yet approved: requisition submitted",
                 "Order by product", "Approved quantity", "(units)", "Packs to ship",
                 "Total (6 products)"):
        assert fact in first, fact
    amox = order.products[0]
    amox = next(p for p in order.products if p.product_code == "AMOX250")
    row = next(ln.split() for ln in text[0].splitlines() if " AMOX250 " in f" {ln} ")
    assert row[0] == "2" and row[1] == "AMOX250"
    assert row[-6:] == ["100", str(amox.facilities), f"{amox.approved:,}", f"{amox.packs:,}",
                        "2.50", f"{amox.cost:,.2f}"]
    ors = next(ln for ln in text[0].splitlines() if " ORS " in f" {ln} ")
    assert ors.rstrip().endswith("no price")
    total = next(ln.split() for ln in text[0].splitlines() if "Total (6 products)" in ln)
    assert total[-2:] == [f"{order.total_packs:,}", f"{order.total_cost:,.2f}"]
    everything = flat(" ".join(text))
    assert f"{order.total_cost:,.2f}" in everything
    for sig in ("Prepared and approved by the district logistician",
                "Received for picking by the warehouse", "Issued by the warehouse"):
        assert sig in everything, sig
    assert "Order lines by facility" in everything
    assert ("HC01 — Centre de santé d'Abobo Baoulé Emergency order "
            "ORD-BOUAKE-NORD-2024-06-HC01-EML-E1") in everything
    assert "HC02 — Health Centre Two Order ORD-BOUAKE-NORD-2024-06-HC02-EML" in everything
    n = len(text)
    for i, page in enumerate(text, 1):
        assert f"Page {i} of {n}" in page
        assert "District order · Bouaké Nord · period 2024-06" in page


@needs_poppler
def test_pdf_renders_and_repeats_headings_on_long_orders(tmp_path: Path) -> None:
    order = sample(40)
    path = tmp_path / "order.pdf"
    write_consolidation_pdf(order, path)
    text = pages(path)
    assert len(text) >= 3
    # the order lines: heading, facility and order number on every page they run over
    for page in text[1:]:
        assert "Approved quantity (K)" in flat(page)
        assert re.search(r"HC\d\d — .* Order ORD-BOUAKE-NORD-2024-06-HC\d\d-EML", flat(page))
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "2", str(path),
                    str(tmp_path / "page")], check=True, capture_output=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == 2 and all(p.stat().st_size > 5_000 for p in pngs)
    assert re.search(r"Page 1 of \d+", text[0])


@needs_poppler
def test_pdf_when_everyone_reported_and_nothing_is_approved(tmp_path: Path) -> None:
    empty = consolidate(
        district="North", period="2024-06", period_start=date(2024, 6, 1),
        period_end=date(2024, 6, 30), program=None, program_name=None, programs=[],
        facilities=[DistrictFacility("HC01", "One")], requisitions=[
            RequisitionState("HC01", "EML", 0, False, "approved")], lines=[],
        order_date=date(2024, 7, 1), generated_at=datetime(2024, 7, 1, 8, 0),
        app_version="1", warehouse=None)
    path = tmp_path / "empty.pdf"
    write_consolidation_pdf(empty, path)
    text = flat(" ".join(pages(path)))
    assert "All 1 facilities have reported" in text
    assert "No approved quantities for this period." in text
    assert "All programs" in text and "not recorded" in text
