"""What the district office sees of a period: which of its facilities have reported, and how
far each requisition has gone.

One row per requisition of the period of each facility expected to report (the district's
active health centres and hospitals, as :mod:`stockdesk.services.consolidation` counts them),
and one row with no status for a facility that has sent none, so "who has not reported" is the
rows without a status (or still in draft).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.consolidation import REPORTING_TYPES
from stockdesk.services.database import Database
from stockdesk.services.directory import DirectoryService

# a requisition still in draft has not reached the district
NOT_SENT = frozenset({"draft"})


@dataclass(frozen=True)
class ReportingRow:
    """A facility's requisition for the period, or its absence (``status`` None)."""

    facility: str
    facility_name: str
    facility_type: str
    program: str | None
    status: str | None  # None: no requisition for the period
    emergency: bool
    source: str | None  # "local" (made here) or "imported"
    lines: int

    @property
    def reported(self) -> bool:
        return self.status is not None and self.status not in NOT_SENT


class DistrictViewService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today
        self.directory = DirectoryService(db, actor, today)

    def reporting(self, district: str, period: str,
                  program: str | None = None) -> list[ReportingRow]:
        """Facilities of ``district`` expected to report, with their requisitions of
        ``period`` (of ``program`` only, when given); facilities that have not reported first.
        """
        expected = [f for f in self.directory.facilities(district)
                    if f.type in REPORTING_TYPES]
        reqs = [r for r in self.directory.requisitions(district=district, period=period)
                if program is None or r.program == program]
        rows: list[ReportingRow] = []
        for f in expected:
            mine = [r for r in reqs if r.facility == f.code]
            if not mine:
                rows.append(ReportingRow(f.code, f.name, f.type, program, None, False, None, 0))
            rows += [ReportingRow(f.code, f.name, f.type, r.program, r.status, r.emergency,
                                  r.source, r.lines) for r in mine]
        return sorted(rows, key=lambda r: (r.reported, r.facility_name, r.program or "",
                                           r.emergency))


__all__ = ["NOT_SENT", "DistrictViewService", "ReportingRow"]
