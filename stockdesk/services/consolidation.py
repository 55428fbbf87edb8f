"""The district's consolidated order for a period: its facilities' approved requisitions summed
per product, who has not reported, and the order lines for the warehouse.

The rules are in :mod:`stockdesk.requisition.consolidation`; this service reads the rows they
need in one transaction and records the consolidation in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from stockdesk import __version__
from stockdesk.db.models import Facility, Product, Program, Requisition, RequisitionLine
from stockdesk.problems import ProblemsFound, error
from stockdesk.requisition.consolidation import (
    ORDERED_STATUSES,
    ApprovedLine,
    Consolidation,
    DistrictFacility,
    RequisitionState,
    consolidate,
)
from stockdesk.requisition.periods import parse_period
from stockdesk.services import audit
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database

# facility types that send requisitions to the district (the district store supplies them)
REPORTING_TYPES = ("health_centre", "hospital")


class ConsolidationService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today

    def consolidate(self, district: str, period: str,
                    program: str | None = None) -> Consolidation:
        """The order of ``district`` for ``period`` (one program, or all when None).

        Reads the approved and issued requisitions (regular and emergency) of the district's
        active health centres and hospitals; the district logistician (or an admin) does this.
        """
        self.actor.require("requisition.approve")
        per = parse_period(period)  # a month or a quarter, as the requisitions are
        if per is None:
            raise ProblemsFound([error("requisition.period", period=period)])
        first, last = per.start, per.end
        with self.db.transaction() as s:
            in_district = s.scalars(select(Facility).where(Facility.district == district)
                                    .order_by(Facility.code)).all()
            if not in_district:
                raise ProblemsFound([error("district.unknown", name=district)])
            prog = None
            if program is not None:
                prog = s.scalar(select(Program).where(Program.code == program))
                if prog is None:
                    raise ProblemsFound([error("program.unknown", code=program)])
            expected = [f for f in in_district if f.active and f.type in REPORTING_TYPES]
            ids = [f.id for f in expected]
            states = self._states(s, ids, period, prog)
            programs = [prog.code] if prog else sorted({r.program for r in states})
            result = consolidate(
                district=district, period=period, period_start=first, period_end=last,
                program=prog.code if prog else None, program_name=prog.name if prog else None,
                programs=programs,
                facilities=[DistrictFacility(f.code, f.name) for f in expected],
                requisitions=states, lines=self._lines(s, ids, period, prog),
                order_date=self.today(), generated_at=datetime.now(UTC),
                app_version=__version__, warehouse=_warehouse(s, expected))
            audit.record(
                s, self.actor, "district_order",
                f"{district}/{result.program or 'all programs'}/{period}", "consolidate", None,
                {"facilities": len(result.facilities),
                 "ordering": list(result.ordering_facilities),
                 "not_reported": [f"{m.facility_code}/{m.program or '-'}"
                                  for m in result.not_reported],
                 "not_approved": [f"{p.facility_code}/{p.program}" + ("/E" if p.emergency else "")
                                  for p in result.not_approved],
                 "products": len(result.products), "lines": len(result.lines),
                 "total_cost": str(result.total_cost)})
        return result

    @staticmethod
    def _states(s: Session, facility_ids: list[int], period: str,
                prog: Program | None) -> list[RequisitionState]:
        q = (select(Facility.code, Program.code, Requisition.sequence, Requisition.emergency,
                    Requisition.status)
             .join(Facility, Facility.id == Requisition.facility_id)
             .join(Program, Program.id == Requisition.program_id)
             .where(Requisition.facility_id.in_(facility_ids), Requisition.period == period))
        if prog is not None:
            q = q.where(Requisition.program_id == prog.id)
        return [RequisitionState(f, p, seq, bool(em), st) for f, p, seq, em, st in s.execute(q)]

    @staticmethod
    def _lines(s: Session, facility_ids: list[int], period: str,
               prog: Program | None) -> list[ApprovedLine]:
        q = (select(Facility.code, Facility.name, Program.code, Requisition.sequence,
                    Requisition.emergency, Product, RequisitionLine.approved)
             .select_from(RequisitionLine)
             .join(Requisition, Requisition.id == RequisitionLine.requisition_id)
             .join(Facility, Facility.id == Requisition.facility_id)
             .join(Program, Program.id == Requisition.program_id)
             .join(Product, Product.id == RequisitionLine.product_id)
             .where(Requisition.facility_id.in_(facility_ids), Requisition.period == period,
                    Requisition.status.in_(sorted(ORDERED_STATUSES))))
        if prog is not None:
            q = q.where(Requisition.program_id == prog.id)
        out = []
        for fcode, fname, pcode, seq, em, p, k in s.execute(q):
            out.append(ApprovedLine(
                facility_code=fcode, facility_name=fname, program=pcode, sequence=seq,
                emergency=bool(em), product_code=p.code,
                product_name=" ".join(x for x in (p.name, p.strength, p.dosage_form) if x),
                unit=p.dispensing_unit, pack_size=p.pack_size,
                pack_rounding_threshold=p.pack_rounding_threshold,
                round_to_zero=p.round_to_zero,
                price_per_pack=None if p.price_per_pack is None else Decimal(p.price_per_pack),
                approved=None if k is None else int(k)))
        return out


def _warehouse(s: Session, facilities: list[Facility]) -> str | None:
    """The supplier(s) of the reporting facilities, as "CODE Name" ("; " between several)."""
    ids = sorted({f.supplier_id for f in facilities if f.supplier_id is not None})
    if not ids:
        return None
    rows = s.execute(select(Facility.code, Facility.name).where(Facility.id.in_(ids))
                     .order_by(Facility.code)).all()
    return "; ".join(f"{code} {name}" for code, name in rows)


__all__ = ["REPORTING_TYPES", "ConsolidationService"]
