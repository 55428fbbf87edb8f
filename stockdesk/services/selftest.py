"""The database half of ``stockdesk selftest``: proof that an installation works end to end.

A clinic PC gets StockDesk from a USB stick or a download, and nobody there can read a
traceback.  One command that walks through what a real day does (create and migrate a
database, sign in, record stock, prepare an R&R and write it as Excel and PDF, then read the
workbook back) tells the person installing it, or CI on a freshly built bundle, that every
library, data file and migration made it into the installation.

Each step returns a :class:`Check` naming what it proved; the first failure raises, because a
later step would only fail for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

import stockdesk
from stockdesk.db.models import Facility, User
from stockdesk.problems import ProblemsFound
from stockdesk.services import demo
from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.database import Database
from stockdesk.services.masterdata import MasterDataService
from stockdesk.services.requisitions import RequisitionService
from stockdesk.services.stock_status import StockStatusService
from stockdesk.services.users import UserService

# Small enough to run in seconds on an old PC, big enough to fill an R&R.
DEMO_FACILITIES = 1
DEMO_MONTHS = 3
DEMO_PRODUCTS = 10


class SelftestFailed(RuntimeError):
    """A step of the self-test did not do what it must; the message says which and why."""


@dataclass(frozen=True)
class Check:
    """One thing the self-test proved, in words for the person who ran it."""

    name: str
    detail: str


@dataclass(frozen=True)
class Exported:
    """The R&R the self-test wrote, and who it was for."""

    facility: str
    period: str
    program: str
    lines: int
    xlsx: Path
    pdf: Path


def create_database_if_missing(url: str) -> bool:
    """Create a missing PostgreSQL database (SQLite creates its file itself).

    A district office names a new database on its server; the self-test should prove that
    the account may create and fill it.  Returns True when a database was created.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or not parsed.database:
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "",
                                                                            ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        return False
    probe = create_engine(parsed)
    try:
        with probe.connect():
            return False
    except OperationalError as exc:
        if "does not exist" not in str(exc.orig):
            raise
    finally:
        probe.dispose()
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            quoted = conn.dialect.identifier_preparer.quote(parsed.database)
            conn.execute(text(f"CREATE DATABASE {quoted}"))
    finally:
        admin.dispose()
    return True


def require_empty(db: Database) -> None:
    """The self-test adds a demo district: it must never mix it into real records."""
    with db.reading() as s:
        facilities = s.scalar(select(func.count()).select_from(Facility)) or 0
        users = s.scalar(select(func.count()).select_from(User)) or 0
    if facilities or users:
        raise SelftestFailed(
            f"this database already holds {facilities} facilities and {users} users; the "
            "self-test adds a demo district, so give it a new database (a new file name, or "
            "an empty PostgreSQL database)")


def build_small_demo(db: Database, today: date) -> tuple[demo.DemoSummary, Check]:
    summary = demo.build_demo(db, SETUP_ACTOR, facilities=DEMO_FACILITIES, months=DEMO_MONTHS,
                              products=DEMO_PRODUCTS, today=today)
    if summary.movements == 0 or not summary.users_created:
        raise SelftestFailed(f"the demo district was not built: {summary}")
    return summary, Check("demo", f"{summary.products} products, {summary.movements} movements "
                                  f"({summary.lines} lines) and {len(summary.users_created)} "
                                  f"users in {summary.seconds:.1f} s")


def sign_in(db: Database, username: str) -> tuple[Actor, Check]:
    """Signing in checks the password hash (argon2, a compiled library)."""
    actor = UserService(db).authenticate(username, demo.DEMO_PASSWORD)
    return actor, Check("sign-in", f"{actor.username} ({actor.role}) signed in")


def stock_status(db: Database, actor: Actor, facility: str, today: date) -> Check:
    rows = StockStatusService(db, actor, today=lambda: today).status(facility)
    if not rows:
        raise SelftestFailed(f"{facility} shows no stock after the demo was built")
    return Check("stock", f"{facility}: stock status of {len(rows)} products")


def export_requisition(db: Database, actor: Actor, facility: str, today: date,
                       folder: Path) -> tuple[Exported, Check]:
    """Prepare the last complete month's R&R of the first program that has one, and write it
    as Excel and PDF; the workbook is read back as the district import would."""
    from stockdesk.exchange.rnr_pdf import write_rnr_pdf
    from stockdesk.exchange.rnr_xlsx import read_rnr_xlsx, write_rnr_xlsx

    first = today.replace(day=1)
    last_month = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    period = f"{last_month:%Y-%m}"
    service = RequisitionService(db, actor, today=lambda: today)
    doc = None
    for program, _name, _profile in MasterDataService(db, actor).programs():
        try:
            doc = service.create(facility, period, program)
            break
        except ProblemsFound as exc:
            if any(p.code != "requisition.nothing" for p in exc.problems):
                raise
    if doc is None:
        raise SelftestFailed(f"no program of {facility} has a requisition for {period}")
    h = doc.header
    xlsx = folder / f"rnr-{h.facility_code}-{h.program}-{period}.xlsx"
    pdf = xlsx.with_suffix(".pdf")
    write_rnr_xlsx(doc, xlsx)
    write_rnr_pdf(doc, pdf)
    back = read_rnr_xlsx(xlsx)
    if not back.ok or len(back.rows) != len(doc.lines):
        raise SelftestFailed(f"{xlsx} does not read back as written: "
                             + "; ".join(str(p) for p in back.problems))
    if back.meta.get("app_version") != stockdesk.__version__:
        raise SelftestFailed(f"{xlsx} names StockDesk {back.meta.get('app_version')!r}, "
                             f"not {stockdesk.__version__}")
    data = pdf.read_bytes()
    if not (data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]):
        raise SelftestFailed(f"{pdf} is not a complete PDF file")
    exported = Exported(h.facility_code, period, h.program, len(doc.lines), xlsx, pdf)
    return exported, Check(
        "requisition", f"{h.facility_code} {h.program} {period}: {len(doc.lines)} lines; "
                       f"{xlsx.name} ({xlsx.stat().st_size:,} bytes, read back) and "
                       f"{pdf.name} ({len(data):,} bytes)")


def run_database_checks(db: Database, today: date, folder: Path,
                        report: Callable[[Check], None]) -> Exported:
    """Every database step on ``db`` (opened and migrated by the caller), in order."""
    require_empty(db)
    summary, check = build_small_demo(db, today)
    report(check)
    actor, check = sign_in(db, "pharmacist")
    report(check)
    report(stock_status(db, actor, summary.first_facility, today))
    exported, check = export_requisition(db, actor, summary.first_facility, today, folder)
    report(check)
    return exported


__all__ = ["Check", "Exported", "SelftestFailed", "build_small_demo",
           "create_database_if_missing", "export_requisition", "require_empty",
           "run_database_checks", "sign_in", "stock_status"]
