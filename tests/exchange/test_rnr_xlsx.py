"""The R&R workbook: written from a Document, read back by the district import, opened by
LibreOffice, tampered with, and refused when it is not an R&R."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from stockdesk.exchange.rnr_xlsx import (
    DATA_SHEET,
    META_SHEET,
    PRINT_SHEET,
    RnrFile,
    read_rnr_xlsx,
    write_rnr_xlsx,
)
from stockdesk.problems import Problem
from stockdesk.requisition.document import (
    DATA_COLUMNS,
    Document,
    Header,
    Line,
    Signature,
    Status,
    meta_rows,
)

FORMULA_W = "=SUM(A1:A3)"
MINUS_W = "-5 boxes broken in transport"


def make_doc(status: Status = Status.SUBMITTED) -> Document:
    header = Header(
        facility_code="HC-001", facility_name="Centre de Santé Kongo & Fils",
        facility_type="health centre", district="Gbêkê", region="Vallée du Bandama",
        program="ESS", program_name="Essential medicines", period="2024-05",
        period_start=date(2024, 5, 1), period_end=date(2024, 5, 31), months=1, emergency=True,
        profile="openlmis",
        profile_description="P = ceil(mean of the last 3 N); H = P x 3; I = max(0, H - E)",
        max_mos=3.0, min_mos=1.0, eop_mos=0.5, lead_time_months=1.0, status=status,
        generated_at=datetime(2024, 6, 2, 9, 30), app_version="0.1.0",
        signatures=(Signature("submitted", "awa", "Awa Koné", datetime(2024, 6, 2, 10, 0)),))
    lines = (
        Line("AMX500", "Amoxicillin 500 mg capsule", "capsule", 100, A=1200, B=3000, C=2500,
             D=-40, E=1660, X=0, N=2500, P=2400, H=7200, I=5540, J=5540, K=5500, V=55,
             T=Decimal("4.25"), Q=Decimal("233.75")),
        Line("PCM500", "Paracetamol 500 mg tablet", "tablet", 1000, A=15000, B=0, C=9000,
             D=0, E=6000, X=3, N=9964.29, P=9800, H=29400, I=23400, J=20000, W=FORMULA_W,
             K=20000, V=20, T=Decimal("3.10"), Q=Decimal("62.00"), L="+ call the district"),
        Line("ORS", "Oral rehydration salts sachet", "sachet", 50, A=0, B=100, C=100, D=12,
             E=12, X=21, N=300, P=None, H=None, I=None, J=600, W=MINUS_W, K=None, V=None,
             T=None, Q=None),
        Line("@ZINC20", "Zinc 20 mg dispersible tablet", "tablet", 100, A=1_234_567, B=0,
             C=1_000_000, D=-234_567, E=0, X=31, N=1_000_000, P=1_000_000, H=3_000_000,
             I=3_000_000, J=3_000_000, K=3_000_000, V=30_000, T=Decimal("0.35"),
             Q=Decimal("10500.00")),
    )
    return Document(header, lines)


@pytest.fixture(scope="module")
def doc() -> Document:
    return make_doc()


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory, doc: Document) -> Path:
    path = tmp_path_factory.mktemp("rnr") / "HC-001_ESS_2024-05.xlsx"
    write_rnr_xlsx(doc, path)
    return path


def copy_of(workbook: Path, tmp_path: Path, name: str = "copy.xlsx") -> Path:
    target = tmp_path / name
    shutil.copyfile(workbook, target)
    return target


def only(result: RnrFile) -> Problem:
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


# -- round trip --------------------------------------------------------------------------------


def test_read_back_gives_every_value_and_the_checksum(workbook: Path, doc: Document) -> None:
    result = read_rnr_xlsx(workbook)
    assert result.problems == ()
    assert result.ok
    assert result.meta == dict(meta_rows(doc))
    assert result.sha256 == doc.sha256() == result.meta["sha256"]
    assert [r.row for r in result.rows] == [2, 3, 4, 5]
    for got, want in zip(result.rows, doc.data_rows(), strict=True):
        assert [got[c] for c in DATA_COLUMNS] == want
    first, second, third, _ = result.rows
    assert type(first["D"]) is int and first["D"] == -40
    assert type(first["T"]) is Decimal and first["T"] == Decimal("4.25")
    assert second["N"] == 9964.29 and second["W"] == FORMULA_W
    assert third["P"] is None and third["W"] == MINUS_W and third["Q"] is None
    assert result.file_sha256 is not None and len(result.file_sha256) == 64


def test_sheets_and_the_machine_header(workbook: Path, doc: Document) -> None:
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == [PRINT_SHEET, DATA_SHEET, META_SHEET]
    data = wb[DATA_SHEET]
    assert [c.value for c in data[1]] == list(DATA_COLUMNS)
    assert data.max_row == len(doc.lines) + 1
    assert [(r[0].value, r[1].value) for r in wb[META_SHEET].iter_rows(min_row=2)] == \
        meta_rows(doc)


def test_text_that_a_spreadsheet_would_run_is_neutralised_in_every_sheet(workbook: Path) -> None:
    wb = openpyxl.load_workbook(workbook)
    risky = [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@")]
    found = {c.value for c in risky}
    assert {FORMULA_W, MINUS_W, "+ call the district", "@ZINC20"} <= found
    for cell in risky:
        assert cell.data_type == "s", (cell.parent.title, cell.coordinate)
        assert cell.quotePrefix, (cell.parent.title, cell.coordinate)
    # no formula anywhere, and a negative D is still a number
    raw = zipfile.ZipFile(workbook)
    for name in raw.namelist():
        if name.startswith("xl/worksheets/"):
            assert b"<f>" not in raw.read(name)
    d = wb[DATA_SHEET].cell(row=2, column=DATA_COLUMNS.index("D") + 1)
    assert d.value == -40 and d.data_type == "n" and not d.quotePrefix


def test_printable_sheet_layout_and_print_setup(workbook: Path, doc: Document) -> None:
    wb = openpyxl.load_workbook(workbook)
    ws = wb[PRINT_SHEET]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    letters_row = cells["Opening balance"].row - 1
    assert ws.print_title_rows.replace("$", "") == f"{letters_row}:{letters_row + 1}"
    assert ws.freeze_panes == f"C{letters_row + 2}"
    # the form's letters over A..L; code, product and unit carry no letter of their own
    assert [c.value or "" for c in ws[letters_row]] == [
        "", "", "", "A", "B", "C", "D", "E", "X", "N", "P", "H", "I", "J", "W", "K", "V", "T",
        "Q", "L"]
    assert ws.cell(letters_row + 1, 4).value == "Opening balance"
    assert cells["Report and Requisition"].fill.fgColor.rgb.endswith("9DC3E6")  # submitted
    assert "EMERGENCY" in cells
    assert cells["Submitted"].fill.fgColor.rgb.endswith("9DC3E6")
    first_line = letters_row + 2
    assert ws.cell(first_line, 1).value == "AMX500"
    assert ws.cell(first_line, 7).value == -40 and ws.cell(first_line, 7).number_format == "#,##0"
    assert ws.cell(first_line, 18).number_format == "#,##0.00"  # T
    total = cells["Total"]
    assert ws.cell(total.row, 19).value == doc.total_cost() == Decimal("10795.75")
    assert ws.cell(total.row, 19).number_format == "#,##0.00"
    assert "HC-001 - Centre de Santé Kongo & Fils" in cells
    assert "Awa Koné (awa)" in cells and "2024-06-02 10:00" in cells
    for label in ("Prepared and submitted by", "Authorized by", "Approved by"):
        assert label in cells
    assert "&&" in ws.oddHeader.left.text  # an ampersand is not a header code


@pytest.mark.parametrize(("status", "colour"), [
    (Status.DRAFT, "D9D9D9"), (Status.APPROVED, "A9D08E"), (Status.ISSUED, "375623")])
def test_status_colour(tmp_path: Path, status: Status, colour: str) -> None:
    path = tmp_path / "r.xlsx"
    write_rnr_xlsx(make_doc(status), path)
    ws = openpyxl.load_workbook(path)[PRINT_SHEET]
    assert ws["A1"].fill.fgColor.rgb.endswith(colour)


# -- LibreOffice -------------------------------------------------------------------------------

_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


@pytest.fixture(scope="module")
def libreoffice_csv(workbook: Path, tmp_path_factory: pytest.TempPathFactory
                    ) -> dict[str, list[list[str]]]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("missing tool: LibreOffice")
    out = tmp_path_factory.mktemp("lo")
    profile = (out / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", _ALL_SHEETS, "--outdir", str(out), str(workbook)],
                   check=True, capture_output=True, timeout=180)
    sheets = {}
    for sheet in (PRINT_SHEET, DATA_SHEET, META_SHEET):
        path = out / f"{workbook.stem}-{sheet}.csv"
        assert path.exists(), sorted(p.name for p in out.iterdir())
        text = path.read_text(encoding="utf-8")
        sheets[sheet] = list(csv.reader(io.StringIO(text)))
    return sheets


def _same(shown: str, value: object) -> bool:
    if value is None:
        return shown == ""
    if isinstance(value, str):
        return shown == value
    return Decimal(shown) == Decimal(str(value))


def test_libreoffice_reads_the_numbers_of_the_data_sheet(
        libreoffice_csv: dict[str, list[list[str]]], doc: Document) -> None:
    rows = libreoffice_csv[DATA_SHEET]
    assert rows[0] == list(DATA_COLUMNS)
    assert len(rows) == len(doc.lines) + 1
    for shown, want in zip(rows[1:], doc.data_rows(), strict=True):
        assert len(shown) == len(want)
        for column, s, v in zip(DATA_COLUMNS, shown, want, strict=True):
            assert _same(s, v), (column, s, v)
    meta = {k: v for k, v in libreoffice_csv[META_SHEET][1:]}
    assert meta == dict(meta_rows(doc))


def test_libreoffice_keeps_formula_text_as_text(
        libreoffice_csv: dict[str, list[list[str]]]) -> None:
    w = DATA_COLUMNS.index("W")
    data = libreoffice_csv[DATA_SHEET]
    assert data[2][w] == FORMULA_W  # not the sum LibreOffice would compute
    assert data[3][w] == MINUS_W
    assert data[4][DATA_COLUMNS.index("product_code")] == "@ZINC20"
    printed = [cell for row in libreoffice_csv[PRINT_SHEET] for cell in row]
    assert FORMULA_W in printed and "+ call the district" in printed


def test_libreoffice_shows_the_facility_and_the_total(
        libreoffice_csv: dict[str, list[list[str]]]) -> None:
    rows = libreoffice_csv[PRINT_SHEET]
    assert rows[0][0] == "Report and Requisition" and "EMERGENCY" in rows[0]
    printed = [cell for row in rows for cell in row]
    assert "HC-001 - Centre de Santé Kongo & Fils" in printed
    assert "Gbêkê, Vallée du Bandama" in printed
    total = next(row for row in rows if row[0] == "Total")
    assert Decimal(total[18]) == Decimal("10795.75")
    amx = next(row for row in rows if row[0] == "AMX500")
    assert amx[6] == "-40" and amx[3] == "1200"


# -- tampering ---------------------------------------------------------------------------------


def test_a_number_changed_in_the_data_sheet_breaks_the_checksum(workbook: Path,
                                                                tmp_path: Path) -> None:
    path = copy_of(workbook, tmp_path, "tampered.xlsx")
    wb = openpyxl.load_workbook(path)
    wb[DATA_SHEET].cell(row=3, column=DATA_COLUMNS.index("J") + 1).value = 40000
    wb.save(path)
    result = read_rnr_xlsx(path)
    problem = only(result)
    assert problem.code == "rnr.checksum_mismatch" and problem.is_error
    assert problem.where is not None
    assert (problem.where.file, problem.where.sheet) == ("tampered.xlsx", DATA_SHEET)
    assert "tampered.xlsx[data]" in str(problem)
    assert result.rows[1]["J"] == 40000  # the rows are still there for the report


def test_a_resaved_but_unchanged_workbook_keeps_its_checksum(workbook: Path,
                                                             tmp_path: Path) -> None:
    path = copy_of(workbook, tmp_path)
    openpyxl.load_workbook(path).save(path)
    assert read_rnr_xlsx(path).problems == ()


# -- bad files ---------------------------------------------------------------------------------


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "rnr.xlsx"
    path.write_text("facility_code,program\nHC-001,ESS\n", encoding="utf-8")
    problem = only(read_rnr_xlsx(path))
    assert problem.code == "rnr.not_xlsx" and problem.where is not None
    assert problem.where.file == "rnr.xlsx"


def test_empty_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert only(read_rnr_xlsx(tmp_path / "empty.xlsx")).code == "rnr.not_xlsx"
    assert only(read_rnr_xlsx(tmp_path / "absent.xlsx")).code == "import.unreadable"


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a.txt", "hello")
    problem = only(read_rnr_xlsx(path))
    assert problem.code == "import.wrong_type"


def test_a_truncated_workbook(workbook: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(workbook.read_bytes()[:3000])
    problem = only(read_rnr_xlsx(path))
    assert problem.code == "import.unreadable"
    assert problem.where is not None and problem.where.file == "cut.xlsx"


def test_no_data_sheet(workbook: Path, tmp_path: Path) -> None:
    path = copy_of(workbook, tmp_path)
    wb = openpyxl.load_workbook(path)
    del wb[DATA_SHEET]
    wb.save(path)
    problem = only(read_rnr_xlsx(path))
    assert problem.code == "rnr.missing_sheet" and problem.params["sheet"] == DATA_SHEET


def test_an_ordinary_workbook_is_not_an_rnr(tmp_path: Path) -> None:
    path = tmp_path / "stock.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["product", "quantity"])
    wb.save(path)
    assert only(read_rnr_xlsx(path)).code == "rnr.not_rnr"


def _set_meta(path: Path, key: str, value: str) -> int:
    wb = openpyxl.load_workbook(path)
    ws = wb[META_SHEET]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == key:
            row[1].value = value
            wb.save(path)
            return row[0].row
    raise AssertionError(key)


def test_wrong_format_in_meta(workbook: Path, tmp_path: Path) -> None:
    path = copy_of(workbook, tmp_path)
    row = _set_meta(path, "format", "stockdesk-ledger")
    problem = only(read_rnr_xlsx(path))
    assert problem.code == "rnr.not_rnr"
    assert problem.where is not None
    assert (problem.where.sheet, problem.where.row, problem.where.column) == \
        (META_SHEET, row, "value")
    assert "stockdesk-ledger" in str(problem)


def test_unknown_format_version(workbook: Path, tmp_path: Path) -> None:
    path = copy_of(workbook, tmp_path)
    _set_meta(path, "format_version", "9")
    problem = only(read_rnr_xlsx(path))
    assert problem.code == "rnr.format_version" and problem.params["version"] == "9"


def test_meta_and_rows_must_agree(workbook: Path, tmp_path: Path) -> None:
    path = copy_of(workbook, tmp_path)
    _set_meta(path, "period", "2024-06")
    problems = read_rnr_xlsx(path).problems
    assert {p.code for p in problems} == {"rnr.meta_mismatch"}
    assert [(p.where.row, p.where.column) for p in problems if p.where] == \
        [(r, "period") for r in (2, 3, 4, 5)]


def test_missing_and_extra_columns(workbook: Path, tmp_path: Path) -> None:
    path = copy_of(workbook, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    ws.delete_cols(DATA_COLUMNS.index("X") + 1)
    ws.cell(row=1, column=len(DATA_COLUMNS)).value = "Z"
    wb.save(path)
    result = read_rnr_xlsx(path)
    by_code = {p.code: p for p in result.problems}
    assert by_code["import.missing_columns"].params["columns"] == "X"
    assert by_code["rnr.extra_columns"].params["columns"] == "Z"
    missing = by_code["import.missing_columns"].where
    assert missing is not None and (missing.sheet, missing.row) == (DATA_SHEET, 1)
    assert result.sha256 is None  # no checksum over columns that are not the format's
    assert "rnr.checksum_mismatch" not in by_code


def test_bad_values_are_located(workbook: Path, tmp_path: Path) -> None:
    path = copy_of(workbook, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    ws.cell(row=2, column=DATA_COLUMNS.index("A") + 1).value = 12.5
    ws.cell(row=3, column=DATA_COLUMNS.index("T") + 1).value = "cheap"
    ws.cell(row=4, column=DATA_COLUMNS.index("E") + 1).value = None
    ws.cell(row=5, column=DATA_COLUMNS.index("K") + 1).value = -3
    wb.save(path)
    result = read_rnr_xlsx(path)
    located = {(p.code, p.where.row, p.where.column) for p in result.problems if p.where}
    assert located >= {("import.not_integer", 2, "A"), ("import.not_number", 3, "T"),
                       ("import.required", 4, "E"), ("import.negative", 5, "K")}
    assert ("rnr.checksum_mismatch", None, None) in located
    assert not result.ok


def test_a_damaged_data_sheet_is_located(workbook: Path, tmp_path: Path) -> None:
    path = tmp_path / "garbled.xlsx"
    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":  # the data sheet
                body = body[: len(body) // 2]
            dst.writestr(item, body)
    problem = only(read_rnr_xlsx(path))
    assert problem.code == "import.unreadable"
    assert problem.where is not None and problem.where.sheet == DATA_SHEET


def test_too_many_rows(workbook: Path) -> None:
    result = read_rnr_xlsx(workbook, max_rows=2)
    assert "import.too_many_rows" in {p.code for p in result.problems}
