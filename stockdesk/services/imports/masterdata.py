"""Master data files: facilities, the product catalogue and stock levels.

Small files, read cell by cell.  Rows are saved through the same ``masterdata.upsert_*``
functions as the forms (with audit entries); a blank cell keeps the stored value, it never
clears it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from stockdesk.db.models import FACILITY_TYPES, Facility, Product, Program, StockLevel
from stockdesk.exchange.columns import ColumnMap, facility_type
from stockdesk.exchange.values import (
    code_problem,
    pack_size_from_label,
    parse_bool,
    parse_decimal,
    parse_float,
    parse_gtin,
    parse_int,
)
from stockdesk.services import masterdata
from stockdesk.services.auth import Actor
from stockdesk.services.imports._batches import new_batch
from stockdesk.services.imports._job import PROGRESS_EVERY, Job, Rows

MAX_PACK_SIZE = 1_000_000
MAX_PRICE = Decimal("9999999999")  # Numeric(14, 4)
MAX_MONTHS = 120.0

_Item = TypeVar("_Item")
_Number = TypeVar("_Number", int, float)


class Cells:
    """Read one row's cells by canonical column name."""

    def __init__(self, index: dict[str, int]):
        self.index = index
        self.cells: list[str] = []

    def __call__(self, name: str) -> str:
        i = self.index.get(name)
        return self.cells[i].strip() if i is not None else ""


# -- facilities --------------------------------------------------------------------------------


def import_facilities(s: Session, job: Job, actor: Actor, columns: ColumnMap,
                      rows: Rows) -> int:
    existing = {f.code: f for f in s.scalars(select(Facility))}
    code_of = {f.id: f.code for f in existing.values()}
    get = Cells(columns.index)
    items: list[tuple[int, masterdata.FacilityData]] = []
    seen: dict[str, int] = {}
    for row, code in _coded_rows(job, get, rows, "facility", seen):
        old = existing.get(code)
        ftype = _facility_type(job, row, get("type"), old)
        name = get("name") or (old.name if old else code)
        district = get("district") or (old.district if old else None)
        region = get("region") or (old.region if old else None)
        supplier = get("supplier_code") or (
            code_of.get(old.supplier_id) if old and old.supplier_id else None)
        ok = all([_text_ok(job, row, "name", name, 200),
                  _text_ok(job, row, "district", district, 100),
                  _text_ok(job, row, "region", region, 100)])
        if ftype is None or not ok:
            continue
        items.append((row, masterdata.FacilityData(code, name, ftype, district, region,
                                                   supplier)))
    known = set(existing) | set(seen)
    for row, f in items:
        if f.supplier_code and f.supplier_code not in known:
            job.err("facility.unknown", row, "supplier_code", code=f.supplier_code)
    return _save(s, job, actor, masterdata.upsert_facilities, [f for _, f in items])


def _facility_type(job: Job, row: int, text: str, old: Facility | None) -> str | None:
    if not text:
        if old is not None:
            return old.type
        job.err("import.required", row, "type", field="type")
        return None
    ftype = facility_type(text)
    if ftype is None:
        job.err("import.bad_choice", row, "type", field="type", value=text,
                allowed=", ".join(FACILITY_TYPES))
    return ftype


# -- catalogue ---------------------------------------------------------------------------------


def import_catalogue(s: Session, job: Job, actor: Actor, columns: ColumnMap,
                     rows: Rows) -> int:
    existing = {p.code: p for p in s.scalars(select(Product))}
    programs = {p.id: p.code for p in s.scalars(select(Program))}
    get = Cells(columns.index)
    items: list[masterdata.ProductData] = []
    for row, code in _coded_rows(job, get, rows, "product", {}):
        item = _product(job, row, get, code, existing.get(code), programs)
        if item is not None:
            items.append(item)
    return _save(s, job, actor, masterdata.upsert_products, items)


def _product(job: Job, row: int, get: Cells, code: str, old: Product | None,
             programs: dict[int, str]) -> masterdata.ProductData | None:
    errors_before = job.errors
    name = get("name") or (old.name if old else "")
    _text_ok(job, row, "name", name, 300, required=True)
    texts = {
        "strength": (get("strength") or (old.strength if old else None), 200),
        "form": (get("form") or (old.dosage_form if old else None), 100),
        "unit": (get("unit") or (old.dispensing_unit if old else "each"), 50),
        "program": (get("program") or (programs.get(old.program_id or 0) if old else None),
                    64),
        "atc": (get("atc") or (old.atc if old else None), 16),
    }
    for field, (value, limit) in texts.items():
        _text_ok(job, row, field, value, limit)
    default_pack = old.pack_size if old else (pack_size_from_label(name) or 1)
    pack = _cell_number(job, row, "pack_size", get("pack_size"), default_pack, 1,
                        MAX_PACK_SIZE, parse_int, "import.not_integer")
    threshold = _cell_number(job, row, "pack_rounding_threshold",
                             get("pack_rounding_threshold"),
                             old.pack_rounding_threshold if old else 0, 0, MAX_PACK_SIZE,
                             parse_int, "import.not_integer")
    price = old.price_per_pack if old else None
    if get("price_per_pack"):
        try:
            price = parse_decimal(get("price_per_pack"))
            if not Decimal(0) <= price <= MAX_PRICE:
                job.err("import.out_of_range", row, "price_per_pack", field="price_per_pack",
                        low=0, high=MAX_PRICE, value=price)
        except ValueError:
            job.err("import.not_number", row, "price_per_pack", field="price_per_pack",
                    value=get("price_per_pack"))
    gtin = old.gtin if old else None
    if get("gtin"):
        try:
            gtin = parse_gtin(get("gtin"))
        except ValueError:
            job.err("import.bad_gtin", row, "gtin", field="gtin", value=get("gtin"))
    flags = {
        f: _cell_bool(job, row, f, get(f), bool(getattr(old, f)) if old else False)
        for f in ("round_to_zero", "seasonal", "controlled")
    }
    if job.errors > errors_before:
        return None
    return masterdata.ProductData(
        code=code, name=name, strength=texts["strength"][0], form=texts["form"][0],
        unit=texts["unit"][0] or "each", pack_size=pack, pack_rounding_threshold=threshold,
        price_per_pack=price, program=texts["program"][0], atc=texts["atc"][0], gtin=gtin,
        **flags,
    )


# -- stock levels ------------------------------------------------------------------------------


def import_levels(s: Session, job: Job, actor: Actor, columns: ColumnMap, rows: Rows) -> int:
    existing = {
        (code, lv.facility_type): lv
        for lv, code in s.execute(
            select(StockLevel, Program.code).join(Program,
                                                  Program.id == StockLevel.program_id))
    }
    get = Cells(columns.index)
    items: list[masterdata.LevelData] = []
    seen: dict[tuple[str, str], int] = {}
    for row, cells in rows:
        get.cells = cells
        program = get("program")
        type_text = get("facility_type")
        ftype = facility_type(type_text) if type_text else None
        if not _text_ok(job, row, "program", program, 64, required=True):
            continue
        if ftype is None:
            if type_text:
                job.err("import.bad_choice", row, "facility_type", field="facility_type",
                        value=type_text, allowed=", ".join(FACILITY_TYPES))
            else:
                job.err("import.required", row, "facility_type", field="facility_type")
            continue
        if (program, ftype) in seen:
            job.err("import.duplicate_row", row, "facility_type",
                    what=f"levels for {program} at {ftype}", other=seen[(program, ftype)])
            continue
        seen[(program, ftype)] = row
        level = _level(job, row, get, program, ftype, existing.get((program, ftype)))
        if level is not None:
            items.append(level)
    return _save(s, job, actor, masterdata.upsert_levels, items)


def _level(job: Job, row: int, get: Cells, program: str, ftype: str,
           old: StockLevel | None) -> masterdata.LevelData | None:
    """Levels as given; impossible ones are errors, inconsistent ones only warnings."""
    errors_before = job.errors
    defaults = masterdata.LevelData(program, ftype)
    values = {
        f: _cell_number(job, row, f, get(f),
                        getattr(old, f) if old else getattr(defaults, f), 0, MAX_MONTHS,
                        parse_float, "import.not_number")
        for f in ("max_mos", "min_mos", "eop_mos", "lead_time_months", "review_months")
    }
    for f in ("max_mos", "review_months"):
        if values[f] <= 0:
            job.err("import.not_positive", row, f, field=f, value=values[f])
    if job.errors > errors_before:
        return None
    issues = []
    if values["min_mos"] > values["max_mos"]:
        issues.append(f"min {values['min_mos']:g} is above max {values['max_mos']:g}")
    if values["min_mos"] > 0 and values["eop_mos"] >= values["min_mos"]:
        issues.append(f"emergency order point {values['eop_mos']:g} is not below "
                      f"min {values['min_mos']:g}")
    if issues:
        job.warn("import.levels_inconsistent", row, "min_mos" if "min" in issues[0] else None,
                 program=program, facility_type=ftype, detail="; ".join(issues))
    return masterdata.LevelData(program, ftype, **values)


# -- rows, cells and saving, shared by the importers above -------------------------------------


def _coded_rows(job: Job, get: Cells, rows: Rows, what: str,
                seen: dict[str, int]) -> Iterator[tuple[int, str]]:
    """Rows keyed by a ``code`` cell, with ``get`` on the row: a blank, too long or repeated
    code is an ERROR and its row is skipped; ``seen`` gains the row of each code."""
    for n, (row, cells) in enumerate(rows, 1):
        if n % PROGRESS_EVERY == 0:
            job.tick(n)
        get.cells = cells
        code = get("code")
        if not _text_ok(job, row, "code", code, 32, required=True):
            continue
        why = code_problem(code)
        if why is not None:
            job.err("import.bad_code", row, "code", field="code", value=code, why=why)
            continue
        if code in seen:
            job.err("import.duplicate_row", row, "code", what=f"{what} {code}",
                    other=seen[code])
            continue
        seen[code] = row
        yield row, code


def _save(s: Session, job: Job, actor: Actor,
          upsert: Callable[[Session, Actor, Sequence[_Item], str | None], int],
          items: list[_Item]) -> int:
    """Save the items and record the file, unless a row has an ERROR; returns how many."""
    if not job.errors:
        upsert(s, actor, items, f"import of {job.name}")
        new_batch(s, job, actor.user_id, len(items))
    return len(items)


def _text_ok(job: Job, row: int, field: str, value: str | None, limit: int, *,
             required: bool = False) -> bool:
    """Whether a text cell fits in ``limit`` characters (and is there, if ``required``)."""
    if not value:
        if required:
            job.err("import.required", row, field, field=field)
            return False
        return True
    if len(value) > limit:
        job.err("import.too_long", row, field, field=field, limit=limit)
        return False
    return True


def _cell_number(job: Job, row: int, field: str, text: str, default: _Number,
                 low: _Number, high: _Number, parse: Callable[[str], _Number],
                 not_a: str) -> _Number:
    """The number in a cell (``default`` when blank); ``not_a`` is the code when it is none."""
    if not text:
        return default
    try:
        value = parse(text)
    except ValueError:
        job.err(not_a, row, field, field=field, value=text)
        return default
    if not low <= value <= high:
        job.err("import.out_of_range", row, field, field=field, low=low, high=high, value=value)
    return value


def _cell_bool(job: Job, row: int, field: str, text: str, default: bool) -> bool:
    if not text:
        return default
    try:
        return parse_bool(text)
    except ValueError:
        job.err("import.bad_bool", row, field, field=field, value=text)
        return default
