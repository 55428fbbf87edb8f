"""SBC demand classification (Syntetos, Boylan & Croston 2005; FIELD.md §2.3, AC-22).

``ADI = usable months / months with demand``; ``CV² = (σ/μ)²`` of the non-zero demands with
the **population** variance (pinned, AC-22: the sample variance gives 0.187 instead of 0.14 on
the worked case).  Cut-offs 1.32 and 0.49.  Missing months (NaN) are not periods: they count
neither as demand nor as zero.  Vectorised over series.
"""

from __future__ import annotations

import numpy as np

ADI_CUT = 1.32
CV2_CUT = 0.49
CLASSES = ("smooth", "intermittent", "erratic", "lumpy", "none")
"""Class codes 0..4; ``none`` = no demand at all in the window (or no usable month)."""


def adi_cv2(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per series (ADI, CV²); inf ADI / NaN CV² when there is no demand."""
    ok = ~np.isnan(y)
    nz = ok & (y > 0)
    n_ok = ok.sum(axis=1)
    n_nz = nz.sum(axis=1)
    vals = np.where(nz, y, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        adi = np.where(n_nz > 0, n_ok / np.maximum(n_nz, 1), np.inf)
        mean = vals.sum(axis=1) / n_nz
        var = np.where(nz, (y - mean[:, None]) ** 2, 0.0).sum(axis=1) / n_nz  # population
        cv2 = var / mean**2
    return adi, cv2


def classify(y: np.ndarray, window: int | None = 24) -> np.ndarray:
    """SBC class code per series (index into :data:`CLASSES`) over the last ``window`` columns.

    A window keeps the class about current demand: a product that became regular a year ago is
    no longer lumpy.
    """
    if window is not None:
        y = y[:, -window:]
    adi, cv2 = adi_cv2(y)
    high_adi = adi >= ADI_CUT
    high_cv = np.nan_to_num(cv2, nan=0.0) >= CV2_CUT
    code = np.where(high_adi, np.where(high_cv, 3, 1), np.where(high_cv, 2, 0))
    return np.where(np.isfinite(adi), code, 4)


def class_name(code: int) -> str:
    return CLASSES[int(code)]


__all__ = ["ADI_CUT", "CLASSES", "CV2_CUT", "adi_cv2", "class_name", "classify"]
