"""The ``stockdesk`` command: the same services as the window, for scripts and bulk work.

Exit codes: 0 done; 1 refused (problems in the data, sign-in, permissions, a database from a
newer StockDesk, an unexpected error); 2 the command line itself is wrong; 130 interrupted.
Results go to stdout, problems and notes to stderr, so ``stockdesk stock HC01 --format csv >
file.csv`` gives a clean file.
"""

from __future__ import annotations

import argparse
import csv
import functools
import getpass
import json
import os
import shutil
import sys
import textwrap
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from stockdesk import __version__
from stockdesk.problems import describe
from stockdesk.services.auth import ALL_ROLES

if TYPE_CHECKING:
    from stockdesk.app import Settings
    from stockdesk.services.auth import Actor
    from stockdesk.services.database import Database

PROG = "stockdesk"
IMPORT_KINDS = ("facilities", "catalogue", "levels", "ledger", "history")
FORMATS = ("table", "csv", "json")
MIN_WIDTH, MAX_WIDTH = 80, 120


class CliError(Exception):
    """A refusal explained in one sentence (no traceback: nothing is broken)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


# -- entry point ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors: argparse has printed
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    debug = bool(getattr(args, "debug", False))
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `stockdesk stock HC01 | head`: the reader has all it wants
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        return _report(exc, debug)


def _report(exc: Exception, debug: bool) -> int:
    """Problems and known failures in plain words; anything else as a one-line bug report."""
    from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

    from stockdesk.db.migrate import DatabaseTooNew
    from stockdesk.problems import ProblemsFound

    if debug:
        traceback.print_exc()
    if isinstance(exc, ProblemsFound):
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return 1
    if isinstance(exc, CliError):
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.code
    if isinstance(exc, DatabaseTooNew):
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    if isinstance(exc, ArgumentError):
        print(f"{PROG}: error: not a database URL or file: {exc}", file=sys.stderr)
        return 2
    if (known := known_failure(exc)) is not None:
        print(f"{PROG}: error: {known}", file=sys.stderr)
        return 1
    if isinstance(exc, OperationalError):
        print(f"{PROG}: error: the database cannot be used: {exc.orig}", file=sys.stderr)
        return 1
    if isinstance(exc, DatabaseError) and "not a database" in str(exc.orig):
        print(f"{PROG}: error: that file is not a StockDesk database (check --db or "
              f"STOCKDESK_DB)", file=sys.stderr)
        return 1
    if isinstance(exc, OSError):
        print(f"{PROG}: error: {exc.strerror or exc}"
              + (f": {exc.filename}" if exc.filename else ""), file=sys.stderr)
        return 1
    print(f"{PROG}: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
    if not debug:
        print(f"{PROG}: run the command again with --debug to see the details",
              file=sys.stderr)
    return 1


NOT_SAVED = ("the change in progress was not saved (whatever was reported done before it "
             "stays done)")


def known_failure(exc: BaseException) -> str | None:
    """A full disk, a read-only database, a database kept busy, a failing drive: what
    happened and what to do, in one sentence, or None for anything else."""
    from stockdesk.services.failures import Kind, classify

    failure = classify(exc)
    if failure is None:
        return None
    where = failure.filename
    if failure.kind is Kind.DISK_FULL:
        if where:
            return (f"the disk is full, so {where} could not be written; free some space and "
                    "run the command again")
        return (f"the disk holding the database is full: {NOT_SAVED}; free some space (or "
                "move old backups to a USB stick) and run the command again")
    if failure.kind is Kind.READ_ONLY:
        return ("the database cannot be written (a read-only file, or a read-only or "
                f"write-protected drive){f': {where}' if where else ''}; {NOT_SAVED}; copy "
                "it to a folder you may write to, or ask whoever manages this computer")
    if failure.kind is Kind.BUSY:
        return (f"another StockDesk window or program kept the database busy: {NOT_SAVED}; "
                "run the command again when it has finished")
    return (f"the drive holding the database could not be read or written: {NOT_SAVED}; "
            "check that the drive is still there and working, then run the command again")


# -- parser --------------------------------------------------------------------------------


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2024-12-31") from None


def _common(suppress: bool) -> argparse.ArgumentParser:
    """Global options, accepted before or after the command (``stockdesk stock X --db f``)."""
    default: Any = argparse.SUPPRESS if suppress else None
    p = argparse.ArgumentParser(add_help=False)
    g = p.add_argument_group("global options")
    g.add_argument("--db", metavar="URL", default=default,
                   help="database: a SQLite file path or a URL such as "
                        "postgresql+psycopg://user@host/stockdesk (default: $STOCKDESK_DB, "
                        "else stockdesk.sqlite3 in the user data folder, or data/ beside a "
                        "portable copy)")
    g.add_argument("--user", metavar="NAME", default=default,
                   help="sign in as NAME (default: $STOCKDESK_USER); the password comes from "
                        "$STOCKDESK_PASSWORD or is asked for")
    g.add_argument("--debug", action="store_true",
                   default=argparse.SUPPRESS if suppress else False,
                   help="show the full traceback of an unexpected error")
    return p


PROFILE_HELP = ("calculation profile for adjusted and average consumption: openlmis, "
                "msupply, civ-elmis or unadjusted (default: each program's own)")


def build_parser() -> argparse.ArgumentParser:
    common = _common(suppress=True)
    parser = argparse.ArgumentParser(
        prog=PROG, parents=[_common(suppress=False)],
        description="StockDesk: stock management for essential medicines.",
        epilog="Once a database has users, every command needs --user (or $STOCKDESK_USER). "
               "A new database has none: create the first admin with "
               "'stockdesk user add NAME --role admin'.")
    parser.add_argument("--version", action="version", version=f"StockDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, handler: Callable[[argparse.Namespace], int], help: str,
                **kw: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help, description=help, **kw)
        p.set_defaults(handler=handler)
        return p

    p = command("gui", cmd_gui, "open the StockDesk window")
    p.add_argument("--demo", action="store_true",
                   help="on an empty database, build the demo district first and show its "
                        "users at sign-in")
    p.add_argument("--screenshot", type=Path, metavar="PNG",
                   help="no screen: sign in as --user with $STOCKDESK_PASSWORD, save a picture "
                        "of the window once its data is shown, and exit")

    p = command("demo", cmd_demo, "build a demo district with facilities, users and three years "
                                  "of stock movements, then show one health centre's stock")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--facilities", type=int, default=None, metavar="N",
                   help="number of health facilities")
    p.add_argument("--months", type=int, default=None, metavar="N",
                   help="months of history to generate")

    p = command("import", cmd_import, "import facilities, the catalogue, stock levels, ledger "
                                      "transactions or monthly LMIS history from CSV/XLSX "
                                      "files; each file is applied whole or not at all",
                epilog=_import_columns_help(),
                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kind", choices=IMPORT_KINDS, help="what the files hold")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="CSV or XLSX file(s)")

    p = command("stock", cmd_stock, "stock status of a facility: on hand, usable, expired and "
                                    "stockout days this month, per product")
    p.add_argument("facility", metavar="FACILITY", help="facility code")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD",
                   help="stock at the end of this day (default: today)")
    p.add_argument("--profile", metavar="NAME", help=PROFILE_HELP)
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")

    p = command("forecast", cmd_forecast, "forecast consumption per product with its "
                                          "interval, the method chosen and the chance of a "
                                          "stockout before the next delivery")
    p.add_argument("facility", metavar="FACILITY", help="facility code")
    p.add_argument("--product", metavar="CODE", help="one product, explained in full")
    p.add_argument("--months", type=int, default=3, metavar="H",
                   help="months to forecast (default 3)")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD",
                   help="forecast from the stock and months known at the end of this day")
    p.add_argument("--profile", metavar="NAME", help=PROFILE_HELP)
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")

    p = command("district", cmd_district, "stock status and forecasts of every facility of a "
                                          "district, most urgent first")
    p.add_argument("district", metavar="DISTRICT", help="district name, as in the facilities")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD",
                   help="as known at the end of this day (default: today)")
    p.add_argument("--profile", metavar="NAME", help=PROFILE_HELP)
    p.add_argument("--all", action="store_true",
                   help="every facility × product, not only those needing action")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")

    p = command("count-sheet", cmd_count_sheet, "print the physical count sheet: every "
                                                "product and lot on the books, a blank box "
                                                "to write the count in")
    p.add_argument("facility", metavar="FACILITY", help="facility code")
    p.add_argument("--pdf", type=Path, required=True, metavar="PATH", help="the PDF to write")
    p.add_argument("--program", metavar="CODE", help="only this program's products")
    p.add_argument("--show-book", action="store_true",
                   help="print the quantities on the books (by default counts are blind)")

    p = command("stock-card", cmd_stock_card, "the stock card of one product at a facility: "
                                              "every movement with running balances")
    p.add_argument("facility", metavar="FACILITY", help="facility code")
    p.add_argument("product", metavar="PRODUCT", help="product code")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")

    p = command("backup", cmd_backup, "copy the database to a file while it stays in use "
                                      "(PostgreSQL: with pg_dump)")
    p.add_argument("path", type=Path, metavar="PATH", help="backup file, or a folder to put a "
                                                           "dated backup file in")
    p.add_argument("--overwrite", action="store_true", help="replace PATH if it exists")

    p = command("restore", cmd_restore, "replace the database with a backup (admin only); "
                                        "the current database is first copied to backups/")
    p.add_argument("path", type=Path, metavar="PATH", help="a backup made by 'stockdesk backup'")

    p = command("requisition", _program_help, "prepare, export and step Report & "
                                              "Requisition documents")
    reqs = p.add_subparsers(dest="requisition_command", metavar="ACTION", required=True)

    def req_command(name: str, handler: Callable[[argparse.Namespace], int],
                    help: str) -> argparse.ArgumentParser:
        q = reqs.add_parser(name, parents=[common], help=help, description=help)
        q.set_defaults(handler=handler, action=name)
        q.add_argument("facility", metavar="FACILITY", help="facility code")
        q.add_argument("period", metavar="PERIOD", help="month YYYY-MM, or quarter YYYY-Qn")
        q.add_argument("--program", metavar="CODE", help="program (needed when there are "
                                                         "several)")
        return q

    def outputs(q: argparse.ArgumentParser) -> None:
        q.add_argument("--xlsx", type=Path, metavar="PATH", help="write the Excel workbook")
        q.add_argument("--pdf", type=Path, metavar="PATH", help="write the PDF")

    q = req_command("create", cmd_requisition_create, "a draft R&R for a completed month "
                                                      "from the ledger and monthly history")
    q.add_argument("--emergency", action="store_true", help="an emergency requisition")
    q.add_argument("--profile", metavar="NAME", help=PROFILE_HELP)
    outputs(q)
    q = req_command("export", cmd_requisition_export, "the R&R in its current state, as "
                                                      "Excel or PDF (or a table)")
    q.add_argument("--emergency", action="store_true", help="the emergency requisition")
    q.add_argument("--format", choices=FORMATS, default="table", help="output format")
    outputs(q)
    q = req_command("request", cmd_requisition_request, "set the requested quantity J of a "
                                                        "product (with W when J differs "
                                                        "from I)")
    q.add_argument("product", metavar="PRODUCT", help="product code")
    q.add_argument("quantity", type=int, metavar="QUANTITY", help="requested quantity J")
    q.add_argument("--explanation", metavar="TEXT", help="W: why J differs from I")
    q.add_argument("--remarks", metavar="TEXT", help="L: remarks")
    q.add_argument("--emergency", action="store_true", help="the emergency requisition")
    q = req_command("approve-quantity", cmd_requisition_approve_quantity,
                    "set the approved quantity K of a product on an authorized R&R "
                    "(district logistician), before approving it")
    q.add_argument("product", metavar="PRODUCT", help="product code")
    q.add_argument("quantity", type=int, metavar="QUANTITY", help="approved quantity K")
    q.add_argument("--emergency", action="store_true", help="the emergency requisition")
    q = reqs.add_parser("import", parents=[common], help="import facilities' R&R workbooks "
                                                         "at the district office",
                        description="import facilities' R&R workbooks at the district "
                                    "office: each file whole or not at all")
    q.set_defaults(handler=cmd_requisition_import)
    q.add_argument("files", nargs="+", type=Path, metavar="FILE", help="R&R workbooks (.xlsx)")
    q.add_argument("--replace", action="store_true",
                   help="a newer version replaces the one already imported")
    q.add_argument("--report", type=Path, metavar="PATH",
                   help="problem report (CSV; default requisition-import-report.csv here, "
                        "written when there are problems)")
    for name, what in (("submit", "submit a draft R&R (pharmacist, in-charge)"),
                       ("authorize", "authorize a submitted R&R (facility in-charge)"),
                       ("approve", "approve an authorized R&R (district logistician; not "
                                   "whoever submitted it)"),
                       ("issue", "mark an approved R&R as issued (district logistician)"),
                       ("reject", "send a submitted or authorized R&R back to draft, with "
                                  "a reason")):
        q = req_command(name, cmd_requisition_step, what)
        q.add_argument("--emergency", action="store_true", help="the emergency requisition")
        if name == "reject":
            q.add_argument("--reason", required=True, metavar="TEXT",
                           help="what must be corrected")

    from stockdesk.cli_consolidate import register as register_consolidate

    register_consolidate(reqs, common)

    p = command("user", _user_help, "add users, change passwords and roles, list users")
    users = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    def user_command(name: str, handler: Callable[[argparse.Namespace], int],
                     help: str) -> argparse.ArgumentParser:
        q = users.add_parser(name, parents=[common], help=help, description=help)
        q.set_defaults(handler=handler)
        return q

    q = user_command("add", cmd_user_add, "create a user (password from "
                                          "$STOCKDESK_NEW_PASSWORD or asked twice)")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--role", required=True, choices=ALL_ROLES)
    q.add_argument("--full-name", metavar="TEXT")
    q.add_argument("--facility", metavar="CODE", help="facility where the user works")
    q = user_command("passwd", cmd_user_passwd, "change your password, or (admin) reset "
                                                "another user's")
    q.add_argument("name", metavar="NAME", nargs="?",
                   help="whose password (default: the signed-in user)")
    user_command("list", cmd_user_list, "list users with role and status")
    q = user_command("role", cmd_user_role, "change a user's role")
    q.add_argument("name", metavar="NAME")
    q.add_argument("role", choices=ALL_ROLES)
    q = user_command("recover-admin", cmd_user_recover_admin,
                     "forgotten admin password: set a temporary one, to be changed at next "
                     "sign-in (no sign-in needed: run it on the machine that holds the "
                     "database; it is written in the audit log)")
    q.add_argument("name", metavar="NAME", help="the admin account to recover")
    for name, help in (("unlock", "unlock a user locked after failed sign-ins"),
                       ("disable", "stop a user from signing in (records keep the name)"),
                       ("enable", "let a disabled user sign in again")):
        q = user_command(name, cmd_user_state, help)
        q.add_argument("name", metavar="NAME")
        q.set_defaults(state=name)

    p = command("program", _program_help, "list programs and choose how each computes "
                                          "adjusted and average consumption")
    progs = p.add_subparsers(dest="program_command", metavar="ACTION", required=True)
    q = progs.add_parser("list", parents=[common], help="programs with their profile",
                         description="programs with their calculation profile")
    q.set_defaults(handler=cmd_program_list)
    q = progs.add_parser("profile", parents=[common], help="set a program's calculation profile",
                         description="set the calculation profile a program's R&R, stock "
                                     "status and forecasts use", epilog=_profiles_help(),
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("program", metavar="PROGRAM", help="program code")
    q.add_argument("profile", metavar="PROFILE", help="profile name (see below)")
    q.set_defaults(handler=cmd_program_profile)

    from stockdesk.cli_reports import register as register_reports

    register_reports(sub, common)

    from stockdesk.cli_selftest import register as register_selftest

    register_selftest(sub, common)
    from stockdesk.cli_verify import register as register_verify

    register_verify(sub, common)
    return parser


def _profiles_help() -> str:
    from stockdesk.forecast.profiles import PROFILES

    lines = ["calculation profiles:"]
    lines += [f"  {p.name:<11} {p.label}: {p.source}" for p in PROFILES.values()]
    return "\n".join(lines)


def _program_help(args: argparse.Namespace) -> int:  # pragma: no cover - ACTION is required
    return 2


def cmd_program_list(args: argparse.Namespace) -> int:
    from stockdesk.services.masterdata import MasterDataService

    ctx = open_context(args)
    try:
        rows = MasterDataService(ctx.db, ctx.actor).programs()
        _write_table(sys.stdout, [Col("Program", lambda r: r[0], flex=True),
                                  Col("Name", lambda r: r[1], flex=True),
                                  Col("Profile", lambda r: r[2])], rows)
        return 0
    finally:
        ctx.db.close()


def cmd_program_profile(args: argparse.Namespace) -> int:
    from stockdesk.services.masterdata import MasterDataService

    ctx = open_context(args)
    try:
        name = MasterDataService(ctx.db, ctx.actor).set_program_profile(args.program,
                                                                       args.profile)
        print(f"{args.program} now uses the {name} calculation profile")
        return 0
    finally:
        ctx.db.close()


def _import_columns_help() -> str:
    """The columns each kind of file needs (* = required), as the importer defines them."""
    from stockdesk.exchange import columns

    lines = ["columns (* required; common other headers are recognised too):"]
    for schema in (columns.FACILITIES, columns.CATALOGUE, columns.LEVELS, columns.LEDGER,
                   columns.HISTORY):
        names = ", ".join(f.name + ("*" if f.required else "") for f in schema.fields)
        lines.append(f"  {schema.kind}: {names}")
    lines.append("dates are YYYY-MM-DD (or DD/MM/YYYY), months YYYY-MM")
    return "\n".join(lines)


def _user_help(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires ACTION
    raise CliError("choose an action: add, passwd, list, role, unlock, disable, enable", 2)


# -- opening and signing in ----------------------------------------------------------------


@dataclass
class Context:
    settings: Settings
    db: Database
    actor: Actor


def _settings(args: argparse.Namespace) -> Settings:
    from stockdesk.app import Settings

    return Settings.resolve(db=getattr(args, "db", None), user=getattr(args, "user", None))


def open_context(args: argparse.Namespace, *, sign_in: bool = True) -> Context:
    """Open and migrate the database, then sign in (or act as setup while it has no users)."""
    from stockdesk.app import open_database
    from stockdesk.services.auth import SETUP_ACTOR

    settings = _settings(args)
    opened = open_database(settings.db_url, daily_keep=settings.daily_backups)
    for warning in opened.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    if opened.upgrade_backup is not None:
        print(f"{PROG}: the database was upgraded; the previous version is saved as "
              f"{opened.upgrade_backup}", file=sys.stderr)
    db = opened.db
    try:
        if not sign_in:
            return Context(settings, db, SETUP_ACTOR)
        return _sign_in(settings, db)
    except BaseException:
        db.close()
        raise


def _sign_in(settings: Settings, db: Database) -> Context:
    from stockdesk.app import ENV_PASSWORD
    from stockdesk.services.auth import SETUP_ACTOR
    from stockdesk.services.users import UserService, has_users

    if not has_users(db):
        if settings.username:
            print(f"{PROG}: note: this database has no users yet; acting as the local "
                  f"administrator ('setup') until the first admin is created", file=sys.stderr)
        return Context(settings, db, SETUP_ACTOR)
    if not settings.username:
        raise CliError("this database has users: sign in with --user NAME "
                       "(or set STOCKDESK_USER)")
    password = os.environ.get(ENV_PASSWORD)
    if password is None:
        password = _ask_password(f"Password for {settings.username}: ", ENV_PASSWORD)
    service = UserService(db)
    actor = service.authenticate(settings.username, password)
    return Context(settings, db, actor)


def _ask_password(prompt: str, env_name: str, *, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise CliError(f"no password given: set {env_name}, or run the command in a terminal "
                       "to be asked for it")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise CliError("the two passwords differ; nothing was changed")
    return first


# -- commands ------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from stockdesk import collector

    collector.hold()  # until the window shows its data (see stockdesk.collector)
    from stockdesk.ui.start import run

    return run(getattr(args, "db", None), getattr(args, "user", None), demo=args.demo,
               screenshot=args.screenshot)


def cmd_demo(args: argparse.Namespace) -> int:
    from stockdesk.services import demo
    from stockdesk.services.stock_status import StockStatusService

    ctx = _demo_context(args, demo)
    try:
        kwargs: dict[str, Any] = {"seed": args.seed}
        if args.facilities is not None:
            kwargs["facilities"] = args.facilities
        if args.months is not None:
            kwargs["months"] = args.months
        summary = demo.build_demo(ctx.db, ctx.actor, progress=_Progress(), **kwargs)
        if summary.already_present:
            print(f"{PROG}: this database already holds the demo district; nothing was "
                  "changed", file=sys.stderr)
        else:
            print(f"{PROG}: built {_describe_demo(summary)}", file=sys.stderr)
        if summary.users_created:
            print(f"{PROG}: demo users {', '.join(summary.users_created)} have the password "
                  f"'{demo.DEMO_PASSWORD}', e.g. --user {summary.users_created[0]}",
                  file=sys.stderr)
        where = ctx.db.where
        print(f"{PROG}: database {where}", file=sys.stderr)
        facility = summary.first_facility
        stock = StockStatusService(ctx.db, ctx.actor).status(facility)
        _print_stock(facility, None, stock, "table", sys.stdout)
        return 0
    finally:
        ctx.db.close()


def _demo_context(args: argparse.Namespace, demo: Any) -> Context:
    """Sign in as usual, except that a demo database may be shown again without --user.

    The demo's own admin account, with the demo password everyone knows, is used; if that
    password was changed the database is treated like any other and needs --user.
    """
    settings = _settings(args)
    if settings.username:
        return open_context(args)
    ctx = open_context(args, sign_in=False)
    try:
        from stockdesk.services.users import UserService, has_users

        if not has_users(ctx.db):
            return ctx
        if not demo.demo_present(ctx.db):
            raise CliError("this database has users: sign in with --user NAME "
                           "(or set STOCKDESK_USER)")
        admin = demo.DEMO_ADMIN
        try:
            actor = UserService(ctx.db).authenticate(admin, demo.DEMO_PASSWORD)
        except Exception:
            raise CliError("this demo database's admin password has been changed: sign in "
                           "with --user NAME (or set STOCKDESK_USER)") from None
        return Context(ctx.settings, ctx.db, actor)
    except BaseException:
        ctx.db.close()
        raise


class _Progress:
    """Prints each stage of a long job once as it starts and once as it ends."""

    def __init__(self) -> None:
        self.stage: str | None = None

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        if stage != self.stage:
            self.stage = stage
            print(f"{PROG}: {stage}...", file=sys.stderr)
        elif total and done >= total:
            print(f"{PROG}: {stage}: done ({total:,})", file=sys.stderr)


class _Percent:
    """``sites.csv: 45%`` rewritten in place on a terminal while a big file is read."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = min(100, done * 100 // total) if total else 0
        if percent != self.shown:
            self.shown = percent
            end = "\n" if percent >= 100 else ""
            print(f"\r{self.label}: {percent}%", end=end, file=sys.stderr, flush=True)


def _describe_demo(summary: Any) -> str:
    span = ""
    if summary.first_day and summary.last_day:
        span = f" from {summary.first_day} to {summary.last_day}"
    return (f"{summary.district}: {len(summary.facilities)} facilities and a store, "
            f"{summary.products} products, {summary.movements:,} movements{span} "
            f"in {summary.seconds:.1f} s")


def cmd_import(args: argparse.Namespace) -> int:
    from stockdesk.services.imports import ImportService

    ctx = open_context(args)
    try:
        ctx.actor.require(f"import.{args.kind}")
        service = ImportService(ctx.db, ctx.actor)
        refused = False
        for path in args.files:
            if sys.stderr.isatty():
                result = service.import_file(args.kind, path, progress=_Percent(path.name))
            else:
                result = service.import_file(args.kind, path)
            print(f"{result.status} {path} ({result.rows} rows)")
            sys.stdout.flush()
            for problem in result.problems:
                print(str(problem), file=sys.stderr)
            refused = refused or result.status == "refused"
        return 1 if refused else 0
    finally:
        ctx.db.close()


def cmd_stock(args: argparse.Namespace) -> int:
    from stockdesk.services.stock_status import StockStatusService

    ctx = open_context(args)
    try:
        rows = StockStatusService(ctx.db, ctx.actor).status(args.facility, args.as_of,
                                                            args.profile)
        _print_stock(args.facility, args.as_of, rows, args.format, sys.stdout)
        return 0
    finally:
        ctx.db.close()


def cmd_forecast(args: argparse.Namespace) -> int:
    from stockdesk.services.forecasting import ForecastService

    ctx = open_context(args)
    try:
        rows = ForecastService(ctx.db, ctx.actor).forecast(
            args.facility, args.product, args.months, args.profile, args.as_of)
        _print_forecast(args.facility, args.as_of, rows, args.format, sys.stdout,
                        detailed=args.product is not None)
        return 0
    finally:
        ctx.db.close()


def cmd_requisition_create(args: argparse.Namespace) -> int:
    from stockdesk.services.requisitions import RequisitionService

    ctx = open_context(args)
    try:
        doc = RequisitionService(ctx.db, ctx.actor).create(
            args.facility, args.period, args.program, emergency=args.emergency,
            profile=args.profile)
    finally:
        ctx.db.close()
    _write_requisition(doc, args, "table")
    return 0


def cmd_requisition_export(args: argparse.Namespace) -> int:
    from stockdesk.services.requisitions import RequisitionService

    ctx = open_context(args)
    try:
        doc = RequisitionService(ctx.db, ctx.actor).document(
            args.facility, args.period, args.program, emergency=args.emergency)
    finally:
        ctx.db.close()
    _write_requisition(doc, args, args.format)
    return 0


def cmd_requisition_request(args: argparse.Namespace) -> int:
    from stockdesk.services.requisitions import RequisitionService

    ctx = open_context(args)
    try:
        doc = RequisitionService(ctx.db, ctx.actor).request(
            args.facility, args.period, args.product, args.quantity, args.explanation,
            args.remarks, args.program, emergency=args.emergency)
    finally:
        ctx.db.close()
    line = next(x for x in doc.lines if x.product_code == args.product)
    print(f"{args.product}: J = {line.J} (I = {line.I})"
          + (f", W: {line.W}" if line.W else ""))
    return 0


def cmd_requisition_approve_quantity(args: argparse.Namespace) -> int:
    from stockdesk.services.requisitions import RequisitionService

    ctx = open_context(args)
    try:
        doc = RequisitionService(ctx.db, ctx.actor).approve_quantity(
            args.facility, args.period, args.product, args.quantity, args.program,
            emergency=args.emergency)
    finally:
        ctx.db.close()
    line = next(x for x in doc.lines if x.product_code == args.product)
    print(f"{args.product}: K = {line.K} (requested J = {line.J})")
    return 0


def cmd_requisition_import(args: argparse.Namespace) -> int:
    from stockdesk.services.requisition_import import RequisitionImportService

    ctx = open_context(args)
    try:
        outcomes = RequisitionImportService(ctx.db, ctx.actor).import_files(
            args.files, replace=args.replace,
            progress=_Count("requisitions") if len(args.files) > 5 else None)
    finally:
        ctx.db.close()
    problems = [(o.file, p) for o in outcomes for p in o.problems]
    for o in outcomes:
        what = f"{o.facility} {o.program} {o.period}" if o.facility else ""
        print(f"{o.status} {o.file}" + (f" ({what}, {o.lines} lines)" if what else ""))
    for _, p in problems:
        print(str(p), file=sys.stderr)
    if problems:
        path = args.report or Path("requisition-import-report.csv")
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["file", "sheet", "row", "column", "severity", "message"])
            for name, p in problems:
                where = p.where
                w.writerow([_csv_cell(x) for x in (
                    where.file if where and where.file else name,
                    where.sheet if where else None, where.row if where else None,
                    where.column if where else None, p.severity.name.lower(),
                    describe(p))])
        print(f"{PROG}: problem report {path}", file=sys.stderr)
    return 1 if any(o.status == "refused" for o in outcomes) else 0


class _Count:
    """'requisitions: 12/50' on stderr as files are done."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __call__(self, done: int, total: int) -> None:
        end = "\n" if done == total else "\r"
        print(f"{PROG}: {self.label}: {done}/{total}", end=end, file=sys.stderr, flush=True)


def cmd_requisition_step(args: argparse.Namespace) -> int:
    from stockdesk.services.requisitions import RequisitionService

    ctx = open_context(args)
    try:
        doc = RequisitionService(ctx.db, ctx.actor).step(
            args.facility, args.period, args.action, args.program,
            reason=getattr(args, "reason", None), emergency=args.emergency)
    finally:
        ctx.db.close()
    h = doc.header
    print(f"{h.facility_code} {h.program} {h.period}"
          + (" (emergency)" if h.emergency else "") + f" is now {h.status.value}")
    return 0


RNR_LETTERS = ("A", "B", "C", "D", "E", "X", "N", "P", "H", "I", "J", "K", "V", "T", "Q", "W",
               "L")


def _rnr_columns() -> list[Col]:
    """Code, product and the lettered columns (W, L and T in CSV and JSON only)."""
    return [Col("Code", lambda ln: ln.product_code, "product_code"),
            Col("Product", lambda ln: ln.product_name, "product", flex=True, min_width=8,
                optional=True),
            *(Col(c, functools.partial(_rnr_value, c), c, numeric=c not in "WL",
                  in_table=c not in "WLT") for c in RNR_LETTERS)]


def _rnr_value(column: str, line: Any) -> Any:
    return _rnr_cell(line.value(column))


def _plain_cost(x: Any) -> str | None:
    return None if x is None else str(x)


def _rnr_cell(v: Any) -> Any:
    if isinstance(v, float):
        return round(v, 2)
    return v


def _write_requisition(doc: Any, args: argparse.Namespace, fmt: str) -> None:
    h = doc.header
    wrote = []
    if getattr(args, "xlsx", None):
        from stockdesk.exchange.rnr_xlsx import write_rnr_xlsx

        write_rnr_xlsx(doc, args.xlsx)
        wrote.append(str(args.xlsx))
    if getattr(args, "pdf", None):
        from stockdesk.exchange.rnr_pdf import write_rnr_pdf

        write_rnr_pdf(doc, args.pdf)
        wrote.append(str(args.pdf))
    out = sys.stdout
    if fmt == "json":
        _write_json(out, {"facility": h.facility_code, "program": h.program,
                          "period": h.period, "status": h.status.value,
                          "emergency": h.emergency, "profile": h.profile,
                          "lines": _records(_rnr_columns(), doc.lines),
                          "total_cost": _plain_cost(doc.total_cost())})
    elif fmt == "csv":
        _write_csv(out, _rnr_columns(), doc.lines)
    else:
        title = (f"{'Emergency r' if h.emergency else 'R'}equisition {h.facility_code} "
                 f"{h.program} {h.period}: {h.status.value}, {len(doc.lines)} lines; "
                 f"profile {h.profile}; max {h.max_mos:g}, min {h.min_mos:g}, "
                 f"EOP {h.eop_mos:g} months")
        print(textwrap.fill(title, _terminal_width()), file=out)
        if h.rejection:
            print(f"Rejected: {h.rejection}", file=out)
        print(file=out)
        _write_table(out, [c for c in _rnr_columns() if c.in_table], doc.lines)
    for path in wrote:
        print(f"{PROG}: wrote {path}", file=sys.stderr)


def cmd_district(args: argparse.Namespace) -> int:
    from stockdesk.forecast.district_status import STATUS_ORDER
    from stockdesk.services.forecasting import ForecastService

    ctx = open_context(args)
    try:
        o = ForecastService(ctx.db, ctx.actor).district(args.district, args.as_of,
                                                        args.profile)
    finally:
        ctx.db.close()
    day = o.as_of
    rows = []
    for i in range(len(o)):
        status = o.status.status[i]
        p = float(o.stockout_probability[i])
        if not args.all and not o.needs_action(i):
            continue
        amc = o.status.amc[i]
        stockout = int(o.status.stockout_day[i])
        rows.append({
            "facility": o.facilities[i], "product": o.products[i],
            "usable": int(o.usable[i]), "amc": None if amc != amc else _number(amc),
            "months_of_stock": None if o.status.mos[i] != o.status.mos[i]
            else round(float(o.status.mos[i]), 1),
            "status": str(status),
            "projected_stockout": None if stockout < 0
            else (day + timedelta(days=stockout)).isoformat(),
            "order_quantity": None if o.status.order_quantity[i] < 0
            else int(o.status.order_quantity[i]),
            "forecast_next_month": round(float(o.forecast.point[i][0]), 1),
            "stockout_probability": round(p, 3),
            "_rank": (STATUS_ORDER.index(status), -p),
        })
    rows.sort(key=lambda r: (r["_rank"], r["facility"], r["product"]))
    for r in rows:
        del r["_rank"]
    cols = [Col("Facility", lambda r: r["facility"], "facility", flex=True, min_width=8),
            Col("Product", lambda r: r["product"], "product", flex=True, min_width=10),
            Col("Usable", lambda r: r["usable"], "usable", numeric=True),
            Col("AMC", lambda r: r["amc"], "amc", numeric=True),
            Col("MOS", lambda r: r["months_of_stock"], "months_of_stock", numeric=True),
            Col("Status", lambda r: r["status"].replace("_", " ").capitalize(), flex=True),
            Col("", lambda r: r["status"], "status", in_table=False),
            Col("Stockout", lambda r: "now" if r["usable"] == 0 else r["projected_stockout"],
                in_table=True),
            Col("", lambda r: r["projected_stockout"], "projected_stockout", in_table=False),
            Col("P(out)", lambda r: f"{r['stockout_probability']:.0%}", numeric=True),
            Col("", lambda r: r["stockout_probability"], "stockout_probability",
                in_table=False),
            Col("", lambda r: r["forecast_next_month"], "forecast_next_month", in_table=False),
            Col("", lambda r: r["order_quantity"], "order_quantity", in_table=False)]
    out = sys.stdout
    if args.format == "json":
        _write_json(out, {"district": args.district, "as_of": day.isoformat(),
                          "series": len(o), "rows": rows})
    elif args.format == "csv":
        _write_csv(out, cols, rows)
    else:
        what = "every facility × product" if args.all else (
            "needing action: stocked out, below the emergency point or min, or likely to run "
            "out before the next delivery (P(out) ≥ 50 %)")
        print(f"{args.district} at the end of {day.isoformat()}: {len(rows)} of {len(o)} "
              f"facility × product {what}", file=out)
        if rows:
            print(file=out)
            _write_table(out, [c for c in cols if c.in_table], rows)
    return 0


def _number(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(float(x), 2)


def cmd_count_sheet(args: argparse.Namespace) -> int:
    from stockdesk.exchange.rnr_pdf import write_count_sheet_pdf
    from stockdesk.services.counting import CountSheetService

    ctx = open_context(args)
    try:
        sheet = CountSheetService(ctx.db, ctx.actor).sheet(args.facility, args.program)
    finally:
        ctx.db.close()
    write_count_sheet_pdf(sheet, args.pdf, show_book=args.show_book)
    print(f"{PROG}: wrote {args.pdf} ({len(sheet.rows)} lots to count)", file=sys.stderr)
    return 0


def cmd_stock_card(args: argparse.Namespace) -> int:
    from stockdesk.services.stock import StockService

    ctx = open_context(args)
    try:
        lines = StockService(ctx.db, ctx.actor).stock_card(args.facility, args.product)
        _print_card(args.facility, args.product, lines, args.format, sys.stdout)
        return 0
    finally:
        ctx.db.close()


def cmd_backup(args: argparse.Namespace) -> int:
    from stockdesk.services.backup import BackupService

    ctx = open_context(args)
    try:
        result = BackupService(ctx.db, ctx.actor).backup(args.path, overwrite=args.overwrite)
        print(f"backed up to {result.path} ({_size(result.size)})")
        return 0
    finally:
        ctx.db.close()


def cmd_restore(args: argparse.Namespace) -> int:
    from stockdesk.services.backup import BackupService

    ctx = open_context(args)
    try:
        result = BackupService(ctx.db, ctx.actor).restore(args.path)
        print(f"restored {result.restored_from} ({result.facilities} facilities, "
              f"{result.users} users)")
        print(f"the database as it was before is saved as {result.safety_backup}")
        if result.upgraded:
            print("the restored database was upgraded to this version of StockDesk")
        return 0
    finally:
        ctx.db.close()


def cmd_user_add(args: argparse.Namespace) -> int:
    from stockdesk.app import ENV_NEW_PASSWORD
    from stockdesk.services.users import UserService

    ctx = open_context(args)
    try:
        ctx.actor.require("users.manage")  # before asking for a password nobody may set
        password = _new_password(f"Password for new user {args.name}: ", ENV_NEW_PASSWORD)
        info = UserService(ctx.db, ctx.actor).create_user(
            args.name, args.role, password, full_name=args.full_name, facility=args.facility)
        note = " (must choose a new password at first sign-in)" \
            if info.must_change_password else ""
        print(f"created user {info.username} ({info.role}){note}")
        return 0
    finally:
        ctx.db.close()


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from stockdesk.app import ENV_NEW_PASSWORD
    from stockdesk.services.users import UserService

    ctx = open_context(args)
    try:
        name = args.name or ctx.actor.username
        if ctx.actor.user_id is None and args.name is None:
            raise CliError("name the user whose password to set: stockdesk user passwd NAME", 2)
        own = name.lower() == ctx.actor.username.lower() and ctx.actor.user_id is not None
        if not own:
            ctx.actor.require("users.manage")
        password = _new_password(f"New password for {name}: ", ENV_NEW_PASSWORD)
        info = UserService(ctx.db, ctx.actor).change_password(name, password)
        print(f"password of {info.username} changed"
              + (" (to be changed at next sign-in)" if info.must_change_password else ""))
        return 0
    finally:
        ctx.db.close()


def _new_password(prompt: str, env_name: str) -> str:
    value = os.environ.get(env_name)
    if value is not None:
        return value
    return _ask_password(prompt, env_name, confirm=True)


def cmd_user_recover_admin(args: argparse.Namespace) -> int:
    """Recovery of an admin account by whoever can open the database itself."""
    import socket

    from stockdesk.app import ENV_NEW_PASSWORD
    from stockdesk.services.users import recover_admin

    ctx = open_context(args, sign_in=False)
    try:
        try:
            os_user = getpass.getuser()
        except (OSError, KeyError):  # no login name (a service account): say so in the log
            os_user = "unknown"
        given = os.environ.get(ENV_NEW_PASSWORD)
        password = recover_admin(ctx.db, args.name, os_user=os_user, host=socket.gethostname(),
                                 temporary_password=given)
        shown = f"as given in {ENV_NEW_PASSWORD}" if given else password
        print(f"{args.name} is unlocked and enabled; temporary password: {shown}")
        print(f"sign in with it and choose a new one: stockdesk --user {args.name} user passwd",
              file=sys.stderr)
        return 0
    finally:
        ctx.db.close()


def cmd_user_list(args: argparse.Namespace) -> int:
    from stockdesk.services.users import UserService

    ctx = open_context(args)
    try:
        users = UserService(ctx.db, ctx.actor).list_users()
        columns = [
            Col("User", lambda u: u.username, flex=True),
            Col("Full name", lambda u: u.full_name or "", flex=True),
            Col("Role", lambda u: u.role),
            Col("Facility", lambda u: u.facility or "", flex=True),
            Col("Status", _user_status, flex=True),
        ]
        _write_table(sys.stdout, columns, users)
        return 0
    finally:
        ctx.db.close()


def _user_status(u: Any) -> str:
    states = []
    if not u.active:
        states.append("disabled")
    if u.locked_until is not None:
        states.append(f"locked until {u.locked_until.astimezone():%Y-%m-%d %H:%M}")
    if u.must_change_password:
        states.append("must change password")
    return ", ".join(states) or "active"


def cmd_user_role(args: argparse.Namespace) -> int:
    from stockdesk.services.users import UserService

    ctx = open_context(args)
    try:
        info = UserService(ctx.db, ctx.actor).change_role(args.name, args.role)
        print(f"{info.username} is now {info.role}")
        return 0
    finally:
        ctx.db.close()


def cmd_user_state(args: argparse.Namespace) -> int:
    from stockdesk.services.users import UserService

    ctx = open_context(args)
    try:
        service = UserService(ctx.db, ctx.actor)
        if args.state == "unlock":
            info = service.unlock(args.name)
            print(f"{info.username} is unlocked")
        else:
            info = service.set_active(args.name, args.state == "enable")
            print(f"{info.username} is {'enabled' if info.active else 'disabled'}")
        return 0
    finally:
        ctx.db.close()


# -- output --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    """One output column: header, how to get the cell, and how it may be squeezed."""

    header: str
    get: Callable[[Any], Any]
    key: str = ""  # the CSV/JSON field name; empty: table only
    numeric: bool = False
    flex: bool = False  # may be shortened (with an ellipsis) to fit the terminal
    min_width: int = 6
    in_table: bool = True  # False: CSV and JSON only (the table must fit a terminal)
    optional: bool = False  # left out of a table that cannot fit otherwise


def _value(x: Any) -> Any:
    """The value of an optional Explained figure."""
    return None if x is None else x.value


def _mos_text(r: Any) -> str | None:
    """Months of stock as the explanation prints it: one decimal, half up, more only where a
    level would otherwise seem crossed (status.mos_text)."""
    from fractions import Fraction

    from stockdesk.forecast.levels import exact
    from stockdesk.forecast.status import mos_text

    if r.mos.value is None:
        return None
    return mos_text(Fraction(r.stock.usable) / exact(r.amc.value), r.levels)


def _mos_value(r: Any) -> float | None:
    text = _mos_text(r)
    return None if text is None else float(text)


# Stock status columns, in the order a pharmacist reads them.
STOCK_COLUMNS = [
    Col("Code", lambda r: r.stock.code, "code"),  # never cut: it is what people type
    Col("Product", lambda r: r.stock.description, "product", flex=True, min_width=8,
        optional=True),
    Col("Unit", lambda r: r.stock.unit, "unit", in_table=False),
    Col("On hand", lambda r: r.stock.on_hand, "on_hand", numeric=True, in_table=False),
    Col("Usable", lambda r: r.stock.usable, "usable", numeric=True),
    Col("Expired", lambda r: r.stock.expired, "expired", numeric=True, in_table=False),
    Col("Days out", lambda r: r.stock.stockout_days, "stockout_days", numeric=True,
        in_table=False),
    Col("AMC", lambda r: r.amc.value, "amc", numeric=True),
    Col("MOS", _mos_text, numeric=True),
    Col("", _mos_value, "months_of_stock", in_table=False),
    Col("Status", lambda r: r.status.value.label + ("*" if r.warnings else "")),
    Col("", lambda r: r.status.value.value, "status", in_table=False),
    Col("Max", lambda r: _value(r.max_quantity), "max_quantity", numeric=True, in_table=False),
    Col("Order", lambda r: _value(r.order_quantity), "order_quantity", numeric=True,
        in_table=False),
    Col("Stockout", lambda r: "now" if r.stock.usable == 0 else r.stockout.value),
    Col("", lambda r: r.stockout.value, "projected_stockout", in_table=False),
    Col("Order by", lambda r: r.order_by.value, "order_by", in_table=False),
    Col("At risk", lambda r: r.at_risk, "at_risk_of_expiry", numeric=True),
    Col("Profile", lambda r: r.inputs.profile.name, "profile", in_table=False),
]


def _print_warnings(out: TextIO, rows: Sequence[Any]) -> None:
    """Each distinct warning once, with the products it concerns."""
    by_text: dict[str, list[str]] = {}
    for r in rows:
        for w in (*r.warnings, *(f"levels of {r.inputs.program or 'products without a program'}"
                                 f" at a {r.inputs.facility_type.replace('_', ' ')}: {x}"
                                 for x in r.level_warnings)):
            by_text.setdefault(w, []).append(r.code)
    for text, codes in by_text.items():
        who = ", ".join(codes[:3]) + (f" and {len(codes) - 3} more" if len(codes) > 3 else "")
        print(file=out)
        print(textwrap.fill(f"Warning ({who}): {text}", _terminal_width(),
                            subsequent_indent="  "), file=out)


def _batch(r: Any, label: str) -> str:
    """The batch number behind expiry.py's "lot N" (N: position in the lots it was given)."""
    return str(r.inputs.lots[int(label.split()[-1]) - 1].lot)


def _stock_explanation(r: Any) -> dict[str, str]:
    """Each figure's formula filled in with its numbers, for whoever checks it by hand."""
    figures = {"amc": r.amc, "months_of_stock": r.mos, "status": r.status,
               "max_quantity": r.max_quantity, "order_quantity": r.order_quantity,
               "order_quantity_expiry_aware": r.order_quantity_expiry_aware,
               "projected_stockout": r.stockout, "order_by": r.order_by}
    if r.expiry is not None:
        figures["at_risk_of_expiry"] = r.expiry.at_risk_within
    return {k: str(v) for k, v in figures.items() if v is not None}


def _print_stock(facility: str, as_of: date | None, rows: Sequence[Any], fmt: str,
                 out: TextIO) -> None:
    day = as_of or _today()
    if fmt == "json":
        products = _records(STOCK_COLUMNS, rows)
        for record, r in zip(products, rows, strict=True):
            record["order_quantity_expiry_aware"] = _value(r.order_quantity_expiry_aware)
            record["pipeline"] = [{"expected": d.isoformat(), "quantity": q}
                                  for d, q in r.inputs.pipeline]
            if r.expiry is not None:  # AC-12: what FEFO use will consume before expiry
                eff = r.expiry.effective_mos.value
                record["effective_months_of_stock"] = None if eff is None else round(eff, 2)
                record["lots"] = [{"lot": _batch(r, run.label), "quantity": run.quantity,
                                   "expiry": _plain(run.expiry), "consumed": run.consumed,
                                   "at_risk": run.at_risk} for run in r.expiry.lots]
            record["explanation"] = _stock_explanation(r)
            if r.warnings or r.level_warnings:
                record["warnings"] = [*r.warnings, *r.level_warnings]
        _write_json(out, {"facility": facility, "as_of": day.isoformat(),
                          "products": products})
    elif fmt == "csv":
        _write_csv(out, STOCK_COLUMNS, rows)
    else:
        print(f"Stock at {facility} at the end of {day.isoformat()}"
              f" - {len(rows)} product{'s' if len(rows) != 1 else ''}", file=out)
        if rows:
            legend = ("AMC: average monthly consumption; MOS: months of stock; Stockout: "
                      "projected date at the AMC; At risk: will expire unused within 6 months"
                      + ("; *: see the warning below" if any(r.warnings for r in rows)
                         else ""))
            print(textwrap.fill(legend, _terminal_width()), file=out)
            print(file=out)
            _write_table(out, [c for c in STOCK_COLUMNS if c.in_table], rows)
            _print_warnings(out, rows)
        else:
            print("No stock has been recorded at this facility.", file=out)


def _forecast_record(r: Any) -> dict[str, Any]:
    f = r.forecast
    return {
        "code": r.code, "product": r.inputs.stock.description, "unit": r.inputs.stock.unit,
        "method": f.method, "demand_class": f.demand_class, "window": f.window,
        "backtest_mase": _finite(f.mase), "backtest_mase_amc3": _finite(f.mase_amc3),
        "months": [{"period": p, "forecast": round(v, 1), "lower": round(lo, 1),
                    "upper": round(hi, 1)}
                   for p, v, lo, hi in zip(r.periods, f.point, f.lower, f.upper, strict=True)],
        "interval": f"{f.level:.0%}",
        "amc": r.amc.value, "profile": r.inputs.profile.name, "usable": r.inputs.stock.usable,
        "next_delivery": r.next_delivery.isoformat(),
        "stock_for_delivery": r.stock_for_delivery,
        "stockout_probability": round(r.stockout_probability.value, 3),
        "explanation": {"forecast": str(f.explanation), "amc": str(r.amc),
                        "stockout_probability": str(r.stockout_probability)},
        "order_method": f.order_method,
        "max_from_forecast": _value(r.max_from_forecast),
        "order_from_forecast": _value(r.order_from_forecast),
        "warnings": list(r.warnings),
    }


def _finite(x: float) -> float | None:
    return None if x != x else round(x, 3)


def _print_forecast(facility: str, as_of: date | None, rows: Sequence[Any], fmt: str,
                    out: TextIO, *, detailed: bool) -> None:
    day = as_of or _today()
    if fmt == "json":
        _write_json(out, {"facility": facility, "as_of": day.isoformat(),
                          "products": [_forecast_record(r) for r in rows]})
        return
    if fmt == "csv":  # one row per product and month: easy to chart or pivot
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["code", "period", "forecast", "lower", "upper", "method",
                         "demand_class", "amc", "stockout_probability"])
        for r in rows:
            rec = _forecast_record(r)
            for m in rec["months"]:
                writer.writerow([_csv_cell(r.code), m["period"], m["forecast"], m["lower"],
                                 m["upper"], rec["method"], rec["demand_class"], rec["amc"],
                                 rec["stockout_probability"]])
        return
    periods = rows[0].periods if rows else ()
    last = rows[0].forecast.window.split("..")[-1][:7] if rows else ""
    basis = f"complete months up to {last}" if last[:1].isdigit() else "the months recorded"
    print(textwrap.fill(f"Forecast at {facility} on {day.isoformat()} from the {basis}"
                        f" - {len(rows)} product{'s' if len(rows) != 1 else ''}",
                        _terminal_width()), file=out)
    if not rows:
        print("No product has been recorded at this facility.", file=out)
        return
    if detailed:
        for r in rows:
            _print_forecast_detail(r, out)
        return
    legend = ("Per month: expected consumption; P(out): chance of running out before the "
              "next delivery; Order: to cover the coming months up to the max; --product CODE "
              "explains one product")
    print(textwrap.fill(legend, _terminal_width()), file=out)
    print(file=out)
    cols = [Col("Code", lambda r: r.code),
            Col("Product", lambda r: r.inputs.stock.description, flex=True, min_width=8,
                optional=True),
            Col("Usable", lambda r: r.inputs.stock.usable, numeric=True),
            Col("AMC", lambda r: r.amc.value, numeric=True)]
    fixed = sum(max([len(c.header)] + [len(str(c.get(r))) for r in rows]) + 2
                for c in cols if not c.flex)
    fits = max(1, (_terminal_width() - fixed - 15 - 10) // 9)  # P(out), Order; a short name
    shown = periods[:min(MONTH_COLUMNS, fits)]
    cols += [Col(p, functools.partial(_month_point, i), numeric=True)
             for i, p in enumerate(shown)]
    cols += [Col("P(out)", lambda r: f"{r.stockout_probability.value:.0%}", numeric=True),
             Col("Order", lambda r: _value(r.order_from_forecast), numeric=True)]
    _write_table(out, cols, rows)
    if len(periods) > len(shown):
        print(f"({len(shown)} of {len(periods)} months shown: --format csv or json has all)",
              file=out)


MONTH_COLUMNS = 6  # beyond, a terminal line overflows; CSV and JSON carry every month


def _month_point(i: int, r: Any) -> str:
    return _qty(r.forecast.point[i])


def _qty(x: float) -> str:
    return f"{x:.0f}" if x >= 10 else f"{x:.1f}"


def _print_forecast_detail(r: Any, out: TextIO) -> None:
    f = r.forecast
    stock = r.inputs.stock
    print(file=out)
    print(f"{stock.code}  {stock.description}  ({stock.unit})", file=out)
    print(f"  method        {f.method}, demand class {f.demand_class}", file=out)
    print(f"  history       {f.window}", file=out)
    if f.mase == f.mase:
        print(f"  backtest      MASE {f.mase:.3f} (AMC-3 on the same months: "
              f"{f.mase_amc3:.3f}; below 1 beats repeating last month)", file=out)
    print(f"  forecast      {f.explanation.formula}", file=out)
    for note in f.explanation.notes[3:]:  # class, backtest and window are printed above
        print(f"                {note}", file=out)
    print(f"  AMC           {r.amc}  [{r.inputs.profile.name}]", file=out)
    print(f"  next delivery {r.next_delivery.isoformat()} (one lead time from now); usable "
          f"stock then {r.stock_for_delivery}", file=out)
    print(f"  stockout risk {r.stockout_probability.formula}", file=out)
    if r.max_from_forecast is not None and r.order_from_forecast is not None:
        print(f"  to order      {r.max_from_forecast.formula}; "
              f"{r.order_from_forecast.formula}", file=out)
    for warning in r.warnings:
        print(f"  warning       {warning}", file=out)
    print(file=out)
    cols = [Col("Month", lambda m: m[0]),
            Col("Forecast", lambda m: _qty(m[1]), numeric=True),
            Col(f"{f.level:.0%} from", lambda m: _qty(m[2]), numeric=True),
            Col("to", lambda m: _qty(m[3]), numeric=True)]
    _write_table(out, cols, list(zip(r.periods, f.point, f.lower, f.upper, strict=True)))


def _lot_text(c: Any) -> str:
    if not c.lot:
        return "-"
    return f"{c.lot} ({c.expiry:%Y-%m})" if c.expiry else c.lot


def _movement_text(c: Any) -> str:
    text = c.kind
    if c.reason and c.reason != "reversal":
        text += f" {c.reason}"
    if c.counted is not None:
        text += f" {c.counted}"
    return text


CARD_TABLE = [
    Col("Date", lambda c: c.occurred_on.isoformat(), min_width=10),
    Col("Movement", _movement_text, flex=True, min_width=12),
    Col("Reference", lambda c: " ".join(x for x in (c.reference, c.counterparty) if x),
        flex=True, min_width=6),
    Col("Lot", _lot_text, flex=True, min_width=12),
    Col("In", lambda c: c.quantity_in or "", numeric=True, min_width=3),
    Col("Out", lambda c: c.quantity_out or "", numeric=True, min_width=3),
    Col("Lot bal", lambda c: c.lot_balance, numeric=True),
    Col("Balance", lambda c: c.balance, numeric=True),
    Col("User", lambda c: c.user or "", flex=True, min_width=4),
]
CARD_FIELDS = [
    Col("", lambda c: c.movement_id, "movement_id"),
    Col("", lambda c: c.occurred_on, "date"),
    Col("", lambda c: c.recorded_at, "recorded_at"),
    Col("", lambda c: c.kind, "kind"),
    Col("", lambda c: c.reason, "reason"),
    Col("", lambda c: c.reference, "reference"),
    Col("", lambda c: c.counterparty, "counterparty"),
    Col("", lambda c: c.lot, "lot"),
    Col("", lambda c: c.expiry, "expiry"),
    Col("", lambda c: c.quantity_in, "quantity_in"),
    Col("", lambda c: c.quantity_out, "quantity_out"),
    Col("", lambda c: c.counted, "counted"),
    Col("", lambda c: c.lot_balance, "lot_balance"),
    Col("", lambda c: c.balance, "balance"),
    Col("", lambda c: c.user, "user"),
    Col("", lambda c: c.note, "note"),
]


def _print_card(facility: str, product: str, lines: Sequence[Any], fmt: str,
                out: TextIO) -> None:
    if fmt == "json":
        _write_json(out, {"facility": facility, "product": product,
                          "lines": _records(CARD_FIELDS, lines)})
    elif fmt == "csv":
        _write_csv(out, CARD_FIELDS, lines)
    else:
        print(f"Stock card of {product} at {facility} - {len(lines)} "
              f"line{'s' if len(lines) != 1 else ''}", file=out)
        if lines:
            print(file=out)
            _write_table(out, CARD_TABLE, lines)
        else:
            print("No movement of this product has been recorded here.", file=out)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _records(columns: Sequence[Col], rows: Sequence[Any]) -> list[dict[str, Any]]:
    return [{c.key: _plain(c.get(r)) for c in columns if c.key} for r in rows]


def _write_json(out: TextIO, payload: Any) -> None:
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _csv_cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula is quoted with a leading apostrophe."""
    from stockdesk.exchange.cells import csv_text

    return csv_text(_plain(value))


def _write_csv(out: TextIO, columns: Sequence[Col], rows: Sequence[Any]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    keyed = [c for c in columns if c.key]
    writer.writerow([c.key for c in keyed])
    for r in rows:
        writer.writerow([_csv_cell(c.get(r)) for c in keyed])


def _terminal_width() -> int:
    columns = shutil.get_terminal_size((100, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def _write_table(out: TextIO, columns: Sequence[Col], rows: Sequence[Any],
                 width: int | None = None) -> None:
    """Aligned columns within ``width``: flexible text columns give way first, longest first,
    so numbers are never cut; an optional column is left out when even that is not enough."""
    width = width or _terminal_width()
    columns = list(columns)
    while True:
        widths = [max([len(c.header)] + [len(_table_cell(c.get(r))) for r in rows])
                  for c in columns]
        least = sum(min(w, max(c.min_width, 1)) if c.flex else w
                    for w, c in zip(widths, columns, strict=True)) + 2 * (len(columns) - 1)
        drop = [i for i, c in enumerate(columns) if c.optional]
        if least <= width or not drop:
            break
        del columns[drop[-1]]
    cells = [[_table_cell(c.get(r)) for c in columns] for r in rows]
    widths = [max([len(c.header)] + [len(row[i]) for row in cells])
              for i, c in enumerate(columns)]
    gap = 2
    excess = sum(widths) + gap * (len(columns) - 1) - width
    while excess > 0:
        candidates = [i for i, c in enumerate(columns)
                      if c.flex and widths[i] > max(c.min_width, 1)]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1

    def line(values: Sequence[str]) -> str:
        parts = []
        for value, col, w in zip(values, columns, widths, strict=True):
            value = value if len(value) <= w else value[: max(w - 1, 0)] + "…"
            parts.append(value.rjust(w) if col.numeric else value.ljust(w))
        return (" " * gap).join(parts).rstrip()

    print(line([c.header for c in columns]), file=out)
    print(line(["-" * w for w in widths]), file=out)
    for row in cells:
        print(line(row), file=out)


def _table_cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    return str(value)


def _size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"


def _today() -> date:
    from stockdesk.services.clock import today_local

    return today_local()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
