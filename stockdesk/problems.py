"""One problem type for everything wrong with user data.

Checks return ``Problem`` values instead of raising, so a service can collect every problem of
a submission at once and write nothing when any of them is an ERROR.  Codes are stable dotted
keys (``issue.exceeds_balance``); only the UI turns them into translated sentences, while the
CLI prints the English text built here by :func:`describe`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2


@dataclass(frozen=True)
class Location:
    """Where a problem sits in an input file (1-based row as a spreadsheet shows it)."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.sheet:
            parts[0] += f"[{self.sheet}]"
        if self.row is not None:
            parts.append(str(self.row))
        if self.column:
            parts.append(self.column)
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity = Severity.ERROR
    where: Location | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def at(self, where: Location) -> Problem:
        return Problem(self.code, self.params, self.severity, where)

    def __str__(self) -> str:
        text = describe(self)
        if self.where is not None:
            return f"{self.where}: {self.severity.name.lower()}: {text}"
        return f"{self.severity.name.lower()}: {text}"


def error(code: str, /, **params: Any) -> Problem:
    return Problem(code, params, Severity.ERROR)


def warning(code: str, /, **params: Any) -> Problem:
    return Problem(code, params, Severity.WARNING)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


class ProblemsFound(Exception):
    """Raised by a service when its input has ERROR problems; nothing was written."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# English texts for the CLI and logs.  The UI has its own translated catalogue keyed by code.
MESSAGES: dict[str, str] = {
    "auth.forbidden": "{user} ({role}) may not {action}: ask {allowed}",
    "auth.other_facility": (
        "{user} works at {own} and may not record stock at {facility}; ask someone there "
        "or the district logistician"
    ),
    "auth.unknown_user": "unknown user {user}",
    "auth.bad_password": "wrong password for {user}",
    "auth.locked": "user {user} is locked after repeated failed sign-ins; try again after {until}",
    "auth.bad_credentials": "wrong user name or password",
    "auth.must_change_password": (
        "user {user} must choose a new password before changing any data "
        "(stockdesk user passwd {user})"
    ),
    "user.bad_name": (
        "a user name has 2 to 64 letters, digits, dots, dashes or underscores, got {value!r}"
    ),
    "user.bad_role": "role must be one of {allowed}, got {value!r}",
    "user.exists": "a user named {user} already exists",
    "user.password_too_short": "the password must have at least {min} characters",
    "user.password_is_name": "the password must not be the user name",
    "user.password_unchanged": "the new password must differ from the current one",
    "user.first_must_be_admin": "the first user must be an admin, so that someone can manage users",
    "user.last_admin": "{user} is the last active admin; make another user admin first",
    "user.recover_not_admin": (
        "{user} is a {role}, not an admin: only an admin password is recovered this way; "
        "ask an admin to reset it (stockdesk user passwd {user})"
    ),
    "backup.not_found": "the file does not exist or cannot be read",
    "backup.not_sqlite": "this is not a StockDesk database (not an SQLite file)",
    "backup.not_stockdesk": "this SQLite file is not a StockDesk database",
    "backup.damaged": "the database file is damaged and cannot be restored ({detail})",
    "backup.too_new": (
        "this backup was made by a newer StockDesk (schema {revision}); this is StockDesk "
        "{version}. Install the newer version to restore it"
    ),
    "backup.same_file": "this is the database in use, not a backup of it",
    "backup.exists": "the file already exists; choose another name or use --overwrite",
    "backup.failed": "the backup could not be written: {detail}",
    "backup.pg_dump_missing": (
        "pg_dump was not found on PATH: install the PostgreSQL client tools, or ask the "
        "server's administrator to back up the database"
    ),
    "backup.restore_postgres": (
        "a PostgreSQL database is restored by the server's administrator with pg_restore, "
        "not by StockDesk"
    ),
    "facility.unknown": "unknown facility code {code!r}",
    "product.unknown": "unknown product code {code!r}",
    "program.unknown": "unknown program {code!r}",
    "district.unknown": "no facility is in a district named {name!r}",
    "forecast.horizon": "forecast months must be between 1 and {most}, got {months}",
    "forecast.no_record": "{facility} has no record of {product}: nothing to forecast",
    "rnr.not_xlsx": "this is {found}, not an R&R workbook (.xlsx) written by StockDesk",
    "rnr.not_rnr": "this workbook is not a StockDesk R&R: {detail}",
    "rnr.missing_sheet": "the R&R workbook has no sheet {sheet!r}",
    "rnr.format_version": (
        "R&R format version {version!r} is not known to this StockDesk (known: {known}); "
        "install a newer version"
    ),
    "rnr.meta_missing": "the meta sheet lacks {keys}",
    "rnr.extra_columns": "unexpected column(s): {columns}",
    "rnr.checksum_mismatch": (
        "the data rows were changed after the R&R was written (SHA-256 {found}, the file says "
        "{expected}); ask the facility to export it again"
    ),
    "rnr.meta_mismatch": "{field} is {value!r} but the meta sheet says {expected!r}",
    "report.months": "a report covers 1 to {most} months, not {months}",
    "report.scope": "name a facility or a district, not both and not neither",
    "requisition.period": "period {period!r} is neither a month (YYYY-MM) nor a quarter "
                          "(YYYY-Qn)",
    "requisition.period_open": "{period} is not over yet (it ends on {last}): a requisition "
                               "reports a completed month",
    "requisition.nothing": "{facility} has no figures for {program} in {period}: nothing to "
                           "report",
    "requisition.exists": "{facility} already has a {program} requisition for {period}; export "
                          "it, or create an emergency one with --emergency",
    "requisition.unknown": "{facility} has no {program} requisition for {period}; create it "
                           "first",
    "requisition.which_program": "say which program (--program): {programs}",
    "requisition.frozen": "this requisition is {status} and can no longer change; corrections "
                          "go into the next period",
    "requisition.no_line": "the requisition has no line for {product}",
    "requisition.line": "{product}, column {column}: {message}",
    "requisition.step": "unknown step {action!r}; steps: {steps}",
    "requisition.refused": "{why}",
    "requisition.not_sent": "this R&R is {status}: only a submitted (or later) R&R can be "
                            "imported; ask the facility to submit it and export it again",
    "requisition.other_version": "a different version of {facility}'s {program} R&R for "
                                 "{period} is already here ({status}); import with --replace "
                                 "to replace it",
    "requisition.local_exists": "{facility}'s {program} R&R for {period} was made in this "
                                "database; an imported one cannot replace it",
    "requisition.repeated": "{product} appears again (first on row {first}): one line per "
                            "product",
    "requisition.other_program": "{product} is not a product of the {program} program",
    "requisition.store_failed": "the R&R could not be stored ({detail}); nothing of it was "
                                "kept",
    "requisition.approval_not_imported": "the file says {status}; approval is given here, so "
                                         "it was imported as authorized, without K",
    "requisition.approved_here": "{facility}'s {program} R&R for {period} is already {status} "
                                 "here; a new version cannot replace it",
    "requisition.history_missing": "{product}: P not rechecked, this office holds no figures "
                                   "of {months}",
    "requisition.recomputed": "{product}: {column} = {sent} but the {profile} rule gives "
                              "{computed}",
    "profile.unknown": "unknown calculation profile {name!r}; known: {known}",
    "movement.unknown": "movement {id} does not exist",
    "quantity.not_positive": "quantity must be a whole number above zero, got {value!r}",
    "date.in_future": "date {date} is in the future (today is {today})",
    "lot.expiry_conflict": "lot {lot} of {product} is recorded with expiry {known}, not {given}",
    "lot.required": "a lot (batch number) is required for {product}",
    "lot.unknown": "lot {lot} of {product} has no stock at {facility}",
    "issue.exceeds_balance": (
        "cannot take {quantity} of {product}{lot_text} on {date}: the usable balance is {balance}"
    ),
    "issue.expired_lot": (
        "lot {lot} of {product} expired on {expiry}: it cannot be issued on {date}"
    ),
    "ledger.negative_balance": (
        "this would make lot {lot} of {product} negative ({balance}) on {date}"
    ),
    "reason.required": "a reason is required for {kind}",
    "reason.unknown": "unknown reason {reason!r} for {kind}; use one of: {allowed}",
    "counterparty.required": "a transfer needs the other facility or community health worker",
    "reversal.reason_required": "a reversal needs a reason",
    "reversal.already_reversed": "movement {id} was already reversed by movement {by}",
    "reversal.of_reversal": "movement {id} is itself a reversal; post a new movement instead",
    "reversal.of_count": (
        "movement {id} is a physical count: a count is corrected by posting a new physical "
        "count"
    ),
    "count.duplicate_lot": "lot {lot} of {product} is counted twice",
    "count.lot_required": (
        "{product} is kept in lots: count each lot (batch) separately, not the product total"
    ),
    "count.later_exists": (
        "{product} was counted on {counted}: nothing can be dated {date}, on or before that "
        "count; post the correction after it"
    ),
    "reversal.before_original": (
        "a reversal of movement {id} cannot be dated {date}, before the movement itself "
        "({original})"
    ),
    "movement.no_lines": "a movement needs at least one line",
    "import.empty": "the file has no data rows",
    "import.unreadable": "the file cannot be read: {detail}",
    "import.missing_columns": "missing column(s): {columns}",
    "import.duplicate_column": "column {column!r} appears twice",
    "import.required": "{field} is required",
    "import.not_integer": "{field} must be a whole number, got {value!r}",
    "import.not_number": "{field} must be a number, got {value!r}",
    "import.negative": "{field} must not be negative, got {value}",
    "import.bad_date": "{field} must be a date (YYYY-MM-DD), got {value!r}",
    "import.bad_period": "{field} must be a month (YYYY-MM), got {value!r}",
    "import.bad_choice": "{field} must be one of {allowed}, got {value!r}",
    "import.bad_bool": "{field} must be yes/no, got {value!r}",
    "import.identity": (
        "opening {a} + received {b} + losses/adjustments {d} - consumed {c} = {expected}, "
        "but closing balance is {e}"
    ),
    "import.stockout_days_invalid": (
        "stockout days {value} exceed the {days} days of {period}; stored as unknown"
    ),
    "import.conflict": "{what} is already recorded with different values ({detail})",
    "import.already_imported": "this file was already imported on {when}; nothing changed",
    "import.duplicate_row": "same {what} as row {other}",
    "import.too_large": "the file is larger than {limit}",
    "demo.not_imported": "the demo ledger was not written (import {status})",
    "demo.not_empty": (
        "this database already holds real records ({facilities} facilities, {users} users): "
        "build the demo in a new database, e.g. stockdesk --db demo.sqlite3 demo"
    ),
    "import.too_many_rows": "the file has more than {limit} rows",
    "import.wrong_type": "this is {found}; save it as CSV or Excel (.xlsx) and import that",
    "import.same_column": "columns {first!r} and {column!r} both give {field}; keep one",
    "import.cancelled": "the import was cancelled; nothing changed",
    "import.more_problems": "and {count} more problem(s) not shown ({errors} of them errors)",
    "import.out_of_range": "{field} must be between {low} and {high}, got {value}",
    "import.not_positive": "{field} must be above zero, got {value}",
    "import.too_long": "{field} is longer than {limit} characters",
    "import.bad_code": "{field} {value!r} cannot be a code: {why}",
    "import.bad_gtin": (
        "{field} must be a GTIN-8, -12, -13 or -14 with a correct check digit, got {value!r}"
    ),
    "import.levels_inconsistent": (
        "levels for {program} at {facility_type} look inconsistent: {detail}; "
        "imported as given"
    ),
}


def describe(problem: Problem) -> str:
    template = MESSAGES.get(problem.code)
    if template is None:
        detail = ", ".join(f"{k}={v!r}" for k, v in problem.params.items())
        return f"{problem.code}" + (f" ({detail})" if detail else "")
    try:
        return template.format(**problem.params)
    except (KeyError, IndexError, ValueError):
        return f"{problem.code} {dict(problem.params)!r}"
