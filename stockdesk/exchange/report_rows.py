"""The supervisor reports as plain rows: what ``report_pdf`` and ``report_xlsx`` print.

``services.reports.ReportService`` fills these from the ledger, the monthly summaries and the
stock status figures; the writers only lay them out.  Nothing here knows the database or a
file format.  Quantities are in dispensing units; months of stock and AMC are per month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from stockdesk.forecast.district_status import STATUS_ORDER
from stockdesk.forecast.status import Status

ReportKind = Literal["stock-status", "stockouts", "expiry"]
ScopeKind = Literal["facility", "district"]

REPORT_TITLES: dict[str, str] = {
    "stock-status": "Stock status report",
    "stockouts": "Stockout report",
    "expiry": "Expiry risk report",
}

# Status colours, the same in the PDF and the workbook: (fill, text), hex RGB.
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.STOCKED_OUT: ("C62828", "FFFFFF"),  # red
    Status.BELOW_EOP: ("F4511E", "FFFFFF"),  # orange-red
    Status.BELOW_MIN: ("FFC107", "000000"),  # amber
    Status.ADEQUATE: ("81C784", "000000"),  # green
    Status.OVERSTOCKED: ("64B5F6", "000000"),  # blue
    Status.UNKNOWN: ("BDBDBD", "000000"),  # grey
}
NEEDS_ACTION = frozenset({Status.STOCKED_OUT, Status.BELOW_EOP, Status.BELOW_MIN})


@dataclass(frozen=True)
class ReportHeader:
    """What every page says: which report, for what, as of when, made when."""

    kind: ReportKind
    scope_kind: ScopeKind
    scope: str  # "DEMO-HC01 — Health Centre One" or "Demo District"
    district: str | None
    region: str | None
    facilities: int  # facilities covered
    as_of: date
    generated_at: datetime
    app_version: str
    parameters: tuple[tuple[str, str], ...] = ()  # report-specific (label, value) lines
    notes: tuple[str, ...] = ()  # how to read the figures

    @property
    def title(self) -> str:
        return REPORT_TITLES[self.kind]

    @property
    def scope_line(self) -> str:
        """``Facility X`` or ``District Y (n facilities)``."""
        if self.scope_kind == "facility":
            return f"Facility {self.scope}"
        n = self.facilities
        return f"District {self.scope} ({n} facilit{'y' if n == 1 else 'ies'})"


@dataclass(frozen=True)
class TrendChart:
    """Monthly consumption of one product at one facility (None: month not reported)."""

    facility_code: str
    product_code: str
    product_name: str
    unit: str
    status: Status | None
    periods: tuple[str, ...]  # YYYY-MM, oldest first
    consumed: tuple[int | None, ...]
    stockout_days: tuple[int | None, ...]
    amc: float | None


@dataclass(frozen=True)
class FacilityStatusCount:
    """How many products of a facility are in each status (in ``STATUS_ORDER``)."""

    facility_code: str
    facility_name: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    def count(self, status: Status) -> int:
        return self.counts[STATUS_ORDER.index(status)]


@dataclass(frozen=True)
class StatusRow:
    facility_code: str
    facility_name: str
    product_code: str
    product_name: str
    unit: str
    usable: int  # stock on hand that can be issued (not expired)
    amc: float | None  # average monthly consumption under the program's profile
    mos: float | None  # months of stock = usable / AMC
    mos_text: str | None  # as printed: one decimal unless a level would seem crossed
    status: Status
    stockout: date | None  # projected first day demand is not met (None: beyond two years)
    order_quantity: int | None  # I = max(0, max stock − usable)
    at_risk: int | None  # will expire unused within the horizon (None: no lots)


@dataclass(frozen=True)
class StockStatusReport:
    header: ReportHeader
    counts: tuple[FacilityStatusCount, ...]
    rows: tuple[StatusRow, ...]  # most urgent first
    charts: tuple[TrendChart, ...]
    products_total: int  # facility × product pairs, before any filtering of ``rows``
    horizon_months: int  # of the at-risk column


@dataclass(frozen=True)
class StockoutRow:
    facility_code: str
    facility_name: str
    product_code: str
    product_name: str
    unit: str
    usable: int
    stocked_out_now: bool
    days: tuple[int | None, ...]  # stockout days per month of the report (None: not known)
    amc: float | None

    @property
    def total_days(self) -> int:
        return sum(d for d in self.days if d)

    @property
    def months_out(self) -> int:
        return sum(1 for d in self.days if d)


@dataclass(frozen=True)
class ProductStockouts:
    """One product across the facilities of the report."""

    product_code: str
    product_name: str
    unit: str
    facilities: int  # facilities holding a record of the product
    out_now: int  # of them stocked out at the end of the as-of day
    with_days: int  # of them with stockout days in the months of the report
    total_days: int


@dataclass(frozen=True)
class StockoutReport:
    header: ReportHeader
    periods: tuple[str, ...]  # months of the report, oldest first
    products: tuple[ProductStockouts, ...]  # worst first
    rows: tuple[StockoutRow, ...]  # worst first
    charts: tuple[TrendChart, ...]


@dataclass(frozen=True)
class ExpiryRow:
    facility_code: str
    facility_name: str
    product_code: str
    product_name: str
    unit: str
    lot: str
    expiry: date
    quantity: int
    used_before_expiry: int  # what FEFO issuing at the AMC consumes before the expiry date
    at_risk: int  # quantity − used_before_expiry
    amc: float | None


@dataclass(frozen=True)
class ExpiredRow:
    """Stock already expired and still on the shelf (to be removed and destroyed)."""

    facility_code: str
    facility_name: str
    product_code: str
    product_name: str
    unit: str
    quantity: int


@dataclass(frozen=True)
class ExpiryReport:
    header: ReportHeader
    horizon_months: int
    horizon_end: date
    rows: tuple[ExpiryRow, ...]  # by expiry date, soonest first
    expired: tuple[ExpiredRow, ...]

    @property
    def total_quantity(self) -> int:
        return sum(r.quantity for r in self.rows)

    @property
    def total_at_risk(self) -> int:
        return sum(r.at_risk for r in self.rows)

    def days_left(self, row: ExpiryRow) -> int:
        """Days from the end of the as-of day to the expiry date (the lot's last usable day
        is the day before)."""
        return (row.expiry - self.header.as_of).days


__all__ = ["NEEDS_ACTION", "REPORT_TITLES", "STATUS_COLOURS", "STATUS_ORDER", "ExpiredRow",
           "ExpiryReport", "ExpiryRow", "FacilityStatusCount", "ProductStockouts",
           "ReportHeader", "ReportKind", "ScopeKind", "StatusRow", "StockStatusReport",
           "StockoutReport", "StockoutRow", "TrendChart"]
