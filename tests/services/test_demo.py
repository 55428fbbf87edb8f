"""The demo district: what a trainer relies on when showing StockDesk, on SQLite and PostgreSQL.

A small district (a health centre and a hospital, a year, 60 products) is built once per
database; the tests then read it only through the services a user would use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import numpy as np
import pytest
from sqlalchemy import func, select

from stockdesk.db.models import Facility, Movement, MovementLine, Product, User
from stockdesk.services import demo
from stockdesk.services.auth import SETUP_ACTOR
from stockdesk.services.database import Database
from stockdesk.services.stock import StockService
from stockdesk.services.users import UserService

from ..conftest import TODAY, _pg_database

SMALL = {"facilities": 2, "months": 12, "products": 60, "today": TODAY}
RAINY = {12, 1, 2, 3, 4}
DRY = {6, 7, 8, 9}


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def built(request, tmp_path_factory) -> Iterator[tuple[Database, demo.DemoSummary]]:
    """One small demo per database kind, shared by the tests below (they only read it)."""
    server = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'stockdesk.sqlite3'}"
    else:
        server = _pg_database()
        url = next(server)
    db = Database.open(url)
    try:
        yield db, demo.build_demo(db, SETUP_ACTOR, seed=1, **SMALL)  # type: ignore[arg-type]
    finally:
        db.close()
        if server is not None:
            server.close()


def stock(db: Database) -> StockService:
    return StockService(db, SETUP_ACTOR, today=lambda: TODAY)


def status(db: Database, facilities: tuple[str, ...]) -> dict[str, list]:
    svc = stock(db)
    return {f: svc.stock_on_hand(f) for f in (demo.DEMO_STORE, *facilities)}


def test_summary_says_what_was_built_and_a_second_run_changes_nothing(built) -> None:
    db, summary = built
    assert summary.store == "DEMO-DS" and not summary.already_present
    assert summary.facilities == ("DEMO-HC01", "DEMO-HOSP01")
    assert summary.first_facility == "DEMO-HC01"
    assert summary.products == 60
    assert summary.lines > 5_000 and 0 < summary.movements < summary.lines
    assert set(summary.users_created) == {"admin", "pharmacist", "incharge", "logistician",
                                          "supervisor"}
    assert summary.first_day == date(2024, 1, 1) and summary.last_day == TODAY
    with db.reading() as s:
        lines = s.scalar(select(func.count(MovementLine.id)))
        movements = s.scalar(select(func.count(Movement.id)))
        types = dict(s.execute(select(Facility.code, Facility.type)).all())
    assert (lines, movements) == (summary.lines, summary.movements)
    assert types == {"DEMO-DS": "district_store", "DEMO-HC01": "health_centre",
                     "DEMO-HOSP01": "hospital"}

    again = demo.build_demo(db, SETUP_ACTOR, seed=2, **SMALL)  # type: ignore[arg-type]
    assert again.already_present and again.users_created == ()
    assert again.facilities == summary.facilities and again.lines == summary.lines
    with db.reading() as s:
        assert s.scalar(select(func.count(MovementLine.id))) == lines


def test_same_seed_same_district_other_seed_another(built, tmp_path) -> None:
    db, summary = built
    first = status(db, summary.facilities)
    twin = Database.open(f"sqlite:///{tmp_path / 'twin.sqlite3'}")
    other = Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        demo.build_demo(twin, SETUP_ACTOR, seed=1, **SMALL)  # type: ignore[arg-type]
        demo.build_demo(other, SETUP_ACTOR, seed=7, **SMALL)  # type: ignore[arg-type]
        assert status(twin, summary.facilities) == first
        assert status(other, summary.facilities) != first
    finally:
        twin.close()
        other.close()


def test_no_lot_is_ever_negative_on_any_stock_card(built) -> None:
    db, summary = built
    svc = stock(db)
    products = {p.code for f in (demo.DEMO_STORE, *summary.facilities)
                for p in svc.stock_on_hand(f)}
    assert len(products) == 60
    for facility in (demo.DEMO_STORE, *summary.facilities):
        on_hand = {p.code: p for p in svc.stock_on_hand(facility)}
        for code in on_hand:
            card = svc.stock_card(facility, code)
            assert all(row.lot_balance >= 0 for row in card), (facility, code)
            assert card[-1].balance == on_hand[code].on_hand
            lots = svc.lot_balances(facility, code)
            assert all(lb.balance >= 0 for lb in lots)


def test_stockouts_expiries_counts_and_transfers_happen(built) -> None:
    db, summary = built
    svc = stock(db)
    months = [m for f in summary.facilities for m in svc.monthly(f, "2024-01", "2024-12")]
    assert sum(m.summary.stockout_days for m in months) > 50
    assert sum(1 for m in months if m.summary.stockout_days > 0) > 10
    assert all(m.summary.closing >= 0 for m in months)
    with db.reading() as s:
        def count(*where) -> int:  # type: ignore[no-untyped-def]
            return s.scalar(select(func.count(Movement.id)).where(*where)) or 0

        assert count(Movement.kind == "LOSS", Movement.reason == "expired") > 0
        assert count(Movement.kind == "COUNT") >= 12 * 2
        assert count(Movement.kind == "ADJUSTMENT",
                     Movement.reason.in_(("count_gain", "count_loss"))) > 0
        assert count(Movement.kind == "TRANSFER_OUT",
                     Movement.counterparty_name.like("CHW %")) >= 11
        store = s.scalar(select(Facility.id).where(Facility.code == demo.DEMO_STORE))
        assert count(Movement.kind == "RECEIPT", Movement.facility_id == store,
                     Movement.counterparty_name == demo.NATIONAL_SUPPLIER) >= 2
        assert count(Movement.kind == "ISSUE", Movement.facility_id == store) >= 12
        assert count(Movement.kind == "RECEIPT",
                     Movement.counterparty_facility_id == store) >= 12


def test_seasonal_products_peak_in_the_rainy_season(built) -> None:
    db, summary = built
    svc = stock(db)
    with db.reading() as s:
        seasonal = set(s.scalars(select(Product.code).where(Product.seasonal.is_(True))))
    assert len(seasonal) >= 3
    by_month: dict[int, int] = defaultdict(int)
    for facility in summary.facilities:
        for m in svc.monthly(facility, "2024-01", "2024-12"):
            if m.product in seasonal:
                by_month[int(m.summary.period[5:])] += m.summary.consumed
    rainy = np.mean([by_month[m] for m in RAINY])
    dry = np.mean([by_month[m] for m in DRY])
    assert rainy > 1.5 * dry, dict(by_month)


def test_the_five_demo_users_sign_in_with_demo(built) -> None:
    db, _ = built
    users = UserService(db)
    for name, role in (("admin", "admin"), ("pharmacist", "pharmacist"),
                       ("incharge", "facility_incharge"), ("logistician", "district_logistician"),
                       ("supervisor", "supervisor")):
        actor = users.authenticate(name, "demo")
        assert (actor.username, actor.role) == (name, role)
    with db.reading() as s:
        assert not any(s.scalars(select(User.must_change_password)))


def test_the_simulation_keeps_every_lot_non_negative_and_fefo() -> None:
    """The pure simulation, without a database: the books never go below zero."""
    sites = demo._sites(3)
    catalogue = demo._choose_products(demo.read_starter_catalogue(), 40)
    sim = demo._Simulation(3, sites, catalogue, 6, TODAY)
    sim.run(lambda done, total: None)
    assert (sim.qty >= 0).all()
    day, _, _, lot, qty, kind, _, _ = sim.events.columns()
    assert (qty[kind != demo.COUNT] > 0).all()
    expiry = np.array([(e - sim.start).days for _, _, e in sim.lots])
    issued = (kind == demo.ISSUE) | (kind == demo.TRANSFER_OUT)
    assert (expiry[lot[issued]] > day[issued]).all()  # nothing expired is ever issued


def test_a_build_stopped_by_a_power_cut_is_finished_by_the_next_run(db, monkeypatch) -> None:
    """Master data and users committed, then the ledger write failed: the next run completes
    it, and the one after changes nothing."""
    tiny = {"facilities": 1, "months": 2, "products": 12, "today": TODAY}

    def cut(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(demo, "_write_ledger", cut)
    with pytest.raises(KeyboardInterrupt):
        demo.build_demo(db, SETUP_ACTOR, seed=3, **tiny)  # type: ignore[arg-type]
    monkeypatch.undo()
    with db.reading() as s:
        assert s.scalar(select(func.count(MovementLine.id))) == 0
    summary = demo.build_demo(db, SETUP_ACTOR, seed=3, **tiny)  # type: ignore[arg-type]
    assert not summary.already_present and summary.lines > 0
    again = demo.build_demo(db, SETUP_ACTOR, seed=3, **tiny)  # type: ignore[arg-type]
    assert again.already_present and again.lines == summary.lines
    with db.reading() as s:  # every ledger line is recorded under a user
        assert s.scalar(select(func.count(Movement.id)).where(Movement.user_id.is_(None))) == 0
