"""``stockdesk verify``: check the database, the ledger's hash chains and the cached figures.

    stockdesk verify [--facility CODE] [--format text|json]

Exit code 0 when everything checks out, 1 with a report naming the first row or figure that is
wrong in each check.  Progress goes to stderr, so ``--format json`` stays clean on stdout.

``register(sub, common)`` adds the command to the parser of :mod:`stockdesk.cli`; the handler
imports from ``stockdesk.cli`` when it runs, so there is no import cycle.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any, TextIO

SHOWN = 10  # findings printed per check in the text report (JSON carries the first 100)
TITLES = {
    "database": "Database file",
    "chain": "Ledger chains",
    "stock_balances": "Stock balances",
    "summary_blocks": "Monthly summaries",
}
COUNTED = {"chain": "ledger rows", "stock_balances": "lots",
           "summary_blocks": "facility × product pairs"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``verify`` to the ``stockdesk`` subparsers ``sub``."""
    help_ = ("check that the database is whole, that no ledger row was changed, deleted or "
             "added outside StockDesk, and that the stock and monthly figures match the ledger")
    p = sub.add_parser("verify", parents=[common], help=help_, description=help_)
    p.set_defaults(handler=cmd_verify)
    p.add_argument("--facility", metavar="CODE", help="check only this facility's ledger")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text for people (default), json for scripts")


class _Progress:
    """``verify: 150000/1000000 ledger rows`` on stderr, at most every 5 %."""

    def __init__(self) -> None:
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        step = done * 20 // total if total else 20
        if step != self.shown and total >= 100_000:
            self.shown = step
            print(f"verify: {done}/{total} ledger rows", file=sys.stderr, flush=True)


def cmd_verify(args: argparse.Namespace) -> int:
    from stockdesk.cli import open_context
    from stockdesk.services.verify import VerifyService

    ctx = open_context(args)
    try:
        report = VerifyService(ctx.db, ctx.actor).verify(args.facility, progress=_Progress())
        where = ctx.db.where
    finally:
        ctx.db.close()
    if args.format == "json":
        json.dump({"ok": report.ok, "database": where, **dataclasses.asdict(report)},
                  sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print_text(report, where, sys.stdout)
    return 0 if report.ok else 1


def print_text(report: Any, where: str, out: TextIO) -> None:
    print(f"Verifying {where}", file=out)
    for check in report.checks:
        title = TITLES.get(check.name, check.name)
        if check.name == "database" and check.checked == 0:
            print(f"{title}: kept by the database server (not checked here)", file=out)
            continue
        size = f" ({check.checked} {COUNTED[check.name]})" if check.name in COUNTED else ""
        if not check.problems:
            print(f"{title}{size}: ok", file=out)
            continue
        many = "problem" if check.problems == 1 else "problems"
        print(f"{title}{size}: {check.problems} {many}", file=out)
        for finding in check.first[:SHOWN]:
            print(f"  {finding.message}", file=out)
        if check.problems > SHOWN:
            print(f"  … and {check.problems - SHOWN} more", file=out)
    if report.chains:
        print("Chain ends (rows, first hex digits of the last hash):", file=out)
        for status in report.chains:
            head = status.head_hash[:16] if status.head_hash else "none"
            print(f"  {status.facility}: {status.rows} rows, end {head}", file=out)
    tampered = any(c.problems for c in report.checks if c.name in ("database", "chain"))
    if report.ok:
        print("All is well: the ledger is as it was posted and the figures match it.", file=out)
    elif tampered:
        print("The ledger was changed outside StockDesk, or the file is damaged: keep this "
              "report; the rows named above are where to look.", file=out)
    else:
        print("The ledger is as it was posted, but figures kept beside it differ from it.",
              file=out)
