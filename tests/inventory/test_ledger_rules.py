"""The pure ledger rules, as small written scenarios."""

from datetime import date

from stockdesk.inventory.kinds import Column, Kind
from stockdesk.inventory.ledger import (
    Entry,
    LotBalance,
    fefo_allocate,
    first_negative,
    monthly_summaries,
    ordered,
    rank_for,
    stock_card,
    zero_stock_days,
)


def e(seq, day, kind, delta, lot="L1", expiry=None, column=None, after=None, rank=None):
    k = Kind(kind)
    col = column or {"RECEIPT": Column.RECEIVED, "ISSUE": Column.CONSUMED}.get(kind,
                                                                             Column.ADJUSTED)
    return Entry(seq, day, k, lot, expiry, delta, col,
                 rank=rank_for(k, delta) if rank is None else rank, after=after)


def test_same_day_order_receipts_then_issues_then_counts():
    d = date(2024, 3, 5)
    items = [e(1, d, "COUNT", 0), e(2, d, "ISSUE", -5), e(3, d, "RECEIPT", 10),
             e(4, d, "ADJUSTMENT", 1)]
    assert [x.kind.value for x in ordered(items)] == ["RECEIPT", "ADJUSTMENT", "ISSUE", "COUNT"]


def test_same_day_reversal_sorts_right_after_its_original():
    d = date(2024, 3, 5)
    items = [e(1, d, "ISSUE", -5), e(2, d, "ISSUE", -3), e(3, d, "REVERSAL", 5, after=1, rank=2)]
    assert [x.seq for x in ordered(items)] == [1, 3, 2]


def test_only_closing_balances_of_each_day_must_not_be_negative():
    d = date(2024, 3, 5)
    assert first_negative([e(2, d, "ISSUE", -5), e(1, d, "RECEIPT", 5)]) is None
    neg = first_negative([e(1, d, "RECEIPT", 5), e(2, date(2024, 3, 6), "ISSUE", -6)])
    assert neg is not None and neg.balance == -1 and neg.on == date(2024, 3, 6)


def test_fefo_takes_earliest_expiry_first_and_never_expired_stock():
    lots = [LotBalance("B", date(2025, 1, 1), 10), LotBalance("A", date(2024, 6, 1), 10),
            LotBalance("X", date(2024, 3, 1), 10), LotBalance("N", None, 10)]
    got = fefo_allocate(lots, 25, on=date(2024, 3, 1))
    assert [(a.lot, a.quantity) for a in got] == [("A", 10), ("B", 10), ("N", 5)]
    assert fefo_allocate(lots, 31, on=date(2024, 3, 1)) is None  # refused, never clamped


def test_stock_card_running_balances():
    card = stock_card([e(1, date(2024, 1, 1), "RECEIPT", 10, "A"),
                       e(2, date(2024, 1, 2), "RECEIPT", 5, "B"),
                       e(3, date(2024, 1, 3), "ISSUE", -4, "A")])
    assert [(r.lot_balance, r.balance) for r in card] == [(10, 10), (5, 15), (6, 11)]


def test_stockout_days_count_days_with_zero_usable_stock():
    # received on the 3rd, all issued on the 10th, lot B expires on the 20th
    items = [e(1, date(2024, 4, 3), "RECEIPT", 10, "A"),
             e(2, date(2024, 4, 10), "ISSUE", -10, "A"),
             e(3, date(2024, 4, 15), "RECEIPT", 5, "B", expiry=date(2024, 4, 20))]
    zero = zero_stock_days(items, date(2024, 4, 1), date(2024, 4, 30))
    # 10–14 (issued out), 20–30 (B expired); 1–2 do not count: not stocked yet
    assert len(zero) == 5 + 11


def test_monthly_summary_identity_and_stockout_days():
    items = [e(1, date(2024, 1, 10), "RECEIPT", 100),
             e(2, date(2024, 1, 20), "ISSUE", -100),
             e(3, date(2024, 2, 5), "RECEIPT", 50),
             e(4, date(2024, 2, 6), "LOSS", -5)]
    jan, feb = monthly_summaries(items, "2024-01", "2024-02")
    assert (jan.opening, jan.received, jan.consumed, jan.closing) == (0, 100, 100, 0)
    assert jan.stockout_days == 12  # 20–31 after the issue; not 1–9, before it was stocked
    assert (feb.opening, feb.received, feb.adjustments, feb.closing) == (0, 50, -5, 45)
    assert feb.stockout_days == 4
    for m in (jan, feb):
        assert m.closing == m.opening + m.received + m.adjustments - m.consumed


def test_stockout_days_are_not_counted_for_days_still_to_come():
    items = [e(1, date(2024, 1, 10), "RECEIPT", 100), e(2, date(2024, 1, 20), "ISSUE", -100)]
    (jan,) = monthly_summaries(items, "2024-01", "2024-01", through=date(2024, 1, 25))
    assert jan.stockout_days == 6
