"""The audit log as a supervisor report: PDF to print and sign, XLSX to filter.

One row per change: when (UTC), who, what (entity and key), the action, the values before and
after, and the reason.  The supervisor checks that master data, levels, users and R&R steps
changed only by the people and for the reasons expected.  Values are shown as the JSON the log
stores, cut to a readable length in the PDF (the workbook keeps them whole).  Every text cell
of the workbook goes through :mod:`stockdesk.exchange.cells`: a product renamed "=HYPERLINK…"
must not become a link in the supervisor's spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl.styles import Alignment, Font
from openpyxl.workbook import Workbook
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from stockdesk.exchange.cells import mark_text_cell
from stockdesk.exchange.rnr_pdf import (
    CHUNK_ROWS,
    GRID,
    HEAD_BG,
    STYLES,
    build_pdf,
    col_widths,
    para,
    title_bar,
)

TITLE = "Audit log"
PDF_VALUE_CHARS = 300  # longer before/after values are cut in the PDF
COLUMNS = ("When (UTC)", "User", "Entity", "Key", "Action", "Before", "After", "Reason")


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    username: str
    entity: str
    key: str
    action: str
    before: str | None
    after: str | None
    reason: str | None

    def cells(self) -> tuple[str, ...]:
        return (self.at.strftime("%Y-%m-%d %H:%M:%S"), self.username, self.entity, self.key,
                self.action, self.before or "", self.after or "", self.reason or "")


@dataclass(frozen=True)
class AuditReport:
    scope: str  # e.g. "2024-12-01 to 2024-12-31, every entity"
    generated_at: datetime
    generated_by: str
    app_version: str
    rows: tuple[AuditRow, ...]


def write_audit_pdf(report: AuditReport, path: Path) -> None:
    page = landscape(A4)
    margin = 1.2 * cm
    width = page[0] - 2 * margin
    story: list[Flowable] = [
        title_bar([para(TITLE, STYLES["title"]), para(report.scope, STYLES["key"])],
                  (0.4, 0.6), width),
        Spacer(1, 6),
        para(f"{len(report.rows)} change(s). Generated {report.generated_at:%Y-%m-%d %H:%M} "
             f"by {report.generated_by}, StockDesk {report.app_version}.", STYLES["key"]),
        Spacer(1, 6),
    ]
    spec = [(c, w) for c, w in zip(COLUMNS, (11, 8, 8, 12, 7, 20, 20, 14), strict=True)]
    widths = col_widths(spec, width)
    cell = STYLES["key"]
    head = [para(c, cell) for c in COLUMNS]
    rows = [[para(v[:PDF_VALUE_CHARS], cell) for v in r.cells()] for r in report.rows]
    for start in range(0, max(len(rows), 1), CHUNK_ROWS):
        table = Table([head, *rows[start:start + CHUNK_ROWS]], colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, GRID),
                                   ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    build_pdf(path, story, page, margin, f"{TITLE}, {report.scope}", TITLE, report.scope)


def write_audit_xlsx(report: AuditReport, path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = TITLE
    ws.append([TITLE, report.scope])
    ws.append(["Generated", f"{report.generated_at:%Y-%m-%d %H:%M} by {report.generated_by}"])
    ws.append(list(COLUMNS))
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for row in report.rows:
        ws.append(list(row.cells()))
    for line in ws.iter_rows(min_row=1):
        for cell in line:
            mark_text_cell(cell)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for letter, width in zip("ABCDEFGH", (19, 14, 14, 22, 12, 40, 40, 30), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A4"
    wb.save(path)


def rows_from(entries: Sequence[tuple[datetime, str, str, str, str, str | None, str | None,
                                      str | None]]) -> tuple[AuditRow, ...]:
    return tuple(AuditRow(*e) for e in entries)


__all__ = ["AuditReport", "AuditRow", "rows_from", "write_audit_pdf", "write_audit_xlsx"]
