"""The Report & Requisition as a document: header, lettered lines, the machine rows it travels as.

One plain value (no database, no file format) is what the Excel and PDF writers print, what the
district import reads back and checks, and what the services build from the ledger and history.
Column letters follow OpenLMIS and FIELD.md §1.8: A opening, B received, C consumed, D losses
and adjustments (signed), E closing, X stockout days, N adjusted consumption, P average monthly
consumption, H maximum stock, I calculated order quantity, J requested, W explanation,
K approved, V packs to ship, T price per pack, Q total cost, L remarks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

FORMAT = "stockdesk-rnr"
FORMAT_VERSION = "1"

# the machine sheet's header row, in this order (DESIGN.md §5)
DATA_COLUMNS = ("facility_code", "program", "period", "product_code", "A", "B", "C", "D", "E",
                "X", "N", "P", "H", "I", "J", "W", "K", "V", "T", "Q")

# what each letter means, for the printed heading and messages
LETTERS: dict[str, str] = {
    "A": "Opening balance", "B": "Received", "C": "Consumed", "D": "Losses and adjustments",
    "E": "Closing balance", "X": "Stockout days", "N": "Adjusted consumption",
    "P": "Average monthly consumption", "H": "Maximum stock", "I": "Calculated order quantity",
    "J": "Requested quantity", "W": "Explanation", "K": "Approved quantity",
    "V": "Packs to ship", "T": "Price per pack", "Q": "Total cost", "L": "Remarks",
}


class Status(StrEnum):
    """Where the R&R stands (rejected sends it back to draft, with the reason kept)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    AUTHORIZED = "authorized"
    APPROVED = "approved"
    ISSUED = "issued"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class Signature:
    """Who took a step, when (printed in the signatures block)."""

    step: str  # submitted, authorized, approved, issued
    user: str
    full_name: str | None
    at: datetime


@dataclass(frozen=True)
class Header:
    facility_code: str
    facility_name: str
    facility_type: str
    district: str | None
    region: str | None
    program: str
    program_name: str
    period: str  # YYYY-MM, or YYYY-Qn for a quarterly R&R
    period_start: date
    period_end: date
    months: int  # 1, or 3 for a quarter
    emergency: bool
    profile: str  # calculation profile name, e.g. openlmis
    profile_description: str  # the rule in words, printed on the document
    max_mos: float
    min_mos: float
    eop_mos: float
    lead_time_months: float
    status: Status
    generated_at: datetime
    app_version: str
    supplier: str | None = None  # the warehouse it is sent to
    signatures: tuple[Signature, ...] = ()
    rejection: str | None = None  # the reason of the last rejection, while back in draft


@dataclass(frozen=True)
class Line:
    """One product's lettered figures (quantities in dispensing units)."""

    product_code: str
    product_name: str
    unit: str
    pack_size: int
    A: int
    B: int
    C: int
    D: int
    E: int
    X: int
    N: int | float
    P: int | float | None  # None: unknown (no month of consumption)
    H: int | None
    I: int | None  # noqa: E741 - the form's letter
    J: int | None = None
    W: str | None = None
    K: int | None = None
    V: int | None = None
    T: Decimal | None = None
    Q: Decimal | None = None
    L: str | None = None
    explanations: dict[str, str] = field(default_factory=dict, compare=False)

    def value(self, column: str) -> Any:
        return getattr(self, column)


@dataclass(frozen=True)
class Document:
    header: Header
    lines: tuple[Line, ...]

    def total_cost(self) -> Decimal | None:
        """Σ Q over the priced lines; None when no line has a cost (no price is known)."""
        costs = [ln.Q for ln in self.lines if ln.Q is not None]
        return sum(costs, Decimal(0)) if costs else None

    def data_rows(self) -> list[list[Any]]:
        """The machine sheet's rows under :data:`DATA_COLUMNS` (plain values)."""
        h = self.header
        return [[h.facility_code, h.program, h.period, ln.product_code,
                 *(ln.value(c) for c in DATA_COLUMNS[4:])] for ln in self.lines]

    def sha256(self) -> str:
        return rows_sha256(self.data_rows())


def canonical(value: Any) -> Any:
    """One spelling per value, whatever wrote or read it: 12 and 12.0 and "12" agree."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, Decimal, float)):
        d = Decimal(str(value)).normalize()
        return format(d, "f")
    text = str(value).strip()
    try:
        return format(Decimal(text).normalize(), "f")
    except ArithmeticError:
        return text


def rows_sha256(rows: Sequence[Sequence[Any]]) -> str:
    """SHA-256 of the data rows in canonical form: what the district checks nothing changed."""
    payload = json.dumps([[canonical(v) for v in row] for row in rows], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def meta_rows(doc: Document) -> list[tuple[str, str]]:
    """The ``meta`` sheet: ``key, value`` rows (DESIGN.md §5)."""
    h = doc.header
    return [("format", FORMAT), ("format_version", FORMAT_VERSION),
            ("facility_code", h.facility_code), ("program", h.program), ("period", h.period),
            ("profile", h.profile), ("status", h.status.value),
            ("emergency", "yes" if h.emergency else "no"),
            ("generated_at", h.generated_at.isoformat(timespec="seconds")),
            ("app_version", h.app_version), ("sha256", doc.sha256())]


__all__ = ["DATA_COLUMNS", "FORMAT", "FORMAT_VERSION", "LETTERS", "Document", "Header", "Line",
           "Signature", "Status", "canonical", "meta_rows", "rows_sha256"]
