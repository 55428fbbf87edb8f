"""Supervisor reports: stock status, stockouts and expiry risk of a facility or a district.

A supervisor visiting facilities, or a district logistician preparing the monthly review,
needs three views across many facilities at once:

* **stock status**: per facility and product the usable stock, AMC, months of stock, status
  against the program's levels, projected stockout, with the number of products in each
  status per facility first;
* **stockouts**: what is stocked out now and the stockout days (X) of each of the last months,
  from the monthly summaries, worst first;
* **expiry**: lots expiring within a horizon (6 months by default) with the quantity FEFO use
  at the AMC will not consume before expiry (FIELD.md §3, AC-12).

The figures are those of :class:`~stockdesk.services.stock_status.StockStatusService` (the
same as the stock screen and ``stockdesk stock``) and of the monthly summaries
(:meth:`~stockdesk.services.stock.StockService.district_monthly`).  The result is plain rows
(:mod:`stockdesk.exchange.report_rows`); ``exchange.report_pdf`` and ``exchange.report_xlsx``
print them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction

from sqlalchemy import select

from stockdesk import __version__
from stockdesk.db.models import AuditEntry, Facility
from stockdesk.exchange.audit_report import AuditReport, rows_from
from stockdesk.exchange.report_rows import (
    NEEDS_ACTION,
    STATUS_ORDER,
    ExpiredRow,
    ExpiryReport,
    ExpiryRow,
    FacilityStatusCount,
    ProductStockouts,
    ReportHeader,
    ReportKind,
    StatusRow,
    StockoutReport,
    StockoutRow,
    StockStatusReport,
    TrendChart,
)
from stockdesk.forecast.expiry import DEFAULT_HORIZON_MONTHS
from stockdesk.forecast.levels import exact
from stockdesk.forecast.profiles import months_ending, window_end
from stockdesk.forecast.projection import add_months
from stockdesk.forecast.status import Status, mos_text
from stockdesk.problems import ProblemsFound, error
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.stock import DistrictMonthly, StockService
from stockdesk.services.stock_status import (
    ProductStatus,
    StockStatusService,
    product_status,
    refuse_future,
    resolve_profile,
)

MAX_MONTHS = 24  # stockout months and expiry horizon: two years at most
CHART_MONTHS = 12  # consumption trend charts show the last year
MAX_CHARTS = 12  # charts per report: the products needing action most, not a catalogue

@dataclass(frozen=True)
class _Scope:
    kind: str  # "facility" | "district"
    name: str  # facility code or district name
    label: str
    district: str | None
    region: str | None
    facilities: tuple[tuple[str, str], ...]  # (code, name), by code


Monthly = dict[tuple[str, str], dict[str, tuple[int | None, int | None]]]
"""(facility, product) → period → (consumed, stockout days); None: not known."""


class ReportService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local,
                 now: Callable[[], datetime] | None = None):
        self.db = db
        self.actor = actor
        self.today = today
        self.now = now or (lambda: datetime.now().astimezone())
        self.status_service = StockStatusService(db, actor, today)
        self.stock = StockService(db, actor, today)

    # -- the three reports -------------------------------------------------------------------

    def stock_status(self, facility: str | None = None, district: str | None = None, *,
                     as_of: date | None = None, profile: str | None = None,
                     horizon_months: int = DEFAULT_HORIZON_MONTHS, only_action: bool = False,
                     max_charts: int = MAX_CHARTS) -> StockStatusReport:
        """Status of every product at every facility of the scope, most urgent first.

        ``only_action``: rows of products stocked out, below the emergency order point or
        below min only (the counts always cover every product).  Charts: the monthly
        consumption of the first ``max_charts`` rows needing action that have any.
        """
        scope, day = self._begin(facility, district, as_of, horizon_months)
        statuses = self._statuses(scope, day, profile, horizon_months)
        rows = [_status_row(code, name, st) for code, name, st in statuses]
        rows.sort(key=lambda r: (STATUS_ORDER.index(r.status),
                                 r.mos if r.mos is not None else float("inf"),
                                 r.facility_code, r.product_code))
        counts = []
        for code, name in scope.facilities:
            tally = [0] * len(STATUS_ORDER)
            for r in rows:
                if r.facility_code == code:
                    tally[STATUS_ORDER.index(r.status)] += 1
            counts.append(FacilityStatusCount(code, name, tuple(tally)))
        total = len(rows)
        if only_action:
            rows = [r for r in rows if r.status in NEEDS_ACTION]
        monthly = self._monthly(scope, day, CHART_MONTHS)
        wanted = [(r.facility_code, r.product_code, r.product_name, r.unit, r.status, r.amc)
                  for r in rows if r.status in NEEDS_ACTION]
        charts = _charts(wanted, monthly, months_ending(window_end(day), CHART_MONTHS),
                         max_charts)
        legend = (f"Usable: stock on hand not expired, in dispensing units. AMC: average "
                  f"monthly consumption ({_profile_words(profile)}). MOS: months of stock = "
                  f"usable / AMC. Status against the levels of each product's program at the "
                  f"facility's type. Stockout: projected day demand is no longer met at the "
                  f"AMC, without deliveries. Order: maximum stock − usable. At risk: will "
                  f"expire unused within {horizon_months} months (FEFO at the AMC).",)
        params = (("Profile", _profile_words(profile)),
                  ("Rows", f"{len(rows)} of {total} facility × product"
                           + (" (needing action only)" if only_action else "")))
        header = self._header("stock-status", scope, day, params, legend)
        return StockStatusReport(header, tuple(counts), tuple(rows), charts, total,
                                 horizon_months)

    def stockouts(self, facility: str | None = None, district: str | None = None, *,
                  as_of: date | None = None, months: int = 6, max_charts: int = MAX_CHARTS,
                  ) -> StockoutReport:
        """Products stocked out at the end of ``as_of`` and the stockout days of each of the
        last ``months`` complete months, per facility and per product, worst first."""
        scope, day = self._begin(facility, district, as_of, months)
        statuses = self._statuses(scope, day, None, DEFAULT_HORIZON_MONTHS)
        periods = tuple(months_ending(window_end(day), months))
        monthly = self._monthly(scope, day, max(months, CHART_MONTHS))
        rows: list[StockoutRow] = []
        held: dict[str, list[StockoutRow]] = defaultdict(list)
        for code, name, st in statuses:
            seen = monthly.get((code, st.code), {})
            row = StockoutRow(code, name, st.code, st.stock.description, st.stock.unit,
                              st.stock.usable, st.status.value is Status.STOCKED_OUT,
                              tuple(seen.get(p, (None, None))[1] for p in periods),
                              _float(st.amc.value))
            held[st.code].append(row)
            if row.stocked_out_now or row.total_days:
                rows.append(row)
        rows.sort(key=lambda r: (not r.stocked_out_now, -r.total_days, -r.months_out,
                                 r.facility_code, r.product_code))
        products = []
        for code, group in held.items():
            out_now = sum(r.stocked_out_now for r in group)
            days = sum(r.total_days for r in group)
            with_days = sum(1 for r in group if r.total_days)
            if out_now or days:
                products.append(ProductStockouts(code, group[0].product_name, group[0].unit,
                                                 len(group), out_now, with_days, days))
        products.sort(key=lambda p: (-p.out_now, -p.total_days, p.product_code))
        wanted = [(r.facility_code, r.product_code, r.product_name, r.unit,
                   Status.STOCKED_OUT if r.stocked_out_now else None, r.amc) for r in rows]
        charts = _charts(wanted, monthly, months_ending(window_end(day), CHART_MONTHS),
                         max_charts)
        legend = ("Stocked out now: no usable stock at the end of the as-of day. Days out: "
                  "days of the month whose closing usable balance was 0 (column X of the "
                  "R&R); blank: not reported. Listed: every facility × product stocked out "
                  "now or with stockout days in these months.",)
        params = (("Months", f"{periods[0]} to {periods[-1]} ({months} complete month"
                             f"{'s' if months != 1 else ''})"),)
        header = self._header("stockouts", scope, day, params, legend)
        return StockoutReport(header, periods, tuple(products), tuple(rows), charts)

    def audit_log(self, first: date, last: date, entity: str | None = None) -> AuditReport:
        """Every audit entry recorded from ``first`` to ``last`` (UTC days, both included),
        oldest first; ``entity`` keeps one kind (``user``, ``product``, ``requisition``…)."""
        self.actor.require("audit.read")
        if last < first:
            raise ProblemsFound([error("report.scope")])
        start = datetime.combine(first, time(0, 0))
        end = datetime.combine(last + timedelta(days=1), time(0, 0))
        a = AuditEntry
        q = select(a.at, a.username, a.entity, a.entity_key, a.action, a.old_value,
                   a.new_value, a.reason).where(a.at >= start, a.at < end)
        if entity is not None:
            q = q.where(a.entity == entity)
        with self.db.reading() as s:
            entries = [(_utc(at), who, what, key, action, old, new, reason)
                       for at, who, what, key, action, old, new, reason
                       in s.execute(q.order_by(a.at, a.id))]
        scope = f"{first.isoformat()} to {last.isoformat()}, " + (
            f"{entity} changes" if entity else "every change")
        return AuditReport(scope, self.now(), self.actor.username, __version__,
                           rows_from(entries))

    def expiry(self, facility: str | None = None, district: str | None = None, *,
               as_of: date | None = None, horizon_months: int = DEFAULT_HORIZON_MONTHS,
               profile: str | None = None) -> ExpiryReport:
        """Lots expiring within ``horizon_months`` of ``as_of``, soonest first, with what FEFO
        use at the AMC consumes before each expires and what is left at risk (AC-12)."""
        scope, day = self._begin(facility, district, as_of, horizon_months)
        statuses = self._statuses(scope, day, profile, horizon_months)
        horizon_end = add_months(day, horizon_months)
        rows: list[ExpiryRow] = []
        expired: list[ExpiredRow] = []
        for code, name, st in statuses:
            stock = st.stock
            if stock.expired:
                expired.append(ExpiredRow(code, name, st.code, stock.description, stock.unit,
                                          stock.expired))
            if st.expiry is None:
                continue
            for run in st.expiry.lots:
                if run.expiry is None or run.expiry > horizon_end or run.quantity == 0:
                    continue
                lot = st.inputs.lots[int(run.label.split()[-1]) - 1]  # "lot N": N-th given
                rows.append(ExpiryRow(code, name, st.code, stock.description, stock.unit,
                                      lot.lot, run.expiry, run.quantity, run.consumed,
                                      run.at_risk, _float(st.amc.value)))
        rows.sort(key=lambda r: (r.expiry, r.facility_code, r.product_code, r.lot))
        expired.sort(key=lambda r: (r.facility_code, r.product_code))
        legend = (f"Lots of usable stock expiring on or before {horizon_end.isoformat()}. "
                  f"Used before expiry: what issuing first-expiry-first-out at the AMC "
                  f"({_profile_words(profile)}) consumes before the lot expires. At risk: "
                  f"quantity − used, to redistribute or report before it expires.",)
        params = (("Horizon", f"{horizon_months} month{'s' if horizon_months != 1 else ''}: "
                              f"lots expiring by {horizon_end.isoformat()}"),)
        header = self._header("expiry", scope, day, params, legend)
        return ExpiryReport(header, horizon_months, horizon_end, tuple(rows), tuple(expired))

    # -- gathering ---------------------------------------------------------------------------

    def _begin(self, facility: str | None, district: str | None, as_of: date | None,
               months: int) -> tuple[_Scope, date]:
        self.actor.require("stock.read")
        if (facility is None) == (district is None):
            raise ProblemsFound([error("report.scope")])
        if not 1 <= months <= MAX_MONTHS:
            raise ProblemsFound([error("report.months", months=months, most=MAX_MONTHS)])
        today = self.today()
        day = as_of or today
        refuse_future(day, today)
        return self._scope(facility, district), day

    def _scope(self, facility: str | None, district: str | None) -> _Scope:
        with self.db.reading() as s:
            if facility is not None:
                fac = s.scalar(select(Facility).where(Facility.code == facility))
                if fac is None:
                    raise ProblemsFound([error("facility.unknown", code=facility)])
                return _Scope("facility", fac.code, f"{fac.code} — {fac.name}", fac.district,
                              fac.region, ((fac.code, fac.name),))
            assert district is not None
            facs = s.execute(select(Facility.code, Facility.name, Facility.region)
                             .where(Facility.district == district, Facility.active.is_(True))
                             .order_by(Facility.code)).all()
        if not facs:
            raise ProblemsFound([error("district.unknown", name=district)])
        regions = sorted({r for _, _, r in facs if r})
        return _Scope("district", district, district, district,
                      ", ".join(regions) or None, tuple((c, n) for c, n, _ in facs))

    def _statuses(self, scope: _Scope, day: date, profile: str | None, horizon_months: int,
                  ) -> list[tuple[str, str, ProductStatus]]:
        resolve_profile(profile)  # an unknown name is refused before any work
        today = self.today()
        out = []
        for code, name in scope.facilities:
            for inp in self.status_service.inputs(code, day, profile):
                out.append((code, name, product_status(inp, day, today,
                                                       horizon_months=horizon_months)))
        return out

    def _monthly(self, scope: _Scope, day: date, months: int) -> Monthly:
        periods = months_ending(window_end(day), months)
        if scope.kind == "facility":
            table = self.stock.facility_monthly(scope.name, periods[0], periods[-1])
        else:
            table = self.stock.district_monthly(scope.name, periods[0], periods[-1])
        return _monthly_map(table, {c for c, _ in scope.facilities})

    def _header(self, kind: ReportKind, scope: _Scope, day: date,
                params: tuple[tuple[str, str], ...], notes: tuple[str, ...]) -> ReportHeader:
        return ReportHeader(kind, "facility" if scope.kind == "facility" else "district",
                            scope.label, scope.district, scope.region, len(scope.facilities),
                            day, self.now(), __version__, params, notes)


# -- helpers -----------------------------------------------------------------------------------


def _float(value: object) -> float | None:
    if value is None:
        return None
    return float(value)  # type: ignore[arg-type]


def _profile_words(profile: str | None) -> str:
    return f"{profile} profile" if profile else "each program's calculation profile"


def _status_row(code: str, name: str, st: ProductStatus) -> StatusRow:
    stock = st.stock
    amc = st.amc.value
    mos = st.mos.value
    text = None
    if mos is not None and amc:
        text = mos_text(Fraction(stock.usable) / exact(amc), st.levels)
    return StatusRow(code, name, stock.code, stock.description, stock.unit, stock.usable,
                     _float(amc), None if mos is None else float(mos), text, st.status.value,
                     st.stockout.value,
                     None if st.order_quantity is None else int(st.order_quantity.value),
                     st.at_risk)


def _monthly_map(table: DistrictMonthly, facilities: set[str]) -> Monthly:
    out: Monthly = defaultdict(dict)
    if len(table) == 0:
        return out
    c = table.columns
    for f, p, per, consumed, days, known in zip(
            c["facility"], c["product"], c["period"], c["consumed"], c["stockout_days"],
            c["stockout_days_known"], strict=True):
        if f in facilities:
            out[(f, p)][per] = (int(consumed), int(days) if known else None)
    return out


def _charts(wanted: Iterable[tuple[str, str, str, str, Status | None, float | None]],
            monthly: Monthly, periods: list[str], limit: int) -> tuple[TrendChart, ...]:
    """Trend charts of the first ``limit`` pairs with any consumption in ``periods``."""
    charts: list[TrendChart] = []
    for facility, product, name, unit, status, amc in wanted:
        if len(charts) >= limit:
            break
        seen = monthly.get((facility, product), {})
        consumed = tuple(seen.get(p, (None, None))[0] for p in periods)
        if not any(consumed):
            continue  # nothing to draw: no month with consumption
        charts.append(TrendChart(facility, product, name, unit, status, tuple(periods),
                                 consumed, tuple(seen.get(p, (None, None))[1] for p in periods),
                                 amc))
    return tuple(charts)


def _utc(at: datetime) -> datetime:
    """SQLite hands back naive UTC, PostgreSQL an aware time: UTC, naive, either way."""
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo is not None else at


__all__ = ["CHART_MONTHS", "MAX_CHARTS", "MAX_MONTHS", "ReportService"]
