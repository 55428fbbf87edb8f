"""``stockdesk verify``: is the database whole, is the ledger as it was posted, are the caches true?

Three checks, each naming the first thing wrong so a person knows where to look:

1. the file itself (SQLite: ``PRAGMA integrity_check`` and ``foreign_key_check``);
2. each facility's hash chain (``inventory.chain``), recomputed from the rows: a row changed
   by an outside tool no longer matches its hash, a deleted row leaves a gap, a row slipped
   in has no place in the chain (or takes one already taken, or lies beyond the head), and a
   deleted last row leaves the head pointing past the end;
3. the caches the screens read (``stock_balances``, and the ``summary_blocks`` not marked
   stale) against a replay of the ledger.

Rows are read raw (no type conversion), so a value of the wrong type put in by a SQL tool is
reported as a difference instead of stopping the check.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from stockdesk.db.models import (
    ChainHead,
    Facility,
    Lot,
    MovementLine,
    Product,
    StockBalance,
    SummaryBlock,
    SummaryDirty,
)
from stockdesk.inventory.chain import (
    GENESIS,
    LINE_FIELDS,
    MOVEMENT_FIELDS,
    line_payload,
    link,
    movement_payload,
)
from stockdesk.problems import ProblemsFound, error
from stockdesk.services import summaries
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database

Progress = Callable[[int, int], None]  # rows checked, rows in all
MAX_FINDINGS = 100  # per check: the first ones name where to look; the count says how many
SUMMARY_FIELDS = ("opening", "received", "consumed", "adjustments", "closing", "stockout_days")


@dataclass(frozen=True)
class RowRef:
    """A ledger row as a person finds it on the stock card."""

    table: str  # "movement" or "line"
    movement_id: int | None
    line_id: int | None
    facility: str
    occurred_on: str | None
    product: str | None = None
    seq: int | None = None

    def __str__(self) -> str:
        what = (f"line {self.line_id} of movement {self.movement_id}" if self.table == "line"
                else f"movement {self.movement_id}")
        parts = [what, f"facility {self.facility}"]
        if self.occurred_on:
            parts.append(f"dated {self.occurred_on}")
        if self.product:
            parts.append(f"product {self.product}")
        if self.seq is not None:
            parts.append(f"chain position {self.seq}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Finding:
    """One thing wrong.  ``code`` is stable (``chain.changed``); ``message`` is for people."""

    code: str
    message: str
    facility: str | None = None
    row: RowRef | None = None
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ChainStatus:
    facility: str
    rows: int  # rows found in the chain
    head_length: int | None  # what the head says (None: no head)
    head_hash: str | None  # hex, to write down or compare with a printed copy
    problems: int
    first: Finding | None


@dataclass(frozen=True)
class CheckResult:
    name: str  # "database", "chain", "stock_balances", "summary_blocks"
    checked: int  # what was compared (pages are not counted: 1 for the database)
    problems: int
    first: tuple[Finding, ...]  # the first ones, in order


@dataclass(frozen=True)
class VerifyReport:
    checks: tuple[CheckResult, ...]
    chains: tuple[ChainStatus, ...]

    @property
    def ok(self) -> bool:
        return all(c.problems == 0 for c in self.checks)


class VerifyService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = date.today):
        self.db = db
        self.actor = actor
        self.today = today

    def verify(self, facility: str | None = None,
               progress: Progress | None = None) -> VerifyReport:
        """Check the database, every facility's chain (or one's) and the caches."""
        self.actor.require("audit.read")
        tick = progress or (lambda done, total: None)
        with self.db.reading() as s:
            if s.get_bind().dialect.name == "postgresql":
                # one snapshot for every query, as SQLite's read transaction gives: a posting
                # committed meanwhile must not look like a row beyond its chain's head
                s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            names = dict(s.execute(select(Facility.id, Facility.code)).all())
            only = None
            if facility is not None:
                only = next((i for i, c in names.items() if c == facility), None)
                if only is None:
                    raise ProblemsFound([error("facility.unknown", code=facility)])
            database = _database(s)
            chain, statuses = _Chains(s, names, only, tick).run()
            balances = _balances(s, names, only)
            blocks = _summary_blocks(s, names, only, self.today())
        return VerifyReport((database, chain, balances, blocks), statuses)


# -- 1. the file -----------------------------------------------------------------------------


def _database(s: Session) -> CheckResult:
    if s.get_bind().dialect.name != "sqlite":  # the server keeps its own files consistent
        return CheckResult("database", 0, 0, ())
    found = []
    for (line,) in s.execute(text("PRAGMA integrity_check")):
        if line != "ok":
            found.append(Finding("database.damaged", f"SQLite integrity check: {line}",
                                 params={"detail": line}))
    for table, rowid, parent, _ in s.execute(text("PRAGMA foreign_key_check")):
        found.append(Finding("database.foreign_key",
                             f"{table} row {rowid} points at a {parent} row that does not exist",
                             params={"table": table, "rowid": rowid, "parent": parent}))
    return CheckResult("database", 1, len(found), tuple(found[:MAX_FINDINGS]))


# -- 2. the chains ---------------------------------------------------------------------------


_M_COLS = ", ".join((*MOVEMENT_FIELDS, "chain_seq", "chain_hash"))
_L_COLS = ", ".join((*LINE_FIELDS, "chain_seq", "chain_hash"))
_M_DAY = MOVEMENT_FIELDS.index("occurred_on")
_L_ROW = (LINE_FIELDS.index("movement_id"), LINE_FIELDS.index("product_id"),
          LINE_FIELDS.index("occurred_on"))


class _Chains:
    """Walk each facility's chain in ``chain_seq`` order, movements and lines merged."""

    def __init__(self, s: Session, names: dict[int, str], only: int | None, tick: Progress):
        self.s = s
        self.names = names
        self.only = only
        self.tick = tick
        self.products = dict(s.execute(select(Product.id, Product.code)).all())
        self.done = 0
        self.total = 0

    def run(self) -> tuple[CheckResult, tuple[ChainStatus, ...]]:
        s = self.s
        where = "" if self.only is None else f" WHERE facility_id = {int(self.only)}"
        self.total = sum(int(s.execute(text(f"SELECT count(*) FROM {t}{where}")).scalar_one())
                         for t in ("movements", "movement_lines"))
        heads = {f: (int(n), bytes(h)) for f, n, h in s.execute(
            select(ChainHead.facility_id, ChainHead.length, ChainHead.last_hash))}
        facilities = set(heads)
        for table in ("movements", "movement_lines"):
            facilities.update(f for (f,) in s.execute(
                text(f"SELECT DISTINCT facility_id FROM {table}")))
        if self.only is not None:
            facilities &= {self.only}
        found: list[Finding] = []
        count = 0
        statuses = []
        for fac in sorted(facilities, key=lambda f: (self.names.get(f, ""), f)):
            status, problems = self._facility(fac, heads.get(fac))
            statuses.append(status)
            count += status.problems
            found.extend(problems)
        unlinked = self._unlinked()
        count += len(unlinked)
        found = unlinked + found
        self.tick(self.total, self.total)
        return (CheckResult("chain", self.done, count, tuple(found[:MAX_FINDINGS])),
                tuple(statuses))

    def _facility(self, fac: int, head: tuple[int, bytes] | None,
                  ) -> tuple[ChainStatus, list[Finding]]:
        code = self.names.get(fac, f"#{fac}")
        problems: list[Finding] = []
        count = 0

        def note(finding: Finding) -> None:
            nonlocal count
            count += 1
            if len(problems) < MAX_FINDINGS:
                problems.append(finding)

        expected, previous, rows = 1, GENESIS, 0
        before: RowRef | None = None  # the last row seen, to say where a gap is
        limit = head[0] if head is not None else 0
        for seq, group in groupby(self._rows(fac), key=lambda r: r[0]):
            # rows sharing a place: the one that links is the posted row, the others were added
            candidates = [(table, values, stored, self._ref(table, values, code, seq))
                          for _, table, values, stored in group]
            rows += len(candidates)
            self.done += len(candidates)
            if self.done % 50_000 < len(candidates):
                self.tick(self.done, self.total)
            if seq > limit:
                ref = candidates[0][3]
                note(Finding("chain.beyond_head",
                             f"{ref}: lies after the end of the chain ({limit} rows): added "
                             "by something other than StockDesk",
                             code, ref, {"seq": seq, "head_length": limit}))
            if seq > expected:
                note(self._gap(code, expected, seq - 1, before, candidates[0][3]))
                genuine = 0
            else:
                linked = [link(previous, _payload(table, values)) == stored
                          for table, values, stored, _ in candidates]
                genuine = linked.index(True) if True in linked else 0
                if not linked[genuine]:
                    ref = candidates[genuine][3]
                    note(Finding("chain.changed",
                                 f"{ref}: changed after it was posted (it no longer matches "
                                 "its hash)", code, ref, {"seq": seq}))
            for i, (_, _, _, ref) in enumerate(candidates):
                if i != genuine:
                    note(Finding("chain.duplicate",
                                 f"{ref}: takes chain position {seq}, which another row holds: "
                                 "added by something other than StockDesk",
                                 code, ref, {"seq": seq}))
            stored = candidates[genuine][2]
            previous = stored if stored is not None else b""
            expected = seq + 1
            before = candidates[genuine][3]
        last = expected - 1
        if head is None:
            if rows:
                note(Finding("chain.no_head", f"facility {code}: the end of its chain is not "
                             "recorded (removed by something other than StockDesk)", code))
        elif head[0] > last:
            note(self._gap(code, last + 1, head[0], before, None))
        elif head[0] == last and head[1] != (previous if rows else GENESIS):
            note(Finding("chain.head_mismatch",
                         f"facility {code}: the end of the chain does not match its last row "
                         f"({before})", code, before, {"seq": last}))
        first = problems[0] if problems else None
        return (ChainStatus(code, rows, head[0] if head else None,
                            head[1].hex() if head else None, count, first), problems)

    @staticmethod
    def _gap(code: str, first: int, last: int, before: RowRef | None,
             after: RowRef | None) -> Finding:
        span = f"position {first}" if first == last else f"positions {first} to {last}"
        where = []
        if before is not None:
            where.append(f"after {before}")
        if after is not None:
            where.append(f"before {after}")
        text_ = (f"facility {code}: chain {span} missing: "
                 f"{'row' if first == last else 'rows'} deleted by something other than "
                 f"StockDesk ({'; '.join(where) or 'the whole chain'})")
        return Finding("chain.missing", text_, code, after or before,
                       {"first_seq": first, "last_seq": last})

    def _rows(self, fac: int) -> Iterator[tuple[int, str, tuple[Any, ...], bytes | None]]:
        """(seq, table, values, stored hash) of the facility's linked rows, in chain order."""
        opts = {"yield_per": 5000}

        def rows(table: str, kind: str, cols: str) -> Iterator[tuple[int, str, tuple[Any, ...],
                                                                     Any]]:
            result = self.s.execute(
                text(f"SELECT {cols} FROM {table} WHERE facility_id = :f "
                     "AND chain_seq IS NOT NULL ORDER BY chain_seq"),
                {"f": fac}, execution_options=opts)
            for r in result:
                yield int(r[-2]), kind, tuple(r[:-2]), None if r[-1] is None else bytes(r[-1])

        yield from heapq.merge(rows("movements", "movement", _M_COLS),
                               rows("movement_lines", "line", _L_COLS),
                               key=lambda r: (r[0], r[1]))

    def _unlinked(self) -> list[Finding]:
        """Rows with no place in any chain: written by something other than StockDesk."""
        out = []
        where = "" if self.only is None else f" AND facility_id = {int(self.only)}"
        for table, kind, cols in (("movements", "movement", _M_COLS),
                                  ("movement_lines", "line", _L_COLS)):
            for r in self.s.execute(text(f"SELECT {cols} FROM {table} "
                                         f"WHERE chain_seq IS NULL{where} ORDER BY id")):
                values = tuple(r[:-2])
                fac = values[MOVEMENT_FIELDS.index("facility_id") if kind == "movement"
                             else LINE_FIELDS.index("facility_id")]
                code = self.names.get(fac, f"#{fac}")
                ref = self._ref(kind, values, code, None)
                out.append(Finding("chain.unlinked",
                                   f"{ref}: is in no chain: added by something other than "
                                   "StockDesk", code, ref))
                self.done += 1
        return out

    def _ref(self, table: str, values: tuple[Any, ...], code: str, seq: int | None) -> RowRef:
        if table == "movement":
            return RowRef("movement", values[0], None, code, _day(values[_M_DAY]), None, seq)
        mv, product, day = (values[i] for i in _L_ROW)
        return RowRef("line", mv, values[0], code, _day(day),
                      self.products.get(product, f"#{product}"), seq)


def _payload(table: str, values: tuple[Any, ...]) -> bytes:
    return movement_payload(values) if table == "movement" else line_payload(values)


def _day(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else (None if value is None
                                                                else str(value))


# -- 3. the caches ---------------------------------------------------------------------------


def _balances(s: Session, names: dict[int, str], only: int | None) -> CheckResult:
    """Each lot's cached balance against the sum of its ledger lines."""
    ml = MovementLine
    ledger_q = (select(ml.facility_id, ml.lot_id, func.sum(ml.delta))
                .group_by(ml.facility_id, ml.lot_id))
    cache_q = select(StockBalance.facility_id, StockBalance.lot_id, StockBalance.balance)
    if only is not None:
        ledger_q = ledger_q.where(ml.facility_id == only)
        cache_q = cache_q.where(StockBalance.facility_id == only)
    ledger = {(f, lot): int(d) for f, lot, d in s.execute(ledger_q)}
    cached = {(f, lot): int(b) for f, lot, b in s.execute(cache_q)}
    lots: dict[int, tuple[int | None, str]] = {
        i: (p, b) for i, p, b in s.execute(select(Lot.id, Lot.product_id, Lot.batch))}
    products = dict(s.execute(select(Product.id, Product.code)).all())
    wrong = []
    for key in set(ledger) | set(cached):
        if ledger.get(key, 0) != cached.get(key, 0):
            fac, lot = key
            pid, batch = lots.get(lot, (None, f"#{lot}"))
            product = products.get(pid, f"#{pid}") if pid is not None else f"#{pid}"
            wrong.append((names.get(fac, f"#{fac}"), product, batch or "",
                          cached.get(key), ledger.get(key, 0)))
    wrong.sort(key=lambda w: (w[0], w[1], w[2]))
    found = tuple(
        Finding("cache.balance",
                f"facility {fac}, product {prod}, lot {batch or '(no lot)'}: the stock "
                f"screen shows {'nothing' if got is None else got}, the ledger adds up to "
                f"{want}", fac, None,
                {"product": prod, "lot": batch, "cached": got, "ledger": want})
        for fac, prod, batch, got, want in wrong[:MAX_FINDINGS])
    return CheckResult("stock_balances", len(set(ledger) | set(cached)), len(wrong), found)


def _summary_blocks(s: Session, names: dict[int, str], only: int | None,
                    today: date) -> CheckResult:
    """The cached months of each pair not marked stale, against the pure replay.

    A block that stops before the last complete month is only behind (the next read extends
    it); the months it holds must be right.  A pair with complete months, no block and no
    stale mark would never be computed: that is reported too.
    """
    through = summaries.last_complete_period(today)
    dirty = set(s.execute(select(SummaryDirty.facility_id, SummaryDirty.product_id)).all())
    blocks = {(b.facility_id, b.product_id): b for b in s.scalars(select(SummaryBlock))}
    firsts_q = (select(MovementLine.facility_id, MovementLine.product_id,
                       func.min(MovementLine.period))
                .group_by(MovementLine.facility_id, MovementLine.product_id))
    if only is not None:
        firsts_q = firsts_q.where(MovementLine.facility_id == only)
    by_facility: dict[int, dict[int, str]] = defaultdict(dict)
    for fac, pid, first in s.execute(firsts_q):
        if (fac, pid) not in dirty and first <= through:
            by_facility[fac][pid] = first
    products = dict(s.execute(select(Product.id, Product.code)).all())
    wrong: list[Finding] = []
    checked = 0
    for fac in sorted(by_facility, key=lambda f: (names.get(f, ""), f)):
        starts = by_facility[fac]
        replayed = summaries.reference_months(s, fac, list(starts), starts, through, None)
        code = names.get(fac, f"#{fac}")
        for pid in sorted(starts, key=lambda p: products.get(p, "")):
            checked += 1
            found = _block_difference(blocks.get((fac, pid)), starts[pid], replayed[pid])
            if found is not None:
                what, params = found
                wrong.append(Finding("cache.summary",
                                     f"facility {code}, product {products.get(pid, pid)}: "
                                     f"{what}", code, None,
                                     {"product": products.get(pid), **params}))
    return CheckResult("summary_blocks", checked, len(wrong), tuple(wrong[:MAX_FINDINGS]))


def _block_difference(block: SummaryBlock | None, first: str, want: list[Any],
                      ) -> tuple[str, dict[str, Any]] | None:
    if block is None:
        return ("the monthly summaries are missing and not marked for recomputing",
                {"period": first})
    if block.first_period != first:
        return (f"the monthly summaries start in {block.first_period}, the ledger in {first}",
                {"period": first, "cached_first": block.first_period})
    got = summaries.decode(block.data)
    # months past the last complete one were summarised on a later day (a clock put right
    # since): nothing reads them today, as in summaries.verify; a shorter block is only behind
    for row, month in zip(got, want, strict=False):
        expected = (month.opening, month.received, month.consumed, month.adjustments,
                    month.closing, month.stockout_days)
        for name, have, should in zip(SUMMARY_FIELDS, row, expected, strict=True):
            if int(have) != should:
                return (f"{month.period} {name} is {int(have)} in the monthly summaries, "
                        f"{should} in the ledger",
                        {"period": month.period, "field": name, "cached": int(have),
                         "ledger": should})
    return None
