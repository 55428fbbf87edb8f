"""The sheet a pharmacist counts the shelves with at month end: every product and lot on the
books, with a blank box per line (book quantities hidden unless asked: count blind)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from stockdesk.db.models import Facility, Product, Program
from stockdesk.exchange.rnr_pdf import CountRow, CountSheet
from stockdesk.problems import ProblemsFound, error
from stockdesk.services.auth import Actor
from stockdesk.services.clock import today_local
from stockdesk.services.database import Database
from stockdesk.services.stock import lot_rows


class CountSheetService:
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date] = today_local):
        self.db = db
        self.actor = actor
        self.today = today

    def sheet(self, facility: str, program: str | None = None,
              on: date | None = None) -> CountSheet:
        """Lots with stock at the end of ``on`` (today by default), by product code and FEFO."""
        self.actor.require("stock.read")
        today = self.today()
        day = on or today
        with self.db.reading() as s:
            fac = s.scalar(select(Facility).where(Facility.code == facility))
            if fac is None:
                raise ProblemsFound([error("facility.unknown", code=facility)])
            q = select(Product.id, Product.code, Product.name, Product.strength,
                       Product.dosage_form, Product.dispensing_unit)
            if program is not None:
                prog = s.scalar(select(Program).where(Program.code == program))
                if prog is None:
                    raise ProblemsFound([error("program.unknown", code=program)])
                q = q.where(Product.program_id == prog.id)
            products = {pid: (code, " ".join(x for x in (name, strength, form) if x), unit)
                        for pid, code, name, strength, form, unit in s.execute(q)}
            rows = [(products[pid], batch, expiry, qty)
                    for pid, batch, expiry, qty in lot_rows(s, fac.id, day, today)
                    if qty > 0 and pid in products]
            name = fac.name
        rows.sort(key=lambda r: (r[0][0], r[2] is None, r[2] or date.max, r[1]))
        return CountSheet(facility, name, program, day, [
            CountRow(code, label, unit, batch or None, expiry, qty)
            for (code, label, unit), batch, expiry, qty in rows])


__all__ = ["CountSheetService"]
