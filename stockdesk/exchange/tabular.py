"""Reading a CSV or XLSX file as a header and rows of cell text, each with its row number.

Files come from health facilities' PCs: Excel in French or English, LMIS exports, LibreOffice.
So the reader takes UTF-8 (with or without BOM), UTF-16 with BOM, and the Windows code page a
French Excel saves (cp1252); a ``,``, ``;`` or tab delimiter (sniffed from the header line);
quoted fields with embedded newlines.  The format is recognised from the bytes, not the name.

It never evaluates anything: XLSX is read with ``read_only=True, data_only=True`` (formulas give
their cached value, or nothing), and openpyxl parses through defusedxml (checked below), so a
crafted workbook cannot expand entities.  Row numbers are those a spreadsheet shows (header = 1).

Nothing here knows the database; problems are ``Problem`` values with a ``Location``.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from stockdesk.exchange.columns import normalise
from stockdesk.problems import Location, Problem, error

MAX_BYTES = 200 * 1024 * 1024  # larger files are refused before reading
MAX_ROWS = 5_000_000  # more rows than this is not a facility's file
# Unpacked sizes of a workbook, checked from the ZIP directory before openpyxl parses a byte.
# Sheets are streamed (read-only mode), so they may be large, but parsing 1 GB of XML already
# takes minutes; every other part (shared strings, styles) is loaded whole into memory, so it
# must stay small enough to keep the import well under 500 MB.
MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000  # a workbook has a few dozen parts
MAX_FIELD_CHARS = 100_000

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls
_DELIMITERS = (",", ";", "\t", "|")
_HEAD_BYTES = 65536  # the start of a file: its type, and its header line for the delimiter
_CHUNK_BYTES = 1024 * 1024


class FileRefused(Exception):
    """The file cannot be read as a table; ``problems`` say why, with the location."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass
class Table:
    """A file opened as a table.  ``rows`` yields ``(row number, cells)`` once, lazily.

    Cells are text (stripped of nothing: ``"  x "`` stays); a row may be shorter or longer than
    the header.  Completely empty rows are skipped.  ``rows`` may raise :class:`FileRefused`
    part-way (a damaged workbook, too many rows).
    """

    name: str
    sha256: str
    size: int
    header: list[str]
    header_row: int
    rows: Iterator[tuple[int, list[str]]]
    estimated_rows: int
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    _closers: list[Any] = field(default_factory=list, repr=False)

    def where(self, row: int | None = None, column: str | None = None) -> Location:
        return Location(self.name, self.sheet, row, column)

    def close(self) -> None:
        for closer in self._closers:
            closer()
        self._closers.clear()


def read_table(path: Path, *, sheet_names: Sequence[str] = (), max_bytes: int = MAX_BYTES,
               max_rows: int = MAX_ROWS) -> Table:
    """Open ``path`` as a table, or raise :class:`FileRefused` saying why it cannot be read.

    A CSV file is read from disk as its rows are used, never held whole: a 100 MB file would
    otherwise stay in memory for the whole import (and a UTF-16 one three times over).
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FileRefused([error("import.too_large", limit=_mb(max_bytes),
                                     size=_mb(size)).at(Location(name))])
        stream = path.open("rb")
    except OSError as exc:
        raise FileRefused([error("import.unreadable", detail=exc.strerror or str(exc))
                           .at(Location(name))]) from None
    return _table_or_close(stream, name, sheet_names, max_bytes, max_rows)


def table_from_bytes(data: bytes, name: str, *, sheet_names: Sequence[str] = (),
                     max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> Table:
    """Like :func:`read_table`, for a file already in memory."""
    return _table_or_close(io.BytesIO(data), name, sheet_names, max_bytes, max_rows)


def _table_or_close(stream: BinaryIO, name: str, sheet_names: Sequence[str], max_bytes: int,
                    max_rows: int) -> Table:
    """The table of ``stream``; the stream is closed with the table, or now if refused."""
    try:
        return _table(stream, name, sheet_names, max_bytes, max_rows)
    except BaseException:
        stream.close()
        raise


def _table(stream: BinaryIO, name: str, sheet_names: Sequence[str], max_bytes: int,
           max_rows: int) -> Table:
    where = Location(name)
    try:
        head = stream.read(_HEAD_BYTES)
        stream.seek(0)
        if head.startswith(_ZIP_MAGIC) or (name.lower().endswith((".xlsx", ".xlsm"))
                                           and not _looks_like_text(head)):
            data = stream.read(max_bytes + 1)  # openpyxl needs the whole ZIP at hand
            stream.close()
            scan = None
        else:
            scan = _scan(stream)
            stream.seek(0)
    except OSError as exc:
        raise FileRefused([error("import.unreadable", detail=exc.strerror or str(exc))
                           .at(where)]) from None
    size = len(data) if scan is None else scan.size
    if size > max_bytes:  # it grew since it was measured
        raise FileRefused([error("import.too_large", limit=_mb(max_bytes),
                                 size=_mb(size)).at(where)])
    if scan is None:
        return _xlsx_table(data, name, hashlib.sha256(data).hexdigest(), sheet_names, max_rows)
    if scan.blank:
        raise FileRefused([error("import.empty").at(where)])
    _refuse_binary(scan, where)
    return _csv_table(stream, scan, name, max_rows)


# -- CSV ---------------------------------------------------------------------------------------


class _Scan:
    """What one pass over a text file's bytes tells, chunk by chunk, before its rows are read:
    its SHA-256 and size, whether it is blank or holds a NUL byte, how many lines it has, and
    which encodings read it (:meth:`encoding`)."""

    def __init__(self, head: bytes) -> None:
        self.head = head
        self.sha = hashlib.sha256()
        self.size = 0
        self.newlines = 0
        self.last = b""
        self.blank = True
        self.has_nul = False
        self.ascii = True
        self.bom8 = head.startswith(codecs.BOM_UTF8)
        self.bom16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        self.utf8: Any = codecs.getincrementaldecoder("utf-8")()  # None once it fails
        self.utf16: Any = codecs.getincrementaldecoder("utf-16")() if self.bom16 else None
        self.text_nul = False  # a NUL character in the UTF-16 text

    @property
    def sha256(self) -> str:
        return self.sha.hexdigest()

    def feed(self, chunk: bytes, final: bool = False) -> None:
        self.sha.update(chunk)
        self.size += len(chunk)
        self.newlines += chunk.count(b"\n")
        self.last = chunk[-1:] or self.last
        self.blank = self.blank and (not chunk or chunk.isspace())
        self.has_nul = self.has_nul or b"\x00" in chunk
        self.ascii = self.ascii and chunk.isascii()
        self.utf8 = _still_decodes(self.utf8, chunk, final)
        if self.utf16 is not None:
            try:
                self.text_nul = self.text_nul or "\x00" in self.utf16.decode(chunk, final)
            except UnicodeDecodeError:
                self.utf16 = None

    def encoding(self, stream: BinaryIO) -> str:
        """The codec to read the file with: BOMs first, then UTF-8, cp1252, Latin-1.

        Only cp1252 needs a second pass over ``stream`` (a file that is not UTF-8).
        """
        if self.bom8 and self.utf8 is not None:
            return "utf-8-sig"
        if self.utf16 is not None:
            return "utf-16"
        if self.ascii:
            return "ascii"
        if self.utf8 is not None:
            return "utf-8"
        stream.seek(0)
        cp1252: Any = codecs.getincrementaldecoder("cp1252")()
        while cp1252 is not None and (chunk := stream.read(_CHUNK_BYTES)):
            cp1252 = _still_decodes(cp1252, chunk, False)
        stream.seek(0)
        if cp1252 is not None:
            return "cp1252"
        return "latin-1"  # reads every byte, including the five cp1252 leaves undefined

    @property
    def lines(self) -> int:
        """Lines in the file, a last one without a newline too (an estimate of its rows)."""
        return self.newlines + (0 if self.last == b"\n" else 1)


def _still_decodes(decoder: Any, chunk: bytes, final: bool) -> Any:
    """``decoder`` if it reads ``chunk`` too, else None (and None stays None)."""
    if decoder is None:
        return None
    try:
        decoder.decode(chunk, final)
    except UnicodeDecodeError:
        return None
    return decoder


def _scan(stream: BinaryIO) -> _Scan:
    """Read ``stream`` once from its start, in chunks, without keeping it."""
    first = stream.read(_CHUNK_BYTES)
    scan = _Scan(first[:_HEAD_BYTES])
    chunk = first
    while chunk:
        scan.feed(chunk)
        chunk = stream.read(_CHUNK_BYTES)
    scan.feed(b"", final=True)
    return scan


def sniff_delimiter(first_line: str) -> str:
    """The delimiter used most in the header line outside quotes (``,`` when none is)."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_table(stream: BinaryIO, scan: _Scan, name: str, max_rows: int) -> Table:
    """The rows of a text file, decoded as the csv module reads them from ``stream``."""
    encoding = scan.encoding(stream)
    if encoding == "utf-16" and scan.text_nul:
        raise FileRefused([error("import.unreadable", detail="it is not a text file")
                           .at(Location(name))])
    head = codecs.getincrementaldecoder(encoding)(errors="replace").decode(scan.head)
    delimiter = sniff_delimiter(head.split("\n", 1)[0])
    source = io.TextIOWrapper(stream, encoding=encoding, newline="")
    reader = csv.reader(source, delimiter=delimiter, quotechar='"', doublequote=True,
                        strict=False)
    rows = _numbered_csv_rows(reader, name, max_rows)
    header_row, header = _first_row(rows, Location(name))
    return Table(name, scan.sha256, scan.size, header, header_row, rows,
                 max(scan.lines - 1, 0), encoding=encoding, delimiter=delimiter,
                 _closers=[source.close])


def _numbered_csv_rows(reader: Any, name: str, max_rows: int) -> Iterator[tuple[int, list[str]]]:
    """Rows as a spreadsheet numbers them: one row per record, embedded newlines included."""
    number = 0
    try:
        for row in reader:
            number += 1
            if number > max_rows:
                raise FileRefused([error("import.too_many_rows", limit=max_rows)
                                   .at(Location(name, None, number))])
            if any(row):
                yield number, row
    except csv.Error as exc:
        raise FileRefused([error("import.unreadable", detail=f"broken CSV ({exc})")
                           .at(Location(name, None, number + 1))]) from None
    except UnicodeDecodeError as exc:  # pragma: no cover - the encoding was checked up front
        raise FileRefused([error("import.unreadable", detail=str(exc))
                           .at(Location(name, None, number + 1))]) from None
    except OSError as exc:  # read as it goes: a USB stick pulled out, a network drive gone
        raise FileRefused([error("import.unreadable", detail=exc.strerror or str(exc))
                           .at(Location(name, None, number + 1))]) from None


def _first_row(rows: Iterator[tuple[int, list[str]]],
               where: Location) -> tuple[int, list[str]]:
    for number, row in rows:
        if any(c.strip() for c in row):
            return number, [c.strip() for c in row]
    raise FileRefused([error("import.empty").at(where)])


def _looks_like_text(data: bytes) -> bool:
    head = data[:4096]
    return b"\x00" not in head and not head.startswith(_OLE_MAGIC)


def _refuse_binary(scan: _Scan, where: Location) -> None:
    head = scan.head
    if head.startswith(_OLE_MAGIC):
        raise FileRefused([error("import.unreadable", detail=(
            "it is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV"
        )).at(where)])
    if head.startswith(b"%PDF"):
        raise FileRefused([error("import.wrong_type", found="a PDF document").at(where)])
    if not scan.bom16 and scan.has_nul:  # a NUL is never text, and no database stores it
        raise FileRefused([error("import.unreadable", detail="it is not a text file")
                           .at(where)])


# -- XLSX --------------------------------------------------------------------------------------


def _xlsx_table(data: bytes, name: str, digest: str, sheet_names: Sequence[str],
                max_rows: int) -> Table:
    where = Location(name)
    check_workbook_zip(data, where)
    import openpyxl
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise FileRefused([error("import.unreadable",
                                 detail="defusedxml is missing; workbooks are not read "
                                        "without it").at(where)])
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True,
                                    keep_links=False)
    except Exception as exc:
        raise FileRefused([error("import.unreadable",
                                 detail=f"the workbook is damaged ({why_refused(exc)})").at(where)]
                          ) from None
    try:
        ws = _pick_sheet(wb, sheet_names)
        if ws is None:
            raise FileRefused([error("import.empty").at(where)])
        estimated = ws.max_row or 0
        ws.reset_dimensions()  # some writers store a wrong size: read every row there is
        sheet = ws.title
        rows = _numbered_xlsx_rows(ws, name, sheet, max_rows)
        header_row, header = _first_row(rows, Location(name, sheet))
    except FileRefused:
        wb.close()
        raise
    except Exception as exc:
        wb.close()
        raise FileRefused([error("import.unreadable",
                                 detail=f"the workbook is damaged ({why_refused(exc)})").at(where)]
                          ) from None
    return Table(name, digest, len(data), header, header_row, rows,
                 max(estimated - header_row, 0), sheet=sheet, _closers=[wb.close])


def check_workbook_zip(data: bytes, where: Location) -> None:
    """A ZIP that is not a workbook, a damaged one and a zip bomb are refused up front.

    Sizes come from the ZIP directory, so a bomb is refused without inflating it.  A directory
    that understates a size cannot get round this: ``zipfile`` never inflates a member past
    its stated size (the CRC check then fails and the workbook is refused as damaged).
    """
    members = _zip_member_count(data)
    if members is not None and members > MAX_ZIP_MEMBERS:
        raise FileRefused([error("import.unreadable", detail=(
            f"the workbook has {members} parts; more than {MAX_ZIP_MEMBERS} is not a workbook"
        )).at(where)])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            unzipped = sum(i.file_size for i in infos)
            largest = max((i for i in infos if not _is_sheet(i.filename)),
                          key=lambda i: i.file_size, default=None)
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise FileRefused([error("import.unreadable", detail=(
            f"the workbook is damaged or incomplete ({why_refused(exc)})"
        )).at(where)]) from None
    if b"opendocument" in mimetype:
        raise FileRefused([error("import.wrong_type",
                                 found="an OpenDocument spreadsheet (.ods)").at(where)])
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise FileRefused([error("import.wrong_type", found="a ZIP archive").at(where)])
    if "xl/workbook.bin" in names:
        raise FileRefused([error("import.wrong_type",
                                 found="a binary Excel workbook (.xlsb)").at(where)])
    if unzipped > MAX_UNZIPPED_BYTES:
        raise FileRefused([error("import.too_large",
                                 limit=f"{_mb(MAX_UNZIPPED_BYTES)} once unpacked",
                                 size=_mb(unzipped)).at(where)])
    if largest is not None and largest.file_size > MAX_PART_BYTES:
        raise FileRefused([error("import.too_large",
                                 limit=f"{_mb(MAX_PART_BYTES)} in its part "
                                       f"{largest.filename[:100]} once unpacked",
                                 size=_mb(largest.file_size)).at(where)])


def _is_sheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def _zip_member_count(data: bytes) -> int | None:
    """The number of entries the ZIP's end record announces, read before ``zipfile`` builds
    one object per entry (millions of tiny entries would fill memory); None if not found."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 12 > len(data):
        return None
    return int.from_bytes(data[end + 10:end + 12], "little")


def _pick_sheet(wb: Any, sheet_names: Sequence[str]) -> Any:
    """The sheet named like the data (``ledger``, ``history``…) if any, else the first one."""
    wanted = {normalise(n) for n in sheet_names}
    sheets = [ws for ws in wb.worksheets if hasattr(ws, "iter_rows")]
    for ws in sheets:
        if normalise(ws.title) in wanted:
            return ws
    return sheets[0] if sheets else None


def _numbered_xlsx_rows(ws: Any, name: str, sheet: str,
                        max_rows: int) -> Iterator[tuple[int, list[str]]]:
    number = 0
    try:
        for values in ws.iter_rows(values_only=True):
            number += 1
            if number > max_rows:
                raise FileRefused([error("import.too_many_rows", limit=max_rows)
                                   .at(Location(name, sheet, number))])
            if any(v is not None and v != "" for v in values):
                yield number, [cell_text(v) for v in values]
    except FileRefused:
        raise
    except Exception as exc:
        raise FileRefused([error("import.unreadable",
                                 detail=f"the workbook is damaged ({why_refused(exc)})")
                           .at(Location(name, sheet, number + 1))]) from None


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV export of it would hold (dates as ``YYYY-MM-DD``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value[:MAX_FIELD_CHARS]
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)[:MAX_FIELD_CHARS]


def why_refused(exc: BaseException) -> str:
    while exc.__cause__ is not None or exc.__context__ is not None:  # the root cause says most
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"
