"""The Côte d'Ivoire LMIS data (``../shared/data/civ-lmis``) as monthly arrays, and the
backtest protocol shared by ``forecast_accuracy`` and ``stockout_simulation``.

Series = site_code × product_code; y = ``stock_distributed``; months 2016-01..2019-09.  A month
without a row is *missing* (NaN), never zero.  Stockout days are capped at the days of the
calendar month (the file has values up to 300).  Only the standard library and numpy are used.

Protocol (the one that reproduces the AMC-3 reference 1.239 / 0.759 over 2,434 units):

* origins at the ends of 2018-12, 2019-03 and 2019-06; targets the next 1..3 months;
* training data: the months before the first target month only;
* a (series, origin) unit counts when it has ≥ 12 reported months before the first target
  month and reported actuals for all 3 target months;
* MASE of a unit = mean over h of |y − ŷ| / mean |y_t − y_{t−1}| over *adjacent* reported
  months (both reported) before the origin; units whose scale is 0 are excluded and counted;
* forecasts are clipped at 0.
"""

from __future__ import annotations

import calendar
import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from stockdesk.forecast.backtest import mase_scale  # the protocol's scale, one definition

ROOT = Path(__file__).resolve().parent.parent
CIV_CSV = ROOT.parent / "shared" / "data" / "civ-lmis" / "contraceptive_logistics_data.csv"
CIV_SITES = CIV_CSV.parent / "service_delivery_site_data.csv"
FIRST_YEAR, FIRST_MONTH, N_MONTHS = 2016, 1, 45  # 2016-01 .. 2019-09
ORIGINS = ("2018-12", "2019-03", "2019-06")
HORIZON = 3
MIN_HISTORY = 12


def month_index(period: str) -> int:
    """'YYYY-MM' → column index (0 = 2016-01)."""
    year, month = (int(p) for p in period.split("-"))
    return (year - FIRST_YEAR) * 12 + (month - FIRST_MONTH)


def days_in_months() -> np.ndarray:
    """Calendar days of each month column (Feb 2016 has 29)."""
    out = np.empty(N_MONTHS)
    for i in range(N_MONTHS):
        y, m = divmod(FIRST_MONTH - 1 + i, 12)
        out[i] = calendar.monthrange(FIRST_YEAR + y, m + 1)[1]
    return out


@dataclass(frozen=True)
class CivData:
    """All series as (n_series × 45) arrays; NaN = month not reported."""

    sites: tuple[str, ...]
    products: tuple[str, ...]
    districts: tuple[str, ...]
    consumed: np.ndarray  # stock_distributed
    stockout_days: np.ndarray  # capped at the days of the month; NaN where not reported
    days: np.ndarray  # (45,) days per month

    def __len__(self) -> int:
        return len(self.sites)

    def subset(self, index: np.ndarray) -> CivData:
        pick = [int(i) for i in index]
        return CivData(tuple(self.sites[i] for i in pick), tuple(self.products[i] for i in pick),
                       tuple(self.districts[i] for i in pick), self.consumed[index],
                       self.stockout_days[index], self.days)


def load(path: Path = CIV_CSV) -> CivData:
    """Read the CSV once into arrays (≈ 0.2 s); refuses duplicate site × product × month rows."""
    if not path.exists():
        raise FileNotFoundError(f"CIV LMIS data not found at {path}")
    index: dict[tuple[str, str], int] = {}
    districts: list[str] = []
    cells: list[tuple[int, int, float, float]] = []
    with path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            key = (row["site_code"], row["product_code"])
            if key not in index:
                index[key] = len(index)
                districts.append(row["district"])
            t = (int(row["year"]) - FIRST_YEAR) * 12 + int(row["month"]) - FIRST_MONTH
            cells.append((index[key], t, float(row["stock_distributed"]),
                          float(row["stock_stockout_days"])))
    n = len(index)
    consumed = np.full((n, N_MONTHS), np.nan)
    stockout = np.full((n, N_MONTHS), np.nan)
    seen = np.zeros((n, N_MONTHS), dtype=bool)
    days = days_in_months()
    for i, t, d, s in cells:
        if seen[i, t]:
            raise ValueError(f"duplicate row for series {i} month {t}")
        seen[i, t] = True
        consumed[i, t] = d
        stockout[i, t] = min(s, days[t])
    keys = list(index)
    return CivData(tuple(k[0] for k in keys), tuple(k[1] for k in keys), tuple(districts),
                   consumed, stockout, days)


@dataclass(frozen=True)
class Units:
    """The (series, origin) pairs the protocol scores, with their actuals and MASE scale."""

    series: np.ndarray  # (u,) index into CivData
    origin: np.ndarray  # (u,) column index of the first target month
    actual: np.ndarray  # (u, HORIZON)
    scale: np.ndarray  # (u,) mean |Δy| over adjacent reported months before the origin
    excluded_zero_scale: int


def units(data: CivData, origins: tuple[str, ...] = ORIGINS) -> Units:
    """Every (series, origin) that meets the protocol, in origin order then series order."""
    s_all, o_all, a_all, sc_all = [], [], [], []
    excluded = 0
    for period in origins:
        t0 = month_index(period) + 1  # first target month
        past = data.consumed[:, :t0]
        target = data.consumed[:, t0:t0 + HORIZON]
        ok = (~np.isnan(past)).sum(axis=1) >= MIN_HISTORY
        ok &= (~np.isnan(target)).all(axis=1) & (target.shape[1] == HORIZON)
        scale = mase_scale(past)
        zero = ok & ~(scale > 0)
        excluded += int(zero.sum())
        keep = np.flatnonzero(ok & (scale > 0))
        s_all.append(keep)
        o_all.append(np.full(len(keep), t0))
        a_all.append(target[keep])
        sc_all.append(scale[keep])
    return Units(np.concatenate(s_all), np.concatenate(o_all), np.concatenate(a_all),
                 np.concatenate(sc_all), excluded)


def mase(forecast: np.ndarray, u: Units) -> np.ndarray:
    """Per unit: mean over h of |actual − max(forecast, 0)| / scale."""
    f = np.maximum(forecast, 0.0)
    return np.abs(u.actual - f).mean(axis=1) / u.scale


__all__ = ["CIV_CSV", "HORIZON", "ORIGINS", "CivData", "Units", "load", "mase",
           "month_index", "units"]
