"""Languages: which exist, loading their catalogues, and the locale's dates and numbers.

StockDesk's texts are Qt Linguist catalogues (``translations/stockdesk_xx.ts`` compiled to
``.qm``); Qt's own (buttons of standard dialogs) come with PySide6.  Switching language
replaces the installed translators and the default locale; the main window then rebuilds its
pages, so every text and every formatted number follows.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).with_name("translations")
# code -> the language's own name (shown in the language menu, never translated)
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français", "pt": "Português",
                             "es": "Español"}
DEFAULT = "en"

_installed: list[QTranslator] = []


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else DEFAULT


def catalogue(code: str) -> Path:
    return TRANSLATIONS / f"stockdesk_{code}.qm"


def install(code: str) -> str:
    """Make ``code`` the language of every text and number from now on; returns it."""
    if code not in LANGUAGES:
        code = DEFAULT
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(old)
    _installed.clear()
    if code != DEFAULT:
        ours = QTranslator()
        if ours.load(str(catalogue(code))):
            _installed.append(ours)
        qt = QTranslator()
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
    for t in _installed:
        QCoreApplication.installTranslator(t)
    QLocale.setDefault(QLocale(code))
    return code


# -- numbers and dates in the locale's format ----------------------------------------------------

def number(value: int | float | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    if decimals == 0 and float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", decimals)


def figure(value: int | float | None) -> str:
    """A figure with one decimal, none on a whole number (an AMC of 12, of 12.3)."""
    if value is None:
        return ""
    return number(value, 0 if float(value).is_integer() else 1)


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    # day, month name, four-digit year: never ambiguous (3/4/26 is March or April by country)
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def date_edit_format() -> str:
    """The locale's short date with a four-digit year, for fields where a date is typed
    (digits are quicker to type than month names; the year must not be ambiguous)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def stamp(value: datetime | None) -> str:
    """A date and time (when something was recorded)."""
    if value is None:
        return ""
    return f"{day(value)} {value.strftime('%H:%M')}"


def month(period: str) -> str:
    """``2026-10`` as the locale names it (``Oct 2026``, ``oct. 2026``)."""
    try:
        year, mon = (int(x) for x in period.split("-")[:2])
    except ValueError:
        return period
    return QLocale().toString(QDate(year, mon, 1), "MMM yyyy")
