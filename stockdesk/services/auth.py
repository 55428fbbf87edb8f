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
FACILITY_ROLES = frozenset({PHARMACIST, INCHARGE})

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
    # the R&R's steps (stockdesk.requisition.states says which state each starts from)
    "requisition.create": frozenset({PHARMACIST, INCHARGE, ADMIN}),
    "requisition.submit": frozenset({PHARMACIST, INCHARGE, ADMIN}),
    "requisition.authorize": frozenset({INCHARGE, ADMIN}),
    "requisition.approve": frozenset({LOGISTICIAN, ADMIN}),
    "requisition.issue": frozenset({LOGISTICIAN, ADMIN}),
    "requisition.reject": frozenset({INCHARGE, LOGISTICIAN, ADMIN}),
    "requisition.import": frozenset({LOGISTICIAN, ADMIN}),
}


# The operations in words, for messages (the UI translates by operation code).
OPERATION_WORDS: dict[str, str] = {
    "stock.read": "see stock", "stock.post": "record stock movements",
    "stock.reverse": "reverse stock movements", "import.ledger": "import ledger transactions",
    "import.history": "import monthly history", "import.facilities": "import facilities",
    "import.catalogue": "import the product catalogue", "import.levels": "import stock levels",
    "masterdata.edit": "change facilities, products or stock levels",
    "users.manage": "manage users", "backup.create": "make backups",
    "backup.restore": "restore a backup", "demo.build": "build the demo district",
    "audit.read": "read the audit log",
    "requisition.create": "prepare requisitions", "requisition.submit": "submit requisitions",
    "requisition.authorize": "authorize requisitions",
    "requisition.approve": "approve requisitions",
    "requisition.issue": "mark requisitions as issued",
    "requisition.reject": "reject requisitions",
    "requisition.import": "import facilities' requisitions",
}
ALLOWED_WORDS = {PHARMACIST: "a pharmacist", INCHARGE: "a facility in-charge",
                 LOGISTICIAN: "a district logistician", SUPERVISOR: "a supervisor",
                 ADMIN: "an administrator"}


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
    # facility staff (pharmacist, in-charge) assigned to one facility record stock only there
    facility: str | None = None

    def may(self, operation: str) -> bool:
        return self.role in PERMISSIONS[operation]

    def require(self, operation: str) -> None:
        if not self.may(operation):
            names = [ALLOWED_WORDS[r] for r in ALL_ROLES if r in PERMISSIONS[operation]]
            allowed = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 \
                else names[0]
            raise ProblemsFound([error(
                "auth.forbidden", user=self.username, role=self.role, operation=operation,
                action=OPERATION_WORDS.get(operation, operation), allowed=allowed)])
        if self.must_change_password and operation not in READ_ONLY_OPERATIONS:
            raise ProblemsFound([error("auth.must_change_password", user=self.username)])

    def require_at(self, operation: str, facility: str) -> None:
        """``require`` for a write to one facility's stock: staff assigned to a facility
        write only there; district roles and admins write anywhere."""
        self.require(operation)
        if self.facility is not None and self.role in FACILITY_ROLES \
                and facility != self.facility:
            raise ProblemsFound([error("auth.other_facility", user=self.username,
                                       facility=facility, own=self.facility)])


# A database with no users yet is in setup mode: the local person acts as an admin.
SETUP_ACTOR = Actor(username="setup", role=ADMIN, user_id=None)
