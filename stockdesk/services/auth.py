"""Who may do what.  Roles are checked here, in the services, not only in the window."""

from __future__ import annotations

from dataclasses import dataclass

from stockdesk.problems import ProblemsFound, error

PHARMACIST = "pharmacist"
INCHARGE = "facility_incharge"
LOGISTICIAN = "district_logistician"
SUPERVISOR = "supervisor"
ADMIN = "admin"
ALL_ROLES = (PHARMACIST, INCHARGE, LOGISTICIAN, SUPERVISOR, ADMIN)

# operation -> roles allowed to perform it
PERMISSIONS: dict[str, frozenset[str]] = {
    "stock.read": frozenset(ALL_ROLES),
    "stock.post": frozenset({PHARMACIST, INCHARGE, ADMIN}),
    "stock.reverse": frozenset({PHARMACIST, INCHARGE, ADMIN}),
    "import.ledger": frozenset({PHARMACIST, INCHARGE, ADMIN}),
    "import.history": frozenset({PHARMACIST, INCHARGE, LOGISTICIAN, ADMIN}),
    "import.facilities": frozenset({LOGISTICIAN, ADMIN}),
    "import.catalogue": frozenset({LOGISTICIAN, ADMIN}),
    "import.levels": frozenset({LOGISTICIAN, ADMIN}),
    "masterdata.edit": frozenset({LOGISTICIAN, ADMIN}),
    "users.manage": frozenset({ADMIN}),
    "backup.create": frozenset({PHARMACIST, INCHARGE, LOGISTICIAN, ADMIN}),
    "backup.restore": frozenset({ADMIN}),
    "demo.build": frozenset({ADMIN}),
    "audit.read": frozenset({INCHARGE, LOGISTICIAN, SUPERVISOR, ADMIN}),
}


# What a user who must still change the password an admin gave them may do meanwhile.
READ_ONLY_OPERATIONS = frozenset({"stock.read", "audit.read"})


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service acts."""

    username: str
    role: str
    user_id: int | None = None
    # a password set by an admin is known to two people: nothing changes until it is replaced
    must_change_password: bool = False

    def may(self, operation: str) -> bool:
        return self.role in PERMISSIONS[operation]

    def require(self, operation: str) -> None:
        if not self.may(operation):
            raise ProblemsFound(
                [error("auth.forbidden", user=self.username, role=self.role, operation=operation)]
            )
        if self.must_change_password and operation not in READ_ONLY_OPERATIONS:
            raise ProblemsFound([error("auth.must_change_password", user=self.username)])


# A database with no users yet is in setup mode: the local person acts as an admin.
SETUP_ACTOR = Actor(username="setup", role=ADMIN, user_id=None)
