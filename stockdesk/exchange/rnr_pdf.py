"""The Report & Requisition and the physical-count sheet as printable PDF (reportlab).

:func:`write_rnr_pdf` prints a :class:`~stockdesk.requisition.document.Document` on A4
landscape the way the paper form reads: a header block (facility, program, period, stock
levels, the calculation profile in words so the district can redo the numbers, status), one
table with the lettered columns (letters and words repeated on every page), a totals row, the
signatures block.  Every page carries facility, program, period, status and "Page x of y".

:func:`write_count_sheet_pdf` prints the monthly stocktake sheet: one row per product and lot,
an empty "Counted" box, blind by default (book quantities only with ``show_book=True``).

Speed: cell text is wrapped here with :func:`simpleSplit` (plain strings with newlines, no
Paragraph per cell) and long tables are cut into chunks (reportlab re-measures the whole rest
of a table at every page break, which grows with the square of its length).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from stockdesk.requisition.document import LETTERS, Document, Header, Line

FONT = "Helvetica"
BOLD = "Helvetica-Bold"
BODY_SIZE = 6.5
BODY_LEADING = 7.8
HEAD_SIZE = 5.8
PAD = 2.0
CHUNK_ROWS = 1000  # lines per Table: page splits re-measure the rest, so cap it (5,000 lines
# in one table: 4.9 s; in chunks of 1,000: 3.1 s). Under 1,000 lines the heading is never
# repeated mid-page; past it, each further chunk starts with its own heading rows.
MAX_TEXT_LINES = 6  # a W or L longer than this is cut in the table and printed in full below

INK = colors.HexColor("#1a1a1a")
GRID = colors.HexColor("#9a9a9a")
HEAD_BG = colors.HexColor("#dde4ec")
ZEBRA = colors.HexColor("#f3f5f7")
TOTAL_BG = colors.HexColor("#e6e6e6")
RED = colors.HexColor("#b00020")

# (column key, relative width): key is a letter of LETTERS or code/product/unit
RNR_COLUMNS: tuple[tuple[str, float], ...] = (
    ("code", 40), ("product", 100), ("unit", 32),
    ("A", 32), ("B", 32), ("C", 32), ("D", 32), ("E", 32), ("X", 25), ("N", 32), ("P", 32),
    ("H", 32), ("I", 32), ("J", 32), ("W", 76), ("K", 32), ("V", 28), ("T", 32), ("Q", 42),
    ("L", 50),
)
TEXT_KEYS = frozenset({"code", "product", "unit", "W", "L"})
FIRST_WORDS = {"code": "Product code", "product": "Product", "unit": "Unit"}
MONEY = frozenset({"T", "Q"})
STEP_LABELS = (("submitted", "Prepared and submitted by"), ("authorized", "Authorized by"),
               ("approved", "Approved by"), ("issued", "Issued by"))


# ---------------------------------------------------------------- formatting


def fmt_number(value: Any, *, money: bool = False) -> str:
    """``1,234``; ``12.5`` as ``12.50``; money always with 2 decimals; None (or NaN) blank."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if money:
        return f"{Decimal(str(value)):,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Decimal):
        whole = value == value.to_integral_value()
    else:
        whole = float(value).is_integer()
    return f"{int(value):,}" if whole else f"{value:,.2f}"


def fmt_level(value: float) -> str:
    """Months of stock: ``3``, ``0.5``, ``1.25``."""
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def fmt_date(value: date) -> str:
    return value.isoformat()


def fmt_datetime(value: datetime) -> str:
    text = value.strftime("%Y-%m-%d %H:%M")
    return f"{text} {value.tzname()}" if value.tzinfo is not None else text


def wrap(text: str | None, width: float, *, size: float = BODY_SIZE, font: str = FONT,
         max_lines: int | None = None) -> tuple[str, bool]:
    """``text`` broken into lines that fit ``width`` points; (lines joined, was it cut)."""
    if not text:
        return "", False
    text = str(text)
    if "\n" not in text and stringWidth(text, font, size) <= width:
        return text, False
    lines: list[str] = []
    for part in text.splitlines() or [""]:
        pieces = simpleSplit(part, font, size, width) or [""]
        for piece in pieces:
            # one word wider than the column (a long code): cut it by characters
            while stringWidth(piece, font, size) > width and len(piece) > 1:
                cut = len(piece) - 1
                while cut > 1 and stringWidth(piece[:cut], font, size) > width:
                    cut -= 1
                lines.append(piece[:cut])
                piece = piece[cut:]
            lines.append(piece)
    if max_lines is not None and len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        return "\n".join([*lines[:max_lines - 1], last + "…"]), True
    return "\n".join(lines), False


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


STYLES = {
    "title": ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=18, textColor=INK),
    "emergency": ParagraphStyle("emergency", fontName=BOLD, fontSize=13, leading=18,
                                textColor=RED),
    "status": ParagraphStyle("status", fontName=BOLD, fontSize=10, leading=18, textColor=INK,
                             alignment=TA_RIGHT),
    "key": ParagraphStyle("key", fontName=BOLD, fontSize=7.5, leading=9.5, textColor=INK),
    "value": ParagraphStyle("value", fontName=FONT, fontSize=7.5, leading=9.5, textColor=INK),
    "small": ParagraphStyle("small", fontName=FONT, fontSize=7, leading=9, textColor=INK),
    "section": ParagraphStyle("section", fontName=BOLD, fontSize=8.5, leading=11,
                              textColor=INK, spaceBefore=4, spaceAfter=2),
    "notice": ParagraphStyle("notice", fontName=BOLD, fontSize=8.5, leading=11,
                             textColor=RED),
}


# ---------------------------------------------------------------- page decoration


def _numbered_canvas(decorate: Callable[[Any, int, int], None]) -> type:
    """A canvas that holds its pages until the end so each can say "Page x of y"."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                decorate(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _footer(left: str, page_size: tuple[float, float], margin: float
            ) -> Callable[[Any, int, int], None]:
    width, _ = page_size

    def decorate(c: Any, page: int, total: int) -> None:
        c.saveState()
        c.setStrokeColor(GRID)
        c.setLineWidth(0.5)
        c.line(margin, margin - 4, width - margin, margin - 4)
        c.setFont(FONT, 7)
        c.setFillColor(INK)
        c.drawString(margin, margin - 13, left)
        c.setFont(BOLD, 7)
        c.drawRightString(width - margin, margin - 13, f"Page {page} of {total}")
        c.restoreState()

    return decorate


def build_pdf(path: Path, story: list[Flowable], page_size: tuple[float, float], margin: float,
           footer_text: str, title: str, subject: str) -> None:
    frame = SimpleDocTemplate(str(path), pagesize=page_size, leftMargin=margin,
                            rightMargin=margin, topMargin=margin, bottomMargin=margin + 10,
                            title=title, subject=subject, author="StockDesk", creator="StockDesk")
    # Page streams compressed but not ASCII85-armoured: a third smaller, and reportlab's pure
    # Python ASCII85 encoder was a fifth of the time of a 500-line R&R.  rl_config is global,
    # so the previous value is put back (no images here, whose filters read it twice).
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        frame.build(story, canvasmaker=_numbered_canvas(_footer(footer_text, page_size, margin)))
    finally:
        rl_config.useA85 = previous


# ---------------------------------------------------------------- R&R


def write_rnr_pdf(doc: Document, path: Path) -> None:
    """``doc`` printed to ``path`` (A4 landscape)."""
    h = doc.header
    page = landscape(A4)
    margin = 1.0 * cm
    width = page[0] - 2 * margin
    story: list[Flowable] = [_title_row(h, width), Spacer(0, 4), _header_block(h, width)]
    if h.rejection:
        story += [Spacer(0, 5), _notice(f"Rejected and returned to draft. Reason: {h.rejection}",
                                        width)]
    story.append(Spacer(0, 8))
    notes: list[tuple[str, str, str]] = []
    story += _line_tables(doc, width, notes)
    story.append(Spacer(0, 4))
    story.append(para(_summary(doc), STYLES["small"]))
    if notes:
        story.append(para("Full text of long explanations and remarks", STYLES["section"]))
        for code, letter, text in notes:
            story.append(para(f"{code}, {letter} ({LETTERS[letter]}): {text}", STYLES["small"]))
    story += [Spacer(0, 10), _signatures(h, width)]
    period = f"period {h.period} ({fmt_date(h.period_start)} to {fmt_date(h.period_end)})"
    footer = (f"{h.facility_code} {h.facility_name} · {h.program_name} ({h.program}) · {period}"
              f" · Status: {h.status.label}" + (" · EMERGENCY" if h.emergency else ""))
    build_pdf(path, story, page, margin, footer,
           title=f"Report and Requisition {h.facility_code} {h.program} {h.period}",
           subject="Report and Requisition")


def title_bar(cells: Sequence[Flowable], shares: Sequence[float], width: float) -> Table:
    """The rule-underlined title line every document opens with (``shares`` of the width)."""
    table = Table([list(cells)], colWidths=[width * f for f in shares])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("LINEBELOW", (0, 0), (-1, 0), 1.2, INK)]))
    return table


def _title_row(h: Header, width: float) -> Table:
    title = "Report and Requisition" + (" (quarterly)" if h.months == 3 else "")
    return title_bar([para(title, STYLES["title"]),
                      para("EMERGENCY" if h.emergency else "", STYLES["emergency"]),
                      para(f"Status: {h.status.label}", STYLES["status"])],
                     (0.45, 0.25, 0.30), width)


def _header_block(h: Header, width: float) -> Flowable:
    k, v = STYLES["key"], STYLES["value"]
    unit = "month" if h.months == 1 else "months"
    period = (f"{h.period}: {fmt_date(h.period_start)} to {fmt_date(h.period_end)} "
              f"({h.months} {unit})")
    levels = (f"maximum {fmt_level(h.max_mos)}, minimum {fmt_level(h.min_mos)}, "
              f"emergency order point {fmt_level(h.eop_mos)}, lead time "
              f"{fmt_level(h.lead_time_months)} (months of stock)")
    rows = [
        [para("Facility", k), para(f"{h.facility_code} — {h.facility_name}", v),
         para("Facility type", k), para(h.facility_type, v)],
        [para("District", k), para(h.district or "", v),
         para("Region", k), para(h.region or "", v)],
        [para("Program", k), para(f"{h.program_name} ({h.program})", v),
         para("Period", k), para(period, v)],
        [para("Stock levels", k), para(levels, v),
         para("Supplied by", k), para(h.supplier or "", v)],
        [para("Calculation profile", k), para(f"{h.profile}: {h.profile_description}", v)],
        [para("Status", k), para(h.status.label + (" — EMERGENCY" if h.emergency else ""), v),
         para("Generated", k), para(f"{fmt_datetime(h.generated_at)} by StockDesk {h.app_version}",
                                 v)],
    ]
    key_w = 2.6 * cm
    val_w = (width - 2 * key_w) / 2
    # the profile's description gets the whole width: its own table, stacked without a gap
    # (a SPAN would keep the height of the text wrapped in one column)
    parts = [Table(rows[:4], colWidths=[key_w, val_w, key_w, val_w]),
             Table(rows[4:5], colWidths=[key_w, width - key_w]),
             Table(rows[5:], colWidths=[key_w, val_w, key_w, val_w])]
    for part in parts:
        part.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
            ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#d0d0d0")),
            ("BACKGROUND", (0, 0), (0, -1), ZEBRA),
            *([("BACKGROUND", (2, 0), (2, -1), ZEBRA)] if len(part._colWidths) == 4 else []),
        ]))
    return KeepTogether(parts)


def _notice(text: str, width: float) -> Table:
    table = Table([[para(text, STYLES["notice"])]], colWidths=[width])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, RED),
                               ("LEFTPADDING", (0, 0), (-1, -1), 5)]))
    return table


def col_widths(spec: Sequence[tuple[str, float]], width: float) -> list[float]:
    total = sum(w for _, w in spec)
    return [width * w / total for _, w in spec]


def cell_style(name: str, *, font: str = FONT, size: float = BODY_SIZE,
                leading: float = BODY_LEADING, align: str = "LEFT", valign: str = "TOP"
                ) -> CellStyle:
    style = CellStyle(name)
    style.fontname, style.fontsize, style.leading = font, size, leading
    style.alignment, style.valign = align, valign
    style.leftPadding = style.rightPadding = PAD
    style.topPadding, style.bottomPadding = 1.2, 1.8
    return style


def _rnr_heading(widths: Sequence[float]) -> tuple[list[list[str]], list[list[CellStyle]]]:
    """The letters row and the words row, and their cell styles: a word is never broken, its
    cell's type gets smaller until the longest word fits."""
    letters: list[str] = []
    words: list[str] = []
    letter_style = cell_style("letters", font=BOLD, size=8, leading=9, align="CENTER",
                               valign="MIDDLE")
    styles: list[list[CellStyle]] = [[], []]
    for (key, _), w in zip(RNR_COLUMNS, widths, strict=True):
        text = FIRST_WORDS.get(key) or LETTERS[key]
        font = BOLD if key in FIRST_WORDS else FONT
        room = w - 2 * PAD
        longest = max(stringWidth(word, font, HEAD_SIZE) for word in text.split())
        size = HEAD_SIZE if longest <= room else max(4.0, HEAD_SIZE * room / longest - 0.05)
        letters.append("" if key in FIRST_WORDS else key)
        words.append(wrap(text, room, size=size, font=font)[0])
        styles[0].append(letter_style)
        styles[1].append(cell_style(f"words {key}", font=font, size=size, leading=size + 1,
                                     align="CENTER", valign="MIDDLE"))
    return [letters, words], styles


def _line_row(ln: Line, widths: Sequence[float], notes: list[tuple[str, str, str]],
              overflow: list[tuple[int, float]]) -> list[str]:
    """One line's cells; ``overflow`` collects (column, font size) of numbers too wide."""
    row: list[str] = []
    for col, ((key, _), w) in enumerate(zip(RNR_COLUMNS, widths, strict=True)):
        room = w - 2 * PAD
        if key == "code":
            row.append(wrap(ln.product_code, room, max_lines=3)[0])
        elif key == "product":
            row.append(wrap(ln.product_name, room)[0])
        elif key == "unit":
            row.append(wrap(ln.unit, room, max_lines=3)[0])
        elif key in ("W", "L"):
            text = ln.value(key)
            cell, cut = wrap(text, room, max_lines=MAX_TEXT_LINES)
            if cut:
                notes.append((ln.product_code, key, str(text)))
            row.append(cell)
        else:
            cell = fmt_number(ln.value(key), money=key in MONEY)
            # digits are 0.556 em wide, separators narrower: most cells need no measuring
            if len(cell) * 0.556 * BODY_SIZE > room and stringWidth(cell, FONT, BODY_SIZE) > room:
                overflow.append((col, max(4.0, BODY_SIZE * room / stringWidth(cell, FONT,
                                                                               BODY_SIZE))))
            row.append(cell)
    return row


def _line_tables(doc: Document, width: float, notes: list[tuple[str, str, str]]
                 ) -> list[Flowable]:
    """The lines as tables of at most CHUNK_ROWS rows each, heading rows repeated.

    Cell styles are built here and shared between cells (reportlab's TableStyle would set
    each of a dozen properties cell by cell: a quarter of the time of a 500-line R&R); the
    TableStyle only draws lines and backgrounds.
    """
    widths = col_widths(RNR_COLUMNS, width)
    heading, heading_styles = _rnr_heading(widths)
    text_style = cell_style("text")
    number_style = cell_style("number", align="RIGHT")
    total_text = cell_style("total text", font=BOLD)
    total_number = cell_style("total number", font=BOLD, align="RIGHT")
    kinds = [k in TEXT_KEYS for k, _ in RNR_COLUMNS]
    body_styles = [text_style if is_text else number_style for is_text in kinds]
    total_styles = [total_text if is_text else total_number for is_text in kinds]

    body: list[list[str]] = []
    styles: list[list[CellStyle]] = []
    for ln in doc.lines:
        overflow: list[tuple[int, float]] = []
        body.append(_line_row(ln, widths, notes, overflow))
        row_styles = body_styles
        if overflow:  # a number too wide for its column: smaller type in that cell only
            row_styles = list(body_styles)
            for col, size in overflow:
                row_styles[col] = cell_style("small", size=size, align="RIGHT")
        styles.append(row_styles)
    n = len(doc.lines)
    total = [""] * len(RNR_COLUMNS)
    total[1] = f"Total ({n} line{'s' if n != 1 else ''})"
    q_col = [k for k, _ in RNR_COLUMNS].index("Q")
    total[q_col] = fmt_number(doc.total_cost(), money=True)
    room = widths[q_col] - 2 * PAD
    if stringWidth(total[q_col], BOLD, BODY_SIZE) > room:
        total_styles = list(total_styles)
        total_styles[q_col] = cell_style(
            "small total", font=BOLD, align="RIGHT",
            size=BODY_SIZE * room / stringWidth(total[q_col], BOLD, BODY_SIZE))
    body.append(total)
    styles.append(total_styles)

    tables: list[Flowable] = []
    for start in range(0, len(body), CHUNK_ROWS):
        chunk = body[start:start + CHUNK_ROWS]
        last = start + CHUNK_ROWS >= len(body)
        table = Table(heading + chunk, colWidths=widths, repeatRows=2,
                      cellStyles=heading_styles + styles[start:start + CHUNK_ROWS])
        table.setStyle(TableStyle(_rnr_table_style(len(chunk), with_total=last)))
        tables.append(table)
    return tables


def _rnr_table_style(rows: int, *, with_total: bool) -> list[tuple[Any, ...]]:
    """Lines and backgrounds only (fonts, alignment and padding are in the cell styles)."""
    last_body = rows + 1 - (1 if with_total else 0)  # table row of the last product line
    numeric_from = 3
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 1), HEAD_BG),
        # a grid without SPAN (spans make reportlab re-scan every cell at each page break):
        # code, product and unit have one heading cell over both heading rows
        ("INNERGRID", (0, 1), (-1, -1), 0.25, GRID),
        ("LINEAFTER", (0, 0), (-1, 0), 0.25, GRID),
        ("LINEBELOW", (numeric_from, 0), (-1, 0), 0.25, GRID),
        ("LINEBELOW", (0, 1), (numeric_from - 1, 1), 0.25, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, 1), 0.8, INK),
    ]
    if last_body >= 2:
        style.append(("ROWBACKGROUNDS", (0, 2), (-1, last_body), [colors.white, ZEBRA]))
    if with_total:
        style += [("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)]
    return style


def _summary(doc: Document) -> str:
    lines = doc.lines
    n = len(lines)
    stockouts = sum(1 for ln in lines if ln.X > 0)
    requested = sum(1 for ln in lines if ln.J is not None)
    differs = sum(1 for ln in lines if ln.J is not None and ln.I is not None and ln.J != ln.I)
    approved = sum(1 for ln in lines if ln.K is not None)
    return (f"{n} product line{'s' if n != 1 else ''}; {stockouts} with stockout days (X > 0); "
            f"{requested} with a requested quantity (J), {differs} of them different from the "
            f"calculated order quantity (I); {approved} approved (K). "
            + (f"Total cost (Q): {fmt_number(cost, money=True)}." if (cost := doc.total_cost())
               is not None else "No price per pack is known: no total cost."))


def _signatures(h: Header, width: float) -> Flowable:
    signed = {s.step: s for s in h.signatures}  # the last of a step wins (after a rejection)
    k, v = STYLES["key"], STYLES["value"]
    blank = "_" * 28
    cells: list[list[Any]] = [[], [], [], []]
    for step, label in STEP_LABELS:
        sig = signed.get(step)
        name = (sig.full_name or sig.user) if sig else blank
        if sig and sig.full_name and sig.user != sig.full_name:
            name = f"{sig.full_name} ({sig.user})"
        cells[0].append(para(label, k))
        cells[1].append(para(f"Name: {name}", v))
        cells[2].append(para(f"Date: {fmt_datetime(sig.at) if sig else '_' * 16}", v))
        cells[3].append(para(f"Signature: {'_' * 22}", v))
    table = Table(cells, colWidths=[width / 4] * 4)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID), ("LINEBEFORE", (1, 0), (-1, -1), 0.25, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ("TOPPADDING", (0, 3), (-1, 3), 12),
    ]))
    return KeepTogether([para("Signatures", STYLES["section"]), table])


# ---------------------------------------------------------------- count sheet


@dataclass(frozen=True)
class CountRow:
    """One product and lot to count (``lot`` None or empty: stock without lot numbers)."""

    product_code: str
    product_name: str
    unit: str
    lot: str | None
    expiry: date | None
    book_quantity: int | None


@dataclass(frozen=True)
class CountSheet:
    facility_code: str
    facility_name: str
    program: str | None
    count_date: date
    rows: Sequence[CountRow]


BLANK_ROWS = 6  # for lots found on the shelf that the book does not know


def write_count_sheet_pdf(sheet: CountSheet, path: Path, *, show_book: bool = False) -> None:
    """The stocktake sheet for ``sheet`` printed to ``path`` (A4 portrait).

    Counters count blind: the book quantity is only printed with ``show_book=True``.
    """
    page = A4
    margin = 1.4 * cm
    width = page[0] - 2 * margin
    spec: list[tuple[str, str, float]] = [
        ("no", "No.", 18), ("code", "Code", 70), ("product", "Product", 130), ("unit", "Unit", 34),
        ("lot", "Lot", 60), ("expiry", "Expiry", 50)]
    if show_book:
        spec.append(("book", "Book", 38))
    spec += [("counted", "Counted", 56), ("remarks", "Remarks", 90)]
    widths = col_widths([(k, w) for k, _, w in spec], width)
    keys = [k for k, _, _ in spec]
    heading = [label for _, label, _ in spec]
    body: list[list[str]] = []
    expired: list[int] = []
    for i, r in enumerate(sheet.rows):
        cells: list[str] = []
        for key, w in zip(keys, widths, strict=True):
            room = w - 2 * PAD - 1
            if key == "no":
                cells.append(str(i + 1))
            elif key == "code":
                cells.append(wrap(r.product_code, room, size=8, max_lines=4)[0])
            elif key == "product":
                cells.append(wrap(r.product_name, room, size=8)[0])
            elif key == "unit":
                cells.append(wrap(r.unit, room, size=8, max_lines=3)[0])
            elif key == "lot":
                cells.append(wrap(r.lot or "(no lot)", room, size=8, max_lines=3)[0])
            elif key == "expiry":
                cells.append(fmt_date(r.expiry) if r.expiry else "")
                if r.expiry is not None and r.expiry < sheet.count_date:
                    expired.append(i + 1)
            elif key == "book":
                cells.append(fmt_number(r.book_quantity))
            elif key == "remarks" and expired and expired[-1] == i + 1:
                cells.append("Expired")  # printed: the counter keeps it apart
            else:
                cells.append("")
        body.append(cells)
    first_blank = len(body) + 1
    body += [[""] * len(spec) for _ in range(BLANK_ROWS)]

    story: list[Flowable] = [_count_title(sheet, width, show_book), Spacer(0, 8)]
    counted = keys.index("counted")
    for start in range(0, len(body), CHUNK_ROWS):
        chunk = body[start:start + CHUNK_ROWS]
        style: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("LEADING", (0, 0), (-1, -1), 9.5), ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD + 1), ("RIGHTPADDING", (0, 0), (-1, -1), PAD + 1),
            ("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, 0), BOLD), ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("ALIGN", (0, 1), (0, -1), "RIGHT"),
            ("GRID", (0, 0), (-1, -1), 0.3, GRID),
            ("BOX", (0, 0), (-1, -1), 0.8, INK), ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            # the box to write in: white, framed
            ("BOX", (counted, 0), (counted, -1), 1.0, INK),
        ]
        if "book" in keys:
            style.append(("ALIGN", (keys.index("book"), 1), (keys.index("book"), -1), "RIGHT"))
        for t in range(1, len(chunk) + 1):  # table row t is sheet line start + t
            if t % 2 == 0 and start + t < first_blank:
                style.append(("BACKGROUND", (0, t), (counted - 1, t), ZEBRA))
                style.append(("BACKGROUND", (counted + 1, t), (-1, t), ZEBRA))
            if start + t in expired:
                for col in (keys.index("expiry"), keys.index("remarks")):
                    style += [("TEXTCOLOR", (col, t), (col, t), RED),
                              ("FONTNAME", (col, t), (col, t), BOLD)]
        table = Table([heading, *chunk], colWidths=widths, repeatRows=1,
                      # rows tall enough to write a number by hand
                      rowHeights=[None] + [max(20.0, _text_height(c)) for c in chunk])
        table.setStyle(TableStyle(style))
        story.append(table)
    story.append(Spacer(0, 4))
    story.append(para(f"{len(sheet.rows)} lot line{'s' if len(sheet.rows) != 1 else ''} listed; "
                    f"rows {first_blank} to {first_blank + BLANK_ROWS - 1} are for stock found "
                    "that is not listed (write product, lot and expiry).", STYLES["small"]))
    story += [Spacer(0, 14), _count_signatures(width)]
    program = sheet.program or "all programs"
    footer = (f"{sheet.facility_code} {sheet.facility_name} · {program} · "
              f"physical count of {fmt_date(sheet.count_date)}")
    build_pdf(path, story, page, margin, footer,
           title=f"Physical count {sheet.facility_code} {fmt_date(sheet.count_date)}",
           subject="Physical count sheet")


def _text_height(cells: Sequence[str]) -> float:
    lines = max((c.count("\n") + 1 for c in cells), default=1)
    return lines * 9.5 + 9


def _count_title(sheet: CountSheet, width: float, show_book: bool) -> Flowable:
    k, v = STYLES["key"], STYLES["value"]
    how = ("Count every lot separately, in dispensing units; write 0 when a listed lot is not "
           "found. Do not correct a figure by overwriting it: strike it through and write the "
           "new one beside it.")
    if not show_book:
        how += " Book quantities are not shown: count blind."
    rows = [[para("Facility", k), para(f"{sheet.facility_code} — {sheet.facility_name}", v),
             para("Count date", k), para(fmt_date(sheet.count_date), v)],
            [para("Program", k), para(sheet.program or "All programs", v), "", ""],
            [para("How to count", k), para(how, v), "", ""]]
    key_w = 2.4 * cm
    table = Table(rows, colWidths=[key_w, width - 2 * key_w - 3 * cm, key_w, 3 * cm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 2), (3, 2)),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#d0d0d0")),
        ("BACKGROUND", (0, 0), (0, -1), ZEBRA), ("BACKGROUND", (2, 0), (2, 0), ZEBRA),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    title = title_bar([para("Physical count sheet", STYLES["title"])], (1.0,), width)
    return KeepTogether([title, Spacer(0, 4), table])


def _count_signatures(width: float) -> Flowable:
    k, v = STYLES["key"], STYLES["value"]
    cells: list[list[Any]] = [[], [], []]
    for label in ("Counted by", "Checked by"):
        cells[0].append(para(label, k))
        cells[1].append(para(f"Name: {'_' * 34}", v))
        cells[2].append(para(f"Signature: {'_' * 22}   Date: {'_' * 12}", v))
    table = Table(cells, colWidths=[width / 2] * 2)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID), ("LINEBEFORE", (1, 0), (-1, -1), 0.25, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("TOPPADDING", (0, 1), (-1, -1), 10), ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]))
    return KeepTogether([table])


__all__ = ["CountRow", "CountSheet", "fmt_number", "write_count_sheet_pdf", "write_rnr_pdf"]
