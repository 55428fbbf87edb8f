"""The district kernel gives exactly the scalar path's answers (profiles, status, levels,
projection), series by series, including on every boundary."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockdesk.forecast.district_status import STATUS_ORDER, DistrictStatus, district_status
from stockdesk.forecast.levels import Levels, max_quantity, order_quantity
from stockdesk.forecast.profiles import PROFILES, MonthInput, average_consumption, get_profile
from stockdesk.forecast.projection import project_stockout
from stockdesk.forecast.status import Status, months_of_stock, stock_status

AS_OF = date(2024, 3, 31)
NAN = math.nan
Row = tuple[list[float], list[float], int, str, float, float, float]


def scalar(consumed: list[float], stockout: list[float], days: list[int], soh: int,
           profile: str, max_mos: float, min_mos: float, eop_mos: float,
           horizon: int = 730) -> tuple:
    """The reference: one series through the scalar functions, as the kernel reports it."""
    months = [MonthInput(f"2024-{i + 1:02d}", int(c), None if math.isnan(x) else int(x), d)
              for i, (c, x, d) in enumerate(zip(consumed, stockout, days, strict=True))
              if not math.isnan(c)]
    p = average_consumption(get_profile(profile), months).value
    levels = Levels(max_mos=max_mos, min_mos=min_mos, eop_mos=eop_mos)
    status = stock_status(soh, p, levels).value
    if p is None:
        return (None, None, status, -1, -1, -1)
    mos = months_of_stock(soh, p).value
    h = max_quantity(p, max_mos).value
    i = order_quantity(h, soh).value
    out = project_stockout(soh, AS_OF, p, horizon_days=horizon).value
    return (float(p), mos, status, h, i, -1 if out is None else (out - AS_OF).days)


def kernel_row(r: DistrictStatus, j: int) -> tuple:
    def opt(x: float) -> float | None:
        return None if math.isnan(x) else float(x)

    return (opt(r.amc[j]), opt(r.mos[j]), r.status[j], int(r.max_quantity[j]),
            int(r.order_quantity[j]), int(r.stockout_day[j]))


def run(rows: list[Row], days: list[int], horizon: int = 730) -> DistrictStatus:
    return district_status(
        np.array([r[0] for r in rows], dtype=float).reshape(len(rows), len(days)),
        np.array([r[1] for r in rows], dtype=float).reshape(len(rows), len(days)),
        np.array(days), np.array([r[2] for r in rows], dtype=np.int64),
        [r[3] for r in rows], np.array([r[4] for r in rows]), np.array([r[5] for r in rows]),
        np.array([r[6] for r in rows]), horizon_days=horizon)


def assert_same(rows: list[Row], days: list[int], horizon: int = 730) -> DistrictStatus:
    result = run(rows, days, horizon)
    for j, row in enumerate(rows):
        assert kernel_row(result, j) == scalar(*row[:2], days, *row[2:], horizon=horizon), \
            (row, days)
    return result


# ------------------------------------------------------------------ property: equal to scalar

WEIRD_LEVELS = [0.1 + 0.2, 1 / 3, 2 / 3, 0.1 * 3, 1e-7, 123.456, 2.675]
levels_st = st.one_of(
    st.sampled_from([0, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 4.1, 6]),
    st.integers(0, 600).map(lambda i: i / 100),
    st.integers(0, 60).map(lambda i: i / 10),
    st.sampled_from(WEIRD_LEVELS),
)
consumed_st = st.one_of(st.just(NAN), st.just(0.0), st.integers(0, 3000).map(float),
                        st.integers(0, 10**13).map(float))
stockout_st = st.one_of(st.just(NAN), st.just(0.0), st.integers(-3, 35).map(float))
soh_st = st.one_of(st.just(0), st.integers(0, 10_000), st.integers(0, 10**15))
days_st = st.lists(st.sampled_from([28, 29, 30, 31]), min_size=3, max_size=3)


@st.composite
def rows_st(draw: st.DrawFn, width: int = 3) -> list[Row]:
    n = draw(st.integers(1, 12))
    out = []
    for _ in range(n):
        out.append((draw(st.lists(consumed_st, min_size=width, max_size=width)),
                    draw(st.lists(stockout_st, min_size=width, max_size=width)),
                    draw(soh_st), draw(st.sampled_from(sorted(PROFILES))),
                    draw(levels_st), draw(levels_st), draw(levels_st)))
    return out


@settings(max_examples=300, deadline=None)
@given(rows_st(), days_st, st.sampled_from([730, 1, 30, 365]))
def test_kernel_equals_the_scalar_path(rows: list[Row], days: list[int], horizon: int) -> None:
    assert_same(rows, days, horizon)


@settings(max_examples=150, deadline=None)
@given(st.data(), days_st)
def test_boundaries_are_hit_exactly(data: st.DataObject, days: list[int]) -> None:
    # SOH drawn on (and next to) level × AMC, where a float comparison could flip
    rows: list[Row] = []
    for _ in range(data.draw(st.integers(1, 8))):
        c = data.draw(st.lists(consumed_st.filter(lambda v: math.isnan(v) or v < 5000),
                               min_size=3, max_size=3))
        x = data.draw(st.lists(stockout_st, min_size=3, max_size=3))
        profile = data.draw(st.sampled_from(sorted(PROFILES)))
        levels = [data.draw(levels_st) for _ in range(3)]
        p = average_consumption(get_profile(profile), [
            MonthInput("2024-01", int(ci), None if math.isnan(xi) else int(xi), d)
            for ci, xi, d in zip(c, x, days, strict=True) if not math.isnan(ci)]).value
        target = 0 if p is None else float(p) * data.draw(st.sampled_from(levels))
        soh = max(0, math.floor(target) + data.draw(st.integers(-1, 1)))
        rows.append((c, x, soh, profile, *levels))
    assert_same(rows, days)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_edge_cases_of_adjustment(profile: str) -> None:
    days = [31, 29, 30]
    rows: list[Row] = []
    for x in (NAN, 0, 1, 14, 15, 28, 29, 30, 31, 45, -2):
        for c in (0, 1, 7, 100, 240, 999_999):
            for soh in (0, 1, 50, 100, 301):
                rows.append(([c, c + 1, NAN], [x, 30 - x if x == x else NAN, 0], soh, profile,
                             3, 1, 0.5))
    rows.append(([NAN, NAN, NAN], [0, 0, 0], 5, profile, 3, 1, 0.5))  # unknown
    rows.append(([NAN, NAN, NAN], [0, 0, 0], 0, profile, 3, 1, 0.5))  # unknown, stocked out
    rows.append(([0, 0, 0], [0, 5, NAN], 5, profile, 3, 1, 0.5))  # AMC 0
    rows.append(([0, 0, 0], [0, 5, NAN], 0, profile, 3, 1, 0.5))
    assert_same(rows, days)


def test_msupply_decimal_amc_on_a_boundary() -> None:
    # P = 100.5 (a short decimal): SOH 201 is exactly Max 2 × P; 50.25 exactly EOP 0.5 × P
    rows: list[Row] = [([101, 100, NAN], [0, 0, 0], soh, "msupply", 2, 1, 0.5)
                       for soh in (0, 50, 51, 100, 101, 200, 201, 202)]
    # P = 1003.33…/3: a 17-digit repr decimal, levels with decimals
    rows += [([300, 240, 330], [0, 10, 0], soh, "msupply", mx, 1.1, 0.3)
             for soh in (0, 100, 334, 335, 836, 837, 1003, 1004) for mx in (2.5, 3, 0.1 + 0.2)]
    r = assert_same(rows, [31, 28, 31])
    assert r.amc[0] == 100.5
    assert list(r.status[:8]) == ["stocked_out", "below_eop", "below_min", "below_min",
                                  "adequate", "adequate", "adequate", "overstocked"]


def test_huge_quantities_take_the_exact_integer_path() -> None:
    odd = 0.1 + 0.2  # 0.30000000000000004: a 17-digit decimal level
    rows: list[Row] = [([10.0**15, 3.0, 10.0**13], [7, 0, 29], soh, prof, 2.5, 0.1, odd)
                       for soh in (0, 1, 10**14, 10**16, 2**62) for prof in sorted(PROFILES)]
    # H = 2**52 + 1: floor(f + 0.5) would round to even (…498); half up of the repr keeps …497
    rows += [([2.0**52 + 1] * 3, [0, 0, 0], 5, prof, 1, 1, 0.5) for prof in sorted(PROFILES)]
    assert_same(rows, [31, 30, 31])


# ------------------------------------------------------------------ acceptance cases

def test_ac04_amc_per_profile() -> None:
    c = np.array([[300, 240, 330]] * 4, dtype=float)
    x = np.array([[0, 10, 0]] * 4, dtype=float)
    r = district_status(c, x, [31, 28, 31], np.zeros(4, dtype=np.int64),
                        ["openlmis", "unadjusted", "msupply", "civ-elmis"], 3, 1, 0.5)
    assert r.amc[:2].tolist() == [330, 290]
    assert r.amc[2] == pytest.approx(334.44, abs=0.005)
    assert r.amc[2] == float(average_consumption(get_profile("msupply"), [
        MonthInput("2024-01", 300, 0, 31), MonthInput("2024-02", 240, 10, 28),
        MonthInput("2024-03", 330, 0, 31)]).value)
    assert r.amc[3] == 330


def test_ac05_fewer_months() -> None:
    c = np.array([[NAN, 301, 300], [NAN, NAN, 240]])
    r = district_status(c, np.zeros((2, 3)), [30, 30, 30], np.array([1, 1]), "openlmis",
                        3, 1, 0.5)
    assert r.amc.tolist() == [301, 240]


def test_ac06_months_of_stock_and_status() -> None:
    soh = np.array([0, 40, 50, 80, 100, 300, 301, 50, 790])
    c = np.array([[100, 100, 100]] * 7 + [[0, 0, 0], [330, 330, 330]], dtype=float)
    r = district_status(c, np.zeros((9, 3)), [30, 30, 30], soh, "openlmis", 3, 1, 0.5)
    assert list(r.status) == [Status.STOCKED_OUT, Status.BELOW_EOP, Status.BELOW_MIN,
                              Status.BELOW_MIN, Status.ADEQUATE, Status.ADEQUATE,
                              Status.OVERSTOCKED, Status.UNKNOWN, Status.ADEQUATE]
    assert [STATUS_ORDER[i] for i in r.status_code] == list(r.status)
    assert r.mos[:7].tolist() == [0, 0.4, 0.5, 0.8, 1.0, 3.0, 3.01]
    assert math.isnan(r.mos[7])
    assert r.mos[8] == pytest.approx(2.394, abs=5e-4)
    assert r.order_quantity[[1, 2, 4]].tolist() == [260, 250, 200]


def test_ac07_max_and_order_quantity() -> None:
    c = np.array([[330, 330, 330], [330, 330, 330], [333, 333, 333]], dtype=float)
    r = district_status(c, np.zeros((3, 3)), [30, 30, 30], np.array([790, 1000, 0]),
                        "openlmis", np.array([3, 3, 2.5]), 1, 0.5)
    assert r.max_quantity.tolist() == [990, 990, 833]
    assert r.order_quantity.tolist() == [200, 0, 833]


def test_ac11_stockout_day() -> None:
    c = np.array([[330, 330, 330], [330, 330, 330], [0, 0, 0], [NAN, NAN, NAN]])
    r = district_status(c, np.zeros((4, 3)), [30, 30, 30], np.array([790, 0, 5, 5]),
                        "openlmis", 3, 1, 0.5)
    assert r.stockout_day[0] == (date(2024, 6, 11) - AS_OF).days == 72
    assert r.stockout_day[1:].tolist() == [1, -1, -1]  # SOH 0: the next day; AMC 0/unknown
    assert r.max_quantity[2:].tolist() == [0, -1] and r.order_quantity[2:].tolist() == [0, -1]
    for horizon, day in ((71, -1), (72, 72)):  # 71.8 days covered: met for 71 days, not 72
        short = district_status(c[:1], np.zeros((1, 3)), [30, 30, 30], np.array([790]),
                                "openlmis", 3, 1, 0.5, horizon_days=horizon)
        assert short.stockout_day.tolist() == [day]
        assert project_stockout(790, AS_OF, 330, horizon_days=horizon).value == (
            None if day < 0 else date(2024, 6, 11))


# ------------------------------------------------------------------ inputs and scale

def test_bad_inputs_are_refused() -> None:
    ok = dict(consumed=np.ones((2, 3)), stockout_days=np.zeros((2, 3)),
              days_in_month=[30, 30, 30], soh=np.array([1, 2]), profile="openlmis",
              max_mos=3, min_mos=1, eop_mos=0.5)
    with pytest.raises(ValueError, match="negative"):
        district_status(**{**ok, "consumed": -np.ones((2, 3))})
    with pytest.raises(ValueError, match="negative"):
        district_status(**{**ok, "soh": np.array([1, -2])})
    with pytest.raises(ValueError, match="min_mos"):
        district_status(**{**ok, "min_mos": -1})
    with pytest.raises(ValueError, match="whole"):
        district_status(**{**ok, "consumed": np.full((2, 3), 1.5)})
    with pytest.raises(KeyError, match="unknown calculation profile"):
        district_status(**{**ok, "profile": ["openlmis", "nope"]})
    with pytest.raises(ValueError):
        district_status(**{**ok, "stockout_days": np.zeros((2, 2))})


def test_a_whole_district_runs() -> None:
    rng = np.random.default_rng(3)
    n = 50 * 300
    consumed = rng.poisson(rng.lognormal(3, 1.2, n)[:, None], (n, 3)).astype(float)
    consumed[rng.random((n, 3)) < 0.03] = NAN
    stockout = np.where(rng.random((n, 3)) < 0.05, rng.integers(1, 32, (n, 3)), 0).astype(float)
    soh = rng.integers(0, 3000, n)
    profiles = rng.choice(sorted(PROFILES), n)
    r = district_status(consumed, stockout, [31, 29, 31], soh, profiles, 3, 1, 0.5)
    assert len(r) == n
    assert r.max_quantity.dtype == np.int64 and r.stockout_day.dtype == np.int64
    assert set(r.status.tolist()) <= set(Status)
    for j in rng.choice(n, 40, replace=False).tolist():
        row = (consumed[j].tolist(), stockout[j].tolist(), int(soh[j]), str(profiles[j]),
               3, 1, 0.5)
        assert kernel_row(r, j) == scalar(*row[:2], [31, 29, 31], *row[2:])
