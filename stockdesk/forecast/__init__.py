"""Consumption, stock status and forecasts: pure code (numpy allowed), no Qt, no database."""
