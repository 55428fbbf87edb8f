"""Starting without the garbage collector's full passes, then freezing what start-up built.

Importing PySide6, SQLAlchemy and the mapped classes, and building the window, makes some
hundred thousand objects that live as long as the program.  While they pile up, Python's
cyclic collector runs its generation-2 pass over all of them again and again: about a sixth
of a cold start on a clinic PC, spent finding no garbage.  So the collector is held while
StockDesk starts (:func:`hold`) and, once the window shows its data or a person is asked for
something, what start-up built is frozen — moved where no later pass looks — and collection
resumes (:func:`release`).  A window frozen so is handed back to the collector when it
closes (:func:`thaw`), so signing out and in again leaves nothing behind.

Only the standard library here: :func:`hold` runs before anything heavy is imported.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Pause cyclic collection until :func:`release` (nothing if something else paused it)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Freeze what exists now and resume collection, if :func:`hold` paused it."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def thaw() -> None:
    """Hand what was frozen back to the collector: called when a window closes (a sign-out),
    so the window built before the freeze, and whatever it alone held, can be collected."""
    gc.unfreeze()


def held() -> bool:
    """Whether :func:`hold` has paused collection and :func:`release` has not yet resumed it."""
    return _held


__all__ = ["held", "hold", "release", "thaw"]
