"""Formula text in exports: one rule (exchange.cells) that every writer uses."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from stockdesk.exchange.cells import FORMULA_FIRST, csv_text, is_formula_text, mark_text_cell

ROOT = Path(__file__).resolve().parents[2] / "stockdesk"
HOSTILE = st.builds(lambda first, rest: first + rest, st.sampled_from(FORMULA_FIRST), st.text())


@given(text=HOSTILE)
def test_formula_text_is_quoted_in_csv_and_reads_back_as_written(text):
    out = io.StringIO()
    csv.writer(out).writerow([csv_text(text), csv_text(42), csv_text(-3), csv_text(None)])
    [row] = list(csv.reader(io.StringIO(out.getvalue())))
    assert row[0] == "'" + text  # a spreadsheet shows it as text and never evaluates it
    assert row[1:] == ["42", "-3", ""]  # numbers, even negative, stay numbers


@given(text=HOSTILE)
def test_formula_text_is_a_plain_string_cell_in_a_workbook(tmp_path_factory, text):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if not is_formula_text(text):
        return
    path = tmp_path_factory.mktemp("x") / "f.xlsx"
    wb = openpyxl.Workbook()
    cell = wb.active.cell(row=1, column=1, value=text)
    mark_text_cell(cell)
    wb.save(path)
    back = openpyxl.load_workbook(path).active["A1"]
    stored = text.replace("\r\n", "\n").replace("\r", "\n")  # XML keeps no lone CR
    assert (back.data_type, back.value, back.quotePrefix) == ("s", stored, True)


def test_every_writer_goes_through_the_one_rule():
    """A module that writes CSV or workbooks must take its cells from exchange.cells (or the
    R&R writer's CellStyles, which does): a new exporter cannot forget."""
    writers = [p for p in [*ROOT.glob("exchange/*.py"), *ROOT.glob("cli*.py")]
               if not p.name.endswith("_pdf.py")]
    offenders = []
    for path in writers:
        text = path.read_text(encoding="utf-8")
        writes = re.search(r"csv\.writer\(|Workbook\(|\.append\(\[", text)
        if writes and "exchange.cells" not in text and "CellStyles" not in text:
            offenders.append(path.name)
    assert offenders == []
