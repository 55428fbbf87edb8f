"""Report & Requisition lines and states: pure code."""
