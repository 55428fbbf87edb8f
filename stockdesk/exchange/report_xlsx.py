"""The supervisor reports as Excel workbooks (openpyxl): one sheet per table.

Every workbook starts with ``About`` (report, scope, as-of date, when it was generated, the
parameters and how to read the figures as ``key, value`` rows); each table then has its own
sheet whose first row is the column headings (frozen, with a filter), numbers as numbers with
number formats, dates as dates, the status cells filled with the status colour of the PDF
(:data:`~stockdesk.exchange.report_rows.STATUS_COLOURS`).  Printed, a sheet is A4 landscape,
one page wide, headings repeated, the report and scope in the page header and "Page x of y"
in the footer.  Text a spreadsheet would run (``=``, ``+``, ``-``, ``@`` first) is written as
quoted text, as in the R&R workbook.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from stockdesk.exchange.report_rows import (
    STATUS_COLOURS,
    STATUS_ORDER,
    ExpiryReport,
    ReportHeader,
    StockoutReport,
    StockStatusReport,
)
from stockdesk.exchange.rnr_xlsx import CellStyles, print_landscape_a4, set_dimension
from stockdesk.forecast.status import Status

FMT_INT = "#,##0"
FMT_DEC = "#,##0.##"
FMT_MOS = "0.0##"
FMT_DATE = "yyyy-mm-dd"
ABOUT = "About"


@dataclass(frozen=True)
class Field:
    header: str
    get: Callable[[Any], Any]
    kind: str = "text"  # text | int | dec | mos | date
    width: float = 12
    status: Callable[[Any], Status | None] | None = None  # fill the cell with this colour


def _kind_style(kind: str) -> str:
    return {"int": "int", "dec": "dec", "mos": "mos", "date": "date"}.get(kind, "text")


def _setup(ws: Any, header: ReportHeader, table: str, fields: Sequence[Field],
           rows: int) -> CellStyles:
    """Column widths, print setup and cell styles of a table sheet (before any row)."""
    for i, f in enumerate(fields, 1):
        ws.column_dimensions[get_column_letter(i)].width = f.width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(fields))
    ws.auto_filter.ref = f"A1:{last}{max(rows + 1, 1)}"
    print_landscape_a4(ws, "1:1", top=0.7,
                       header=(f"{header.title}: {table}",
                               f"{header.scope_line}, as of {header.as_of.isoformat()}"),
                       footer=f"Generated {header.generated_at:%Y-%m-%d %H:%M} by "
                              f"StockDesk {header.app_version}")
    set_dimension(ws, rows + 1, len(fields))
    c = CellStyles(ws)
    thin = Side(style="thin", color="BFBFBF")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    c.style("head", font=Font(bold=True), fill=PatternFill("solid", fgColor="DDE4EC"),
            alignment=Alignment(wrap_text=True, vertical="bottom"), border=box)
    c.style("text", border=box, alignment=Alignment(vertical="top", wrap_text=True))
    c.style("int", border=box, number_format=FMT_INT)
    c.style("dec", border=box, number_format=FMT_DEC)
    c.style("mos", border=box, number_format=FMT_MOS)
    c.style("date", border=box, number_format=FMT_DATE)
    c.style("total", font=Font(bold=True), border=box, fill=PatternFill("solid",
                                                                         fgColor="E6E6E6"))
    c.style("total_int", font=Font(bold=True), border=box, number_format=FMT_INT,
            fill=PatternFill("solid", fgColor="E6E6E6"))
    for st, (fill, text) in STATUS_COLOURS.items():
        c.style(f"status {st.value}", font=Font(bold=True, color=text),
                fill=PatternFill("solid", fgColor=fill), border=box)
        c.style(f"head {st.value}", font=Font(bold=True, color=text),
                fill=PatternFill("solid", fgColor=fill), border=box,
                alignment=Alignment(wrap_text=True, vertical="bottom"))
    return c


def _table(wb: Workbook, header: ReportHeader, title: str, fields: Sequence[Field],
           rows: Sequence[Any], *, total: Sequence[Any] | None = None,
           head_status: Sequence[Status | None] | None = None) -> None:
    ws = wb.create_sheet(title)
    c = _setup(ws, header, title, fields, len(rows) + (1 if total is not None else 0))
    heads = []
    for i, f in enumerate(fields):
        st = head_status[i] if head_status is not None else None
        heads.append(c(f.header, "head" if st is None else f"head {st.value}"))
    ws.append(heads)
    for row in rows:
        cells = []
        for f in fields:
            value = f.get(row)
            st = f.status(row) if f.status is not None else None
            if st is not None:
                cells.append(c(value, f"status {st.value}"))
            else:
                cells.append(c(value, _kind_style(f.kind)))
        ws.append(cells)
    if total is not None:
        ws.append([c(v, "total_int" if isinstance(v, int) else "total") for v in total])


def _about(wb: Workbook, header: ReportHeader, extra: Sequence[tuple[str, Any]] = ()) -> None:
    ws = wb.create_sheet(ABOUT)
    pairs: list[tuple[str, Any]] = [
        ("Report", header.title), ("Scope", header.scope_line),
        ("District", header.district), ("Region", header.region),
        ("Facilities", header.facilities), ("As of", header.as_of),
        ("Generated", header.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()),
        ("StockDesk", header.app_version), *header.parameters, *extra,
        *(("Notes", n) for n in header.notes)]
    set_dimension(ws, len(pairs) + 1, 2)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 100
    c = CellStyles(ws)
    c.style("key", font=Font(bold=True), alignment=Alignment(vertical="top"))
    c.style("value", alignment=Alignment(wrap_text=True, vertical="top"))
    c.style("date", number_format=FMT_DATE, alignment=Alignment(horizontal="left"))
    c.style("title", font=Font(bold=True, size=14))
    ws.append([c("key", "key"), c("value", "key")])
    for key, value in pairs:
        style = "date" if isinstance(value, date) else ("title" if key == "Report"
                                                        else "value")
        ws.append([c(key, "key"), c(value, style)])


def _day(i: int, row: Any) -> int | None:
    return row.days[i]


def _count(status: Status, row: Any) -> int:
    return int(row.count(status))


def _facility_fields(header: ReportHeader) -> list[Field]:
    return [Field("Facility code", lambda r: r.facility_code, width=14),
            Field("Facility", lambda r: r.facility_name, width=26)]


def _product_fields() -> list[Field]:
    return [Field("Product code", lambda r: r.product_code, width=24),
            Field("Product", lambda r: r.product_name, width=40),
            Field("Unit", lambda r: r.unit, width=10)]


def write_stock_status_xlsx(report: StockStatusReport, path: Path) -> None:
    h = report.header
    wb = Workbook(write_only=True)
    _about(wb, h)
    counts = [Field("Facility code", lambda c: c.facility_code, width=14),
              Field("Facility", lambda c: c.facility_name, width=30),
              *(Field(st.label, partial(_count, st), "int", 12)
                for st in STATUS_ORDER),
              Field("Total", lambda c: c.total, "int", 10)]
    total = None
    if len(report.counts) > 1:
        total = ["All facilities", None,
                 *(sum(c.count(st) for c in report.counts) for st in STATUS_ORDER),
                 sum(c.total for c in report.counts)]
    _table(wb, h, "Summary", counts, report.counts, total=total,
           head_status=[None, None, *STATUS_ORDER, None])
    fields = [*_facility_fields(h), *_product_fields(),
              Field("Usable", lambda r: r.usable, "int", 10),
              Field("AMC", lambda r: r.amc, "dec", 10),
              Field("MOS", lambda r: None if r.mos_text is None else float(r.mos_text),
                    "mos", 8),
              Field("Status", lambda r: r.status.label, width=13, status=lambda r: r.status),
              Field("Projected stockout", lambda r: r.stockout, "date", 12),
              Field("Order quantity", lambda r: r.order_quantity, "int", 10),
              Field(f"At risk of expiry ({report.horizon_months} months)",
                    lambda r: r.at_risk, "int", 12)]
    _table(wb, h, "Stock status", fields, report.rows)
    wb.save(path)


def write_stockouts_xlsx(report: StockoutReport, path: Path) -> None:
    h = report.header
    wb = Workbook(write_only=True)
    _about(wb, h)
    products = [*_product_fields(),
                Field("Facilities holding it", lambda p: p.facilities, "int", 12),
                Field("Stocked out now", lambda p: p.out_now, "int", 12),
                Field("Facilities with stockout days", lambda p: p.with_days, "int", 14),
                Field("Stockout days", lambda p: p.total_days, "int", 12)]
    _table(wb, h, "Per product", products, report.products)
    fields = [*_facility_fields(h), *_product_fields(),
              Field("Usable", lambda r: r.usable, "int", 10),
              Field("Stocked out now", lambda r: "Yes" if r.stocked_out_now else "No",
                    width=10,
                    status=lambda r: Status.STOCKED_OUT if r.stocked_out_now else None),
              *(Field(p, partial(_day, i), "int", 9)
                for i, p in enumerate(report.periods)),
              Field("Stockout days", lambda r: r.total_days, "int", 10),
              Field("Months with stockout", lambda r: r.months_out, "int", 10),
              Field("AMC", lambda r: r.amc, "dec", 9)]
    _table(wb, h, "Stockouts", fields, report.rows)
    wb.save(path)


def write_expiry_xlsx(report: ExpiryReport, path: Path) -> None:
    h = report.header
    wb = Workbook(write_only=True)
    _about(wb, h, [("Lots", len(report.rows)), ("Quantity expiring", report.total_quantity),
                   ("Quantity at risk", report.total_at_risk)])
    fields = [*_facility_fields(h), *_product_fields(),
              Field("Lot", lambda r: r.lot, width=14),
              Field("Expiry", lambda r: r.expiry, "date", 12),
              Field("Days left", report.days_left, "int", 9),
              Field("Quantity", lambda r: r.quantity, "int", 10),
              Field("AMC", lambda r: r.amc, "dec", 9),
              Field("Used before expiry", lambda r: r.used_before_expiry, "int", 11),
              Field("At risk", lambda r: r.at_risk, "int", 10)]
    total: list[Any] = [None] * len(fields)
    total[0] = "Total"
    total[fields.index(next(f for f in fields if f.header == "Quantity"))] = \
        report.total_quantity
    total[-1] = report.total_at_risk
    _table(wb, h, "Expiring lots", fields, report.rows, total=total)
    expired = [*_facility_fields(h), *_product_fields(),
               Field("Expired quantity", lambda r: r.quantity, "int", 12)]
    _table(wb, h, "Expired on hand", expired, report.expired)
    wb.save(path)


def write_report_xlsx(report: StockStatusReport | StockoutReport | ExpiryReport,
                      path: Path) -> None:
    """Any of the three reports to ``path``."""
    if isinstance(report, StockStatusReport):
        write_stock_status_xlsx(report, path)
    elif isinstance(report, StockoutReport):
        write_stockouts_xlsx(report, path)
    else:
        write_expiry_xlsx(report, path)


__all__ = ["ABOUT", "write_expiry_xlsx", "write_report_xlsx", "write_stock_status_xlsx",
           "write_stockouts_xlsx"]
