"""A full disk or a read-only database: a plain message, and nothing half-written.

Two ways each.  On a real small file system (a tmpfs mounted for the test, which needs root:
CI runs as root) the disk really fills up part-way through an import, and a read-only mount
really refuses writes.  At the SQLite layer, which works anywhere (also as root, which
ignores file permissions): ``max_page_count`` makes the database "full" after a few pages,
``query_only`` makes it refuse writes as a read-only file does.  After each failure the file
is checked as the next start would find it, and the same import, run again once there is
room, completes it.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

from stockdesk import cli
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database
from stockdesk.services.imports import ImportService
from stockdesk.ui.errors import ErrorReporter
from tests.reliability._harness import TODAY, LedgerImport, check_database, sqlite_url

# the bulk writer talks to the driver directly, so its errors come unwrapped
DB_ERRORS = (OperationalError, sqlite3.OperationalError)
DISK_FULL_CLI = "the disk holding the database is full"
DISK_FULL_WINDOW = "The disk is full, so nothing was saved."
READ_ONLY_CLI = "the database cannot be written"
READ_ONLY_WINDOW = "The database file cannot be written"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[LedgerImport, Path]:
    """A 20,000-line ledger file and a database that has earlier months and their caches."""
    work = LedgerImport(lines=20_000)
    return work, work.prepare(tmp_path_factory.mktemp("disk"))


@contextmanager
def on_every_connection(pragma: str | Callable[[Any], str]) -> Iterator[None]:
    """Run ``pragma`` on every SQLite connection opened meanwhile (in this process)."""
    def apply(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(pragma(cur) if callable(pragma) else pragma)
        cur.close()

    event.listen(Engine, "connect", apply)
    try:
        yield
    finally:
        event.remove(Engine, "connect", apply)


def full_after(pages: int) -> Callable[[Any], str]:
    """A database that may grow by ``pages`` pages, then is "full"."""
    return lambda cur: (
        f"PRAGMA max_page_count={cur.execute('PRAGMA page_count').fetchone()[0] + pages}")


def import_cli(db: Path, file: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["import", "ledger", str(file), "--db", str(db)])
    return code, capsys.readouterr().err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- at the SQLite layer -------------------------------------------------------------------


def test_a_database_that_fills_up_mid_import_keeps_nothing_of_the_file(
        ledger, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    work, start = ledger
    db = tmp_path / "clinic.sqlite3"
    shutil.copy(start, db)
    with on_every_connection(full_after(40)):
        code, err = import_cli(db, work.file, capsys)
    assert code == 1
    assert DISK_FULL_CLI in err and "run the command again" in err
    assert "Traceback" not in err
    assert work.state(db) == ("absent", [])
    assert check_database(db) == []
    code, err = import_cli(db, work.file, capsys)  # room again: the same command completes it
    assert code == 0, err
    assert work.state(db) == ("complete", [])
    assert check_database(db) == []


def test_the_window_says_the_disk_is_full(ledger, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    work, start = ledger
    db_path = tmp_path / "clinic.sqlite3"
    shutil.copy(start, db_path)
    with on_every_connection(full_after(40)):
        db = Database.open(sqlite_url(db_path))
        try:
            with pytest.raises(DB_ERRORS) as caught:
                ImportService(db, SETUP_ACTOR, today=lambda: TODAY).import_file(
                    "ledger", work.file)
        finally:
            db.close()
    reporter = ErrorReporter()
    reporter.report(caught.value)
    assert reporter.last_shown is not None and reporter.last_shown.startswith(DISK_FULL_WINDOW)
    assert work.state(db_path) == ("absent", [])
    assert check_database(db_path) == []


def test_a_database_that_refuses_writes_is_said_read_only_and_stays_as_it_was(
        ledger, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    work, start = ledger
    db = tmp_path / "clinic.sqlite3"
    shutil.copy(start, db)
    Database.open(sqlite_url(db)).close()  # as the app leaves it: checkpointed, closed
    before = digest(db)
    with on_every_connection("PRAGMA query_only=ON"):
        code, err = import_cli(db, work.file, capsys)
        db_handle = Database.open(sqlite_url(db), upgrade=False)
        try:
            with pytest.raises(DB_ERRORS) as caught:
                ImportService(db_handle, SETUP_ACTOR, today=lambda: TODAY).import_file(
                    "ledger", work.file)
        finally:
            db_handle.close()
    assert code == 1
    assert READ_ONLY_CLI in err and "Traceback" not in err
    reporter = ErrorReporter()
    reporter.report(caught.value)
    assert (reporter.last_shown or "").startswith(READ_ONLY_WINDOW)
    assert digest(db) == before
    assert check_database(db) == []


# -- on a real small file system -----------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 48 MB tmpfs mounted for the test (root only), unmounted after."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs",
                           str(mount_point)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here (the SQLite-layer tests above "
                    f"cover it): {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Take all the free space of ``disk`` but ``leave`` bytes."""
    free = shutil.disk_usage(disk).free - leave
    filler = disk / "filler.bin"
    with filler.open("wb") as f:
        chunk = b"\0" * (1 << 20)
        while free > 0:
            f.write(chunk[:free])
            free -= len(chunk)
    return filler


def test_a_disk_that_fills_up_mid_import_keeps_nothing_of_the_file(
        ledger, small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    work, start = ledger
    db = small_disk / "clinic.sqlite3"
    shutil.copy(start, db)
    Database.open(sqlite_url(db)).close()  # the daily backup folder exists, as on a clinic PC
    filler = _fill(small_disk, leave=256 * 1024)
    code, err = import_cli(db, work.file, capsys)
    assert code == 1
    assert DISK_FULL_CLI in err and "Traceback" not in err
    assert work.state(db) == ("absent", [])
    assert check_database(db) == []
    filler.unlink()  # space freed: the same command completes the import
    code, err = import_cli(db, work.file, capsys)
    assert code == 0, err
    assert work.state(db) == ("complete", [])
    assert check_database(db) == []


def test_a_database_on_a_read_only_drive_is_refused_plainly_and_left_alone(
        ledger, small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    work, start = ledger
    db = small_disk / "clinic.sqlite3"
    shutil.copy(start, db)
    Database.open(sqlite_url(db)).close()
    before = digest(db)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code, err = import_cli(db, work.file, capsys)
    assert code == 1
    assert READ_ONLY_CLI in err and str(db) in err and "Traceback" not in err
    reporter = ErrorReporter()
    try:
        Database.open(sqlite_url(db))
    except PermissionError as exc:
        reporter.report(exc)
    assert (reporter.last_shown or "").startswith(READ_ONLY_WINDOW)
    assert digest(db) == before
    subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert check_database(db) == []  # writable again, it opens and verifies


def test_a_disk_that_fills_up_during_a_district_import_stops_it_plainly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The district store's disk fills up part-way through a folder of workbooks: the import
    stops with the disk-full message (not "refused" for every file left), the workbooks
    already in stay whole, and running it again once there is room brings in the rest."""
    from tests.reliability._harness import DistrictImport

    work = DistrictImport(files=6, products=10)
    db = work.prepare(tmp_path)
    files = sorted(str(p) for p in work.folder.glob("*.xlsx"))

    def district_import() -> tuple[int, str]:
        code = cli.main(["requisition", "import", *files, "--db", str(db)])
        return code, capsys.readouterr().err

    with on_every_connection(full_after(1)):
        code, err = district_import()
    assert code == 1, err
    assert DISK_FULL_CLI in err and "Traceback" not in err
    assert "store_failed" not in err
    state, wrong = work.state(db)
    assert wrong == [] and state != "complete"
    assert check_database(db) == []
    code, err = district_import()
    assert code == 0, err
    assert work.state(db) == ("complete", [])
