"""The Qt window (PySide6)."""
