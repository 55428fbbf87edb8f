"""Facilities, programs, products and stock levels: created or changed with an audit entry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from stockdesk.db.models import FACILITY_TYPES, Facility, Product, Program, StockLevel
from stockdesk.exchange.values import code_problem
from stockdesk.forecast.profiles import PROFILES, UnknownProfile, get_profile
from stockdesk.problems import Problem, ProblemsFound, error
from stockdesk.services import audit
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database


@dataclass(frozen=True)
class FacilityData:
    code: str
    name: str
    type: str = "health_centre"
    district: str | None = None
    region: str | None = None
    supplier_code: str | None = None


@dataclass(frozen=True)
class ProductData:
    code: str
    name: str
    strength: str | None = None
    form: str | None = None
    unit: str = "each"
    pack_size: int = 1
    pack_rounding_threshold: int = 0
    round_to_zero: bool = False
    price_per_pack: Decimal | None = None
    program: str | None = None
    atc: str | None = None
    gtin: str | None = None
    seasonal: bool = False
    controlled: bool = False


@dataclass(frozen=True)
class LevelData:
    program: str
    facility_type: str
    max_mos: float = 3.0
    min_mos: float = 1.0
    eop_mos: float = 0.5
    lead_time_months: float = 1.0
    review_months: float = 1.0


class MasterDataService:
    def __init__(self, db: Database, actor: Actor):
        self.db = db
        self.actor = actor

    def save_facilities(self, items: Sequence[FacilityData], reason: str | None = None) -> int:
        self.actor.require("masterdata.edit")
        with self.db.transaction() as s:
            return upsert_facilities(s, self.actor, items, reason)

    def save_products(self, items: Sequence[ProductData], reason: str | None = None) -> int:
        self.actor.require("masterdata.edit")
        with self.db.transaction() as s:
            return upsert_products(s, self.actor, items, reason)

    def save_levels(self, items: Sequence[LevelData], reason: str | None = None) -> int:
        self.actor.require("masterdata.edit")
        with self.db.transaction() as s:
            return upsert_levels(s, self.actor, items, reason)

    def set_program_profile(self, program: str, profile: str, reason: str | None = None) -> str:
        """Choose how a program computes N and P (FIELD.md §1.6); returns the profile name.

        Every later R&R of the program states it; R&Rs already submitted keep theirs.
        """
        self.actor.require("masterdata.edit")
        try:
            name = get_profile(profile).name
        except UnknownProfile as exc:
            raise ProblemsFound([error("profile.unknown", name=profile,
                                       known=", ".join(PROFILES))]) from exc
        with self.db.transaction() as s:
            prog = s.scalar(select(Program).where(Program.code == program))
            if prog is None:
                raise ProblemsFound([error("program.unknown", code=program)])
            if prog.profile != name:
                audit.record(s, self.actor, "program", program, "update",
                             {"profile": prog.profile}, {"profile": name}, reason)
                prog.profile = name
        return name

    def programs(self) -> list[tuple[str, str, str]]:
        """(code, name, profile) of every program."""
        self.actor.require("stock.read")
        with self.db.reading() as s:
            return [(c, n, p) for c, n, p in s.execute(
                select(Program.code, Program.name, Program.profile).order_by(Program.code))]


# Session-level functions, shared by the services above and the importers (one transaction).


def code_problems(codes: Sequence[str]) -> list[Problem]:
    """Codes with invisible characters or look-alike letters are refused (see code_problem)."""
    problems = []
    for code in codes:
        why = code_problem(code)
        if why is not None:
            problems.append(error("import.bad_code", field="code", value=code, why=why))
    return problems


def upsert_facilities(s: Session, actor: Actor, items: Sequence[FacilityData],
                      reason: str | None = None) -> int:
    """Create or update facilities; returns how many rows changed.  Suppliers may be in items."""
    problems = code_problems([f.code for f in items])
    for f in items:
        if f.type not in FACILITY_TYPES:
            problems.append(error("import.bad_choice", field="type", value=f.type,
                                  allowed=", ".join(FACILITY_TYPES)))
    if problems:
        raise ProblemsFound(problems)
    existing = {f.code: f for f in s.scalars(select(Facility))}
    changed = 0
    for f in items:
        new = {"name": f.name, "type": f.type, "district": f.district, "region": f.region}
        row = existing.get(f.code)
        if row is None:
            row = Facility(code=f.code, **new)
            s.add(row)
            existing[f.code] = row
            audit.record(s, actor, "facility", f.code, "create", None, new, reason)
            changed += 1
        else:
            old = {k: getattr(row, k) for k in new}
            before, after = audit.changes(old, new)
            if after:
                for k, v in after.items():
                    setattr(row, k, v)
                audit.record(s, actor, "facility", f.code, "update", before, after, reason)
                changed += 1
    s.flush()
    for f in items:
        row = existing[f.code]
        supplier = existing.get(f.supplier_code) if f.supplier_code else None
        if f.supplier_code and supplier is None:
            problems.append(error("facility.unknown", code=f.supplier_code))
            continue
        new_id = supplier.id if supplier else None
        if row.supplier_id != new_id:
            old_code = next((c for c, x in existing.items() if x.id == row.supplier_id), None)
            row.supplier_id = new_id
            audit.record(s, actor, "facility", f.code, "update", {"supplier": old_code},
                         {"supplier": f.supplier_code}, reason)
    if problems:
        raise ProblemsFound(problems)
    s.flush()
    return changed


def ensure_program(s: Session, actor: Actor, code: str, cache: dict[str, Program]) -> Program:
    """Programs are created the first time a catalogue names them."""
    if code in cache:
        return cache[code]
    prog = s.scalar(select(Program).where(Program.code == code))
    if prog is None:
        prog = Program(code=code, name=code, profile="openlmis")
        s.add(prog)
        s.flush()
        audit.record(s, actor, "program", code, "create", None, {"name": code})
    cache[code] = prog
    return prog


def upsert_products(s: Session, actor: Actor, items: Sequence[ProductData],
                    reason: str | None = None) -> int:
    problems = code_problems([p.code for p in items])
    if problems:
        raise ProblemsFound(problems)
    existing = {p.code: p for p in s.scalars(select(Product))}
    programs: dict[str, Program] = {}
    changed = 0
    for p in items:
        prog = ensure_program(s, actor, p.program, programs) if p.program else None
        new = {
            "name": p.name, "strength": p.strength, "dosage_form": p.form,
            "dispensing_unit": p.unit, "pack_size": p.pack_size,
            "pack_rounding_threshold": p.pack_rounding_threshold,
            "round_to_zero": p.round_to_zero, "price_per_pack": p.price_per_pack,
            "program_id": prog.id if prog else None, "atc": p.atc, "gtin": p.gtin,
            "seasonal": p.seasonal, "controlled": p.controlled,
        }
        shown = asdict(p)
        row = existing.get(p.code)
        if row is None:
            s.add(Product(code=p.code, **new))
            audit.record(s, actor, "product", p.code, "create", None, shown, reason)
            changed += 1
            continue
        old = {k: getattr(row, k) for k in new}
        if old.get("price_per_pack") is not None and new["price_per_pack"] is not None:
            old["price_per_pack"] = Decimal(old["price_per_pack"])
        before, after = audit.changes(old, new)
        if after:
            for k, v in after.items():
                setattr(row, k, v)
            audit.record(s, actor, "product", p.code, "update", before, after, reason)
            changed += 1
    s.flush()
    return changed


def upsert_levels(s: Session, actor: Actor, items: Sequence[LevelData],
                  reason: str | None = None) -> int:
    programs: dict[str, Program] = {}
    changed = 0
    for lv in items:
        prog = ensure_program(s, actor, lv.program, programs)
        row = s.scalar(select(StockLevel).where(StockLevel.program_id == prog.id,
                                                StockLevel.facility_type == lv.facility_type))
        new = {k: v for k, v in asdict(lv).items() if k not in ("program", "facility_type")}
        key = f"{lv.program}/{lv.facility_type}"
        if row is None:
            s.add(StockLevel(program_id=prog.id, facility_type=lv.facility_type, **new))
            audit.record(s, actor, "stock_level", key, "create", None, new, reason)
            changed += 1
            continue
        before, after = audit.changes({k: getattr(row, k) for k in new}, new)
        if after:
            for k, v in after.items():
                setattr(row, k, v)
            audit.record(s, actor, "stock_level", key, "update", before, after, reason)
            changed += 1
    s.flush()
    return changed
