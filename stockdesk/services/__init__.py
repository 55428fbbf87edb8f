"""Use cases: one transaction each, composing the pure packages, db/ and exchange/.  No Qt."""
