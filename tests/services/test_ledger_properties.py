"""Ledger invariants under any sequence of operations (hypothesis).

A refused operation changes nothing at all, caches included; after every operation the
cached balances and monthly summaries agree with the ledger; at the end each lot's balance
equals the sum of its movements and is never negative at the end of any day.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from stockdesk.db.models import AuditEntry, Lot, Movement, MovementLine
from stockdesk.inventory.kinds import Column
from stockdesk.inventory.ledger import Entry, first_negative
from stockdesk.problems import ProblemsFound
from stockdesk.services import balances, summaries
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database
from stockdesk.services.ledger import CountInput, LedgerService, LineInput
from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData
from stockdesk.services.stock import StockService

from ..conftest import PG_URL

START = date(2024, 1, 1)
TODAY = date(2024, 4, 2)
PRODUCTS = ["P1", "P2"]
LOTS = [("EARLY", date(2024, 1, 25)), ("MID", date(2024, 6, 1)), ("", None)]


def _seed(db: Database) -> None:
    md = MasterDataService(db, SETUP_ACTOR)
    md.save_facilities([FacilityData("F1", "Facility 1"), FacilityData("F2", "Facility 2")])
    md.save_products([ProductData(code, code) for code in PRODUCTS])


class _Templates:
    """Migrating a database per example is slow; copy a migrated, seeded template instead."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="sd-prop-"))
        self.sqlite_template: Path | None = None
        self.pg_template: str | None = None

    def sqlite(self) -> Database:
        if self.sqlite_template is None:
            self.sqlite_template = self.dir / "template.sqlite3"
            db = Database.open(f"sqlite:///{self.sqlite_template}")
            _seed(db)
            db.close()
        target = self.dir / f"{uuid.uuid4().hex}.sqlite3"
        shutil.copy(self.sqlite_template, target)
        return Database.open(f"sqlite:///{target}")

    def postgres(self) -> Database:
        assert PG_URL
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            if self.pg_template is None:
                self.pg_template = f"sd_prop_tpl_{uuid.uuid4().hex[:8]}"
                conn.execute(text(f'CREATE DATABASE "{self.pg_template}"'))
                url = make_url(PG_URL).set(database=self.pg_template)
                db = Database.open(url.render_as_string(hide_password=False))
                _seed(db)
                db.close()
            name = f"sd_prop_{uuid.uuid4().hex[:10]}"
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self.pg_template}"'))
        admin.dispose()
        return Database.open(make_url(PG_URL).set(database=name)
                             .render_as_string(hide_password=False))


TEMPLATES = _Templates()

day = st.integers(0, (TODAY - START).days).map(lambda n: START + timedelta(days=n))
product = st.sampled_from(PRODUCTS)
lot_idx = st.integers(0, len(LOTS) - 1)
qty = st.integers(1, 60)
op = st.one_of(
    st.tuples(st.just("receive"), product, lot_idx, qty, day),
    st.tuples(st.just("issue"), product, st.one_of(st.none(), lot_idx), qty, day),
    st.tuples(st.just("loss"), product, lot_idx, qty, day),
    st.tuples(st.just("adjust"), product, lot_idx, qty, day,
              st.sampled_from(["found", "correction_minus"])),
    st.tuples(st.just("transfer_out"), product, st.one_of(st.none(), lot_idx), qty, day),
    st.tuples(st.just("count"), product, lot_idx, st.integers(0, 80), day),
    st.tuples(st.just("reverse"), st.integers(0, 30), day),
)


def _apply(ledger: LedgerService, posted: list[int], o: tuple) -> None:
    kind = o[0]
    if kind == "reverse":
        if posted:
            ledger.reverse(posted[o[1] % len(posted)], "property test", on=o[2])
        return
    _, prod, li, q, on = o[:5]
    batch, expiry = LOTS[li] if li is not None else (None, None)
    line = LineInput(prod, q, batch, expiry)
    if kind == "receive":
        mv = ledger.receive("F1", on, [line], supplier="F2")
    elif kind == "issue":
        mv = ledger.issue("F1", on, [line])
    elif kind == "loss":
        mv = ledger.loss("F1", on, [line], reason="damaged")
    elif kind == "adjust":
        mv = ledger.adjust("F1", on, [line], reason=o[5])
    elif kind == "transfer_out":
        mv = ledger.transfer_out("F1", on, [line], to="CHW Marie")
    else:
        mv = ledger.count("F1", on, [CountInput(prod, batch, q, expiry)])
        posted.extend(mv.related)
        return
    posted.append(mv.id)


def _snapshot(db: Database) -> tuple:
    with db.reading() as s:
        counts = tuple(s.scalar(select(func.count()).select_from(t))
                       for t in (Movement, MovementLine, Lot, AuditEntry))
        caches = tuple(tuple(s.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2")).all())
                       for t in ("stock_balances", "summary_dirty", "summary_blocks"))
        balances = tuple(s.execute(
            select(MovementLine.product_id, MovementLine.lot_id, func.sum(MovementLine.delta))
            .group_by(MovementLine.product_id, MovementLine.lot_id)
            .order_by(MovementLine.product_id, MovementLine.lot_id)).all())
    return counts, balances, caches


def _check_invariants(db: Database, stock: StockService) -> None:
    stock.monthly("F1", "2024-01", "2024-03")  # brings the summary cache up to date
    with db.transaction() as s:
        assert summaries.verify(s, TODAY) == []
        assert balances.verify(s) == []
    with db.reading() as s:
        sums = {(p, lot): int(q) for p, lot, q in s.execute(
            select(Lot.product_id, Lot.batch, func.sum(MovementLine.delta))
            .join(MovementLine, MovementLine.lot_id == Lot.id)
            .group_by(Lot.product_id, Lot.batch)).all()}
        codes = dict(s.execute(text("SELECT id, code FROM products")).all())
    on_hand = {p.code: p.on_hand for p in stock.stock_on_hand("F1")}
    for code in PRODUCTS:
        card = stock.stock_card("F1", code)
        entries = [Entry(c.movement_id, c.occurred_on, c.kind, c.lot, c.expiry,  # type: ignore[arg-type]
                         c.quantity_in - c.quantity_out, Column.NONE) for c in card]
        assert first_negative(entries) is None
        total = card[-1].balance if card else 0
        assert on_hand.get(code, 0) == total
        replay: dict[str, int] = {}
        for c in card:
            replay[c.lot] = replay.get(c.lot, 0) + c.quantity_in - c.quantity_out
        for (pid, batch), q in sums.items():
            if codes[pid] == code:
                assert replay.get(batch, 0) == q
                assert q >= 0


def _run(db: Database, ops: list[tuple]) -> None:
    ledger = LedgerService(db, SETUP_ACTOR, today=lambda: TODAY)
    stock = StockService(db, SETUP_ACTOR, today=lambda: TODAY)
    posted: list[int] = []
    try:
        for o in ops:
            before = _snapshot(db)
            try:
                _apply(ledger, posted, o)
            except ProblemsFound:
                assert _snapshot(db) == before, f"refused {o} changed the database"
            stock.monthly("F1", "2024-01", "2024-03")  # refreshes the cache: splices blocks
            with db.transaction() as s:
                assert summaries.verify(s, TODAY) == [] and balances.verify(s) == []
        _check_invariants(db, stock)
    finally:
        db.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op, min_size=1, max_size=25))
def test_ledger_invariants_sqlite(ops):
    _run(TEMPLATES.sqlite(), ops)


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="missing tool: PostgreSQL (set STOCKDESK_TEST_PG_URL)")
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op, min_size=1, max_size=20))
def test_ledger_invariants_postgres(ops):
    _run(TEMPLATES.postgres(), ops)
