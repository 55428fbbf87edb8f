"""Columns of the District page's tables: reporting, imported files and their problems, and the
consolidated order (columns as data, over the services' frozen rows)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from stockdesk.problems import Problem, Severity
from stockdesk.requisition.consolidation import ProductTotal
from stockdesk.services.district_view import ReportingRow
from stockdesk.ui import i18n, words
from stockdesk.ui.models import RIGHT, Col
from stockdesk.ui.requisition_view import rnr_colour
from stockdesk.ui.words import QT_TRANSLATE_NOOP

CONTEXT = "DistrictPage"
MISSING_COLOUR = "#c62828"
DRAFT_COLOUR = "#ef6c00"

OUTCOME: dict[str, str] = {
    "imported": QT_TRANSLATE_NOOP(CONTEXT, "Imported"),
    "replaced": QT_TRANSLATE_NOOP(CONTEXT, "Replaced the earlier version"),
    "skipped": QT_TRANSLATE_NOOP(CONTEXT, "Already imported"),
    "refused": QT_TRANSLATE_NOOP(CONTEXT, "Refused"),
}
OUTCOME_COLOUR: dict[str, str] = {
    "imported": "#2e7d32", "replaced": "#1565c0", "skipped": "#616161", "refused": "#c62828",
}

if TYPE_CHECKING:  # the workbook reader loads only when a folder is imported
    from stockdesk.services.requisition_import import FileOutcome


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def outcome(code: str) -> str:
    text = OUTCOME.get(code)
    return _t(text) if text else code


# -- reporting ---------------------------------------------------------------------------------

def reporting_status(row: ReportingRow) -> str:
    if row.status is None:
        return _t("Not reported")
    if row.status == "draft":
        return _t("Not sent (draft)")
    return words.rnr_status(row.status)


def reporting_colour(row: ReportingRow) -> str | None:
    if row.status is None:
        return MISSING_COLOUR
    if row.status == "draft":
        return DRAFT_COLOUR
    return rnr_colour(row.status)


def reporting_columns() -> list[Col[ReportingRow]]:
    return [
        Col("facility", lambda: _t("Facility"), lambda r: r.facility_name,
            tooltip=lambda r: r.facility, searchable=True),
        Col("type", lambda: _t("Type"), lambda r: r.facility_type,
            text=words.facility_type),
        Col("program", lambda: _t("Program"), lambda r: r.program or "",
            text=lambda v: words.program(v) if v else _t("any program")),
        Col("emergency", lambda: _t("Emergency"), lambda r: r.emergency,
            text=lambda v: _t("Emergency") if v else ""),
        Col("status", lambda: _t("Status"), reporting_status, colour=reporting_colour),
        Col("lines", lambda: _t("Lines"), lambda r: r.lines,
            text=lambda v: i18n.number(v) if v else "", align=RIGHT),
        Col("source", lambda: _t("Received"), lambda r: r.source or "",
            text=lambda v: {"imported": _t("From a file"), "local": _t("Made here")}.get(v, "")),
    ]


# -- import results ----------------------------------------------------------------------------

def _errors(o: FileOutcome) -> int:
    return sum(1 for p in o.problems if p.severity is Severity.ERROR)


def file_columns() -> list[Col[FileOutcome]]:
    return [
        Col("file", lambda: _t("File"), lambda o: o.file, searchable=True),
        Col("facility", lambda: _t("Facility"), lambda o: o.facility or ""),
        Col("period", lambda: _t("Period"), lambda o: o.period or "",
            text=lambda v: i18n.month(v) if v else ""),
        Col("program", lambda: _t("Program"), lambda o: o.program or "", text=words.program),
        Col("outcome", lambda: _t("Outcome"), lambda o: o.status, text=outcome,
            colour=lambda o: OUTCOME_COLOUR.get(o.status)),
        Col("lines", lambda: _t("Lines"), lambda o: o.lines, text=i18n.number, align=RIGHT),
        Col("errors", lambda: _t("Errors"), _errors, text=i18n.number, align=RIGHT),
        Col("problems", lambda: _t("Problems"), lambda o: len(o.problems), text=i18n.number,
            align=RIGHT),
    ]


@dataclass(frozen=True)
class ProblemRow:
    """One problem of a file, with where it sits and its sentence."""

    severity: Severity
    sheet: str
    row: int | None
    column: str
    text: str


def problem_rows(o: FileOutcome) -> list[ProblemRow]:
    out = []
    for p in o.problems:
        where = p.where
        bare: Problem = replace(p, where=None)
        out.append(ProblemRow(p.severity, (where.sheet or "") if where else "",
                              where.row if where else None,
                              (where.column or "") if where else "", words.problem(bare)))
    return out


SEVERITY_COLOUR = {Severity.ERROR: "#c62828", Severity.WARNING: "#ef6c00",
                   Severity.INFO: "#616161"}


def problem_columns() -> list[Col[ProblemRow]]:
    return [
        Col("severity", lambda: _t("Kind"), lambda p: p.severity, text=words.severity,
            colour=lambda p: SEVERITY_COLOUR.get(p.severity)),
        Col("sheet", lambda: _t("Sheet"), lambda p: p.sheet),
        Col("row", lambda: _t("Row"), lambda p: p.row,
            text=lambda v: "" if v is None else str(v), align=RIGHT),
        Col("column", lambda: _t("Column"), lambda p: p.column),
        Col("problem", lambda: _t("Problem"), lambda p: p.text, tooltip=lambda p: p.text,
            searchable=True),
    ]


# -- the district order ------------------------------------------------------------------------

def _money(value: object) -> str:
    return "" if value is None else i18n.number(float(value), 2)  # type: ignore[arg-type]


def order_columns() -> list[Col[ProductTotal]]:
    return [
        Col("product", lambda: _t("Product"), lambda p: p.product_name,
            tooltip=lambda p: p.product_code, searchable=True),
        Col("program", lambda: _t("Program"), lambda p: p.program, text=words.program),
        Col("facilities", lambda: _t("Facilities"), lambda p: p.facilities,
            text=i18n.number, align=RIGHT),
        Col("approved", lambda: _t("Approved (units)"), lambda p: p.approved,
            text=i18n.number, align=RIGHT),
        Col("packs", lambda: _t("Packs"), lambda p: p.packs, text=i18n.number, align=RIGHT),
        Col("cost", lambda: _t("Cost"), lambda p: p.cost, text=_money, align=RIGHT),
    ]


__all__ = ["OUTCOME", "ProblemRow", "file_columns", "order_columns", "outcome",
           "problem_columns", "problem_rows", "reporting_columns", "reporting_status"]
