"""Users: sign-in with argon2 hashes and a lockout, and user management by admins.

Records must be attributable to one person (FIELD.md §5: unique logins, no shared accounts),
so every write runs as an :class:`Actor` obtained from :meth:`UserService.authenticate`.
Sign-in failures all read "wrong user name or password", whether the name exists or not, so
the sign-in prompt does not tell a stranger which accounts exist; an unknown name still costs
one hash verification so timing does not tell either.  After ``MAX_FAILED`` failures in a row
the account is locked for ``LOCK_FOR``; the lock is in the database, so it holds across
processes and workstations.  Passwords and hashes never reach the audit log.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stockdesk.db.models import ROLES, Facility, User
from stockdesk.problems import Problem, ProblemsFound, error
from stockdesk.services import audit
from stockdesk.services.auth import ADMIN, Actor
from stockdesk.services.database import Database

MAX_FAILED = 5
LOCK_FOR = timedelta(minutes=15)
MIN_PASSWORD = 8
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$")


def password_hasher() -> PasswordHasher:
    """Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).

    A sign-in on an old two-core clinic PC then costs tens of milliseconds and 19 MiB rather
    than a fifth of a second and 64 MiB, for a defence OWASP rates sufficient; hashes made
    with other parameters are redone at their owner's next sign-in.
    """
    return PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


_DEFAULT_HASHER = password_hasher()


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str | None
    role: str
    facility: str | None  # facility code, for users who work at one facility
    active: bool
    must_change_password: bool
    locked_until: datetime | None  # UTC; None when not locked now

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


def _now() -> datetime:
    return datetime.now(UTC)


def has_users(db: Database) -> bool:
    """False while the database is in setup mode (nobody has been created yet)."""
    with db.reading() as s:
        return s.scalar(select(User.id).limit(1)) is not None


class UserService:
    """Sign-in needs no actor; managing users needs one (an admin, or the user themself)."""

    def __init__(self, db: Database, actor: Actor | None = None, *,
                 hasher: PasswordHasher | None = None, now: Callable[[], datetime] = _now):
        self.db = db
        self.actor = actor
        self.hasher = hasher or _DEFAULT_HASHER
        self.now = now
        self._dummy_hash: str | None = None

    # -- sign-in ---------------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> Actor:
        """The Actor for a correct name and password; ProblemsFound with an auth.* code else.

        A locked account is refused without looking at the password, so guessing during the
        lock learns nothing.  A success clears the failure count and, when the hashing
        parameters have changed since the password was set, stores a fresh hash.
        """
        now = self.now()
        with self.db.transaction() as s:
            user = _find(s, username, for_update=True)
            if user is None or not user.active:
                self._burn(password)
                raise ProblemsFound([error("auth.bad_credentials")])
            until = _aware(user.locked_until)
            if until is not None and until > now:
                raise ProblemsFound([error("auth.locked", user=user.username,
                                           until=_local(until))])
            if self._verify(user.password_hash, password):
                user.failed_logins = 0
                user.locked_until = None
                if self.hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = self.hasher.hash(password)
                facility = s.scalar(select(Facility.code).where(
                    Facility.id == user.facility_id)) if user.facility_id is not None else None
                return Actor(user.username, user.role, user.id,
                             must_change_password=bool(user.must_change_password),
                             facility=facility)
            failure = error("auth.bad_credentials")
            if until is not None:  # a lock that has expired: count afresh
                user.locked_until = None
                user.failed_logins = 0
            user.failed_logins = (user.failed_logins or 0) + 1
            if user.failed_logins >= MAX_FAILED:
                locked_until = now + LOCK_FOR
                user.locked_until = locked_until
                user.failed_logins = 0
                audit.record(s, Actor(user.username, user.role, user.id), "user",
                             user.username, "lock", None,
                             {"locked_until": locked_until.isoformat(),
                              "failed_attempts": MAX_FAILED})
                failure = error("auth.locked", user=user.username, until=_local(locked_until))
        # committed: the failure count survives the refusal
        raise ProblemsFound([failure])

    def _verify(self, hashed: str, password: str) -> bool:
        try:
            return self.hasher.verify(hashed, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def _burn(self, password: str) -> None:
        """Spend the time a real verification takes, so unknown names answer as slowly."""
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash("not a password of anyone")
        self._verify(self._dummy_hash, password)

    # -- queries ---------------------------------------------------------------------------

    def get(self, username: str) -> UserInfo:
        """One user; anyone signed in may look at their own record, admins at everyone's."""
        actor = self._actor()
        with self.db.reading() as s:
            user = self._existing(s, username)
            if user.id != actor.user_id:
                actor.require("users.manage")
            return self._info(s, user)

    def list_users(self) -> list[UserInfo]:
        self._actor().require("users.manage")
        with self.db.reading() as s:
            users = s.scalars(select(User).order_by(func.lower(User.username))).all()
            return [self._info(s, u) for u in users]

    # -- management ------------------------------------------------------------------------

    def create_user(self, username: str, role: str, password: str, *,
                    full_name: str | None = None, facility: str | None = None,
                    must_change_password: bool | None = None) -> UserInfo:
        """Create a user.  ``must_change_password`` defaults to True, because the admin who
        typed the password knows it, except for the first user made in setup mode, who chose
        their own.  The first user must be an admin, or nobody could manage users after."""
        actor = self._actor()
        actor.require("users.manage")
        username = (username or "").strip()
        problems: list[Problem] = []
        if not USERNAME.match(username):
            problems.append(error("user.bad_name", value=username))
        if role not in ROLES:
            problems.append(error("user.bad_role", value=role, allowed=", ".join(ROLES)))
        problems += _password_problems(username, password)
        with self.db.transaction() as s:
            first = s.scalar(select(User.id).limit(1)) is None
            if first and role != ADMIN and role in ROLES:
                problems.append(error("user.first_must_be_admin"))
            if username and _find(s, username) is not None:
                problems.append(error("user.exists", user=username))
            fac_id = None
            if facility:
                fac_id = s.scalar(select(Facility.id).where(Facility.code == facility))
                if fac_id is None:
                    problems.append(error("facility.unknown", code=facility))
            if problems:
                raise ProblemsFound(problems)
            if must_change_password is None:
                must_change_password = not first
            user = User(username=username, full_name=(full_name or None), role=role,
                        password_hash=self.hasher.hash(password),
                        must_change_password=must_change_password, facility_id=fac_id,
                        active=True, failed_logins=0, locked_until=None)
            s.add(user)
            s.flush()
            audit.record(s, actor, "user", username, "create", None, {
                "role": role, "full_name": full_name, "facility": facility,
                "must_change_password": must_change_password})
            return self._info(s, user)

    def change_password(self, username: str, new_password: str) -> UserInfo:
        """Set a password.  Users may change their own; an admin may reset anyone's.

        A reset by an admin makes the user choose a new one at next sign-in (the admin knows
        it); changing one's own clears that demand.  Either way the account is unlocked.
        """
        actor = self._actor()
        with self.db.transaction() as s:
            user = self._existing(s, username, for_update=True)
            own = actor.user_id is not None and user.id == actor.user_id
            if not own:
                actor.require("users.manage")
            problems = _password_problems(user.username, new_password)
            if own and self._verify(user.password_hash, new_password):
                problems.append(error("user.password_unchanged"))
            if problems:
                raise ProblemsFound(problems)
            was_locked = user.locked_until is not None
            user.password_hash = self.hasher.hash(new_password)
            user.must_change_password = not own
            user.failed_logins = 0
            user.locked_until = None
            audit.record(s, actor, "user", user.username, "password", None, {
                "must_change_password": user.must_change_password, "unlocked": was_locked,
                "by": "self" if own else "admin"})
            return self._info(s, user)

    def change_role(self, username: str, role: str) -> UserInfo:
        actor = self._actor()
        actor.require("users.manage")
        if role not in ROLES:
            raise ProblemsFound([error("user.bad_role", value=role, allowed=", ".join(ROLES))])
        with self.db.transaction() as s:
            user = self._existing(s, username, for_update=True)
            if user.role == role:
                return self._info(s, user)
            if user.role == ADMIN:
                self._keep_an_admin(s, user)
            old = user.role
            user.role = role
            audit.record(s, actor, "user", user.username, "role", {"role": old}, {"role": role})
            return self._info(s, user)

    def set_active(self, username: str, active: bool) -> UserInfo:
        """Disable (or re-enable) an account: records keep its name; sign-in is refused."""
        actor = self._actor()
        actor.require("users.manage")
        with self.db.transaction() as s:
            user = self._existing(s, username, for_update=True)
            if user.active == active:
                return self._info(s, user)
            if not active and user.role == ADMIN:
                self._keep_an_admin(s, user)
            user.active = active
            audit.record(s, actor, "user", user.username, "enable" if active else "disable",
                         {"active": not active}, {"active": active})
            return self._info(s, user)

    def unlock(self, username: str) -> UserInfo:
        actor = self._actor()
        actor.require("users.manage")
        with self.db.transaction() as s:
            user = self._existing(s, username, for_update=True)
            if user.locked_until is not None or user.failed_logins:
                audit.record(s, actor, "user", user.username, "unlock",
                             {"locked_until": _aware(user.locked_until),
                              "failed_logins": user.failed_logins}, None)
                user.locked_until = None
                user.failed_logins = 0
            return self._info(s, user)

    # -- helpers ---------------------------------------------------------------------------

    def _actor(self) -> Actor:
        if self.actor is None:
            raise ValueError("this operation needs a signed-in actor")
        return self.actor

    @staticmethod
    def _keep_an_admin(s: Session, leaving: User) -> None:
        others = s.scalar(select(func.count(User.id)).where(
            User.role == ADMIN, User.active.is_(True), User.id != leaving.id))
        if not others:
            raise ProblemsFound([error("user.last_admin", user=leaving.username)])

    @staticmethod
    def _existing(s: Session, username: str, *, for_update: bool = False) -> User:
        user = _find(s, username, for_update=for_update)
        if user is None:
            raise ProblemsFound([error("auth.unknown_user", user=username)])
        return user

    def _info(self, s: Session, user: User) -> UserInfo:
        facility = s.scalar(select(Facility.code).where(Facility.id == user.facility_id)) \
            if user.facility_id is not None else None
        until = _aware(user.locked_until)
        return UserInfo(
            username=user.username, full_name=user.full_name, role=user.role,
            facility=facility, active=bool(user.active),
            must_change_password=bool(user.must_change_password),
            locked_until=until if until is not None and until > self.now() else None,
        )


def recover_admin(db: Database, username: str, *, os_user: str, host: str,
                  temporary_password: str | None = None,
                  hasher: PasswordHasher | None = None) -> str:
    """Give a locked-out or forgotten admin a temporary password; returns that password.

    Nobody signs in for this: whoever can open the database file (or reach the PostgreSQL
    server with its URL) already holds every record, so that access is the proof.  What the
    recovery cannot do is pass unseen: the account must choose a new password at its next
    sign-in, and the audit log keeps who ran it on which machine (the operating-system user
    and host name, as no StockDesk user was signed in).  Only an admin account is recovered;
    other users ask an admin.  The account is also unlocked and enabled again.
    """
    import secrets

    password = temporary_password or secrets.token_urlsafe(12)
    hasher = hasher or _DEFAULT_HASHER
    with db.transaction() as s:
        user = _find(s, username, for_update=True)
        if user is None:
            raise ProblemsFound([error("auth.unknown_user", user=username)])
        if user.role != ADMIN:
            raise ProblemsFound([error("user.recover_not_admin", user=user.username,
                                       role=user.role)])
        problems = _password_problems(user.username, password)
        if problems:
            raise ProblemsFound(problems)
        before = {"locked_until": _aware(user.locked_until),
                  "failed_logins": user.failed_logins, "active": bool(user.active)}
        user.password_hash = hasher.hash(password)
        user.must_change_password = True
        user.failed_logins = 0
        user.locked_until = None
        user.active = True
        who = Actor(f"{os_user}@{host}"[:64], ADMIN, None)
        audit.record(s, who, "user", user.username, "recover", before, {
            "must_change_password": True, "os_user": os_user, "host": host,
            "how": "stockdesk user recover-admin, on the machine holding the database"},
            "admin password recovery")
    return password


def _find(s: Session, username: str, *, for_update: bool = False) -> User | None:
    """Names are matched without regard to case: 'Awa' and 'awa' are one person."""
    q = select(User).where(func.lower(User.username) == (username or "").strip().lower())
    if for_update:
        q = q.with_for_update()
    return s.scalars(q).first()


def _password_problems(username: str, password: str) -> list[Problem]:
    problems = []
    if password is None or len(password) < MIN_PASSWORD:
        problems.append(error("user.password_too_short", min=MIN_PASSWORD))
    elif password.strip().lower() == (username or "").strip().lower():
        problems.append(error("user.password_is_name"))
    return problems


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything here is stored in UTC."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _local(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


__all__ = ["LOCK_FOR", "MAX_FAILED", "MIN_PASSWORD", "UserInfo", "UserService", "has_users",
           "recover_admin"]
