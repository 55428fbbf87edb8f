"""Administration › Products: the catalogue, and a form to add or change a product."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from stockdesk.problems import Location, error
from stockdesk.services.admin_view import MAX_PACK_SIZE, AdminViewService
from stockdesk.services.directory import DirectoryService, ProductInfo
from stockdesk.services.masterdata import MasterDataService, ProductData
from stockdesk.ui import i18n, words
from stockdesk.ui.admin_widgets import ListEditor
from stockdesk.ui.context import AppContext
from stockdesk.ui.models import RIGHT, Col


def parse_price(text: str) -> Decimal | None:
    """A price typed in the locale's format (or with a dot); None when blank; ValueError."""
    text = text.strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if ok:
        return Decimal(str(value))
    try:
        return Decimal(text.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise ValueError(text) from None


class ProductsTab(ListEditor):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Col[ProductInfo]] = [
            Col("code", lambda: self.tr("Code"), lambda p: p.code, searchable=True),
            Col("name", lambda: self.tr("Product"), lambda p: p.description, searchable=True,
                tooltip=lambda p: p.description),
            Col("unit", lambda: self.tr("Unit"), lambda p: p.unit),
            Col("pack", lambda: self.tr("Pack size"), lambda p: p.pack_size, i18n.number,
                RIGHT),
            Col("program", lambda: self.tr("Program"), lambda p: p.program,
                text=words.program, searchable=True),
            Col("gtin", lambda: self.tr("GTIN"), lambda p: p.gtin, searchable=True),
            Col("active", lambda: self.tr("In use"), lambda p: p.active,
                lambda v: self.tr("yes") if v else self.tr("no")),
        ]
        super().__init__(ctx, "product", columns, parent)
        self.new_button.setText(self.tr("&New product"))
        self.save_button.setText(self.tr("Sa&ve product"))
        f = self.form
        self.code = f.add("code", self.tr("&Code:"), QLineEdit())
        self.name = f.add("name", self.tr("Na&me:"), QLineEdit())
        self.strength = f.add("strength", self.tr("S&trength:"), QLineEdit())
        self.dosage_form = f.add("form", self.tr("Dosage f&orm:"), QLineEdit())
        self.unit = f.add("unit", self.tr("&Dispensing unit:"), QLineEdit())
        self.pack_size = f.add("pack_size", self.tr("Pac&k size:"), QSpinBox())
        self.pack_size.setRange(1, MAX_PACK_SIZE)
        self.price = f.add("price_per_pack", self.tr("&Price per pack:"), QLineEdit())
        self.program = f.add("program", self.tr("Pro&gram:"), QComboBox())
        self.program.setEditable(True)
        self.program.setMinimumContentsLength(16)
        self.gtin = f.add("gtin", self.tr("GT&IN (barcode):"), QLineEdit())
        self.gtin.setPlaceholderText(self.tr("8, 12, 13 or 14 digits"))
        self.active = f.add("active", self.tr("In &use:"),
                            QCheckBox(self.tr("Offered when recording stock")))
        self.reason = f.add("reason", self.tr("&Reason:"), QLineEdit())
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.search.setPlaceholderText(self.tr("Code, name, program or GTIN"))

    def load_work(self) -> Callable[[Any], Any]:
        directory = self.ctx.service(DirectoryService)
        masterdata = self.ctx.service(MasterDataService)
        return lambda c: (directory.products(include_inactive=True),
                          {"programs": [code for code, _, _ in masterdata.programs()]})

    def extra(self, extra: dict[str, Any]) -> None:
        text = self.program.currentText()
        self.program.clear()
        self.program.addItem("")
        self.program.addItems(extra["programs"])
        self.program.setCurrentText(text)

    def fill(self, row: ProductInfo | None) -> None:
        if row is None:
            self.heading.setText(self.tr("New product"))
            row = ProductInfo("", "", None, None, "", 1, None, None, None, True)
        else:
            self.heading.setText(self.tr("Product {code}").format(code=row.code))
        self.code.setText(row.code)
        self.code.setReadOnly(not self.new)
        self.name.setText(row.name)
        self.strength.setText(row.strength or "")
        self.dosage_form.setText(row.form or "")
        self.unit.setText(row.unit)
        self.pack_size.setValue(row.pack_size)
        self.price.setText("" if row.price_per_pack is None
                           else i18n.number(row.price_per_pack, 2))
        self.program.setCurrentText(row.program or "")
        self.gtin.setText(row.gtin or "")
        self.active.setChecked(row.active)
        self.reason.clear()
        (self.code if self.new else self.name).setFocus()

    def save_work(self) -> Callable[[Any], Any] | None:
        try:
            price = parse_price(self.price.text())
        except ValueError:
            self.form.show_problems([error("import.not_number", field="price_per_pack",
                                           value=self.price.text()).at(
                Location(column="price_per_pack"))])
            return None
        typed: dict[str, Any] = {"code": self.code.text(), "name": self.name.text(),
                 "strength": self.strength.text(), "form": self.dosage_form.text(),
                 "unit": self.unit.text(), "pack_size": self.pack_size.value(),
                 "price_per_pack": price, "program": self.program.currentText(),
                 "gtin": self.gtin.text()}
        active, new, reason = self.active.isChecked(), self.new, self.reason.text() or None
        service = self.ctx.service(AdminViewService)

        def work(control: Any) -> str:
            base = ProductData(typed["code"], typed["name"]) if new \
                else service.product(typed["code"].strip()).data
            item = dataclasses.replace(base, **typed)
            return service.save_product(item, active, new=new, reason=reason).data.code
        return work
