"""The Report & Requisition as an Excel workbook, and reading one back at the district.

:func:`write_rnr_xlsx` writes three sheets from a :class:`~stockdesk.requisition.document.Document`:

* ``R&R``: the printable form (title, header block, two rows of lettered headings, one line per
  product, the total cost, the signatures block), A4 landscape, one page wide, headings repeated
  on every printed page;
* ``data``: the machine rows, first row exactly :data:`DATA_COLUMNS`, numbers as numbers, empty
  cells for unknown values;
* ``meta``: ``key, value`` rows (:func:`meta_rows`), among them the SHA-256 of the data rows.

Text a spreadsheet would run (``=``, ``+``, ``-``, ``@``, tab, CR first) is written as a string
cell with the *quote prefix* style, in every sheet: Excel and LibreOffice show it as text and
keep it text when the cell is edited, and the value itself is unchanged, so it reads back
exactly and the checksum holds.  (openpyxl would otherwise store a string starting with ``=`` as
a formula.)  Numbers stay numbers: a negative D is a number, not text.

:func:`read_rnr_xlsx` is the district side: it opens the workbook with the same safeguards as
:mod:`stockdesk.exchange.tabular` (size limit, ZIP check against bombs and non-workbooks,
read-only, ``data_only``, defusedxml), checks ``meta``, reads ``data`` under its header, converts
the values and recomputes the checksum over the rows as read.  It never raises on a bad file:
everything wrong is a :class:`~stockdesk.problems.Problem` located at file, sheet, row and
column (the column is the data sheet's column code, e.g. ``D``, or ``key``/``value`` in meta).

Nothing here knows the database; the import service checks identities, facilities and
duplicates.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from stockdesk.exchange.cells import is_formula_text
from stockdesk.exchange.tabular import (
    MAX_BYTES,
    FileRefused,
    cell_text,
    check_workbook_zip,
    why_refused,
)
from stockdesk.problems import Location, Problem, error, has_errors
from stockdesk.requisition.document import (
    DATA_COLUMNS,
    FORMAT,
    FORMAT_VERSION,
    LETTERS,
    Document,
    Line,
    Signature,
    Status,
    meta_rows,
    rows_sha256,
)

PRINT_SHEET = "R&R"
DATA_SHEET = "data"
META_SHEET = "meta"
KNOWN_FORMAT_VERSIONS = frozenset({FORMAT_VERSION})
MAX_DATA_ROWS = 100_000  # an R&R has one row per product: more is not an R&R

# the printed columns: (letter printed above, key on Line, heading words, width)
_PRINTED: tuple[tuple[str, str, str, float], ...] = (
    ("", "product_code", "Product code", 18),
    ("", "product_name", "Product", 32),
    ("", "unit", "Unit", 9),
    *((c, c, LETTERS[c], 24 if c in "WL" else 10.5)
      for c in ("A", "B", "C", "D", "E", "X", "N", "P", "H", "I", "J", "W", "K", "V", "T", "Q",
                "L")),
)
_NCOLS = len(_PRINTED)
_LAST = get_column_letter(_NCOLS)

# status colour of the header: background, font colour
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.DRAFT: ("D9D9D9", "000000"),
    Status.SUBMITTED: ("9DC3E6", "000000"),
    Status.AUTHORIZED: ("FFC000", "000000"),
    Status.APPROVED: ("A9D08E", "000000"),
    Status.ISSUED: ("375623", "FFFFFF"),
}

_INT_COLUMNS = frozenset({"A", "B", "C", "D", "E", "X", "H", "I", "J", "K", "V"})
_NUMBER_COLUMNS = frozenset({"N", "P"})
_MONEY_COLUMNS = frozenset({"T", "Q"})
_TEXT_COLUMNS = frozenset({"facility_code", "program", "period", "product_code", "W"})
_REQUIRED = frozenset({"facility_code", "program", "period", "product_code",
                       "A", "B", "C", "D", "E", "X", "N"})
_SIGNED = frozenset({"D"})  # losses and adjustments: the only column that may be negative
_SIGN_STEPS = (("submitted", "Prepared and submitted by"), ("authorized", "Authorized by"),
               ("approved", "Approved by"), ("issued", "Issued by"))

_FMT_INT = "#,##0"
_FMT_DEC = "#,##0.00"


# -- writing -----------------------------------------------------------------------------------


class CellStyles:
    """Cells of one write-only sheet from a few style templates (copying a style is cheap)."""

    def __init__(self, ws: Any):
        self.ws = ws
        self._templates: dict[str, WriteOnlyCell] = {}
        quoted = WriteOnlyCell(ws)
        quoted.quotePrefix = True
        self._quoted = quoted

    def style(self, name: str, *, font: Font | None = None, fill: PatternFill | None = None,
              number_format: str | None = None, alignment: Alignment | None = None,
              border: Border | None = None) -> None:
        cell = WriteOnlyCell(self.ws)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if number_format is not None:
            cell.number_format = number_format
        if alignment is not None:
            cell.alignment = alignment
        if border is not None:
            cell.border = border
        self._templates[name] = cell

    def __call__(self, value: Any, style: str | None = None) -> Any:
        """A cell holding ``value`` (risky text neutralised); plain values need no cell."""
        risky = is_formula_text(value)
        if style is None and not risky:
            return value
        cell = WriteOnlyCell(self.ws)
        template = self._quoted if style is None else self._templates[style]
        cell._style = copy(template._style)
        cell.value = value
        if risky:
            cell.data_type = "s"  # never a formula, whatever the text
            cell.quotePrefix = True
        return cell


def write_rnr_xlsx(doc: Document, path: Path) -> None:
    """Write ``doc`` to ``path`` as the R&R workbook (printable ``R&R``, ``data``, ``meta``)."""
    wb = Workbook(write_only=True)
    _write_printable(wb.create_sheet(PRINT_SHEET), doc)
    data = wb.create_sheet(DATA_SHEET)
    set_dimension(data, len(doc.lines) + 1, len(DATA_COLUMNS))
    cells = CellStyles(data)
    data.append([cells(c) for c in DATA_COLUMNS])
    for row in doc.data_rows():
        data.append([cells(v) for v in row])
    meta = wb.create_sheet(META_SHEET)
    pairs = meta_rows(doc)
    set_dimension(meta, len(pairs) + 1, 2)
    cells = CellStyles(meta)
    meta.column_dimensions["A"].width = 16
    meta.column_dimensions["B"].width = 68
    meta.append(["key", "value"])
    for key, value in pairs:
        meta.append([cells(key), cells(value)])
    wb.save(path)


def _write_printable(ws: Any, doc: Document) -> None:
    h = doc.header
    fill_colour, font_colour = STATUS_COLOURS.get(h.status, ("FFFFFF", "000000"))
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    status_fill = PatternFill("solid", fgColor=fill_colour)
    heading_fill = PatternFill("solid", fgColor="F2F2F2")
    wrap_top = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    c = CellStyles(ws)
    c.style("title", font=Font(bold=True, size=16, color=font_colour), fill=status_fill,
            alignment=Alignment(vertical="center"))
    c.style("emergency", font=Font(bold=True, size=16, color="C00000"), fill=status_fill,
            alignment=Alignment(horizontal="right", vertical="center"))
    c.style("band", fill=status_fill)
    c.style("label", font=Font(bold=True), alignment=Alignment(vertical="top"))
    c.style("value", alignment=wrap_top)
    c.style("status", font=Font(bold=True, color=font_colour), fill=status_fill,
            alignment=Alignment(horizontal="center"), border=box)
    c.style("letter", font=Font(bold=True, size=12), fill=heading_fill, alignment=centre,
            border=box)
    c.style("words", font=Font(bold=True, size=8), fill=heading_fill, alignment=centre,
            border=box)
    c.style("text", border=box, alignment=Alignment(vertical="top"))
    c.style("wrap", border=box, alignment=wrap_top)
    c.style("int", border=box, number_format=_FMT_INT)
    c.style("dec", border=box, number_format=_FMT_DEC)
    c.style("total_label", font=Font(bold=True), border=box)
    c.style("total", font=Font(bold=True), border=box, number_format=_FMT_DEC)
    c.style("sign", font=Font(bold=True))
    c.style("line", border=Border(bottom=Side(style="thin", color="000000")))
    c.style("note", font=Font(italic=True, size=8, color="595959"))

    for i, (_, _, _, width) in enumerate(_PRINTED, 1):
        ws.column_dimensions[get_column_letter(i)].width = width

    rows: list[list[Any]] = []

    def put(*cells: Any) -> int:
        rows.append(list(cells))
        return len(rows)

    def merge(row: int, first: int, last: int) -> None:
        ws.merged_cells.add(f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}")

    title = "Report and Requisition"
    r = put(c(title, "title"), *(c(None, "band") for _ in range(_NCOLS - 5)),
            c("EMERGENCY" if h.emergency else None, "emergency"),
            *(c(None, "emergency") for _ in range(3)))
    merge(r, 1, _NCOLS - 4)
    merge(r, _NCOLS - 3, _NCOLS)

    def field_row(pairs: Sequence[tuple[str, str | None]]) -> None:
        # label in 1, value over 2..5 | label in 6..7, value 8..12 | label 13..14, value 15..
        spans = ((1, 1, 2, 5), (6, 7, 8, 12), (13, 14, 15, _NCOLS))
        cells: list[Any] = [None] * _NCOLS
        row = len(rows) + 1
        for (label, value), (l1, l2, v1, v2) in zip(pairs, spans, strict=False):
            cells[l1 - 1] = c(label, "label")
            cells[v1 - 1] = c(value, "value")
            if l2 > l1:
                merge(row, l1, l2)
            merge(row, v1, v2)
        put(*cells)

    district = ", ".join(x for x in (h.district, h.region) if x) or None
    field_row([("Facility", f"{h.facility_code} - {h.facility_name}"),
               ("Facility type", h.facility_type), ("District, region", district)])
    months = "quarter" if h.months == 3 else ("month" if h.months == 1 else f"{h.months} months")
    field_row([("Program", f"{h.program} - {h.program_name}"),
               ("Period", f"{h.period} ({months}: {h.period_start.isoformat()} to "
                          f"{h.period_end.isoformat()})"),
               ("Supplied by", h.supplier)])
    field_row([("Levels", f"max {_num(h.max_mos)} months, min {_num(h.min_mos)}, "
                          f"emergency order point {_num(h.eop_mos)}, "
                          f"lead time {_num(h.lead_time_months)}"),
               ("Generated at", h.generated_at.isoformat(sep=" ", timespec="minutes")),
               ("StockDesk", h.app_version)])
    r = put(c("Profile", "label"), c(f"{h.profile}: {h.profile_description}", "value"),
            *([None] * (_NCOLS - 6)), c("Status", "label"), None,
            c(h.status.label, "status"), c(None, "status"))
    merge(r, 2, _NCOLS - 4)
    merge(r, _NCOLS - 3, _NCOLS - 2)
    merge(r, _NCOLS - 1, _NCOLS)
    ws.row_dimensions[r].height = 30
    if h.rejection:
        r = put(c("Rejected", "label"), c(h.rejection, "value"))
        merge(r, 2, _NCOLS)
    put()

    first_heading = put(*(c(letter, "letter") for letter, _, _, _ in _PRINTED))
    second = put(*(c(words, "words") for _, _, words, _ in _PRINTED))
    ws.row_dimensions[second].height = 36
    for line in doc.lines:
        r = put(*_line_cells(c, line))
        ws.row_dimensions[r].height = _height(line)
    total_row = put(c("Total", "total_label"), *(c(None, "text") for _ in range(_NCOLS - 3)),
                    c(doc.total_cost(), "total"), c(None, "text"))
    merge(total_row, 1, _NCOLS - 2)
    put()
    signed = {s.step: s for s in h.signatures}
    steps = [s for s in _SIGN_STEPS if s[0] != "issued" or "issued" in signed]
    put(c("Signatures", "sign"), None, None, c("Name", "sign"), *([None] * 3), c("Date", "sign"),
        None, c("Signature", "sign"))
    for step, label in steps:
        sig = signed.get(step)
        r = put(c(label, "label"), None, None, *_signature_cells(c, sig))
        merge(r, 1, 3)
        merge(r, 4, 7)
        merge(r, 8, 9)
        merge(r, 10, 13)
    put()
    put(c(f"Quantities in dispensing units. D is signed (losses negative). "
          f"P and I follow the {h.profile} profile stated above. "
          f"V: packs after the pack rounding rule; Q = V x T.", "note"))

    # a write-only sheet writes its properties before the first row: set them all first
    ws.freeze_panes = f"C{second + 1}"
    print_landscape_a4(ws, f"{first_heading}:{second}",
                       header=(f"{h.facility_code} - {h.facility_name}",
                               f"{h.program} {h.period}"),
                       footer=f"Report and Requisition, {h.status.value}")
    ws.print_options.horizontalCentered = True
    set_dimension(ws, len(rows), _NCOLS)
    for row in rows:
        ws.append(row)


def print_landscape_a4(ws: Any, title_rows: str, *, header: tuple[str, str], footer: str,
                       top: float = 0.6, bottom: float = 0.6) -> None:
    """How every StockDesk sheet prints: A4 landscape, one page wide, headings repeated,
    header left and right, footer left, "Page x of y" right."""
    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as the lines need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=top, bottom=bottom, header=0.3,
                                  footer=0.3)
    ws.oddHeader.left.text = header_text(header[0])
    ws.oddHeader.right.text = header_text(header[1])
    ws.oddFooter.left.text = header_text(footer)
    ws.oddFooter.right.text = "Page &[Page] of &[Pages]"


def _height(line: Line) -> float:
    """Row height that shows every wrapped line of the code, name, W and L (points)."""
    widths = {w[1]: w[3] for w in _PRINTED}
    texts = {"product_code": line.product_code, "product_name": line.product_name,
             "W": line.W or "", "L": line.L or ""}
    lines = max(math.ceil(len(t) / max(widths[k] * 1.1, 1)) for k, t in texts.items())
    return 13.0 * max(1, lines) + 2


def set_dimension(ws: Any, rows: int, columns: int) -> None:
    """Store the sheet's size, as Excel does: a reader then need not scan the whole sheet to
    learn it (openpyxl's read-only mode otherwise parses every sheet once more on opening)."""
    ref = f"A1:{get_column_letter(columns)}{max(rows, 1)}"
    ws.calculate_dimension = lambda: ref


def _line_cells(c: CellStyles, line: Line) -> Iterator[Any]:
    for _, key, _, _ in _PRINTED:
        value = getattr(line, key)
        if key in _MONEY_COLUMNS:
            yield c(value, "dec")
        elif isinstance(value, bool) or value is None:
            yield c(None, "text")
        elif isinstance(value, int):
            yield c(value, "int")
        elif isinstance(value, float | Decimal):
            yield c(value, "int" if float(value).is_integer() else "dec")
        else:
            yield c(value, "wrap" if key in ("product_name", "W", "L") else "text")


def _signature_cells(c: CellStyles, sig: Signature | None) -> list[Any]:
    """Columns 4-13: name (4-7), date (8-9), signature (10-13); blank lines when not signed."""
    cells = [c(None, "line") for _ in range(10)]
    if sig is not None:
        name = f"{sig.full_name} ({sig.user})" if sig.full_name else sig.user
        cells[0] = c(name, "line")
        cells[4] = c(sig.at.isoformat(sep=" ", timespec="minutes"), "line")
    return cells


def header_text(text: str) -> str:
    """Text for a printed page header or footer, where ``&`` starts a code."""
    return text.replace("&", "&&")


def _num(x: float) -> str:
    return f"{x:g}"


# -- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RnrRow:
    """One data row as read: its sheet row number and its values by column code.

    ``values`` has every :data:`DATA_COLUMNS` key: ints for A-E, X, H, I, J, K, V; int or float
    for N and P; :class:`~decimal.Decimal` for T and Q; text for the codes and W; ``None`` when
    empty or not readable (a problem says which).
    """

    row: int
    values: dict[str, Any]

    def __getitem__(self, column: str) -> Any:
        return self.values[column]


@dataclass(frozen=True)
class RnrFile:
    """What the district import reads from one workbook."""

    name: str
    file_sha256: str | None  # of the file's bytes: recognises the same file imported twice
    meta: dict[str, str]
    rows: tuple[RnrRow, ...]
    sha256: str | None  # recomputed over the data rows as read (None: the columns were wrong)
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def where(self, sheet: str | None = None, row: int | None = None,
              column: str | None = None) -> Location:
        return Location(self.name, sheet, row, column)


def read_rnr_xlsx(path: Path, *, max_bytes: int = MAX_BYTES,
                  max_rows: int = MAX_DATA_ROWS) -> RnrFile:
    """Read an R&R workbook; every problem is in ``problems`` (this raises only on bugs)."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _refused(name, None, error("import.too_large", limit=_mb(max_bytes),
                                              size=_mb(size)))
        data = path.read_bytes()
    except OSError as exc:
        return _refused(name, None, error("import.unreadable",
                                          detail=exc.strerror or str(exc)))
    return rnr_from_bytes(data, name, max_rows=max_rows)


def rnr_from_bytes(data: bytes, name: str, *, max_rows: int = MAX_DATA_ROWS) -> RnrFile:
    """:func:`read_rnr_xlsx` on bytes already in memory (``name`` is used in messages)."""
    digest = hashlib.sha256(data).hexdigest()
    if not data.startswith(b"PK\x03\x04"):
        found = ("an empty file" if not data.strip()[:1] else
                 "an old Excel 97-2003 (.xls) workbook" if data.startswith(
                     b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") else
                 "a PDF document" if data.startswith(b"%PDF") else
                 "another kind of file")
        return _refused(name, digest, error("rnr.not_xlsx", found=found))
    try:
        check_workbook_zip(data, Location(name))
    except FileRefused as refused:
        return RnrFile(name, digest, {}, (), None, tuple(refused.problems))

    import openpyxl
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        return _refused(name, digest, error(
            "import.unreadable", detail="defusedxml is missing; workbooks are not read without it"))
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True,
                                    keep_links=False)
    except Exception as exc:
        return _refused(name, digest, error("import.unreadable",
                                            detail=f"the workbook is damaged ({why_refused(exc)})"))
    try:
        return _read_workbook(wb, name, digest, max_rows)
    finally:
        wb.close()


def _refused(name: str, digest: str | None, problem: Problem) -> RnrFile:
    return RnrFile(name, digest, {}, (), None, (problem.at(Location(name)),))


def _sheet(wb: Any, title: str) -> Any:
    sheets = [ws for ws in wb.worksheets if hasattr(ws, "iter_rows")]
    for ws in sheets:
        if ws.title == title:
            return ws
    for ws in sheets:
        if ws.title.strip().casefold() == title:
            return ws
    return None


def _read_workbook(wb: Any, name: str, digest: str, max_rows: int) -> RnrFile:
    meta_ws, data_ws = _sheet(wb, META_SHEET), _sheet(wb, DATA_SHEET)
    if meta_ws is None and data_ws is None:
        return _refused(name, digest, error("rnr.not_rnr", detail="it has no meta or data sheet"))
    problems: list[Problem] = []
    meta: dict[str, str] = {}
    rows: list[RnrRow] = []
    sha: str | None = None
    meta_row: dict[str, int] = {}
    try:
        if meta_ws is None:
            problems.append(error("rnr.missing_sheet", sheet=META_SHEET).at(Location(name)))
        else:
            meta, meta_row = _read_meta(meta_ws, name, problems)
        if data_ws is None:
            problems.append(error("rnr.missing_sheet", sheet=DATA_SHEET).at(Location(name)))
        elif not has_errors(problems):
            sha = _read_data(data_ws, name, max_rows, rows, problems)
            if sha is not None and "sha256" in meta and sha != meta["sha256"].strip().lower():
                problems.append(error("rnr.checksum_mismatch", expected=meta["sha256"],
                                      found=sha).at(Location(name, DATA_SHEET)))
            _check_against_meta(meta, meta_row, rows, name, problems)
    except _Damaged as damaged:
        problems.append(error("import.unreadable",
                              detail=f"the workbook is damaged ({why_refused(damaged.cause)})")
                        .at(Location(name, damaged.sheet, damaged.row)))
    return RnrFile(name, digest, meta, tuple(rows), sha, tuple(problems))


def _numbered(ws: Any, limit: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Non-empty rows with their numbers; openpyxl failing on the XML becomes :class:`_Damaged`
    (so that a bug of ours is not reported as a damaged file)."""
    number = 0
    try:
        ws.reset_dimensions()  # some writers store a wrong size: read every row there is
        rows = ws.iter_rows(values_only=True)
    except Exception as exc:
        raise _Damaged(ws.title, None, exc) from None
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            raise _Damaged(ws.title, number + 1, exc) from None
        number += 1
        if number > limit:
            raise _TooMany(number)
        if any(v is not None and v != "" for v in values):
            yield number, values


class _TooMany(Exception):
    def __init__(self, row: int):
        self.row = row


class _Damaged(Exception):
    def __init__(self, sheet: str, row: int | None, cause: Exception):
        self.sheet, self.row, self.cause = sheet, row, cause


def _read_meta(ws: Any, name: str, problems: list[Problem]
               ) -> tuple[dict[str, str], dict[str, int]]:
    meta: dict[str, str] = {}
    at: dict[str, int] = {}
    try:
        for number, values in _numbered(ws, 1000):
            key = cell_text(values[0] if values else None).strip()
            value = cell_text(values[1] if len(values) > 1 else None).strip()
            if number == 1 and (key, value) == ("key", "value"):
                continue
            if key and key not in meta:
                meta[key], at[key] = value, number
    except _TooMany as too_many:
        problems.append(error("import.too_many_rows", limit=1000)
                        .at(Location(name, META_SHEET, too_many.row)))
        return meta, at
    where = Location(name, META_SHEET)
    if meta.get("format") != FORMAT:
        found = meta.get("format")
        detail = (f"its meta sheet says format {found!r}, not {FORMAT!r}" if found
                  else "its meta sheet has no format")
        problems.append(error("rnr.not_rnr", detail=detail).at(
            Location(name, META_SHEET, at.get("format"), "value" if found else "key")))
        return meta, at
    version = meta.get("format_version")
    if version not in KNOWN_FORMAT_VERSIONS:
        problems.append(error("rnr.format_version", version=version,
                              known=", ".join(sorted(KNOWN_FORMAT_VERSIONS))).at(
            Location(name, META_SHEET, at.get("format_version"), "value")))
    missing = [k for k in ("sha256", "facility_code", "program", "period") if not meta.get(k)]
    if missing:
        problems.append(error("rnr.meta_missing", keys=", ".join(missing)).at(where))
    return meta, at


def _read_data(ws: Any, name: str, max_rows: int, out: list[RnrRow],
               problems: list[Problem]) -> str | None:
    """Rows into ``out``; returns the checksum over the rows as read (None: bad header)."""
    rows = _numbered(ws, max_rows + 1)
    try:
        header_no, header_values = next(rows)
    except StopIteration:
        problems.append(error("import.empty").at(Location(name, DATA_SHEET)))
        return None
    except _TooMany:  # pragma: no cover - the first row cannot be past the limit
        return None
    header = [cell_text(v).strip() for v in header_values]
    index: dict[str, int] = {}
    bad_header = False
    for i, col in enumerate(header):
        if not col:
            continue
        if col in index:
            problems.append(error("import.duplicate_column", column=col).at(
                Location(name, DATA_SHEET, header_no, col)))
            bad_header = True
        index.setdefault(col, i)
    missing = [c for c in DATA_COLUMNS if c not in index]
    extra = [c for c in index if c not in DATA_COLUMNS]
    if missing:
        problems.append(error("import.missing_columns", columns=", ".join(missing)).at(
            Location(name, DATA_SHEET, header_no)))
    if extra:
        problems.append(error("rnr.extra_columns", columns=", ".join(extra)).at(
            Location(name, DATA_SHEET, header_no)))
    bad_header = bad_header or bool(missing or extra)
    positions = [index.get(c) for c in DATA_COLUMNS]
    raw_rows: list[list[Any]] = []
    try:
        for number, values in rows:
            raw = [values[p] if p is not None and p < len(values) else None for p in positions]
            raw_rows.append(raw)
            out.append(RnrRow(number, _convert(raw, name, number, problems)))
    except _TooMany as too_many:
        problems.append(error("import.too_many_rows", limit=max_rows)
                        .at(Location(name, DATA_SHEET, too_many.row)))
        return None
    return None if bad_header else rows_sha256(raw_rows)


def _convert(raw: Sequence[Any], name: str, row: int, problems: list[Problem]
             ) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, value in zip(DATA_COLUMNS, raw, strict=True):
        try:
            values[column] = converted = _value(column, value)
        except ValueError as exc:
            values[column] = None
            code = "import.not_integer" if column in _INT_COLUMNS else "import.not_number"
            problems.append(error(code, field=column, value=exc.args[0]).at(
                Location(name, DATA_SHEET, row, column)))
            continue
        if converted is None:
            if column in _REQUIRED:
                problems.append(error("import.required", field=column).at(
                    Location(name, DATA_SHEET, row, column)))
        elif column not in _TEXT_COLUMNS and column not in _SIGNED and converted < 0:
            problems.append(error("import.negative", field=column, value=converted).at(
                Location(name, DATA_SHEET, row, column)))
    return values


def _value(column: str, value: Any) -> Any:
    """The typed value of one data cell; ``ValueError(original)`` when it is not one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if column in _TEXT_COLUMNS:
        return value if isinstance(value, str) else cell_text(value)
    if isinstance(value, bool):
        raise ValueError(value)
    number = _decimal(value)
    if column in _MONEY_COLUMNS:
        return number
    if column in _INT_COLUMNS:
        if number != number.to_integral_value():
            raise ValueError(value)
        return int(number)
    if number == number.to_integral_value():  # N, P
        return int(number)
    return float(number)


def _decimal(value: Any) -> Decimal:
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(value)
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(value) from None
        if not number.is_finite():
            raise ValueError(value)
        return number
    raise ValueError(value)  # a date, a time: not a quantity


def _check_against_meta(meta: dict[str, str], meta_row: dict[str, int], rows: Iterable[RnrRow],
                        name: str, problems: list[Problem]) -> None:
    """Every row belongs to the facility, program and period that ``meta`` names."""
    for key in ("facility_code", "program", "period"):
        expected = meta.get(key)
        if not expected:
            continue
        for r in rows:
            got = r.values.get(key)
            if got is not None and str(got).strip() != expected:
                problems.append(error("rnr.meta_mismatch", field=key, value=got,
                                      expected=expected, meta_row=meta_row.get(key)).at(
                    Location(name, DATA_SHEET, r.row, key)))


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


__all__ = ["DATA_SHEET", "KNOWN_FORMAT_VERSIONS", "META_SHEET", "PRINT_SHEET",
           "STATUS_COLOURS", "RnrFile", "RnrRow", "read_rnr_xlsx",
           "rnr_from_bytes", "write_rnr_xlsx"]
