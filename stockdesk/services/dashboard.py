"""What needs doing at one facility today: the Dashboard's figures, decided in one place.

:meth:`DashboardService.summary` answers with a frozen :class:`Dashboard`:

* ``counts``: how many products have each stock status (the five statuses and ``unknown``),
  as :class:`StockStatusService` decides them;
* ``run_out``: the products with usable stock whose projected stockout falls **on or before
  today plus their lead time** (in days, from the levels of their program) — an order placed
  today would arrive after the shelf is empty (or the very day it empties); each with the day
  the order had to leave and how many days late an order placed today arrives;
* ``expiring``: every lot expiring on or before the horizon's end (today plus
  ``horizon_months`` calendar months), with its batch number as recorded, its quantity and
  what first-expiry-first-out use at the usual consumption leaves to expire;
* ``requisition``: the regular R&R being prepared now — the one of the month just completed,
  due by the :data:`DUE_DAY` of this month — and where each program's R&R for it stands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from stockdesk.forecast.expiry import DEFAULT_HORIZON_MONTHS
from stockdesk.forecast.status import Status
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.directory import DirectoryService, RequisitionInfo
from stockdesk.services.stock_status import (
    ProductStatus,
    StockStatusService,
    computed_status,
    product_status,
)

DUE_DAY = 10  # a month's R&R is due by the 10th of the next month
SENT = frozenset({"submitted", "authorized", "approved", "issued"})  # left the facility
STATUSES = tuple(s.value for s in Status)  # in order of urgency, ``unknown`` last
PROGRESS_EVERY = 25  # products between two progress reports

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RunOut:
    """A product that runs out before an order placed today could arrive."""

    code: str
    description: str
    unit: str
    usable: int  # on hand and not expired
    stockout: date  # projected: the first day its stock cannot meet the day's demand
    order_by: date  # the latest day an order could have left (today when already late)
    late_days: int  # > 0: ordered today it arrives that many days after the stockout


@dataclass(frozen=True)
class ExpiringLot:
    code: str
    description: str
    lot: str  # the batch number, as received
    expiry: date
    quantity: int
    at_risk: int  # what will expire before it is used at the usual consumption


@dataclass(frozen=True)
class RequisitionDue:
    period: str  # the month just completed: the R&R being prepared now
    due: date
    overdue: bool  # past the due date and not sent
    requisitions: tuple[RequisitionInfo, ...]  # that period's regular R&Rs, by program

    @property
    def state(self) -> str | None:
        """None: not started; ``"sent"``: every program's R&R has left the facility;
        ``"preparing"``: started, not all sent."""
        if not self.requisitions:
            return None
        return "sent" if all(r.status in SENT for r in self.requisitions) else "preparing"

    @property
    def sent(self) -> bool:
        return self.state == "sent"


@dataclass(frozen=True)
class Dashboard:
    facility: str
    facility_name: str
    today: date
    horizon_months: int
    counts: Mapping[str, int]  # every status code (STATUSES) -> number of products
    run_out: tuple[RunOut, ...]  # earliest stockout first
    expiring: tuple[ExpiringLot, ...]  # earliest expiry first
    requisition: RequisitionDue


def previous_period(today: date) -> str:
    """The month just completed (``YYYY-MM``)."""
    last = today.replace(day=1) - timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


def status_counts(rows: Sequence[ProductStatus]) -> Mapping[str, int]:
    counted = Counter(str(r.status.value.value) for r in rows)
    return MappingProxyType({code: counted.get(code, 0) for code in STATUSES})


def run_out(rows: Sequence[ProductStatus], today: date) -> list[RunOut]:
    """Products with usable stock whose projected stockout is on or before today plus their
    lead time (days); earliest stockout first, then by description."""
    out = []
    for r in rows:
        stockout = r.stockout.value
        if r.stock.usable <= 0 or not isinstance(stockout, date):
            continue
        lead = int(r.order_by.inputs.get("lead_time_days", 0))
        if stockout <= today + timedelta(days=lead):
            late = int(r.order_by.inputs.get("days_late", 0))
            order_by = r.order_by.value if isinstance(r.order_by.value, date) else today
            out.append(RunOut(r.code, r.stock.description, r.stock.unit, r.stock.usable,
                              stockout, order_by, late))
    return sorted(out, key=lambda s: (s.stockout, s.description, s.code))


def expiring(rows: Sequence[ProductStatus]) -> list[ExpiringLot]:
    """Lots expiring by the horizon's end, with the batch number of the lot on hand and what
    FEFO use leaves to expire; earliest expiry first."""
    out = []
    for r in rows:
        if r.expiry is None:  # known from monthly history only: no lots
            continue
        for run in r.expiry.lots:
            if run.expiry is None or run.expiry > r.expiry.horizon_end:
                continue
            lot = r.inputs.lots[run.index]  # the runs are of the status's own lots
            out.append(ExpiringLot(r.code, r.stock.description, lot.lot, run.expiry,
                                   run.quantity, run.at_risk))
    return sorted(out, key=lambda e: (e.expiry, e.description, e.lot))


class DashboardService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today

    def summary(self, facility: str, horizon_months: int = DEFAULT_HORIZON_MONTHS,
                progress: Progress | None = None) -> Dashboard:
        """The dashboard of ``facility`` today; ``progress(done, total)`` is called every few
        products (it may raise to stop)."""
        today = self.today()
        inputs = StockStatusService(self.db, self.actor, self.today).inputs(facility)
        rows = []
        for number, item in enumerate(inputs):
            if progress is not None and number % PROGRESS_EVERY == 0:
                progress(number, len(inputs))
            rows.append(computed_status(item, today, today)
                        if horizon_months == DEFAULT_HORIZON_MONTHS else
                        product_status(item, today, today, horizon_months=horizon_months))
        if progress is not None:
            progress(len(inputs), len(inputs))
        directory = DirectoryService(self.db, self.actor, self.today)
        names = {f.code: f.name for f in directory.facilities(include_inactive=True)}
        return Dashboard(facility, names.get(facility, facility), today, horizon_months,
                         status_counts(rows), tuple(run_out(rows, today)),
                         tuple(expiring(rows)), self.requisition_due(facility))

    def requisition_due(self, facility: str) -> RequisitionDue:
        """The regular R&R of the month just completed, due by the DUE_DAY of this month."""
        today = self.today()
        period = previous_period(today)
        due = today.replace(day=DUE_DAY)
        found = tuple(r for r in DirectoryService(self.db, self.actor, self.today)
                      .requisitions(facility, period=period) if not r.emergency)
        sent = bool(found) and all(r.status in SENT for r in found)
        return RequisitionDue(period, due, today > due and not sent, found)
