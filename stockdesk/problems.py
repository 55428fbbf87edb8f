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
    "auth.forbidden": "user {user} ({role}) may not {operation}",
    "auth.unknown_user": "unknown user {user}",
    "auth.bad_password": "wrong password for {user}",
    "auth.locked": "user {user} is locked after repeated failed sign-ins; try again after {until}",
    "facility.unknown": "unknown facility code {code!r}",
    "product.unknown": "unknown product code {code!r}",
    "program.unknown": "unknown program {code!r}",
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
        "movement {id} is a physical count; reverse its adjustment {adjustment} instead"
    ),
    "count.duplicate_lot": "lot {lot} of {product} is counted twice",
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
