"""A realistic demo district: a store, its facilities, users and years of daily movements.

Training, screenshots and trying the forecasts all need history that looks like a real district:
fast and slow movers, malaria peaking in the rains, lots that expire on the shelf, stockouts
when the monthly order trails the season, lateral transfers, count variances.  Typing that by
hand is never enough and never messy enough, so it is simulated here.

The simulation keeps every lot's balance itself in numpy arrays (FEFO, expiry, stock never
negative: demand above the usable balance is lost, which is what a stockout is) and then writes
the whole ledger through the bulk ledger import, one transaction, so the demo also exercises
that path.  The same seed gives the same district.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import math
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from importlib import resources

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stockdesk.db.models import Facility, Movement, MovementLine, User
from stockdesk.inventory.ledger import days_in_period, period_of
from stockdesk.problems import ProblemsFound, error
from stockdesk.services import audit
from stockdesk.services.auth import Actor
from stockdesk.services.database import Database
from stockdesk.services.imports import ImportService, LedgerRow
from stockdesk.services.masterdata import (
    FacilityData,
    LevelData,
    ProductData,
    upsert_facilities,
    upsert_levels,
    upsert_products,
)
from stockdesk.services.users import password_hasher

DEMO_STORE = "DEMO-DS"
DISTRICT = "Demo District"
REGION = "Demo Region"
NATIONAL_SUPPLIER = "National Medical Stores"
DEMO_PASSWORD = "demo"
# (user name, role, full name, works at the first health centre)
DEMO_ADMIN = "admin"  # the demo account the CLI shows an already built demo with
DEMO_USERS: tuple[tuple[str, str, str, bool], ...] = (
    ("admin", "admin", "Demo administrator", False),
    ("pharmacist", "pharmacist", "Demo pharmacist", True),
    ("incharge", "facility_incharge", "Demo facility in-charge", True),
    ("logistician", "district_logistician", "Demo district logistician", False),
    ("supervisor", "supervisor", "Demo supervisor", False),
)
PLACES = (
    "Riverside", "Hilltop", "Lakeview", "Green Valley", "Sunrise", "Baobab", "Two Rivers",
    "Red Hill", "Palm Grove", "Stone Bridge", "Cedar Ridge", "Mango Tree", "Clearwater",
    "Kingfisher", "Acacia", "Old Mission", "Northgate", "Fig Tree", "Sandy Bay", "Long Plain",
)
VILLAGES = ("Upper Village", "Lower Village", "Market Corner", "Far Hills", "Ferry Point",
            "School Road")

# Products every district stocks, placed in the demo whatever else is drawn (codes of
# stockdesk/data/starter_catalogue.csv).  They are the fast movers.
CORE_PRODUCTS = (
    "ORS-FOR1L-SAC", "ZINCSULFATE-20MG-DT", "ARTE.LUME-20MG.120MG-TAB",
    "ARTE.LUME-20MG.120MG-DT", "ARTESUNATE-60MG-PFI", "SULF.PYRI-500MG.25MG-TAB",
    "AMOXICILLIN-250MG-DT", "AMOXICILLIN-500MG-TAB", "AMOXICILLIN-125MGP5ML-POL",
    "PARACETAMOL-500MG-TAB", "PARACETAMOL-120MGP5ML-OL", "SULF.TRIM-400MG.80MG-TAB",
    "METRONIDAZOLE-200MG-TAB", "IBUPROFEN-200MG-TAB", "FERR.FOLI-60MG.400MCG-TAB",
    "FOLICACID-5MG-TAB", "MEBENDAZOLE-500MG-CHT", "ALBENDAZOLE-400MG-CHT",
    "OXYTOCIN-10IUPML-INJ", "MAGNESIUMSULFA-500MGPML2ML-AMP", "MALECONDOM-DEV",
    "ETHI.LEVO-30MCG.150MCG-CYC", "MEDROXYPROGEST-150MGPML1ML-INJ",
    "DOLU.LAMI.TENO-50.300.300MG-TAB", "RHZE-275MG.75MG.400MG.150MG-TAB",
    "RH-75MG.150MG-TAB", "SODIUMCHLORIDE-0.9PC-INF", "GLUCOSE-5PC-INF", "CEFTRIAXONE-1G-PFI",
    "GENTAMICIN-40MGPML2ML-INJ", "METFORMIN-500MG-TAB", "AMLODIPINE-5MG-TAB",
    "HYDROCHLOROTHI-25MG-TAB", "SALBUTAMOL-100MCGPACT-INH", "TETRACYCLINE-1PC-EYEO",
    "MORPHINE-10MG-TAB", "MORPHINE-10MGPML1ML-AMP", "DIAZEPAM-5MGPML-INJ",
)
# Forms a demo district holds; vaccines (cold chain, own system) and specialist devices are out.
DEMO_FORMS = frozenset({
    "tablet", "dispersible tablet", "chewable tablet", "capsule", "oral liquid",
    "powder for oral liquid", "oral powder", "injection", "powder for injection", "infusion",
    "cream", "ointment", "eye drops", "eye ointment", "ear drops", "suppository", "device",
    "implant", "gel", "lotion", "solution", "inhaler",
})
# Products a health centre gives to community health workers each month.
CHW_PRODUCTS = frozenset({
    "ORS-FOR1L-SAC", "ZINCSULFATE-20MG-DT", "ARTE.LUME-20MG.120MG-DT", "AMOXICILLIN-250MG-DT",
    "PARACETAMOL-500MG-TAB", "MALECONDOM-DEV", "ETHI.LEVO-30MCG.150MCG-CYC",
})

# Stock levels in months of stock (FIELD.md defaults; the store holds more and reviews quarterly).
FACILITY_LEVELS = {"max_mos": 3.0, "min_mos": 1.0, "eop_mos": 0.5, "lead_time_months": 1.0,
                   "review_months": 1.0}
STORE_LEVELS = {"max_mos": 6.0, "min_mos": 3.0, "eop_mos": 1.5, "lead_time_months": 2.0,
                "review_months": 3.0}
RAINY_PEAK_DAY = 60  # day of year: malaria and diarrhoea peak around March, in the rains
SLOTS = 8  # lots held at once per location and product


@dataclass(frozen=True)
class DemoSummary:
    """What was built (or, with ``already_present``, what was found and left alone)."""

    district: str
    store: str
    facilities: tuple[str, ...]
    products: int
    movements: int
    lines: int
    users_created: tuple[str, ...]
    seconds: float
    first_day: date | None = None
    last_day: date | None = None
    already_present: bool = False

    @property
    def first_facility(self) -> str:
        """The health centre the demo users work at: the one to show first."""
        return self.facilities[0] if self.facilities else self.store


ProgressFn = Callable[[str, int, int], None]


def build_demo(db: Database, actor: Actor, *, seed: int = 1, facilities: int = 8,
               months: int = 36, today: date | None = None,
               progress: ProgressFn | None = None, products: int = 300) -> DemoSummary:
    """Build the demo district, or return ``already_present=True`` if the store exists.

    A second run changes nothing: it returns early rather than raising, so a script can call
    it unconditionally and the CLI can say "already built".  The history covers ``months``
    calendar months, the last being today's (so far).  ``products`` caps how many
    starter-catalogue products are used.  Raises ProblemsFound if the importer refuses the
    simulated ledger (a bug, never expected) and nothing of it is written then.
    """
    actor.require("demo.build")
    started = time.perf_counter()
    existing = _existing_demo(db, started)
    if existing is not None:
        # users come before the ledger; this only restores any removed since
        created = _create_users(db, actor, existing.facilities[0] if existing.facilities
                                else DEMO_STORE)
        return dataclasses.replace(existing, users_created=created)
    _refuse_real_data(db)
    if facilities < 1 or months < 1:
        raise ValueError("a demo needs at least one facility and one month")
    today = today or datetime.now(UTC).date()
    report = progress or (lambda _stage, _done, _total: None)

    report("master data", 0, 3)
    catalogue = _choose_products(read_starter_catalogue(), products)
    sites = _sites(facilities)
    _save_master_data(db, actor, sites, catalogue)
    report("master data", 3, 3)

    report("users", 0, len(DEMO_USERS))
    created = _create_users(db, actor, sites[1].code)
    report("users", len(DEMO_USERS), len(DEMO_USERS))

    sim = _Simulation(seed, sites, catalogue, months, today)
    sim.run(lambda done, total: report("simulating", done, total))
    rows = sim.ledger_rows()
    report("writing ledger", 0, len(rows))
    _write_ledger(db, _demo_pharmacist(db), rows, today)  # every line has a user
    report("writing ledger", len(rows), len(rows))
    with db.reading() as s:  # counts include the adjustments the importer made of the counts
        counts = _ledger_counts(s)
    assert counts is not None
    _, _, movements, lines, _ = counts
    return DemoSummary(
        district=DISTRICT, store=DEMO_STORE, facilities=tuple(s.code for s in sites[1:]),
        products=len(catalogue), movements=movements, lines=lines,
        users_created=created, seconds=round(time.perf_counter() - started, 2),
        first_day=sim.start, last_day=today,
    )


# ---------------------------------------------------------------------------------------------
# Master data


def read_starter_catalogue() -> list[ProductData]:
    """The shipped starter catalogue (stockdesk/data/starter_catalogue.csv) as ProductData."""
    text = resources.files("stockdesk").joinpath("data/starter_catalogue.csv").read_text(
        encoding="utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        out.append(ProductData(
            code=row["code"], name=row["name"], strength=row["strength"] or None,
            form=row["form"] or None, unit=row["unit"], pack_size=int(row["pack_size"]),
            pack_rounding_threshold=int(row["pack_rounding_threshold"]),
            round_to_zero=row["round_to_zero"] == "yes", price_per_pack=None,
            program=row["program"] or None, atc=row["atc"] or None, gtin=row["gtin"] or None,
            seasonal=row["seasonal"] == "yes", controlled=row["controlled"] == "yes",
        ))
    return out


def _choose_products(catalogue: list[ProductData], limit: int) -> list[ProductData]:
    """The core list, then a fixed pseudo-random draw (same every run, whatever the seed)."""
    by_code = {p.code: p for p in catalogue}
    chosen = [by_code[c] for c in CORE_PRODUCTS if c in by_code]
    rest = sorted((p for p in catalogue if p.code not in CORE_PRODUCTS and p.form in DEMO_FORMS),
                  key=lambda p: hashlib.sha1(p.code.encode()).hexdigest())
    chosen += rest[:max(0, limit - len(chosen))]
    return sorted(chosen[:max(limit, 1)], key=lambda p: p.code)


@dataclass(frozen=True)
class _Site:
    code: str
    name: str
    type: str


def _sites(count: int) -> list[_Site]:
    """The store first, then health centres and (one in four) hospitals."""
    hospitals = max(1, count // 4) if count > 1 else 0
    centres = count - hospitals
    sites = [_Site(DEMO_STORE, f"{DISTRICT} Medical Store", "district_store")]
    for i in range(centres):
        place = PLACES[i % len(PLACES)] + (f" {i // len(PLACES) + 1}" if i >= len(PLACES) else "")
        sites.append(_Site(f"DEMO-HC{i + 1:02d}", f"{place} Health Centre", "health_centre"))
    for i in range(hospitals):
        place = PLACES[(centres + i) % len(PLACES)]
        sites.append(_Site(f"DEMO-HOSP{i + 1:02d}", f"{place} District Hospital", "hospital"))
    return sites


def _save_master_data(db: Database, actor: Actor, sites: list[_Site],
                      catalogue: list[ProductData]) -> None:
    reason = "demo district"
    programs = sorted({p.program for p in catalogue if p.program})
    with db.transaction() as s:
        upsert_facilities(s, actor, [
            FacilityData(site.code, site.name, site.type, DISTRICT, REGION,
                         None if site.type == "district_store" else DEMO_STORE)
            for site in sites
        ], reason)
        upsert_products(s, actor, catalogue, reason)
        levels = []
        for prog in programs:
            for ftype in ("health_centre", "hospital"):
                levels.append(LevelData(prog, ftype, **FACILITY_LEVELS))
            levels.append(LevelData(prog, "district_store", **STORE_LEVELS))
        upsert_levels(s, actor, levels, reason)


def demo_present(db: Database) -> bool:
    """Whether this database holds a built demo district (its ledger included)."""
    return _existing_demo(db, 0.0) is not None


def _refuse_real_data(db: Database) -> None:
    """The demo goes into an empty database (or finishes its own half-built one), never
    beside a facility's real records: it would add users with a known password."""
    demo_users = {u[0] for u in DEMO_USERS}
    with db.reading() as s:
        others = s.scalar(select(func.count(Facility.id)).where(
            ~Facility.code.startswith("DEMO-"))) or 0
        users = [u for u in s.scalars(select(User.username)) if u.lower() not in demo_users]
    if others or users:
        raise ProblemsFound([error("demo.not_empty", facilities=others, users=len(users))])


def _existing_demo(db: Database, started: float) -> DemoSummary | None:
    """The demo already built, or None.  Master data without a ledger (a build that stopped
    before its single ledger transaction committed) counts as not built: building again
    upserts the same master data and writes the ledger."""
    with db.reading() as s:
        found = _ledger_counts(s)
    if found is None or found[3] == 0:
        return None
    _, codes, movements, lines, products = found
    return DemoSummary(DISTRICT, DEMO_STORE, codes, products, movements, lines, (),
                       round(time.perf_counter() - started, 2), already_present=True)


def _ledger_counts(s: Session) -> tuple[int, tuple[str, ...], int, int, int] | None:
    """Store id, facility codes, movements, lines and products of the demo district."""
    store = s.scalar(select(Facility.id).where(Facility.code == DEMO_STORE))
    if store is None:
        return None
    facilities = s.execute(select(Facility.id, Facility.code).where(
        Facility.supplier_id == store).order_by(Facility.code)).all()
    ids = [store, *(f for f, _ in facilities)]
    movements = s.scalar(select(func.count(Movement.id)).where(
        Movement.facility_id.in_(ids))) or 0
    lines = s.scalar(select(func.count(MovementLine.id)).where(
        MovementLine.facility_id.in_(ids))) or 0
    products = s.scalar(select(func.count(func.distinct(MovementLine.product_id))).where(
        MovementLine.facility_id.in_(ids))) or 0
    return store, tuple(c for _, c in facilities), movements, lines, products


# ---------------------------------------------------------------------------------------------
# The simulation

# event kinds, in the same-day order the ledger reads them (see inventory.kinds.DAY_RANK)
RECEIPT, TRANSFER_IN, ADJUSTMENT, ISSUE, LOSS, TRANSFER_OUT, COUNT = range(7)
KIND_NAMES = ("RECEIPT", "TRANSFER_IN", "ADJUSTMENT", "ISSUE", "LOSS", "TRANSFER_OUT", "COUNT")
KIND_RANK = (0, 0, 1, 2, 2, 2, 3)
NO_REASON, EXPIRED, DAMAGED = range(3)
REASON_NAMES = (None, "expired", "damaged")
# counter-parties: location index, or one of these
PATIENTS = -1
NATIONAL = 1000
CHW_BASE = 2000


@dataclass
class _Events:
    """Columns of ledger events, appended in blocks and joined once at the end."""

    blocks: list[tuple[np.ndarray, ...]] = field(default_factory=list)

    def add(self, day: int, loc: np.ndarray | int, prod: np.ndarray, lot: np.ndarray,
            qty: np.ndarray, kind: int, cp: np.ndarray | int = PATIENTS,
            reason: int = NO_REASON) -> None:
        n = len(prod)
        if n == 0:
            return
        full = np.full
        self.blocks.append((
            full(n, day, np.int32), np.broadcast_to(np.asarray(loc, np.int32), (n,)),
            np.asarray(prod, np.int32), np.asarray(lot, np.int32), np.asarray(qty, np.int64),
            full(n, kind, np.int8), np.broadcast_to(np.asarray(cp, np.int32), (n,)),
            full(n, reason, np.int8),
        ))

    def columns(self) -> tuple[np.ndarray, ...]:
        if not self.blocks:
            return tuple(np.zeros(0, np.int64) for _ in range(8))
        return tuple(np.concatenate([b[i] for b in self.blocks]) for i in range(8))


def _month_end(d: date) -> date:
    first_next = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _add_months(d: date, months: int) -> date:
    idx = d.year * 12 + d.month - 1 + months
    return date(idx // 12, idx % 12 + 1, 1)


class _Simulation:
    """Daily stock of every lot at the store (location 0) and each facility (1..F).

    Lot slots per location and product are kept sorted by expiry, so FEFO is a cumulative
    sum: ``take = clip(want - before, 0, usable)``.  Expired lots stay on the shelf (unusable)
    until the month-end count writes them off.
    """

    def __init__(self, seed: int, sites: list[_Site], catalogue: list[ProductData],
                 months: int, today: date):
        self.sites = sites
        self.products = catalogue
        self.today = today
        self.start = _add_months(date(today.year, today.month, 1), -(months - 1))
        self.days = (today - self.start).days + 1
        demand_seq, event_seq = np.random.SeedSequence(seed).spawn(2)
        self.rng_demand = np.random.Generator(np.random.PCG64(demand_seq))
        self.rng = np.random.Generator(np.random.PCG64(event_seq))
        n_loc, n_prod = len(sites), len(catalogue)
        self.qty = np.zeros((n_loc, n_prod, SLOTS), np.int64)
        self.exp = np.full((n_loc, n_prod, SLOTS), np.iinfo(np.int32).max, np.int32)
        self.lot = np.full((n_loc, n_prod, SLOTS), -1, np.int32)
        self.lots: list[tuple[int, str, date]] = []  # lot index -> (product, batch, expiry)
        self.events = _Events()
        self.hospital = np.array([s.type == "hospital" for s in sites[1:]])
        self.centre = np.array([s.type == "health_centre" for s in sites[1:]])
        self._demand_model()
        self.month_issued = np.zeros((n_loc, n_prod), np.int64)
        self.stockout_days = np.zeros((n_loc, n_prod), np.int64)
        self.history: list[np.ndarray] = []  # stockout-adjusted monthly consumption, per month
        self.store_history: list[np.ndarray] = []
        self.deliveries: dict[int, list[tuple[int, np.ndarray, np.ndarray]]] = defaultdict(list)
        self.arrivals: dict[int, list[tuple[np.ndarray, np.ndarray]]] = defaultdict(list)
        self.transfers: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
        self.chw = np.array([p.code in CHW_PRODUCTS for p in catalogue])

    # -- the demand each facility sees ----------------------------------------------------

    def _demand_model(self) -> None:
        """Per facility and product: chance of any demand in a day and the size when there is.

        The core list and a few more move fast (most days), a fifth are steady, the rest
        are slow and intermittent (many zero days).  Hospitals see more than health centres;
        health centres do not stock controlled medicines or most of the hospital list.
        """
        rng = self.rng
        n_fac, n_prod = len(self.sites) - 1, len(self.products)
        core = np.array([p.code in CORE_PRODUCTS for p in self.products])
        u = rng.random(n_prod)
        fast = core | (u < 0.04)
        steady = ~fast & (u < 0.25)
        p_occ = np.where(fast, rng.uniform(0.4, 0.8, n_prod),
                         np.where(steady, rng.uniform(0.06, 0.25, n_prod),
                                  rng.uniform(0.01, 0.06, n_prod)))
        size = np.where(fast, rng.lognormal(math.log(15), 0.7, n_prod),
                        np.where(steady, rng.lognormal(math.log(5), 0.6, n_prod),
                                 rng.lognormal(math.log(3), 0.5, n_prod)))
        unit_scale = {"tablet": 1.0, "capsule": 1.0, "cycle": 0.3, "sachet": 0.6}
        size *= np.array([unit_scale.get(p.unit, 0.2) for p in self.products])
        scale = rng.lognormal(0.0, 0.3, n_fac)[:, None] * np.where(self.hospital, 2.5, 1.0)[:, None]
        self.p_occ = np.clip(p_occ[None, :] * np.where(self.hospital, 1.1, 0.75)[:, None], 0, 1)
        self.size = np.maximum(size[None, :] * scale, 1.0)
        programme = np.array([(p.program or "essential") != "essential" for p in self.products])
        controlled = np.array([p.controlled for p in self.products])
        hc_draw = rng.random((n_fac, n_prod)) < 0.45
        hc_list = (core | programme | hc_draw) & ~controlled
        self.stocked = np.where(self.centre[:, None], hc_list, True)
        self.p_occ = np.where(self.stocked, self.p_occ, 0.0)
        self.seasonal = np.array([p.seasonal for p in self.products])
        # what the district plans with before any consumption is known (units per month)
        self.planned = self.p_occ * self.size * 30.0

    def season(self, t: int) -> float:
        """Rainy-season factor: 1.7 at the peak, 0.3 six months later."""
        doy = (self.start + timedelta(days=t)).timetuple().tm_yday
        return 1.0 + 0.7 * math.cos(2 * math.pi * (doy - RAINY_PEAK_DAY) / 365.25)

    def demand(self, t: int) -> np.ndarray:
        """Units asked for at each facility on day t (negative-binomial sizes)."""
        rng = self.rng_demand
        factor = np.where(self.seasonal, self.season(t), 1.0)
        occurs = rng.random(self.p_occ.shape) < np.minimum(self.p_occ * np.sqrt(factor), 1.0)
        mean_extra = (self.size - 1.0) * factor
        noisy = mean_extra * rng.gamma(2.0, 0.5, self.p_occ.shape)
        return np.where(occurs, 1 + rng.poisson(noisy), 0)

    # -- the day loop ---------------------------------------------------------------------

    def run(self, progress: Callable[[int, int], None]) -> None:
        self._opening()
        month_end = {(_month_end(self.start + timedelta(days=t)) - self.start).days
                     for t in range(self.days)}
        for t in range(self.days):
            day = self.start + timedelta(days=t)
            for prods, amounts in self.arrivals.pop(t, []):
                self._national_receipt(t, prods, amounts)
            for loc, prods, amounts in self.deliveries.pop(t, []):
                self._deliver(t, loc, prods, amounts)
            for donor, recipient, p, amount in self.transfers.pop(t, []):
                self._transfer(t, donor, recipient, p, amount)
            if day.day == 5:
                self._resupply_chws(t, day)
            self._dispense(t)
            if t in month_end:
                self._close_month(t, day)
            if t % 30 == 0:
                progress(t, self.days)
        progress(self.days, self.days)

    def _opening(self) -> None:
        """Day one: the store receives six months (part of it short-dated); facilities two."""
        n_prod = len(self.products)
        need = self.planned.sum(axis=0)
        prods = np.arange(n_prod)
        packs = np.array([p.pack_size for p in self.products])
        total = np.ceil(np.maximum(need * 6, 1) / packs) * packs
        old = np.ceil(total * 0.35 / packs) * packs
        self._national_receipt(0, prods, old.astype(np.int64), months_left=(2, 8))
        self._national_receipt(0, prods, (total - old).astype(np.int64) + packs)
        for f in range(1, len(self.sites)):
            want = np.round(self.planned[f - 1] * self.rng.uniform(1.0, 2.5, n_prod))
            want = np.where(self.stocked[f - 1], np.maximum(want, 1), 0).astype(np.int64)
            self._deliver(0, f, prods[want > 0], want[want > 0])

    def _new_lots(self, t: int, prods: np.ndarray, months_left: tuple[int, int] | None,
                  ) -> tuple[np.ndarray, np.ndarray]:
        """One manufacturer lot per product, expiring at a month end."""
        rng = self.rng
        day = self.start + timedelta(days=t)
        if months_left is None:
            short = rng.random(len(prods)) < 0.08  # short-dated consignments happen
            left = np.where(short, rng.integers(3, 8, len(prods)),
                            rng.integers(10, 31, len(prods)))
        else:
            left = rng.integers(months_left[0], months_left[1] + 1, len(prods))
        ids = np.arange(len(self.lots), len(self.lots) + len(prods))
        exps = np.empty(len(prods), np.int64)
        for i, (p, m) in enumerate(zip(prods.tolist(), left.tolist(), strict=True)):
            expiry = _month_end(_add_months(date(day.year, day.month, 1), m))
            batch = f"{'ABCDEFGHJKLMNPRSTUVWXY'[(p * 7 + len(self.lots)) % 22]}" \
                    f"{day:%y%m}-{len(self.lots) + 1:05d}"
            self.lots.append((p, batch, expiry))
            exps[i] = (expiry - self.start).days
        return ids, exps

    def _insert(self, loc: int, prods: np.ndarray, lots: np.ndarray, exps: np.ndarray,
                amounts: np.ndarray) -> np.ndarray:
        """Put lots on a location's shelf (products unique); False where no slot was free."""
        held = self.lot[loc, prods]
        match = held == lots[:, None]
        free = self.qty[loc, prods] == 0
        has, has_free = match.any(axis=1), free.any(axis=1)
        slot = np.where(has, match.argmax(axis=1), free.argmax(axis=1))
        ok = has | has_free
        p, k = prods[ok], slot[ok]
        self.qty[loc, p, k] += amounts[ok]
        self.lot[loc, p, k] = lots[ok]
        self.exp[loc, p, k] = exps[ok]
        order = np.argsort(self.exp[loc, p], axis=1, kind="stable")
        for arr in (self.qty, self.lot, self.exp):
            arr[loc, p] = np.take_along_axis(arr[loc, p], order, axis=1)
        return ok

    @staticmethod
    def _fefo(qty: np.ndarray, exp: np.ndarray, t: int, want: np.ndarray) -> np.ndarray:
        """Units taken from each slot, earliest expiry first, never from an expired lot."""
        usable = np.where(exp > t, qty, 0)
        before = np.cumsum(usable, axis=-1) - usable
        return np.clip(want[..., None] - before, 0, usable)

    def _national_receipt(self, t: int, prods: np.ndarray, amounts: np.ndarray,
                          months_left: tuple[int, int] | None = None) -> None:
        keep = amounts > 0
        prods, amounts = prods[keep], amounts[keep]
        lots, exps = self._new_lots(t, prods, months_left)
        ok = self._insert(0, prods, lots, exps, amounts)
        self.events.add(t, 0, prods[ok], lots[ok], amounts[ok], RECEIPT, NATIONAL)

    def _deliver(self, t: int, loc: int, prods: np.ndarray, wanted: np.ndarray) -> None:
        """The store issues an order FEFO (what it has) and the facility receives it."""
        take = self._fefo(self.qty[0, prods], self.exp[0, prods], t, wanted)
        for k in range(SLOTS):
            amounts = take[:, k]
            sel = amounts > 0
            if not sel.any():
                continue
            p, a = prods[sel], amounts[sel]
            lots, exps = self.lot[0, p, k], self.exp[0, p, k]
            ok = self._insert(loc, p, lots, exps, a)
            self.qty[0, p[ok], k] -= a[ok]
            self.events.add(t, 0, p[ok], lots[ok], a[ok], ISSUE, loc)
            self.events.add(t, loc, p[ok], lots[ok], a[ok], RECEIPT, 0)
            self.month_issued[0, p[ok]] += a[ok]

    def _transfer(self, t: int, donor: int, recipient: int, p: int, amount: int) -> None:
        """A lateral transfer between facilities, from the donor's earliest-expiring lots."""
        take = self._fefo(self.qty[donor, p], self.exp[donor, p], t, np.array(amount))
        for k in np.nonzero(take)[0].tolist():
            a = np.array([take[k]])
            lot, exp = self.lot[donor, p, k:k + 1].copy(), self.exp[donor, p, k:k + 1].copy()
            if not self._insert(recipient, np.array([p]), lot, exp, a)[0]:
                continue
            self.qty[donor, p, k] -= a[0]
            self.events.add(t, donor, np.array([p]), lot, a, TRANSFER_OUT, recipient)
            self.events.add(t, recipient, np.array([p]), lot, a, TRANSFER_IN, donor)

    def _resupply_chws(self, t: int, day: date) -> None:
        """Health centres restock their community health workers early each month."""
        for f in np.nonzero(self.centre)[0].tolist():
            loc = f + 1
            prods = np.nonzero(self.chw & self.stocked[f])[0]
            if len(prods) == 0:
                continue
            want = self.rng.poisson(self.planned[f, prods] * 0.15)
            take = self._fefo(self.qty[loc, prods], self.exp[loc, prods], t, want)
            self.qty[loc, prods] -= take
            pi, k = np.nonzero(take)
            chw = CHW_BASE + (f * 3 + day.month) % len(VILLAGES)
            self.events.add(t, loc, prods[pi], self.lot[loc, prods[pi], k], take[pi, k],
                            TRANSFER_OUT, chw)

    def _dispense(self, t: int) -> None:
        """Every facility's issues of the day; demand above the usable balance is lost."""
        want = self.demand(t)
        f, p = np.nonzero(want)
        loc = f + 1
        take = self._fefo(self.qty[loc, p], self.exp[loc, p], t, want[f, p])
        self.qty[loc, p] -= take
        i, k = np.nonzero(take)
        self.events.add(t, loc[i], p[i], self.lot[loc[i], p[i], k], take[i, k], ISSUE)
        self.month_issued[loc, p] += take.sum(axis=1)
        closing = np.where(self.exp[1:] > t, self.qty[1:], 0).sum(axis=2)
        self.stockout_days[1:] += (closing == 0) & self.stocked

    # -- month end --------------------------------------------------------------------------

    def _close_month(self, t: int, day: date) -> None:
        self._write_off_expired(t)
        self._count(t, day)
        self._review_facilities(t, day)
        if day.month % 3 == 0:
            self._review_store(t)
        self.month_issued[:] = 0
        self.stockout_days[:] = 0

    def _write_off_expired(self, t: int) -> None:
        loc, p, k = np.nonzero((self.exp <= t) & (self.qty > 0))
        self.events.add(t, loc, p, self.lot[loc, p, k], self.qty[loc, p, k], LOSS,
                        reason=EXPIRED)
        self.qty[loc, p, k] = 0

    def _count(self, t: int, day: date) -> None:
        """Month-end physical count of every lot on the shelf, after breakage is written off.

        Facilities count every month; the store, with its larger shelves, every quarter.

        Most counts agree with the books; a few find a little less (or, more rarely, more).
        They are COUNT rows: the importer posts each variance as a count_gain/count_loss
        adjustment linked to the count, as for a count entered by hand.
        """
        rng = self.rng
        usable = np.where(self.exp > t, self.qty, 0)
        has = usable.sum(axis=2) > 0
        first = (usable > 0).argmax(axis=2)
        loc, p = np.nonzero(has & (rng.random(has.shape) < 0.004))
        k = first[loc, p]
        broken = np.minimum(1 + rng.poisson(2, len(loc)), self.qty[loc, p, k])
        self.qty[loc, p, k] -= broken
        self.events.add(t, loc, p, self.lot[loc, p, k], broken, LOSS, reason=DAMAGED)
        variance = np.zeros_like(self.qty)
        for chance, sign in ((0.03, -1), (0.012, +1)):
            loc, p = np.nonzero(has & (rng.random(has.shape) < chance))
            k = first[loc, p]
            on_shelf = self.qty[loc, p, k]
            amount = np.minimum(1 + rng.poisson(np.maximum(on_shelf * 0.01, 0.5)), on_shelf)
            variance[loc, p, k] = sign * amount
        if day.month % 3:
            variance[0] = 0
        counted = self.qty + variance
        seen = (self.qty > 0) | (counted > 0)
        if day.month % 3:
            seen[0] = False
        loc, p, k = np.nonzero(seen)
        self.events.add(t, loc, p, self.lot[loc, p, k], counted[loc, p, k], COUNT)
        self.qty = counted

    def _usable(self, t: int) -> np.ndarray:
        return np.where(self.exp > t, self.qty, 0).sum(axis=2)

    def _review_facilities(self, t: int, day: date) -> None:
        """Forced ordering (FIELD.md §1.3): order up to max = 3 × stockout-adjusted AMC."""
        rng = self.rng
        period_days = days_in_period(period_of(day))
        consumed = self.month_issued[1:].astype(float)
        x = np.minimum(self.stockout_days[1:], period_days)
        adjusted = np.where(x < period_days,
                            np.ceil(consumed * period_days / np.maximum(period_days - x, 1)),
                            consumed)
        self.history.append(adjusted)
        amc = np.ceil(np.mean(self.history[-3:], axis=0))
        amc = np.where((amc == 0) & self.stocked, np.ceil(self.planned * 0.5), amc)
        soh = self._usable(t)[1:]
        max_qty = np.round(amc * FACILITY_LEVELS["max_mos"])
        order = np.where(self.stocked, np.maximum(max_qty - soh, 0), 0).astype(np.int64)
        for f in range(order.shape[0]):
            prods = np.nonzero(order[f])[0]
            arrive = t + int(rng.integers(4, 16))
            if len(prods) and arrive < self.days:
                self.deliveries[arrive].append((f + 1, prods, order[f, prods]))
        self._plan_transfers(t, soh, max_qty)

    def _plan_transfers(self, t: int, soh: np.ndarray, max_qty: np.ndarray) -> None:
        """Redistribution: a facility that ran dry gets stock from one holding above its max."""
        needy_f, needy_p = np.nonzero((soh == 0) & (self.stockout_days[1:] >= 7) & self.stocked)
        excess = soh - max_qty
        order = self.rng.permutation(len(needy_f))[:4]
        for i in order.tolist():
            f, p = int(needy_f[i]), int(needy_p[i])
            donor = int(np.argmax(excess[:, p]))
            give = int(min(excess[donor, p], max(max_qty[f, p] // 2, 1)))
            if donor != f and give > 0 and t + 2 < self.days:
                self.transfers[t + 2].append((donor + 1, f + 1, p, give))
                excess[donor, p] -= give

    def _review_store(self, t: int) -> None:
        """Quarterly order to the national supplier, which does not always deliver in full."""
        rng = self.rng
        issued = self.month_issued[0].astype(float)
        self.store_history.append(issued)
        amc = np.mean(self.store_history[-3:], axis=0) if self.store_history else issued
        amc = np.maximum(amc, self.planned.sum(axis=0) * 0.5)
        pipeline = np.zeros(len(self.products))
        for batches in self.arrivals.values():
            for prods, amounts in batches:
                pipeline[prods] += amounts
        want = np.maximum(amc * STORE_LEVELS["max_mos"] - self._usable(t)[0] - pipeline, 0)
        fill = np.where(rng.random(len(want)) < 0.85, 1.0, rng.uniform(0.0, 0.7, len(want)))
        packs = np.array([p.pack_size for p in self.products])
        amounts = (np.ceil(want * fill / packs) * packs).astype(np.int64)
        prods = np.nonzero(amounts)[0]
        arrive = t + int(rng.integers(10, 40))
        if len(prods) and arrive < self.days:
            self.arrivals[arrive].append((prods, amounts[prods]))

    # -- output -----------------------------------------------------------------------------

    def ledger_rows(self) -> list[LedgerRow]:
        """Every event as a canonical ledger row, in date, facility and same-day order.

        Rows of one movement (same date, facility, kind, reason, voucher, counter-party) are
        consecutive, which is how the importer groups them.
        """
        day, loc, prod, lot, qty, kind, cp, reason = self.events.columns()
        rank = np.asarray(KIND_RANK, np.int8)[kind]
        order = np.lexsort((lot, prod, cp, reason, kind, rank, loc, day))
        day, loc, prod, lot, qty, kind, cp, reason = (
            a[order] for a in (day, loc, prod, lot, qty, kind, cp, reason))
        codes = [s.code for s in self.sites]
        # one voucher and counter-party per movement: work them out once per distinct key
        key = (((day.astype(np.int64) * len(codes) + loc) * 8 + kind) * 4096 + (cp + 1)) * 8 \
            + reason
        keys, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        refs = np.empty(len(keys), object)
        cps = np.empty(len(keys), object)
        dates = np.array([self.start + timedelta(days=t) for t in range(self.days)], object)
        for j, i in enumerate(first.tolist()):
            c = int(cp[i])
            refs[j] = self._reference(dates[day[i]], int(loc[i]), int(kind[i]), c,
                                      int(reason[i]), codes)
            cps[j] = self._counterparty(c, codes)
        batches = np.array([b for _, b, _ in self.lots], object)
        expiries = np.array([e for _, _, e in self.lots], object)
        columns = (
            dates[day], np.array(codes, object)[loc],
            np.array([p.code for p in self.products], object)[prod],
            np.array(KIND_NAMES, object)[kind], qty.tolist(), batches[lot], expiries[lot],
            np.array(REASON_NAMES, object)[reason], refs[inverse], cps[inverse],
        )
        return [LedgerRow(d, f, p, k, q, b, e, r, ref, c, None)
                for d, f, p, k, q, b, e, r, ref, c in zip(*(list(col) for col in columns),
                                                            strict=True)]

    @staticmethod
    def _counterparty(cp: int, codes: list[str]) -> str | None:
        if cp == PATIENTS:
            return None
        if cp == NATIONAL:
            return NATIONAL_SUPPLIER
        if cp >= CHW_BASE:
            return f"CHW {VILLAGES[cp - CHW_BASE]}"
        return codes[cp]

    @staticmethod
    def _reference(d: date, loc: int, kind: int, cp: int, reason: int,
                   codes: list[str]) -> str:
        """Voucher numbers as a district would write them (both sides of a delivery agree)."""
        if kind in (RECEIPT, ISSUE) and cp == NATIONAL:
            return f"GRN-{d:%Y%m%d}"
        if kind == RECEIPT:
            return f"RIV-{d:%Y%m%d}-{codes[loc]}"
        if kind == ISSUE and cp != PATIENTS:
            return f"RIV-{d:%Y%m%d}-{codes[cp]}"
        if kind == ISSUE:
            return f"DAR-{d:%Y%m%d}"
        if kind in (TRANSFER_IN, TRANSFER_OUT) and cp >= CHW_BASE:
            return f"CHW-{d:%Y%m}"
        if kind == TRANSFER_OUT:
            return f"TRF-{d:%Y%m%d}-{codes[loc]}-{codes[cp]}"
        if kind == TRANSFER_IN:
            return f"TRF-{d:%Y%m%d}-{codes[cp]}-{codes[loc]}"
        if reason == EXPIRED:
            return f"EXP-{d:%Y%m}"
        if reason == DAMAGED:
            return f"DMG-{d:%Y%m}"
        return f"CNT-{d:%Y%m}"


# ---------------------------------------------------------------------------------------------
# Writing


def _write_ledger(db: Database, actor: Actor, rows: list[LedgerRow], today: date) -> None:
    """Post every row in one transaction through the ledger importer (all its checks run)."""
    result = ImportService(db, actor, today=lambda: today).import_ledger_rows(
        rows, "demo district")
    if result.status != "imported":
        # a simulation that breaks a ledger rule is a bug here, not bad user data
        raise ProblemsFound(list(result.problems) or [error("demo.not_imported",
                                                            status=result.status)])


def _demo_pharmacist(db: Database) -> Actor:
    """The demo's pharmacist, under whose name the simulated ledger is recorded."""
    with db.reading() as s:
        user = s.scalar(select(User).where(User.username == "pharmacist"))
    assert user is not None
    return Actor(user.username, user.role, user.id)


def _create_users(db: Database, actor: Actor, facility: str) -> tuple[str, ...]:
    """The five demo users, password ``demo``, no forced change; existing names are kept.

    Written directly rather than through UserService.create_user, whose password rules
    (rightly) refuse a four-letter password.
    """
    hasher = password_hasher()
    created = []
    with db.transaction() as s:
        fac_id = s.scalar(select(Facility.id).where(Facility.code == facility))
        taken = {u.lower() for u in s.scalars(select(User.username))}
        for username, role, full_name, at_facility in DEMO_USERS:
            if username in taken:
                continue
            s.add(User(username=username, full_name=full_name, role=role,
                       password_hash=hasher.hash(DEMO_PASSWORD), must_change_password=False,
                       facility_id=fac_id if at_facility else None, active=True,
                       failed_logins=0, locked_until=None))
            audit.record(s, actor, "user", username, "create", None, {
                "role": role, "full_name": full_name,
                "facility": facility if at_facility else None, "must_change_password": False,
            }, "demo district")
            created.append(username)
    return tuple(created)
