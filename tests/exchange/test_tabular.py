"""Files as facilities send them: Excel in French or English, LMIS exports, damaged downloads."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest

from stockdesk.exchange.columns import (
    FACILITIES,
    HISTORY,
    LEDGER,
    facility_type,
    map_header,
    movement_kind,
    normalise,
)
from stockdesk.exchange.tabular import FileRefused, cell_text, read_table, sniff_delimiter
from stockdesk.problems import Location

from .files import write_csv, write_xlsx

ROWS = [
    ["code", "name", "district"],
    ["HC01", "Centre de santé d'Abobo", "Abobo"],
    ["HC02", 'Dispensaire "Saint-Jean"\nannexe', "Yopougon"],
]


def read_all(path: Path, **kwargs: object) -> tuple[list[str], list[tuple[int, list[str]]]]:
    table = read_table(path, **kwargs)  # type: ignore[arg-type]
    try:
        return table.header, list(table.rows)
    finally:
        table.close()


def refusal(path: Path, **kwargs: object) -> str:
    with pytest.raises(FileRefused) as exc:
        read_all(path, **kwargs)
    return "\n".join(str(p) for p in exc.value.problems)


@pytest.mark.parametrize("encoding, delimiter, bom", [
    ("utf-8", ",", False), ("utf-8", ";", True), ("cp1252", ";", False),
    ("cp1252", ",", False), ("utf-16", "\t", False),
])
def test_every_encoding_and_delimiter_gives_the_same_rows(tmp_path, encoding, delimiter, bom):
    path = write_csv(tmp_path / "f.csv", ROWS, encoding=encoding, delimiter=delimiter, bom=bom)
    header, rows = read_all(path)
    assert header == ROWS[0]
    assert rows == [(2, ROWS[1]), (3, ROWS[2])]  # the embedded newline does not shift rows


def test_xlsx_gives_the_same_rows_as_csv(tmp_path):
    header, rows = read_all(write_xlsx(tmp_path / "f.xlsx", ROWS))
    assert header == ROWS[0]
    assert rows == [(2, ROWS[1]), (3, ROWS[2])]


def test_xlsx_cells_become_the_text_a_csv_would_hold(tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", [
        ["date", "quantity", "price", "flag", "formula"],
        [datetime(2024, 3, 1), 12.0, 2.5, True, "=1+1"],
        [None, None, None, None, None],
        [date(2024, 3, 2), 7, None, False, None],
    ])
    _, rows = read_all(path)
    # formulas are never evaluated; trailing empty cells may be left out
    assert rows == [(2, ["2024-03-01", "12", "2.5", "TRUE", ""]),
                    (4, ["2024-03-02", "7", "", "FALSE"])]


def test_the_sheet_named_like_the_data_is_chosen(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["read me first"])
    ws = wb.create_sheet("Ledger")
    ws.append(["date"])
    ws.append(["2024-01-01"])
    wb.save(tmp_path / "book.xlsx")
    table = read_table(tmp_path / "book.xlsx", sheet_names=("ledger",))
    assert (table.sheet, table.header, list(table.rows)) == ("Ledger", ["date"],
                                                              [(2, ["2024-01-01"])])
    table.close()
    assert str(table.where(2, "date")) == "book.xlsx[Ledger]:2:date"


def test_blank_lines_keep_spreadsheet_row_numbers(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("code,name\n\nA,x\n,\nB,y\n")
    assert read_all(path)[1] == [(3, ["A", "x"]), (5, ["B", "y"])]


def test_openpyxl_parses_through_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


def test_sniffing_ignores_delimiters_inside_quotes():
    assert sniff_delimiter('"a,b,c";"d"') == ";"
    assert sniff_delimiter("one column") == ","


@pytest.mark.parametrize("content, expected", [
    (b"", "no data rows"),
    (b"   \r\n\r\n", "no data rows"),
    (b"%PDF-1.7 binary", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "97-2003"),
    (b"\x00\x01\x02garbage\x00", "not a text file"),
    (b"PK\x03\x04truncated", "damaged or incomplete"),
])
def test_unreadable_files_are_refused_with_a_reason(tmp_path, content, expected):
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    assert expected in refusal(path)


def test_a_truncated_workbook_is_refused(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", ROWS).read_bytes()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good[: len(good) // 2])
    text = refusal(bad)
    assert text.startswith("bad.xlsx: error: the file cannot be read: the workbook is damaged")


def test_a_workbook_with_a_damaged_sheet_is_refused(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", ROWS)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut in the middle of the XML
            dst.writestr(item, data)
    assert "damaged" in refusal(bad)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8")
    assert refusal(path) == ("photos.xlsx: error: this is a ZIP archive; save it as CSV or Excel "
                             "(.xlsx) and import that")
    ods = tmp_path / "sheet.ods"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "OpenDocument" in refusal(ods)


def test_entity_expansion_is_refused(tmp_path):
    """A 'billion laughs' sheet is stopped by defusedxml, not expanded."""
    good = write_xlsx(tmp_path / "good.xlsx", ROWS)
    bomb = tmp_path / "bomb.xlsx"
    payload = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
               b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
               b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
               b'</sheetData></worksheet>')
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = payload
            dst.writestr(item, data)
    assert "EntitiesForbidden" in refusal(bomb)


def test_size_and_row_limits(tmp_path):
    path = write_csv(tmp_path / "f.csv", [["a"], *[[str(i)] for i in range(50)]])
    assert "larger than" in refusal(path, max_bytes=100)
    assert "more than 10 rows" in refusal(path, max_rows=10)


def test_broken_quoting_is_reported_with_its_row(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"a,b\n1,2\n3," + b"x" * 200_000 + b"\n")
    assert refusal(path).startswith("f.csv:3: error: the file cannot be read: broken CSV")
    path.write_bytes(b"a,b\n" + b"1,2\n" * 3000 + b"3,\x00\n")  # a NUL far from the start
    assert "not a text file" in refusal(path)


def test_cell_text_of_large_and_fractional_numbers():
    assert cell_text(1e20) == "1e+20"
    assert cell_text(-3.0) == "-3"
    assert cell_text(datetime(2024, 1, 1, 8, 30)) == "2024-01-01 08:30:00"


# -- headers -----------------------------------------------------------------------------------


def where(column: str | None) -> Location:
    return Location("f.csv", None, 1, column)


def test_headers_match_whatever_their_case_accents_and_spacing():
    assert normalise("  Date de Péremption ") == "date_de_peremption"
    columns, problems = map_header(LEDGER, [
        "Date", "Site Code", "PRODUCT-CODE", "Type", "Qté", "Quantité", "N° de lot",
        "Date de péremption", "Motif", "Voucher", "Received from / Issued to", "Remarks",
    ], where)
    assert problems == []
    assert columns.index == {
        "date": 0, "facility_code": 1, "product_code": 2, "kind": 3, "quantity": 5,
        "expiry": 7, "reason": 8, "reference": 9, "counterparty": 10, "note": 11,
    }
    assert columns.header["facility_code"] == "Site Code"


def test_missing_and_doubled_columns_are_problems_on_the_header_row():
    _, problems = map_header(FACILITIES, ["name", "site_code", "facility_code", "name"], where)
    assert [str(p) for p in problems] == [
        "f.csv:1:facility_code: error: columns 'site_code' and 'facility_code' both give code;"
        " keep one",
        "f.csv:1:name: error: column 'name' appears twice",
    ]
    _, problems = map_header(LEDGER, ["date", "product"], where)
    assert str(problems[0]) == (
        "f.csv:1: error: missing column(s): facility_code, kind, quantity")


def test_year_and_month_stand_in_for_period():
    columns, problems = map_header(HISTORY, [
        "year", "month", "site_code", "product_code", "stock_initial", "stock_received",
        "stock_distributed", "stock_adjustment", "stock_end", "stock_stockout_days",
        "average_monthly_consumption",
    ], where)
    assert problems == [] and "period" not in columns.index
    _, problems = map_header(HISTORY, ["year", "site_code", "product_code", "a", "b", "c", "e"],
                             where)
    assert "period (or year + month)" in str(problems[0])


@pytest.mark.parametrize("label, kind", [
    ("Health Center", "health_centre"), ("Hospital", "hospital"),
    ("University Hospital/National Institute", "hospital"), ("Hôpital", "hospital"),
    ("district store", "district_store"), ("Centre de santé", "health_centre"),
    ("Mars base", None),
])
def test_facility_type_aliases(label, kind):
    assert facility_type(label) == kind


def test_movement_kind_aliases():
    assert movement_kind("transfer in") == "TRANSFER_IN"
    assert movement_kind("Transfer-Out") == "TRANSFER_OUT"
    assert movement_kind("receipt") == "RECEIPT"
    assert movement_kind("REVERSAL") is None
