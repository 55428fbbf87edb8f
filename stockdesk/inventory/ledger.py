"""The pure ledger: ordering, replay, balances, FEFO, stockout days and monthly summaries.

Everything here works on plain ``Entry`` values of one facility and one product, so it can be
tested as small written scenarios and used by services on rows loaded from any database.
Screens use SQL aggregates for speed; this replay is the reference they are checked against.
"""

from __future__ import annotations

import calendar
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from stockdesk.inventory.kinds import DAY_RANK, Column, Kind


@dataclass(frozen=True, slots=True)
class Entry:
    """One ledger line as the pure code sees it.

    ``seq`` is the posting order (the movement id); ``rank`` the same-day order of
    :data:`DAY_RANK`; for a reversal posted on its original's day, ``after`` holds the
    original's ``seq`` and ``rank`` the original's rank, so that it sorts right after it (a
    correction's replacement likewise follows its reversal).
    """

    seq: int
    occurred_on: date
    kind: Kind
    lot: str
    expiry: date | None
    delta: int
    column: Column
    rank: int = 0
    after: int | None = None
    counted: int | None = None  # COUNT lines: the quantity seen on the shelf
    reference: str | None = None
    user: str | None = None
    movement_id: int | None = None

    @property
    def sort_key(self) -> tuple[date, int, int, int, int]:
        if self.after is not None:
            return (self.occurred_on, self.rank, self.after, 1, self.seq)
        return (self.occurred_on, self.rank, self.seq, 0, self.seq)


def ordered(entries: Iterable[Entry]) -> list[Entry]:
    """Entries in the one order the ledger is read in (see :data:`DAY_RANK`)."""
    return sorted(entries, key=lambda e: e.sort_key)


def rank_for(kind: Kind, delta: int, *, closes_count: bool = False) -> int:
    """Same-day rank; a reversal posted on a later day ranks by the sign of its effect.

    A count's variance adjustment (``closes_count``) stands with the count, at the end of day.
    """
    if closes_count:
        return DAY_RANK[Kind.COUNT]
    if kind is Kind.REVERSAL:
        return DAY_RANK[Kind.RECEIPT] if delta > 0 else DAY_RANK[Kind.ISSUE]
    return DAY_RANK[kind]


def is_expired(expiry: date | None, on: date) -> bool:
    """A lot is usable up to the day before its expiry date (FIELD.md AC-12)."""
    return expiry is not None and expiry <= on


# The batch name of stock received without a lot: it is one more lot of the product.
NO_LOT = ""

# Kinds that may take only usable stock: expired lots are never issued or sent on, while a
# loss or an adjustment may take them (that is how expired stock leaves the books).
USABLE_ONLY_KINDS = frozenset({Kind.ISSUE, Kind.TRANSFER_OUT})


# ---------------------------------------------------------------------------------------------
# Balances


@dataclass(frozen=True, slots=True)
class LotBalance:
    lot: str
    expiry: date | None
    balance: int


def lot_balances(entries: Iterable[Entry], as_of: date | None = None) -> list[LotBalance]:
    """Balance of each lot at the end of ``as_of`` (all entries when None), FEFO order."""
    totals: dict[str, int] = defaultdict(int)
    expiries: dict[str, date | None] = {}
    for e in entries:
        if as_of is not None and e.occurred_on > as_of:
            continue
        totals[e.lot] += e.delta
        expiries.setdefault(e.lot, e.expiry)
    lots = [LotBalance(lot, expiries[lot], bal) for lot, bal in totals.items()]
    return fefo_order(lots)


def fefo_order(lots: Iterable[LotBalance]) -> list[LotBalance]:
    """First expiry first out; lots without an expiry go last, then by lot name."""
    return sorted(lots, key=lambda lb: (lb.expiry is None, lb.expiry or date.max, lb.lot))


def usable(lots: Iterable[LotBalance], on: date) -> int:
    return sum(lb.balance for lb in lots if lb.balance > 0 and not is_expired(lb.expiry, on))


@dataclass(frozen=True, slots=True)
class Allocation:
    lot: str
    expiry: date | None
    quantity: int


def fefo_allocate(lots: Sequence[LotBalance], quantity: int, on: date) -> list[Allocation] | None:
    """Split ``quantity`` across non-expired lots, earliest expiry first.

    Returns None when the usable balance is short: an issue is refused, never clamped.
    """
    remaining = quantity
    out: list[Allocation] = []
    for lb in fefo_order(lots):
        if remaining == 0:
            break
        if lb.balance <= 0 or is_expired(lb.expiry, on):
            continue
        take = min(lb.balance, remaining)
        out.append(Allocation(lb.lot, lb.expiry, take))
        remaining -= take
    return out if remaining == 0 else None


# ---------------------------------------------------------------------------------------------
# Replay: stock card and negative-balance check


@dataclass(frozen=True, slots=True)
class CardRow:
    entry: Entry
    lot_balance: int
    balance: int


def stock_card(entries: Iterable[Entry]) -> list[CardRow]:
    """The stock card: every entry in ledger order with the lot and product running balance."""
    lot_bal: dict[str, int] = defaultdict(int)
    total = 0
    rows = []
    for e in ordered(entries):
        lot_bal[e.lot] += e.delta
        total += e.delta
        rows.append(CardRow(e, lot_bal[e.lot], total))
    return rows


@dataclass(frozen=True, slots=True)
class NegativeBalance:
    lot: str
    on: date
    balance: int


def first_negative(entries: Iterable[Entry]) -> NegativeBalance | None:
    """The first day at whose end a lot's balance is below zero, if any.

    Checked at the end of each day: the same-day order is a convention for reading the card,
    not something a pharmacist can be held to, so only closing balances must not be negative.
    """
    lot_bal: dict[str, int] = defaultdict(int)
    by_day: dict[date, list[Entry]] = defaultdict(list)
    for e in entries:
        by_day[e.occurred_on].append(e)
    for day in sorted(by_day):
        touched = set()
        for e in by_day[day]:
            lot_bal[e.lot] += e.delta
            touched.add(e.lot)
        for lot in sorted(touched):
            if lot_bal[lot] < 0:
                return NegativeBalance(lot, day, lot_bal[lot])
    return None


# ---------------------------------------------------------------------------------------------
# Periods and monthly summaries (FIELD.md AC-01)


@functools.lru_cache(maxsize=8192)
def period_of(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a ``YYYY-MM`` period."""
    year, month = int(period[:4]), int(period[5:7])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def days_in_period(period: str) -> int:
    first, last = period_bounds(period)
    return (last - first).days + 1


def next_period(period: str) -> str:
    year, month = int(period[:4]), int(period[5:7])
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"


def periods_between(first: str, last: str) -> list[str]:
    out = []
    p = first
    while p <= last:
        out.append(p)
        p = next_period(p)
    return out


@dataclass(frozen=True, slots=True)
class MonthSummary:
    """One R&R-style month: ``E = A + B + D − C`` always holds; X counts stockout days."""

    period: str
    opening: int  # A
    received: int  # B
    consumed: int  # C
    adjustments: int  # D, signed
    closing: int  # E
    stockout_days: int  # X, days whose usable closing balance was 0 (up to ``through``)


@dataclass
class _Acc:
    received: int = 0
    consumed: int = 0
    adjustments: int = 0


@dataclass
class _Usable:
    """Usable stock through time: lot balances, with each lot dropping out at its expiry."""

    lot_bal: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    lot_exp: dict[str, date | None] = field(default_factory=dict)

    def value(self, on: date) -> int:
        return sum(
            b for lot, b in self.lot_bal.items() if b > 0 and not is_expired(self.lot_exp[lot], on)
        )


def zero_stock_days(entries: Iterable[Entry], first: date, last: date) -> set[date]:
    """Days in ``[first, last]`` whose usable closing balance was zero.

    Expired stock is not usable: the day a lot expires its balance stops counting.  Days
    before the first entry do not count: a product is not stocked out before it is stocked.  Walks
    only the days on which something changes (a movement or an expiry), so it costs the number
    of events, not the number of days.
    """
    if last < first:
        return set()
    items = list(entries)
    if not items:
        return set()
    # days before the product's first entry are not stockouts: it was not in the books yet
    first = max(first, min(e.occurred_on for e in items))
    if last < first:
        return set()
    entries = items
    state = _Usable()
    by_day: dict[date, list[Entry]] = defaultdict(list)
    for e in entries:
        by_day[e.occurred_on].append(e)
        state.lot_exp.setdefault(e.lot, e.expiry)
    events = sorted(set(by_day) | {x for x in state.lot_exp.values() if x is not None})
    zero: set[date] = set()
    cursor = first
    # apply everything before the window first
    for day in events:
        if day >= first:
            break
        for e in by_day.get(day, ()):
            state.lot_bal[e.lot] += e.delta
    current = state.value(first - timedelta(days=1)) if events else 0
    # now walk the window, event day by event day
    window_events = [d for d in events if first <= d <= last]
    for day in window_events:
        # days between the cursor and this event keep the current balance
        if current <= 0:
            zero.update(_days(cursor, day - timedelta(days=1)))
        for e in by_day.get(day, ()):
            state.lot_bal[e.lot] += e.delta
        current = state.value(day)
        if current <= 0:
            zero.add(day)
        cursor = day + timedelta(days=1)
    if current <= 0:
        zero.update(_days(cursor, last))
    # balances can only change on event days; between them, expiry can't either (events hold
    # every expiry date), so the walk above is exact.
    return zero


def _days(a: date, b: date) -> list[date]:
    return [a + timedelta(days=i) for i in range((b - a).days + 1)] if b >= a else []


def monthly_summaries(
    entries: Iterable[Entry],
    first_period: str,
    last_period: str,
    through: date | None = None,
) -> list[MonthSummary]:
    """A, B, C, D, E and X of one product at one facility for each month of the range.

    ``through`` (usually today) stops stockout days from being counted for days that have not
    happened yet.
    """
    items = list(entries)
    start, _ = period_bounds(first_period)
    _, end = period_bounds(last_period)
    through = min(end, through) if through else end
    opening = sum(e.delta for e in items if e.occurred_on < start)
    acc: dict[str, _Acc] = defaultdict(_Acc)
    for e in items:
        if e.occurred_on < start or e.occurred_on > end:
            continue
        a = acc[period_of(e.occurred_on)]
        if e.column is Column.RECEIVED:
            a.received += e.delta
        elif e.column is Column.CONSUMED:
            a.consumed -= e.delta
        elif e.column is Column.ADJUSTED:
            a.adjustments += e.delta
    zero = zero_stock_days(items, start, through)
    zero_by_period: dict[str, int] = defaultdict(int)
    for d in zero:
        zero_by_period[period_of(d)] += 1
    out = []
    for p in periods_between(first_period, last_period):
        a = acc[p]
        closing = opening + a.received + a.adjustments - a.consumed
        out.append(
            MonthSummary(p, opening, a.received, a.consumed, a.adjustments, closing,
                         zero_by_period[p])
        )
        opening = closing
    return out

