"""rnr_pdf: a 500-line Report & Requisition printed to PDF.

Synthetic (seeded) document: 500 products with realistic names (some wrapping to two lines),
every lettered figure filled, an explanation W on one line in five, a remark on one in eleven,
three signatures.  Timed: :func:`stockdesk.exchange.rnr_pdf.write_rnr_pdf` (wall clock, median
of a few runs; every run, the first one cold, is in ``runs_s``).  Baseline, same run: a bare
reportlab ``Table`` of the same 500 × 20 cell strings (equal column widths, no style, one
heading row repeated) built into an A4 landscape ``SimpleDocTemplate``.
Target: < 0.5 s.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate, Table

from benchmarks import Context, Result
from stockdesk.exchange.rnr_pdf import RNR_COLUMNS, fmt_number, write_rnr_pdf
from stockdesk.requisition.document import Document, Header, Line, Signature, Status

TARGET_S = 0.5
LINES = 500
NAMES = ("Amoxicillin 250 mg dispersible tablet", "Paracetamol 500 mg tablet",
         "Artemether + lumefantrine 20/120 mg tablet (6x1 blister)",
         "Oral rehydration salts, low osmolarity, sachet for 1 L",
         "Oxytocin 10 IU/mL injection, 1 mL ampoule", "Zinc sulfate 20 mg dispersible tablet",
         "Ceftriaxone 1 g powder for injection, vial", "Metformin 500 mg tablet")


def synthetic(lines: int = LINES, seed: int = 11) -> Document:
    rng = random.Random(seed)
    out = []
    for i in range(lines):
        a, b, c = rng.randint(0, 20_000), rng.randint(0, 10_000), rng.randint(0, 12_000)
        d = -rng.randint(0, 50)
        e = max(0, a + b + d - c)
        x = rng.choice((0, 0, 0, 3, 12))
        n = c if x == 0 else round(c * 30 / (30 - x), 2)
        p = round((n + rng.randint(0, 900)) / 2, 1)
        h = round(p * 3)
        calc = max(0, h - e)
        j = calc if i % 5 else calc + rng.randint(10, 500)
        pack = rng.choice((1, 10, 100, 1000))
        v = -(-j // pack)
        t = Decimal(rng.randint(50, 50_000)) / 100
        out.append(Line(f"EML{i:05d}", NAMES[i % len(NAMES)] + ("" if i < 8 else f" #{i}"),
                        rng.choice(("tablet", "ampoule", "vial", "sachet")), pack,
                        a, b, c, d, e, x, n, p, h, calc, j,
                        "Campaign planned; seasonal peak expected" if j != calc else None,
                        j, v, t, t * v, "short expiry" if i % 11 == 0 else None))
    header = Header(
        "HC0042", "Centre de santé urbain d'Abobo-Gare", "Health centre", "Abobo", "Abidjan",
        "EML", "Essential medicines", "2024-06", date(2024, 6, 1), date(2024, 6, 30), 1, False,
        "openlmis", "OpenLMIS v3: N = C × days / (days − X); P = mean of the last 3 N; "
        "H = P × 3; I = max(0, H − E)", 3.0, 1.0, 0.5, 1.0, Status.APPROVED,
        datetime(2024, 7, 8, 11, 30), "bench", "District pharmacy Abobo",
        (Signature("submitted", "amina", "Amina Diallo", datetime(2024, 7, 3, 9, 12)),
         Signature("authorized", "koffi", "Koffi Mensah", datetime(2024, 7, 4, 15, 40)),
         Signature("approved", "district", None, datetime(2024, 7, 8, 11, 5))))
    return Document(header, tuple(out))


def cell_strings(doc: Document) -> list[list[str]]:
    """The 500 × 20 strings the R&R table shows, unwrapped (the baseline's input)."""
    rows = []
    for ln in doc.lines:
        row = [ln.product_code, ln.product_name, ln.unit]
        for key, _ in RNR_COLUMNS[3:]:
            value = ln.value(key)
            row.append((value or "") if key in ("W", "L")
                       else fmt_number(value, money=key in ("T", "Q")))
        rows.append(row)
    return rows


def bare_table(rows: list[list[str]], path: Path) -> None:
    page = landscape(A4)
    width = page[0] - 2 * cm
    heading = [key for key, _ in RNR_COLUMNS]
    SimpleDocTemplate(str(path), pagesize=page, leftMargin=cm, rightMargin=cm, topMargin=cm,
                      bottomMargin=cm).build(
        [Table([heading, *rows], colWidths=[width / len(heading)] * len(heading), repeatRows=1)])


def run(ctx: Context) -> Iterator[Result]:
    doc = synthetic()
    rows = cell_strings(doc)
    runs = max(3, min(5, ctx.scale.repeats))
    ours_path, base_path = ctx.workdir / "rnr.pdf", ctx.workdir / "bare.pdf"
    times, cpu = [], []
    base = []
    for _ in range(runs):  # interleaved: a busy machine weighs on both alike
        t, c = time.perf_counter(), time.process_time()
        write_rnr_pdf(doc, ours_path)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        t = time.perf_counter()
        bare_table(rows, base_path)
        base.append(time.perf_counter() - t)
    ours = statistics.median(times)
    yield Result("rnr_pdf", ours, "s", statistics.median(base), better="lower",
                 target=f"< {TARGET_S:g} s", met=ours < TARGET_S, details={
                     "lines": len(doc.lines), "runs_s": [round(x, 3) for x in times],
                     "cpu_s_median": round(statistics.median(cpu), 3),
                     "baseline_runs_s": [round(x, 3) for x in base],
                     "pdf_bytes": ours_path.stat().st_size,
                     "baseline_method": "bare reportlab Table, same 500 x 20 strings"})


if __name__ == "__main__":  # python -m benchmarks.rnr_pdf
    import tempfile

    from benchmarks import SCALES

    with tempfile.TemporaryDirectory(prefix="stockdesk-bench-") as tmp:
        for result in run(Context(SCALES["full"], Path(tmp))):
            print(result.as_json())
