"""The R&R's life: draft → submitted → authorized → approved → issued (rejected → draft).

Each step names the roles that may take it; nobody approves their own submission (four eyes);
a submitted R&R is frozen, so later corrections land in the next period's D column.
"""

from __future__ import annotations

from dataclasses import dataclass

from stockdesk.requisition.document import Status

PHARMACIST, INCHARGE = "pharmacist", "facility_incharge"
LOGISTICIAN, ADMIN = "district_logistician", "admin"


@dataclass(frozen=True)
class Step:
    action: str
    from_: tuple[Status, ...]
    to: Status
    roles: frozenset[str]
    words: str  # "submit" in a sentence


STEPS: dict[str, Step] = {s.action: s for s in (
    Step("submit", (Status.DRAFT,), Status.SUBMITTED,
         frozenset({PHARMACIST, INCHARGE, ADMIN}), "submit"),
    Step("authorize", (Status.SUBMITTED,), Status.AUTHORIZED,
         frozenset({INCHARGE, ADMIN}), "authorize"),
    Step("approve", (Status.AUTHORIZED,), Status.APPROVED,
         frozenset({LOGISTICIAN, ADMIN}), "approve"),
    Step("issue", (Status.APPROVED,), Status.ISSUED,
         frozenset({LOGISTICIAN, ADMIN}), "mark as issued"),
    Step("reject", (Status.SUBMITTED, Status.AUTHORIZED), Status.DRAFT,
         frozenset({INCHARGE, LOGISTICIAN, ADMIN}), "reject"),
)}

EDITABLE = frozenset({Status.DRAFT})  # frozen once submitted


def refusal(action: str, status: Status, role: str, user: str,
            submitted_by: str | None, reason: str | None = None) -> str | None:
    """Why ``user`` (``role``) may not take ``action`` now, in words; None when they may."""
    step = STEPS.get(action)
    if step is None:
        return f"unknown step {action!r}; steps: {', '.join(STEPS)}"
    if status not in step.from_:
        allowed = " or ".join(s.value for s in step.from_)
        done = "rejected" if action == "reject" else step.to.value
        article = "an" if allowed[0] in "aeiou" else "a"
        return f"an R&R that is {status.value} cannot be {done}: only {article} {allowed} one can"
    if role not in step.roles:
        return f"a {role.replace('_', ' ')} may not {step.words} an R&R"
    if action == "approve" and submitted_by is not None and submitted_by == user:
        return f"{user} submitted this R&R and may not approve it too: another person must"
    if action == "reject" and not (reason or "").strip():
        return "a rejection needs a reason, for whoever corrects the R&R"
    return None


__all__ = ["EDITABLE", "STEPS", "Step", "refusal"]
