"""``stockdesk requisition consolidate DISTRICT PERIOD``: the district order from its
facilities' approved R&Rs, as a summary table and as files (XLSX, PDF, OpenLMIS-style CSV).

``cli.build_parser`` hooks it under ``requisition`` with ``register(reqs, common)``.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any


def register(reqs_subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``consolidate`` action to the ``requisition`` command's sub-parsers."""
    what = ("the district order for a period: approved quantities summed per product across "
            "the district's facilities, who has not reported, the warehouse order")
    q = reqs_subparsers.add_parser("consolidate", parents=[common], help=what,
                                   description=what + " (district logistician or admin)")
    q.set_defaults(handler=cmd_requisition_consolidate, action="consolidate")
    q.add_argument("district", metavar="DISTRICT", help="district name, as on the facilities")
    q.add_argument("period", metavar="PERIOD", help="month, YYYY-MM")
    q.add_argument("--program", metavar="CODE", help="one program (default: all programs)")
    q.add_argument("--xlsx", type=Path, metavar="PATH", help="write the order workbook")
    q.add_argument("--pdf", type=Path, metavar="PATH", help="write the printable order")
    q.add_argument("--orders-csv", type=Path, metavar="PATH", dest="orders_csv",
                   help="write the OpenLMIS-style order CSV (order_number, facility_code, "
                        "product_code, product_name, approved_quantity, period, order_date)")


def cmd_requisition_consolidate(args: argparse.Namespace) -> int:
    from stockdesk.cli import PROG, open_context
    from stockdesk.services.consolidation import ConsolidationService

    ctx = open_context(args)
    try:
        result = ConsolidationService(ctx.db, ctx.actor).consolidate(
            args.district, args.period, args.program)
    finally:
        ctx.db.close()
    wrote = []
    if args.xlsx:
        from stockdesk.exchange.order_files import write_consolidation_xlsx

        write_consolidation_xlsx(result, args.xlsx)
        wrote.append(args.xlsx)
    if args.pdf:
        from stockdesk.exchange.order_files import write_consolidation_pdf

        write_consolidation_pdf(result, args.pdf)
        wrote.append(args.pdf)
    if args.orders_csv:
        from stockdesk.exchange.order_files import write_orders_csv

        write_orders_csv(result, args.orders_csv)
        wrote.append(args.orders_csv)
    print_summary(result, sys.stdout)
    for path in wrote:
        print(f"{PROG}: wrote {path}", file=sys.stderr)
    return 0


def print_summary(result: Any, out: Any) -> None:
    """Title line, the per-product table, then who is not in the order."""
    from stockdesk.cli import Col, _write_table

    program = result.program or "all programs"
    n = len(result.facilities)
    print(f"District order {result.district} {result.period} ({program}): "
          f"{len(result.ordering_facilities)} of {n} facilit{'y' if n == 1 else 'ies'} "
          f"ordering, {len(result.products)} product{'s' * (len(result.products) != 1)}, "
          + (f"total cost {result.total_cost:,.2f}"
             if len(result.unpriced) < len(result.products) else "no prices to cost it"),
          file=out)
    print(file=out)
    if result.products:
        columns = [
            Col("Product", lambda p: p.product_code),
            Col("Name", lambda p: p.product_name, flex=True, min_width=8, optional=True),
            Col("Facilities", lambda p: p.facilities, numeric=True),
            Col("Approved", lambda p: f"{p.approved:,}", numeric=True),
            Col("Packs", lambda p: f"{p.packs:,}", numeric=True),
            Col("Cost", lambda p: _money(p.cost), numeric=True),
        ]
        _write_table(out, columns, result.products)
    else:
        print("Nothing approved to order for this period.", file=out)
    if result.unpriced:
        print(f"No price (not in the total cost): {', '.join(result.unpriced)}", file=out)
    print(file=out)
    if result.not_reported:
        print("Not reported:", file=out)
        for m in result.not_reported:
            prog = f" [{m.program}]" if m.program else ""
            print(f"  {m.facility_code} {m.facility_name}{prog}: {m.situation}", file=out)
    else:
        print(f"All {n} facilities have reported.", file=out)
    if result.not_approved:
        print("Not yet approved:", file=out)
        for p in result.not_approved:
            kind = "emergency requisition" if p.emergency else "requisition"
            print(f"  {p.facility_code} {p.facility_name} [{p.program}]: {kind} {p.status}",
                  file=out)


def _money(x: Decimal | None) -> str:
    return "no price" if x is None else f"{x:,.2f}"


__all__ = ["cmd_requisition_consolidate", "print_summary", "register"]
