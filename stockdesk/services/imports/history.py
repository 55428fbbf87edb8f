"""Monthly LMIS history: A–E and X per facility, product and month into ``monthly_reports``.

Each row is one month of one product at one facility as a paper report gives it (opening
balance, received, consumed, losses and adjustments, closing balance, stockout days).  The
identity ``E = A + B + D − C`` must hold; a month already stored is fine when identical and an
ERROR when it differs.  The rows are kept apart from the ledger (``source = 'history'``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from stockdesk.db.models import Facility, MonthlyReport, Product
from stockdesk.exchange.columns import ColumnMap
from stockdesk.exchange.values import make_period, parse_int, parse_period
from stockdesk.inventory.ledger import days_in_period, period_of
from stockdesk.services.auth import FACILITY_ROLES, Actor
from stockdesk.services.imports._batches import new_batch
from stockdesk.services.imports._job import MAX_QUANTITY, PROGRESS_EVERY, Job, Rows

_HISTORY_VALUES = ("opening_balance", "received", "consumed", "losses_adjustments",
                   "closing_balance")


class HistoryImport:
    """Monthly A–E and X per facility, product and month into ``monthly_reports``.

    Facility staff import only their own facility's months, as with ledger files: a
    pharmacist's file naming another facility is refused at each such row.
    """

    def __init__(self, s: Session, job: Job, columns: ColumnMap, actor: Actor, today: date):
        self.s = s
        self.actor = actor
        self.user_id = actor.user_id
        self.own_facility = actor.facility if actor.role in FACILITY_ROLES else None
        self.job = job
        self.ix = columns.index
        self.facilities = dict(s.execute(select(Facility.code, Facility.id)).all())
        self.products = dict(s.execute(select(Product.code, Product.id)).all())
        self.today = today
        self.last_period = period_of(today)
        self.periods: dict[tuple[str, str, str], str | None] = {}

    def run(self, rows: Rows) -> int:
        job = self.job
        accepted: dict[tuple[int, int, str], tuple[int, tuple[int | None, ...]]] = {}
        count = 0
        for n, (row, cells) in enumerate(rows, 1):
            if n % PROGRESS_EVERY == 0:
                job.tick(n)
            count += 1
            parsed = self._row(row, cells)
            if parsed is None:
                continue
            key, values = parsed
            first = accepted.get(key)
            if first is None:
                accepted[key] = (row, values)
            elif first[1] != values:
                job.err("import.duplicate_row", row, "period",
                        what="facility, product and month, with other values", other=first[0])
        self._compare_with_stored(accepted)
        if job.errors:
            return count
        batch_id = new_batch(self.s, job, self.user_id, count)
        self._insert(accepted, batch_id)
        return count

    def _row(self, row: int, cells: list[str]
             ) -> tuple[tuple[int, int, str], tuple[int | None, ...]] | None:
        job = self.job
        errors = job.errors
        fac = self._code(row, cells, "facility_code", self.facilities, "facility.unknown")
        if fac is not None and self.own_facility is not None:
            code = cells[self.ix["facility_code"]].strip()
            if code != self.own_facility:
                job.err("auth.other_facility", row, "facility_code", user=self.actor.username,
                        facility=code, own=self.own_facility)
        prod = self._code(row, cells, "product_code", self.products, "product.unknown")
        period = self._period(row, cells)
        values = [self._int(row, cells, f) for f in _HISTORY_VALUES]
        stockout = self._stockout_days(row, cells, period)
        numbers = [v for v in values if v is not None]
        if job.errors > errors or fac is None or prod is None or period is None \
                or len(numbers) != len(values):
            return None
        a, b, c, d, e = numbers
        if a + b + d - c != e:
            job.err("import.identity", row, "closing_balance", a=a, b=b, c=c, d=d,
                    expected=a + b + d - c, e=e)
            return None
        return (fac, prod, period), (a, b, c, d, e, stockout)

    def _code(self, row: int, cells: list[str], field: str, known: dict[str, int],
              unknown: str) -> int | None:
        code = cells[self.ix[field]].strip()
        found = known.get(code)
        if found is None:
            self.job.missing_or_unknown(code, row, field, unknown)
        return found

    def _period(self, row: int, cells: list[str]) -> str | None:
        ix = self.ix
        text = cells[ix["period"]].strip() if "period" in ix else ""
        year = cells[ix["year"]].strip() if "year" in ix else ""
        month = cells[ix["month"]].strip() if "month" in ix else ""
        key = (text, year, month)
        if key not in self.periods:
            self.periods[key] = _history_period(text, year, month)
        period = self.periods[key]
        field = "period" if text or "year" not in ix else "year"
        if period is None:
            if text or year or month:
                self.job.err("import.bad_period", row, field, field=field,
                             value=text or f"{year}-{month}")
            else:
                self.job.err("import.required", row, field, field=field)
            return None
        if period > self.last_period:
            self.job.err("date.in_future", row, field, date=period, today=self.today)
            return None
        return period

    def _int(self, row: int, cells: list[str], field: str) -> int | None:
        i = self.ix.get(field)
        text = cells[i].strip() if i is not None else ""
        if not text:
            if field == "losses_adjustments":
                return 0
            self.job.err("import.required", row, field, field=field)
            return None
        try:
            value = int(text)
        except ValueError:
            try:
                value = parse_int(text)
            except ValueError:
                self.job.err("import.not_integer", row, field, field=field, value=text)
                return None
        if value < 0 and field != "losses_adjustments":
            self.job.err("import.negative", row, field, field=field, value=value)
            return None
        if abs(value) > MAX_QUANTITY:
            self.job.err("import.out_of_range", row, field, field=field, low=-MAX_QUANTITY,
                         high=MAX_QUANTITY, value=value)
            return None
        return value

    def _stockout_days(self, row: int, cells: list[str], period: str | None) -> int | None:
        """Days out of stock; a value above the days of the month is stored as unknown."""
        i = self.ix.get("stockout_days")
        text = cells[i].strip() if i is not None else ""
        if not text:
            return None
        try:
            value = parse_int(text)
        except ValueError:
            self.job.err("import.not_integer", row, "stockout_days", field="stockout_days",
                         value=text)
            return None
        if value < 0:
            self.job.err("import.negative", row, "stockout_days", field="stockout_days",
                         value=value)
            return None
        if period is not None and value > days_in_period(period):
            self.job.warn("import.stockout_days_invalid", row, "stockout_days", value=value,
                          days=days_in_period(period), period=period)
            return None
        return value

    def _compare_with_stored(self, accepted: dict[tuple[int, int, str],
                                                  tuple[int, tuple[int | None, ...]]]) -> None:
        """A month already stored is fine if identical and an ERROR if it differs."""
        if not accepted:
            return
        mr = MonthlyReport
        stored = {
            (f, p, per): tuple(rest)
            for f, p, per, *rest in self.s.execute(
                select(mr.facility_id, mr.product_id, mr.period, mr.opening_balance,
                       mr.received, mr.consumed, mr.losses_adjustments, mr.closing_balance,
                       mr.stockout_days)
                .where(mr.source == "history",
                       mr.facility_id.in_({k[0] for k in accepted}))
            )
        }
        fac_code = {v: k for k, v in self.facilities.items()}
        prod_code = {v: k for k, v in self.products.items()}
        for key, (row, values) in list(accepted.items()):
            old = stored.get(key)
            if old is None:
                continue
            del accepted[key]  # identical: nothing to write
            if tuple(old) != values:
                names = ("A", "B", "C", "D", "E", "X")
                detail = ", ".join(f"{n} {o} here {v}" for n, o, v in zip(names, old, values,
                                                                          strict=True) if o != v)
                self.job.err("import.conflict", row, "period",
                             what=f"{fac_code[key[0]]} {prod_code[key[1]]} {key[2]}",
                             detail=f"stored {detail}")

    def _insert(self, accepted: dict[tuple[int, int, str], tuple[int, tuple[int | None, ...]]],
                batch_id: int) -> None:
        rows = [
            {"facility_id": f, "product_id": p, "period": per, "source": "history",
             "opening_balance": a, "received": b, "consumed": c, "losses_adjustments": d,
             "closing_balance": e, "stockout_days": x, "import_batch_id": batch_id}
            for (f, p, per), (_, (a, b, c, d, e, x)) in accepted.items()
        ]
        for start in range(0, len(rows), 50_000):
            self.s.execute(insert(MonthlyReport), rows[start:start + 50_000])


def _history_period(text: str, year: str, month: str) -> str | None:
    try:
        if text:
            return parse_period(text)
        if year and month:
            return make_period(parse_int(year), parse_int(month))
    except ValueError:
        return None
    return None
