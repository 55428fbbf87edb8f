"""calculation profiles by their short names

Programs created before profiles were named ``openlmis``, ``msupply`` and ``civ-elmis`` say
``openlmis_v3``; the name the CLI and the printed R&R use is ``openlmis``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE programs SET profile = 'openlmis' WHERE profile = 'openlmis_v3'")


def downgrade() -> None:
    op.execute("UPDATE programs SET profile = 'openlmis_v3' WHERE profile = 'openlmis'")
