"""Ledger rules: pure code, no Qt, no database."""
