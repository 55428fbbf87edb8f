"""Backing up and restoring the whole database, with the checks that keep a restore safe.

A restore replaces every record, so it is admin-only, refuses anything that is not a StockDesk
database this version can read, and always copies the current database aside first: a wrong
restore can itself be undone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import stockdesk
from stockdesk.db import backup as copies
from stockdesk.db import migrate
from stockdesk.db.models import User
from stockdesk.problems import Location, Problem, ProblemsFound, error
from stockdesk.services import audit, balances, summaries
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database


@dataclass(frozen=True)
class BackupResult:
    path: Path
    method: str  # 'sqlite' (online backup API) or 'pg_dump' (custom format)
    size: int  # bytes


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path  # the database as it was just before the restore
    revision: str | None  # schema revision of the restored file, before any upgrade
    upgraded: bool  # the restored file was older and was brought to this version's schema
    facilities: int
    users: int


def _now() -> datetime:
    return datetime.now(UTC)


class BackupService:
    def __init__(self, db: Database, actor: Actor, *, safety_dir: Path | None = None,
                 now: Callable[[], datetime] = _now):
        self.db = db
        self.actor = actor
        self.safety_dir = safety_dir
        self.now = now

    def backup(self, path: Path, *, overwrite: bool = False) -> BackupResult:
        """Copy the database to ``path`` (a file, or a folder to put a dated file in)."""
        self.actor.require("backup.create")
        live = self.db.sqlite_path
        stem = live.stem if live is not None else "stockdesk"
        if path.is_dir():
            suffix = ".sqlite3" if live is not None else ".dump"
            path = copies.unused_path(
                path / copies.backup_name(stem, "backup", self.now(), suffix))
        where = Location(file=str(path))
        if live is not None and _same_file(path, live):
            raise ProblemsFound([error("backup.same_file").at(where)])
        if path.exists() and not overwrite:
            raise ProblemsFound([error("backup.exists").at(where)])
        if live is not None:
            try:
                copies.online_backup(self.db.engine, path)
            except OSError as exc:
                raise ProblemsFound([error("backup.failed", detail=str(exc)).at(where)]) from exc
            method = "sqlite"
        else:
            try:
                copies.pg_dump(self.db.url, path)
            except copies.ToolMissing as exc:
                raise ProblemsFound([error("backup.pg_dump_missing").at(where)]) from exc
            except (OSError, RuntimeError) as exc:
                raise ProblemsFound([error("backup.failed", detail=str(exc)).at(where)]) from exc
            method = "pg_dump"
        return BackupResult(path, method, path.stat().st_size)

    def check(self, path: Path) -> copies.SqliteCopyInfo:
        """What a restore of ``path`` would bring back; raises ProblemsFound if it cannot."""
        self.actor.require("backup.restore")
        return self._check(path)

    def restore(self, path: Path) -> RestoreResult:
        """Replace the database with a backup, after copying the current one aside."""
        self.actor.require("backup.restore")
        info = self._check(path)
        live = self.db.sqlite_path
        assert live is not None  # _check refuses PostgreSQL
        folder = self.safety_dir or live.parent / "backups"
        safety = copies.unused_path(
            folder / copies.backup_name(live.stem, "before-restore", self.now()))
        folder.mkdir(parents=True, exist_ok=True)
        staged = copies.unused_path(
            folder / copies.backup_name(live.stem, "restoring", self.now()))
        where = Location(file=str(path))
        try:
            copies.staged_copy(path, staged, copies.page_size(self.db.engine))
            copies.online_backup(self.db.engine, safety)
            copies.restore_sqlite(self.db.engine, staged)
        except copies.NotAStockDeskDatabase as exc:
            raise ProblemsFound([Problem(exc.code, {"detail": exc.detail}).at(where)]) from exc
        except sqlite3.Error as exc:
            raise ProblemsFound([error("backup.failed", detail=str(exc)).at(where)]) from exc
        finally:
            staged.unlink(missing_ok=True)
        migrate.upgrade(self.db.engine, backup_dir=folder)
        with self.db.transaction() as s:
            # the caches are never trusted from a file: they are rebuilt from its ledger
            balances.rebuild(s)
            summaries.rebuild(s, date.today())
            # the restored users table may not know the person restoring: keep the name only
            known = self.actor.user_id is not None \
                and s.get(User, self.actor.user_id) is not None
            who = self.actor if known else Actor(self.actor.username, self.actor.role, None)
            audit.record(s, who, "database", str(path), "restore", None,
                         {"safety_backup": str(safety), "revision": info.revision})
        upgraded = info.revision != migrate.head_revision()
        return RestoreResult(path, safety, info.revision, upgraded, info.facilities, info.users)

    def _check(self, path: Path) -> copies.SqliteCopyInfo:
        where = Location(file=str(path))
        live = self.db.sqlite_path
        if live is None:
            raise ProblemsFound([error("backup.restore_postgres").at(where)])
        if path.exists() and _same_file(path, live):
            raise ProblemsFound([error("backup.same_file").at(where)])
        try:
            info = copies.inspect_sqlite_copy(path)
        except copies.NotAStockDeskDatabase as exc:
            raise ProblemsFound([Problem(exc.code, {"detail": exc.detail}).at(where)]) from exc
        problems: list[Problem] = []
        if info.revision is None:
            problems.append(error("backup.not_stockdesk").at(where))
        elif not _known_revision(info.revision):
            problems.append(error("backup.too_new", revision=info.revision,
                                  version=stockdesk.__version__).at(where))
        if problems:
            raise ProblemsFound(problems)
        return info


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory  # only when a backup is checked: slow to import

    script = ScriptDirectory.from_config(migrate.alembic_config())
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown revision
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


__all__ = ["BackupResult", "BackupService", "RestoreResult"]
