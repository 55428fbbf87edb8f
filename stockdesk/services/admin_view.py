"""What the administration screens read and save beyond the other services.

* the catalogue with every field a form must keep (``DirectoryService.products`` gives the
  fields a list shows; saving a product from those alone would reset its ATC code, pack
  rounding threshold and flags);
* the stock levels of every program × facility type, stored or not yet;
* one product, facility or level saved from a form: checked first (every problem names the
  field concerned in ``Problem.where.column``), then written with the ``masterdata.upsert_*``
  functions in one transaction with the *active* flag, each change with an audit entry;
* the supervisor reports with a progress report per facility, so a district report can show
  how far it is and be cancelled (the callback raises to stop; nothing is written by a report).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from stockdesk.db.models import FACILITY_TYPES, Facility, Product, Program, StockLevel
from stockdesk.exchange.values import parse_gtin
from stockdesk.problems import Location, Problem, ProblemsFound, error, warning
from stockdesk.services import audit
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.masterdata import (
    FacilityData,
    LevelData,
    ProductData,
    upsert_facilities,
    upsert_levels,
    upsert_products,
)
from stockdesk.services.reports import ReportService

MAX_PRICE = Decimal("9999999999")  # Numeric(14, 4)
MAX_PACK_SIZE = 1_000_000
MAX_MONTHS = 120.0
LEVEL_FIELDS = ("max_mos", "min_mos", "eop_mos", "lead_time_months", "review_months")
# text limits of the columns (db.models)
PRODUCT_LIMITS = {"code": 32, "name": 300, "strength": 200, "form": 100, "unit": 50,
                  "program": 64}
FACILITY_LIMITS = {"code": 32, "name": 200, "district": 100, "region": 100}

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ProductRecord:
    """A product as a form edits it: every saved field, and whether it is offered."""

    data: ProductData
    active: bool


@dataclass(frozen=True)
class LevelRecord:
    """The levels of a program at a facility type; ``stored`` False: defaults, not saved yet."""

    data: LevelData
    stored: bool


def _at(p: Problem, column: str) -> Problem:
    return p.at(Location(column=column))


def _text_problems(values: dict[str, str | None], limits: dict[str, int],
                   required: Sequence[str]) -> list[Problem]:
    problems = []
    for field, limit in limits.items():
        value = values.get(field) or ""
        if field in required and not value.strip():
            problems.append(_at(error("import.required", field=field), field))
        elif len(value) > limit:
            problems.append(_at(error("import.too_long", field=field, limit=limit), field))
    return problems


def product_problems(item: ProductData) -> list[Problem]:
    """What is wrong with a product typed in a form (each problem at its field)."""
    problems = _text_problems({"code": item.code, "name": item.name,
                               "strength": item.strength, "form": item.form,
                               "unit": item.unit, "program": item.program},
                              PRODUCT_LIMITS, ("code", "name", "unit"))
    if not 1 <= item.pack_size <= MAX_PACK_SIZE:
        problems.append(_at(error("import.out_of_range", field="pack_size", low=1,
                                  high=MAX_PACK_SIZE, value=item.pack_size), "pack_size"))
    if item.price_per_pack is not None and not Decimal(0) <= item.price_per_pack <= MAX_PRICE:
        problems.append(_at(error("import.out_of_range", field="price_per_pack", low=0,
                                  high=MAX_PRICE, value=item.price_per_pack),
                            "price_per_pack"))
    if item.gtin:
        try:
            parse_gtin(item.gtin)
        except ValueError:
            problems.append(_at(error("import.bad_gtin", field="gtin", value=item.gtin),
                                "gtin"))
    return problems


def facility_problems(item: FacilityData) -> list[Problem]:
    problems = _text_problems({"code": item.code, "name": item.name,
                               "district": item.district, "region": item.region},
                              FACILITY_LIMITS, ("code", "name"))
    if item.type not in FACILITY_TYPES:
        problems.append(_at(error("import.bad_choice", field="type", value=item.type,
                                  allowed=", ".join(FACILITY_TYPES)), "type"))
    return problems


def level_problems(item: LevelData) -> list[Problem]:
    """Impossible levels are errors; inconsistent ones (min above max, emergency order point
    not below min) are warnings with ``import.levels_inconsistent``: saved as given, but said.

    Each warning's ``detail`` is a code (``min_above_max``, ``eop_not_below_min``) that the
    window turns into words."""
    problems = []
    for field in LEVEL_FIELDS:
        value = getattr(item, field)
        if not 0 <= value <= MAX_MONTHS:
            problems.append(_at(error("import.out_of_range", field=field, low=0,
                                      high=MAX_MONTHS, value=value), field))
    for field in ("max_mos", "review_months"):
        if getattr(item, field) <= 0:
            problems.append(_at(error("import.not_positive", field=field,
                                      value=getattr(item, field)), field))
    if item.min_mos > item.max_mos:
        problems.append(_at(warning("import.levels_inconsistent", program=item.program,
                                    facility_type=item.facility_type,
                                    detail="min_above_max"), "min_mos"))
    if item.min_mos > 0 and item.eop_mos >= item.min_mos:
        problems.append(_at(warning("import.levels_inconsistent", program=item.program,
                                    facility_type=item.facility_type,
                                    detail="eop_not_below_min"), "eop_mos"))
    return problems


def _raise_errors(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ProblemsFound(errors)


class AdminViewService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today

    # -- reads -------------------------------------------------------------------------------

    def product(self, code: str) -> ProductRecord:
        """Every field of one product, as a form saves it back."""
        self.actor.require("stock.read")
        with self.db.reading() as s:
            row = s.execute(select(Product, Program.code)
                            .outerjoin(Program, Product.program_id == Program.id)
                            .where(Product.code == code)).first()
            if row is None:
                raise ProblemsFound([error("product.unknown", code=code)])
            p, program = row
            return ProductRecord(ProductData(
                code=p.code, name=p.name, strength=p.strength, form=p.dosage_form,
                unit=p.dispensing_unit, pack_size=p.pack_size,
                pack_rounding_threshold=p.pack_rounding_threshold,
                round_to_zero=bool(p.round_to_zero),
                price_per_pack=None if p.price_per_pack is None else Decimal(p.price_per_pack),
                program=program, atc=p.atc, gtin=p.gtin, seasonal=bool(p.seasonal),
                controlled=bool(p.controlled)), bool(p.active))

    def levels(self) -> list[LevelRecord]:
        """Levels of every program × facility type, by program then type; those never saved
        show the defaults (``stored`` False)."""
        self.actor.require("stock.read")
        with self.db.reading() as s:
            programs = list(s.scalars(select(Program.code).order_by(Program.code)))
            stored = {(code, lv.facility_type): lv for lv, code in s.execute(
                select(StockLevel, Program.code)
                .join(Program, Program.id == StockLevel.program_id))}
            out = []
            for program in programs:
                for ftype in FACILITY_TYPES:
                    lv = stored.get((program, ftype))
                    if lv is None:
                        out.append(LevelRecord(LevelData(program, ftype), False))
                    else:
                        out.append(LevelRecord(LevelData(
                            program, ftype, **{f: float(getattr(lv, f)) for f in LEVEL_FIELDS}),
                            True))
            return out

    # -- saving from a form ------------------------------------------------------------------

    def save_product(self, item: ProductData, active: bool = True, *, new: bool = False,
                     reason: str | None = None) -> ProductRecord:
        """Create (``new``) or change one product; ProblemsFound, each at its field, else."""
        self.actor.require("masterdata.edit")
        item = _stripped(item)
        problems = product_problems(item)
        if item.gtin and not any(p.where and p.where.column == "gtin" for p in problems):
            item = dataclasses.replace(item, gtin=parse_gtin(item.gtin))
        _raise_errors(problems)
        with self.db.transaction() as s:
            row = s.scalar(select(Product).where(Product.code == item.code))
            if new and row is not None:
                raise ProblemsFound([_at(error("masterdata.code_exists", code=item.code),
                                         "code")])
            if not new and row is None:
                raise ProblemsFound([_at(error("product.unknown", code=item.code), "code")])
            upsert_products(s, self.actor, [item], reason)
            row = s.scalar(select(Product).where(Product.code == item.code))
            assert row is not None
            _set_active(s, self.actor, "product", row, active, reason)
        return self.product(item.code)

    def save_facility(self, item: FacilityData, active: bool = True, *, new: bool = False,
                      reason: str | None = None) -> None:
        self.actor.require("masterdata.edit")
        item = _stripped(item)
        _raise_errors(facility_problems(item))
        with self.db.transaction() as s:
            row = s.scalar(select(Facility).where(Facility.code == item.code))
            if new and row is not None:
                raise ProblemsFound([_at(error("masterdata.code_exists", code=item.code),
                                         "code")])
            if not new and row is None:
                raise ProblemsFound([_at(error("facility.unknown", code=item.code), "code")])
            try:
                upsert_facilities(s, self.actor, [item], reason)
            except ProblemsFound as exc:  # an unknown supplier: say which field
                raise ProblemsFound([_at(p, "supplier_code") if p.code == "facility.unknown"
                                     else p for p in exc.problems]) from exc
            row = s.scalar(select(Facility).where(Facility.code == item.code))
            assert row is not None
            _set_active(s, self.actor, "facility", row, active, reason)

    def save_level(self, item: LevelData, reason: str | None = None) -> list[Problem]:
        """Save one program × facility type's levels; returns the warnings (saved anyway)."""
        self.actor.require("masterdata.edit")
        problems = level_problems(item)
        _raise_errors(problems)
        with self.db.transaction() as s:
            upsert_levels(s, self.actor, [item], reason)
        return problems

    # -- reports with progress ---------------------------------------------------------------

    def report(self, kind: str, *, facility: str | None = None, district: str | None = None,
               progress: Progress | None = None, **options: Any) -> Any:
        """``stock-status``, ``stockouts`` or ``expiry`` (ReportService's arguments), reporting
        ``progress(done, total, facility name)`` before each facility."""
        service = _TrackedReports(self.db, self.actor, self.today, progress)
        if kind == "stock-status":
            return service.stock_status(facility, district, **options)
        if kind == "stockouts":
            return service.stockouts(facility, district, **options)
        return service.expiry(facility, district, **options)


class _TrackedReports(ReportService):
    """ReportService, one facility at a time, saying how far it is."""

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date],
                 progress: Progress | None):
        super().__init__(db, actor, today)
        self.progress = progress

    def _statuses(self, scope: Any, day: date, profile: str | None,
                  horizon_months: int) -> list[Any]:
        out: list[Any] = []
        total = len(scope.facilities)
        for done, facility in enumerate(scope.facilities):
            if self.progress is not None:
                self.progress(done, total, facility[1])
            out += super()._statuses(dataclasses.replace(scope, facilities=(facility,)), day,
                                     profile, horizon_months)
        if self.progress is not None:
            self.progress(total, total, "")
        return out


def _stripped(item: Any) -> Any:
    """Text fields without surrounding spaces, blanks as None (except required ones)."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if isinstance(value, str):
            value = value.strip()
            if not value and f.name not in ("code", "name", "unit", "type"):
                value = None
            changes[f.name] = value
    return dataclasses.replace(item, **changes)


def _set_active(s: Any, actor: Actor, entity: str, row: Any, active: bool,
                reason: str | None) -> None:
    if bool(row.active) != active:
        audit.record(s, actor, entity, row.code, "enable" if active else "disable",
                     {"active": bool(row.active)}, {"active": active}, reason)
        row.active = active


__all__ = ["AdminViewService", "LevelRecord", "ProductRecord", "facility_problems",
           "level_problems", "product_problems"]
