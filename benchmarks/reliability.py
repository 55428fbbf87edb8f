"""reliability: nothing lost, long version of ``tests/reliability`` (trials, not timings).

* crash: ``crash_trials`` SIGKILLs at seeded random moments of each of three jobs (a
  ``crash_ledger_lines``-line ledger import, a district import of ``crash_district_files``
  R&R workbooks, a demo build), each followed by the checks of ``tests/reliability``: SQLite's
  integrity check, the caches against a replay of the ledger, each file whole or absent, the
  second run completes, the third says it is done;
* concurrency: two processes × ``concurrent_posts`` movements into one SQLite file, and five
  into one PostgreSQL database (``STOCKDESK_TEST_PG_URL``, else a private server when
  PostgreSQL is installed), with movements per second;
* fuzz: ``benchmarks._fuzz.run_fuzz(seconds)`` for ``fuzz_seconds`` when that module exists.

One JSON line: value = trials survived, target = every trial survives, no row is lost, and
no writer ever sees "database is locked".  Progress goes to stderr, one line per trial.
``STOCKDESK_CRASH_SEED`` fixes the seed (the line says which was used).
"""

from __future__ import annotations

import importlib
import os
import random
import sys
from collections.abc import Iterator
from typing import Any

from benchmarks import Context, Result
from tests.reliability._harness import (
    Campaign,
    Contention,
    DemoBuild,
    DistrictImport,
    LedgerImport,
    Trial,
    Workload,
    check_contention,
    concurrent_posts,
    crash_campaign,
    postgres_server,
    prepare_concurrency,
    scratch_database,
    sqlite_url,
)

PG_WRITERS = 5


def _say(text: str) -> None:
    print(f"reliability: {text}", file=sys.stderr, flush=True)


def _trial_line(trial: Trial) -> None:
    verdict = "survived" if trial.survived else f"FAILED: {'; '.join(trial.failures)[:300]}"
    _say(f"{trial.workload} seed {trial.seed}: killed at {trial.kill_at_s:.2f} s "
         f"({'killed' if trial.killed else 'had ended'}), left {trial.left}: {verdict}")


def _workloads(ctx: Context) -> list[Workload]:
    sc = ctx.scale
    return [LedgerImport(lines=sc.crash_ledger_lines),
            DistrictImport(files=sc.crash_district_files, products=sc.crash_district_products),
            DemoBuild(**sc.crash_demo) if sc.crash_demo else DemoBuild(8, 36, 300)]


def _campaign_figures(c: Campaign) -> dict[str, Any]:
    return {"trials": len(c.trials), "survived": c.survived, "rows_lost": c.rows_lost,
            "rows_per_run": c.expected_rows, "run_seconds": round(c.run_seconds, 2),
            "killed_mid_run": sum(t.killed for t in c.trials),
            "left": sorted({t.left for t in c.trials}), "failures": c.failures()[:5]}


def _contention_figures(url: str, result: Contention) -> dict[str, Any]:
    wrong = check_contention(url, result)
    return {"writers": result.writers, "posted": result.posted,
            "expected": result.writers * result.per_writer,
            "seconds": round(result.seconds, 2),
            "movements_per_s": round(result.per_second, 1),
            "errors": result.error_count, "locked": sum("locked" in e for e in result.errors),
            "problems": wrong[:5]}


def _contend(url: str, writers: int, posts: int) -> dict[str, Any]:
    prepare_concurrency(url)
    figures = _contention_figures(url, concurrent_posts(url, writers, posts))
    _say(f"{writers} writers on {url.split(':', 1)[0]}: {figures['posted']} movements in "
         f"{figures['seconds']} s ({figures['movements_per_s']}/s), {figures['errors']} "
         f"errors")
    return figures


def _fuzz(seconds: float) -> dict[str, Any]:
    try:
        module = importlib.import_module("benchmarks._fuzz")
    except ImportError:
        _say("fuzz: not available")
        return {"available": False, "note": "fuzz: not available"}
    found = module.run_fuzz(seconds)
    _say(f"fuzz: {found['inputs_tried']} inputs tried, {len(found['failures'])} failures")
    return {"available": True, "seconds": seconds, "inputs_tried": found["inputs_tried"],
            "failures": len(found["failures"]), "examples": [str(f)[:300] for f in
                                                              found["failures"][:3]]}


def run(ctx: Context) -> Iterator[Result]:
    sc = ctx.scale
    seed = int(os.environ.get("STOCKDESK_CRASH_SEED") or random.SystemRandom().randrange(2**31))
    _say(f"seed {seed} (STOCKDESK_CRASH_SEED={seed} replays it)")
    crash: dict[str, Any] = {}
    campaigns = []
    for n, work in enumerate(_workloads(ctx)):
        c = crash_campaign(work, sc.crash_trials, seed + n, ctx.workdir / work.name,
                           report=_trial_line)
        campaigns.append(c)
        crash[work.name] = _campaign_figures(c)

    concurrency: dict[str, Any] = {
        "sqlite": _contend(sqlite_url(ctx.workdir / "shared.sqlite3"), 2, sc.concurrent_posts)}
    with postgres_server() as server:
        if server is None:
            concurrency["postgresql"] = {"note": "postgresql: not available"}
        else:
            with scratch_database(server) as url:
                concurrency["postgresql"] = _contend(url, PG_WRITERS, sc.concurrent_posts)

    fuzz = _fuzz(sc.fuzz_seconds)

    trials = sum(len(c.trials) for c in campaigns)
    survived = sum(c.survived for c in campaigns)
    rows_lost = sum(c.rows_lost for c in campaigns)
    writers_ok = all(not f.get("errors") and not f.get("problems") and
                     f.get("posted") == f.get("expected")
                     for f in concurrency.values() if "posted" in f)
    fuzz_ok = not fuzz.get("failures")
    _say(f"trials survived {survived}/{trials}, inputs tried "
         f"{fuzz.get('inputs_tried', 'fuzz: not available')}, rows lost {rows_lost}")
    yield Result("reliability", survived, "trials", better="higher",
                 target="every trial survives, no row lost, no writer sees an error",
                 met=survived == trials and rows_lost == 0 and writers_ok and fuzz_ok,
                 details={"seed": seed, "trials": trials, "trials_survived": survived,
                          "rows_lost": rows_lost,
                          "inputs_tried": fuzz.get("inputs_tried", "fuzz: not available"),
                          "crash": crash, "concurrency": concurrency, "fuzz": fuzz})
