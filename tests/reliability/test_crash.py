"""A power cut in the middle of the longest jobs loses nothing and half-writes nothing.

Each trial kills the job with SIGKILL at a random moment of its run (seeded; the seed is in
every failure message, ``STOCKDESK_CRASH_SEED=N`` replays it), then checks the file as the
next start would find it, runs the same job again (it must complete it), and a third time (it
must say it was done).  ``python -m benchmarks reliability`` runs 20 trials of each.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability._harness import (
    DemoBuild,
    DistrictImport,
    LedgerImport,
    Workload,
    crash_campaign,
)

SEED = int(os.environ.get("STOCKDESK_CRASH_SEED") or random.SystemRandom().randrange(2**31))

CASES: dict[str, tuple[Callable[[], Workload], int]] = {
    # the 100,000-line ledger file of the issue, in one transaction
    "ledger_import": (lambda: LedgerImport(lines=100_000), 2),
    # twenty facilities' R&R workbooks, each file its own transaction
    "district_import": (lambda: DistrictImport(files=20, products=30), 3),
    # master data, users and a ledger, in three transactions
    "demo_build": (lambda: DemoBuild(facilities=2, months=2, products=25), 3),
}


@pytest.mark.parametrize("name", list(CASES))
def test_killed_at_a_random_moment_the_job_leaves_all_or_nothing_and_can_finish(
        name: str, tmp_path: Path) -> None:
    make, trials = CASES[name]
    print(f"crash seed {SEED} (STOCKDESK_CRASH_SEED={SEED} replays it)")
    campaign = crash_campaign(make(), trials, SEED, tmp_path)
    assert campaign.failures() == [], f"STOCKDESK_CRASH_SEED={SEED}"
    assert campaign.survived == trials
    assert campaign.rows_lost == 0
