"""GS1 element strings, as a barcode scanner types them: what a medicine box's DataMatrix says.

A scanner in keyboard mode types the symbol's content into whatever field has the focus.  The
content is a run of *application identifiers* (AIs) each followed by its data:

* ``01`` GTIN-14 (the product), ``17`` expiry ``YYMMDD``, ``10`` batch/lot, ``21`` serial.
* Fixed-length fields (``01``, ``17`` …) follow each other directly; a variable-length field
  (``10``, ``21`` …) ends at the FNC1 separator, which scanners send as the ASCII group
  separator ``GS`` (``\\x1d``), or at the end of the string.
* Scanners may put a symbology identifier first: ``]d2`` (GS1 DataMatrix), ``]Q3`` (GS1 QR),
  ``]C1`` (GS1-128), ``]e0`` (GS1 DataBar).
* People (and printed labels) write the same content with the AIs in brackets:
  ``(01)09506000134352(17)261231(10)LOT42``.

This module only reads and writes that text; finding the product is the caller's business.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

GS = "\x1d"
SYMBOLOGY_PREFIXES = ("]d2", "]Q3", "]C1", "]e0", "]J1")

# Fixed data lengths of the AIs a medicine pack carries (GS1 General Specifications §3.2).
FIXED: dict[str, int] = {"00": 18, "01": 14, "02": 14, "11": 6, "12": 6, "13": 6, "15": 6,
                         "16": 6, "17": 6, "20": 2}
# Variable-length AIs and their longest data.
VARIABLE: dict[str, int] = {"10": 20, "21": 20, "22": 20, "30": 8, "37": 8, "240": 30,
                            "241": 30, "250": 30, "251": 30, "400": 30, "710": 20, "711": 20,
                            "712": 20, "713": 20, "714": 20, "90": 30,
                            **{str(n): 90 for n in range(91, 100)}}
DATES = {"11", "12", "13", "15", "16", "17"}

_BRACKETED = re.compile(r"\((\d{2,4})\)([^()]*)")
_RAW_GTIN = re.compile(r"^01\d{14}")


class Gs1Error(ValueError):
    """The text is not a GS1 element string this reader understands (``reason`` says why)."""

    def __init__(self, reason: str, text: str) -> None:
        super().__init__(f"{reason}: {text!r}")
        self.reason = reason
        self.text = text


@dataclass(frozen=True)
class Gs1Data:
    """What a scanned pack says.  ``expiry`` is a date (day 00 read as the month's last day)."""

    gtin: str | None = None
    expiry: date | None = None
    lot: str | None = None
    serial: str | None = None
    other: dict[str, str] = field(default_factory=dict)


def looks_like_gs1(text: str) -> bool:
    """Whether typed text is a scan rather than a product code or name.

    True for a symbology prefix (``]d2`` …), the bracketed form starting with ``(01)``, or the
    raw form starting with ``01`` and fourteen digits.
    """
    text = text.strip()
    return (text.startswith(SYMBOLOGY_PREFIXES) or text.startswith("(01)")
            or bool(_RAW_GTIN.match(text)))


def check_digit(body: str) -> int:
    """The GS1 mod-10 check digit of ``body`` (all digits of a GTIN but the last)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def gtin14(gtin: str) -> str:
    """A GTIN as GTIN-14 (left-padded with zeros), so a GTIN-13 on a catalogue line and the
    GTIN-14 a DataMatrix carries compare equal."""
    return gtin.strip().zfill(14)


def gtin_valid(gtin: str) -> bool:
    return (len(gtin) in (8, 12, 13, 14) and gtin.isascii() and gtin.isdigit()
            and check_digit(gtin[:-1]) == int(gtin[-1]))


def read_date(text: str, *, reference_year: int | None = None) -> date:
    """A GS1 ``YYMMDD`` date.  Day ``00`` means the last day of the month.

    The century follows the GS1 sliding window (§7.12): a year more than 50 years ahead of
    ``reference_year`` is in the previous century, more than 49 behind in the next.  Without a
    reference year, years are 2000–2099.
    """
    if len(text) != 6 or not text.isascii() or not text.isdigit():
        raise Gs1Error("bad_date", text)
    yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:])
    if reference_year is None:
        year = 2000 + yy
    else:
        century = reference_year - reference_year % 100
        year = century + yy
        diff = yy - reference_year % 100
        if diff > 50:
            year -= 100
        elif diff < -49:
            year += 100
    if not 1 <= mm <= 12:
        raise Gs1Error("bad_date", text)
    last = calendar.monthrange(year, mm)[1]
    if dd == 0:
        dd = last
    if dd > last:
        raise Gs1Error("bad_date", text)
    return date(year, mm, dd)


def write_date(value: date) -> str:
    return value.strftime("%y%m%d")


def _strip_prefix(text: str) -> str:
    for prefix in SYMBOLOGY_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def _pairs_bracketed(text: str) -> list[tuple[str, str]]:
    pairs = []
    pos = 0
    for match in _BRACKETED.finditer(text):
        if match.start() != pos:
            raise Gs1Error("bad_syntax", text)
        pairs.append((match.group(1), match.group(2).replace(GS, "")))
        pos = match.end()
    if pos != len(text) or not pairs:
        raise Gs1Error("bad_syntax", text)
    return pairs


def _ai_at(text: str, pos: int) -> str:
    for size in (2, 3, 4):
        ai = text[pos:pos + size]
        if ai in FIXED or ai in VARIABLE:
            return ai
    # 31nn-36nn: measures, four-digit AIs with six digits of data
    ai = text[pos:pos + 4]
    if len(ai) == 4 and ai.isdigit() and 31 <= int(ai[:2]) <= 36:
        return ai
    raise Gs1Error("unknown_ai", text)


def _pairs_raw(text: str) -> list[tuple[str, str]]:
    pairs = []
    pos = 0
    while pos < len(text):
        if text[pos] == GS:
            pos += 1
            continue
        ai = _ai_at(text, pos)
        pos += len(ai)
        size = FIXED.get(ai, 6 if len(ai) == 4 and ai not in VARIABLE else None)
        if size is not None:
            value = text[pos:pos + size]
            if len(value) != size or GS in value:
                raise Gs1Error("too_short", text)
            pos += size
        else:
            end = text.find(GS, pos)
            end = len(text) if end < 0 else end
            value = text[pos:end]
            if not value or len(value) > VARIABLE[ai]:
                raise Gs1Error("bad_length", text)
            pos = end
        pairs.append((ai, value))
    if not pairs:
        raise Gs1Error("empty", text)
    return pairs


def parse(text: str, *, reference_year: int | None = None) -> Gs1Data:
    """Read a scanned or typed GS1 element string (bracketed or raw, with or without prefix).

    Raises :class:`Gs1Error` when it is not one, or when the GTIN's check digit is wrong (a
    misread: better refused than booked against the wrong product).
    """
    body = _strip_prefix(text.strip().strip("\r\n"))
    if body.startswith(GS):  # a leading FNC1 is the GS1 flag itself
        body = body[1:]
    pairs = _pairs_bracketed(body) if body.startswith("(") else _pairs_raw(body)
    values: dict[str, str] = {}
    for ai, value in pairs:
        if ai in values and values[ai] != value:
            raise Gs1Error("conflict", text)
        values[ai] = value
    gtin = values.pop("01", None)
    if gtin is not None and not (len(gtin) == 14 and gtin_valid(gtin)):
        raise Gs1Error("bad_gtin", text)
    expiry_text = values.pop("17", None)
    expiry = read_date(expiry_text, reference_year=reference_year) if expiry_text else None
    lot = values.pop("10", None)
    serial = values.pop("21", None)
    return Gs1Data(gtin=gtin, expiry=expiry, lot=lot, serial=serial, other=values)


def encode(data: Gs1Data, *, bracketed: bool = False, prefix: str = "") -> str:
    """The element string for ``data``: bracketed for people, raw (GS separated) for scanners.

    Fixed-length fields come first, so only variable fields need a separator.
    """
    fields: list[tuple[str, str]] = []
    if data.gtin is not None:
        fields.append(("01", data.gtin))
    if data.expiry is not None:
        fields.append(("17", write_date(data.expiry)))
    if data.lot is not None:
        fields.append(("10", data.lot))
    if data.serial is not None:
        fields.append(("21", data.serial))
    fields.extend(data.other.items())
    if bracketed:
        return prefix + "".join(f"({ai}){value}" for ai, value in fields)
    fixed = [(ai, v) for ai, v in fields if ai in FIXED]
    variable = [(ai, v) for ai, v in fields if ai not in FIXED]
    text = "".join(ai + v for ai, v in fixed)
    text += GS.join(ai + v for ai, v in variable)
    return prefix + text


__all__ = ["GS", "Gs1Data", "Gs1Error", "check_digit", "encode", "gtin_valid",
           "looks_like_gs1", "parse", "read_date"]
