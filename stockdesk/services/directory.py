"""Lists a window needs to offer choices: facilities, products, programs, requisitions, recent
movements and the audit log.

Every front end reads these through one service so that no view builds a query of its own, and
each list is one query (a facility switcher or a product search must answer at once even on a
district database).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from stockdesk.db.models import (
    AuditEntry,
    Facility,
    Movement,
    MovementLine,
    Product,
    Program,
    Requisition,
    RequisitionLine,
    User,
)
from stockdesk.inventory.kinds import Column, Kind
from stockdesk.problems import ProblemsFound, error
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database


@dataclass(frozen=True)
class FacilityInfo:
    code: str
    name: str
    type: str
    district: str | None
    region: str | None
    supplier: str | None
    active: bool

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


@dataclass(frozen=True)
class ProductInfo:
    code: str
    name: str
    strength: str | None
    form: str | None
    unit: str
    pack_size: int
    price_per_pack: float | None
    program: str | None
    gtin: str | None
    active: bool

    @property
    def description(self) -> str:
        """Name, strength and form, as a pharmacist tells two presentations apart."""
        return " ".join(x for x in (self.name, self.strength, self.form) if x)


@dataclass(frozen=True)
class RequisitionInfo:
    facility: str
    facility_name: str
    program: str
    period: str
    emergency: bool
    sequence: int
    status: str
    source: str
    created_at: datetime
    lines: int


@dataclass(frozen=True)
class MovementInfo:
    id: int
    kind: str
    occurred_on: date
    recorded_at: datetime
    reason: str | None
    reference: str | None
    counterparty: str | None
    user: str | None
    lines: int
    reversed_by: int | None  # id of the reversal, if this movement has been reversed
    reverses: int | None
    # Why a reversal dated on the day asked about would be refused, as the ledger's own
    # problem code ("reversal.of_count", "reversal.of_reversal", "reversal.already_reversed",
    # "reversal.before_original", "count.later_exists"); None when it can be reversed.
    blocked: str | None = None
    counted_on: date | None = None  # with "count.later_exists": the latest count in the way
    counted_product: str | None = None  # ... and the product counted then

    @property
    def reversible(self) -> bool:
        return self.blocked is None


@dataclass(frozen=True)
class AuditInfo:
    at: datetime
    user: str
    entity: str
    key: str
    action: str
    old: str | None
    new: str | None
    reason: str | None


def _blocked(m: Movement, reversed_by: int | None, on: date,
             counts: list[tuple[date, str]]) -> tuple[str | None, date | None, str | None]:
    """Why a reversal of ``m`` dated ``on`` would be refused (the ledger's first problem)."""
    if m.kind == Kind.REVERSAL:
        return "reversal.of_reversal", None, None
    if m.kind == Kind.COUNT:
        return "reversal.of_count", None, None
    if reversed_by is not None:
        return "reversal.already_reversed", None, None
    if on < m.occurred_on:
        return "reversal.before_original", None, None
    in_the_way = [c for c in counts if c[0] >= on]
    if in_the_way:
        counted_on, product = max(in_the_way)
        return "count.later_exists", counted_on, product
    return None, None, None


class DirectoryService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today

    def facilities(self, district: str | None = None, *,
                   include_inactive: bool = False) -> list[FacilityInfo]:
        """Facilities by name; a district's only when one is given."""
        self.actor.require("stock.read")
        supplier = aliased(Facility)
        q = (select(Facility, supplier.code)
             .outerjoin(supplier, Facility.supplier_id == supplier.id)
             .order_by(Facility.name, Facility.code))
        if district is not None:
            q = q.where(Facility.district == district)
        if not include_inactive:
            q = q.where(Facility.active.is_(True))
        with self.db.reading() as s:
            return [FacilityInfo(f.code, f.name, f.type, f.district, f.region, sup, f.active)
                    for f, sup in s.execute(q)]

    def districts(self) -> list[str]:
        self.actor.require("stock.read")
        with self.db.reading() as s:
            return [d for (d,) in s.execute(  # type: ignore[misc]  # NULLs filtered out
                select(Facility.district).where(Facility.district.is_not(None))
                .distinct().order_by(Facility.district))]

    def products(self, *, include_inactive: bool = False) -> list[ProductInfo]:
        """The catalogue by name, with the program each product belongs to."""
        self.actor.require("stock.read")
        q = (select(Product, Program.code).outerjoin(Program, Product.program_id == Program.id)
             .order_by(Product.name, Product.code))
        if not include_inactive:
            q = q.where(Product.active.is_(True))
        with self.db.reading() as s:
            return [ProductInfo(p.code, p.name, p.strength, p.dosage_form, p.dispensing_unit,
                                p.pack_size,
                                float(p.price_per_pack) if p.price_per_pack is not None else None,
                                prog, p.gtin, p.active)
                    for p, prog in s.execute(q)]

    def programs(self) -> list[tuple[str, str]]:
        """(code, name) of every program."""
        self.actor.require("stock.read")
        with self.db.reading() as s:
            return [(c, n) for c, n in s.execute(
                select(Program.code, Program.name).order_by(Program.code))]

    def requisitions(self, facility: str | None = None, district: str | None = None,
                     period: str | None = None) -> list[RequisitionInfo]:
        """Requisitions, newest period first: a facility's history or a district's inbox."""
        self.actor.require("stock.read")
        nlines = (select(func.count()).select_from(RequisitionLine)
                  .where(RequisitionLine.requisition_id == Requisition.id)
                  .correlate(Requisition).scalar_subquery())
        q = (select(Requisition, Facility.code, Facility.name, Program.code, nlines)
             .join(Facility, Requisition.facility_id == Facility.id)
             .join(Program, Requisition.program_id == Program.id)
             .order_by(Requisition.period.desc(), Facility.name, Requisition.sequence))
        if facility is not None:
            q = q.where(Facility.code == facility)
        if district is not None:
            q = q.where(Facility.district == district)
        if period is not None:
            q = q.where(Requisition.period == period)
        with self.db.reading() as s:
            return [RequisitionInfo(fcode, fname, prog, r.period, r.emergency, r.sequence,
                                    r.status, r.source, r.created_at, n or 0)
                    for r, fcode, fname, prog, n in s.execute(q)]

    def movements(self, facility: str, *, limit: int = 200, before_id: int | None = None,
                  on: date | None = None) -> list[MovementInfo]:
        """A facility's most recent movements, newest first: what a reversal is chosen from.

        Each says whether a reversal dated ``on`` (today when not given) would be accepted,
        by the rules :meth:`LedgerService.reverse` enforces: a count, a reversal or a movement
        already reversed cannot be reversed; a reversal cannot precede its movement; and
        nothing can be dated on or before the latest physical count of a product it touches.
        (Whether the stock allows it, i.e. no balance would fall below zero, is checked when
        posting.)  Three queries for the whole list, whatever its length.
        """
        self.actor.require("stock.read")
        when = on or self.today()
        reversal = aliased(Movement)
        counterparty = aliased(Facility)
        nlines = (select(func.count()).select_from(MovementLine)
                  .where(MovementLine.movement_id == Movement.id).correlate(Movement)
                  .scalar_subquery())
        q = (select(Movement, User.username, reversal.id, counterparty.code, nlines)
             .outerjoin(User, Movement.user_id == User.id)
             .outerjoin(reversal, reversal.reverses_id == Movement.id)
             .outerjoin(counterparty, Movement.counterparty_facility_id == counterparty.id)
             .order_by(Movement.id.desc()).limit(limit))
        if before_id is not None:
            q = q.where(Movement.id < before_id)
        with self.db.reading() as s:
            fac_id = s.scalar(select(Facility.id).where(Facility.code == facility))
            if fac_id is None:
                raise ProblemsFound([error("facility.unknown", code=facility)])
            found = s.execute(q.where(Movement.facility_id == fac_id)).all()
            ids = [m.id for m, *_ in found]
            touched: dict[int, set[int]] = {}
            if ids:
                for mid, pid in s.execute(
                        select(MovementLine.movement_id, MovementLine.product_id)
                        .where(MovementLine.movement_id.in_(ids)).distinct()):
                    touched.setdefault(mid, set()).add(pid)
            products = sorted(set().union(*touched.values())) if touched else []
            latest: dict[int, tuple[date, str]] = {}
            if products:
                # the same rule as the ledger's: the latest count line of each product here
                for pid, code, last in s.execute(
                        select(MovementLine.product_id, Product.code,
                               func.max(MovementLine.occurred_on))
                        .join(Product, Product.id == MovementLine.product_id)
                        .where(MovementLine.facility_id == fac_id,
                               MovementLine.product_id.in_(products),
                               MovementLine.summary_column == Column.NONE.value)
                        .group_by(MovementLine.product_id, Product.code)):
                    if last is not None:
                        latest[pid] = (last, code)
            result = []
            for m, user, rev, cp, n in found:
                blocked, counted_on, counted_product = _blocked(
                    m, rev, when, [latest[p] for p in touched.get(m.id, ()) if p in latest])
                result.append(MovementInfo(
                    m.id, m.kind, m.occurred_on, m.recorded_at, m.reason, m.reference,
                    cp or m.counterparty_name, user, n, rev, m.reverses_id, blocked,
                    counted_on, counted_product))
            return result

    def audit(self, *, limit: int = 500, entity: str | None = None) -> list[AuditInfo]:
        """The audit log, newest first."""
        self.actor.require("audit.read")
        q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if entity is not None:
            q = q.where(AuditEntry.entity == entity)
        with self.db.reading() as s:
            return [AuditInfo(a.at, a.username, a.entity, a.entity_key, a.action, a.old_value,
                              a.new_value, a.reason) for a in s.scalars(q)]
