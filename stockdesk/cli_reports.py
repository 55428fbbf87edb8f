"""``stockdesk report``: the supervisor reports of a facility or a district.

    stockdesk report stock-status HC01 [--as-of DATE] [--horizon MONTHS] [--xlsx P] [--pdf P]
    stockdesk report stockouts --district "Demo District" [--months 6|12] [--pdf P]
    stockdesk report expiry HC01 [--horizon 3|6|12] [--xlsx P]

The scope is a facility code (positional) or ``--district NAME``.  Without ``--xlsx`` or
``--pdf`` a short table goes to stdout (``--format csv|json`` for scripts); with them the
files are written and one line per file goes to stderr.

``register(sub, common)`` adds the command to the parser of :mod:`stockdesk.cli`; the
handlers import from ``stockdesk.cli`` when they run, so there is no import cycle.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

REPORTS = ("stock-status", "stockouts", "expiry")
TABLE_ROWS = 40  # rows printed to a terminal; the files and CSV/JSON carry every row


def _months(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of months") from None
    if not 1 <= value <= 24:
        raise argparse.ArgumentTypeError(f"{value} months: choose 1 to 24 (usually 3, 6 or 12)")
    return value


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``report`` and its three actions to the ``stockdesk`` subparsers ``sub``."""
    from stockdesk.cli import FORMATS, PROFILE_HELP, _date

    p = sub.add_parser("report", parents=[common], help="supervisor reports of a facility or "
                                                        "a district: stock status, stockouts, "
                                                        "expiry risk (PDF, Excel or a table)",
                       description="supervisor reports of a facility or a district")
    p.set_defaults(handler=_choose)
    actions = p.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    helps = {
        "stock-status": "usable stock, AMC, months of stock, status and projected stockout "
                        "per facility and product, with the count per status per facility",
        "stockouts": "products stocked out now and stockout days per month, worst first",
        "expiry": "lots expiring within the horizon and the quantity at risk of expiring "
                  "before use (FEFO at the AMC)",
    }
    for name in REPORTS:
        q = actions.add_parser(name, parents=[common], help=helps[name],
                               description=helps[name])
        q.set_defaults(handler=cmd_report, report=name)
        q.add_argument("facility", metavar="FACILITY", nargs="?",
                       help="facility code (or give --district)")
        q.add_argument("--district", metavar="NAME",
                       help="every facility of this district instead of one facility")
        q.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD",
                       help="as known at the end of this day (default: today)")
        if name == "stockouts":
            q.add_argument("--months", type=_months, default=6, metavar="N",
                           help="complete months of stockout days to show (default 6; "
                                "12 for a year)")
        else:
            q.add_argument("--horizon", type=_months, default=6, metavar="MONTHS",
                           help="expiry horizon in months (default 6; usually 3, 6 or 12)")
            q.add_argument("--profile", metavar="NAME", help=PROFILE_HELP)
        if name == "stock-status":
            q.add_argument("--action-only", action="store_true",
                           help="list only products stocked out, below the emergency order "
                                "point or below min (the counts still cover all)")
        q.add_argument("--xlsx", type=Path, metavar="PATH",
                       help="write the Excel workbook")
        q.add_argument("--pdf", type=Path, metavar="PATH", help="write the PDF")
        q.add_argument("--format", choices=FORMATS, default="table",
                       help="stdout format when no file is asked for")


def _choose(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires REPORT
    from stockdesk.cli import CliError

    raise CliError(f"choose a report: {', '.join(REPORTS)}", 2)


def build(args: argparse.Namespace, service: Any) -> Any:
    """The report the arguments ask for, from a ``ReportService``."""
    scope = {"facility": args.facility, "district": args.district}
    if args.report == "stock-status":
        return service.stock_status(**scope, as_of=args.as_of, profile=args.profile,
                                    horizon_months=args.horizon, only_action=args.action_only)
    if args.report == "stockouts":
        return service.stockouts(**scope, as_of=args.as_of, months=args.months)
    return service.expiry(**scope, as_of=args.as_of, horizon_months=args.horizon,
                          profile=args.profile)


def cmd_report(args: argparse.Namespace) -> int:
    from stockdesk.cli import PROG, CliError, open_context
    from stockdesk.services.reports import ReportService

    if (args.facility is None) == (args.district is None):
        raise CliError("name one facility (e.g. 'stockdesk report stock-status HC01') or one "
                       "district (--district NAME)", 2)
    ctx = open_context(args)
    try:
        report = build(args, ReportService(ctx.db, ctx.actor))
    finally:
        ctx.db.close()
    wrote = []
    if args.xlsx:
        from stockdesk.exchange.report_xlsx import write_report_xlsx

        write_report_xlsx(report, args.xlsx)
        wrote.append(args.xlsx)
    if args.pdf:
        from stockdesk.exchange.report_pdf import write_report_pdf

        write_report_pdf(report, args.pdf)
        wrote.append(args.pdf)
    if not wrote:
        _print(report, args.format, sys.stdout)
    else:
        print(_summary(report), file=sys.stdout)
    for path in wrote:
        print(f"{PROG}: wrote {path}", file=sys.stderr)
    return 0


# -- stdout ------------------------------------------------------------------------------------


def _columns(report: Any) -> list[Any]:
    from stockdesk.cli import Col
    from stockdesk.exchange.report_rows import ExpiryReport, StockoutReport

    district = report.header.scope_kind == "district"
    cols = [Col("Facility", lambda r: r.facility_code, "facility_code", in_table=district),
            Col("Code", lambda r: r.product_code, "product_code"),
            Col("Product", lambda r: r.product_name, "product", flex=True, min_width=8,
                optional=True)]
    if isinstance(report, StockoutReport):
        return [*cols,
                Col("Now", lambda r: "out" if r.stocked_out_now else r.usable, numeric=True),
                Col("", lambda r: r.usable, "usable", in_table=False),
                Col("", lambda r: r.stocked_out_now, "stocked_out_now", in_table=False),
                *(Col(p[2:], partial(_day, i), p, numeric=True)
                  for i, p in enumerate(report.periods)),
                Col("Days", lambda r: r.total_days, "stockout_days", numeric=True),
                Col("Months", lambda r: r.months_out, "months_with_stockout", numeric=True)]
    if isinstance(report, ExpiryReport):
        return [*cols,
                Col("Lot", lambda r: r.lot, "lot"),
                Col("Expiry", lambda r: r.expiry, "expiry"),
                Col("Quantity", lambda r: r.quantity, "quantity", numeric=True),
                Col("Used", lambda r: r.used_before_expiry, "used_before_expiry",
                    numeric=True),
                Col("At risk", lambda r: r.at_risk, "at_risk", numeric=True)]
    return [*cols,
            Col("Usable", lambda r: r.usable, "usable", numeric=True),
            Col("AMC", lambda r: _num(r.amc), "amc", numeric=True),
            Col("MOS", lambda r: r.mos_text, numeric=True),
            Col("", lambda r: None if r.mos_text is None else float(r.mos_text),
                "months_of_stock", in_table=False),
            Col("Status", lambda r: r.status.label),
            Col("", lambda r: r.status.value, "status", in_table=False),
            Col("Stockout", lambda r: "now" if r.usable == 0 else r.stockout),
            Col("", lambda r: r.stockout, "projected_stockout", in_table=False),
            Col("", lambda r: r.order_quantity, "order_quantity", in_table=False),
            Col("At risk", lambda r: r.at_risk, "at_risk", numeric=True)]


def _day(i: int, row: Any) -> int | None:
    return row.days[i]


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 2)


def _summary(report: Any) -> str:
    from stockdesk.exchange.report_rows import STATUS_ORDER, ExpiryReport, StockoutReport

    h = report.header
    head = f"{h.title}: {h.scope_line}, as of {h.as_of.isoformat()}"
    if isinstance(report, StockoutReport):
        now = sum(r.stocked_out_now for r in report.rows)
        days = sum(r.total_days for r in report.rows)
        return (f"{head}: {now} stocked out now; {days:,} stockout days in "
                f"{report.periods[0]} to {report.periods[-1]}")
    if isinstance(report, ExpiryReport):
        return (f"{head}: {len(report.rows)} lots expiring by "
                f"{report.horizon_end.isoformat()}, {report.total_quantity:,} units, "
                f"{report.total_at_risk:,} at risk")
    counts = [sum(c.counts[i] for c in report.counts) for i in range(len(STATUS_ORDER))]
    parts = ", ".join(f"{n} {st.label.lower()}" for st, n in zip(STATUS_ORDER, counts,
                                                                  strict=True) if n)
    return f"{head}: {report.products_total} products: {parts or 'none'}"


def _print(report: Any, fmt: str, out: Any) -> None:
    from stockdesk.cli import _records, _write_csv, _write_json, _write_table

    columns = _columns(report)
    rows: Sequence[Any] = report.rows
    if fmt == "json":
        h = report.header
        _write_json(out, {"report": h.kind, "scope": h.scope_kind, "name": h.scope,
                          "as_of": h.as_of.isoformat(), "parameters": dict(h.parameters),
                          "rows": _records(columns, rows)})
        return
    if fmt == "csv":
        _write_csv(out, columns, rows)
        return
    print(_summary(report), file=out)
    for key, value in report.header.parameters:
        print(f"{key}: {value}", file=out)
    if rows:
        print(file=out)
        shown = list(rows[:TABLE_ROWS])
        _write_table(out, [c for c in columns if c.in_table], shown)
        if len(rows) > TABLE_ROWS:
            print(f"... and {len(rows) - TABLE_ROWS} more rows: write them with --pdf, --xlsx "
                  "or --format csv", file=out)


__all__ = ["REPORTS", "build", "cmd_report", "register"]
