"""Many new ledger lines checked against the ledger they join, in one ordered pass.

A district imports years of stock cards at once.  Checking each line as posting does (load the
product's ledger, replay it) would cost a replay per line, so here the new lines and the stored
ones are merged per facility × product in the one ledger order and replayed once:

- an outgoing line without a lot is split across lots FEFO, as :func:`.ledger.fefo_allocate`
  does: issues and transfers out take only usable stock, losses and adjustments take expired
  lots first (their expiry comes first);
- a count sees the book balance at its point of the ledger; its variance becomes a
  ``count_gain``/``count_loss`` adjustment (:func:`count_adjustments`);
- no lot may close a day below zero, the rule of :func:`.ledger.first_negative`.

Everything here works on plain tuples of ids and values, because a million lines must cost
about as much as inserting them: no objects per line, dict look-ups, heaps for FEFO.  Problems
go to a :class:`ProblemSink` with the line's row, so they point at the row of the file.
"""

from __future__ import annotations

import heapq
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple, Protocol

from stockdesk.inventory.kinds import DAY_RANK, Kind
from stockdesk.inventory.ledger import (
    NO_LOT,
    USABLE_ONLY_KINDS,
    LotBalance,
    fefo_order,
    is_expired,
    rank_for,
)

# One new line, checked on its own, as a plain tuple (a NamedTuple costs four times as much to
# build, and there is one per line of the file):
#
#   (row, day, facility, product, kind, quantity, lot, expiry, reason, reference,
#    counterparty, note, sign)
#
# ``row`` is where the line came from (1-based), for problems; ``facility`` and ``product`` are
# keys (database ids); ``quantity`` is positive as entered (a count's is the counted quantity,
# 0 allowed); ``lot`` None means FEFO for an outgoing line and the no-lot lot for an incoming
# one; ``sign`` is +1 for stock in, -1 for stock out, 0 for a count.
Record = tuple[int, date, int, int, Kind, int, str | None, date | None, str | None, str | None,
               str | None, str | None, int]

# A line already in the ledger, as the walk reads it (any sequence with these items):
#
#   (facility, product, day, movement id, line id, kind, count id, reverses id, lot, delta)
StoredLine = tuple[int, int, date, int, int, str, int | None, int | None, str, int]

LotKey = tuple[int, str]  # product, batch
Pair = tuple[int, int]  # facility, product

_NEW = 1 << 50  # sorts new movements after every stored one of the same day and rank


class ProblemSink(Protocol):
    """Where checks report an ERROR: its code and parameters, at a row and column."""

    def err(self, code: str, row: int | None, field: str | None = None, /,
            **params: Any) -> None: ...


# -- lots ----------------------------------------------------------------------------------------


def new_lots(records: Sequence[Record], expiry: dict[LotKey, date | None],
             stored: Collection[LotKey], problems: ProblemSink,
             product_codes: Mapping[int, str], facility_codes: Mapping[int, str]
             ) -> list[LotKey]:
    """The lots the records bring in, in order of first appearance; ``expiry`` gains them.

    ``expiry`` holds every known lot (stored or not) with its expiry; ``stored`` the lots
    already in the database.  Incoming and counted lines may name a new lot (without a lot:
    the no-lot lot); the first expiry given for a new lot counts, and a different expiry for a
    lot whose expiry is known is an ERROR.  An outgoing line must name a lot known somewhere.
    """
    new: list[LotKey] = []
    outgoing: list[tuple[int, int, int, str]] = []  # lots not known yet: maybe later rows
    for row, _, fac, prod, _, _, batch, given, *_, sign in records:
        if sign < 0:
            if batch is not None and (prod, batch) not in expiry:
                outgoing.append((row, fac, prod, batch))
            continue
        key: LotKey = (prod, batch or NO_LOT)
        if key not in expiry:
            expiry[key] = given
            new.append(key)
            continue
        known = expiry[key]
        if given is not None and known is not None and known != given:
            problems.err("lot.expiry_conflict", row, "expiry", lot=key[1],
                         product=product_codes[prod], known=known, given=given)
        elif known is None and given is not None and key not in stored:
            expiry[key] = given  # a new lot: the first expiry given counts
    for row, fac, prod, batch in outgoing:
        if (prod, batch) not in expiry:
            problems.err("lot.unknown", row, "lot", lot=batch, product=product_codes[prod],
                         facility=facility_codes[fac])
    return new


# (lot names in FEFO order, their expiries, each name's rank): shared by a product's pairs
FefoOrder = tuple[list[str], list[date | None], dict[str, int]]


def fefo_orders(expiry: Mapping[LotKey, date | None], products: Iterable[int]
                ) -> dict[int, FefoOrder]:
    """Per product: its lots in FEFO order (:func:`.ledger.fefo_order`), expiries, ranks."""
    lots: dict[int, list[LotBalance]] = {p: [] for p in products}
    for (pid, batch), exp in expiry.items():
        if pid in lots:
            lots[pid].append(LotBalance(batch, exp, 0))
    out = {}
    for pid, items in lots.items():
        names = [lb.lot for lb in fefo_order(items)]
        out[pid] = (names, [expiry[(pid, b)] for b in names], {b: i for i, b in enumerate(names)})
    return out


class FefoLots:
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
        """``batch`` has stock now: make sure it is in a heap."""
        r = self.rank[batch]
        if r not in self.queued:
            self.queued.add(r)
            heapq.heappush(self.fresh, r)

    def take(self, bal: dict[str, int], qty: int, day: date,
             usable_only: bool) -> list[tuple[str, int]] | None:
        """Quantities per lot, or None when the balance is short (then nothing is taken).

        ``bal`` is not changed: the caller subtracts the picks.
        """
        fresh, expiry = self.fresh, self.expiry
        while fresh:  # lots expired by now leave the fresh heap for good
            if not is_expired(expiry[fresh[0]], day):
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


# -- the walk ------------------------------------------------------------------------------------


def stored_events(stored: Iterable[StoredLine]
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


class Walk:
    """Replay each facility × product in ledger order: FEFO picks, counts, no negative lot.

    Stored lines and the new records are merged in the one ledger order (date, same-day rank,
    posting order); the new movements come after the stored ones, in record order.  Outgoing
    records without a lot take FEFO across lots with stock at that point; counts see the book
    balance at that point.  Any lot below zero at the end of a day is an ERROR.

    After :meth:`run`, :attr:`alloc` holds the lots each record takes from and :attr:`book`
    the book balance each count was compared with.
    """

    def __init__(self, problems: ProblemSink, recs: Sequence[Record], mv_of: Sequence[int],
                 expiry: Mapping[LotKey, date | None], codes: Mapping[int, str],
                 facility_codes: Mapping[int, str],
                 checkpoint: Callable[[], None] | None = None):
        """``mv_of[i]`` is the movement (0, 1, …) of record ``i``; ``expiry`` holds every lot
        of the records' products; ``codes`` and ``facility_codes`` name ids in problems;
        ``checkpoint`` is called now and then (it may raise to cancel)."""
        self.problems = problems
        self.codes = codes
        self.facility_codes = facility_codes
        self.recs = recs
        self.mv_of = mv_of
        self.expiry = expiry
        self.checkpoint = checkpoint
        # record -> FEFO picks: the lot when one lot covers it, else [(lot, quantity), …]
        self.alloc: list[str | list[tuple[str, int]] | None] = [None] * len(recs)
        self.book: dict[int, int] = {}  # COUNT record -> book balance it was compared with

    def pairs(self) -> set[Pair]:
        """Only pairs with something outgoing or counted can go wrong or need picks."""
        return {(r[2], r[3]) for r in self.recs if r[12] < 0 or r[4] is Kind.COUNT}

    def run(self, stored: Iterable[StoredLine]) -> None:
        """Walk every pair of :meth:`pairs`; ``stored`` holds their lines in the ledger."""
        self.run_in_parts(lambda _pairs: stored, part=None)

    def run_in_parts(self, stored_for: Callable[[list[Pair]], Iterable[StoredLine]],
                     part: int | None = 50) -> None:
        """Walk the pairs a few at a time, each facility's in parts of ``part`` pairs (all
        pairs at once when None); ``stored_for(pairs)`` gives the lines in the ledger of those
        pairs only.

        A pair's events are built only when it is walked, and the stored ledger is read a part
        at a time: a file of millions of lines, or a ledger of millions of lines already
        stored, would otherwise cost about 150 bytes (a stored line 600) per line at once.
        """
        pairs = self.pairs()
        if not pairs:
            return
        records: dict[Pair, array[int]] = {}  # each pair's records, in record order
        for idx, r in enumerate(self.recs):
            pair = (r[2], r[3])
            if pair in pairs:
                found = records.get(pair)
                if found is None:
                    found = records[pair] = array("q")
                found.append(idx)
        counted: dict[tuple[int, int, str, date], int] = {}
        orders = fefo_orders(self.expiry, {p for _, p in pairs})
        n = 0
        for group in _parts(list(records), part):
            old: dict[Pair, list[tuple[Any, ...]]] = defaultdict(list)
            for key, payload in stored_events(stored_for(group)):
                old[key[:2]].append((*key[2:], payload))
            for pair in group + [pair for pair in old if pair not in records]:
                if n % 100 == 0 and self.checkpoint is not None:
                    self.checkpoint()
                n += 1
                items = old.pop(pair, [])
                items.extend(self._events(records.pop(pair, ())))
                items.sort()
                self._walk_pair(items, FefoLots(*orders[pair[1]]), pair[1], counted)

    def _events(self, indices: Iterable[int]) -> Iterator[tuple[Any, ...]]:
        """New records as walk events: (day, rank, seq, record index, None)."""
        recs, mv_of = self.recs, self.mv_of
        for idx in indices:
            r = recs[idx]
            yield r[1], DAY_RANK[r[4]], _NEW + mv_of[idx], idx, None

    def _walk_pair(self, items: list[tuple[Any, ...]], fefo: FefoLots, prod: int,
                   counted: dict[tuple[int, int, str, date], int]) -> None:
        """One pair's entries in ledger order; lots taken from are checked at each day's end."""
        bal: dict[str, int] = defaultdict(int)
        last_row: dict[str, int] = {}  # the row that last touched each lot
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
            row, kind, qty, batch, sign = r[0], r[4], r[5], r[6], r[12]  # faster than unpacking
            if kind is Kind.COUNT:
                batch = batch or NO_LOT
                key = (r[2], prod, batch, day)
                if key in counted:
                    self.problems.err("count.duplicate_lot", row, "lot",
                                      lot=batch or "(no lot)", product=self._code(prod))
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
                self.problems.err("ledger.negative_balance", row, "quantity" if row else None,
                                  lot=batch or "(no lot)", product=self._code(prod),
                                  balance=bal[batch], date=day)
        taken.clear()

    def _fefo(self, idx: int, r: Record, bal: dict[str, int], last_row: dict[str, int],
              fefo: FefoLots, prod: int, day: date) -> None:
        """Pick lots for an outgoing record without one; the usual case (one lot) goes first."""
        row, kind, qty = r[0], r[4], r[5]
        usable_only = kind in USABLE_ONLY_KINDS
        fresh = fefo.fresh
        if fresh and (usable_only or not fefo.expired):
            exp = fefo.expiry[fresh[0]]
            batch = fefo.batches[fresh[0]]
            if (exp is None or exp > day) and bal[batch] >= qty:  # not is_expired, inlined
                bal[batch] -= qty
                last_row[batch] = row
                self.alloc[idx] = batch
                return
        picks = fefo.take(bal, qty, day, usable_only)
        if picks is None:
            self.problems.err("issue.exceeds_balance", row, "quantity", quantity=qty,
                              product=self._code(prod), lot_text="", lot=None, date=day,
                              balance=self._usable(bal, fefo, day, kind))
            return
        self.alloc[idx] = picks
        for b, take in picks:
            bal[b] -= take
            last_row[b] = row

    def _explicit(self, r: Record, bal: dict[str, int], prod: int, day: date) -> None:
        """An outgoing record that names its lot: the lot must be here and, if issued, usable."""
        row, kind, qty, batch = r[0], r[4], r[5], r[6]
        assert batch is not None
        if batch not in bal:  # known elsewhere, never here
            self.problems.err("lot.unknown", row, "lot", lot=batch, product=self._code(prod),
                              facility=self.facility_codes.get(r[2], "?"))
            return
        exp = self.expiry.get((prod, batch))
        if kind in USABLE_ONLY_KINDS and is_expired(exp, day):
            self.problems.err("issue.expired_lot", row, "lot", lot=batch,
                              product=self._code(prod), expiry=exp, date=day)
            return
        bal[batch] -= qty

    @staticmethod
    def _usable(bal: dict[str, int], fefo: FefoLots, day: date, kind: Kind) -> int:
        """What the record could have taken: every lot's stock, expired ones only if allowed."""
        usable_only = kind in USABLE_ONLY_KINDS
        return sum(
            max(b, 0) for batch, b in bal.items()
            if not (usable_only and is_expired(fefo.expiry[fefo.rank[batch]], day))
        )

    def _code(self, prod: int) -> str:
        return self.codes.get(prod, str(prod))


def _parts(pairs: list[Pair], part: int | None) -> Iterator[list[Pair]]:
    """``pairs`` in order, or each facility's pairs (facilities in order) ``part`` at a time."""
    if part is None:
        yield pairs
        return
    by_facility: dict[int, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_facility[pair[0]].append(pair)
    for group in by_facility.values():
        for i in range(0, len(group), part):
            yield group[i:i + part]


# -- counts ------------------------------------------------------------------------------------


class CountAdjustment(NamedTuple):
    """The variance of one counted movement in one direction, as its adjustment movement."""

    count_movement: int  # the movement (index) of the count
    reason: str  # count_gain or count_loss
    first: int  # the first record of the count with a variance: date, facility, reference
    lines: list[tuple[int, str, int]]  # (product, lot, signed variance)


def count_adjustments(recs: Sequence[Record], mv_of: Sequence[int],
                      book: Mapping[int, int]) -> list[CountAdjustment]:
    """Adjustments for counts that differ from the book, as ``LedgerService.count`` posts them.

    ``book`` maps each count record to the book balance it was compared with
    (:attr:`Walk.book`).  A counted movement gets one ``count_gain`` and one ``count_loss``
    adjustment at most, gains first; counts without a variance get none.
    """
    by_count: dict[int, dict[str, list[tuple[int, str, int]]]] = defaultdict(
        lambda: {"count_gain": [], "count_loss": []})
    first: dict[int, int] = {}
    for idx, balance in book.items():
        r = recs[idx]
        variance = r[5] - balance
        if variance:
            m = mv_of[idx]
            first.setdefault(m, idx)
            reason = "count_gain" if variance > 0 else "count_loss"
            by_count[m][reason].append((r[3], r[6] or NO_LOT, variance))
    return [CountAdjustment(m, reason, first[m], lines)
            for m in sorted(by_count) for reason, lines in by_count[m].items() if lines]
