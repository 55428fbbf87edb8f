"""Every benchmark runs at a toy size and prints valid JSON lines (the figures are not judged)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import benchmarks

ROOT = Path(__file__).resolve().parent.parent
WITH_BASELINE = {"ledger_import", "stock_on_hand", "monthly_summaries", "forecast_district",
                 "district_status", "district_outlook", "rnr_xlsx", "rnr_pdf", "rnr_import_read",
                 "rnr_import"}
# benchmarks that print one line per figure; other benchmarks print exactly one line
# at least this many lines
MULTI_LINE = {"forecast_accuracy": 40, "stockout_simulation": 2}


def _lines(text: str) -> list[dict]:
    out = []
    for line in text.splitlines():
        if line.strip():
            out.append(json.loads(line))  # every line is one JSON object
    return out


def _check(record: dict, name: str) -> None:
    assert record["name"] == name
    assert "error" not in record, record
    assert isinstance(record["unit"], str) and record["unit"]
    if name in MULTI_LINE:
        # figures such as a bias may be negative or zero, but never missing; only the figures
        # that carry a target are judged
        assert isinstance(record["value"], (int, float)), record
        if "target" in record:
            assert isinstance(record["met"], bool) and record["target"]
        return
    assert isinstance(record["value"], (int, float)) and record["value"] > 0, record
    if name in WITH_BASELINE:
        assert record["baseline"] > 0 and record["ratio"] == pytest.approx(
            record["value"] / record["baseline"], rel=1e-2)
    assert isinstance(record["met"], bool) and record["target"]


@pytest.mark.parametrize("name", list(benchmarks.registry()))
def test_each_benchmark_runs_at_a_tiny_size(name: str, tmp_path: Path) -> None:
    out = io.StringIO()
    results = benchmarks.run([name], scale="tiny", workdir=tmp_path, out=out)
    records = _lines(out.getvalue())
    if name in MULTI_LINE:
        assert len(records) == len(results) >= MULTI_LINE[name]
    else:
        assert len(records) == len(results) == 1
    for record in records:
        _check(record, name)
    if name in MULTI_LINE:
        assert any("target" in r for r in records)  # some figures are judged
    assert list(tmp_path.iterdir()) == []  # the scratch folder is cleaned up


def test_the_command_line_prints_one_json_object_per_line(tmp_path: Path) -> None:
    env = {**os.environ, "STOCKDESK_BENCH_SCALE": "tiny", "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "benchmarks"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    records = _lines(done.stdout)
    names = [r["name"] for r in records]
    # in registry order, without the long ones run only on request
    assert list(dict.fromkeys(names)) == benchmarks.default_names()
    for name in benchmarks.default_names():
        assert names.count(name) == 1 or names.count(name) >= MULTI_LINE.get(name, 2)
    for r in records:
        _check(r, r["name"])


def test_unknown_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown benchmark"):
        benchmarks.run(["nope"], scale="tiny", workdir=tmp_path)
    done = subprocess.run([sys.executable, "-m", "benchmarks", "nope"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and "unknown benchmark" in done.stderr
