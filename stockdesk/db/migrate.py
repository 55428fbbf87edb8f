"""Bring a database to the current schema, after a backup, or refuse a newer one."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url

import stockdesk

if TYPE_CHECKING:
    from alembic.config import Config


class DatabaseTooNew(RuntimeError):
    """The database was written by a newer StockDesk; opening it could lose data."""

    def __init__(self, message: str, revision: str | None = None,
                 version: str = stockdesk.__version__) -> None:
        super().__init__(message)
        self.revision = revision  # the schema revision found in the database
        self.version = version  # this StockDesk's version


def migrations_dir() -> Path:
    """The Alembic scripts: beside the package in a checkout, inside it when installed."""
    here = Path(stockdesk.__file__).resolve().parent
    for candidate in (here.parent / "migrations", here / "_migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise FileNotFoundError("StockDesk's migrations folder is missing from this installation")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([^'\"\s]+)['\"]?", re.M)


def scripts_head() -> str | None:
    """The head revision read from the scripts' text, without importing Alembic.

    Opening an up-to-date database is the common case (every start of the window); Alembic
    costs a third of a second to import, so it is loaded only when there is work for it.
    None when the scripts do not form one simple chain (then Alembic decides).
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (migrations_dir() / "versions").glob("*.py"):
        found = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            return None
        revisions.add(found["revision"])
        if found.get("down_revision", "None") != "None":
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def sqlite_file(engine: Engine) -> Path | None:
    url = make_url(str(engine.url))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def upgrade(engine: Engine, backup_dir: Path | None = None) -> Path | None:
    """Upgrade to head.  Returns the backup made first (SQLite files that needed an upgrade)."""
    current = current_revision(engine)
    if current is not None and current == scripts_head():
        return None
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.script.revision import ResolutionError
    from alembic.util import CommandError

    script = ScriptDirectory.from_config(alembic_config())
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
                f"this is StockDesk {stockdesk.__version__}. Install the newer version.",
                revision=current)
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


__all__ = ["DatabaseTooNew", "current_revision", "head_revision", "migrations_dir",
           "scripts_head", "upgrade"]
