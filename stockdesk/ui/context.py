"""What every view is given: the signed-in user, the open database, the task lanes, the
settings, the facility in view, and the change bus.

Views never construct engines or sessions: they ask :meth:`AppContext.service` for a service
acting on behalf of the signed-in user and run its methods through :attr:`AppContext.tasks`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from stockdesk.app import Paths
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.ui import settings as keys
from stockdesk.ui.settings import AppSettings
from stockdesk.ui.tasks import Tasks

S = TypeVar("S")


class ChangeBus(QObject):
    """Announces what changed, so each view refreshes only when it shows that."""

    facility_changed = Signal(str)  # the facility in view (code)
    stock_changed = Signal(str)  # a facility's ledger (code)
    requisitions_changed = Signal(str)  # a facility's requisitions (code; "" for many)
    master_data_changed = Signal()  # products, facilities, levels, programs
    users_changed = Signal()
    language_changed = Signal(str)


class AppContext(QObject):
    def __init__(self, db: Database, actor: Actor, settings: AppSettings, paths: Paths, *,
                 today: Callable[[], date] = today_local,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.paths = paths
        self.today = today
        self.tasks = Tasks(self)
        self.bus = ChangeBus(self)
        self._facility: str = ""

    # -- services --------------------------------------------------------------------------

    def service(self, cls: Callable[..., S], **kwargs: Any) -> S:
        """A service acting for the signed-in user (``today`` passed where it is taken)."""
        if "today" in inspect.signature(cls).parameters:
            kwargs.setdefault("today", self.today)
        return cls(self.db, self.actor, **kwargs)

    def may(self, operation: str) -> bool:
        return self.actor.may(operation) and (
            not self.actor.must_change_password or operation in ("stock.read", "audit.read"))

    # -- the facility in view --------------------------------------------------------------

    @property
    def facility(self) -> str:
        return self._facility

    def set_facility(self, code: str) -> None:
        if code == self._facility:
            return
        self._facility = code
        self.settings.set(keys.LAST_FACILITY, code)
        self.bus.facility_changed.emit(code)
