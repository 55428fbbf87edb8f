"""The window benchmarks run at a toy size and print their figures (which are not judged)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import benchmarks
from benchmarks._ui import p90, run_child

pytestmark = pytest.mark.slow


def _one_line(name: str, tmp_path: Path) -> dict:
    out = io.StringIO()
    results = benchmarks.run([name], scale="tiny", workdir=tmp_path, out=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    assert len(lines) == len(results) == 1
    record = lines[0]
    assert record["name"] == name
    assert "error" not in record, record
    assert list(tmp_path.iterdir()) == []  # the scratch folder is cleaned up
    return record


def test_ui_start_prints_both_start_times_their_ratio_and_memory(tmp_path: Path) -> None:
    r = _one_line("ui_start", tmp_path)
    assert r["unit"] == "ms" and r["better"] == "lower"
    assert r["value"] > 0 and r["baseline"] > 0
    assert r["ratio"] == pytest.approx(r["value"] / r["baseline"], rel=1e-2)
    assert r["stockdesk_ms"] == pytest.approx(r["value"], rel=1e-2)
    assert r["baseline_ms"] == pytest.approx(r["baseline"], rel=1e-2)
    assert r["target"] == "<= 3 x baseline" and isinstance(r["met"], bool)
    assert len(r["stockdesk_runs_ms"]) == len(r["baseline_runs_ms"]) == r["runs"] >= 1
    # the window was waited for until it had painted and loaded its facilities
    assert "MainWindow.facilities_loaded" in r["waited_for"]
    for stage in ("imports", "signed_in", "window_built", "first_paint", "facilities_loaded"):
        assert r["stockdesk_stages_ms"][stage] > 0
    assert r["baseline_stages_ms"]["first_paint"] == pytest.approx(r["baseline"], rel=0.2)
    assert r["stockdesk_peak_rss_mb"] > 0 and r["baseline_peak_rss_mb"] > 0
    assert r["movement_lines"] > 0
    assert r["window_errors"] == []  # the window opened without an error dialog


def test_ui_interactions_prints_each_interaction_and_the_raw_reading(tmp_path: Path) -> None:
    r = _one_line("ui_interactions", tmp_path)
    assert r["unit"] == "ms" and r["better"] == "lower"
    assert r["target"] == "each < 100 ms (median)" and isinstance(r["met"], bool)
    assert r["raw_sqlite_stock_ms"] > 0 and r["baseline"] > 0
    assert r["movement_lines"] > 0 and r["facilities"] >= 2
    medians = []
    for name in ("switch_facility", "stock_card", "filter"):
        figure = r[name]
        assert figure["waited_for"]
        if figure["median_ms"] is None:  # a page without what is timed says so
            assert figure["problem"]
            continue
        assert 0 < figure["median_ms"] <= figure["p90_ms"]
        assert figure["runs"] >= r["repeats"] or figure["problem"]  # filter: per keystroke
        medians.append(figure["median_ms"])
    assert r["value"] == pytest.approx(max(medians), rel=1e-2)  # the slowest interaction
    assert r["window_errors"] == []


def test_a_child_that_fails_is_reported_with_its_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="exited"):
        run_child("benchmarks.ui_start", ["stockdesk", "--db", str(tmp_path / "none.sqlite3"),
                                          "--data", str(tmp_path / "data")], start_clock=True)


def test_p90_is_the_nearest_rank() -> None:
    assert p90([5.0]) == 5.0
    assert p90([float(i) for i in range(1, 11)]) == 9.0
    assert p90([float(i) for i in range(1, 21)]) == 18.0
