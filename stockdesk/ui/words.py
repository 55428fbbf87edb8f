"""The one place where codes become words in the window.

Services speak in stable codes (a problem code, a movement kind, a status, a role); the
window shows them in the person's language.  Each table below is marked for Qt Linguist with
``QT_TRANSLATE_NOOP`` and translated when shown; problem texts come from
:data:`stockdesk.problems.MESSAGES` under the context ``Problem`` (``tools/i18n.py`` keeps the
catalogues in step with that table).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from stockdesk.problems import MESSAGES, Problem, Severity
from stockdesk.services.auth import OPERATION_WORDS
from stockdesk.ui import i18n

PROBLEM_CONTEXT = "Problem"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue under ``context``; it is translated when shown."""
    return text


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


STATUS: dict[str, str] = {
    "stocked_out": QT_TRANSLATE_NOOP("Status", "Stocked out"),
    "below_eop": QT_TRANSLATE_NOOP("Status", "Below emergency point"),
    "below_min": QT_TRANSLATE_NOOP("Status", "Below minimum"),
    "adequate": QT_TRANSLATE_NOOP("Status", "Adequate"),
    "overstocked": QT_TRANSLATE_NOOP("Status", "Overstocked"),
    "unknown": QT_TRANSLATE_NOOP("Status", "No consumption data"),
}
STATUS_ORDER = ("stocked_out", "below_eop", "below_min", "adequate", "overstocked", "unknown")
# Colours a pharmacist reads at a glance (with the word beside, never colour alone).
STATUS_COLOUR: dict[str, str] = {
    "stocked_out": "#c62828", "below_eop": "#ef6c00", "below_min": "#f9a825",
    "adequate": "#2e7d32", "overstocked": "#1565c0", "unknown": "#757575",
}

KIND: dict[str, str] = {
    "RECEIPT": QT_TRANSLATE_NOOP("Kind", "Receipt"),
    "ISSUE": QT_TRANSLATE_NOOP("Kind", "Issue"),
    "LOSS": QT_TRANSLATE_NOOP("Kind", "Loss"),
    "ADJUSTMENT": QT_TRANSLATE_NOOP("Kind", "Adjustment"),
    "TRANSFER_IN": QT_TRANSLATE_NOOP("Kind", "Transfer in"),
    "TRANSFER_OUT": QT_TRANSLATE_NOOP("Kind", "Transfer out"),
    "COUNT": QT_TRANSLATE_NOOP("Kind", "Physical count"),
    "REVERSAL": QT_TRANSLATE_NOOP("Kind", "Reversal"),
}

REASON: dict[str, str] = {
    "expired": QT_TRANSLATE_NOOP("Reason", "Expired"),
    "damaged": QT_TRANSLATE_NOOP("Reason", "Damaged or broken"),
    "stolen": QT_TRANSLATE_NOOP("Reason", "Stolen"),
    "lost": QT_TRANSLATE_NOOP("Reason", "Lost or missing"),
    "recalled": QT_TRANSLATE_NOOP("Reason", "Quality recall"),
    "found": QT_TRANSLATE_NOOP("Reason", "Found stock"),
    "returned_by_patient": QT_TRANSLATE_NOOP("Reason", "Returned by patient or ward"),
    "correction_plus": QT_TRANSLATE_NOOP("Reason", "Data-entry correction (+)"),
    "correction_minus": QT_TRANSLATE_NOOP("Reason", "Data-entry correction (−)"),
    "returned_to_supplier": QT_TRANSLATE_NOOP("Reason", "Returned to supplier"),
    "count_gain": QT_TRANSLATE_NOOP("Reason", "Physical count higher than book"),
    "count_loss": QT_TRANSLATE_NOOP("Reason", "Physical count lower than book"),
}

ROLE: dict[str, str] = {
    "pharmacist": QT_TRANSLATE_NOOP("Role", "Pharmacist"),
    "facility_incharge": QT_TRANSLATE_NOOP("Role", "Facility in-charge"),
    "district_logistician": QT_TRANSLATE_NOOP("Role", "District logistician"),
    "supervisor": QT_TRANSLATE_NOOP("Role", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Role", "Administrator"),
}

RNR_STATUS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("RequisitionStatus", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("RequisitionStatus", "Submitted"),
    "authorized": QT_TRANSLATE_NOOP("RequisitionStatus", "Authorized"),
    "approved": QT_TRANSLATE_NOOP("RequisitionStatus", "Approved"),
    "issued": QT_TRANSLATE_NOOP("RequisitionStatus", "Issued"),
}

FACILITY_TYPE: dict[str, str] = {
    "health_centre": QT_TRANSLATE_NOOP("FacilityType", "Health centre"),
    "hospital": QT_TRANSLATE_NOOP("FacilityType", "Hospital"),
    "district_store": QT_TRANSLATE_NOOP("FacilityType", "District store"),
}

# Programs of the starter catalogue; a program a district adds keeps the name it was given.
PROGRAM: dict[str, str] = {
    "essential": QT_TRANSLATE_NOOP("Program", "Essential medicines"),
    "family_planning": QT_TRANSLATE_NOOP("Program", "Family planning"),
    "hiv": QT_TRANSLATE_NOOP("Program", "HIV"),
    "malaria": QT_TRANSLATE_NOOP("Program", "Malaria"),
    "tuberculosis": QT_TRANSLATE_NOOP("Program", "Tuberculosis"),
}

SEVERITY: dict[Severity, str] = {
    Severity.INFO: QT_TRANSLATE_NOOP("Severity", "Note"),
    Severity.WARNING: QT_TRANSLATE_NOOP("Severity", "Warning"),
    Severity.ERROR: QT_TRANSLATE_NOOP("Severity", "Error"),
}


def _lookup(table: dict[Any, str], context: str, code: Any) -> str:
    text = table.get(code)
    return _t(context, text) if text is not None else str(code or "")


def status(code: str | None) -> str:
    return _lookup(STATUS, "Status", code or "unknown")


def kind(code: str) -> str:
    return _lookup(KIND, "Kind", code)


def reason(code: str | None) -> str:
    return _lookup(REASON, "Reason", code) if code else ""


def role(code: str) -> str:
    return _lookup(ROLE, "Role", code)


def rnr_status(code: str) -> str:
    return _lookup(RNR_STATUS, "RequisitionStatus", code)


def facility_type(code: str) -> str:
    return _lookup(FACILITY_TYPE, "FacilityType", code)


def program(code: str | None, name: str | None = None) -> str:
    """A program as people call it: the known ones translated, others by their own name."""
    if not code:
        return name or ""
    if code in PROGRAM:
        return _t("Program", PROGRAM[code])
    return name if name and name != code else code


def severity(level: Severity) -> str:
    return _lookup(SEVERITY, "Severity", level)


def operation(code: str) -> str:
    return _t("Operation", OPERATION_WORDS.get(code, code))


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_PARAMS = frozenset({"counted", "date", "expiry", "given", "known", "original", "today",
                         "until", "when"})


def _shown(key: str, value: Any) -> Any:
    """A problem's parameter as the person reads it: days in the locale's format (what was
    typed, shown with ``!r``, stays as typed)."""
    if isinstance(value, (date, datetime)):
        return i18n.day(value)
    if key in DATE_PARAMS and isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return i18n.day(date.fromisoformat(value))
        except ValueError:
            return value
    return value


def problem(p: Problem) -> str:
    """A problem as one translated sentence, with where it was found when known."""
    template = MESSAGES.get(p.code)
    params = {k: _shown(k, v) for k, v in p.params.items()}
    if template is None:
        text = str(p)
    else:
        try:
            text = _t(PROBLEM_CONTEXT, template).format(**params)
        except (KeyError, IndexError, ValueError):
            text = template.format(**p.params) if p.params else template
    if p.where is not None:
        return f"{p.where}: {text}"
    return text
