"""Backups and restores: the data comes back, wrong files change nothing, rotation keeps 14."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from stockdesk.db import backup as copies
from stockdesk.db.models import AuditEntry
from stockdesk.problems import ProblemsFound
from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.backup import BackupService
from stockdesk.services.database import Database
from stockdesk.services.ledger import LedgerService, LineInput
from stockdesk.services.stock import StockService

from ..conftest import TODAY

PHARMACIST = Actor("pharma", "pharmacist", None)
SUPERVISOR = Actor("boss", "supervisor", None)


def on_hand(db: Database, product: str = "AMOX250") -> int:
    rows = {p.code: p.on_hand for p in StockService(db, SETUP_ACTOR).stock_on_hand("HC01", TODAY)}
    return rows.get(product, 0)


def receive(db: Database, qty: int, on: date = date(2024, 3, 1)) -> None:
    LedgerService(db, SETUP_ACTOR, today=lambda: TODAY).receive(
        "HC01", on, [LineInput("AMOX250", qty, "L1", date(2026, 1, 1))])


def codes(exc: pytest.ExceptionInfo[ProblemsFound]) -> list[str]:
    return [p.code for p in exc.value.problems]


@pytest.fixture
def sqlite_db(sqlite_url):
    from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData

    db = Database.open(sqlite_url)
    md = MasterDataService(db, SETUP_ACTOR)
    md.save_facilities([FacilityData("HC01", "Health Centre One")])
    md.save_products([ProductData("AMOX250", "Amoxicillin", unit="tablet")])
    yield db
    db.close()


def test_backup_then_restore_brings_the_data_back(sqlite_db, tmp_path):
    receive(sqlite_db, 100)
    service = BackupService(sqlite_db, SETUP_ACTOR)
    made = service.backup(tmp_path / "copy.sqlite3")
    assert made.method == "sqlite" and made.size > 0
    assert made.path.read_bytes()[:16] == copies.SQLITE_MAGIC
    receive(sqlite_db, 50, date(2024, 4, 1))
    assert on_hand(sqlite_db) == 150
    result = service.restore(made.path)
    assert on_hand(sqlite_db) == 100
    assert result.facilities == 1 and not result.upgraded
    # the database as it was (150) is kept, and can itself be restored
    assert result.safety_backup.parent == tmp_path / "backups"
    service.restore(result.safety_backup)
    assert on_hand(sqlite_db) == 150
    with sqlite_db.reading() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "database"))
        assert list(actions) == ["restore"]  # the first restore's entry went with its database


@pytest.mark.parametrize("content", ["random", "other_sqlite", "empty_alembic", "missing"])
def test_restoring_something_else_is_refused_and_changes_nothing(sqlite_db, tmp_path, content):
    receive(sqlite_db, 100)
    candidate = tmp_path / "candidate.sqlite3"
    if content == "random":
        candidate.write_bytes(bytes(range(256)) * 40)
    elif content in ("other_sqlite", "empty_alembic"):
        conn = sqlite3.connect(candidate)
        conn.execute("CREATE TABLE facilities (id INTEGER)")
        if content == "empty_alembic":
            conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.commit()
        conn.close()
    with pytest.raises(ProblemsFound) as exc:
        BackupService(sqlite_db, SETUP_ACTOR).restore(candidate)
    assert codes(exc) == [{"random": "backup.not_sqlite", "other_sqlite": "backup.not_stockdesk",
                           "empty_alembic": "backup.not_stockdesk",
                           "missing": "backup.not_found"}[content]]
    assert str(candidate) in str(exc.value.problems[0])
    assert on_hand(sqlite_db) == 100
    assert not (tmp_path / "backups").exists()  # not even a safety copy was needed


def test_a_backup_from_a_newer_version_is_refused(sqlite_db, tmp_path):
    copy = BackupService(sqlite_db, SETUP_ACTOR).backup(tmp_path / "copy.sqlite3").path
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff99990000'")
    conn.commit()
    conn.close()
    with pytest.raises(ProblemsFound) as exc:
        BackupService(sqlite_db, SETUP_ACTOR).restore(copy)
    assert codes(exc) == ["backup.too_new"]
    assert "newer StockDesk" in str(exc.value.problems[0])


def test_a_damaged_file_is_refused(sqlite_db, tmp_path):
    copy = BackupService(sqlite_db, SETUP_ACTOR).backup(tmp_path / "copy.sqlite3").path
    data = bytearray(copy.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # keep the header, trash every other page
    copy.write_bytes(bytes(data))
    with pytest.raises(ProblemsFound) as exc:
        BackupService(sqlite_db, SETUP_ACTOR).restore(copy)
    assert codes(exc) in (["backup.damaged"], ["backup.not_stockdesk"])


def test_who_may_back_up_and_restore(sqlite_db, tmp_path):
    copy = BackupService(sqlite_db, PHARMACIST).backup(tmp_path / "by-pharmacist.sqlite3")
    with pytest.raises(ProblemsFound) as exc:
        BackupService(sqlite_db, PHARMACIST).restore(copy.path)
    assert codes(exc) == ["auth.forbidden"]
    with pytest.raises(ProblemsFound) as exc:
        BackupService(sqlite_db, SUPERVISOR).backup(tmp_path / "by-supervisor.sqlite3")
    assert codes(exc) == ["auth.forbidden"]


def test_backup_never_overwrites_by_accident(sqlite_db, tmp_path):
    service = BackupService(sqlite_db, SETUP_ACTOR,
                            now=lambda: datetime(2024, 12, 31, 17, 30, tzinfo=UTC))
    target = tmp_path / "copy.sqlite3"
    target.write_text("precious")
    with pytest.raises(ProblemsFound) as exc:
        service.backup(target)
    assert codes(exc) == ["backup.exists"]
    assert target.read_text() == "precious"
    service.backup(target, overwrite=True)
    assert copies.inspect_sqlite_copy(target).facilities == 1
    folder = tmp_path / "usb"
    folder.mkdir()
    assert service.backup(folder).path == folder / "stockdesk-backup-20241231T173000Z.sqlite3"
    with pytest.raises(ProblemsFound) as exc:
        service.backup(Path(str(sqlite_db.sqlite_path)), overwrite=True)
    assert codes(exc) == ["backup.same_file"]
    assert not list(tmp_path.glob("**/*.partial"))


def test_daily_backups_one_a_day_and_the_last_14_kept(sqlite_db, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    today = date(2024, 12, 31)
    for back in range(1, 21):
        (folder / f"stockdesk-daily-{today - timedelta(days=back)}.sqlite3").write_text("old")
    keep_me = [folder / "stockdesk-before-restore-20240101T000000Z.sqlite3",
               folder / "other-daily-2020-01-01.sqlite3", folder / "notes.txt"]
    for path in keep_me:
        path.write_text("not a daily backup of this database")
    made = copies.daily_backup(sqlite_db.engine, folder, today)
    assert made is not None and made == folder / "stockdesk-daily-2024-12-31.sqlite3"
    assert copies.inspect_sqlite_copy(made).facilities == 1
    assert copies.daily_backup(sqlite_db.engine, folder, today) is None  # one a day
    daily = sorted(p.name for p in folder.glob("stockdesk-daily-*"))
    assert len(daily) == 14
    assert daily[0] == "stockdesk-daily-2024-12-18.sqlite3"
    assert daily[-1] == "stockdesk-daily-2024-12-31.sqlite3"
    assert all(p.exists() for p in keep_me)


def test_postgres_backup_uses_pg_dump_and_restore_is_left_to_pg_restore(db, tmp_path):
    if db.is_sqlite:
        pytest.skip("pg_dump applies to the postgres backend only")
    if shutil.which("pg_dump") is None:
        pytest.skip("missing tool: pg_dump")
    made = BackupService(db, SETUP_ACTOR).backup(tmp_path / "district.dump")
    assert made.method == "pg_dump"
    assert made.path.read_bytes()[:5] == b"PGDMP"
    with pytest.raises(ProblemsFound) as exc:
        BackupService(db, SETUP_ACTOR).restore(made.path)
    assert codes(exc) == ["backup.restore_postgres"]
    with db.reading() as s:
        assert s.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_without_pg_dump_the_message_says_what_to_install(db, tmp_path, monkeypatch):
    if db.is_sqlite:
        pytest.skip("pg_dump applies to the postgres backend only")
    monkeypatch.setattr(copies.shutil, "which", lambda name: None)
    with pytest.raises(ProblemsFound) as exc:
        BackupService(db, SETUP_ACTOR).backup(tmp_path / "district.dump")
    assert codes(exc) == ["backup.pg_dump_missing"]
    assert "PostgreSQL client tools" in str(exc.value.problems[0])
    assert not Path(tmp_path / "district.dump").exists()


def test_a_tampered_backup_comes_back_with_its_protections_and_true_balances(tmp_path):
    """A copy edited with an outside tool: triggers dropped, a foreign one added, a cached
    balance raised.  The restore puts the append-only triggers back, drops the stranger and
    recomputes stock from the ledger."""
    from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData

    db = Database.open(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    md = MasterDataService(db, SETUP_ACTOR)
    md.save_facilities([FacilityData("HC01", "One")])
    md.save_products([ProductData("P", "Paracetamol")])
    LedgerService(db, SETUP_ACTOR).receive("HC01", date(2024, 1, 5), [LineInput("P", 7, "L")])
    copy = tmp_path / "copy.sqlite3"
    BackupService(db, SETUP_ACTOR).backup(copy)
    raw = sqlite3.connect(copy)
    raw.executescript("""
        DROP TRIGGER movements_no_update; DROP TRIGGER audit_log_no_delete;
        UPDATE stock_balances SET balance = 5000;
        CREATE TRIGGER sneaky AFTER INSERT ON movements BEGIN DELETE FROM audit_log; END;
    """)
    raw.close()
    BackupService(db, SETUP_ACTOR, safety_dir=tmp_path / "safe").restore(copy)
    assert [p.on_hand for p in StockService(db, SETUP_ACTOR).stock_on_hand("HC01")] == [7]
    with db.reading() as s:
        triggers = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type='trigger'")))
    assert "sneaky" not in triggers
    assert {"movements_no_update", "audit_log_no_delete"} <= triggers
    db.close()
