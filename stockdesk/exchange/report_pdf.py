"""The supervisor reports as printable PDF (reportlab): stock status, stockouts, expiry risk.

House style of :mod:`stockdesk.exchange.rnr_pdf`: A4 landscape, a title over a header block
(scope, district, as-of date, when it was generated, the report's parameters, how to read
it), tables whose heading row is repeated on every page, and on every page a footer with the
report, its scope, the as-of date, when it was generated and "Page x of y".

Status cells carry the status colour (:data:`~stockdesk.exchange.report_rows.STATUS_COLOURS`).
The stock status and stockout reports end with small consumption trend charts
(reportlab.graphics) of the products needing action most: monthly consumption bars over the
last 12 months, months with stockout days in orange, the AMC as a dashed line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from stockdesk.exchange.report_rows import (
    STATUS_COLOURS,
    STATUS_ORDER,
    ExpiryReport,
    ReportHeader,
    StockoutReport,
    StockStatusReport,
    TrendChart,
)
from stockdesk.exchange.rnr_pdf import (
    BOLD,
    CHUNK_ROWS,
    FONT,
    GRID,
    HEAD_BG,
    INK,
    PAD,
    STYLES,
    TOTAL_BG,
    ZEBRA,
    build_pdf,
    cell_style,
    fmt_datetime,
    fmt_number,
    para,
    title_bar,
    wrap,
)
from stockdesk.forecast.status import Status

SIZE = 7.5  # body type: fewer columns than the R&R, so larger
LEADING = 9.0
HEAD = 7.0
OUT_TINT = colors.HexColor("#f9d6d5")  # a month with stockout days
FULL_TINT = colors.HexColor("#ef9a9a")  # a whole month out
RISK_TINT = colors.HexColor("#fde2c8")  # quantity at risk of expiring
BAR = colors.HexColor("#5b7da8")
BAR_OUT = colors.HexColor("#f4511e")
AMC_LINE = colors.HexColor("#1a1a1a")
CHARTS_PER_ROW = 4
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")


def _hex(rgb: str) -> colors.Color:
    return colors.HexColor(f"#{rgb}")


def status_colours(status: Status) -> tuple[colors.Color, colors.Color]:
    fill, text = STATUS_COLOURS[status]
    return _hex(fill), _hex(text)


# ---------------------------------------------------------------- generic table


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # relative
    get: Callable[[Any], Any]
    numeric: bool = False
    max_lines: int | None = 3
    colour: Callable[[Any], tuple[colors.Color, colors.Color | None] | None] | None = None
    # (background, text colour or None) of a cell, from its row


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fmt_number(value)
    return str(value)


def _styles(columns: Sequence[Column]) -> tuple[list[CellStyle], list[CellStyle],
                                                list[CellStyle]]:
    head = [cell_style(f"h{c.title}", font=BOLD, size=HEAD, leading=HEAD + 1.2,
                        align="RIGHT" if c.numeric else "LEFT", valign="BOTTOM")
            for c in columns]
    body = [cell_style(f"b{c.numeric}", size=SIZE, leading=LEADING,
                        align="RIGHT" if c.numeric else "LEFT") for c in columns]
    total = [cell_style(f"t{c.numeric}", font=BOLD, size=SIZE, leading=LEADING,
                         align="RIGHT" if c.numeric else "LEFT") for c in columns]
    return head, body, total


def data_table(columns: Sequence[Column], rows: Sequence[Any], width: float, *,
               total: Sequence[Any] | None = None,
               head_colours: Sequence[tuple[colors.Color, colors.Color] | None] | None = None,
               ) -> list[Flowable]:
    """``rows`` as tables of at most CHUNK_ROWS rows, the heading repeated on every page;
    ``total``: a last row of cell values in bold on grey."""
    rel = sum(c.width for c in columns)
    widths = [width * c.width / rel for c in columns]
    head_styles, body_styles, total_styles = _styles(columns)
    heading = [wrap(c.title, w - 2 * PAD, size=HEAD, font=BOLD)[0]
               for c, w in zip(columns, widths, strict=True)]
    body: list[list[str]] = []
    paint: list[tuple[Any, ...]] = []
    for i, row in enumerate(rows):
        cells = []
        for j, (c, w) in enumerate(zip(columns, widths, strict=True)):
            value = c.get(row)
            text = _text(value)
            if not c.numeric:
                text = wrap(text, w - 2 * PAD, size=SIZE, max_lines=c.max_lines)[0]
            cells.append(text)
            if c.colour is not None:
                got = c.colour(row)
                if got is not None:
                    paint.append((i, j, *got))
        body.append(cells)
    if total is not None:
        body.append([_text(v) for v in total])
    tables: list[Flowable] = []
    n = len(body)
    for start in range(0, max(n, 1), CHUNK_ROWS):
        chunk = body[start:start + CHUNK_ROWS]
        last = start + CHUNK_ROWS >= n
        styles = [head_styles] + [body_styles] * len(chunk)
        if total is not None and last and chunk:
            styles[-1] = total_styles
        style: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("INNERGRID", (0, 0), (-1, -1), 0.25, GRID),
            ("BOX", (0, 0), (-1, -1), 0.8, INK),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]
        body_rows = len(chunk) - (1 if total is not None and last and chunk else 0)
        if body_rows >= 1:
            style.append(("ROWBACKGROUNDS", (0, 1), (-1, body_rows), [colors.white, ZEBRA]))
        if head_colours is not None:
            for j, hc in enumerate(head_colours):
                if hc is not None:
                    style += [("BACKGROUND", (j, 0), (j, 0), hc[0]),
                              ("TEXTCOLOR", (j, 0), (j, 0), hc[1])]
        for i, j, bg, fg in paint:
            t = i - start + 1
            if 1 <= t <= len(chunk):
                style.append(("BACKGROUND", (j, t), (j, t), bg))
                if fg is not None:
                    style.append(("TEXTCOLOR", (j, t), (j, t), fg))
        if total is not None and last and chunk:
            style += [("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
                      ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)]
        table = Table([heading, *chunk], colWidths=widths, repeatRows=1, cellStyles=styles,
                      hAlign="LEFT")
        table.setStyle(TableStyle(style))
        tables.append(table)
    return tables


# ---------------------------------------------------------------- header and footer


def _title(header: ReportHeader, width: float) -> Table:
    return title_bar([para(header.title, STYLES["title"]),
                      para(header.scope_line, STYLES["status"])], (0.45, 0.55), width)


def _header_block(h: ReportHeader, width: float) -> Flowable:
    k, v = STYLES["key"], STYLES["value"]
    where = ", ".join(x for x in (h.district, h.region) if x) or "—"
    pairs: list[tuple[str, str]] = [
        ("Scope", h.scope_line), ("District, region", where),
        ("As of", f"end of {h.as_of.isoformat()}"),
        ("Generated", f"{fmt_datetime(h.generated_at)} by StockDesk {h.app_version}"),
        *h.parameters]
    if len(pairs) % 2:
        pairs.append(("", ""))
    rows = [[para(a, k), para(b, v), para(c, k), para(d, v)]
            for (a, b), (c, d) in zip(pairs[::2], pairs[1::2], strict=True)]
    key_w = 2.8 * cm
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
    parts: list[Flowable] = [table]
    for note in h.notes:
        parts += [Spacer(0, 3), para(note, STYLES["small"])]
    return KeepTogether(parts)


def _footer(h: ReportHeader) -> str:
    return (f"{h.title} · {h.scope_line} · as of {h.as_of.isoformat()} · generated "
            f"{fmt_datetime(h.generated_at)}")


def _section(text: str) -> Paragraph:
    return para(text, STYLES["section"])


def _start(h: ReportHeader, width: float) -> list[Flowable]:
    return [_title(h, width), Spacer(0, 4), _header_block(h, width), Spacer(0, 6)]


PAGE = landscape(A4)
MARGIN = 1.0 * cm


def _write(h: ReportHeader, story: list[Flowable], path: Path) -> None:
    build_pdf(path, story, PAGE, MARGIN, _footer(h),
           title=f"{h.title} {h.scope} {h.as_of.isoformat()}", subject=h.title)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------- stock status


def _status_cell(row: Any) -> tuple[colors.Color, colors.Color]:
    return status_colours(row.status)


def write_stock_status_pdf(report: StockStatusReport, path: Path) -> None:
    h = report.header
    width = PAGE[0] - 2 * MARGIN
    story = _start(h, width)
    story.append(_section("Products per status and facility"))
    count_cols = [Column("Facility", 3.2, lambda c: f"{c.facility_code} — {c.facility_name}")]
    for st in STATUS_ORDER:
        count_cols.append(Column(st.label, 1, partial(_count, st), numeric=True))
    count_cols.append(Column("Total", 1, lambda c: c.total, numeric=True))
    totals: list[Any] | None = None
    if len(report.counts) > 1:
        totals = ["All facilities", *(sum(c.count(st) for c in report.counts)
                                      for st in STATUS_ORDER),
                  sum(c.total for c in report.counts)]
    heads = [None, *(status_colours(st) for st in STATUS_ORDER), None]
    story += data_table(count_cols, report.counts, width * 0.75, total=totals,
                        head_colours=heads)
    story.append(Spacer(0, 8))
    what = "needing action" if len(report.rows) < report.products_total else "all products"
    story.append(_section(f"Stock status per product, most urgent first ({what}: "
                          f"{_plural(len(report.rows), 'row')})"))
    cols = []
    if h.scope_kind == "district":
        cols.append(Column("Facility", 1.3, lambda r: r.facility_code, max_lines=2))
    cols += [
        Column("Code", 2.4, lambda r: r.product_code, max_lines=2),
        Column("Product", 3.3, lambda r: r.product_name),
        Column("Unit", 0.9, lambda r: r.unit, max_lines=2),
        Column("Usable", 0.8, lambda r: r.usable, numeric=True),
        Column("AMC", 0.8, lambda r: r.amc, numeric=True),
        Column("MOS", 0.6, lambda r: r.mos_text, numeric=True),
        Column("Status", 1.1, lambda r: r.status.label, colour=_status_cell),
        Column("Stockout", 1.0, lambda r: "now" if r.usable == 0 else r.stockout),
        Column("Order", 0.8, lambda r: r.order_quantity, numeric=True),
        Column("At risk", 0.8, lambda r: r.at_risk, numeric=True),
    ]
    if report.rows:
        story += data_table(cols, report.rows, width)
    else:
        story.append(para("No product to list.", STYLES["small"]))
    story += _charts_section(report.charts, width)
    _write(h, story, path)


# ---------------------------------------------------------------- stockouts


def _count(status: Status, row: Any) -> int:
    return int(row.count(status))


def _day(i: int, row: Any) -> int | None:
    return row.days[i]


def _days_colour_of(i: int, row: Any) -> tuple[colors.Color, None] | None:
    return _days_colour(row.days[i])


def _days_colour(days: int | None) -> tuple[colors.Color, None] | None:
    if not days:
        return None
    return (FULL_TINT if days >= 28 else OUT_TINT), None


def _month_label(period: str) -> str:
    return f"{MONTH_NAMES[int(period[5:7]) - 1]} {period[2:4]}"


def write_stockouts_pdf(report: StockoutReport, path: Path) -> None:
    h = report.header
    width = PAGE[0] - 2 * MARGIN
    story = _start(h, width)
    out_now = sum(r.stocked_out_now for r in report.rows)
    story.append(para(f"{_plural(out_now, 'product')} stocked out now; "
                    f"{_plural(sum(r.total_days for r in report.rows), 'stockout day')} in "
                    f"{_plural(len(report.periods), 'month')}.", STYLES["value"]))
    if h.scope_kind == "district":
        story.append(_section("Per product across the district, worst first"))
        pcols = [
            Column("Code", 2.4, lambda p: p.product_code, max_lines=2),
            Column("Product", 3.6, lambda p: p.product_name),
            Column("Unit", 0.9, lambda p: p.unit, max_lines=2),
            Column("Facilities holding it", 1.3, lambda p: p.facilities, numeric=True),
            Column("Stocked out now", 1.1, lambda p: p.out_now, numeric=True,
                   colour=lambda p: status_colours(Status.STOCKED_OUT) if p.out_now else None),
            Column("Facilities with stockout days", 1.3, lambda p: p.with_days, numeric=True),
            Column("Stockout days", 1.0, lambda p: p.total_days, numeric=True),
        ]
        story += data_table(pcols, report.products, width * 0.85) if report.products else [
            para("No stockout.", STYLES["small"])]
        story.append(Spacer(0, 8))
    story.append(_section("Per facility and product, worst first: stockout days per month"))
    cols = []
    if h.scope_kind == "district":
        cols.append(Column("Facility", 1.3, lambda r: r.facility_code, max_lines=2))
    cols += [
        Column("Code", 2.4, lambda r: r.product_code, max_lines=2),
        Column("Product", 3.0, lambda r: r.product_name),
        Column("Now", 0.9, lambda r: "Stocked out" if r.stocked_out_now else r.usable,
               numeric=True,
               colour=lambda r: status_colours(Status.STOCKED_OUT) if r.stocked_out_now
               else None),
    ]
    month_w = 0.55 if len(report.periods) <= 6 else 0.5
    for i, period in enumerate(report.periods):
        cols.append(Column(_month_label(period), month_w, partial(_day, i), numeric=True,
                           colour=partial(_days_colour_of, i)))
    cols += [Column("Days", 0.6, lambda r: r.total_days, numeric=True),
             Column("Months", 0.6, lambda r: r.months_out, numeric=True)]
    if report.rows:
        story += data_table(cols, report.rows, width)
    else:
        story.append(para("No product stocked out and no stockout day in these months.",
                        STYLES["small"]))
    story += _charts_section(report.charts, width)
    _write(h, story, path)


# ---------------------------------------------------------------- expiry


def write_expiry_pdf(report: ExpiryReport, path: Path) -> None:
    h = report.header
    width = PAGE[0] - 2 * MARGIN
    story = _start(h, width)
    story.append(para(f"{_plural(len(report.rows), 'lot')} expiring by "
                    f"{report.horizon_end.isoformat()}: {fmt_number(report.total_quantity)} "
                    f"units, of which {fmt_number(report.total_at_risk)} at risk of expiring "
                    "before use.", STYLES["value"]))
    if h.scope_kind == "district" and report.rows:
        story.append(_section("Per facility"))
        per: dict[str, list[Any]] = {}
        for r in report.rows:
            per.setdefault(r.facility_code, [r.facility_code, r.facility_name, 0, 0, 0])
            per[r.facility_code][2] += 1
            per[r.facility_code][3] += r.quantity
            per[r.facility_code][4] += r.at_risk
        fcols = [Column("Facility", 3.2, lambda x: f"{x[0]} — {x[1]}"),
                 Column("Lots", 0.8, lambda x: x[2], numeric=True),
                 Column("Quantity expiring", 1.2, lambda x: x[3], numeric=True),
                 Column("At risk", 1.0, lambda x: x[4], numeric=True,
                        colour=lambda x: (RISK_TINT, None) if x[4] else None)]
        story += data_table(fcols, sorted(per.values(), key=lambda x: -x[4]), width * 0.6,
                            total=["All facilities", len(report.rows), report.total_quantity,
                                   report.total_at_risk])
        story.append(Spacer(0, 8))
    story.append(_section("Lots expiring within the horizon, soonest first"))
    cols = []
    if h.scope_kind == "district":
        cols.append(Column("Facility", 1.3, lambda r: r.facility_code, max_lines=2))
    cols += [
        Column("Code", 2.4, lambda r: r.product_code, max_lines=2),
        Column("Product", 3.1, lambda r: r.product_name),
        Column("Unit", 0.9, lambda r: r.unit, max_lines=2),
        Column("Lot", 1.2, lambda r: r.lot, max_lines=2),
        Column("Expiry", 0.95, lambda r: r.expiry),
        Column("Days left", 0.7, report.days_left, numeric=True),
        Column("Quantity", 0.8, lambda r: r.quantity, numeric=True),
        Column("AMC", 0.7, lambda r: r.amc, numeric=True),
        Column("Used before expiry", 0.9, lambda r: r.used_before_expiry, numeric=True),
        Column("At risk", 0.8, lambda r: r.at_risk, numeric=True,
               colour=lambda r: (RISK_TINT, None) if r.at_risk else None),
    ]
    if report.rows:
        blank: list[Any] = [""] * len(cols)
        blank[0] = f"Total ({_plural(len(report.rows), 'lot')})"
        blank[-4] = report.total_quantity
        blank[-1] = report.total_at_risk
        story += data_table(cols, report.rows, width, total=blank)
    else:
        story.append(para("No lot expires within the horizon.", STYLES["small"]))
    if report.expired:
        story.append(Spacer(0, 8))
        story.append(_section("Expired stock still on hand: remove it from the shelves"))
        ecols = []
        if h.scope_kind == "district":
            ecols.append(Column("Facility", 1.3, lambda r: r.facility_code, max_lines=2))
        ecols += [Column("Code", 2.4, lambda r: r.product_code, max_lines=2),
                  Column("Product", 3.4, lambda r: r.product_name),
                  Column("Unit", 0.9, lambda r: r.unit, max_lines=2),
                  Column("Expired quantity", 1.0, lambda r: r.quantity, numeric=True)]
        story += data_table(ecols, report.expired, width * 0.7)
    _write(h, story, path)


# ---------------------------------------------------------------- trend charts


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 × 10^k)."""
    if value <= 0:
        return 1.0
    scale = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * scale:
            return float(step * scale)
    return float(10 * scale)


def trend_chart(chart: TrendChart, width: float, height: float) -> Drawing:
    """Monthly consumption bars (orange: a month with stockout days; no bar and "n/r": not
    reported), the AMC as a dashed line, facility, product and status above."""
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, strokeColor=GRID, strokeWidth=0.5, fillColor=None))
    title = f"{chart.facility_code} · {chart.product_code}"
    d.add(String(5, height - 11, _fit(title, width - 70, BOLD, 7.5), fontName=BOLD,
                 fontSize=7.5, fillColor=INK))
    d.add(String(5, height - 21, _fit(f"{chart.product_name} ({chart.unit})", width - 10, FONT,
                                      6.5), fontName=FONT, fontSize=6.5, fillColor=INK))
    if chart.status is not None:
        fill, text = status_colours(chart.status)
        label = chart.status.label
        w = stringWidth(label, BOLD, 6.5) + 6
        d.add(Rect(width - w - 4, height - 13, w, 10, fillColor=fill, strokeColor=None))
        d.add(String(width - w - 1, height - 10.5, label, fontName=BOLD, fontSize=6.5,
                     fillColor=text))
    left, right, bottom, top = 30.0, width - 6, 20.0, height - 28
    values = [v for v in chart.consumed if v is not None]
    peak = max([*values, chart.amc or 0, 1])
    axis_max = _nice_max(peak)

    def y(v: float) -> float:
        return bottom + (top - bottom) * v / axis_max

    for tick in (0.0, axis_max / 2, axis_max):
        d.add(Line(left, y(tick), right, y(tick), strokeColor=colors.HexColor("#d0d0d0"),
                   strokeWidth=0.4))
        d.add(String(left - 3, y(tick) - 2, f"{tick:,g}", fontName=FONT, fontSize=5.5,
                     fillColor=INK, textAnchor="end"))
    n = len(chart.periods)
    slot = (right - left) / max(n, 1)
    for i, (period, value, out) in enumerate(zip(chart.periods, chart.consumed,
                                                 chart.stockout_days, strict=True)):
        x = left + i * slot
        centre = x + slot / 2
        if value is None:
            d.add(String(centre, bottom + 2, "n/r", fontName=FONT, fontSize=5,
                         fillColor=GRID, textAnchor="middle"))
        elif value > 0:
            d.add(Rect(x + slot * 0.18, bottom, slot * 0.64, y(value) - bottom,
                       fillColor=BAR_OUT if out else BAR, strokeColor=None))
        month = int(period[5:7])
        d.add(String(centre, bottom - 7, MONTH_NAMES[month - 1][0] if slot < 14
                     else MONTH_NAMES[month - 1], fontName=FONT, fontSize=5.5, fillColor=INK,
                     textAnchor="middle"))
        if i == 0 or month == 1:
            d.add(String(centre, bottom - 14, period[:4], fontName=FONT, fontSize=5,
                         fillColor=INK, textAnchor="middle"))
    d.add(Line(left, bottom, right, bottom, strokeColor=INK, strokeWidth=0.6))
    if chart.amc:
        d.add(Line(left, y(chart.amc), right, y(chart.amc), strokeColor=AMC_LINE,
                   strokeWidth=0.8, strokeDashArray=[3, 2]))
        label = f"AMC {fmt_number(chart.amc)}"
        lw = stringWidth(label, BOLD, 5.5) + 2
        d.add(Rect(right - lw - 1, y(chart.amc) + 1, lw + 1, 7, fillColor=colors.white,
                   strokeColor=None))
        d.add(String(right - 1, y(chart.amc) + 2, label, fontName=BOLD, fontSize=5.5,
                     fillColor=AMC_LINE, textAnchor="end"))
    return d


def _fit(text: str, width: float, font: str, size: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _charts_section(charts: Sequence[TrendChart], width: float) -> list[Flowable]:
    if not charts:
        return []
    gap = 6.0
    w = (width - gap * (CHARTS_PER_ROW - 1)) / CHARTS_PER_ROW
    h = 4.0 * cm
    cells = [trend_chart(c, w, h) for c in charts]
    rows = [cells[i:i + CHARTS_PER_ROW] for i in range(0, len(cells), CHARTS_PER_ROW)]
    rows[-1] = rows[-1] + [""] * (CHARTS_PER_ROW - len(rows[-1]))
    grid = Table(rows, colWidths=[w + gap] * (CHARTS_PER_ROW - 1) + [w])
    grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), gap)]))
    heading = _section(f"Monthly consumption, last {len(charts[0].periods)} months "
                       f"({_plural(len(charts), 'product')} needing action most)")
    legend = para("Bars: consumption per month in dispensing units; orange: a month with "
                "stockout days (consumption understates demand); dashed line: AMC; n/r: month "
                "not reported.", STYLES["small"])
    first = Table([[r] for r in [heading, legend]], colWidths=[width])
    first.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return [Spacer(0, 10), KeepTogether([first, grid])]


def write_report_pdf(report: StockStatusReport | StockoutReport | ExpiryReport,
                     path: Path) -> None:
    """Any of the three reports to ``path``."""
    if isinstance(report, StockStatusReport):
        write_stock_status_pdf(report, path)
    elif isinstance(report, StockoutReport):
        write_stockouts_pdf(report, path)
    else:
        write_expiry_pdf(report, path)


__all__ = ["status_colours", "trend_chart", "write_expiry_pdf", "write_report_pdf",
           "write_stock_status_pdf", "write_stockouts_pdf"]
