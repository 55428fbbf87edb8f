"""Reporting periods of an R&R: a month (``2024-03``) or, as an option, a quarter
(``2024-Q1``), with the months it covers."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Period:
    code: str
    start: date
    end: date
    months: tuple[str, ...]  # YYYY-MM, oldest first

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def quarterly(self) -> bool:
        return len(self.months) == 3


def parse_period(text: str) -> Period | None:
    """The period a code names, or None when it names none."""
    text = text.strip()
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        return Period(text, date(year, month, 1),
                      date(year, month, calendar.monthrange(year, month)[1]), (text,))
    if m := _QUARTER.match(text):
        year, q = int(m[1]), int(m[2])
        first = 3 * q - 2
        months = tuple(f"{year:04d}-{first + i:02d}" for i in range(3))
        return Period(text, date(year, first, 1),
                      date(year, first + 2, calendar.monthrange(year, first + 2)[1]), months)
    return None


__all__ = ["Period", "parse_period"]
