"""First run: the place this computer serves, its first administrator and the catalogue.

A new database has no users; whoever sits at the computer then acts as the local
administrator (:data:`SETUP_ACTOR`) until the first admin exists.  Setting up writes the
facility (or the district office's store), the admin and, when chosen, the starter catalogue
in one transaction: a power cut half-way leaves an empty database that asks again, never a
facility without anybody able to sign in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy import select

from stockdesk.db.models import Facility, User
from stockdesk.problems import Problem, ProblemsFound, error
from stockdesk.services import audit
from stockdesk.services.auth import ADMIN, SETUP_ACTOR, Actor
from stockdesk.services.database import Database
from stockdesk.services.masterdata import FacilityData, upsert_facilities, upsert_products
from stockdesk.services.users import USERNAME, _password_problems, has_users, password_hasher

# What a computer can serve: a health facility (of one of these types) or a district office,
# whose stock is the district store.
FACILITY_TYPES = ("health_centre", "hospital")
DISTRICT_STORE = "district_store"
CODE_LENGTH = 32
REASON = "first run"

# progress(done, total): stages of the one transaction
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SetupRequest:
    """What the first-run questions collected."""

    code: str
    name: str
    type: str  # one of FACILITY_TYPES, or DISTRICT_STORE for a district office
    district: str | None
    admin: str
    password: str
    full_name: str | None = None
    starter_catalogue: bool = True


@dataclass(frozen=True)
class SetupResult:
    facility: str
    admin: str
    products: int  # products the catalogue brought (0 without the starter catalogue)


def place_problems(code: str, name: str, type_: str) -> list[Problem]:
    """Problems with the facility or district office as typed (``field`` says which)."""
    problems = []
    code = (code or "").strip()
    if not code:
        problems.append(error("import.required", field="code"))
    elif len(code) > CODE_LENGTH:
        problems.append(error("import.bad_choice", field="code", value=code,
                              allowed=f"at most {CODE_LENGTH} characters"))
    if not (name or "").strip():
        problems.append(error("import.required", field="name"))
    if type_ not in (*FACILITY_TYPES, DISTRICT_STORE):
        problems.append(error("import.bad_choice", field="type", value=type_,
                              allowed=", ".join((*FACILITY_TYPES, DISTRICT_STORE))))
    return problems


def admin_problems(username: str, password: str) -> list[Problem]:
    """The user rules of :class:`UserService` for the first admin's name and password."""
    username = (username or "").strip()
    problems = []
    if not USERNAME.match(username):
        problems.append(error("user.bad_name", value=username))
    return problems + _password_problems(username, password)


class SetupService:
    """Acts as :data:`SETUP_ACTOR`, and only while the database has no users."""

    def __init__(self, db: Database, actor: Actor = SETUP_ACTOR, *,
                 hasher: PasswordHasher | None = None) -> None:
        self.db = db
        self.actor = actor
        self.hasher = hasher or password_hasher()

    def needed(self) -> bool:
        """True while nobody can sign in: the first-run questions must be asked."""
        return not has_users(self.db)

    def set_up(self, request: SetupRequest, progress: Progress | None = None) -> SetupResult:
        """Create the place, the admin and the catalogue, all or nothing.

        Raises ProblemsFound with every problem of the request (``field`` in the params of
        import.* problems names the field), or when the database already has users.
        """
        report = progress or (lambda _done, _total: None)
        code = request.code.strip()
        admin = request.admin.strip()
        problems = place_problems(code, request.name, request.type)
        problems += admin_problems(admin, request.password)
        if problems:
            raise ProblemsFound(problems)
        report(0, 4)
        # the demo module (and the importer it brings) loads only when it is needed
        from stockdesk.services.demo import read_starter_catalogue

        catalogue = read_starter_catalogue() if request.starter_catalogue else []
        with self.db.transaction() as s:
            first = s.scalar(select(User.username).limit(1))
            if first is not None:  # another workstation finished setting up meanwhile
                raise ProblemsFound([error("user.exists", user=first)])
            upsert_facilities(s, self.actor, [FacilityData(
                code, request.name.strip(), request.type,
                (request.district or "").strip() or None)], REASON)
            report(1, 4)
            if catalogue:
                upsert_products(s, self.actor, catalogue, REASON)
            report(2, 4)
            full_name = (request.full_name or "").strip() or None
            s.add(User(username=admin, full_name=full_name, role=ADMIN,
                       password_hash=self.hasher.hash(request.password),
                       must_change_password=False, facility_id=None, active=True,
                       failed_logins=0, locked_until=None))
            s.flush()
            audit.record(s, self.actor, "user", admin, "create", None, {
                "role": ADMIN, "full_name": full_name, "facility": None,
                "must_change_password": False}, REASON)
            assert s.scalar(select(Facility.id).where(Facility.code == code)) is not None
            report(3, 4)
        report(4, 4)
        return SetupResult(code, admin, len(catalogue))


__all__ = ["DISTRICT_STORE", "FACILITY_TYPES", "SetupRequest", "SetupResult", "SetupService",
           "admin_problems", "place_problems"]
