"""Broken files, as they arrive from facilities' PCs or from someone who means harm.

Each builder returns bytes.  Valid files of every import kind are damaged in the ways real
files are damaged (ragged rows, NULs, BOMs, odd encodings, mixed newlines, truncation, flipped
bytes, missing parts) and in the ways an attacker would (XML entity bombs, external entities,
zip bombs, formulas, look-alike codes, huge cells).  Used by the fuzz tests and by
``benchmarks/_fuzz.py``.
"""

from __future__ import annotations

import codecs
import io
import random
import zipfile
from collections.abc import Callable

import openpyxl

SHEET = "xl/worksheets/sheet1.xml"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# A valid file of each kind for the database of tests/conftest.py's facility_db.
VALID: dict[str, list[list[str]]] = {
    "facilities": [["code", "name", "type", "district", "supplier_code"],
                   ["HC05", "Health Centre Five", "health_centre", "North", "DS01"],
                   ["HC06", "Hôpital Six", "hospital", "North", ""]],
    "catalogue": [["code", "name", "strength", "pack_size", "program", "price_per_pack"],
                  ["PCM500", "Paracetamol", "500 mg", "1000", "essential", "3.10"],
                  ["ORS", "Oral rehydration salts", "20.5 g", "50", "essential", ""]],
    "levels": [["program", "facility_type", "max_mos", "min_mos", "eop_mos"],
               ["essential", "health_centre", "3", "1", "0.5"],
               ["malaria", "hospital", "4", "2", "1"]],
    "ledger": [["date", "facility_code", "product_code", "kind", "quantity", "lot", "expiry",
                "reason", "reference"],
               ["2024-03-01", "HC01", "AMOX250", "RECEIPT", "500", "L1", "2026-01-31", "", "R1"],
               ["2024-03-02", "HC01", "AMOX250", "ISSUE", "120", "", "", "", "I1"],
               ["2024-03-03", "HC01", "AMOX250", "LOSS", "5", "L1", "", "damaged", ""]],
    "history": [["facility_code", "product_code", "period", "opening_balance", "received",
                 "consumed", "losses_adjustments", "closing_balance", "stockout_days"],
                ["HC02", "ORS", "2023-01", "10", "50", "30", "0", "30", "0"],
                ["HC02", "ORS", "2023-02", "30", "0", "25", "-1", "4", "3"]],
}

# Cells that must never slip through as something else.
HOSTILE_CELLS = [
    "=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+SUM(A1:A9)", "-2+3", "@SUM(A1)",
    "=cmd|' /C calc'!A0", "\t=1", "\r=1", "HC\u200b01", "\ufeffHC01", "НС01", "HC\u00a001",
    "AMOX\u2060250", "AMOX250\u0000", "x" * 100_001, "１２", "1e309", "NaN", "-0", "45000",
    "2024-02-30", "30/02/2024", "1900-01-00", "Ω", "\u202eLOR", "'", '"', "\\", "\n", ";", ",",
]


def csv_bytes(rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ",",
              newline: str = "\r\n", bom: bool = False) -> bytes:
    """Rows as a spreadsheet would save them (fields quoted only when they must be)."""
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            if any(c in cell for c in (delimiter, '"', "\n", "\r")):
                cell = '"' + cell.replace('"', '""') + '"'
            cells.append(cell)
        lines.append(delimiter.join(cells))
    data = newline.join(lines).encode(encoding, errors="replace")
    if bom and encoding.replace("-", "").lower() in ("utf8",):
        data = codecs.BOM_UTF8 + data
    return data


def xlsx_bytes(rows: list[list[object]], title: str = "Sheet1") -> bytes:
    """Rows as a workbook; characters a workbook cannot hold (NUL, most controls) are left
    out, as Excel would refuse them."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                   for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def replace_member(data: bytes, name: str, content: bytes | None) -> bytes:
    """The workbook with one part replaced (or left out when ``content`` is None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w",
                                                                   zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename == name:
                if content is not None:
                    dst.writestr(item, content)
            else:
                dst.writestr(item, src.read(item.filename))
    return out.getvalue()


def sheet_xml(body: bytes, doctype: bytes = b"") -> bytes:
    return (b'<?xml version="1.0"?>' + doctype + b'<worksheet xmlns="' + MAIN_NS.encode()
            + b'"><sheetData>' + body + b"</sheetData></worksheet>")


BILLION_LAUGHS = sheet_xml(
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
               for i in range(1, 10)) + b"]>")
EXTERNAL_ENTITY = sheet_xml(
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>',
    b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
QUADRATIC = sheet_xml(
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"&a;" * 5000 + b"</t></is></c></row>",
    b'<!DOCTYPE x [<!ENTITY a "' + b"a" * 5000 + b'">]>')


def zip_bomb(declared_part: str, size: int, base: bytes) -> bytes:
    """``base`` with ``declared_part`` replaced by ``size`` bytes of zeros, deflated (a few KB
    per MB: a 1 GB part is a 1 MB file)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w",
                                                                   zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != declared_part:
                dst.writestr(item, src.read(item.filename))
        info = zipfile.ZipInfo(declared_part)
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(size // len(chunk)):
                part.write(chunk)
    return out.getvalue()


# -- mutations: each takes (bytes, rng) and returns damaged bytes -----------------------------


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(0, max(1, len(data)))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def insert_nul(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + b"\0" + data[at:]


def duplicate_slice(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 200))
    return data[:b] + data[a:b] * rng.randint(1, 5) + data[b:]


def drop_member(data: bytes, rng: random.Random) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
    except zipfile.BadZipFile:
        return data
    return replace_member(data, rng.choice(names), None)


def garbage_member(data: bytes, rng: random.Random) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
    except zipfile.BadZipFile:
        return data
    choice = rng.choice([BILLION_LAUGHS, EXTERNAL_ENTITY, QUADRATIC, b"<not xml",
                         b"", rng.randbytes(200)])
    return replace_member(data, rng.choice([*names, SHEET]), choice)


BYTE_MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncate": truncate, "flip": flip_bytes, "nul": insert_nul, "duplicate": duplicate_slice,
}
ZIP_MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    **BYTE_MUTATIONS, "drop_member": drop_member, "garbage_member": garbage_member,
}


def ragged(rows: list[list[str]], rng: random.Random) -> list[list[str]]:
    """Rows cut short or running long, as a hand-edited CSV ends up."""
    out = []
    for row in rows:
        row = list(row)
        what = rng.random()
        if what < 0.3 and row:
            row = row[: rng.randrange(len(row))]
        elif what < 0.6:
            row = row + [rng.choice(HOSTILE_CELLS) for _ in range(rng.randint(1, 4))]
        out.append(row)
    return out


def hostile(rows: list[list[str]], rng: random.Random, count: int = 3) -> list[list[str]]:
    """Some cells of the data rows replaced by hostile ones."""
    out = [list(r) for r in rows]
    for _ in range(count):
        r = rng.randrange(1, len(out))
        c = rng.randrange(len(out[r]))
        out[r][c] = rng.choice(HOSTILE_CELLS)
    return out


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "utf-32")
NEWLINES = ("\r\n", "\n", "\r", "\n\r")


def broken_csv(kind: str, rng: random.Random) -> bytes:
    """One broken CSV of ``kind``: hostile cells, ragged rows, an encoding, newlines, bytes."""
    rows = VALID[kind]
    if rng.random() < 0.7:
        rows = hostile(rows, rng, rng.randint(1, 4))
    if rng.random() < 0.4:
        rows = ragged(rows, rng)
    data = csv_bytes(rows, encoding=rng.choice(ENCODINGS), delimiter=rng.choice(",;\t|"),
                     newline=rng.choice(NEWLINES), bom=rng.random() < 0.3)
    if rng.random() < 0.3:  # mixed newlines in one file
        data = data.replace(b"\n", rng.choice([b"\r", b"\r\n", b"\n"]), 1)
    if rng.random() < 0.4:
        data = rng.choice(list(BYTE_MUTATIONS.values()))(data, rng)
    return data


def broken_xlsx(kind: str, rng: random.Random) -> bytes:
    """One broken workbook of ``kind``: hostile cells (formulas, dates as numbers and text),
    then maybe a damaged ZIP or part."""
    rows: list[list[object]] = [list(r) for r in (hostile(VALID[kind], rng, rng.randint(1, 4))
                                                  if rng.random() < 0.7 else VALID[kind])]
    if rng.random() < 0.3:  # dates and numbers as a spreadsheet stores them, not as text
        import datetime as dt

        for row in rows[1:]:
            for i, cell in enumerate(row):
                if isinstance(cell, str) and len(cell) == 10 and cell[4] == "-":
                    try:
                        day: object = dt.date.fromisoformat(cell)
                    except ValueError:  # a hostile "2024-02-30" stays text
                        continue
                    row[i] = rng.choice([day, 45000, 45000.5, dt.datetime(2024, 3, 1, 13, 5)])
                elif isinstance(cell, str) and cell.isdigit():
                    row[i] = rng.choice([int(cell), float(cell) + 0.5, -int(cell)])
    data = xlsx_bytes(rows)
    if rng.random() < 0.6:
        data = rng.choice(list(ZIP_MUTATIONS.values()))(data, rng)
    return data
