"""Writing a checked ledger file: new lots, movements and lines in bulk, then the caches.

Movements and lines are inserted with ids reserved up front, straight through the driver
(``executemany`` on SQLite, ``COPY`` on PostgreSQL), in the import's transaction, instead of
one ORM object and flush per row.  What is written is what posting writes: a count's variance
adjustments, the balance cache (``services.balances``), the stale marks of the monthly
summaries (``services.summaries``) and each row's link in its facility's chain
(``services.ledger_chain``) included.  The chain takes the rows in the order they are
written: each facility's new movements, then their lines.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from stockdesk.db.models import Lot, Movement, MovementLine, Product
from stockdesk.inventory.bulk import CountAdjustment, Walk, count_adjustments
from stockdesk.inventory.kinds import KIND_COLUMN, Column, Kind
from stockdesk.inventory.ledger import NO_LOT, period_of
from stockdesk.services import balances, ledger_chain, summaries
from stockdesk.services.imports._job import PROGRESS_EVERY

if TYPE_CHECKING:
    from stockdesk.services.imports.ledger import LedgerImport, Lots

_KIND_TEXT = {k: k.value for k in Kind}
_KIND_COLUMN = {k: c.value for k, c in KIND_COLUMN.items()}


class LedgerWriter:
    """Movements and lines inserted in bulk with ids reserved up front.

    SQLite holds the write lock from BEGIN IMMEDIATE, so ``max(id) + 1…`` is safe; PostgreSQL
    hands out ids from the table's sequence.  SQLite gets ``executemany`` on the driver's
    cursor, PostgreSQL ``COPY``: the rows are the same.
    """

    MOVEMENT_COLUMNS = ("id", "facility_id", "kind", "occurred_on", "recorded_at", "user_id",
                        "reference", "reason", "counterparty_facility_id", "counterparty_name",
                        "note", "summary_column", "count_id", "import_batch_id", "chain_seq",
                        "chain_hash")
    LINE_COLUMNS = ("id", "movement_id", "product_id", "lot_id", "quantity", "delta", "counted",
                    "book_balance", "facility_id", "occurred_on", "period", "summary_column",
                    "chain_seq", "chain_hash")  # inventory.chain.LINE_FIELDS, then the link

    def __init__(self, ledger: LedgerImport, lots: Lots, walk: Walk):
        self.ledger = ledger
        self.s = ledger.s
        self.job = ledger.job
        self.lots = lots
        self.walk = walk
        self.dialect = self.s.get_bind().dialect
        self._scale = 0.0
        self._totals: dict[tuple[int, int, int], int] = defaultdict(int)  # balance changes
        self._chains = ledger.chains  # heads locked before the tables (LedgerImport._finish)
        bind = Movement.__table__.c.occurred_on.type.dialect_impl(self.dialect)
        self._bind_day = bind.bind_processor(self.dialect) or (lambda d: d)

    def write(self, batch_id: int) -> None:
        """Lots, movements, lines and caches for the checked rows, all of batch ``batch_id``."""
        recs = self.ledger.recs
        self._create_lots()
        adjustments = count_adjustments(recs, recs.mv, self.walk.book)
        n_movements = recs.movements + len(adjustments)
        n_lines = (len(recs)
                   + sum(len(p) - 1 for p in self.walk.alloc if isinstance(p, list))
                   + sum(len(a.lines) for a in adjustments))
        mv_ids = self._reserve(Movement, n_movements)
        line_ids = self._reserve(MovementLine, n_lines)
        recorded_at = datetime.now(UTC)
        self._scale = (self.job.total // 2) / max(n_movements + n_lines, 1)
        self._insert("movements", self.MOVEMENT_COLUMNS,
                     self._movements(mv_ids, adjustments, recorded_at, batch_id))
        self._insert("movement_lines", self.LINE_COLUMNS,
                     self._lines(mv_ids, line_ids, adjustments))
        ledger_chain.save_heads(self.s, self._chains)
        self._update_caches()

    def _update_caches(self) -> None:
        """Keep the balance cache and mark the monthly summaries stale, as posting does."""
        balances.apply(self.s, [(f, p, lot, d) for (f, p, lot), d in self._totals.items()])
        earliest: dict[tuple[int, int], date] = {}
        recs = self.ledger.recs
        for fac, prod, day in zip(recs.fac, recs.prod, recs.day, strict=True):
            pair = (fac, prod)
            if day < earliest.get(pair, date.max):
                earliest[pair] = day
        summaries.mark_dirty(self.s, [(f, p, period_of(d)) for (f, p), d in earliest.items()])

    def _create_lots(self) -> None:
        """Insert the lots the file brings in, and learn their ids."""
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

    def _reserve(self, model: type[Movement] | type[MovementLine], n: int) -> Sequence[int]:
        """``n`` new ids in increasing order, the same order as posting would give."""
        if n == 0:
            return []
        if self.dialect.name == "postgresql":  # tables locked: LedgerImport._lock_ledger
            seq = f"pg_get_serial_sequence('{model.__tablename__}', 'id')"
            start = self.s.connection().exec_driver_sql(f"SELECT nextval({seq})").scalar_one()
            self.s.connection().exec_driver_sql(f"SELECT setval({seq}, {start + n - 1})")
            return range(start, start + n)
        start = (self.s.scalar(select(func.max(model.id))) or 0) + 1
        return range(start, start + n)

    def _days(self) -> dict[date, tuple[Any, str]]:
        """Each date of the file as the driver takes it, with its period (computed once)."""
        bind, dates = self._bind_day, set(self.ledger.recs.day)
        return {d: (bind(d), period_of(d)) for d in dates}

    def _tick(self, n: int) -> None:
        self.job.tick(self.job.total // 2 + int(n * self._scale))

    def _movements(self, ids: Sequence[int], adjustments: list[CountAdjustment],
                   recorded_at: datetime, batch_id: int) -> Iterator[tuple[Any, ...]]:
        """The file's movements in file order, then the counts' variance adjustments."""
        ledger = self.ledger
        by_code = ledger.facilities
        stamp = Movement.__table__.c.recorded_at.type.dialect_impl(self.dialect) \
            .bind_processor(self.dialect)
        at = stamp(recorded_at) if stamp else recorded_at
        user = ledger.user_id
        recs = ledger.recs
        days = self._days()
        issue = Kind.ISSUE
        chains = self._chains
        for m, first in enumerate(recs.first):
            if m % PROGRESS_EVERY == 0:
                self._tick(m)
            day, fac, kind = recs.day[first], recs.fac[first], recs.kind[first]
            reason, ref, cp, note = (recs.reason[m], recs.reference[m], recs.counterparty[m],
                                     recs.note[m])
            cp_id = by_code.get(cp) if cp and kind is not issue else None
            cp_name = None if cp_id is not None else cp
            link = chains[fac].add_movement((
                ids[m], fac, _KIND_TEXT[kind], day, recorded_at, user, ref, reason, cp_id,
                cp_name, note, _KIND_COLUMN[kind], None, None, None, batch_id))
            yield (ids[m], fac, _KIND_TEXT[kind], days[day][0], at, user, ref, reason, cp_id,
                   cp_name, note, _KIND_COLUMN[kind], None, batch_id, *link)
        base = recs.movements
        for k, (m, reason, first, _) in enumerate(adjustments):
            _, day, fac, _, _, _, _, _, _, ref, _, _, _ = recs[first]
            note = f"variance of count {ids[m]}"
            link = chains[fac].add_movement((
                ids[base + k], fac, Kind.ADJUSTMENT.value, day, recorded_at, user, ref, reason,
                None, None, note, Column.ADJUSTED.value, None, None, ids[m], batch_id))
            yield (ids[base + k], fac, Kind.ADJUSTMENT.value, days[day][0], at, user, ref,
                   reason, None, None, note, Column.ADJUSTED.value, ids[m], batch_id, *link)

    def _lines(self, mv_ids: Sequence[int], line_ids: Sequence[int],
               adjustments: list[CountAdjustment]) -> Iterator[tuple[Any, ...]]:
        """One line per record and lot it takes from, then the adjustments' lines."""
        recs = self.ledger.recs
        signs = recs.sign
        lot_ids = self.lots.ids
        alloc = self.walk.alloc
        book = self.walk.book
        days = self._days()
        totals = self._totals
        start = len(mv_ids)
        count = Kind.COUNT
        chains = self._chains
        row: tuple[Any, ...]  # a line in inventory.chain.LINE_FIELDS order
        n = 0
        for idx, (d, fac, prod, kind, qty, batch, m) in enumerate(zip(
                recs.day, recs.fac, recs.prod, recs.kind, recs.qty, recs.lot, recs.mv,
                strict=True)):
            if idx % PROGRESS_EVERY == 0:
                self._tick(start + idx)
            mv = mv_ids[m]
            sign = signs[m]
            day, period = days[d]
            column = _KIND_COLUMN[kind]
            found = alloc[idx]
            if found is not None:
                picks = [(found, qty)] if isinstance(found, str) else found
                for b, take in picks:
                    lot = lot_ids[(prod, b)]
                    totals[(fac, prod, lot)] -= take
                    row = (line_ids[n], mv, prod, lot, take, -take, None, None, fac, day,
                           period, column)
                    yield (*row, *chains[fac].add_line(row))
                    n += 1
            elif kind is count:
                lot = lot_ids[(prod, batch or NO_LOT)]
                totals[(fac, prod, lot)] += 0  # a counted lot has a balance row, as when posted
                row = (line_ids[n], mv, prod, lot, qty, 0, qty, book[idx], fac, day, period,
                       column)
                yield (*row, *chains[fac].add_line(row))
                n += 1
            else:
                lot = lot_ids[(prod, batch or NO_LOT)]
                totals[(fac, prod, lot)] += sign * qty
                row = (line_ids[n], mv, prod, lot, qty, sign * qty, None, None, fac, day, period,
                       column)
                yield (*row, *chains[fac].add_line(row))
                n += 1
        base = recs.movements
        for k, (_, _, first, lines) in enumerate(adjustments):
            r = recs[first]
            day, period = days[r[1]]
            for prod, batch, variance in lines:
                lot = lot_ids[(prod, batch)]
                totals[(r[2], prod, lot)] += variance
                row = (line_ids[n], mv_ids[base + k], prod, lot, abs(variance), variance, None,
                       None, r[2], day, period, Column.ADJUSTED.value)
                yield (*row, *chains[r[2]].add_line(row))
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
