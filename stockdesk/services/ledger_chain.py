"""Each facility's ledger chain (``inventory.chain``), extended in the transaction that posts.

A row's hash depends on the row before it, so two writers must never link after the same
head: the head of each facility (``chain_heads``) is locked before the first row is linked
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite has one writer at a time from ``BEGIN
IMMEDIATE``) and moved when the transaction commits.  Writers at different facilities lock
different heads, so they do not wait for each other.

A row is hashed before it is inserted (posted rows are never updated), so it needs its id
first: the posting path takes it from the table's sequence on PostgreSQL and after the
largest id on SQLite, where the write lock is held.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, event, func, select, text, update
from sqlalchemy.orm import Session

from stockdesk.db.models import ChainHead, Movement, MovementLine
from stockdesk.inventory.chain import GENESIS, LINE_FIELDS, MOVEMENT_FIELDS, Chain
from stockdesk.services.upsert import is_postgresql, upsert

PENDING = "stockdesk.pending_chains"


def lock_heads(s: Session, facility_ids: Iterable[int]) -> dict[int, Chain]:
    """The heads of these facilities' chains, locked until the transaction ends.

    Locked in facility order, so two writers that both need several facilities cannot each
    hold one the other waits for.  A facility without a head gets an empty one.
    """
    ids = sorted(set(facility_ids))
    if not ids:
        return {}
    postgres = is_postgresql(s)
    heads = _select_heads(s, ids, postgres)
    missing = [f for f in ids if f not in heads]
    if missing:
        s.execute(upsert(s, ChainHead).on_conflict_do_nothing(index_elements=["facility_id"]),
                  [{"facility_id": f, "length": 0, "last_hash": GENESIS} for f in missing])
        heads.update(_select_heads(s, missing, postgres))
    return heads


def _select_heads(s: Session, ids: list[int], postgres: bool) -> dict[int, Chain]:
    query = (select(ChainHead.facility_id, ChainHead.length, ChainHead.last_hash)
             .where(ChainHead.facility_id.in_(ids)).order_by(ChainHead.facility_id))
    if postgres:
        query = query.with_for_update()
    return {f: Chain(int(n), bytes(h)) for f, n, h in s.execute(query)}


def save_heads(s: Session, chains: dict[int, Chain]) -> None:
    """Move the locked heads to the chains' new ends."""
    if not chains:
        return
    s.connection().execute(
        update(ChainHead).where(ChainHead.facility_id == bindparam("f"))
        .values(length=bindparam("n"), last_hash=bindparam("h")),
        [{"f": f, "n": c.length, "h": c.last} for f, c in sorted(chains.items())])


class _Posting:
    """What one posting transaction has linked so far: heads and the next ids (SQLite)."""

    def __init__(self) -> None:
        self.chains: dict[int, Chain] = {}
        self.next_id: dict[str, int] = {}

    def chain(self, s: Session, facility_id: int) -> Chain:
        if facility_id not in self.chains:
            self.chains.update(lock_heads(s, [facility_id]))
        return self.chains[facility_id]

    def new_id(self, s: Session, table: str) -> int:
        if is_postgresql(s):
            return int(s.execute(text(
                f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))")).scalar_one())
        if table not in self.next_id:
            model: Any = Movement if table == "movements" else MovementLine
            self.next_id[table] = (s.scalar(select(func.max(model.id))) or 0) + 1
        self.next_id[table] += 1
        return self.next_id[table] - 1


def _posting(s: Session) -> _Posting:
    state = s.info.get(PENDING)
    if state is None:
        state = s.info[PENDING] = _Posting()
    return state


def seal_movement(s: Session, mv: Movement) -> None:
    """Give a new, complete movement header its id, chain place and hash (before it is added)."""
    state = _posting(s)
    chain = state.chain(s, mv.facility_id)
    mv.id = state.new_id(s, "movements")
    mv.chain_seq, mv.chain_hash = chain.add_movement([getattr(mv, f) for f in MOVEMENT_FIELDS])


def seal_line(s: Session, line: MovementLine) -> None:
    """Give a new, complete movement line its id, chain place and hash (before it is added)."""
    state = _posting(s)
    chain = state.chain(s, line.facility_id)
    line.id = state.new_id(s, "movement_lines")
    line.chain_seq, line.chain_hash = chain.add_line([getattr(line, f) for f in LINE_FIELDS])


@event.listens_for(Session, "before_commit")
def _save_pending(session: Session) -> None:
    state = session.info.pop(PENDING, None)
    if state is not None:
        save_heads(session, state.chains)


@event.listens_for(Session, "after_rollback")
def _drop_pending(session: Session) -> None:
    session.info.pop(PENDING, None)
