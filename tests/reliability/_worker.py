"""One StockDesk job in its own process, for the crash and concurrency trials.

Run as ``python -m tests.reliability._worker JOB URL ...`` from the repository root.  It opens
the database, prints ``ready`` (the trial measures its kill moment from there, or releases
concurrent writers together), does the job through the same services as the window and the
command line, and prints one JSON line with what happened.  ``post`` waits for a line on
stdin after ``ready``, so that several writers start at the same moment.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database

TODAY = date(2024, 12, 31)


def _say(text: str) -> None:
    print(text, flush=True)


def ledger_import(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    from stockdesk.services.imports import ImportService

    result = ImportService(db, SETUP_ACTOR, today=lambda: TODAY).import_file(
        "ledger", Path(args.file))
    return {"status": result.status, "rows": result.rows,
            "problems": [str(p) for p in result.problems[:5]]}


def district_import(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    from stockdesk.services.auth import Actor
    from stockdesk.services.requisition_import import RequisitionImportService

    files = sorted(Path(args.folder).glob("*.xlsx"))
    outcomes = RequisitionImportService(db, Actor("louis", "district_logistician"),
                                        today=lambda: TODAY).import_files(files)
    return {"statuses": {o.file: o.status for o in outcomes},
            "problems": [str(p) for o in outcomes for p in o.problems
                         if p.is_error][:5]}


def demo(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    from stockdesk.services.demo import build_demo

    summary = build_demo(db, SETUP_ACTOR, facilities=args.facilities, months=args.months,
                         products=args.products, today=TODAY)
    return {"already_present": summary.already_present, "movements": summary.movements,
            "lines": summary.lines}


def post(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    """Alternate receipts of 5 and issues of 3 of one lot, each its own user action."""
    from stockdesk.services.ledger import LedgerService, LineInput

    ledger = LedgerService(db, SETUP_ACTOR)
    sys.stdin.readline()  # everyone starts together
    errors: list[str] = []
    posted = 0
    started = time.perf_counter()
    for i in range(args.count):
        ref = f"{args.tag}-{i}"
        try:
            if i % 2 == 0:
                ledger.receive(args.facility, args.day, [LineInput(
                    args.product, 5, lot=args.lot, expiry=date(2030, 12, 31))],
                    reference=ref, supplier="Central Medical Stores")
            else:
                ledger.issue(args.facility, args.day, [LineInput(args.product, 3, lot=args.lot)],
                             reference=ref, issued_to="patients")
            posted += 1
        except Exception as exc:  # a trial counts what a person would have seen
            errors.append(f"{type(exc).__name__}: {exc}"[:300])
    return {"posted": posted, "errors": errors[:10], "error_count": len(errors),
            "seconds": time.perf_counter() - started}


JOBS = {"ledger-import": ledger_import, "district-import": district_import, "demo": demo,
        "post": post}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tests.reliability._worker")
    sub = p.add_subparsers(dest="job", required=True)
    q = sub.add_parser("ledger-import")
    q.add_argument("url")
    q.add_argument("file")
    q = sub.add_parser("district-import")
    q.add_argument("url")
    q.add_argument("folder")
    q = sub.add_parser("demo")
    q.add_argument("url")
    q.add_argument("--facilities", type=int, default=2)
    q.add_argument("--months", type=int, default=2)
    q.add_argument("--products", type=int, default=25)
    q = sub.add_parser("post")
    q.add_argument("url")
    q.add_argument("--facility", required=True)
    q.add_argument("--product", required=True)
    q.add_argument("--lot", required=True)
    q.add_argument("--day", type=date.fromisoformat, required=True)
    q.add_argument("--count", type=int, required=True)
    q.add_argument("--tag", required=True)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    db = Database.open(args.url)
    try:
        _say("ready")
        outcome = JOBS[args.job](db, args)
    finally:
        db.close()
    _say(json.dumps(outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main())
