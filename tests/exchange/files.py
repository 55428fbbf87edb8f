"""Writing test files the way Excel, LibreOffice and LMIS exports write them."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from pathlib import Path

import openpyxl

# format name -> (suffix, encoding, delimiter, BOM); "xlsx" is a workbook
FORMATS = {
    "utf8": (".csv", "utf-8", ",", False),
    "utf8-bom-semicolon": (".csv", "utf-8", ";", True),
    "cp1252-semicolon": (".csv", "cp1252", ";", False),  # French Excel "CSV (séparateur: ;)"
    "utf16-tab": (".txt", "utf-16", "\t", False),  # Excel "Unicode text"
    "xlsx": (".xlsx", None, None, False),
}


def write_csv(path: Path, rows: Sequence[Sequence[object]], *, encoding: str = "utf-8",
              delimiter: str = ",", bom: bool = False) -> Path:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(
        ["" if v is None else v for v in row] for row in rows)
    data = out.getvalue().encode(encoding)
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def write_as(fmt: str, folder: Path, stem: str, rows: Sequence[Sequence[object]]) -> Path:
    """``rows`` written in one of :data:`FORMATS`."""
    suffix, encoding, delimiter, bom = FORMATS[fmt]
    path = folder / f"{stem}{suffix}"
    if encoding is None:
        return write_xlsx(path, rows)
    assert delimiter is not None
    return write_csv(path, rows, encoding=encoding, delimiter=delimiter, bom=bom)
