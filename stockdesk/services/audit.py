"""The audit log: who changed which master data, level, user or document state, when and why."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from stockdesk.db.models import AuditEntry
from stockdesk.services.auth import Actor


def record(s: Session, actor: Actor, entity: str, key: str, action: str,
           old: dict[str, Any] | None, new: dict[str, Any] | None,
           reason: str | None = None) -> None:
    """Add one audit row in the caller's transaction (so it commits or rolls back with it)."""
    s.add(AuditEntry(
        at=datetime.now(UTC), user_id=actor.user_id, username=actor.username, entity=entity,
        entity_key=key, action=action, old_value=_json(old), new_value=_json(new), reason=reason,
    ))


def changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, old and new side by side."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, default=str, sort_keys=True,
                                                 ensure_ascii=False)
