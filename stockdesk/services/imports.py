"""Importing files: facilities, catalogue, stock levels, ledger transactions, monthly history.

Each file is one transaction: every row is checked first, every problem is collected with the
file, sheet, row and column it sits in, and if any is an ERROR nothing of the file is written.
A file is recorded as an ``ImportBatch`` (kind + SHA-256 of its bytes), so importing the same
file again changes nothing and says when it was first imported.

``stockdesk.exchange`` turns bytes into rows of cell text and maps headers; this module parses
the cells, checks them against the database and writes.  Master data goes through the same
``masterdata.upsert_*`` functions as the forms (with audit entries); a blank cell never clears a
stored value.  Ledger lines are checked in memory (dict look-ups, one sorted pass per facility
and product) and written in bulk with pre-assigned ids, because a district imports years of
stock cards at once and the import must take about as long as the inserts themselves.

Ledger COUNT rows are supported: the quantity is the counted quantity of the lot (0 allowed);
a difference from the book balance at that point of the ledger is posted as a
``count_gain``/``count_loss`` adjustment linked to the count, as ``LedgerService.count`` does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from stockdesk.db.models import (
    FACILITY_TYPES,
    Facility,
    ImportBatch,
    Lot,
    MonthlyReport,
    Movement,
    MovementLine,
    Product,
    Program,
    StockLevel,
)
from stockdesk.exchange.columns import (
    SCHEMAS,
    ColumnMap,
    Schema,
    facility_type,
    map_header,
    movement_kind,
    normalise,
)
from stockdesk.exchange.tabular import FileRefused, Table, read_table
from stockdesk.exchange.values import (
    make_period,
    pack_size_from_label,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_float,
    parse_gtin,
    parse_int,
    parse_period,
)
from stockdesk.inventory.kinds import (
    DAY_RANK,
    KIND_COLUMN,
    KIND_SIGN,
    NEEDS_COUNTERPARTY,
    NEEDS_REASON,
    REASONS,
    Column,
    Kind,
    reasons_for,
)
from stockdesk.inventory.ledger import days_in_period, period_of, rank_for
from stockdesk.problems import Location, Problem, Severity, error
from stockdesk.services import balances, masterdata, summaries
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database
from stockdesk.services.ledger import NO_LOT, today_utc

IMPORTED, SKIPPED, REFUSED = "imported", "skipped", "refused"
MAX_PROBLEMS = 200  # a file with more shows the first ones and "and N more"
PROGRESS_EVERY = 10_000
MAX_QUANTITY = 1_000_000_000  # quantities and balances are 32-bit integers in the database
MAX_PACK_SIZE = 1_000_000
MAX_PRICE = Decimal("9999999999")  # Numeric(14, 4)
MAX_MONTHS = 120.0
IMPORTABLE_KINDS = frozenset(Kind) - {Kind.REVERSAL}


@dataclass(frozen=True)
class ImportResult:
    file: str
    kind: str
    status: str  # 'imported' | 'skipped' | 'refused'
    rows: int
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


@dataclass(frozen=True)
class LedgerRow:
    """One ledger transaction with the canonical columns of a ledger file, already typed."""

    date: dt.date
    facility_code: str
    product_code: str
    kind: str
    quantity: int
    lot: str | None = None
    expiry: dt.date | None = None
    reason: str | None = None
    reference: str | None = None
    counterparty: str | None = None
    note: str | None = None


LEDGER_FIELDS = tuple(f.name for f in fields(LedgerRow))


# -- collecting problems -----------------------------------------------------------------------


class _Cancelled(Exception):
    pass


class _Refused(Exception):
    """Unwinds the transaction when a file has errors."""


class _AlreadyImported(Exception):
    def __init__(self, batch: ImportBatch):
        self.imported_at = batch.imported_at
        self.rows = batch.rows


class _Job:
    """One file being imported: where problems point, how many there are, progress."""

    def __init__(self, name: str, sheet: str | None, columns: ColumnMap | None, total: int,
                 progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None):
        self.name = name
        self.sheet = sheet
        self.header = columns.header if columns else {}
        self.total = max(total, 1)
        self.progress = progress
        self.cancelled = cancelled
        self.kind = ""
        self.sha256 = ""
        self.items: list[Problem] = []
        self.errors = 0
        self.hidden = 0
        self.hidden_errors = 0
        self.rows = 0

    def at(self, row: int | None, field: str | None = None) -> Location:
        column = self.header.get(field, field) if field else None
        return Location(self.name, self.sheet, row, column)

    def add(self, problem: Problem) -> None:
        if problem.is_error:
            self.errors += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(problem)
        else:
            self.hidden += 1
            self.hidden_errors += problem.is_error

    def err(self, code: str, row: int | None, field: str | None = None, /,
            **params: Any) -> None:
        """An ERROR; built only while under the cap, so a million bad rows stay cheap."""
        self.errors += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(code, params, Severity.ERROR, self.at(row, field)))
        else:
            self.hidden += 1
            self.hidden_errors += 1

    def warn(self, code: str, row: int | None, field: str | None = None, /,
             **params: Any) -> None:
        self.add(Problem(code, params, Severity.WARNING, self.at(row, field)))

    def problems(self) -> tuple[Problem, ...]:
        out = list(self.items)
        if self.hidden:
            severity = Severity.ERROR if self.hidden_errors else Severity.WARNING
            out.append(Problem("import.more_problems",
                               {"count": self.hidden, "errors": self.hidden_errors}, severity,
                               Location(self.name, self.sheet)))
        return tuple(out)

    def tick(self, done: int) -> None:
        """Report progress and stop if the user cancelled (checked every few thousand rows)."""
        if self.progress is not None:
            self.progress(min(done, self.total), self.total)
        if self.cancelled is not None and self.cancelled():
            raise _Cancelled

    def result(self, kind: str, status: str) -> ImportResult:
        return ImportResult(self.name, kind, status, self.rows, self.problems())


Rows = Iterator[tuple[int, list[str]]]


def _padded(rows: Rows, width: int) -> Rows:
    """Rows at least ``width`` cells long, so columns can be read by index without checks."""
    for number, cells in rows:
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        yield number, cells


class _Cells:
    """Read one row's cells by canonical column name (master data: small files)."""

    def __init__(self, index: dict[str, int]):
        self.index = index
        self.cells: list[str] = []

    def __call__(self, name: str) -> str:
        i = self.index.get(name)
        return self.cells[i].strip() if i is not None else ""


# -- the service -------------------------------------------------------------------------------


class ImportService:
    KINDS = ("facilities", "catalogue", "levels", "ledger", "history")

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_utc):
        self.db = db
        self.actor = actor
        self.today = today

    def import_file(self, kind: str, path: Path,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Import one CSV or XLSX file of ``kind``; the result says what happened and why.

        ``progress(done, total)`` is called every few thousand rows (for a ledger each row
        counts twice: once read, once written); ``cancelled()`` returning True stops the import
        with nothing written.
        """
        if kind not in self.KINDS:
            raise ValueError(f"unknown import kind {kind!r}; use one of {self.KINDS}")
        self.actor.require(f"import.{kind}")
        path = Path(path)
        schema = SCHEMAS[kind]
        try:
            table = read_table(path, sheet_names=schema.sheet_names)
        except FileRefused as exc:
            return ImportResult(path.name, kind, REFUSED, 0, tuple(exc.problems))
        try:
            return self._import_table(kind, schema, table, progress, cancelled)
        finally:
            table.close()

    def import_ledger_rows(self, rows: Iterable[LedgerRow], source: str) -> ImportResult:
        """Import ledger rows built in memory (the demo builder), as if read from a file.

        The same checks and bulk insert as a ledger file; problems point at ``source`` and the
        row's position (1 = first row).  The same rows imported twice are recognised.
        """
        self.actor.require("import.ledger")
        items = list(rows)
        digest = hashlib.sha256()
        for r in items:
            digest.update(repr(tuple(getattr(r, f) for f in LEDGER_FIELDS)).encode())
        job = _Job(source, None, None, 2 * len(items), None, None)
        return self._run("ledger", job, digest.hexdigest(),
                         lambda s: _LedgerImport(self, s, job).run_memory(items))

    # -- plumbing ------------------------------------------------------------------------------

    def _import_table(self, kind: str, schema: Schema, table: Table,
                      progress: Callable[[int, int], None] | None,
                      cancelled: Callable[[], bool] | None) -> ImportResult:
        columns, header_problems = map_header(
            schema, table.header, lambda column: table.where(table.header_row, column))
        factor = 2 if kind == "ledger" else 1
        job = _Job(table.name, table.sheet, columns, factor * table.estimated_rows, progress,
                   cancelled)
        for p in header_problems:
            job.add(p)
        if job.errors:
            return job.result(kind, REFUSED)
        width = max(columns.index.values(), default=0) + 1
        rows = _padded(table.rows, width)
        importers: dict[str, Callable[[Session], int]] = {
            "facilities": lambda s: self._facilities(s, job, columns, rows),
            "catalogue": lambda s: self._catalogue(s, job, columns, rows),
            "levels": lambda s: self._levels(s, job, columns, rows),
            "history": lambda s: self._history(s, job, columns, rows),
            "ledger": lambda s: _LedgerImport(self, s, job).run_file(columns, table.rows, width),
        }
        return self._run(kind, job, table.sha256, importers[kind])

    def _run(self, kind: str, job: _Job, sha256: str,
             body: Callable[[Session], int]) -> ImportResult:
        """One transaction around ``body``; it writes only if no ERROR was found."""
        job.kind, job.sha256 = kind, sha256
        try:
            with self.db.transaction() as s:
                done = self._batch_for(s, kind, sha256)
                if done is not None:
                    raise _AlreadyImported(done)
                job.rows = body(s)
                if not job.rows and not job.errors:
                    job.add(error("import.empty").at(Location(job.name, job.sheet)))
                if job.errors:
                    raise _Refused
                return job.result(kind, IMPORTED)
        except _AlreadyImported as exc:
            when = _when(exc.imported_at)
            note = Problem("import.already_imported", {"when": when}, Severity.INFO,
                           Location(job.name, job.sheet))
            return ImportResult(job.name, kind, SKIPPED, exc.rows, (note,))
        except _Refused:
            return job.result(kind, REFUSED)
        except _Cancelled:
            job.add(error("import.cancelled").at(Location(job.name, job.sheet)))
            return job.result(kind, REFUSED)
        except FileRefused as exc:  # the reader found damage part-way through the file
            for p in exc.problems:
                job.add(p)
            return job.result(kind, REFUSED)

    @staticmethod
    def _batch_for(s: Session, kind: str, sha256: str) -> ImportBatch | None:
        return s.scalar(select(ImportBatch).where(ImportBatch.kind == kind,
                                                  ImportBatch.sha256 == sha256))

    def _new_batch(self, s: Session, job: _Job, rows: int) -> int:
        batch = ImportBatch(kind=job.kind, file_name=job.name[:500], sha256=job.sha256,
                            rows=rows, user_id=self.actor.user_id, imported_at=datetime.now(UTC))
        s.add(batch)
        s.flush()
        return batch.id

    # -- facilities ----------------------------------------------------------------------------

    def _facilities(self, s: Session, job: _Job, columns: ColumnMap, rows: Rows) -> int:
        existing = {f.code: f for f in s.scalars(select(Facility))}
        code_of = {f.id: f.code for f in existing.values()}
        get = _Cells(columns.index)
        items: list[tuple[int, masterdata.FacilityData]] = []
        seen: dict[str, int] = {}
        for n, (row, cells) in enumerate(rows, 1):
            if n % PROGRESS_EVERY == 0:
                job.tick(n)
            get.cells = cells
            code = get("code")
            if not _text_ok(job, row, "code", code, 32, required=True):
                continue
            if code in seen:
                job.err("import.duplicate_row", row, "code", what=f"facility {code}",
                        other=seen[code])
                continue
            seen[code] = row
            old = existing.get(code)
            ftype = self._facility_type(job, row, get("type"), old)
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
        if not job.errors:
            masterdata.upsert_facilities(s, self.actor, [f for _, f in items],
                                         reason=f"import of {job.name}")
            self._new_batch(s, job, len(items))
        return len(items)

    @staticmethod
    def _facility_type(job: _Job, row: int, text: str, old: Facility | None) -> str | None:
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

    # -- catalogue -----------------------------------------------------------------------------

    def _catalogue(self, s: Session, job: _Job, columns: ColumnMap, rows: Rows) -> int:
        existing = {p.code: p for p in s.scalars(select(Product))}
        programs = {p.id: p.code for p in s.scalars(select(Program))}
        get = _Cells(columns.index)
        items: list[masterdata.ProductData] = []
        seen: dict[str, int] = {}
        for n, (row, cells) in enumerate(rows, 1):
            if n % PROGRESS_EVERY == 0:
                job.tick(n)
            get.cells = cells
            code = get("code")
            if not _text_ok(job, row, "code", code, 32, required=True):
                continue
            if code in seen:
                job.err("import.duplicate_row", row, "code", what=f"product {code}",
                        other=seen[code])
                continue
            seen[code] = row
            item = self._product(job, row, get, code, existing.get(code), programs)
            if item is not None:
                items.append(item)
        if not job.errors:
            masterdata.upsert_products(s, self.actor, items, reason=f"import of {job.name}")
            self._new_batch(s, job, len(items))
        return len(items)

    @staticmethod
    def _product(job: _Job, row: int, get: _Cells, code: str, old: Product | None,
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
        pack = _cell_int(job, row, "pack_size", get("pack_size"), default_pack, 1, MAX_PACK_SIZE)
        threshold = _cell_int(job, row, "pack_rounding_threshold",
                              get("pack_rounding_threshold"),
                              old.pack_rounding_threshold if old else 0, 0, MAX_PACK_SIZE)
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

    # -- stock levels --------------------------------------------------------------------------

    def _levels(self, s: Session, job: _Job, columns: ColumnMap, rows: Rows) -> int:
        existing = {
            (code, lv.facility_type): lv
            for lv, code in s.execute(
                select(StockLevel, Program.code).join(Program,
                                                      Program.id == StockLevel.program_id))
        }
        get = _Cells(columns.index)
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
        if not job.errors:
            masterdata.upsert_levels(s, self.actor, items, reason=f"import of {job.name}")
            self._new_batch(s, job, len(items))
        return len(items)

    # -- monthly history -----------------------------------------------------------------------

    def _history(self, s: Session, job: _Job, columns: ColumnMap, rows: Rows) -> int:
        return _HistoryImport(self, s, job, columns).run(rows)


# -- cell helpers ------------------------------------------------------------------------------


def _text_ok(job: _Job, row: int, field: str, value: str | None, limit: int, *,
             required: bool = False) -> bool:
    if not value:
        if required:
            job.err("import.required", row, field, field=field)
            return False
        return True
    if len(value) > limit:
        job.err("import.too_long", row, field, field=field, limit=limit)
        return False
    return True


def _cell_int(job: _Job, row: int, field: str, text: str, default: int, low: int,
              high: int) -> int:
    if not text:
        return default
    try:
        value = parse_int(text)
    except ValueError:
        job.err("import.not_integer", row, field, field=field, value=text)
        return default
    if not low <= value <= high:
        job.err("import.out_of_range", row, field, field=field, low=low, high=high, value=value)
    return value


def _cell_float(job: _Job, row: int, field: str, text: str, default: float) -> float:
    if not text:
        return default
    try:
        value = parse_float(text)
    except ValueError:
        job.err("import.not_number", row, field, field=field, value=text)
        return default
    if not 0 <= value <= MAX_MONTHS:
        job.err("import.out_of_range", row, field, field=field, low=0, high=MAX_MONTHS,
                value=value)
    return value


def _cell_bool(job: _Job, row: int, field: str, text: str, default: bool) -> bool:
    if not text:
        return default
    try:
        return parse_bool(text)
    except ValueError:
        job.err("import.bad_bool", row, field, field=field, value=text)
        return default


def _level(job: _Job, row: int, get: _Cells, program: str, ftype: str,
           old: StockLevel | None) -> masterdata.LevelData | None:
    """Levels as given; impossible ones are errors, inconsistent ones only warnings."""
    errors_before = job.errors
    defaults = masterdata.LevelData(program, ftype)
    values = {
        f: _cell_float(job, row, f, get(f), getattr(old, f) if old else getattr(defaults, f))
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


def _when(at: datetime) -> str:
    """SQLite hands back naive UTC, PostgreSQL the session's zone: say it in UTC either way."""
    utc = at.astimezone(UTC) if at.tzinfo is not None else at
    return utc.strftime("%Y-%m-%d %H:%M") + " UTC"


# -- monthly history ---------------------------------------------------------------------------

_HISTORY_VALUES = ("opening_balance", "received", "consumed", "losses_adjustments",
                   "closing_balance")


class _HistoryImport:
    """Monthly A–E and X per facility, product and month into ``monthly_reports``."""

    def __init__(self, svc: ImportService, s: Session, job: _Job, columns: ColumnMap):
        self.svc = svc
        self.s = s
        self.job = job
        self.ix = columns.index
        self.facilities = dict(s.execute(select(Facility.code, Facility.id)).all())
        self.products = dict(s.execute(select(Product.code, Product.id)).all())
        today = svc.today()
        self.today = today
        self.last_period = period_of(today)
        self.periods: dict[tuple[str, str, str], str | None] = {}

    def run(self, rows: Rows) -> int:
        job = self.job
        accepted: dict[tuple[int, int, str], tuple[int, tuple[int | None, ...]]] = {}
        count = 0
        for n, (row, cells) in enumerate(rows, 1):
            if n % PROGRESS_EVERY == 0:
                job.tick(n)
            count += 1
            parsed = self._row(row, cells)
            if parsed is None:
                continue
            key, values = parsed
            first = accepted.get(key)
            if first is None:
                accepted[key] = (row, values)
            elif first[1] != values:
                job.err("import.duplicate_row", row, "period",
                        what="facility, product and month, with other values", other=first[0])
        self._compare_with_stored(accepted)
        if job.errors:
            return count
        batch_id = self.svc._new_batch(self.s, job, count)
        self._insert(accepted, batch_id)
        return count

    def _row(self, row: int, cells: list[str]
             ) -> tuple[tuple[int, int, str], tuple[int | None, ...]] | None:
        job = self.job
        errors = job.errors
        fac = self._code(row, cells, "facility_code", self.facilities, "facility.unknown")
        prod = self._code(row, cells, "product_code", self.products, "product.unknown")
        period = self._period(row, cells)
        values = [self._int(row, cells, f) for f in _HISTORY_VALUES]
        stockout = self._stockout_days(row, cells, period)
        numbers = [v for v in values if v is not None]
        if job.errors > errors or fac is None or prod is None or period is None \
                or len(numbers) != len(values):
            return None
        a, b, c, d, e = numbers
        if a + b + d - c != e:
            job.err("import.identity", row, "closing_balance", a=a, b=b, c=c, d=d,
                    expected=a + b + d - c, e=e)
            return None
        return (fac, prod, period), (a, b, c, d, e, stockout)

    def _code(self, row: int, cells: list[str], field: str, known: dict[str, int],
              unknown: str) -> int | None:
        code = cells[self.ix[field]].strip()
        found = known.get(code)
        if found is None:
            if code:
                self.job.err(unknown, row, field, code=code)
            else:
                self.job.err("import.required", row, field, field=field)
        return found

    def _period(self, row: int, cells: list[str]) -> str | None:
        ix = self.ix
        text = cells[ix["period"]].strip() if "period" in ix else ""
        year = cells[ix["year"]].strip() if "year" in ix else ""
        month = cells[ix["month"]].strip() if "month" in ix else ""
        key = (text, year, month)
        if key not in self.periods:
            self.periods[key] = _history_period(text, year, month)
        period = self.periods[key]
        field = "period" if text or "year" not in ix else "year"
        if period is None:
            if text or year or month:
                self.job.err("import.bad_period", row, field, field=field,
                             value=text or f"{year}-{month}")
            else:
                self.job.err("import.required", row, field, field=field)
            return None
        if period > self.last_period:
            self.job.err("date.in_future", row, field, date=period, today=self.today)
            return None
        return period

    def _int(self, row: int, cells: list[str], field: str) -> int | None:
        i = self.ix.get(field)
        text = cells[i].strip() if i is not None else ""
        if not text:
            if field == "losses_adjustments":
                return 0
            self.job.err("import.required", row, field, field=field)
            return None
        try:
            value = int(text)
        except ValueError:
            try:
                value = parse_int(text)
            except ValueError:
                self.job.err("import.not_integer", row, field, field=field, value=text)
                return None
        if value < 0 and field != "losses_adjustments":
            self.job.err("import.negative", row, field, field=field, value=value)
            return None
        if abs(value) > MAX_QUANTITY:
            self.job.err("import.out_of_range", row, field, field=field, low=-MAX_QUANTITY,
                         high=MAX_QUANTITY, value=value)
            return None
        return value

    def _stockout_days(self, row: int, cells: list[str], period: str | None) -> int | None:
        """Days out of stock; a value above the days of the month is stored as unknown."""
        i = self.ix.get("stockout_days")
        text = cells[i].strip() if i is not None else ""
        if not text:
            return None
        try:
            value = parse_int(text)
        except ValueError:
            self.job.err("import.not_integer", row, "stockout_days", field="stockout_days",
                         value=text)
            return None
        if value < 0:
            self.job.err("import.negative", row, "stockout_days", field="stockout_days",
                         value=value)
            return None
        if period is not None and value > days_in_period(period):
            self.job.warn("import.stockout_days_invalid", row, "stockout_days", value=value,
                          days=days_in_period(period), period=period)
            return None
        return value

    def _compare_with_stored(self, accepted: dict[tuple[int, int, str],
                                                  tuple[int, tuple[int | None, ...]]]) -> None:
        """A month already stored is fine if identical and an ERROR if it differs."""
        if not accepted:
            return
        mr = MonthlyReport
        stored = {
            (f, p, per): tuple(rest)
            for f, p, per, *rest in self.s.execute(
                select(mr.facility_id, mr.product_id, mr.period, mr.opening_balance,
                       mr.received, mr.consumed, mr.losses_adjustments, mr.closing_balance,
                       mr.stockout_days)
                .where(mr.source == "history",
                       mr.facility_id.in_({k[0] for k in accepted}))
            )
        }
        fac_code = {v: k for k, v in self.facilities.items()}
        prod_code = {v: k for k, v in self.products.items()}
        for key, (row, values) in list(accepted.items()):
            old = stored.get(key)
            if old is None:
                continue
            del accepted[key]  # identical: nothing to write
            if tuple(old) != values:
                names = ("A", "B", "C", "D", "E", "X")
                detail = ", ".join(f"{n} {o} here {v}" for n, o, v in zip(names, old, values,
                                                                          strict=True) if o != v)
                self.job.err("import.conflict", row, "period",
                             what=f"{fac_code[key[0]]} {prod_code[key[1]]} {key[2]}",
                             detail=f"stored {detail}")

    def _insert(self, accepted: dict[tuple[int, int, str], tuple[int, tuple[int | None, ...]]],
                batch_id: int) -> None:
        rows = [
            {"facility_id": f, "product_id": p, "period": per, "source": "history",
             "opening_balance": a, "received": b, "consumed": c, "losses_adjustments": d,
             "closing_balance": e, "stockout_days": x, "import_batch_id": batch_id}
            for (f, p, per), (_, (a, b, c, d, e, x)) in accepted.items()
        ]
        for start in range(0, len(rows), 50_000):
            self.s.execute(insert(MonthlyReport), rows[start:start + 50_000])


def _history_period(text: str, year: str, month: str) -> str | None:
    try:
        if text:
            return parse_period(text)
        if year and month:
            return make_period(parse_int(year), parse_int(month))
    except ValueError:
        return None
    return None


# -- ledger ------------------------------------------------------------------------------------

# A checked ledger row: spreadsheet row, date, facility id, product id, kind, quantity, lot
# (None: FEFO for outgoing, the no-lot lot for incoming), expiry, reason, reference,
# counter-party, note, sign.
_Rec = tuple[int, date, int, int, Kind, int, str | None, date | None, str | None, str | None,
             str | None, str | None, int]
_NEW = 1 << 50  # sorts imported movements after every stored one of the same day and rank
_USABLE_ONLY = frozenset({Kind.ISSUE, Kind.TRANSFER_OUT})
_KINDS_TEXT = ", ".join(k.value for k in Kind if k in IMPORTABLE_KINDS)


class _LedgerImport:
    """Check ledger rows against the database in memory, then write them in bulk."""

    def __init__(self, svc: ImportService, s: Session, job: _Job):
        self.svc = svc
        self.s = s
        self.job = job
        self.today = svc.today()
        self.facilities: dict[str, int] = dict(
            s.execute(select(Facility.code, Facility.id)).all())
        self.products: dict[str, int] = dict(
            s.execute(select(Product.code, Product.id)).all())
        self.recs: list[_Rec] = []
        self.mv_of: list[int] = []  # movement index of each record
        self.mv_first: list[int] = []  # first record of each movement
        self._last_key: tuple[Any, ...] | None = None
        self._reasons: dict[str, str] = {}

    # -- reading -------------------------------------------------------------------------------

    def run_file(self, columns: ColumnMap, rows: Rows, width: int) -> int:
        """Parse the cells of every row (fast paths first), then check and write."""
        job = self.job
        ix = columns.index
        i_date, i_fac, i_prod = ix["date"], ix["facility_code"], ix["product_code"]
        i_kind, i_qty = ix["kind"], ix["quantity"]
        optional = [ix.get(f) for f in ("lot", "expiry", "reason", "reference", "counterparty",
                                        "note")]
        i_lot, i_exp, i_reason, i_ref, i_cp, i_note = optional
        dates: dict[str, Any] = {}  # cell text -> date, or None when it is not one
        kinds: dict[str, Any] = {}
        check = self.check
        n = 0
        for n, (row, cells) in enumerate(rows, 1):
            if n % PROGRESS_EVERY == 0:
                job.tick(n)
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            text = cells[i_date]
            day = dates.get(text, False)
            if day is False:
                day = dates[text] = _date_or_none(text)
            if day is None:
                self._bad_date(row, "date", text)
            text = cells[i_kind]
            kind = kinds.get(text, False)
            if kind is False:
                kind = kinds[text] = _kind_or_none(text)
            if kind is None:
                self._bad_kind(row, text)
            text = cells[i_qty]
            try:
                qty: int | None = int(text)
            except ValueError:
                qty = self._slow_int(row, "quantity", text)
            expiry = None
            if i_exp is not None and cells[i_exp].strip():
                expiry = dates.get(cells[i_exp], False)
                if expiry is False:
                    expiry = dates[cells[i_exp]] = _date_or_none(cells[i_exp])
                if expiry is None:
                    self._bad_date(row, "expiry", cells[i_exp])
            check(row, day, cells[i_fac].strip(), cells[i_prod].strip(), kind, qty,
                  cells[i_lot].strip() or None if i_lot is not None else None, expiry,
                  cells[i_reason].strip() or None if i_reason is not None else None,
                  cells[i_ref].strip() or None if i_ref is not None else None,
                  cells[i_cp].strip() or None if i_cp is not None else None,
                  cells[i_note].strip() or None if i_note is not None else None)
        return self._finish(n)

    def run_memory(self, items: Sequence[LedgerRow]) -> int:
        check = self.check
        for row, r in enumerate(items, 1):
            day = r.date if isinstance(r.date, date) and not isinstance(r.date, datetime) \
                else None
            if day is None:
                self._bad_date(row, "date", r.date)
            kind = _kind_or_none(r.kind) if isinstance(r.kind, str) else None
            if kind is None:
                self._bad_kind(row, r.kind)
            qty = r.quantity if isinstance(r.quantity, int) and not isinstance(r.quantity, bool) \
                else None
            if qty is None:
                self.job.err("import.not_integer", row, "quantity", field="quantity",
                             value=r.quantity)
            expiry = r.expiry if isinstance(r.expiry, date) else None
            if r.expiry is not None and expiry is None:
                self._bad_date(row, "expiry", r.expiry)
            check(row, day, _clean(r.facility_code) or "", _clean(r.product_code) or "", kind,
                  qty, _clean(r.lot), expiry, _clean(r.reason), _clean(r.reference),
                  _clean(r.counterparty), _clean(r.note))
        return self._finish(len(items))

    def _bad_date(self, row: int, field: str, value: object) -> None:
        text = str(value).strip()
        if text:
            self.job.err("import.bad_date", row, field, field=field, value=text)
        elif field == "date":
            self.job.err("import.required", row, field, field=field)

    def _bad_kind(self, row: int, value: object) -> None:
        text = str(value).strip() if value is not None else ""
        if text:
            self.job.err("import.bad_choice", row, "kind", field="kind", value=text,
                         allowed=_KINDS_TEXT)
        else:
            self.job.err("import.required", row, "kind", field="kind")

    def _slow_int(self, row: int, field: str, text: str) -> int | None:
        try:
            return parse_int(text)
        except ValueError:
            if text.strip():
                self.job.err("import.not_integer", row, field, field=field, value=text.strip())
            else:
                self.job.err("import.required", row, field, field=field)
            return None

    # -- checking one row ----------------------------------------------------------------------

    def check(self, row: int, day: date | None, fac_code: str, prod_code: str,
              kind: Kind | None, qty: int | None, lot: str | None, expiry: date | None,
              reason: str | None, reference: str | None, counterparty: str | None,
              note: str | None) -> None:
        """Check what one row says on its own, and group it into a movement."""
        job = self.job
        errors = job.errors
        fac = self.facilities.get(fac_code)
        if fac is None:
            self._unknown(row, "facility_code", fac_code, "facility.unknown")
        prod = self.products.get(prod_code)
        if prod is None:
            self._unknown(row, "product_code", prod_code, "product.unknown")
        if day is not None and day > self.today:
            job.err("date.in_future", row, "date", date=day, today=self.today)
        if qty is not None and not (0 if kind is Kind.COUNT else 1) <= qty <= MAX_QUANTITY:
            job.err("quantity.not_positive" if qty <= 0 else "import.out_of_range", row,
                    "quantity", field="quantity", value=qty, low=1, high=MAX_QUANTITY)
        sign = 0
        if kind is not None:
            if kind in NEEDS_REASON:
                reason = self._reason(row, kind, reason)
            if kind in NEEDS_COUNTERPARTY and not counterparty:
                job.err("counterparty.required", row, "counterparty")
            if kind is not Kind.ADJUSTMENT:
                sign = KIND_SIGN[kind]
            elif reason in REASONS:
                sign = REASONS[reason].sign
        if lot is not None and len(lot) > 64:
            job.err("import.too_long", row, "lot", field="lot", limit=64)
        if reference is not None and len(reference) > 100:
            job.err("import.too_long", row, "reference", field="reference", limit=100)
        if reason is not None and len(reason) > 64:
            job.err("import.too_long", row, "reason", field="reason", limit=64)
        if counterparty is not None and len(counterparty) > 200:
            job.err("import.too_long", row, "counterparty", field="counterparty", limit=200)
        if job.errors > errors or day is None or kind is None or qty is None:
            return
        key = (day, fac, kind, reference, reason, counterparty, note)
        if key != self._last_key:
            self._last_key = key
            self.mv_first.append(len(self.recs))
        self.mv_of.append(len(self.mv_first) - 1)
        self.recs.append((row, day, fac, prod, kind, qty, lot, expiry, reason, reference,  # type: ignore[arg-type]
                          counterparty, note, sign))

    def _unknown(self, row: int, field: str, code: str, problem: str) -> None:
        if code:
            self.job.err(problem, row, field, code=code)
        else:
            self.job.err("import.required", row, field, field=field)

    def _reason(self, row: int, kind: Kind, text: str | None) -> str | None:
        if not text:
            self.job.err("reason.required", row, "reason", kind=kind.value)
            return None
        code = self._reasons.get(text)
        if code is None:
            code = self._reasons[text] = normalise(text)
        found = REASONS.get(code)
        if found is None or kind not in found.kinds:
            self.job.err("reason.unknown", row, "reason", reason=text, kind=kind.value,
                         allowed=", ".join(r.code for r in reasons_for(kind)))
            return None
        return code

    # -- checks against the database, then writing ---------------------------------------------

    def _finish(self, rows: int) -> int:
        if self.job.errors:  # later checks would only repeat what these errors cause
            return rows
        self._lock_ledger()
        lots = self._resolve_lots()
        if self.job.errors:
            return rows
        walk = _Walk(self.job, self.recs, self.mv_of, lots.expiry,
                     {v: k for k, v in self.products.items()},
                     {v: k for k, v in self.facilities.items()})
        walk.run(self._stored_lines(walk.pairs()))
        if self.job.errors:
            return rows
        _LedgerWriter(self, lots, walk).write(rows)
        return rows

    def _resolve_lots(self) -> _Lots:
        """Lots named by the file: known ones, new ones (with their expiry), conflicts."""
        product_ids = {r[3] for r in self.recs}
        lots = _Lots()
        for lot_id, pid, name, known_expiry in self.s.execute(
                select(Lot.id, Lot.product_id, Lot.batch, Lot.expiry)
                .where(Lot.product_id.in_(product_ids))):
            lots.ids[(pid, name)] = lot_id
            lots.expiry[(pid, name)] = known_expiry
        job = self.job
        outgoing: list[tuple[int, int, int, str]] = []
        codes = {v: k for k, v in self.products.items()}
        for row, _, fac, prod, _, _, batch, expiry, *_, sign in self.recs:
            if sign < 0:
                if batch is not None:
                    outgoing.append((row, fac, prod, batch))
                continue
            key: tuple[int, str] = (prod, batch or NO_LOT)
            if key not in lots.expiry:
                lots.expiry[key] = expiry
                lots.new.append(key)
                continue
            known = lots.expiry[key]
            if expiry is not None and known is not None and known != expiry:
                job.err("lot.expiry_conflict", row, "expiry", lot=key[1], product=codes[prod],
                        known=known, given=expiry)
            elif known is None and expiry is not None and key not in lots.ids:
                lots.expiry[key] = expiry  # a new lot: the first expiry given counts
        facility_codes = {v: k for k, v in self.facilities.items()}
        for row, fac, prod, batch in outgoing:
            if (prod, batch) not in lots.expiry:
                job.err("lot.unknown", row, "lot", lot=batch, product=codes[prod],
                        facility=facility_codes[fac])
        return lots

    def _lock_ledger(self) -> None:
        """Nobody else may post while the file is checked against the ledger and written.

        SQLite already holds the write lock (BEGIN IMMEDIATE).  On PostgreSQL other sessions
        keep reading; their postings wait for this transaction, so the balances checked are
        the balances written against, and the ids reserved are not taken meanwhile.
        """
        if self.s.get_bind().dialect.name == "postgresql":
            self.s.connection().exec_driver_sql(
                "LOCK TABLE movements, movement_lines, lots IN SHARE ROW EXCLUSIVE MODE")

    def _stored_lines(self, pairs: set[tuple[int, int]]) -> Iterator[tuple[Any, ...]]:
        """Lines already in the ledger for the facility × product pairs the walk needs."""
        if not pairs:
            return
        ml, mv = MovementLine, Movement
        query = (
            select(ml.facility_id, ml.product_id, ml.occurred_on, ml.movement_id, ml.id,
                   mv.kind, mv.count_id, mv.reverses_id, Lot.batch, ml.delta)
            .join(mv, mv.id == ml.movement_id)
            .join(Lot, Lot.id == ml.lot_id)
            .where(ml.facility_id.in_({f for f, _ in pairs}),
                   ml.product_id.in_({p for _, p in pairs}))
        )
        for row in self.s.execute(query):
            if (row[0], row[1]) in pairs:
                yield row


class _Lots:
    """Lots by (product id, batch): stored ids, every expiry, and those the file creates."""

    def __init__(self) -> None:
        self.ids: dict[tuple[int, str], int] = {}
        self.expiry: dict[tuple[int, str], date | None] = {}
        self.new: list[tuple[int, str]] = []


class _Fefo:
    """Lots of one product at one facility with stock, earliest expiry first (lazy heaps).

    Heaps hold FEFO ranks; a lot whose balance dropped to zero is removed when it reaches the
    top.  The walk goes forward in time, so a lot found expired stays expired: it moves to a
    second heap that only losses and adjustments draw from.
    """

    __slots__ = ("batches", "expired", "expiry", "fresh", "queued", "rank")

    def __init__(self, batches: list[str], expiry: list[date | None], rank: dict[str, int]):
        self.batches = batches
        self.expiry = expiry
        self.rank = rank
        self.fresh: list[int] = []
        self.expired: list[int] = []
        self.queued: set[int] = set()

    def stocked(self, batch: str) -> None:
        r = self.rank[batch]
        if r not in self.queued:
            self.queued.add(r)
            heapq.heappush(self.fresh, r)

    def take(self, bal: dict[str, int], qty: int, day: date,
             usable_only: bool) -> list[tuple[str, int]] | None:
        """Quantities per lot, or None when the balance is short (then nothing is taken)."""
        fresh, expiry = self.fresh, self.expiry
        while fresh:  # lots expired by now leave the fresh heap for good
            exp = expiry[fresh[0]]
            if exp is None or exp > day:
                break
            heapq.heappush(self.expired, heapq.heappop(fresh))
        if usable_only or not self.expired:
            return self._take(bal, qty, fresh, None)
        return self._take(bal, qty, self.expired, fresh)

    def _take(self, bal: dict[str, int], qty: int, first: list[int],
              second: list[int] | None) -> list[tuple[str, int]] | None:
        """Take from the lowest rank at the top of ``first`` or ``second``."""
        batches, queued = self.batches, self.queued
        picks: list[tuple[str, int]] = []
        emptied: list[tuple[list[int], int]] = []
        remaining = qty
        while remaining:
            heap = first
            if second and (not first or second[0] < first[0]):
                heap = second
            if not heap:
                break
            r = heap[0]
            batch = batches[r]
            have = bal.get(batch, 0)
            if have <= 0:
                queued.discard(heapq.heappop(heap))
                continue
            if have > remaining:
                picks.append((batch, remaining))
                remaining = 0
                break
            picks.append((batch, have))
            remaining -= have
            emptied.append((heap, heapq.heappop(heap)))
        if remaining:
            for heap, r in emptied:
                heapq.heappush(heap, r)
            return None
        for _, r in emptied:
            queued.discard(r)
        return picks


class _Walk:
    """Replay each facility × product in ledger order: FEFO picks, counts, no negative lot.

    Stored lines and the file's rows are merged in the one ledger order (date, same-day rank,
    posting order); the file's movements come after the stored ones.  Outgoing rows without a
    lot take FEFO across lots with stock at that point (issues and transfers skip expired lots);
    counts see the book balance at that point.  Any lot below zero at any point is an ERROR.
    """

    def __init__(self, job: _Job, recs: list[_Rec], mv_of: list[int],
                 expiry: dict[tuple[int, str], date | None], codes: dict[int, str],
                 facility_codes: dict[int, str]):
        self.job = job
        self.codes = codes
        self.facility_codes = facility_codes
        self.recs = recs
        self.mv_of = mv_of
        self.expiry = expiry
        # record -> FEFO picks: the lot when one lot covers it, else [(lot, quantity), …]
        self.alloc: list[str | list[tuple[str, int]] | None] = [None] * len(recs)
        self.book: dict[int, int] = {}  # COUNT record -> book balance it was compared with

    def pairs(self) -> set[tuple[int, int]]:
        """Only pairs with something outgoing or counted can go wrong or need picks."""
        return {(r[2], r[3]) for r in self.recs if r[12] < 0 or r[4] is Kind.COUNT}

    def run(self, stored: Iterable[tuple[Any, ...]]) -> None:
        pairs = self.pairs()
        if not pairs:
            return
        events: dict[tuple[int, int], list[tuple[Any, ...]]] = defaultdict(list)
        mv_of = self.mv_of
        for idx, r in enumerate(self.recs):
            pair = (r[2], r[3])
            if pair in pairs:
                events[pair].append((r[1], DAY_RANK[r[4]], _NEW + mv_of[idx], idx, None))
        for key, payload in _stored_events(stored):
            events[key[:2]].append((*key[2:], payload))
        counted: dict[tuple[int, int, str, date], int] = {}
        orders = self._fefo_orders({p for _, p in pairs})
        halfway = self.job.total // 2
        for n, ((_, prod), items) in enumerate(events.items()):
            if n % 100 == 0:
                self.job.tick(halfway)  # a chance to cancel
            items.sort()
            self._walk_pair(items, _Fefo(*orders[prod]), prod, counted)

    def _fefo_orders(self, products: set[int]
                     ) -> dict[int, tuple[list[str], list[date | None], dict[str, int]]]:
        """Per product: its lots in FEFO order, their expiries and each lot's rank."""
        batches: dict[int, list[str]] = {p: [] for p in products}
        for pid, batch in self.expiry:
            if pid in batches:
                batches[pid].append(batch)
        out = {}
        for pid, names in batches.items():
            names.sort(key=lambda b: (self.expiry[(pid, b)] is None,
                                      self.expiry[(pid, b)] or date.max, b))
            out[pid] = (names, [self.expiry[(pid, b)] for b in names],
                        {b: i for i, b in enumerate(names)})
        return out

    def _walk_pair(self, items: list[tuple[Any, ...]], fefo: _Fefo, prod: int,
                   counted: dict[tuple[int, int, str, date], int]) -> None:
        """One pair's entries in ledger order; lots taken from are checked at each day's end."""
        bal: dict[str, int] = defaultdict(int)
        last_row: dict[str, int] = {}  # the file row that last touched each lot
        taken: set[str] = set()  # lots taken from on the current day
        reported: set[str] = set()
        recs = self.recs
        current = None
        for day, _, _, idx, stored in items:
            if day != current:
                if taken:
                    self._end_of_day(taken, bal, last_row, reported, prod, current)
                current = day
            if stored is not None:
                batch, delta = stored
                bal[batch] += delta
                if delta > 0:
                    if bal[batch] > 0:
                        fefo.stocked(batch)
                else:
                    taken.add(batch)
                continue
            r = recs[idx]
            row, kind, qty, batch, sign = r[0], r[4], r[5], r[6], r[12]
            if kind is Kind.COUNT:
                batch = batch or NO_LOT
                key = (r[2], prod, batch, day)
                if key in counted:
                    self.job.err("count.duplicate_lot", row, "lot", lot=batch or "(no lot)",
                                 product=self._code(prod))
                    continue
                counted[key] = row
                self.book[idx] = bal[batch]
                bal[batch] = qty
                if qty > 0:
                    fefo.stocked(batch)
            elif sign > 0:
                batch = batch or NO_LOT
                bal[batch] += qty
                if bal[batch] > 0:
                    fefo.stocked(batch)
            elif batch is not None:
                self._explicit(r, bal, prod, day)
                taken.add(batch)
            else:
                self._fefo(idx, r, bal, last_row, fefo, prod, day)
                continue
            last_row[batch] = row
        if taken:
            self._end_of_day(taken, bal, last_row, reported, prod, current)

    def _end_of_day(self, taken: set[str], bal: dict[str, int], last_row: dict[str, int],
                    reported: set[str], prod: int, day: date | None) -> None:
        """Only closing balances must not be negative (the rule of ``first_negative``)."""
        for batch in sorted(taken):
            if bal[batch] < 0 and batch not in reported:
                reported.add(batch)
                row = last_row.get(batch)
                self.job.err("ledger.negative_balance", row, "quantity" if row else None,
                             lot=batch or "(no lot)", product=self._code(prod),
                             balance=bal[batch], date=day)
        taken.clear()

    def _fefo(self, idx: int, r: _Rec, bal: dict[str, int], last_row: dict[str, int],
              fefo: _Fefo, prod: int, day: date) -> None:
        """Pick lots for an outgoing row without one; the usual case (one lot) goes first."""
        row, kind, qty = r[0], r[4], r[5]
        usable_only = kind in _USABLE_ONLY
        fresh = fefo.fresh
        if fresh and (usable_only or not fefo.expired):
            exp = fefo.expiry[fresh[0]]
            batch = fefo.batches[fresh[0]]
            if (exp is None or exp > day) and bal[batch] >= qty:
                bal[batch] -= qty
                last_row[batch] = row
                self.alloc[idx] = batch
                return
        picks = fefo.take(bal, qty, day, usable_only)
        if picks is None:
            self.job.err("issue.exceeds_balance", row, "quantity", quantity=qty,
                         product=self._code(prod), lot_text="", lot=None, date=day,
                         balance=self._usable(bal, fefo, day, kind))
            return
        self.alloc[idx] = picks
        for b, take in picks:
            bal[b] -= take
            last_row[b] = row

    def _explicit(self, r: _Rec, bal: dict[str, int], prod: int, day: date) -> None:
        row, kind, qty, batch = r[0], r[4], r[5], r[6]
        assert batch is not None
        if batch not in bal:  # known elsewhere, never here
            self.job.err("lot.unknown", row, "lot", lot=batch, product=self._code(prod),
                         facility=self.facility_codes.get(r[2], "?"))
            return
        exp = self.expiry.get((prod, batch))
        if kind in _USABLE_ONLY and exp is not None and exp <= day:
            self.job.err("issue.expired_lot", row, "lot", lot=batch, product=self._code(prod),
                         expiry=exp, date=day)
            return
        bal[batch] -= qty

    def _usable(self, bal: dict[str, int], fefo: _Fefo, day: date, kind: Kind) -> int:
        usable_only = kind in _USABLE_ONLY
        return sum(
            max(b, 0) for batch, b in bal.items()
            if not (usable_only and (exp := fefo.expiry[fefo.rank[batch]]) is not None
                    and exp <= day)
        )

    def _code(self, prod: int) -> str:
        return self.codes.get(prod, str(prod))


def _stored_events(stored: Iterable[tuple[Any, ...]]
                   ) -> Iterator[tuple[tuple[Any, ...], tuple[str, int]]]:
    """Stored lines as walk events: ((facility, product, day, rank, seq, sub), (lot, delta)).

    The order is the stock card's: a same-day reversal comes right after its original.
    """
    rows = list(stored)
    originals = {r[3]: (r[2], rank_for(Kind(r[5]), r[9], closes_count=r[6] is not None))
                 for r in rows if r[7] is None}
    for fac, prod, day, mv_id, line_id, kind, count_id, reverses, batch, delta in rows:
        original = originals.get(reverses) if reverses is not None else None
        if original is not None and original[0] == day:
            key = (fac, prod, day, original[1], reverses, line_id)
        else:
            rank = rank_for(Kind(kind), delta, closes_count=count_id is not None)
            key = (fac, prod, day, rank, mv_id, line_id)
        yield key, (batch, delta)


class _LedgerWriter:
    """Movements and lines inserted in bulk with ids reserved up front.

    SQLite holds the write lock from BEGIN IMMEDIATE, so ``max(id) + 1…`` is safe; PostgreSQL
    hands out ids from the table's sequence.  SQLite gets ``executemany`` on the driver's
    cursor, PostgreSQL ``COPY``: the rows are the same.
    """

    MOVEMENT_COLUMNS = ("id", "facility_id", "kind", "occurred_on", "recorded_at", "user_id",
                        "reference", "reason", "counterparty_facility_id", "counterparty_name",
                        "note", "summary_column", "count_id", "import_batch_id")
    LINE_COLUMNS = ("id", "movement_id", "product_id", "lot_id", "quantity", "delta", "counted",
                    "book_balance", "facility_id", "occurred_on", "period", "summary_column")

    def __init__(self, ledger: _LedgerImport, lots: _Lots, walk: _Walk):
        self.ledger = ledger
        self.s = ledger.s
        self.job = ledger.job
        self.lots = lots
        self.walk = walk
        self.dialect = self.s.get_bind().dialect
        self._scale = 0.0
        self._totals: dict[tuple[int, int, int], int] = defaultdict(int)  # balance changes
        bind = Movement.__table__.c.occurred_on.type.dialect_impl(self.dialect)
        self._bind_day = bind.bind_processor(self.dialect) or (lambda d: d)

    def write(self, rows: int) -> None:
        ledger = self.ledger
        batch_id = ledger.svc._new_batch(self.s, self.job, rows)
        self._create_lots()
        adjustments = self._count_adjustments()
        n_movements = len(ledger.mv_first) + len(adjustments)
        n_lines = (len(ledger.recs)
                   + sum(len(p) - 1 for p in self.walk.alloc if isinstance(p, list))
                   + sum(len(a[3]) for a in adjustments))
        mv_ids = self._reserve(Movement, n_movements)
        line_ids = self._reserve(MovementLine, n_lines)
        recorded_at = datetime.now(UTC)
        self._scale = (self.job.total // 2) / max(n_movements + n_lines, 1)
        self._insert("movements", self.MOVEMENT_COLUMNS,
                     self._movements(mv_ids, adjustments, recorded_at, batch_id))
        self._insert("movement_lines", self.LINE_COLUMNS,
                     self._lines(mv_ids, line_ids, adjustments))
        self._update_caches()

    def _update_caches(self) -> None:
        """Keep the balance cache and mark the monthly summaries stale, as posting does."""
        balances.apply(self.s, [(f, p, lot, d) for (f, p, lot), d in self._totals.items()])
        earliest: dict[tuple[int, int], date] = {}
        for r in self.ledger.recs:
            pair = (r[2], r[3])
            if r[1] < earliest.get(pair, date.max):
                earliest[pair] = r[1]
        summaries.mark_dirty(self.s, [(f, p, period_of(d)) for (f, p), d in earliest.items()])

    def _create_lots(self) -> None:
        lots = self.lots
        if lots.new:
            gtins = dict(self.s.execute(select(Product.id, Product.gtin)
                                        .where(Product.id.in_({p for p, _ in lots.new}))).all())
            self.s.execute(insert(Lot), [
                {"product_id": p, "batch": b, "expiry": lots.expiry[(p, b)], "gtin": gtins.get(p)}
                for p, b in lots.new
            ])
            for lot_id, pid, batch in self.s.execute(
                    select(Lot.id, Lot.product_id, Lot.batch)
                    .where(Lot.product_id.in_({p for p, _ in lots.new}))):
                lots.ids[(pid, batch)] = lot_id

    def _count_adjustments(self) -> list[tuple[int, str, int, list[tuple[int, str, int]]]]:
        """Variance adjustments: (count movement, reason, first record, [(product, lot, delta)])."""
        recs = self.ledger.recs
        by_count: dict[int, dict[str, list[tuple[int, str, int]]]] = defaultdict(
            lambda: {"count_gain": [], "count_loss": []})
        first: dict[int, int] = {}
        for idx, book in self.walk.book.items():
            r = recs[idx]
            variance = r[5] - book
            if variance:
                m = self.ledger.mv_of[idx]
                first.setdefault(m, idx)
                reason = "count_gain" if variance > 0 else "count_loss"
                by_count[m][reason].append((r[3], r[6] or NO_LOT, variance))
        return [(m, reason, first[m], lines)
                for m in sorted(by_count) for reason, lines in by_count[m].items() if lines]

    def _reserve(self, model: type[Movement] | type[MovementLine], n: int) -> Sequence[int]:
        """``n`` new ids in increasing order, the same order as posting would give."""
        if n == 0:
            return []
        if self.dialect.name == "postgresql":  # the tables are locked (see _lock_ledger)
            seq = f"pg_get_serial_sequence('{model.__tablename__}', 'id')"
            start = self.s.connection().exec_driver_sql(f"SELECT nextval({seq})").scalar_one()
            self.s.connection().exec_driver_sql(f"SELECT setval({seq}, {start + n - 1})")
            return range(start, start + n)
        start = (self.s.scalar(select(func.max(model.id))) or 0) + 1
        return range(start, start + n)

    def _days(self) -> dict[date, tuple[Any, str]]:
        """Each date of the file as the driver takes it, with its period (computed once)."""
        bind, dates = self._bind_day, {r[1] for r in self.ledger.recs}
        return {d: (bind(d), period_of(d)) for d in dates}

    def _tick(self, n: int) -> None:
        self.job.tick(self.job.total // 2 + int(n * self._scale))

    def _movements(self, ids: Sequence[int], adjustments: list[Any], recorded_at: datetime,
                   batch_id: int) -> Iterator[tuple[Any, ...]]:
        ledger = self.ledger
        by_code = ledger.facilities
        stamp = Movement.__table__.c.recorded_at.type.dialect_impl(self.dialect) \
            .bind_processor(self.dialect)
        at = stamp(recorded_at) if stamp else recorded_at
        user = ledger.svc.actor.user_id
        recs = ledger.recs
        days = self._days()
        issue = Kind.ISSUE
        for m, first in enumerate(ledger.mv_first):
            if m % PROGRESS_EVERY == 0:
                self._tick(m)
            _, day, fac, _, kind, _, _, _, reason, ref, cp, note, _ = recs[first]
            cp_id = by_code.get(cp) if cp and kind is not issue else None
            yield (ids[m], fac, _KIND_TEXT[kind], days[day][0], at, user, ref, reason, cp_id,
                   None if cp_id is not None else cp, note, _KIND_COLUMN[kind], None, batch_id)
        base = len(ledger.mv_first)
        for k, (m, reason, first, _) in enumerate(adjustments):
            _, day, fac, _, _, _, _, _, _, ref, _, _, _ = recs[first]
            yield (ids[base + k], fac, Kind.ADJUSTMENT.value, days[day][0], at, user, ref,
                   reason, None, None, f"variance of count {ids[m]}", Column.ADJUSTED.value,
                   ids[m], batch_id)

    def _lines(self, mv_ids: Sequence[int], line_ids: Sequence[int],
               adjustments: list[Any]) -> Iterator[tuple[Any, ...]]:
        ledger = self.ledger
        lot_ids = self.lots.ids
        alloc = self.walk.alloc
        book = self.walk.book
        mv_of = ledger.mv_of
        days = self._days()
        totals = self._totals
        start = len(mv_ids)
        count = Kind.COUNT
        n = 0
        for idx, (_, d, fac, prod, kind, qty, batch, _, _, _, _, _, sign) in enumerate(
                ledger.recs):
            if idx % PROGRESS_EVERY == 0:
                self._tick(start + idx)
            mv = mv_ids[mv_of[idx]]
            day, period = days[d]
            column = _KIND_COLUMN[kind]
            found = alloc[idx]
            if found is not None:
                picks = [(found, qty)] if isinstance(found, str) else found
                for b, take in picks:
                    lot = lot_ids[(prod, b)]
                    totals[(fac, prod, lot)] -= take
                    yield (line_ids[n], mv, prod, lot, take, -take, None, None, fac, day, period,
                           column)
                    n += 1
            elif kind is count:
                lot = lot_ids[(prod, batch or NO_LOT)]
                totals[(fac, prod, lot)] += 0  # a counted lot has a balance row, as when posted
                yield (line_ids[n], mv, prod, lot, qty, 0, qty, book[idx], fac, day, period,
                       column)
                n += 1
            else:
                lot = lot_ids[(prod, batch or NO_LOT)]
                totals[(fac, prod, lot)] += sign * qty
                yield (line_ids[n], mv, prod, lot, qty, sign * qty, None, None, fac, day, period,
                       column)
                n += 1
        base = len(ledger.mv_first)
        for k, (_, _, first, lines) in enumerate(adjustments):
            r = ledger.recs[first]
            day, period = days[r[1]]
            for prod, batch, variance in lines:
                lot = lot_ids[(prod, batch)]
                totals[(r[2], prod, lot)] += variance
                yield (line_ids[n], mv_ids[base + k], prod, lot, abs(variance), variance, None,
                       None, r[2], day, period, Column.ADJUSTED.value)
                n += 1

    def _insert(self, table: str, columns: Sequence[str],
                rows: Iterator[tuple[Any, ...]]) -> None:
        """Rows straight to the driver, in the session's transaction (COPY on PostgreSQL)."""
        raw: Any = self.s.connection().connection.dbapi_connection
        names = ", ".join(columns)
        cur = raw.cursor()
        try:
            if self.dialect.name == "postgresql":
                with cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" for _ in columns)
                cur.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        finally:
            cur.close()


_KIND_TEXT = {k: k.value for k in Kind}
_KIND_COLUMN = {k: c.value for k, c in KIND_COLUMN.items()}


def _date_or_none(text: str) -> date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None


def _kind_or_none(text: str) -> Kind | None:
    value = movement_kind(text)
    return Kind(value) if value is not None and value in IMPORTABLE_KINDS else None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


__all__ = ["ImportResult", "ImportService", "LedgerRow"]
