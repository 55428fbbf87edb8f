"""Benchmarks of the things users wait for, each against a baseline measured in the same run.

``python -m benchmarks [NAME...]`` (from the repository root, with the project's virtualenv)
prints one JSON object per line::

    {"name": "ledger_import", "value": 412345.0, "unit": "rows/s", "baseline": 1180000.0,
     "ratio": 0.35, "better": "higher", "target": ">= 0.25 of baseline", "met": true, ...}

Absolute figures depend on the machine; the ratio to a baseline taken in the same run does
not, much.  Data is generated with numpy and written with raw sqlite3 where it is setup, so
only the operation named is timed.  ``STOCKDESK_BENCH_SCALE=tiny`` (or ``--scale tiny``) runs
everything at a toy size to check that it works (the smoke test does that).
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO


@dataclass(frozen=True)
class Scale:
    """Sizes of everything the benchmarks generate."""

    ledger_lines: int = 1_000_000
    ledger_facilities: int = 20
    ledger_products: int = 250
    repeats: int = 9  # timed runs of fast reads; the median is reported
    district_facilities: int = 50
    district_products: int = 300
    district_months: int = 36
    district_lines_per_month: int = 4  # per facility × product: a receipt and three issues
    demo: dict[str, Any] = field(default_factory=dict)  # build_demo arguments (defaults)
    civ_series: int | None = None  # CIV LMIS series used by the forecast benchmarks (None: all)
    forecast_facilities: int = 50  # forecast_district: synthetic facilities × products × months
    forecast_products: int = 300
    forecast_months: int = 36
    crash_trials: int = 20  # reliability: SIGKILLs per job
    crash_ledger_lines: int = 100_000
    crash_district_files: int = 20
    crash_district_products: int = 30
    crash_demo: dict[str, Any] = field(default_factory=dict)  # DemoBuild sizes ({}: defaults)
    concurrent_posts: int = 1_000  # per writer process
    fuzz_seconds: float = 120.0


SCALES = {
    "full": Scale(),
    "tiny": Scale(ledger_lines=3_000, ledger_facilities=3, ledger_products=10, repeats=3,
                  district_facilities=3, district_products=8, district_months=3,
                  demo={"facilities": 2, "months": 2, "products": 25}, civ_series=150,
                  forecast_facilities=3, forecast_products=10, forecast_months=24,
                  crash_trials=1, crash_ledger_lines=2_000, crash_district_files=3,
                  crash_district_products=5,
                  crash_demo={"facilities": 2, "months": 1, "products": 10},
                  concurrent_posts=10, fuzz_seconds=2.0),
}


@dataclass
class Result:
    """One benchmark's figure, its same-run baseline and what it should reach."""

    name: str
    value: float | None  # None when the benchmark failed (``details["error"]`` says why)
    unit: str
    baseline: float | None = None
    baseline_unit: str | None = None
    better: str = "higher"  # or "lower": which direction of ``value`` is good
    target: str | None = None
    met: bool | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """ours / baseline (for rows/s higher is better, for times lower is better)."""
        if self.value is None or self.baseline in (None, 0) \
                or self.baseline_unit not in (None, self.unit):
            return None
        return round(self.value / self.baseline, 4)

    def as_json(self) -> str:
        out: dict[str, Any] = {"name": self.name, "value": _round(self.value),
                               "unit": self.unit}
        if self.baseline is not None:
            out["baseline"] = _round(self.baseline)
            out["ratio"] = self.ratio
        out["better"] = self.better
        if self.target is not None:
            out["target"] = self.target
            out["met"] = self.met
        out.update(self.details)
        return json.dumps(out, sort_keys=False, default=str)


def _round(x: float | None) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    if x == 0:
        return x
    digits = max(0, 4 - math.floor(math.log10(abs(x))))
    return round(x, digits)


@dataclass
class Context:
    """What the benchmarks of one run share: a scratch folder and data built once."""

    scale: Scale
    workdir: Path
    cache: dict[str, Any] = field(default_factory=dict)


Benchmark = Callable[[Context], Iterable[Result]]


def registry() -> dict[str, Benchmark]:
    from benchmarks import (
        demo_build,
        district_outlook,
        district_status,
        forecast_accuracy,
        forecast_district,
        ledger_import,
        monthly_summaries,
        reliability,
        rnr_pdf,
        rnr_xlsx,
        stock_on_hand,
        stockout_simulation,
        ui_interactions,
        ui_start,
    )

    return {
        "ledger_import": ledger_import.run,
        "stock_on_hand": stock_on_hand.run,
        "monthly_summaries": monthly_summaries.run,
        "demo_build": demo_build.run,
        "forecast_accuracy": forecast_accuracy.run,
        "stockout_simulation": stockout_simulation.run,
        "forecast_district": forecast_district.run,
        "district_status": district_status.run,
        "district_outlook": district_outlook.run,
        "rnr_xlsx": rnr_xlsx.run,
        "rnr_import_read": rnr_xlsx.run_import_read,
        "rnr_import": rnr_xlsx.run_import,
        "rnr_pdf": rnr_pdf.run,
        "ui_start": ui_start.run,
        "ui_interactions": ui_interactions.run,
        "reliability": reliability.run,
    }


# run only when named: the reliability trials take about half an hour
ON_REQUEST = ("reliability",)


def default_names() -> list[str]:
    """What ``python -m benchmarks`` runs without names: all but those run on request."""
    return [name for name in registry() if name not in ON_REQUEST]


# unit and better direction of each benchmark's value, for a line that reports a failure
UNITS = {"ledger_import": ("rows/s", "higher"), "stock_on_hand": ("ms", "lower"),
         "monthly_summaries": ("s", "lower"), "demo_build": ("s", "lower"),
         "forecast_accuracy": ("MASE", "lower"), "stockout_simulation": ("months", "lower"),
         "forecast_district": ("s", "lower"), "district_status": ("s", "lower"),
         "district_outlook": ("s", "lower"), "rnr_xlsx": ("s", "lower"),
         "rnr_import_read": ("s", "lower"), "rnr_import": ("s", "lower"),
         "rnr_pdf": ("s", "lower"), "ui_start": ("ms", "lower"),
         "ui_interactions": ("ms", "lower"), "reliability": ("trials", "higher")}


def _guarded(name: str, bench: Benchmark, ctx: Context) -> Iterable[Result]:
    """A benchmark that fails still prints its line (value null, the error), then the run goes
    on: one broken service should not hide the other figures."""
    try:
        yield from bench(ctx)
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        unit, better = UNITS.get(name, ("", "higher"))
        yield Result(name, None, unit, better=better, met=False, details={
            "error": f"{type(exc).__name__}: {exc}",
            "at": f"{Path(where.filename).name}:{where.lineno} in {where.name}"})


def scale_from_env(default: str = "full") -> str:
    return os.environ.get("STOCKDESK_BENCH_SCALE", default)


def run(names: Iterable[str] | None = None, *, scale: str | Scale = "full",
        workdir: Path | None = None, out: TextIO | None = None) -> list[Result]:
    """Run the named benchmarks (by default all but those run on request), printing each
    result line as it comes."""
    table = registry()
    chosen = list(names) if names else default_names()
    unknown = [n for n in chosen if n not in table]
    if unknown:
        raise ValueError(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(table)}")
    sizes = scale if isinstance(scale, Scale) else SCALES[scale]
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="stockdesk-bench-", dir=workdir) as tmp:
        ctx = Context(sizes, Path(tmp))
        for name in chosen:
            for result in _guarded(name, table[name], ctx):
                results.append(result)
                if out is not None:
                    print(result.as_json(), file=out, flush=True)
    return results


__all__ = ["ON_REQUEST", "SCALES", "Context", "Result", "Scale", "default_names", "registry", "run",
           "scale_from_env"]
