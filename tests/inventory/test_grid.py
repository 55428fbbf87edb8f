"""The numpy day grid gives exactly what the readable replay gives, for any ledger."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from stockdesk.inventory import grid
from stockdesk.inventory.kinds import Column, Kind
from stockdesk.inventory.ledger import (
    Entry,
    monthly_summaries,
    period_bounds,
    periods_between,
)

START = date(2024, 1, 1)
LOTS = {"A": date(2024, 2, 10), "B": date(2024, 5, 1), "C": None, "D": date(2023, 12, 1)}
COLS = [Column.RECEIVED, Column.CONSUMED, Column.ADJUSTED, Column.NONE]
CODE = {Column.RECEIVED: grid.COL_B, Column.CONSUMED: grid.COL_C, Column.ADJUSTED: grid.COL_D,
        Column.NONE: grid.COL_NONE}

line = st.tuples(st.integers(0, 1), st.integers(-40, 150), st.sampled_from(sorted(LOTS)),
                 st.integers(-30, 30), st.sampled_from(COLS))


@settings(max_examples=200, deadline=None)
@given(st.lists(line, max_size=40), st.integers(0, 150))
def test_grid_matches_reference_replay(items, today_offset):
    first, last = "2024-01", "2024-05"
    first_day, _ = period_bounds(first)
    _, last_day = period_bounds(last)
    today = first_day + timedelta(days=today_offset)
    periods = periods_between(first, last)
    per_series: dict[int, list[Entry]] = {0: [], 1: []}
    held: dict[tuple[int, str], int] = {}
    for n, (series, offset, lot, delta, col) in enumerate(sorted(items, key=lambda x: x[1])):
        delta = 0 if col is Column.NONE else delta  # a count line never moves stock
        delta = max(delta, -held.get((series, lot), 0))  # lots never go below zero
        held[(series, lot)] = held.get((series, lot), 0) + delta
        per_series[series].append(Entry(n, START + timedelta(days=offset), Kind.RECEIPT, lot,
                                        LOTS[lot], delta, col))
    lines = [(s, (e.occurred_on - first_day).days, e.delta, CODE[e.column], e.expiry)
             for s, es in per_series.items() for e in es if e.occurred_on >= first_day]
    opening: dict[tuple[int, str], int] = {}
    for s, es in per_series.items():
        for e in es:
            if e.occurred_on < first_day:
                opening[(s, e.lot)] = opening.get((s, e.lot), 0) + e.delta

    def off(d):
        return grid.NEVER if d is None else (d - first_day).days

    table = grid.monthly_grid(
        2, (last_day - first_day).days + 1,
        np.array([(period_bounds(p)[0] - first_day).days for p in periods]),
        grid.Lines(np.array([x[0] for x in lines], dtype=np.int64),
                   np.array([x[1] for x in lines], dtype=np.int64),
                   np.array([x[2] for x in lines], dtype=np.int64),
                   np.array([x[3] for x in lines], dtype=np.int64),
                   np.array([off(x[4]) for x in lines], dtype=np.int64)),
        grid.Opening(np.array([k[0] for k in opening], dtype=np.int64),
                     np.array(list(opening.values()), dtype=np.int64),
                     np.array([off(LOTS[k[1]]) for k in opening], dtype=np.int64)),
        (today - first_day).days)
    for s, es in per_series.items():
        want = monthly_summaries(es, first, last, through=today)
        got = [tuple(int(v) for v in table[s, m]) for m in range(len(periods))]
        assert got == [(m.opening, m.received, m.consumed, m.adjustments, m.closing,
                        m.stockout_days) for m in want]
