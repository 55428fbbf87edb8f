"""Stock status of a facility: AMC, months of stock, status, stockout and expiry outlook.

The figures a pharmacist looks at every day (FIELD.md §1.5, §3): for each product, stock on
hand, average monthly consumption P under the program's calculation profile, months of stock,
status against the levels of its program and facility type, the projected stockout date and
when an order must leave to beat it, and the quantity that will expire before it is used.
Everything is computed by the pure ``forecast`` package from what this module reads.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stockdesk.db.models import (
    Facility,
    MovementLine,
    Product,
    Program,
    Requisition,
    RequisitionLine,
    StockLevel,
)
from stockdesk.forecast.expiry import DEFAULT_HORIZON_MONTHS, ExpiryRisk, expiry_risk
from stockdesk.forecast.explain import Explained
from stockdesk.forecast.levels import (
    DEFAULT_LEVELS,
    Levels,
    expiry_aware_order_quantity,
    max_quantity,
    months_to_days,
    order_quantity,
)
from stockdesk.forecast.profiles import (
    PROFILES,
    MonthInput,
    Profile,
    UnknownProfile,
    average_consumption,
    get_profile,
    months_ending,
    window_end,
    window_periods,
)
from stockdesk.forecast.projection import order_by_date, project_stockout
from stockdesk.forecast.status import months_of_stock, stock_status
from stockdesk.inventory.ledger import days_in_period, is_expired
from stockdesk.problems import ProblemsFound, error
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.stock import ProductStock, StockService


def resolve_profile(name: str | None) -> Profile | None:
    """The profile named on the command line or in the window (None: each program's own)."""
    if name is None:
        return None
    try:
        return get_profile(name)
    except UnknownProfile as exc:
        raise ProblemsFound([error("profile.unknown", name=name,
                                   known=", ".join(PROFILES))]) from exc


@dataclass(frozen=True)
class LotOnHand:
    lot: str
    expiry: date | None
    quantity: int


@dataclass(frozen=True)
class ProductInputs:
    """What the status of one product is computed from (kept for the explain panel)."""

    stock: ProductStock
    program: str | None
    profile: Profile
    facility_type: str
    levels: Levels  # of the program at this facility type (defaults when none are set)
    seasonal: bool
    lots: tuple[LotOnHand, ...]
    window: tuple[MonthInput, ...]
    levels_configured: bool = False  # False: StockDesk's defaults, no one chose them
    last_year_ahead: int | None = None  # seasonal: consumption of the coming months, a year ago
    pipeline: tuple[tuple[date, int], ...] = ()  # approved, not yet received: (expected, qty)


@dataclass(frozen=True)
class ProductStatus:
    """Every figure of a product's stock status, each able to explain itself."""

    inputs: ProductInputs
    amc: Explained
    mos: Explained
    status: Explained  # value: Status
    max_quantity: Explained | None  # H, None while P is unknown
    order_quantity: Explained | None  # I = max(0, H − E)
    order_quantity_expiry_aware: Explained | None
    stockout: Explained  # projected stockout date (None: not within two years)
    order_by: Explained  # latest day an order can leave to arrive before it
    expiry: ExpiryRisk | None  # None for products known from monthly history only (no lots)
    warnings: tuple[str, ...] = ()  # about this product (a season outgrowing the max)
    level_warnings: tuple[str, ...] = ()  # about the levels it shares with its program

    @property
    def code(self) -> str:
        return self.inputs.stock.code

    @property
    def stock(self) -> ProductStock:
        return self.inputs.stock

    @property
    def levels(self) -> Levels:
        return self.inputs.levels

    @property
    def at_risk(self) -> int | None:
        """Quantity FEFO use will not consume before it expires, within the horizon."""
        return None if self.expiry is None else int(self.expiry.at_risk_within.value)


def product_status(inp: ProductInputs, as_of: date, today: date, *,
                   horizon_months: int = DEFAULT_HORIZON_MONTHS) -> ProductStatus:
    """Compose the pure formulas for one product (FIELD.md §1.2–1.5, §3, AC-06..AC-12)."""
    amc = average_consumption(inp.profile, inp.window)
    p = amc.value
    soh = inp.stock.usable
    levels = inp.levels
    lots: list[tuple[int, date | None]] = [(lot.quantity, lot.expiry) for lot in inp.lots]
    if not lots and soh > 0:  # known from monthly history only: a total without lots
        lots = [(soh, None)]
    h = i = aware = None
    if p is not None:
        h = max_quantity(p, levels.max_mos)
        on_order = sum(q for _, q in inp.pipeline)
        i = order_quantity(int(h.value), soh, pipeline=on_order)
        aware = (expiry_aware_order_quantity(p, lots, as_of, levels, pipeline=on_order)
                 if inp.lots else i)
    if p is None:
        stockout = Explained(None, "no projection: average consumption unknown",
                             {"SOH": soh}, ("no month of consumption in the window",))
    else:
        stockout = project_stockout(lots, as_of, p,
                                    receipts=[(d, q, None) for d, q in inp.pipeline])
    order_by = order_by_date(stockout.value, min(today, as_of),
                             lead_time_months=levels.lead_time_months)
    risk = expiry_risk(lots, p, as_of, horizon_months=horizon_months) if inp.lots else None
    return ProductStatus(inp, amc, months_of_stock(soh, p), stock_status(soh, p, levels),
                         h, i, aware, stockout, order_by, risk, _seasonal_warning(inp, h),
                         levels.warnings() if inp.levels_configured else ())


def _seasonal_warning(inp: ProductInputs, h: Explained | None) -> tuple[str, ...]:
    """FIELD.md §2.2: warn when last year's consumption of the coming MaxMOS months exceeds
    the AMC-based maximum — the season is about to outgrow the levels."""
    if not inp.seasonal or h is None or inp.last_year_ahead is None:
        return ()
    if inp.last_year_ahead <= int(h.value):
        return ()
    return (f"seasonal: the coming {inp.levels.max_mos:g} months took "
            f"{inp.last_year_ahead:,} last year, more than the maximum stock {int(h.value):,} "
            "sized from the AMC; see 'stockdesk forecast' for the season ahead",)


class StockStatusService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today
        self.stock = StockService(db, actor, today)

    def inputs(self, facility: str, as_of: date | None = None,
               profile: str | None = None) -> list[ProductInputs]:
        """Stock, lots, levels, profile and the AMC window's months of every product."""
        self.actor.require("stock.read")
        forced = resolve_profile(profile)
        today = self.today()
        day = as_of or today
        refuse_future(day, today)
        held: list[tuple[int, str, date | None, int]] = []  # read once: for stock and lots
        stock = self.stock.stock_on_hand(facility, day, lots=held)
        end = window_end(day)
        first = months_ending(end, 12)[0]  # the AMC window, and a year back for the season
        # the months from the summary cache, as columns (no object per month and product)
        table = self.stock.facility_monthly(facility, first, end).columns
        months: dict[str, list[tuple[str, int, int | None]]] = defaultdict(list)
        for code, per, consumed, x, known in zip(
                table["product"].tolist(), table["period"].tolist(),
                table["consumed"].tolist(), table["stockout_days"].tolist(),
                table["stockout_days_known"].tolist(), strict=True):
            months[code].append((per, consumed, x if known else None))
        with self.db.reading() as s:
            fac = s.scalar(select(Facility).where(Facility.code == facility))
            assert fac is not None  # stock_on_hand checked it
            meta = {code: (pcode, pprofile, seasonal) for code, pcode, pprofile, seasonal in
                    s.execute(select(Product.code, Program.code, Program.profile,
                                     Product.seasonal)
                              .outerjoin(Program, Program.id == Product.program_id)
                              .where(Product.code.in_([p.code for p in stock])))}
            levels = {code: Levels(lv.max_mos, lv.min_mos, lv.eop_mos, lv.lead_time_months,
                                   lv.review_months)
                      for code, lv in s.execute(
                          select(Program.code, StockLevel)
                          .join(Program, Program.id == StockLevel.program_id)
                          .where(StockLevel.facility_type == fac.type))}
            codes = dict(s.execute(select(Product.id, Product.code)
                                   .where(Product.code.in_([p.code for p in stock]))).all())
            lots: dict[str, list[LotOnHand]] = defaultdict(list)
            for pid, batch, expiry, qty in held:
                if qty > 0 and pid in codes and not is_expired(expiry, day):
                    lots[codes[pid]].append(LotOnHand(batch, expiry, qty))
            fac_type = fac.type
            pipeline = _pipeline(s, fac.id, day, codes)
        days = {per: days_in_period(per) for per in months_ending(end, 12)}
        out = []
        for p in stock:
            program, stored, seasonal = meta.get(p.code, (None, None, False))
            prof = forced or program_profile(stored)
            wanted = set(window_periods(prof, end))
            window = tuple(MonthInput(per, consumed, x, days[per])
                           for per, consumed, x in months.get(p.code, ()) if per in wanted)
            level = levels.get(program or "")
            ahead = None
            if seasonal:
                mos = (level or DEFAULT_LEVELS).max_mos
                span = months_ending(end, 12)[:max(1, math.ceil(mos))]  # next months, −1 yr
                seen = {per: consumed for per, consumed, _ in months.get(p.code, ())}
                if all(per in seen for per in span):
                    ahead = sum(seen[per] for per in span)
            out.append(ProductInputs(
                p, program, prof, fac_type, level or DEFAULT_LEVELS, bool(seasonal),
                tuple(sorted(lots.get(p.code, []),
                             key=lambda x: (x.expiry is None, x.expiry or date.max, x.lot))),
                window, level is not None, ahead, pipeline.get(p.code, ())))
        return out

    def status(self, facility: str, as_of: date | None = None,
               profile: str | None = None) -> list[ProductStatus]:
        """Every product's AMC, months of stock, status and outlook at the end of ``as_of``."""
        today = self.today()
        day = as_of or today
        return [computed_status(i, day, today) for i in self.inputs(facility, day, profile)]


STATUS_MEMO_SIZE = 8192  # products' statuses kept: a district's facilities × their products
_memo: OrderedDict[tuple[ProductInputs, date, date], ProductStatus] = OrderedDict()
_memo_lock = threading.Lock()


def computed_status(inp: ProductInputs, as_of: date, today: date) -> ProductStatus:
    """:func:`product_status`, remembered for the same inputs.

    ``product_status`` is a pure function of what was read (the inputs, the day and today),
    and its exact arithmetic takes most of the time of a facility's status; the inputs are
    read from the database every time, so a product whose stock, months, lots, levels and
    pipeline did not change since its status was last computed gets that same status back,
    and any change at all makes it computed again.
    """
    key = (inp, as_of, today)
    with _memo_lock:
        hit = _memo.get(key)
        if hit is not None:
            _memo.move_to_end(key)
            return hit
    status = product_status(inp, as_of, today)
    with _memo_lock:
        _memo[key] = status
        while len(_memo) > STATUS_MEMO_SIZE:
            _memo.popitem(last=False)
    return status


PIPELINE_MONTHS = 3  # approvals older than this are taken as delivered or lost, not pending


def _pipeline(s: Session, facility_id: int, day: date, codes: dict[int, str],
              ) -> dict[str, tuple[tuple[date, int], ...]]:
    """Quantities approved on the facility's R&Rs and not yet received: the pipeline.

    Per product: approved K of the R&Rs approved (or issued) in the last ``PIPELINE_MONTHS``
    months up to ``day``, less what was received (column B) since the earliest of those
    approvals, oldest approval first; expected one lead time after approval (an overdue
    delivery is counted from tomorrow).
    """
    since = day - timedelta(days=30 * PIPELINE_MONTHS)
    rows = s.execute(
        select(RequisitionLine.product_id, RequisitionLine.approved, Requisition.approved_at,
               Requisition.lead_time_months)
        .join(Requisition, Requisition.id == RequisitionLine.requisition_id)
        .where(Requisition.facility_id == facility_id,
               Requisition.status.in_(("approved", "issued")),
               Requisition.approved_at.is_not(None),
               RequisitionLine.approved > 0)).all()
    pending: dict[int, list[tuple[date, date, int]]] = defaultdict(list)
    for pid, qty, at, lead in rows:
        if at is None or qty is None:
            continue
        approved_on = at.date()
        if since <= approved_on <= day and pid in codes:
            expected = approved_on + timedelta(days=months_to_days(lead))
            pending[pid].append((approved_on, max(expected, day + timedelta(days=1)), int(qty)))
    out: dict[str, tuple[tuple[date, int], ...]] = {}
    for pid, items in pending.items():
        items.sort()
        received = int(s.scalar(
            select(func.coalesce(func.sum(MovementLine.delta), 0))
            .where(MovementLine.facility_id == facility_id, MovementLine.product_id == pid,
                   MovementLine.summary_column == "B",
                   MovementLine.occurred_on >= items[0][0],
                   MovementLine.occurred_on <= day)) or 0)
        left = []
        for _, expected, qty in items:
            take = min(qty, received)
            received -= take
            if qty > take:
                left.append((expected, qty - take))
        if left:
            out[codes[pid]] = tuple(left)
    return out


def refuse_future(day: date, today: date) -> None:
    """Stock "as of" a day to come would read as if known: it is a projection, not a fact."""
    if day > today:
        raise ProblemsFound([error("date.in_future", date=day.isoformat(),
                                   today=today.isoformat())])


def program_profile(stored: str | None) -> Profile:
    """A program's stored profile; the default for a name this version does not know."""
    try:
        return get_profile(stored)
    except UnknownProfile:
        return get_profile(None)


__all__ = ["LotOnHand", "ProductInputs", "ProductStatus", "StockStatusService",
           "computed_status", "product_status", "program_profile", "refuse_future",
           "resolve_profile"]
