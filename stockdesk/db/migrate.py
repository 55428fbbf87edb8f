"""Bring a database to the current schema, after a backup, or refuse a newer one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

import stockdesk


class DatabaseTooNew(RuntimeError):
    """The database was written by a newer StockDesk; opening it could lose data."""


def migrations_dir() -> Path:
    """The Alembic scripts: beside the package in a checkout, inside it when installed."""
    here = Path(stockdesk.__file__).resolve().parent
    for candidate in (here.parent / "migrations", here / "_migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise FileNotFoundError("StockDesk's migrations folder is missing from this installation")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def sqlite_file(engine: Engine) -> Path | None:
    url = make_url(str(engine.url))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def upgrade(engine: Engine, backup_dir: Path | None = None) -> Path | None:
    """Upgrade to head.  Returns the backup made first (SQLite files that needed an upgrade)."""
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return None
    if current is not None:
        try:
            known = script.get_revision(current) is not None
        except (ResolutionError, CommandError):
            known = False
        if not known:
            raise DatabaseTooNew(
                f"this database was written by a newer StockDesk (schema {current}); "
                f"this is StockDesk {stockdesk.__version__}. Install the newer version."
            )
    backup = None
    db_file = sqlite_file(engine)
    if current is not None and db_file is not None and db_file.exists():
        folder = backup_dir or db_file.parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = folder / f"{db_file.stem}-before-{head}-{stamp}{db_file.suffix or '.sqlite3'}"
        from stockdesk.db.backup import online_backup

        online_backup(engine, backup)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


__all__ = ["DatabaseTooNew", "current_revision", "head_revision", "migrations_dir", "upgrade"]
