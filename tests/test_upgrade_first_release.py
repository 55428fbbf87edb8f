"""A database made by the first released StockDesk (schema 0004, tests/fixtures/) opens in
this version with every movement, requisition and user intact, after a backup.

The fixture's figures (first_release.json) were computed by the 0004 code when the file was
made; this version must find the same.  Nothing here names the current head revision: a new
migration makes this test exercise a real upgrade without any change to it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from stockdesk.app import Opened, open_database
from stockdesk.db.migrate import current_revision, head_revision
from stockdesk.problems import ProblemsFound
from stockdesk.services.requisitions import RequisitionService
from stockdesk.services.stock import StockService
from stockdesk.services.users import UserService

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE = FIXTURES / "first_release.sqlite3"
FACTS = json.loads((FIXTURES / "first_release.json").read_text(encoding="utf-8"))
# rows that no upgrade may change (new columns may appear; the old ones keep their values)
KEPT = ("movements", "movement_lines", "requisitions", "requisition_lines", "users",
        "facilities", "products", "lots", "audit_log")


def _fingerprint(path: Path, columns: dict[str, list[str]] | None = None
                 ) -> tuple[dict[str, list[str]], dict[str, tuple[int, str]]]:
    """Per table: (row count, SHA-256 of every row's values) over ``columns``
    (default: the columns the table has in this file)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cols = columns or {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
                           for t in KEPT}
        out = {}
        for table, names in cols.items():
            digest = hashlib.sha256()
            rows = conn.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall()
            for row in sorted(map(repr, rows)):  # not every table has an id to order by
                digest.update(row.encode())
            out[table] = (len(rows), digest.hexdigest())
        return cols, out
    finally:
        conn.close()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "clinic" / "stockdesk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(FIXTURE, target)
    return target


@pytest.fixture
def opened(copy: Path) -> Iterator[Opened]:
    result = open_database(f"sqlite:///{copy}", today=date.fromisoformat(FACTS["today"]))
    yield result
    result.db.close()


def test_the_fixture_is_the_first_released_schema_and_small() -> None:
    assert _revision(FIXTURE) == FACTS["revision"]
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        statuses = {r[0] for r in conn.execute("SELECT status FROM requisitions")}
    finally:
        conn.close()
    assert FIXTURE.stat().st_size < 2_000_000
    assert {"draft", "submitted", "authorized", "approved", "issued"} <= statuses


def test_opening_backs_up_first_then_brings_the_schema_to_head(copy: Path) -> None:
    before_cols, before = _fingerprint(copy)
    opened = open_database(f"sqlite:///{copy}", today=date.fromisoformat(FACTS["today"]))
    try:
        assert current_revision(opened.db.engine) == head_revision()
        needed = FACTS["revision"] != head_revision()
        backup = opened.upgrade_backup if needed else opened.daily_backup
        assert backup is not None and backup.is_file()
        assert backup.parent == copy.parent / "backups"
        assert _revision(backup) == FACTS["revision"], "the backup is the file as it was"
        assert _fingerprint(backup, before_cols)[1] == before
    finally:
        opened.db.close()
    # every movement, line, requisition, user, ... kept its values
    assert _fingerprint(copy, before_cols)[1] == before


def test_stock_on_hand_is_what_the_first_release_computed(opened: Opened) -> None:
    today = date.fromisoformat(FACTS["today"])
    admin = UserService(opened.db).authenticate("admin", FACTS["password"])
    stock = StockService(opened.db, admin, lambda: today)
    for facility, expected in FACTS["on_hand"].items():
        from_ledger = {p.code: p.on_hand for p in stock.stock_on_hand(facility, today)}
        assert from_ledger == expected, facility
        from_cache = {p.code: p.on_hand for p in stock.stock_on_hand(facility)}
        assert from_cache == expected, f"{facility}: the balance cache after the upgrade"


def test_every_user_still_signs_in_as_before(opened: Opened) -> None:
    users = UserService(opened.db)
    pharmacist = users.authenticate("pharmacist", FACTS["password"])
    assert pharmacist.role == "pharmacist"
    assert pharmacist.facility == FACTS["facilities"][0]
    with pytest.raises(ProblemsFound):
        users.authenticate("pharmacist", "not the password")
    with pytest.raises(ProblemsFound):
        users.authenticate("former", "first-password")  # disabled stays disabled
    clerk = users.authenticate("clerk", "first-password")
    assert clerk.must_change_password
    admin = users.authenticate("admin", FACTS["password"])
    assert sorted(u.username for u in UserService(opened.db, admin).list_users()) \
        == FACTS["users"]


def test_requisitions_keep_their_state_and_their_work_goes_on(opened: Opened) -> None:
    today = date.fromisoformat(FACTS["today"])
    users = UserService(opened.db)
    admin = users.authenticate("admin", FACTS["password"])
    program = FACTS["program"]
    for key, status in FACTS["requisitions"].items():
        facility, period = key.split()
        doc = RequisitionService(opened.db, admin, lambda: today).document(
            facility, period, program)
        assert doc.header.status.value == status, key
        assert doc.lines
    rejected = RequisitionService(opened.db, admin, lambda: today).document(
        FACTS["facilities"][1], "2026-08", program)
    assert rejected.header.rejection == "figures do not match the count"
    # the authorized R&R of the first release is approved by this version
    logistician = users.authenticate("logistician", FACTS["password"])
    doc = RequisitionService(opened.db, logistician, lambda: today).step(
        FACTS["facilities"][0], "2026-09", "approve", program)
    assert doc.header.status.value == "approved"


def _revision(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()
