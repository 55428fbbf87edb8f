"""Copies of the database: SQLite online backups, daily rotation, restore, and pg_dump.

SQLite files are copied with the online backup API (``sqlite3.Connection.backup``), which reads
a consistent snapshot while other people keep working, unlike copying the file (a copy taken
mid-write of a WAL database can be unusable).  Every copy is written to a ``.partial`` file and
renamed when complete, so a power cut never leaves a half backup that looks whole.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from stockdesk.db.models import APPEND_ONLY_TABLES

SQLITE_MAGIC = b"SQLite format 3\x00"
DAILY_KEEP = 14
# Tables every StockDesk database has had since its first schema: how a copy is recognised.
REQUIRED_TABLES = ("alembic_version", "facilities")
_DAILY = re.compile(r"-daily-(\d{4}-\d{2}-\d{2})$")


class NotAStockDeskDatabase(ValueError):
    """A file offered for restore is not a StockDesk SQLite database (``code`` says why)."""

    def __init__(self, code: str, detail: str = ""):
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}" if detail else code)


@dataclass(frozen=True)
class SqliteCopyInfo:
    """What a candidate restore file holds."""

    path: Path
    revision: str | None
    facilities: int
    users: int


def online_backup(engine: Engine, path: Path) -> Path:
    """Copy a SQLite database to ``path`` with the online backup API; returns ``path``.

    The copy is switched to the rollback journal so it is one self-contained file (a WAL copy
    would need its ``-wal`` companion to be moved with it).
    """
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        if not isinstance(source, sqlite3.Connection):
            raise TypeError("online_backup works on SQLite databases only")
        _copy_sqlite(source, path)
    finally:
        raw.close()
    return path


def _copy_sqlite(source: sqlite3.Connection, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(path)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            target.commit()
        finally:
            target.close()
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def daily_backup(engine: Engine, folder: Path, today: date,
                 keep: int = DAILY_KEEP) -> Path | None:
    """Keep one backup per day beside the database, the last ``keep`` days.

    Returns the backup made now, or None when today's already exists.  Older daily copies
    beyond ``keep`` are deleted; other files in the folder (backups made before an upgrade or
    a restore, copies the user put there) are never touched.
    """
    db_file = make_url(str(engine.url)).database
    if not db_file:
        return None
    stem = Path(db_file).stem
    target = folder / f"{stem}-daily-{today.isoformat()}.sqlite3"
    made = None
    if not target.exists():
        made = online_backup(engine, target)
    prune_daily(folder, stem, keep)
    return made


def prune_daily(folder: Path, stem: str, keep: int = DAILY_KEEP) -> list[Path]:
    """Delete the oldest daily backups of ``stem`` beyond ``keep``; returns what was deleted."""
    dated: list[tuple[date, Path]] = []
    for candidate in folder.glob(f"{stem}-daily-*.sqlite3"):
        found = _DAILY.search(candidate.stem)
        if found is None or candidate.stem[: found.start()] != stem:
            continue
        try:
            dated.append((date.fromisoformat(found.group(1)), candidate))
        except ValueError:
            continue
    dated.sort(reverse=True)
    removed = []
    for _, old in dated[keep:]:
        old.unlink(missing_ok=True)
        removed.append(old)
    return removed


def inspect_sqlite_copy(path: Path) -> SqliteCopyInfo:
    """Check that ``path`` is a readable StockDesk SQLite database, without changing it.

    Raises :class:`NotAStockDeskDatabase` with code ``backup.not_found``,
    ``backup.not_sqlite``, ``backup.damaged`` or ``backup.not_stockdesk``.
    """
    if not path.is_file():
        raise NotAStockDeskDatabase("backup.not_found")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise NotAStockDeskDatabase("backup.not_found", str(exc)) from exc
    if header != SQLITE_MAGIC:
        raise NotAStockDeskDatabase("backup.not_sqlite")
    try:
        conn = sqlite3.connect(_readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise NotAStockDeskDatabase("backup.damaged", str(exc)) from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise NotAStockDeskDatabase("backup.damaged", str(check[0] if check else ""))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not set(REQUIRED_TABLES) <= tables:
            raise NotAStockDeskDatabase("backup.not_stockdesk")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        facilities = conn.execute("SELECT count(*) FROM facilities").fetchone()[0]
        users = conn.execute("SELECT count(*) FROM users").fetchone()[0] \
            if "users" in tables else 0
    except (sqlite3.Error, UnicodeDecodeError) as exc:  # a damaged schema's text is not UTF-8
        raise NotAStockDeskDatabase("backup.damaged", str(exc)) from exc
    finally:
        conn.close()
    return SqliteCopyInfo(path, row[0] if row else None, int(facilities), int(users))


def restore_sqlite(engine: Engine, source_file: Path) -> None:
    """Replace the live database's content with ``source_file``'s, in one SQLite transaction.

    The backup API writes into the open database (taking its write lock), so other
    connections see either the old or the restored content, never a mix, and no file is
    swapped under a program that has it open.
    """
    source = sqlite3.connect(_readonly_uri(source_file), uri=True)
    raw = engine.raw_connection()
    try:
        target = raw.driver_connection
        if not isinstance(target, sqlite3.Connection):
            raise TypeError("restore_sqlite works on SQLite databases only")
        source.backup(target)
    finally:
        raw.close()
        source.close()
    engine.dispose()  # pooled connections may cache the old schema


def staged_copy(source_file: Path, staged: Path, page_size: int) -> None:
    """Copy a file offered for restore to ``staged`` and make it safe to put in place.

    A backup may have been opened with other tools since it was made.  The copy must pass
    SQLite's integrity and foreign-key checks; triggers and views StockDesk does not create
    are dropped and the append-only triggers are created afresh, so an edited file cannot
    bring back a ledger that accepts changes or a trigger that erases the audit log.  The copy
    takes the live database's page size, which the backup API needs to write into it.
    """
    source = sqlite3.connect(_readonly_uri(source_file), uri=True)
    target = sqlite3.connect(staged)
    try:
        source.backup(target)
        target.isolation_level = None
        problems = [r[0] for r in target.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise NotAStockDeskDatabase("backup.damaged", "; ".join(problems[:3]))
        if target.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise NotAStockDeskDatabase("backup.damaged", "rows point at missing rows")
        target.execute("PRAGMA journal_mode=DELETE")
        for kind, name in target.execute(
                "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
        ).fetchall():
            target.execute(f'DROP {kind.upper()} "{name}"')
        for table in APPEND_ONLY_TABLES:
            for action in ("UPDATE", "DELETE"):
                target.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only; "
                    f"post a reversal instead'); END")
        target.execute(f"PRAGMA page_size={int(page_size)}")
        target.execute("VACUUM")
    except sqlite3.DatabaseError as exc:
        raise NotAStockDeskDatabase("backup.damaged", str(exc)) from exc
    finally:
        target.close()
        source.close()


def page_size(engine: Engine) -> int:
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        raw.close()


def backup_name(stem: str, what: str, when: datetime, suffix: str = ".sqlite3") -> str:
    """``stockdesk-before-restore-20241231T120000Z.sqlite3``: sortable and self-explaining."""
    return f"{stem}-{what}-{when.strftime('%Y%m%dT%H%M%SZ')}{suffix}"


def unused_path(path: Path) -> Path:
    """``path``, or ``name-2.ext``, ``name-3.ext``...: two backups in one second keep both."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _partial(path: Path) -> Path:
    """A private temporary name: two processes backing up at once never share one."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    return partial


def _readonly_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


# -- PostgreSQL -------------------------------------------------------------------------------


class ToolMissing(RuntimeError):
    """A PostgreSQL client program (pg_dump) is not on PATH."""


def pg_dump(url: str, path: Path, environ: Mapping[str, str] | None = None) -> Path:
    """Dump a PostgreSQL database to ``path`` in pg_dump's custom format (for pg_restore).

    The password goes through ``PGPASSWORD``, never the command line, which other users of
    the machine could read.
    """
    exe = shutil.which("pg_dump")
    if exe is None:
        raise ToolMissing("pg_dump")
    url_obj = make_url(url)
    env = dict(os.environ if environ is None else environ)
    if url_obj.password:
        env["PGPASSWORD"] = str(url_obj.password)
    conninfo = url_obj.set(drivername="postgresql", password=None).render_as_string(
        hide_password=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(path)
    result = subprocess.run(
        [exe, "--format=custom", "--no-owner", f"--file={partial}", f"--dbname={conninfo}"],
        env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise RuntimeError(result.stderr.strip() or f"pg_dump exited with {result.returncode}")
    os.replace(partial, path)
    return path


__all__ = [
    "DAILY_KEEP",
    "NotAStockDeskDatabase",
    "SqliteCopyInfo",
    "ToolMissing",
    "backup_name",
    "daily_backup",
    "inspect_sqlite_copy",
    "online_backup",
    "pg_dump",
    "prune_daily",
    "restore_sqlite",
    "unused_path",
]
