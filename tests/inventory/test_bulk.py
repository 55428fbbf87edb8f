"""The bulk ledger check (imports), as small written scenarios and against the one-line rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from stockdesk.inventory.bulk import (
    FefoLots,
    Record,
    Walk,
    count_adjustments,
    fefo_orders,
    new_lots,
    stored_events,
)
from stockdesk.inventory.kinds import KIND_SIGN, Column, Kind
from stockdesk.inventory.ledger import (
    Entry,
    LotBalance,
    fefo_allocate,
    first_negative,
    rank_for,
)

D = date(2024, 3, 1)
HC, AMOX = 1, 10  # facility and product ids
CODES = {AMOX: "AMOX250"}
FACILITIES = {HC: "HC01"}


class Sink:
    """Collects what the checks report: (code, row, field, params)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, int | None, str | None, dict[str, Any]]] = []

    def err(self, code: str, row: int | None, field: str | None = None, /,
            **params: Any) -> None:
        self.items.append((code, row, field, params))

    @property
    def codes(self) -> list[tuple[str, int | None]]:
        return [(code, row) for code, row, _, _ in self.items]


def rec(row: int, day: date, kind: str, qty: int, lot: str | None = None,
        expiry: date | None = None, *, prod: int = AMOX, sign: int | None = None) -> Record:
    k = Kind(kind)
    return (row, day, HC, prod, k, qty, lot, expiry, None, None, None, None,
            KIND_SIGN[k] if sign is None else sign)


def walk(recs: list[Record], expiry: Mapping[tuple[int, str], date | None],
         stored: Sequence[Any] = ()) -> tuple[Walk, Sink]:
    sink = Sink()
    w = Walk(sink, recs, list(range(len(recs))), expiry, CODES, FACILITIES)
    w.run(stored)
    return w, sink


def picks(w: Walk, idx: int) -> list[tuple[str, int]] | None:
    found = w.alloc[idx]
    if isinstance(found, str):
        return [(found, w.recs[idx][5])]
    return found


# -- FEFO ------------------------------------------------------------------------------------


def test_issues_without_a_lot_take_the_earliest_usable_expiry_first():
    expiry = {(AMOX, "LATE"): date(2025, 1, 1), (AMOX, "SOON"): date(2024, 6, 1),
              (AMOX, "GONE"): date(2024, 3, 2), (AMOX, ""): None}
    recs = [rec(2, D, "RECEIPT", 10, "LATE"), rec(3, D, "RECEIPT", 10, "SOON"),
            rec(4, D, "RECEIPT", 10, "GONE"), rec(5, D, "RECEIPT", 10, None),
            rec(6, D + timedelta(days=1), "ISSUE", 25)]
    w, sink = walk(recs, expiry)
    assert sink.items == []
    assert picks(w, 4) == [("SOON", 10), ("LATE", 10), ("", 5)]  # GONE expired that day


def test_one_lot_that_covers_the_issue_is_stored_as_its_name():
    w, _ = walk([rec(2, D, "RECEIPT", 10, "A"), rec(3, D, "ISSUE", 4)], {(AMOX, "A"): None})
    assert w.alloc == [None, "A"]


def test_losses_take_expired_stock_first_issues_never():
    expiry = {(AMOX, "OLD"): date(2024, 3, 2), (AMOX, "NEW"): date(2025, 1, 1)}
    later = D + timedelta(days=5)
    recs = [rec(2, D, "RECEIPT", 10, "OLD"), rec(3, D, "RECEIPT", 10, "NEW"),
            rec(4, later, "LOSS", 12), rec(5, later, "ISSUE", 9)]
    w, sink = walk(recs, expiry)
    assert picks(w, 2) == [("OLD", 10), ("NEW", 2)]
    assert sink.codes == [("issue.exceeds_balance", 5)]
    assert sink.items[0][3]["balance"] == 8  # only usable stock counts for an issue


def test_an_issue_larger_than_the_balance_is_refused_not_clamped():
    w, sink = walk([rec(2, D, "RECEIPT", 10, "A"), rec(3, D, "ISSUE", 11)],
                   {(AMOX, "A"): None})
    assert sink.items == [("issue.exceeds_balance", 3, "quantity",
                           {"quantity": 11, "product": "AMOX250", "lot_text": "", "lot": None,
                            "date": D, "balance": 10})]
    assert w.alloc[1] is None


def test_fefo_lots_put_back_what_a_refused_take_emptied():
    lots = FefoLots(["A", "B"], [None, None], {"A": 0, "B": 1})
    bal = {"A": 3, "B": 4}
    lots.stocked("A")
    lots.stocked("B")
    assert lots.take(bal, 8, D, usable_only=True) is None
    assert lots.take(bal, 7, D, usable_only=True) == [("A", 3), ("B", 4)]


def test_fefo_orders_follow_the_one_fefo_order():
    expiry = {(AMOX, "N"): None, (AMOX, "B"): date(2025, 1, 1), (AMOX, "A"): date(2025, 1, 1),
              (AMOX, "X"): date(2024, 1, 1), (99, "Z"): None}
    names, expiries, rank = fefo_orders(expiry, [AMOX])[AMOX]
    assert names == ["X", "A", "B", "N"]
    assert expiries == [date(2024, 1, 1), date(2025, 1, 1), date(2025, 1, 1), None]
    assert rank == {"X": 0, "A": 1, "B": 2, "N": 3}


# -- balances at the end of the day ------------------------------------------------------------


def test_a_lot_may_dip_below_zero_within_a_day_but_not_at_its_end():
    expiry = {(AMOX, "A"): None}
    ok = [rec(2, D, "ISSUE", 5, "A", sign=-1), rec(3, D, "RECEIPT", 5, "A")]
    assert walk([rec(1, D - timedelta(days=1), "RECEIPT", 1, "A"), *ok], expiry)[1].items == []
    _, sink = walk([rec(2, D, "RECEIPT", 5, "A"), rec(3, D, "ISSUE", 6, "A"),
                    rec(4, D + timedelta(days=1), "ISSUE", 1, "A")], expiry)
    # reported once, at the row that last touched the lot that day
    assert sink.items == [("ledger.negative_balance", 3, "quantity",
                           {"lot": "A", "product": "AMOX250", "balance": -1, "date": D})]


def test_stored_lines_count_and_a_stored_lot_is_blamed_on_no_row():
    stored = [(HC, AMOX, D, 1, 1, "RECEIPT", None, None, "A", 5),
              (HC, AMOX, D + timedelta(days=2), 2, 2, "ISSUE", None, None, "A", -5)]
    recs = [rec(7, D + timedelta(days=1), "ISSUE", 3, "A")]  # backdated: the stored issue fails
    _, sink = walk(recs, {(AMOX, "A"): None}, stored)
    assert sink.items == [("ledger.negative_balance", 7, "quantity",
                           {"lot": "A", "product": "AMOX250", "balance": -3,
                            "date": D + timedelta(days=2)})]


def test_an_outgoing_lot_must_have_been_here_and_usable():
    expiry = {(AMOX, "A"): date(2024, 3, 2), (AMOX, "B"): None}
    recs = [rec(2, D, "RECEIPT", 5, "A"), rec(3, D + timedelta(days=1), "ISSUE", 1, "A"),
            rec(4, D + timedelta(days=1), "ISSUE", 1, "B"),
            rec(5, D + timedelta(days=1), "LOSS", 1, "A")]
    _, sink = walk(recs, expiry)
    assert sink.codes == [("issue.expired_lot", 3), ("lot.unknown", 4)]


# -- counts --------------------------------------------------------------------------------------


def test_a_count_sees_the_book_balance_at_its_point_and_sets_the_lot():
    expiry = {(AMOX, "A"): None, (AMOX, "B"): None}
    recs = [rec(2, D, "RECEIPT", 10, "A"), rec(3, D, "COUNT", 7, "A"),
            rec(4, D, "ISSUE", 2, "A"),  # same day: the count closes the day, after this
            rec(5, D, "COUNT", 3, "B"),
            rec(6, D + timedelta(days=1), "ISSUE", 7)]
    w, sink = walk(recs, expiry)
    assert sink.items == []
    assert w.book == {1: 8, 3: 0}
    assert picks(w, 4) == [("A", 7)]
    adjustments = count_adjustments(w.recs, [0, 1, 2, 1, 3], w.book)
    assert [(a.count_movement, a.reason, a.first, a.lines) for a in adjustments] == [
        (1, "count_gain", 1, [(AMOX, "B", 3)]),  # both dated by the count's first variance
        (1, "count_loss", 1, [(AMOX, "A", -1)]),
    ]


def test_a_lot_counted_twice_on_one_day_is_an_error():
    recs = [rec(2, D, "COUNT", 5, "A"), rec(3, D, "COUNT", 6, "A")]
    _, sink = walk(recs, {(AMOX, "A"): None})
    assert sink.codes == [("count.duplicate_lot", 3)]


def test_counts_that_match_the_book_need_no_adjustment():
    w, _ = walk([rec(2, D, "RECEIPT", 4, None), rec(3, D, "COUNT", 4, None)], {(AMOX, ""): None})
    assert w.book == {1: 4}
    assert count_adjustments(w.recs, [0, 1], w.book) == []


# -- stored lines and lots -------------------------------------------------------------------------


def test_stored_events_keep_a_same_day_reversal_right_after_its_original():
    later = D + timedelta(days=1)
    stored = [(HC, AMOX, D, 5, 50, "ISSUE", None, None, "A", -3),
              (HC, AMOX, D, 9, 90, "REVERSAL", None, 5, "A", 3),  # same day: after issue 5
              (HC, AMOX, later, 11, 110, "REVERSAL", None, 5, "A", 3),  # later: ranks as in
              (HC, AMOX, D, 12, 120, "ADJUSTMENT", 8, None, "A", 1)]  # a count's variance
    keys = [key for key, _ in stored_events(stored)]
    assert keys == [(HC, AMOX, D, rank_for(Kind.ISSUE, -3), 5, 50),
                    (HC, AMOX, D, rank_for(Kind.ISSUE, -3), 5, 90),
                    (HC, AMOX, later, rank_for(Kind.RECEIPT, 3), 11, 110),
                    (HC, AMOX, D, rank_for(Kind.COUNT, 0), 12, 120)]


def test_new_lots_take_the_first_expiry_given_and_refuse_another():
    expiry: dict[tuple[int, str], date | None] = {(AMOX, "OLD"): None}
    recs = [rec(2, D, "RECEIPT", 1, "NEW"), rec(3, D, "RECEIPT", 1, "NEW", date(2025, 1, 1)),
            rec(4, D, "RECEIPT", 1, "NEW", date(2026, 1, 1)),
            rec(5, D, "RECEIPT", 1, "OLD", date(2025, 1, 1)),  # stored without: stays so
            rec(6, D, "ISSUE", 1, "NOPE"), rec(7, D, "ISSUE", 1), rec(8, D, "COUNT", 0)]
    sink = Sink()
    new = new_lots(recs, expiry, {(AMOX, "OLD")}, sink, CODES, FACILITIES)
    assert new == [(AMOX, "NEW"), (AMOX, "")]
    assert expiry == {(AMOX, "OLD"): None, (AMOX, "NEW"): date(2025, 1, 1), (AMOX, ""): None}
    assert sink.codes == [("lot.expiry_conflict", 4), ("lot.unknown", 6)]


# -- the same rules as the one-line functions of inventory.ledger ------------------------------

LOTS = ["A", "B", "C", ""]
EXPIRIES = st.sampled_from([None, D + timedelta(days=3), D + timedelta(days=8),
                            D + timedelta(days=20)])
STEPS = st.lists(st.tuples(st.integers(0, 3), st.booleans(), st.sampled_from(LOTS),
                           st.integers(1, 30)), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({lot: EXPIRIES for lot in LOTS}), STEPS)
def test_fefo_picks_are_those_of_fefo_allocate(expiries, steps):
    """Issues without a lot: the walk's picks are ``fefo_allocate`` over the balances then."""
    expiry = {(AMOX, lot): exp for lot, exp in expiries.items()}
    recs: list[Record] = []
    day = D
    for gap, incoming, lot, qty in steps:
        day += timedelta(days=gap)
        recs.append(rec(len(recs) + 2, day, "RECEIPT" if incoming else "ISSUE", qty,
                        lot if incoming else None))
    w, sink = walk(recs, expiry)
    refused = {row for code, row, _, _ in sink.items if code == "issue.exceeds_balance"}
    assert len(sink.items) == len(refused)
    bal = dict.fromkeys(LOTS, 0)
    order = sorted(range(len(recs)), key=lambda i: (recs[i][1], recs[i][12] < 0, i))
    for i in order:
        row, on, _, _, kind, qty, lot, *_ = recs[i]
        if kind is Kind.RECEIPT:
            assert lot is not None
            bal[lot] += qty
            continue
        lots = [LotBalance(name, expiries[name], b) for name, b in bal.items()]
        expected = fefo_allocate(lots, qty, on)
        if expected is None:
            assert row in refused and w.alloc[i] is None
            continue
        assert row not in refused
        assert picks(w, i) == [(a.lot, a.quantity) for a in expected]
        for a in expected:
            bal[a.lot] -= a.quantity


@settings(max_examples=200, deadline=None)
@given(STEPS)
def test_the_first_negative_lot_is_that_of_first_negative(steps):
    """Named lots only: the first lot reported below zero is what ``first_negative`` finds."""
    recs = [rec(1, D, "RECEIPT", 1, lot) for lot in LOTS]
    day = D
    for gap, incoming, lot, qty in steps:
        day += timedelta(days=gap)
        recs.append(rec(len(recs) + 1, day, "RECEIPT" if incoming else "LOSS", qty, lot))
    _, sink = walk(recs, dict.fromkeys(((AMOX, lot) for lot in LOTS), None))
    entries = [Entry(seq=i, occurred_on=r[1], kind=r[4], lot=r[6] or "", expiry=None,
                     delta=r[12] * r[5], column=Column.NONE, rank=rank_for(r[4], r[12] * r[5]))
               for i, r in enumerate(recs)]
    neg = first_negative(entries)
    if neg is None:
        assert sink.items == []
    else:
        code, _, _, params = sink.items[0]
        lot = "" if params["lot"] == "(no lot)" else params["lot"]
        assert (code, lot, params["date"], params["balance"]) == (
            "ledger.negative_balance", neg.lot, neg.on, neg.balance)


PAIR_STEPS = st.lists(st.tuples(st.integers(0, 2),
                                st.sampled_from([(1, AMOX), (1, 11), (2, AMOX)]),
                                st.sampled_from(["RECEIPT", "ISSUE", "LOSS", "COUNT"]),
                                st.sampled_from(["A", "B", None]), st.integers(0, 12)),
                      min_size=1, max_size=40)


@settings(max_examples=100, deadline=None)
@given(PAIR_STEPS, st.integers(1, 3))
def test_walking_a_few_pairs_at_a_time_finds_what_walking_all_at_once_finds(steps, part):
    """A big import walks each facility's pairs a few at a time, reading only their stored
    lines: the picks, book balances and problems are those of one walk over everything."""
    expiry = {(p, lot): None for p in (AMOX, 11) for lot in LOTS}
    stored = [(fac, prod, D, 1 + i, 1 + i, "RECEIPT", None, None, "A", 5)
              for i, (fac, prod) in enumerate([(1, AMOX), (2, AMOX), (1, 11)])]
    recs: list[Record] = []
    day = D
    for gap, (fac, prod), kind, lot, qty in steps:
        day += timedelta(days=gap)
        k = Kind(kind)
        recs.append((len(recs) + 2, day, fac, prod, k, qty or (k is not Kind.COUNT), lot, None,
                     None, None, None, None, KIND_SIGN[k]))
    codes = {AMOX: "AMOX250", 11: "ORS"}
    facilities = {1: "HC01", 2: "HC02"}
    whole_sink, parts_sink = Sink(), Sink()
    whole = Walk(whole_sink, recs, list(range(len(recs))), expiry, codes, facilities)
    whole.run([s for s in stored if (s[0], s[1]) in whole.pairs()])  # as imports did
    asked: list[list[tuple[int, int]]] = []

    def stored_for(pairs: list[tuple[int, int]]) -> list[Any]:
        asked.append(pairs)
        return [s for s in stored if (s[0], s[1]) in pairs]

    parts = Walk(parts_sink, recs, list(range(len(recs))), expiry, codes, facilities)
    parts.run_in_parts(stored_for, part)
    assert parts.alloc == whole.alloc
    assert parts.book == whole.book
    assert sorted(parts_sink.items, key=repr) == sorted(whole_sink.items, key=repr)
    assert all(len(pairs) <= part and len({f for f, _ in pairs}) == 1 for pairs in asked)
