"""The district order as files: workbook, printable PDF and the OpenLMIS-style order CSV.

All three are written from a :class:`~stockdesk.requisition.consolidation.Consolidation`:

* :func:`write_consolidation_xlsx`: sheets ``order`` (one row per product with its total,
  then a total row), ``by facility`` (facility × product: K, V, T, Q and the order number),
  ``not reported`` (facilities not reported and requisitions not yet approved) and ``meta``
  (``key, value``).  Header in row 1 of every sheet, numbers as numbers, text a spreadsheet
  would run written as quoted text (as in :mod:`stockdesk.exchange.rnr_xlsx`); printed on A4
  landscape, one page wide, headings repeated, "Page x of y".
* :func:`write_consolidation_pdf`: "District order", A4 landscape: header block, what is
  missing (not reported, not yet approved) before anything else, the per-product table with
  totals, signatures of the district logistician and the warehouse, then the order lines by
  facility the warehouse picks from.  "Page x of y" and district/period on every page.
* :func:`write_orders_csv`: header :data:`ORDER_COLUMNS`, one row per facility order line,
  UTF-8, comma separated; text that a spreadsheet would run is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from stockdesk.exchange.cells import csv_text, mark_text_cell
from stockdesk.exchange.rnr_pdf import (
    BOLD,
    FONT,
    GRID,
    HEAD_BG,
    INK,
    RED,
    STYLES,
    TOTAL_BG,
    ZEBRA,
    build_pdf,
    col_widths,
    fmt_datetime,
    fmt_number,
    para,
    title_bar,
    wrap,
)
from stockdesk.exchange.rnr_xlsx import print_landscape_a4
from stockdesk.requisition.consolidation import ORDER_COLUMNS, Consolidation, OrderLine

FORMAT = "stockdesk-district-order"
FORMAT_VERSION = "1"
ORDER_SHEET = "order"
FACILITY_SHEET = "by facility"
MISSING_SHEET = "not reported"
META_SHEET = "meta"

ORDER_HEADER = ("program", "product_code", "product_name", "unit", "pack_size", "facilities",
                "approved_quantity", "packs", "price_per_pack", "cost")
FACILITY_HEADER = ("order_number", "facility_code", "facility_name", "program", "emergency",
                   "product_code", "product_name", "unit", "pack_size", "K", "V", "T", "Q")
MISSING_HEADER = ("facility_code", "facility_name", "program", "situation", "status")


def program_text(c: Consolidation) -> str:
    if c.program is None:
        return "All programs"
    return f"{c.program_name} ({c.program})" if c.program_name else c.program


def orders_sha256(c: Consolidation) -> str:
    """SHA-256 of the order rows (as the CSV carries them), to recognise the same order."""
    payload = json.dumps([list(r.values()) for r in c.orders], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def meta_rows(c: Consolidation) -> list[tuple[str, str]]:
    return [("format", FORMAT), ("format_version", FORMAT_VERSION), ("district", c.district),
            ("period", c.period), ("program", c.program or "all"),
            ("order_date", c.order_date.isoformat()),
            ("generated_at", c.generated_at.isoformat(timespec="seconds")),
            ("app_version", c.app_version), ("warehouse", c.warehouse or ""),
            ("facilities_expected", str(len(c.facilities))),
            ("facilities_ordering", str(len(c.ordering_facilities))),
            ("not_reported", str(len(c.not_reported))),
            ("not_approved", str(len(c.not_approved))),
            ("products", str(len(c.products))), ("order_lines", str(len(c.lines))),
            ("total_packs", str(c.total_packs)), ("total_cost", f"{c.total_cost:.2f}"),
            ("unpriced_products", ", ".join(c.unpriced)),
            ("sha256", orders_sha256(c))]


# ---------------------------------------------------------------- CSV


def write_orders_csv(c: Consolidation, path: Path) -> None:
    """The OpenLMIS-style order file: one row per facility order line."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(ORDER_COLUMNS)
        for row in c.orders:
            writer.writerow([csv_text(v) for v in row.values()])


# ---------------------------------------------------------------- XLSX

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDE4EC")
_TOTAL_FILL = PatternFill("solid", fgColor="E6E6E6")
_FMT_INT = "#,##0"
_FMT_MONEY = "#,##0.00"


def _put(ws: Worksheet, row: int, col: int, value: Any, number_format: str | None = None,
         *, bold: bool = False, fill: PatternFill | None = None) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, Decimal):
        value = float(value)
    cell.value = value
    mark_text_cell(cell)
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = _HEAD_FONT
    if fill is not None:
        cell.fill = fill
    cell.border = _BOX


def _table(ws: Worksheet, header: Sequence[str], rows: Sequence[Sequence[Any]],
           formats: dict[str, str], widths: dict[str, float], title: str, c: Consolidation
           ) -> None:
    for j, name in enumerate(header, 1):
        _put(ws, 1, j, name, bold=True, fill=_HEAD_FILL)
        ws.cell(row=1, column=j).alignment = Alignment(horizontal="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(j)].width = widths.get(name, 12)
    for i, row in enumerate(rows, 2):
        for j, (name, value) in enumerate(zip(header, row, strict=True), 1):
            _put(ws, i, j, value, formats.get(name))
    ws.freeze_panes = "A2"
    print_landscape_a4(ws, "1:1", top=0.7, bottom=0.7,
                       header=(f"{title}: {c.district}, {c.period}, {program_text(c)}",
                               f"order date {c.order_date.isoformat()}"),
                       footer=f"StockDesk {c.app_version}")


def write_consolidation_xlsx(c: Consolidation, path: Path) -> None:
    """The district order as a workbook (sheets order, by facility, not reported, meta)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = ORDER_SHEET
    rows: list[list[Any]] = [
        [p.program, p.product_code, p.product_name, p.unit, p.pack_size, p.facilities,
         p.approved, p.packs, p.price_per_pack, p.cost] for p in c.products]
    _table(ws, ORDER_HEADER, rows,
           {"pack_size": _FMT_INT, "facilities": _FMT_INT, "approved_quantity": _FMT_INT,
            "packs": _FMT_INT, "price_per_pack": _FMT_MONEY, "cost": _FMT_MONEY},
           {"program": 12, "product_code": 14, "product_name": 42, "unit": 10,
            "approved_quantity": 12, "price_per_pack": 12, "cost": 14},
           "District order", c)
    total = len(rows) + 2
    _put(ws, total, 1, "Total", bold=True, fill=_TOTAL_FILL)
    for j in range(2, len(ORDER_HEADER) + 1):
        _put(ws, total, j, None, fill=_TOTAL_FILL)
    _put(ws, total, ORDER_HEADER.index("packs") + 1, c.total_packs, _FMT_INT, bold=True,
         fill=_TOTAL_FILL)
    _put(ws, total, ORDER_HEADER.index("cost") + 1, c.total_cost, _FMT_MONEY, bold=True,
         fill=_TOTAL_FILL)

    ws = wb.create_sheet(FACILITY_SHEET)
    _table(ws, FACILITY_HEADER, [
        [o.order_number, o.facility_code, o.facility_name, o.program,
         "yes" if o.emergency else "no", o.product_code, o.product_name, o.unit, o.pack_size,
         o.approved, o.packs, o.price_per_pack, o.cost] for o in c.lines],
        {"pack_size": _FMT_INT, "K": _FMT_INT, "V": _FMT_INT, "T": _FMT_MONEY,
         "Q": _FMT_MONEY},
        {"order_number": 34, "facility_code": 12, "facility_name": 26, "emergency": 10,
         "product_code": 14, "product_name": 36, "unit": 10, "K": 10, "V": 8, "T": 10,
         "Q": 12}, "Order lines by facility", c)

    ws = wb.create_sheet(MISSING_SHEET)
    missing: list[list[Any]] = [
        [m.facility_code, m.facility_name, m.program or "", "not reported", m.situation]
        for m in c.not_reported]
    missing += [[p.facility_code, p.facility_name, p.program,
                 "not yet approved" + (" (emergency)" if p.emergency else ""), p.status]
                for p in c.not_approved]
    _table(ws, MISSING_HEADER, missing, {},
           {"facility_code": 12, "facility_name": 30, "program": 14, "situation": 28,
            "status": 22}, "Facilities not reported or not yet approved", c)

    ws = wb.create_sheet(META_SHEET)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 70
    ws.append(["key", "value"])
    for i, (key, value) in enumerate(meta_rows(c), 2):
        for j, v in enumerate((key, value), 1):
            cell = ws.cell(row=i, column=j)
            cell.value = v
            mark_text_cell(cell)
    wb.save(path)


# ---------------------------------------------------------------- PDF

# (key, heading, relative width, numeric)
_PRODUCT_COLUMNS: tuple[tuple[str, str, float, bool], ...] = (
    ("no", "No.", 16, True), ("code", "Product code", 52, False),
    ("product", "Product", 190, False), ("unit", "Unit", 44, False),
    ("pack", "Pack size", 36, True), ("facilities", "Facilities", 40, True),
    ("approved", "Approved quantity (units)", 62, True),
    ("packs", "Packs to ship", 48, True), ("price", "Price per pack", 50, True),
    ("cost", "Cost", 62, True),
)
_LINE_COLUMNS: tuple[tuple[str, str, float, bool], ...] = (
    ("no", "No.", 16, True), ("code", "Product code", 56, False),
    ("product", "Product", 190, False), ("unit", "Unit", 44, False),
    ("pack", "Pack size", 36, True), ("approved", "Approved quantity (K)", 56, True),
    ("packs", "Packs (V)", 40, True), ("price", "Price per pack (T)", 48, True),
    ("cost", "Cost (Q)", 60, True),
)
BODY = 7.5


def write_consolidation_pdf(c: Consolidation, path: Path) -> None:
    """The district order printed to ``path`` (A4 landscape)."""
    page = landscape(A4)
    margin = 1.0 * cm
    width = page[0] - 2 * margin
    story: list[Flowable] = [_title(c, width), Spacer(0, 4), _header(c, width), Spacer(0, 8)]
    story += _missing(c, width)
    story += [Spacer(0, 8), para("Order by product", STYLES["section"]),
              _products_table(c, width), Spacer(0, 3), para(_summary(c), STYLES["small"])]
    story += [Spacer(0, 12), _signatures(width)]
    if c.lines:
        story += [PageBreak(), para("Order lines by facility: what the warehouse picks and "
                                  "ships to each facility, one order per requisition",
                                  STYLES["section"]), Spacer(0, 2)]
        story += _order_tables(c, width)
    footer = (f"District order · {c.district} · period {c.period} · {program_text(c)} · "
              f"order date {c.order_date.isoformat()}")
    build_pdf(path, story, page, margin, footer,
           title=f"District order {c.district} {c.period} {c.program or 'all programs'}",
           subject="District order")


def _title(c: Consolidation, width: float) -> Table:
    return title_bar([para("District order", STYLES["title"]),
                      para(f"{c.district} · {c.period}", STYLES["status"])], (0.6, 0.4), width)


def _header(c: Consolidation, width: float) -> Flowable:
    k, v = STYLES["key"], STYLES["value"]
    n = len(c.facilities)
    reported = n - len({m.facility_code for m in c.not_reported})
    period = (f"{c.period}: {c.period_start.isoformat()} to {c.period_end.isoformat()}")
    rows = [
        [para("District", k), para(c.district, v), para("Period", k), para(period, v)],
        [para("Program", k), para(program_text(c), v), para("Order date", k),
         para(c.order_date.isoformat(), v)],
        [para("Supplying warehouse", k), para(c.warehouse or "not recorded", v),
         para("Generated", k), para(f"{fmt_datetime(c.generated_at)} by StockDesk "
                                f"{c.app_version}", v)],
        [para("Facilities", k),
         para(f"{n} expected to report; {reported} reported; "
            f"{len(c.ordering_facilities)} with approved quantities in this order", v),
         para("Requisitions", k),
         para(f"{len(c.order_numbers)} approved or issued in this order; "
            f"{len(c.not_approved)} awaiting approval", v)],
    ]
    key_w = 3.0 * cm
    val_w = (width - 2 * key_w) / 2
    table = Table(rows, colWidths=[key_w, val_w, key_w, val_w])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#d0d0d0")),
        ("BACKGROUND", (0, 0), (0, -1), ZEBRA), ("BACKGROUND", (2, 0), (2, -1), ZEBRA),
    ]))
    return table


def _missing(c: Consolidation, width: float) -> list[Flowable]:
    """Who is not in this order, stated before the figures (or that everyone is)."""
    out: list[Flowable] = []
    if not c.not_reported and not c.not_approved:
        out.append(para(f"All {len(c.facilities)} facilities have reported and every "
                      "requisition received is approved.", STYLES["value"]))
        return out
    k, v = STYLES["key"], STYLES["value"]
    rows: list[list[Any]] = [[para("Facility", k), para("Program", k), para("Situation", k)]]
    red = ParagraphStyle("red", parent=v, textColor=RED)
    for m in c.not_reported:
        rows.append([para(f"{m.facility_code} — {m.facility_name}", red),
                     para(m.program or "all programs", red),
                     para(f"Not reported ({m.situation}): nothing ordered for it", red)])
    for pnd in c.not_approved:
        what = "emergency requisition" if pnd.emergency else "requisition"
        rows.append([para(f"{pnd.facility_code} — {pnd.facility_name}", v), para(pnd.program, v),
                     para(f"Not yet approved: {what} {pnd.status}; not in this order until "
                        "approved", v)])
    title = (f"Not in this order: {len(c.not_reported)} not reported, "
             f"{len(c.not_approved)} not yet approved")
    table = Table(rows, colWidths=[width * 0.35, width * 0.15, width * 0.5], repeatRows=1)
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("BOX", (0, 0), (-1, -1), 1.0, RED), ("INNERGRID", (0, 0), (-1, -1), 0.25, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    table.setStyle(TableStyle(style))
    out += [KeepTogether([para(title, STYLES["notice"]), Spacer(0, 2), table])]
    return out


def _heading_cells(spec: Sequence[tuple[str, str, float, bool]], widths: Sequence[float]
                   ) -> list[str]:
    return [wrap(h, w - 4, size=BODY - 0.5, font=BOLD)[0]
            for (_, h, _, _), w in zip(spec, widths, strict=True)]


def _grid_style(spec: Sequence[tuple[str, str, float, bool]], body_rows: int, *,
                with_total: bool, first: int = 0) -> list[tuple[Any, ...]]:
    """Fonts, lines and backgrounds of a table whose heading row is row ``first``."""
    h, b = first, first + 1
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), BODY),
        ("LEADING", (0, 0), (-1, -1), BODY + 1.5), ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("FONTNAME", (0, h), (-1, h), BOLD), ("FONTSIZE", (0, h), (-1, h), BODY - 0.5),
        ("BACKGROUND", (0, h), (-1, h), HEAD_BG), ("VALIGN", (0, h), (-1, h), "MIDDLE"),
        ("ALIGN", (0, h), (-1, h), "CENTER"), ("VALIGN", (0, b), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("INNERGRID", (0, h), (-1, -1), 0.25, GRID), ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LINEBELOW", (0, h), (-1, h), 0.8, INK),
    ]
    for j, (_, _, _, numeric) in enumerate(spec):
        if numeric:
            style.append(("ALIGN", (j, b), (j, -1), "RIGHT"))
    last = first + body_rows - (1 if with_total else 0)
    if last >= b + 1:
        style.append(("ROWBACKGROUNDS", (0, b), (-1, last), [colors.white, ZEBRA]))
    if with_total:
        style += [("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
                  ("FONTNAME", (0, -1), (-1, -1), BOLD),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)]
    return style


def _money(x: Decimal | None) -> str:
    return "" if x is None else fmt_number(x, money=True)


def _products_table(c: Consolidation, width: float) -> Flowable:
    spec = _PRODUCT_COLUMNS
    widths = col_widths([(k, w) for k, _, w, _ in spec], width)
    room = {k: w - 5 for (k, _, _, _), w in zip(spec, widths, strict=True)}
    several = c.program is None and len({p.program for p in c.products}) > 1
    body: list[list[str]] = []
    for i, p in enumerate(c.products, 1):
        name = f"{p.product_name} [{p.program}]" if several else p.product_name
        body.append([str(i), wrap(p.product_code, room["code"], size=BODY, max_lines=3)[0],
                     wrap(name, room["product"], size=BODY)[0],
                     wrap(p.unit, room["unit"], size=BODY, max_lines=2)[0],
                     fmt_number(p.pack_size), fmt_number(p.facilities),
                     fmt_number(p.approved), fmt_number(p.packs), _money(p.price_per_pack),
                     _money(p.cost) if p.cost is not None else "no price"])
    if not body:
        body.append(["", "", "No approved quantities for this period.", "", "", "", "", "",
                     "", ""])
    n = len(c.products)
    total = ["", "", f"Total ({n} product{'s' if n != 1 else ''})", "", "", "", "",
             fmt_number(c.total_packs), "", _money(c.total_cost)]
    rows = [_heading_cells(spec, widths), *body, total]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(_grid_style(spec, len(rows) - 1, with_total=True)))
    return table


def _summary(c: Consolidation) -> str:
    text = ("Approved quantities are in dispensing units. Packs are counted per facility "
            "line: each facility receives whole packs (pack rounding threshold and "
            "round-to-zero per product), so a product's packs are the sum over its "
            "facilities, not its total quantity divided by the pack size. "
            "Cost = packs × price per pack.")
    if c.unpriced:
        text += (f" Products without a price ({', '.join(c.unpriced)}) are not in the total "
                 "cost.")
    if c.zero_lines:
        text += (f" {c.zero_lines} approved line{'s' if c.zero_lines != 1 else ''} with "
                 "nothing approved (K = 0) ship nothing and are not listed.")
    return text


def _signatures(width: float) -> Flowable:
    k, v = STYLES["key"], STYLES["value"]
    labels = ("Prepared and approved by the district logistician",
              "Received for picking by the warehouse",
              "Issued by the warehouse")
    cells: list[list[Any]] = [[], [], [], []]
    for label in labels:
        cells[0].append(para(label, k))
        cells[1].append(para(f"Name: {'_' * 34}", v))
        cells[2].append(para(f"Date: {'_' * 16}", v))
        cells[3].append(para(f"Signature: {'_' * 28}", v))
    table = Table(cells, colWidths=[width / 3] * 3)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID), ("LINEBEFORE", (1, 0), (-1, -1), 0.25, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("TOPPADDING", (0, 1), (-1, -1), 8), ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
        ("TOPPADDING", (0, 3), (-1, 3), 14),
    ]))
    return KeepTogether([para("Signatures", STYLES["section"]), table])


def _order_tables(c: Consolidation, width: float) -> list[Flowable]:
    """One table per order (a facility's requisition): its lines and totals, under a heading
    row naming the facility and the order that is repeated on every page the table runs to."""
    spec = _LINE_COLUMNS
    widths = col_widths([(k, w) for k, _, w, _ in spec], width)
    room = {k: w - 5 for (k, _, _, _), w in zip(spec, widths, strict=True)}
    by_order: dict[str, list[OrderLine]] = {}
    for ln in c.lines:
        by_order.setdefault(ln.order_number, []).append(ln)
    out: list[Flowable] = []
    for number, lines in by_order.items():
        first = lines[0]
        kind = "Emergency order" if first.emergency else "Order"
        title = (f"{first.facility_code} — {first.facility_name}    {kind} {number}"
                 + (f"    Program {first.program}" if c.program is None else ""))
        body = []
        for i, ln in enumerate(lines, 1):
            body.append([str(i), wrap(ln.product_code, room["code"], size=BODY, max_lines=3)[0],
                         wrap(ln.product_name, room["product"], size=BODY)[0],
                         wrap(ln.unit, room["unit"], size=BODY, max_lines=2)[0],
                         fmt_number(ln.pack_size), fmt_number(ln.approved),
                         fmt_number(ln.packs), _money(ln.price_per_pack),
                         _money(ln.cost) if ln.cost is not None else "no price"])
        costs = [ln.cost for ln in lines if ln.cost is not None]
        n = len(lines)
        total = ["", "", f"Total ({n} line{'s' if n != 1 else ''})", "", "", "",
                 fmt_number(sum(ln.packs for ln in lines)), "",
                 _money(sum(costs, Decimal("0.00"))) if costs else "no price"]
        rows = [[title] + [""] * (len(spec) - 1), _heading_cells(spec, widths), *body, total]
        table = Table(rows, colWidths=widths, repeatRows=2)
        style = _grid_style(spec, len(rows) - 2, with_total=True, first=1)
        style += [("SPAN", (0, 0), (-1, 0)), ("FONTNAME", (0, 0), (-1, 0), BOLD),
                  ("FONTSIZE", (0, 0), (-1, 0), 8.5), ("LEADING", (0, 0), (-1, 0), 11),
                  ("ALIGN", (0, 0), (-1, 0), "LEFT"), ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK)]
        table.setStyle(TableStyle(style))
        out += [table, Spacer(0, 8)]
    return out


__all__ = [
    "FACILITY_HEADER", "FACILITY_SHEET", "FORMAT", "FORMAT_VERSION", "META_SHEET",
    "MISSING_HEADER", "MISSING_SHEET", "ORDER_HEADER", "ORDER_SHEET", "meta_rows",
    "orders_sha256", "program_text", "write_consolidation_pdf", "write_consolidation_xlsx",
    "write_orders_csv",
]
