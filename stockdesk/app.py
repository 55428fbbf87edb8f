"""Composition root: where the data lives, which database to open, and opening it safely.

Both front ends (the command line now, the window later) start here, so the rules are the same
for both: ``--db`` beats ``STOCKDESK_DB`` beats the default file; opening migrates (after a
backup) and refuses a database from a newer StockDesk; a SQLite file keeps a rotation of daily
backups beside it, because on a clinic PC that folder is often the only copy there is.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from stockdesk.db.migrate import DatabaseTooNew

if TYPE_CHECKING:
    from stockdesk.services.database import Database

APP_NAME = "StockDesk"
DB_FILE = "stockdesk.sqlite3"
SETTINGS_FILE = "settings.ini"
LOG_FILE = "stockdesk.log"
PORTABLE_MARKER = "portable"
PORTABLE_DATA = "data"
ENV_DB = "STOCKDESK_DB"
ENV_USER = "STOCKDESK_USER"
ENV_PASSWORD = "STOCKDESK_PASSWORD"
ENV_NEW_PASSWORD = "STOCKDESK_NEW_PASSWORD"


@dataclass(frozen=True)
class Paths:
    """Where StockDesk keeps its files on this machine."""

    data_dir: Path
    portable: bool  # True when running from a folder (USB stick) holding a ``portable`` file

    @property
    def default_db(self) -> Path:
        return self.data_dir / DB_FILE

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / SETTINGS_FILE


def executable_dir() -> Path | None:
    """The folder of the frozen executable; None when running from a Python installation.

    Both programs of the bundle (``stockdesk`` and ``StockDesk``) sit in that folder, and so
    does the ``portable`` marker the installer writes.  The path is not resolved: on a USB
    stick reached through a link, data belongs beside the program as the person sees it.
    """
    if getattr(sys, "frozen", False):
        return Path(os.path.abspath(sys.executable)).parent
    return None


def resolve_paths(exe_dir: Path | None = None) -> Paths:
    """Portable mode when a file named ``portable`` sits beside the executable, so a copy on a
    USB stick carries its data with it; otherwise the per-user data directory."""
    exe_dir = exe_dir if exe_dir is not None else executable_dir()
    if exe_dir is not None and (exe_dir / PORTABLE_MARKER).is_file():
        return Paths(exe_dir / PORTABLE_DATA, portable=True)
    from platformdirs import user_data_dir

    return Paths(Path(user_data_dir(APP_NAME, appauthor=False)), portable=False)


def log_to_file(paths: Paths, level: int = logging.WARNING) -> Path | None:
    """Keep StockDesk's warnings and errors in ``logs/stockdesk.log`` beside the data.

    On a clinic PC the log is what a supervisor sends when something went wrong, so it lives
    with the database (on the USB stick in portable mode).  A few rotated files at most, so
    years of use never fill the disk.  Returns the file, or None when the folder cannot be
    written (the program still runs).
    """
    from logging.handlers import RotatingFileHandler

    logger = logging.getLogger("stockdesk")
    target = paths.logs_dir / LOG_FILE
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == target:
            return target
    try:
        paths.logs_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=3,
                                      encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    logger.addHandler(handler)
    return target


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"


def normalise_db(value: str) -> str:
    """A database URL as given, or a plain file path taken as a SQLite file."""
    value = value.strip()
    if "://" in value:
        make_url(value)  # raises ArgumentError with a clear text for a malformed URL
        return value
    return sqlite_url(Path(value))


def resolve_db_url(cli_value: str | None, environ: Mapping[str, str] | None = None,
                   paths: Paths | None = None) -> str:
    """``--db`` first, then ``STOCKDESK_DB``, then the SQLite file in the data directory."""
    env = os.environ if environ is None else environ
    for candidate in (cli_value, env.get(ENV_DB)):
        if candidate and candidate.strip():
            return normalise_db(candidate)
    return sqlite_url((paths or resolve_paths()).default_db)


@dataclass(frozen=True)
class Settings:
    """What a run needs to know before it opens anything."""

    db_url: str
    paths: Paths
    username: str | None = None
    daily_backups: int = 14

    @classmethod
    def resolve(cls, db: str | None = None, user: str | None = None,
                environ: Mapping[str, str] | None = None,
                paths: Paths | None = None) -> Settings:
        env = os.environ if environ is None else environ
        paths = paths or resolve_paths()
        name = user if user else (env.get(ENV_USER) or None)
        return cls(resolve_db_url(db, env, paths), paths, name)


@dataclass
class Opened:
    """An open, migrated database and what opening it did."""

    db: Database
    upgrade_backup: Path | None = None
    daily_backup: Path | None = None
    warnings: list[str] = field(default_factory=list)


def open_database(url: str, *, today: date | None = None, daily_keep: int = 14,
                  backups_dir: Path | None = None) -> Opened:
    """Open and migrate ``url``; keep the daily backups of a SQLite file.

    Raises ``DatabaseTooNew`` (and disposes the engine) for a database this version must not
    touch.  A failing daily backup does not stop the work (a full disk should not keep a
    pharmacist from issuing medicines): it comes back as a warning to show.
    """
    from stockdesk.db import backup, migrate
    from stockdesk.services.database import Database

    db = Database.open(url, upgrade=False)
    existed = db.sqlite_path is not None and db.sqlite_path.exists() \
        and db.sqlite_path.stat().st_size > 0
    try:
        upgraded = migrate.upgrade(db.engine, backup_dir=backups_dir)
    except BaseException:
        db.close()
        raise
    opened = Opened(db, upgrade_backup=upgraded)
    live = db.sqlite_path
    if live is not None and existed:
        folder = backups_dir or live.parent / "backups"
        try:
            opened.daily_backup = backup.daily_backup(
                db.engine, folder, today or date.today(), keep=daily_keep)
        except Exception as exc:  # disk full, read-only folder, ...
            opened.warnings.append(f"the daily backup into {folder} failed: {exc}")
    return opened


__all__ = [
    "APP_NAME",
    "ENV_DB",
    "ENV_NEW_PASSWORD",
    "ENV_PASSWORD",
    "ENV_USER",
    "DatabaseTooNew",
    "Opened",
    "Paths",
    "Settings",
    "executable_dir",
    "log_to_file",
    "normalise_db",
    "open_database",
    "resolve_db_url",
    "resolve_paths",
    "sqlite_url",
]
