"""Turning the text of one spreadsheet cell into a typed value.

Each parser takes the cell text (as :mod:`stockdesk.exchange.tabular` hands it over) and returns
the value or raises ``ValueError``; the caller turns that into a problem with a location.
They accept what real exports and a French or English Excel write (``1 200``, ``0,5``,
``31/12/2024``), and refuse anything ambiguous rather than guess.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from stockdesk.exchange.columns import normalise
from stockdesk.inventory import gs1

# Characters spreadsheets put between thousands: space, no-break space, narrow no-break space.
_THOUSANDS = str.maketrans("", "", " \u00a0\u202f")
_ZERO_FRACTION = re.compile(r"^([+-]?\d+)[.,]0+$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_WITH_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_PERIOD = re.compile(r"^(\d{4})-?(\d{1,2})$")
_PERIOD_MONTH_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_FIRST_YEAR = 1900

TRUE_WORDS = frozenset({"yes", "y", "true", "1", "oui", "o", "x", "si", "sí", "sim", "vrai", "t"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "non", "nao", "não", "faux", "f", ""})


def parse_int(text: str) -> int:
    """A whole number; ``1 200`` and ``12.0`` are fine, ``12.5`` and ``1,200`` are not.

    A comma between digit groups could be a thousands separator (English) or a decimal comma
    (French), so it is refused instead of guessed.
    """
    try:
        return int(text)
    except ValueError:
        pass
    cleaned = text.translate(_THOUSANDS)
    match = _ZERO_FRACTION.match(cleaned)
    if match:
        cleaned = match.group(1)
    if not cleaned or not cleaned.lstrip("+-").isdigit() or not cleaned.isascii():
        raise ValueError(text)
    return int(cleaned)


def parse_decimal(text: str) -> Decimal:
    """A finite decimal number; a decimal comma is accepted when there is no point."""
    cleaned = text.strip().translate(_THOUSANDS)
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def parse_float(text: str) -> float:
    value = float(parse_decimal(text))
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_date(text: str) -> date:
    """``YYYY-MM-DD`` (an Excel date cell arrives so), or day first: ``31/12/2024``.

    Month-first dates (US) are not accepted: ``03/04/2024`` is 3 April, as in the countries
    StockDesk serves.  Two-digit years are refused.
    """
    text = text.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        value = date.fromisoformat(text)
    else:
        match = _ISO_WITH_TIME.match(text)
        if match:
            value = date.fromisoformat(match.group(1))
        else:
            match = _DAY_FIRST.match(text)
            if not match:
                raise ValueError(text)
            day, month, year = (int(g) for g in match.groups())
            value = date(year, month, day)
    if value.year < _FIRST_YEAR:
        raise ValueError(text)
    return value


def parse_period(text: str) -> str:
    """A month as ``YYYY-MM``; also ``YYYYMM`` (DHIS2), ``MM/YYYY`` and a first-of-month date."""
    text = text.strip()
    match = _PERIOD.match(text)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
    else:
        match = _PERIOD_MONTH_FIRST.match(text)
        if match:
            month, year = int(match.group(1)), int(match.group(2))
        else:
            day = parse_date(text)
            if day.day != 1:
                raise ValueError(text)
            year, month = day.year, day.month
    return make_period(year, month)


def make_period(year: int, month: int) -> str:
    if not (_FIRST_YEAR <= year <= 9999 and 1 <= month <= 12):
        raise ValueError(f"{year}-{month}")
    return f"{year:04d}-{month:02d}"


def parse_bool(text: str) -> bool:
    word = normalise(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(text)


def parse_gtin(text: str) -> str:
    """A GTIN-8/12/13/14 with a correct GS1 check digit (a wrong one is a typo or misread)."""
    digits = text.strip().translate(_THOUSANDS)
    if not gs1.gtin_valid(digits):
        raise ValueError(text)
    return digits


_PACK = re.compile(
    r"\b(?:BTE|BOITE|BO[IÎ]TE|BOX|PACK|PKT|CTN|CARTON|FL|FLACON)\s*(?:/|OF|DE|X)\s*(\d{1,6})\b",
    re.IGNORECASE,
)


def pack_size_from_label(label: str) -> int | None:
    """Pack size written in a product label, e.g. ``… BTE/100 BOITE`` → 100 (eLMIS style)."""
    match = _PACK.search(label)
    if not match:
        return None
    size = int(match.group(1))
    return size if size > 0 else None


# Cyrillic and Greek letters drawn like Latin ones: "НС01" in Cyrillic looks exactly like
# "HC01".  (A small table of the look-alikes is enough: codes are short and mostly ASCII.)
_LOOK_ALIKES = frozenset("АВЕЅІЈКМНОРСТХУаеорсхуіјѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιν")


def code_problem(text: str) -> str | None:
    """Why ``text`` cannot be a product or facility code, in words; None when it can.

    A code is matched exactly, so characters nobody sees (zero-width spaces, joiners, BOMs,
    control characters, non-breaking or other odd spaces) or letters of another alphabet
    drawn like Latin ones would make a second "HC01" that no one could tell from the first.
    """
    for ch in text:
        if unicodedata.category(ch)[0] in "CZ" and ch != " ":
            name = unicodedata.name(ch, f"U+{ord(ch):04X}")
            return f"it contains an invisible or control character ({name})"
    if not text.isascii() and any(ch in _LOOK_ALIKES for ch in text) and all(
            ch.isascii() or ch in _LOOK_ALIKES or not ch.isalpha() for ch in text):
        return "it is written with Cyrillic or Greek letters that look like Latin ones"
    return None
