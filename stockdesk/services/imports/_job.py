"""One file being imported: where its problems point, how many there are, progress, cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from stockdesk.exchange.columns import ColumnMap
from stockdesk.problems import Location, Problem, Severity

IMPORTED, SKIPPED, REFUSED = "imported", "skipped", "refused"
MAX_PROBLEMS = 200  # a file with more shows the first ones and "and N more"
PROGRESS_EVERY = 10_000  # rows between two progress reports (and chances to cancel)
MAX_QUANTITY = 1_000_000_000  # quantities and balances are 32-bit integers in the database

Rows = Iterator[tuple[int, list[str]]]  # (spreadsheet row number, cell texts)


@dataclass(frozen=True)
class ImportResult:
    file: str
    kind: str
    status: str  # 'imported' | 'skipped' | 'refused'
    rows: int
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


class Cancelled(Exception):
    """The user cancelled: the transaction unwinds and nothing is written."""


class Job:
    """One file being imported: where problems point, how many there are, progress.

    Only the first :data:`MAX_PROBLEMS` problems are kept (and built); the others are counted
    and summed up in one ``import.more_problems``.
    """

    def __init__(self, name: str, sheet: str | None, columns: ColumnMap | None, total: int,
                 progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None):
        self.name = name
        self.sheet = sheet
        self.header = columns.header if columns else {}
        self.total = max(total, 1)
        self.progress = progress
        self.cancelled = cancelled
        self.kind = ""
        self.sha256 = ""
        self.items: list[Problem] = []
        self.errors = 0
        self.hidden = 0
        self.hidden_errors = 0
        self.rows = 0

    def at(self, row: int | None, field: str | None = None) -> Location:
        """The file, sheet, row and column (as the file's header names it) of ``field``."""
        column = self.header.get(field, field) if field else None
        return Location(self.name, self.sheet, row, column)

    def add(self, problem: Problem) -> None:
        if problem.is_error:
            self.errors += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(problem)
        else:
            self.hidden += 1
            self.hidden_errors += problem.is_error

    def err(self, code: str, row: int | None, field: str | None = None, /,
            **params: Any) -> None:
        """An ERROR; built only while under the cap, so a million bad rows stay cheap."""
        self.errors += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(code, params, Severity.ERROR, self.at(row, field)))
        else:
            self.hidden += 1
            self.hidden_errors += 1

    def warn(self, code: str, row: int | None, field: str | None = None, /,
             **params: Any) -> None:
        self.add(Problem(code, params, Severity.WARNING, self.at(row, field)))

    def missing_or_unknown(self, code: str, row: int, field: str, unknown: str) -> None:
        """A code cell that names nothing known: ``unknown``, or ``import.required`` if blank."""
        if code:
            self.err(unknown, row, field, code=code)
        else:
            self.err("import.required", row, field, field=field)

    def problems(self) -> tuple[Problem, ...]:
        out = list(self.items)
        if self.hidden:
            severity = Severity.ERROR if self.hidden_errors else Severity.WARNING
            out.append(Problem("import.more_problems",
                               {"count": self.hidden, "errors": self.hidden_errors}, severity,
                               Location(self.name, self.sheet)))
        return tuple(out)

    def tick(self, done: int) -> None:
        """Report progress and stop if the user cancelled (checked every few thousand rows)."""
        if self.progress is not None:
            self.progress(min(done, self.total), self.total)
        if self.cancelled is not None and self.cancelled():
            raise Cancelled

    def result(self, kind: str, status: str) -> ImportResult:
        return ImportResult(self.name, kind, status, self.rows, self.problems())


def padded(rows: Rows, width: int) -> Rows:
    """Rows at least ``width`` cells long, so columns can be read by index without checks."""
    for number, cells in rows:
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        yield number, cells
