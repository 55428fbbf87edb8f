"""The printed R&R and count sheet, read back the way a person reads them (pdftotext, pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from stockdesk.exchange.rnr_pdf import (
    CountRow,
    CountSheet,
    fmt_number,
    write_count_sheet_pdf,
    write_rnr_pdf,
)
from stockdesk.requisition.document import LETTERS, Document, Header, Line, Signature, Status

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="missing tool: pdftotext")

PROFILE_TEXT = ("OpenLMIS v3: N = C x days / (days - X); P = mean of the last 3 N; "
                "H = P x 3; I = max(0, H - E)")
NAMES = ["Amoxicillin 250 mg dispersible tablet", "Paracetamol 500 mg tablet",
         "Artemether + lumefantrine 20/120 mg tablet (6x1 blister)",
         "Oral rehydration salts, low osmolarity, sachet for 1 L"]


def header(**changes: object) -> Header:
    h = Header(
        facility_code="HC0042", facility_name="Centre de santé d'Abobo",
        facility_type="Health centre",
        district="Abobo", region="Abidjan", program="EML", program_name="Essential medicines",
        period="2024-06", period_start=date(2024, 6, 1), period_end=date(2024, 6, 30), months=1,
        emergency=False, profile="openlmis", profile_description=PROFILE_TEXT,
        max_mos=3.0, min_mos=1.0, eop_mos=0.5, lead_time_months=1.5, status=Status.APPROVED,
        generated_at=datetime(2024, 7, 8, 11, 30), app_version="9.8.7",
        supplier="District pharmacy Abobo",
        signatures=(Signature("submitted", "amina", "Amina Diallo", datetime(2024, 7, 3, 9, 12)),
                    Signature("authorized", "koffi", "Koffi Mensah", datetime(2024, 7, 4, 15, 40))))
    return replace(h, **changes)  # type: ignore[arg-type]


def line(i: int) -> Line:
    a, b, c, d = 1000 + 37 * i, 500 + i, 700 + 3 * i, -(i % 7)
    e = a + b + d - c
    return Line(f"P{i:04d}", NAMES[i % len(NAMES)], "tablet", 100, a, b, c, d, e, i % 4,
                c, c + 0.5 if i % 2 else float(c), 3 * c, 3 * c - e if 3 * c > e else 0,
                J=3 * c - e + 10, W="Vaccination campaign" if i % 3 == 0 else None,
                K=3 * c - e + 10, V=(3 * c - e + 10 + 99) // 100, T=Decimal("12.50"),
                Q=Decimal("12.50") * ((3 * c - e + 10 + 99) // 100))


def document(n: int, **changes: object) -> Document:
    return Document(header(**changes), tuple(line(i) for i in range(n)))


def pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return [p for p in out.split("\f") if p.strip()]


def flat(text: str) -> str:
    """The words of a page in order, one space between (wrapped cells join up)."""
    return " ".join(text.split())


def row_of(text: str, code: str) -> list[str]:
    found = [ln for ln in text.splitlines() if ln.strip().startswith(code + " ")]
    assert len(found) == 1, f"{code}: {found}"
    return found[0].split()


# ------------------------------------------------------------------ the R&R


@needs_poppler
def test_header_block_states_everything_the_district_needs(tmp_path: Path) -> None:
    path = tmp_path / "rnr.pdf"
    write_rnr_pdf(document(3), path)
    text = flat(pages(path)[0])
    for fact in ("Report and Requisition", "HC0042 — Centre de santé d'Abobo", "Health centre",
                 "District Abobo", "Region Abidjan", "Essential medicines (EML)",
                 "2024-06: 2024-06-01 to 2024-06-30 (1 month)", "maximum 3", "minimum 1",
                 "emergency order point 0.5", "lead time 1.5 (months of stock)",
                 f"openlmis: {PROFILE_TEXT}", "Status: Approved", "Supplied by",
                 "District pharmacy Abobo", "2024-07-08 11:30 by StockDesk 9.8.7"):
        assert fact in text, fact
    assert "EMERGENCY" not in text
    assert "Rejected" not in text


@needs_poppler
def test_letters_words_and_a_products_figures(tmp_path: Path) -> None:
    doc = document(3)
    path = tmp_path / "rnr.pdf"
    write_rnr_pdf(doc, path)
    page = pages(path)[0]
    letters = [ln.split() for ln in page.splitlines()]
    assert list("ABCDEXNPHIJWKVTQL") in letters  # the letters row, in the form's order
    text = flat(page)
    for words in LETTERS.values():
        for word in words.split():
            assert word in text, word
    for word in ("Product", "code", "Unit"):  # "Product code" wraps in its narrow column
        assert word in text, word

    ln = doc.lines[1]  # A 1,037  B 501  C 703  D -1  E 834  X 1  N 703  P 703.50 ...
    assert row_of(page, "P0001") == [
        "P0001", "Paracetamol", "500", "mg", "tablet", "tablet", "1,037", "501", "703", "-1",
        "834", "1", "703", "703.50", "2,109", f"{ln.I:,}", f"{ln.J:,}", f"{ln.K:,}", str(ln.V),
        "12.50", f"{ln.Q:,.2f}"]
    # P whole: an integer; W on the lines that have one
    first = row_of(page, "P0000")
    assert first[first.index("2,100") - 1] == "700"
    assert "Vaccination" in first


@needs_poppler
def test_blank_cells_for_unknown_values_and_money_with_two_decimals(tmp_path: Path) -> None:
    bare = Line("X0001", "Zinc 20 mg tablet", "tablet", 10, 1234567, 0, 0, 0, 1234567, 0, 0,
                None, None, None)
    path = tmp_path / "rnr.pdf"
    write_rnr_pdf(Document(header(), (bare,)), path)
    assert row_of(pages(path)[0], "X0001") == [
        "X0001", "Zinc", "20", "mg", "tablet", "tablet", "1,234,567", "0", "0", "0",
        "1,234,567", "0", "0"]  # P, H, I, J, W, K, V, T, Q, L blank
    assert fmt_number(None) == "" and fmt_number(float("nan")) == ""
    assert fmt_number(12.0) == "12" and fmt_number(12.345) == "12.35"
    assert fmt_number(Decimal("1234.5"), money=True) == "1,234.50"
    assert fmt_number(-1200) == "-1,200"


@needs_poppler
def test_totals_summary_and_signatures(tmp_path: Path) -> None:
    doc = document(3)
    path = tmp_path / "rnr.pdf"
    write_rnr_pdf(doc, path)
    text = flat(pages(path)[-1])
    total = f"{doc.total_cost():,.2f}"
    assert f"Total (3 lines) {total}" in text
    assert ("3 product lines; 2 with stockout days (X > 0); 3 with a requested quantity (J), "
            "3 of them different from the calculated order quantity (I); 3 approved (K). "
            f"Total cost (Q): {total}.") in text
    for label in ("Prepared and submitted by", "Authorized by", "Approved by", "Issued by"):
        assert label in text
    assert "Name: Amina Diallo (amina)" in text and "Date: 2024-07-03 09:12" in text
    assert "Name: Koffi Mensah (koffi)" in text and "Date: 2024-07-04 15:40" in text
    # approved and issued not signed yet: lines to sign by hand
    assert len(re.findall(r"Name: _{10,}", text)) == 2
    assert len(re.findall(r"Date: _{10,}", text)) == 2
    assert len(re.findall(r"Signature: _{10,}", text)) == 4


@needs_poppler
def test_emergency_and_rejection_are_printed(tmp_path: Path) -> None:
    path = tmp_path / "rnr.pdf"
    write_rnr_pdf(document(2, emergency=True, status=Status.DRAFT, signatures=(),
                           rejection="ORS above the district allocation; revise J."), path)
    text = flat(pages(path)[0])
    assert text.startswith("EMERGENCY") or "EMERGENCY Status: Draft" in text
    assert "Status Draft — EMERGENCY" in text
    assert "Rejected and returned to draft. Reason: ORS above the district allocation; revise J." \
        in text
    assert "Status: Draft · EMERGENCY Page 1 of 1" in text


@needs_poppler
def test_long_rnr_repeats_heading_and_numbers_every_page(tmp_path: Path) -> None:
    doc = document(250)
    path = tmp_path / "rnr.pdf"
    write_rnr_pdf(doc, path)
    texts = pages(path)
    n = len(texts)
    assert n >= 5
    codes: list[str] = []
    for number, page in enumerate(texts, start=1):
        text = flat(page)
        assert f"Page {number} of {n}" in text
        assert ("HC0042 Centre de santé d'Abobo · Essential medicines (EML) · period 2024-06 "
                "(2024-06-01 to 2024-06-30) · Status: Approved") in text
        codes += re.findall(r"^\s*(P\d{4}) ", page, flags=re.M)
        if re.search(r"^\s*P\d{4} ", page, flags=re.M):  # a page of lines has the heading
            assert list("ABCDEXNPHIJWKVTQL") in [ln.split() for ln in page.splitlines()]
            for word in ("Opening", "Requested", "Explanation", "Remarks"):
                assert word in text, (number, word)
    assert codes == [ln.product_code for ln in doc.lines]  # each line once, in order
    assert "Total (250 lines)" in flat(texts[-1])

    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(tmp_path / "page")],
                   check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == n
    assert all(p.stat().st_size > 1000 for p in pngs)


@needs_poppler
def test_long_explanations_are_never_lost(tmp_path: Path) -> None:
    story = " ".join(f"word{i}" for i in range(120))
    doc = Document(header(), (replace(line(0), W=story), line(1)))
    path = tmp_path / "rnr.pdf"
    write_rnr_pdf(doc, path)
    text = flat(" ".join(pages(path)))
    assert "Full text of long explanations and remarks" in text
    assert f"P0000, W (Explanation): {story}" in text


# ------------------------------------------------------------------ the count sheet


def sheet() -> CountSheet:
    rows = [CountRow("P0001", "Paracetamol 500 mg tablet", "tablet", "LOT-A1", date(2026, 3, 31),
                     98765),
            CountRow("P0001", "Paracetamol 500 mg tablet", "tablet", "LOT-B2", date(2024, 5, 31),
                     43210),
            CountRow("P0002", "Oral rehydration salts sachet", "sachet", None, None, 55555)]
    rows += [CountRow(f"Q{i:04d}", f"Product {i}", "vial", f"L{i}", date(2027, 1, 1), 11111 + i)
             for i in range(60)]
    return CountSheet("HC0042", "Centre de santé d'Abobo", "EML", date(2024, 6, 30), rows)


@needs_poppler
def test_count_sheet_lists_lots_and_counts_blind(tmp_path: Path) -> None:
    path = tmp_path / "count.pdf"
    write_count_sheet_pdf(sheet(), path)
    texts = pages(path)
    n = len(texts)
    assert n >= 2
    first = texts[0]
    text = flat(first)
    for fact in ("Physical count sheet", "HC0042 — Centre de santé d'Abobo",
                 "Count date 2024-06-30", "Program EML", "count blind"):
        assert fact in text, fact
    heading = next(ln.split() for ln in first.splitlines() if "Counted" in ln)
    assert heading == ["No.", "Code", "Product", "Unit", "Lot", "Expiry", "Counted", "Remarks"]
    assert row_of(first, "1")[1:] == ["P0001", "Paracetamol", "500", "mg", "tablet", "tablet",
                                      "LOT-A1", "2026-03-31"]
    # the lot past its date is said so, to be counted and kept apart
    assert row_of(first, "2")[-3:] == ["LOT-B2", "2024-05-31", "Expired"]
    assert row_of(first, "3")[-4:] == ["sachet", "sachet", "(no", "lot)"]
    assert row_of(first, "4")[-2:] == ["L0", "2027-01-01"]
    everything = flat(" ".join(texts))
    for hidden in ("98,765", "43,210", "55,555", "11,111"):
        assert hidden not in everything
    for number, page in enumerate(texts, start=1):
        assert f"Page {number} of {n}" in flat(page)
        assert "HC0042 Centre de santé d'Abobo · EML · physical count of 2024-06-30" in flat(page)
        if re.search(r"^\s*\d+ +[PQ]\d{4} ", page, flags=re.M):
            assert "Counted" in page and "Remarks" in page
    assert "Q0059" in everything and "63 lot lines listed" in everything
    assert "Counted by" in everything and "Checked by" in everything
    assert len(re.findall(r"Signature: _{10,} Date: _{8,}", everything)) == 2

    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(tmp_path / "sheet")],
                   check=True)
    assert len(list(tmp_path.glob("sheet-*.png"))) == n


@needs_poppler
def test_count_sheet_shows_book_quantities_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "count.pdf"
    write_count_sheet_pdf(sheet(), path, show_book=True)
    first = pages(path)[0]
    heading = next(ln.split() for ln in first.splitlines() if "Counted" in ln)
    assert heading == ["No.", "Code", "Product", "Unit", "Lot", "Expiry", "Book", "Counted",
                       "Remarks"]
    assert row_of(first, "1")[-1] == "98,765"
    assert row_of(first, "2")[-2:] == ["43,210", "Expired"]
    assert "count blind" not in flat(first)
