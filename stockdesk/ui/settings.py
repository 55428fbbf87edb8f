"""Typed settings over ``QSettings``: preferences apart from window state.

The file lives in StockDesk's data folder (beside the executable in portable mode), so a USB
stick carries a facility's preferences with its database.  Every key is declared once here
with its type and default; nothing else in the window reads ``QSettings`` directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def read(self, store: QSettings) -> T:
        raw = store.value(self.key, None)
        if raw is None:
            return self.default
        kind = type(self.default)
        try:
            if kind is bool:
                return (raw in (True, "true", "1", 1)) if not isinstance(raw, bool) else raw  # type: ignore[return-value]
            if kind is QByteArray:
                return raw if isinstance(raw, QByteArray) else self.default  # type: ignore[return-value]
            return kind(raw)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return self.default

    def write(self, store: QSettings, value: T) -> None:
        store.setValue(self.key, value)


# Preferences: what a person chose.
LANGUAGE = Setting("preferences/language", "")
LAST_FACILITY = Setting("preferences/last_facility", "")
LAST_USER = Setting("preferences/last_user", "")
EXPIRY_HORIZON_MONTHS = Setting("preferences/expiry_horizon_months", 6)
LAST_FOLDER = Setting("preferences/last_folder", "")
# Window state: what the window looked like when it closed.
GEOMETRY = Setting("window/geometry", QByteArray())
STATE = Setting("window/state", QByteArray())
LAST_PAGE = Setting("window/last_page", "dashboard")


class AppSettings:
    """The settings file of one StockDesk data folder."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.store = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        return setting.read(self.store)

    def set(self, setting: Setting[T], value: T) -> None:
        setting.write(self.store, value)

    def sync(self) -> None:
        self.store.sync()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"AppSettings({self.store.fileName()!r})"

