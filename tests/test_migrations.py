"""The migrations build exactly the models' schema, both ways, on SQLite and PostgreSQL.

Also: a database from a newer StockDesk is refused untouched, an existing SQLite file is backed
up before an upgrade changes it, and the append-only triggers are in place.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from stockdesk.db import migrate
from stockdesk.db.engine import make_engine
from stockdesk.db.models import APPEND_ONLY_TABLES, Base
from stockdesk.services.database import Database
from stockdesk.services.ledger import LedgerService, LineInput

from .conftest import TODAY


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


def schema_differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def alembic(engine: Engine, action: str, revision: str) -> None:
    """Run ``alembic upgrade|downgrade REVISION`` on this engine, as the app does."""
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, revision)


def triggers(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        else:
            sql = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        return {row[0] for row in conn.execute(text(sql))}


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


# -- (a) models and migrations agree ---------------------------------------------------------
def test_upgrade_to_head_matches_the_models(engine: Engine) -> None:
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert tables(engine) == set(Base.metadata.tables) | {"alembic_version"}
    assert schema_differences(engine) == [], (
        "the models and the migrations disagree: write a migration "
        "(alembic revision --autogenerate) for these differences"
    )


# -- (b) down to base and up again -----------------------------------------------------------
def test_downgrade_to_base_and_upgrade_again(engine: Engine) -> None:
    migrate.upgrade(engine)
    alembic(engine, "downgrade", "base")
    assert migrate.current_revision(engine) is None
    assert tables(engine) <= {"alembic_version"}
    assert not triggers(engine)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert schema_differences(engine) == []
    assert len(triggers(engine)) >= len(APPEND_ONLY_TABLES)


# -- (c) a newer database is refused ----------------------------------------------------------
def test_database_from_a_newer_stockdesk_is_refused_untouched(engine: Engine, tmp_path) -> None:
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00d_from_the_future'"))
    with pytest.raises(migrate.DatabaseTooNew, match="written by a newer StockDesk"):
        migrate.upgrade(engine, backup_dir=tmp_path / "backups")
    assert migrate.current_revision(engine) == "f00d_from_the_future"
    assert not (tmp_path / "backups").exists()
    with pytest.raises(migrate.DatabaseTooNew, match="newer StockDesk"):
        Database.open(engine.url.render_as_string(hide_password=False))


# -- (d) backups before upgrading an existing SQLite file --------------------------------------
def test_no_backup_for_a_new_file_or_one_already_at_head(sqlite_url: str, tmp_path) -> None:
    engine = make_engine(sqlite_url)
    try:
        assert migrate.upgrade(engine) is None  # a new, empty file: nothing to lose
        assert migrate.upgrade(engine) is None  # already current: nothing to do
    finally:
        engine.dispose()
    assert not (tmp_path / "backups").exists()


def _migrations_with_one_more_revision(folder: Path) -> str:
    """A copy of the migrations plus a revision after head: an upgrade an old file would meet."""
    shutil.copytree(migrate.migrations_dir(), folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "zz_test_next.py").write_text(
        '"""a release after this one adds a table"""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        "revision = 'zz_test_next'\n"
        f"down_revision = {migrate.head_revision()!r}\n"
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        "def upgrade() -> None:\n"
        "    op.create_table('test_next', sa.Column('id', sa.Integer(), primary_key=True))\n\n\n"
        "def downgrade() -> None:\n"
        "    op.drop_table('test_next')\n"
    )
    return "zz_test_next"


def test_existing_file_is_backed_up_before_an_upgrade(
    sqlite_url: str, tmp_path, monkeypatch
) -> None:
    db = Database.open(sqlite_url)  # a file at today's head, with something in it
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO programs (code, name, profile) VALUES ('essential', 'Essential', 'x')"
        ))
    db.close()
    old_head = migrate.head_revision()
    newer = _migrations_with_one_more_revision(tmp_path / "migrations")
    monkeypatch.setattr(migrate, "migrations_dir", lambda: tmp_path / "migrations")

    engine = make_engine(sqlite_url)
    try:
        backup = migrate.upgrade(engine)
        assert migrate.current_revision(engine) == newer
        assert "test_next" in tables(engine)
    finally:
        engine.dispose()
    assert backup is not None and backup.exists()
    assert backup.parent == tmp_path / "backups" and newer in backup.name
    with sqlite3.connect(backup) as old:  # the copy is the file as it was before
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)
        assert old.execute("SELECT code FROM programs").fetchall() == [("essential",)]
        assert not old.execute(
            "SELECT name FROM sqlite_master WHERE name = 'test_next'"
        ).fetchall()


# -- (e) the database itself refuses changes to posted rows -----------------------------------
def test_append_only_triggers_exist_after_upgrade(engine: Engine) -> None:
    migrate.upgrade(engine)
    names = triggers(engine)
    for table in APPEND_ONLY_TABLES:
        assert any(table in name for name in names), f"no append-only trigger on {table}"


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
@pytest.mark.parametrize(
    "statement", ["UPDATE {table} SET id = id", "DELETE FROM {table}"], ids=["update", "delete"]
)
def test_posted_rows_cannot_be_changed_with_sql(facility_db, admin, table, statement) -> None:
    ledger = LedgerService(facility_db, admin, today=lambda: TODAY)
    ledger.receive("HC01", date(2024, 1, 15), [LineInput("AMOX250", 10, "X")])
    with facility_db.engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() > 0
    with pytest.raises(DBAPIError, match="append-only"), facility_db.engine.begin() as conn:
        conn.execute(text(statement.format(table=table)))
    with facility_db.engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() > 0


# -- (e) 0002: profiles by their short names -------------------------------------------------
def test_programs_keep_their_profile_under_its_new_name(engine: Engine) -> None:
    alembic(engine, "upgrade", "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO programs (code, name, profile) VALUES "
                          "('FP', 'Family planning', 'openlmis_v3'), "
                          "('MAL', 'Malaria', 'msupply')"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        got = dict(conn.execute(text("SELECT code, profile FROM programs")).all())
    assert got == {"FP": "openlmis", "MAL": "msupply"}


def test_the_scripts_head_is_alembics_head() -> None:
    """Opening an up-to-date database skips Alembic; that shortcut must agree with it."""
    assert migrate.scripts_head() == migrate.head_revision()
