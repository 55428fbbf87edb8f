"""SQLAlchemy models: master data, the append-only ledger, monthly reports, users and audit.

The ledger (``movements`` and ``movement_lines``) is append-only.  Each line carries copies of
its movement's facility, date and R&R column so that balances and monthly totals are single
indexed aggregates; those copies are written once and, like every posted row, never change.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

FACILITY_TYPES = ("health_centre", "hospital", "district_store")
ROLES = ("pharmacist", "facility_incharge", "district_logistician", "supervisor", "admin")
MOVEMENT_KINDS = (
    "RECEIPT", "ISSUE", "LOSS", "ADJUSTMENT", "TRANSFER_IN", "TRANSFER_OUT", "COUNT", "REVERSAL",
)
REPORT_SOURCES = ("ledger", "history", "requisition")

# Tables whose rows are never updated or deleted once written (see migrations: triggers).
APPEND_ONLY_TABLES = ("movements", "movement_lines", "audit_log")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Facility(Base):
    __tablename__ = "facilities"
    __table_args__ = (CheckConstraint(f"type IN {_in(FACILITY_TYPES)}", name="type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(20))
    district: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    supplier: Mapped[Facility | None] = relationship(remote_side=[id])


class Program(Base):
    __tablename__ = "programs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Calculation profile used by the R&R of this program (FIELD.md §1.6): data, not code.
    profile: Mapped[str] = mapped_column(String(32), default="openlmis")


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("pack_size > 0", name="pack_size_positive"),
        CheckConstraint("pack_rounding_threshold >= 0", name="threshold_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    strength: Mapped[str | None] = mapped_column(String(200))
    dosage_form: Mapped[str | None] = mapped_column(String(100))
    dispensing_unit: Mapped[str] = mapped_column(String(50), default="each")
    pack_size: Mapped[int] = mapped_column(Integer, default=1)
    pack_rounding_threshold: Mapped[int] = mapped_column(Integer, default=0)
    round_to_zero: Mapped[bool] = mapped_column(Boolean, default=False)
    price_per_pack: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id"), index=True)
    atc: Mapped[str | None] = mapped_column(String(16))
    gtin: Mapped[str | None] = mapped_column(String(14), index=True)
    seasonal: Mapped[bool] = mapped_column(Boolean, default=False)
    controlled: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    program: Mapped[Program | None] = relationship()


class StockLevel(Base):
    """Max, min and emergency order point in months of stock, per program × facility type."""

    __tablename__ = "stock_levels"
    __table_args__ = (
        UniqueConstraint("program_id", "facility_type"),
        CheckConstraint(f"facility_type IN {_in(FACILITY_TYPES)}", name="facility_type"),
        CheckConstraint("max_mos > 0 AND min_mos >= 0 AND eop_mos >= 0", name="levels_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"))
    facility_type: Mapped[str] = mapped_column(String(20))
    max_mos: Mapped[float] = mapped_column(Float, default=3.0)
    min_mos: Mapped[float] = mapped_column(Float, default=1.0)
    eop_mos: Mapped[float] = mapped_column(Float, default=0.5)
    lead_time_months: Mapped[float] = mapped_column(Float, default=1.0)
    review_months: Mapped[float] = mapped_column(Float, default=1.0)


class Lot(Base):
    __tablename__ = "lots"
    __table_args__ = (UniqueConstraint("product_id", "batch"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    # '' is the product's "no lot recorded" lot (history and paper records often lack one).
    batch: Mapped[str] = mapped_column(String(64))
    expiry: Mapped[date | None] = mapped_column(Date)
    gtin: Mapped[str | None] = mapped_column(String(14))


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN {_in(ROLES)}", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ImportBatch(Base):
    """One imported file: recognises a file imported twice (same kind and SHA-256)."""

    __tablename__ = "import_batches"
    __table_args__ = (UniqueConstraint("kind", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Movement(Base):
    __tablename__ = "movements"
    __table_args__ = (
        CheckConstraint(f"kind IN {_in(MOVEMENT_KINDS)}", name="kind"),
        CheckConstraint("summary_column IN ('B', 'C', 'D', '-')", name="summary_column"),
        Index("ix_movements_facility_date", "facility_id", "occurred_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    kind: Mapped[str] = mapped_column(String(16))
    occurred_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reference: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(String(64))
    counterparty_facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))
    counterparty_name: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    # The R&R column this movement counts in (B, C, D, or '-' for counts), fixed at posting.
    summary_column: Mapped[str] = mapped_column(String(1))
    # A REVERSAL points at what it reverses (at most once); a correction's replacement points at
    # the movement it corrects; a count's variance adjustment points at the count.
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("movements.id"), unique=True)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("movements.id"))
    count_id: Mapped[int | None] = mapped_column(ForeignKey("movements.id"))
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    # place and hash in the facility's tamper-evident chain (inventory.chain; NULL = written
    # by something other than StockDesk, which ``stockdesk verify`` reports)
    chain_seq: Mapped[int | None] = mapped_column(BigInteger)
    chain_hash: Mapped[bytes | None] = mapped_column(LargeBinary)

    lines: Mapped[list[MovementLine]] = relationship(
        back_populates="movement", order_by="MovementLine.id"
    )


class MovementLine(Base):
    __tablename__ = "movement_lines"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        # covers balances as of a date and the monthly replay without touching the table
        Index("ix_lines_balance", "facility_id", "product_id", "occurred_on", "lot_id", "delta",
              "summary_column"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    movement_id: Mapped[int] = mapped_column(ForeignKey("movements.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"))
    quantity: Mapped[int] = mapped_column(Integer)  # as entered, always ≥ 0
    delta: Mapped[int] = mapped_column(Integer)  # signed effect on stock
    counted: Mapped[int | None] = mapped_column(Integer)  # COUNT: quantity on the shelf
    book_balance: Mapped[int | None] = mapped_column(Integer)  # COUNT: balance the books showed
    # copies of the movement's fields, written once (see module docstring)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    occurred_on: Mapped[date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(7))
    summary_column: Mapped[str] = mapped_column(String(1))
    chain_seq: Mapped[int | None] = mapped_column(BigInteger)  # see Movement.chain_seq
    chain_hash: Mapped[bytes | None] = mapped_column(LargeBinary)

    movement: Mapped[Movement] = relationship(back_populates="lines")


class ChainHead(Base):
    """The end of each facility's ledger chain: how many rows it holds and the last hash.

    A posting locks its facility's head (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite has one
    writer at a time), links its rows after it and moves it, so writers at one facility queue
    while other facilities go on.  ``stockdesk verify`` checks the head against the last row,
    which is how a deleted last row shows.
    """

    __tablename__ = "chain_heads"

    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), primary_key=True)
    length: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[bytes] = mapped_column(LargeBinary)


class MonthlyReport(Base):
    """A, B, C, D, E, X of one product at one facility for one month, with where it came from.

    ``source`` is ``history`` (imported LMIS history), ``requisition`` (received from a
    facility's R&R) or ``ledger`` (months derived from the ledger and frozen, e.g. by a
    submitted R&R; the live ledger summaries are computed, see ``SummaryBlock``).
    ``stockout_days`` is NULL when unknown (e.g. an export gave an impossible value).
    """

    __tablename__ = "monthly_reports"
    __table_args__ = (
        CheckConstraint(f"source IN {_in(REPORT_SOURCES)}", name="source"),
        Index("ix_monthly_reports_product", "product_id"),
    )

    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    source: Mapped[str] = mapped_column(String(16), primary_key=True)
    opening_balance: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger)
    consumed: Mapped[int] = mapped_column(BigInteger)
    losses_adjustments: Mapped[int] = mapped_column(BigInteger)
    closing_balance: Mapped[int] = mapped_column(BigInteger)
    stockout_days: Mapped[int | None] = mapped_column(Integer)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))


class StockBalance(Base):
    """Current balance of each lot at each facility: a cache of ``SUM(delta)`` kept by posting.

    Stock on hand "now" is read from here (a few hundred rows) instead of aggregating years of
    daily lines; balances as of a past date still come from the ledger.  Rebuildable and
    checked against the ledger by ``services.balances.verify``.
    """

    __tablename__ = "stock_balances"
    __table_args__ = (CheckConstraint("balance >= 0", name="balance_not_negative"),)

    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    balance: Mapped[int] = mapped_column(BigInteger)


class SummaryBlock(Base):
    """The ledger's monthly summaries of one product at one facility, as one compact block.

    ``data`` holds ``months`` rows of six little-endian int64 (A, B, C, D, E, X) for the
    consecutive completed months from ``first_period``.  A district's 540,000 months load in
    milliseconds this way, where one table row per month takes seconds to read.  A cache:
    rebuilt from the ledger at will and checked against it by ``services.summaries.verify``.
    """

    __tablename__ = "summary_blocks"

    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    first_period: Mapped[str] = mapped_column(String(7))
    months: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class SummaryDirty(Base):
    """Pairs whose summary block is stale from ``from_period`` on.  Posting marks (in its own
    transaction); the next summary read recomputes and clears."""

    __tablename__ = "summary_dirty"

    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    from_period: Mapped[str] = mapped_column(String(7))


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_key: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)  # JSON
    new_value: Mapped[str | None] = mapped_column(Text)  # JSON
    reason: Mapped[str | None] = mapped_column(Text)


REQUISITION_STATUSES = ("draft", "submitted", "authorized", "approved", "issued")


class Requisition(Base):
    """A Report & Requisition of one facility, program and period (its figures are frozen
    from submission on; each step is also in the audit log)."""

    __tablename__ = "requisitions"
    __table_args__ = (
        UniqueConstraint("facility_id", "program_id", "period", "sequence"),
        CheckConstraint(f"status IN {_in(REQUISITION_STATUSES)}", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"))
    period: Mapped[str] = mapped_column(String(7))
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # 0 regular; 1.. emergency
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    profile: Mapped[str] = mapped_column(String(32))
    max_mos: Mapped[float] = mapped_column(Float)
    min_mos: Mapped[float] = mapped_column(Float)
    eop_mos: Mapped[float] = mapped_column(Float)
    lead_time_months: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_by: Mapped[str | None] = mapped_column(String(64))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    authorized_by: Mapped[str | None] = mapped_column(String(64))
    authorized_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    issued_by: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rejection: Mapped[str | None] = mapped_column(Text)
    # a district holds the R&Rs its facilities send: where this one came from
    source: Mapped[str] = mapped_column(String(16), default="local")  # local | imported
    data_sha256: Mapped[str | None] = mapped_column(String(64))  # of the lines as received
    imported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RequisitionLine(Base):
    __tablename__ = "requisition_lines"

    requisition_id: Mapped[int] = mapped_column(ForeignKey("requisitions.id"),
                                                primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    opening: Mapped[int] = mapped_column(BigInteger)  # A
    received: Mapped[int] = mapped_column(BigInteger)  # B
    consumed: Mapped[int] = mapped_column(BigInteger)  # C
    adjustments: Mapped[int] = mapped_column(BigInteger)  # D
    closing: Mapped[int] = mapped_column(BigInteger)  # E
    stockout_days: Mapped[int] = mapped_column(Integer)  # X
    adjusted: Mapped[Decimal] = mapped_column(Numeric(18, 4))  # N
    average: Mapped[Decimal | None] = mapped_column(Numeric(18, 4))  # P
    maximum: Mapped[int | None] = mapped_column(BigInteger)  # H
    calculated: Mapped[int | None] = mapped_column(BigInteger)  # I
    requested: Mapped[int | None] = mapped_column(BigInteger)  # J
    explanation: Mapped[str | None] = mapped_column(Text)  # W
    approved: Mapped[int | None] = mapped_column(BigInteger)  # K
    remarks: Mapped[str | None] = mapped_column(Text)  # L
