"""Trials that really crash and contend: shared by ``tests/reliability`` and the benchmark.

* :func:`spawn` starts a job of ``_worker`` in its own process; :func:`run_and_kill` kills it
  with SIGKILL at a chosen moment (as a power cut or the task manager would);
* :func:`check_database` says everything wrong with a database after that: SQLite's own
  integrity check, foreign keys, the cached stock balances and summary blocks against a replay
  of the ledger;
* the three crash workloads (a ledger import, a district import, a demo build) know how to set
  themselves up, what "fully there or absent" means for them, and what a finished run leaves;
* :func:`crash_campaign` runs trials with seeded random kill moments; :func:`concurrent_posts`
  starts several writers on one database at the same moment.

Everything is deterministic given the seed, which every failure names.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2024, 12, 31)
WORKER = "tests.reliability._worker"
WORKER_TIMEOUT_S = 600.0  # a job that does not end in this long is a hang, not a slow run


# -- processes -------------------------------------------------------------------------------


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def spawn(*args: str) -> subprocess.Popen[str]:
    """A worker job in its own Python process, started from the repository root."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", WORKER, *args], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_ready(proc: subprocess.Popen[str]) -> None:
    """Block until the worker has opened its database (its first line says so)."""
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "ready":
        _, err = proc.communicate(timeout=WORKER_TIMEOUT_S)
        raise RuntimeError(f"worker did not start: {line!r} {err[-2000:]}")


@dataclass
class Run:
    """One worker run: how it ended and what it said."""

    returncode: int
    outcome: dict[str, Any] | None  # the worker's JSON line, when it finished
    stderr: str
    seconds: float  # from "ready" to the end (or the kill)
    killed: bool


def _finish(proc: subprocess.Popen[str], started: float, killed: bool) -> Run:
    out, err = proc.communicate(timeout=WORKER_TIMEOUT_S)
    seconds = time.perf_counter() - started
    outcome = None
    for line in out.splitlines():
        if line.startswith("{"):
            outcome = json.loads(line)
    return Run(proc.returncode, outcome, err, seconds, killed)


def run_to_end(*args: str) -> Run:
    proc = spawn(*args)
    wait_ready(proc)
    started = time.perf_counter()
    return _finish(proc, started, killed=False)


def run_and_kill(at_s: float, *args: str) -> Run:
    """Run a job and SIGKILL it ``at_s`` seconds after it is ready (if it is still running)."""
    proc = spawn(*args)
    wait_ready(proc)
    started = time.perf_counter()
    try:
        proc.wait(timeout=at_s)  # the job's own length bounds this wait, not a guess
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return _finish(proc, started, killed=True)
    return _finish(proc, started, killed=False)


# -- checking a database -----------------------------------------------------------------------


def check_database(path: Path, today: date = TODAY) -> list[str]:
    """Everything wrong with a SQLite database after a crash (empty when it is sound).

    SQLite's ``integrity_check`` and ``foreign_key_check``, then the caches against the
    ledger: ``stock_balances`` against the sum of the lines, clean summary blocks against a
    replay, and again after the summaries are brought up to date (in a transaction that is
    rolled back, so the database is left as the crash left it).
    """
    from stockdesk.services import balances, summaries
    from stockdesk.services.database import Database

    found: list[str] = []
    con = sqlite3.connect(path)
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            found.append(f"integrity_check: {integrity[:5]}")
        keys = con.execute("PRAGMA foreign_key_check").fetchall()
        if keys:
            found.append(f"foreign_key_check: {keys[:5]}")
    except sqlite3.DatabaseError as exc:  # too damaged for the checks to run at all
        found.append(f"the file cannot be read: {exc}")
    finally:
        con.close()
    if found:
        return found
    db = Database.open(sqlite_url(path), upgrade=False)
    try:
        with db.sessions() as s:
            found += [f"stock_balances: {p}" for p in balances.verify(s)[:5]]
            found += [f"summary_blocks: {p}" for p in summaries.verify(s, today)[:5]]
            summaries.refresh(s, today)
            found += [f"summary_blocks after refresh: {p}"
                      for p in summaries.verify(s, today)[:5]]
            s.rollback()
    finally:
        db.close()
    return found


def table_counts(path: Path, tables: Sequence[str]) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


# -- workloads -------------------------------------------------------------------------------


class Workload(Protocol):
    name: str

    def prepare(self, folder: Path) -> Path:
        """Build the input files and the database each trial starts from; returns its path."""

    def args(self, db: Path) -> list[str]:
        """The worker's arguments for running this job on ``db``."""

    def learn(self, db: Path) -> int:
        """Note what an uninterrupted run left in ``db``; returns the rows it brought in."""

    def state(self, db: Path) -> tuple[str, list[str]]:
        """What is there (``absent``, ``complete``, ``7/20 files``...) and what is wrong:
        anything of a unit (a file, the demo ledger) that is only partly there."""

    def rows(self, db: Path) -> int:
        """The rows the job brings in that are there now (to count rows lost)."""

    def already_done(self, run: Run) -> bool:
        """Whether a run said that everything had been done before."""


def _query(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def _refresh_summaries(db_path: Path) -> None:
    from stockdesk.services import summaries
    from stockdesk.services.database import Database

    db = Database.open(sqlite_url(db_path))
    try:
        with db.transaction() as s:
            summaries.refresh(s, TODAY)
    finally:
        db.close()


class LedgerImport:
    """A ledger file of ``lines`` lines imported (one transaction) on top of earlier months.

    The starting database already holds a small ledger with its summary blocks built, so a
    crash can also be seen in the caches it had: blocks marked stale by the import, balances.
    """

    name = "ledger_import"

    def __init__(self, lines: int = 100_000):
        per_month = 20
        self.facilities = 10 if lines >= 20_000 else 2
        self.products = 50 if lines >= 20_000 else 10
        self.months = max(1, lines // (self.facilities * self.products * per_month))
        self.per_month = per_month
        self.file = Path()
        self.expected = 0

    def prepare(self, folder: Path) -> Path:
        from benchmarks._data import fresh_database, generate, write_csv
        from stockdesk.services.auth import SETUP_ACTOR
        from stockdesk.services.imports import ImportService

        folder.mkdir(parents=True, exist_ok=True)
        big = generate(self.facilities, self.products, self.months, self.per_month,
                       last_month=date(2024, 10, 1), prefix="R", seed=7)
        small = generate(2, 5, 2, 4, last_month=date(2024, 12, 1), prefix="R", seed=8)
        self.file = folder / "ledger.csv"
        write_csv(self.file, big)
        self.expected = len(big)
        earlier = folder / "earlier.csv"
        write_csv(earlier, small)
        template = folder / "start.sqlite3"
        db = fresh_database(template, big)
        try:
            result = ImportService(db, SETUP_ACTOR, today=lambda: TODAY).import_file(
                "ledger", earlier)
            assert result.status == "imported", result.problems
        finally:
            db.close()
        _refresh_summaries(template)
        return template

    def args(self, db: Path) -> list[str]:
        return ["ledger-import", sqlite_url(db), str(self.file)]

    def learn(self, db: Path) -> int:
        return self.rows(db)

    def _batch(self, db: Path) -> int | None:
        found = _query(db, "SELECT id FROM import_batches WHERE kind = 'ledger' "
                           "AND file_name = ?", self.file.name)
        return found[0][0] if found else None

    def rows(self, db: Path) -> int:
        batch = self._batch(db)
        if batch is None:
            return 0
        return int(_query(db, "SELECT count(*) FROM movement_lines l JOIN movements m "
                              "ON m.id = l.movement_id WHERE m.import_batch_id = ?",
                          batch)[0][0])

    def state(self, db: Path) -> tuple[str, list[str]]:
        batch = self._batch(db)
        strays = _query(db, "SELECT count(*) FROM movements WHERE import_batch_id IS NOT NULL "
                            "AND import_batch_id NOT IN (SELECT id FROM import_batches)")[0][0]
        wrong = [f"{strays} movements of no recorded file"] if strays else []
        if batch is None:
            return "absent", wrong
        got = self.rows(db)
        if got != self.expected:
            return f"{got}/{self.expected} lines", [
                f"the file is partly there: {got} of {self.expected} lines", *wrong]
        return "complete", wrong

    def already_done(self, run: Run) -> bool:
        return bool(run.outcome and run.outcome["status"] == "skipped")


class DistrictImport:
    """``files`` facilities' R&R workbooks imported by the district, each its own transaction."""

    name = "district_import"
    PROGRAM, PERIOD = "essential", "2024-03"

    def __init__(self, files: int = 20, products: int = 30):
        self.sites = [f"HC{n:02d}" for n in range(1, files + 1)]
        self.products = [f"P{n:03d}" for n in range(1, products + 1)]
        self.folder = Path()

    def _master(self, db: Any) -> None:
        from stockdesk.services.auth import SETUP_ACTOR
        from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData

        md = MasterDataService(db, SETUP_ACTOR)
        md.save_facilities(
            [FacilityData("DS01", "District Store", "district_store", "North", "Region A")]
            + [FacilityData(c, f"Health centre {c}", "health_centre", "North", "Region A",
                            "DS01") for c in self.sites])
        md.save_products([ProductData(code, f"Product {code}", unit="tablet", pack_size=100,
                                      pack_rounding_threshold=50, program=self.PROGRAM)
                          for code in self.products])

    def _history(self, path: Path, months: list[str]) -> Path:
        import csv

        with path.open("w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["facility_code", "product_code", "period", "opening_balance",
                        "received", "consumed", "closing_balance", "stockout_days"])
            for site in self.sites:
                for k, code in enumerate(self.products):
                    for i, period in enumerate(months):
                        used = 100 + 10 * i + k
                        w.writerow([site, code, period, 1000, used, used, 1000, 0])
        return path

    def prepare(self, folder: Path) -> Path:
        from stockdesk.exchange.rnr_xlsx import write_rnr_xlsx
        from stockdesk.services.auth import SETUP_ACTOR
        from stockdesk.services.database import Database
        from stockdesk.services.imports import ImportService
        from stockdesk.services.requisitions import RequisitionService

        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder / "inbox"
        self.folder.mkdir(exist_ok=True)
        facilities = Database.open(sqlite_url(folder / "facilities.sqlite3"))
        try:
            self._master(facilities)
            ImportService(facilities, SETUP_ACTOR).import_file("history", self._history(
                folder / "h3.csv", ["2024-01", "2024-02", "2024-03"]))
            svc = RequisitionService(facilities, SETUP_ACTOR, today=lambda: TODAY)
            for site in self.sites:
                svc.create(site, self.PERIOD, self.PROGRAM)
                doc = svc.step(site, self.PERIOD, "submit", self.PROGRAM)
                write_rnr_xlsx(doc, self.folder / f"{site}_{self.PROGRAM}_{self.PERIOD}.xlsx")
        finally:
            facilities.close()
        template = folder / "district.sqlite3"
        district = Database.open(sqlite_url(template))
        try:
            self._master(district)
            ImportService(district, SETUP_ACTOR).import_file("history", self._history(
                folder / "h2.csv", ["2024-01", "2024-02"]))
        finally:
            district.close()
        return template

    def args(self, db: Path) -> list[str]:
        return ["district-import", sqlite_url(db), str(self.folder)]

    def learn(self, db: Path) -> int:
        return self.rows(db)

    def rows(self, db: Path) -> int:
        return int(_query(db, "SELECT count(*) FROM requisition_lines")[0][0])

    def state(self, db: Path) -> tuple[str, list[str]]:
        per_site = {code: (0, 0, 0) for code in self.sites}
        for code, reqs, lines, reports in _query(db, """
                SELECT f.code,
                  (SELECT count(*) FROM requisitions r WHERE r.facility_id = f.id),
                  (SELECT count(*) FROM requisition_lines l JOIN requisitions r
                     ON r.id = l.requisition_id WHERE r.facility_id = f.id),
                  (SELECT count(*) FROM monthly_reports m WHERE m.facility_id = f.id
                     AND m.source = 'requisition')
                FROM facilities f WHERE f.code LIKE 'HC%'"""):
            per_site[code] = (reqs, lines, reports)
        audits = _query(db, "SELECT count(*) FROM audit_log WHERE entity = 'requisition' "
                            "AND action = 'import'")[0][0]
        whole = (1, len(self.products), len(self.products))
        present = [c for c, v in per_site.items() if v == whole]
        wrong = [f"{c} is partly there: {v[0]} requisitions, {v[1]} lines, {v[2]} months "
                 f"of history" for c, v in per_site.items() if v not in (whole, (0, 0, 0))]
        if audits != len(present):
            wrong.append(f"{audits} import audit entries for {len(present)} requisitions")
        if len(present) == len(self.sites):
            return "complete", wrong
        return ("absent" if not present else f"{len(present)}/{len(self.sites)} files"), wrong

    def already_done(self, run: Run) -> bool:
        statuses = (run.outcome or {}).get("statuses", {})
        return len(statuses) == len(self.sites) and set(statuses.values()) == {"skipped"}


class DemoBuild:
    """The demo district built into an empty database (master data, users, one ledger)."""

    name = "demo_build"

    def __init__(self, facilities: int = 2, months: int = 2, products: int = 25):
        self.sizes = [str(facilities), str(months), str(products)]
        self.movements = self.lines = 0

    def prepare(self, folder: Path) -> Path:
        from stockdesk.services.database import Database

        folder.mkdir(parents=True, exist_ok=True)
        template = folder / "empty.sqlite3"
        Database.open(sqlite_url(template)).close()
        return template

    def args(self, db: Path) -> list[str]:
        f, m, p = self.sizes
        return ["demo", sqlite_url(db), "--facilities", f, "--months", m, "--products", p]

    def _counts(self, db: Path) -> tuple[int, int, int]:
        movements, lines, users = _query(db, """SELECT (SELECT count(*) FROM movements),
            (SELECT count(*) FROM movement_lines), (SELECT count(*) FROM users)""")[0]
        return int(movements), int(lines), int(users)

    def learn(self, db: Path) -> int:
        self.movements, self.lines, _ = self._counts(db)
        return self.lines

    def rows(self, db: Path) -> int:
        return self._counts(db)[1]

    def state(self, db: Path) -> tuple[str, list[str]]:
        from stockdesk.services.demo import DEMO_USERS

        movements, lines, users = self._counts(db)
        wrong = []
        if users not in (0, len(DEMO_USERS)):
            wrong.append(f"{users} of the {len(DEMO_USERS)} demo users")
        if (movements, lines) == (0, 0):
            return "absent", wrong
        if self.lines and (movements, lines) != (self.movements, self.lines):
            wrong.append(f"the ledger is partly there: {movements} movements, {lines} lines "
                         f"of {self.movements}, {self.lines}")
        return "complete", wrong

    def already_done(self, run: Run) -> bool:
        return bool(run.outcome and run.outcome["already_present"])


WORKLOADS: dict[str, Callable[..., Workload]] = {
    "ledger_import": LedgerImport, "district_import": DistrictImport, "demo_build": DemoBuild}


# -- crash trials ----------------------------------------------------------------------------


@dataclass
class Trial:
    """One kill, what it left, and whether the recovery held."""

    workload: str
    seed: int
    kill_at_s: float
    killed: bool
    left: str  # the workload's state right after the kill
    failures: list[str] = field(default_factory=list)
    rows_lost: int = 0

    @property
    def survived(self) -> bool:
        return not self.failures


@dataclass
class Campaign:
    workload: str
    seed: int
    run_seconds: float  # an uninterrupted run, from ready to the end
    expected_rows: int
    trials: list[Trial] = field(default_factory=list)

    @property
    def survived(self) -> int:
        return sum(t.survived for t in self.trials)

    @property
    def rows_lost(self) -> int:
        return sum(t.rows_lost for t in self.trials)

    def failures(self) -> list[str]:
        return [f"{self.workload} trial seed={t.seed} kill at {t.kill_at_s:.3f}s "
                f"(left {t.left}): {f}" for t in self.trials for f in t.failures]


def _ended_well(run: Run) -> str | None:
    if run.returncode != 0:
        return f"exit code {run.returncode}: {run.stderr[-1500:]}"
    return None


def crash_trial(work: Workload, template: Path, folder: Path, seed: int,
                run_seconds: float, expected_rows: int) -> Trial:
    """Copy the starting database, kill the job at a seeded random moment, check, finish it.

    The moment is drawn over the whole run and a little after it (1.1 × an uninterrupted
    run), so some kills land during the commit and some after it.
    """
    rng = random.Random(seed)
    kill_at = rng.uniform(0.0, 1.1 * run_seconds)
    db = folder / f"{work.name}-{seed}.sqlite3"
    shutil.copy(template, db)
    try:
        run = run_and_kill(kill_at, *work.args(db))
        left, partial = work.state(db)
        trial = Trial(work.name, seed, kill_at, run.killed, left)
        trial.failures += partial
        if not run.killed and (problem := _ended_well(run)):
            trial.failures.append(f"the job itself failed: {problem}")
        trial.failures += [f"after the kill: {p}" for p in check_database(db)]
        if trial.failures:
            return trial
        again = run_to_end(*work.args(db))  # running it again completes it
        if problem := _ended_well(again):
            trial.failures.append(f"second run: {problem}")
            return trial
        done, partial = work.state(db)
        trial.failures += [f"after the second run: {p}" for p in partial]
        if done != "complete":
            trial.failures.append(f"the second run left {done}")
        trial.failures += [f"after the second run: {p}" for p in check_database(db)]
        trial.rows_lost = max(0, expected_rows - work.rows(db))
        if trial.rows_lost:
            trial.failures.append(f"{trial.rows_lost} rows lost")
        third = run_to_end(*work.args(db))
        if (problem := _ended_well(third)) or not work.already_done(third):
            trial.failures.append(f"the third run did not recognise the work as done: "
                                  f"{problem or third.outcome}")
        return trial
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)


def crash_campaign(work: Workload, trials: int, seed: int, folder: Path,
                   report: Callable[[Trial], None] | None = None) -> Campaign:
    """Set the workload up, time one uninterrupted run, then ``trials`` seeded kills."""
    folder.mkdir(parents=True, exist_ok=True)
    template = work.prepare(folder / f"{work.name}-input")
    reference = folder / f"{work.name}-reference.sqlite3"
    shutil.copy(template, reference)
    whole = run_to_end(*work.args(reference))
    if problem := _ended_well(whole):
        raise RuntimeError(f"{work.name}: an uninterrupted run failed: {problem}")
    rows = work.learn(reference)
    state, partial = work.state(reference)
    if state != "complete" or partial or not rows:
        raise RuntimeError(f"{work.name}: an uninterrupted run left {state} {partial}")
    campaign = Campaign(work.name, seed, whole.seconds, rows)
    master = random.Random(seed)
    for _ in range(trials):
        trial = crash_trial(work, template, folder, master.randrange(2**31),
                            whole.seconds, campaign.expected_rows)
        campaign.trials.append(trial)
        if report is not None:
            report(trial)
    return campaign


# -- concurrent writers ----------------------------------------------------------------------


@contextmanager
def postgres_server() -> Iterator[str | None]:
    """A PostgreSQL server to create scratch databases on: ``STOCKDESK_TEST_PG_URL`` when
    set, else a private throwaway one (``tools/pg_server.py``), else None."""
    given = os.environ.get("STOCKDESK_TEST_PG_URL")
    if given:
        yield given
        return
    spec = importlib.util.spec_from_file_location("pg_server", ROOT / "tools" / "pg_server.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    try:
        server = tool.PrivateServer()
        url = server.start()
    except tool.ServerError:
        yield None
        return
    try:
        yield url
    finally:
        server.stop()


@contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    """A new, empty database on that server, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"sd_reliability_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = :n"), {"n": name})
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    finally:
        admin.dispose()


CONC_FACILITY, CONC_PRODUCT, CONC_LOT = "HC01", "AMOX250", "L-SHARED"
CONC_DAY = date(2024, 12, 2)
CONC_OPENING = 10_000


def prepare_concurrency(url: str) -> None:
    """A facility with one product and an opening receipt every writer can issue from."""
    from stockdesk.services.auth import SETUP_ACTOR
    from stockdesk.services.database import Database
    from stockdesk.services.ledger import LedgerService, LineInput
    from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData

    db = Database.open(url)
    try:
        md = MasterDataService(db, SETUP_ACTOR)
        md.save_facilities([FacilityData(CONC_FACILITY, "Health Centre One", "health_centre",
                                         "North", "Region A")])
        md.save_products([ProductData(CONC_PRODUCT, "Amoxicillin", "250 mg", "tablet",
                                      "tablet", 100, 50, program="essential")])
        LedgerService(db, SETUP_ACTOR).receive(
            CONC_FACILITY, date(2024, 12, 1), [LineInput(CONC_PRODUCT, CONC_OPENING,
                                                         lot=CONC_LOT,
                                                         expiry=date(2030, 12, 31))],
            reference="opening", supplier="Central Medical Stores")
    finally:
        db.close()


@dataclass
class Contention:
    writers: int
    per_writer: int
    seconds: float  # wall time from the common start to the last writer's end
    outcomes: list[dict[str, Any]]

    @property
    def posted(self) -> int:
        return sum(o["posted"] for o in self.outcomes)

    @property
    def errors(self) -> list[str]:
        return [e for o in self.outcomes for e in o["errors"]]

    @property
    def error_count(self) -> int:
        return sum(o["error_count"] for o in self.outcomes)

    @property
    def per_second(self) -> float:
        return self.posted / self.seconds if self.seconds else 0.0


def concurrent_posts(url: str, writers: int, per_writer: int) -> Contention:
    """Start ``writers`` processes that each post ``per_writer`` movements, all at once."""
    procs = [spawn("post", url, "--facility", CONC_FACILITY, "--product", CONC_PRODUCT,
                   "--lot", CONC_LOT, "--day", CONC_DAY.isoformat(),
                   "--count", str(per_writer), "--tag", f"w{i}") for i in range(writers)]
    try:
        for proc in procs:
            wait_ready(proc)
        started = time.perf_counter()
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        runs = [_finish(proc, started, killed=False) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    seconds = max(r.seconds for r in runs)
    outcomes = []
    for r in runs:
        if r.returncode != 0 or r.outcome is None:
            raise RuntimeError(f"a writer failed: {r.returncode} {r.stderr[-2000:]}")
        outcomes.append(r.outcome)
    return Contention(writers, per_writer, seconds, outcomes)


def check_contention(url: str, result: Contention) -> list[str]:
    """Every movement arrived once, and the stock on hand is the opening plus what moved."""
    from stockdesk.db.models import Movement
    from stockdesk.services import balances
    from stockdesk.services.auth import SETUP_ACTOR
    from stockdesk.services.database import Database
    from stockdesk.services.stock import StockService

    found: list[str] = []
    expected = result.writers * result.per_writer
    if result.error_count:
        found.append(f"{result.error_count} posts failed, e.g. {result.errors[:3]}")
    db = Database.open(url, upgrade=False)
    try:
        with db.reading() as s:
            refs = list(s.scalars(select(Movement.reference).where(
                Movement.reference.like("w%-%"))))
            found += [f"stock_balances: {p}" for p in balances.verify(s)[:5]]
        stock = StockService(db, SETUP_ACTOR).stock_on_hand(CONC_FACILITY)
        soh = next((p.on_hand for p in stock if p.code == CONC_PRODUCT), None)
    finally:
        db.close()
    if len(refs) != expected or len(set(refs)) != expected:
        found.append(f"{len(refs)} movements ({len(set(refs))} distinct) arrived, "
                     f"{expected} posted")
    receipts = sum((n + 1) // 2 for n in [result.per_writer] * result.writers)
    issues = result.writers * result.per_writer - receipts
    want = CONC_OPENING + 5 * receipts - 3 * issues
    if soh != want:
        found.append(f"stock on hand {soh}, expected {want}")
    return found
