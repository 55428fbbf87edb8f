"""Setup for the benchmarks: synthetic ledgers made with numpy, written with raw sqlite3.

Nothing here is timed except :func:`raw_insert` when a benchmark asks for its seconds: it is
the same-run baseline of the importer (``sqlite3.executemany`` of pre-built tuples into the
real, migrated schema, one transaction, the app's pragmas).
"""

from __future__ import annotations

import csv
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.database import Database
from stockdesk.services.masterdata import (
    FacilityData,
    ProductData,
    upsert_facilities,
    upsert_products,
)

ACTOR: Actor = SETUP_ACTOR
TODAY = date(2024, 12, 31)
DISTRICT = "Bench District"
SUPPLIER = "Central Medical Stores"
RECEIPT, ISSUE = 0, 1
KINDS = ("RECEIPT", "ISSUE")
COLUMNS = ("B", "C")  # R&R column of each kind
HEADER = ("date", "facility_code", "product_code", "kind", "quantity", "lot", "expiry",
          "reason", "reference", "counterparty", "note")
EXPIRY = date(2030, 12, 31)


@dataclass(frozen=True)
class Ledger:
    """A synthetic ledger as columns, sorted in ledger order (date, facility, kind, product).

    Each facility × product × month has one receipt on the 1st and ``per_month - 1`` issues on
    distinct later days; issues never exceed what came in, so every line is valid.
    """

    facilities: tuple[str, ...]
    products: tuple[str, ...]
    dates: np.ndarray  # object array of date
    fac: np.ndarray
    prod: np.ndarray
    kind: np.ndarray
    qty: np.ndarray
    first: date
    months: int

    def __len__(self) -> int:
        return len(self.qty)

    @property
    def periods(self) -> tuple[str, str]:
        last = _add_months(self.first, self.months - 1)
        return f"{self.first:%Y-%m}", f"{last:%Y-%m}"


def _add_months(d: date, n: int) -> date:
    idx = d.year * 12 + d.month - 1 + n
    return date(idx // 12, idx % 12 + 1, 1)


def generate(facilities: int, products: int, months: int, per_month: int, *,
             last_month: date = TODAY, seed: int = 42, prefix: str = "B") -> Ledger:
    rng = np.random.default_rng(seed)
    first = _add_months(date(last_month.year, last_month.month, 1), -(months - 1))
    starts = [_add_months(first, m) for m in range(months)]
    series = facilities * products * months
    issues = per_month - 1
    if not 0 < issues <= 27:
        raise ValueError("per_month must be 2..28")
    offsets = np.zeros((series, per_month), np.int64)  # day of month - 1; receipt on the 1st
    offsets[:, 1:] = np.sort(rng.random((series, 27)).argsort(axis=1)[:, :issues] + 1, axis=1)
    qty = np.empty((series, per_month), np.int64)
    issue_max = 20
    qty[:, 0] = issue_max * issues + 100  # more than the month's issues can take
    qty[:, 1:] = rng.integers(1, issue_max + 1, (series, issues))
    kinds = np.zeros((series, per_month), np.int8)
    kinds[:, 1:] = ISSUE
    f, p, m = np.unravel_index(np.arange(series), (facilities, products, months))
    f, p, m = (np.repeat(a, per_month) for a in (f, p, m))
    kind, amount = kinds.ravel(), qty.ravel()
    month_day0 = np.array([(s - first).days for s in starts])
    day = month_day0[m] + offsets.ravel()
    order = np.lexsort((p, kind, f, day))
    all_dates = np.array([first + timedelta(days=int(i)) for i in range(int(day.max()) + 1)],
                         dtype=object)
    return Ledger(
        facilities=tuple(f"{prefix}-F{i + 1:03d}" for i in range(facilities)),
        products=tuple(f"{prefix}-P{i + 1:04d}" for i in range(products)),
        dates=all_dates[day[order]], fac=f[order], prod=p[order], kind=kind[order],
        qty=amount[order], first=first, months=months,
    )


def batch_of(product: str) -> str:
    return f"LOT-{product}"


def reference(kind: int, day: date) -> str:
    return f"{'GRN' if kind == RECEIPT else 'DAR'}-{day:%Y%m%d}"


# ---------------------------------------------------------------------------------------------


def fresh_database(path: Path, ledger: Ledger) -> Database:
    """A migrated SQLite database holding the ledger's facilities and products (no lines)."""
    db = Database.open(f"sqlite:///{path}")
    with db.transaction() as s:
        upsert_facilities(s, ACTOR, [FacilityData("B-STORE", "Bench store", "district_store",
                                                  DISTRICT, "Bench Region")] + [
            FacilityData(code, f"Facility {code}", "health_centre", DISTRICT, "Bench Region")
            for code in ledger.facilities
        ])
        upsert_products(s, ACTOR, [
            ProductData(code, f"Product {code}", "100 mg", "tablet", "tablet", 100, 50,
                        program="essential")
            for code in ledger.products
        ])
    return db


def write_csv(path: Path, ledger: Ledger) -> int:
    """The ledger as a canonical ledger CSV file; returns its size in bytes."""
    facs = np.array(ledger.facilities, object)[ledger.fac]
    prods = np.array(ledger.products, object)[ledger.prod]
    refs: dict[tuple[int, date], str] = {}
    expiry = EXPIRY.isoformat()
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        for d, fc, pc, k, q in zip(ledger.dates.tolist(), facs.tolist(), prods.tolist(),
                                   ledger.kind.tolist(), ledger.qty.tolist(), strict=True):
            ref = refs.get((k, d))
            if ref is None:
                ref = refs[(k, d)] = reference(k, d)
            w.writerow((d.isoformat(), fc, pc, KINDS[k], q, batch_of(pc), expiry, "", ref,
                        SUPPLIER if k == RECEIPT else "", ""))
    return path.stat().st_size


def _connect(path: Path) -> sqlite3.Connection:
    """sqlite3 with the pragmas the app uses (WAL, synchronous=FULL, foreign keys)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


@dataclass(frozen=True)
class RawInsert:
    seconds: float
    movements: int
    lines: int
    lots: int
    cache_rows: int
    bare_seconds: float | None = None  # the same lines into one index-free table


def raw_insert(path: Path, ledger: Ledger, bare: Path | None = None) -> RawInsert:
    """Insert the ledger with ``sqlite3.executemany`` into a migrated database.

    What is inserted is what a posting writes: one ``lots`` row per product; one ``movements``
    row per date × facility × kind (the file's voucher grouping) with every column the
    services fill; one ``movement_lines`` row per ledger line with its copied columns (facility,
    date, period, R&R column, signed delta); and, when the schema has them, the posting
    caches ``stock_balances`` (per facility × lot) and ``summary_dirty`` (per facility ×
    product).  Tuples are built first; only the inserts and the commit are timed.

    With ``bare``, the same line tuples are also inserted into a single table without indexes
    or keys in that file (the PLATFORM.md figure for raw executemany), for scale.
    """
    conn = _connect(path)
    try:
        fac_ids = dict(conn.execute("SELECT code, id FROM facilities"))
        prod_ids = dict(conn.execute("SELECT code, id FROM products"))
        f_id = np.array([fac_ids[c] for c in ledger.facilities], np.int64)[ledger.fac]
        p_id = np.array([prod_ids[c] for c in ledger.products], np.int64)[ledger.prod]
        lot_base = (conn.execute("SELECT coalesce(max(id), 0) FROM lots").fetchone()[0])
        lots = [(lot_base + i + 1, prod_ids[c], batch_of(c), EXPIRY.isoformat(), None)
                for i, c in enumerate(ledger.products)]
        lot_id = lot_base + 1 + ledger.prod.astype(np.int64)
        # movements: one per date x facility x kind, in ledger order
        day_num = np.array([d.toordinal() for d in ledger.dates.tolist()], np.int64)
        key = (day_num * 1024 + ledger.fac) * 2 + ledger.kind
        change = np.ones(len(key), bool)
        change[1:] = key[1:] != key[:-1]
        mv_base = conn.execute("SELECT coalesce(max(id), 0) FROM movements").fetchone()[0]
        mv_id = mv_base + np.cumsum(change)
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        starts = np.nonzero(change)[0]
        dates = ledger.dates.tolist()
        kinds = ledger.kind.tolist()
        movements = [
            (int(mv_id[i]), int(f_id[i]), KINDS[kinds[i]], dates[i].isoformat(), now, None,
             reference(kinds[i], dates[i]), None, None,
             SUPPLIER if kinds[i] == RECEIPT else None, None, COLUMNS[kinds[i]], None, None,
             None, None)
            for i in starts.tolist()
        ]
        line_base = conn.execute("SELECT coalesce(max(id), 0) FROM movement_lines").fetchone()[0]
        iso = {d: d.isoformat() for d in set(dates)}
        period = {d: f"{d:%Y-%m}" for d in iso}
        delta = np.where(ledger.kind == RECEIPT, ledger.qty, -ledger.qty)
        lines = list(zip(
            range(line_base + 1, line_base + 1 + len(ledger)), mv_id.tolist(), p_id.tolist(),
            lot_id.tolist(), ledger.qty.tolist(), delta.tolist(), [None] * len(ledger),
            [None] * len(ledger), f_id.tolist(), [iso[d] for d in dates],
            [period[d] for d in dates], [COLUMNS[k] for k in kinds], strict=True))
        tables = _tables(conn)
        balances: list[tuple[int, ...]] = []
        dirty: list[tuple[int, int, str]] = []
        if "stock_balances" in tables:
            pair = f_id * (lot_id.max() + 1) + lot_id
            uniq, inv = np.unique(pair, return_inverse=True)
            sums = np.bincount(inv, weights=delta).astype(np.int64)
            first = np.zeros(len(uniq), np.int64)
            first[inv[::-1]] = np.arange(len(inv))[::-1]
            balances = [(int(f_id[i]), int(lot_id[i]), int(p_id[i]), int(b))
                        for i, b in zip(first.tolist(), sums.tolist(), strict=True)]
        if "summary_dirty" in tables:
            seen: set[tuple[int, int]] = set()
            for fi, pi, d in zip(f_id.tolist(), p_id.tolist(), dates, strict=True):
                if (fi, pi) not in seen:  # ledger order: the first line is the earliest
                    seen.add((fi, pi))
                    dirty.append((fi, pi, period[d]))

        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO lots (id, product_id, batch, expiry, gtin) "
                         "VALUES (?, ?, ?, ?, ?)", lots)
        conn.executemany(
            "INSERT INTO movements (id, facility_id, kind, occurred_on, recorded_at, user_id, "
            "reference, reason, counterparty_facility_id, counterparty_name, note, "
            "summary_column, reverses_id, corrects_id, count_id, import_batch_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", movements)
        conn.executemany(
            "INSERT INTO movement_lines (id, movement_id, product_id, lot_id, quantity, delta, "
            "counted, book_balance, facility_id, occurred_on, period, summary_column) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines)
        if balances:
            conn.executemany("INSERT INTO stock_balances (facility_id, lot_id, product_id, "
                             "balance) VALUES (?, ?, ?, ?)", balances)
        if dirty:
            conn.executemany("INSERT INTO summary_dirty (facility_id, product_id, from_period) "
                             "VALUES (?, ?, ?)", dirty)
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
    finally:
        conn.close()
    bare_seconds = _bare_insert(bare, lines) if bare is not None else None
    return RawInsert(seconds, len(movements), len(lines), len(lots), len(balances) + len(dirty),
                     bare_seconds)


def _bare_insert(path: Path, lines: list[tuple[object, ...]]) -> float:
    conn = _connect(path)
    try:
        conn.execute("CREATE TABLE lines (id INTEGER PRIMARY KEY, movement_id, product_id, "
                     "lot_id, quantity, delta, counted, book_balance, facility_id, "
                     "occurred_on, period, summary_column)")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines)
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def median_ms(fn: Callable[[], object], repeats: int) -> tuple[float, list[float]]:
    """Median wall time of ``fn()`` in milliseconds over ``repeats`` runs (after one warm-up)."""
    fn()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return float(np.median(times)), times
