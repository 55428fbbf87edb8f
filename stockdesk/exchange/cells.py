"""Cell text that a spreadsheet would run as a formula, made inert (OWASP "CSV injection").

A product name, a note or a facility name typed by someone else can start with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return; Excel and LibreOffice then treat the cell as a
formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``) when the file is opened.  Every writer
in :mod:`stockdesk.exchange` and the command line goes through this module, so there is one
rule:

* XLSX: the value is kept as it is, but written as a string cell with the *quote prefix*
  style (:func:`is_formula_text` tells the writer when), so it shows and reads back unchanged;
* CSV: the text gets a leading apostrophe (:func:`csv_text`), which spreadsheets show as text
  and do not evaluate.

Numbers are never touched: a negative quantity stays a number.
"""

from __future__ import annotations

from typing import Any

FORMULA_FIRST = ("=", "+", "-", "@", "\t", "\r")


def is_formula_text(value: object) -> bool:
    """Whether a spreadsheet would evaluate this text if it were typed into a cell."""
    return isinstance(value, str) and value.startswith(FORMULA_FIRST)


def csv_text(value: Any) -> Any:
    """A CSV field: ``None`` as empty, formula text behind an apostrophe, the rest as is."""
    if value is None:
        return ""
    if is_formula_text(value):
        return "'" + value
    return value


def mark_text_cell(cell: Any) -> None:
    """Make an openpyxl cell holding formula text a plain, quote-prefixed string cell."""
    if is_formula_text(cell.value):
        cell.data_type = "s"  # never a formula, whatever the text
        cell.quotePrefix = True


__all__ = ["FORMULA_FIRST", "csv_text", "is_formula_text", "mark_text_cell"]
