"""What day it is, for the services: one place, so tests and the window can pass their own."""

from __future__ import annotations

from datetime import date


def today_local() -> date:
    """Today on this computer's calendar: what the pharmacist calls today."""
    return date.today()


__all__ = ["today_local"]
