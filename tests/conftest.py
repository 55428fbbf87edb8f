"""Shared fixtures: a migrated database per test, on SQLite and (when available) PostgreSQL.

``STOCKDESK_TEST_PG_URL`` names a PostgreSQL server where the tests may create databases;
``tools/dev.py test`` starts a private one.  With ``STOCKDESK_STRICT=1`` (the README's test
command and CI) a test skipped for a missing tool fails the run instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.database import Database
from tests.small_district import save_small_district

PG_URL = os.environ.get("STOCKDESK_TEST_PG_URL")
STRICT = os.environ.get("STOCKDESK_STRICT") == "1"
TODAY = date(2024, 12, 31)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # type: ignore[no-untyped-def]
    """Under STOCKDESK_STRICT, a skip for a missing tool is a failure, not a pass."""
    outcome = yield
    report = outcome.get_result()
    if STRICT and report.skipped and not hasattr(report, "wasxfail"):
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ""
        if "missing tool" in reason or "PostgreSQL" in reason:
            report.outcome = "failed"
            report.longrepr = f"skipped under STOCKDESK_STRICT=1: {reason}"


def _pg_database() -> Iterator[str]:
    if not PG_URL:
        pytest.skip(
            "missing tool: PostgreSQL (set STOCKDESK_TEST_PG_URL, or run python3 tools/dev.py test)"
        )
    name = f"sd_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
            ), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A database URL: every test that uses it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'stockdesk.sqlite3'}"
    else:
        yield from _pg_database()


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'stockdesk.sqlite3'}"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database.open(db_url)
    yield database
    database.close()


@pytest.fixture
def admin() -> Actor:
    return SETUP_ACTOR


@pytest.fixture
def facility_db(db: Database, admin: Actor) -> Database:
    """A database with a district store, two health centres and three products."""
    return save_small_district(db, admin)
