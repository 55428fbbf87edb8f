"""Administration › Facilities: the facilities of the district, and a form to add or change one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from stockdesk.services.admin_view import AdminViewService
from stockdesk.services.directory import DirectoryService, FacilityInfo
from stockdesk.services.masterdata import FacilityData
from stockdesk.ui import words
from stockdesk.ui.admin_widgets import ListEditor
from stockdesk.ui.context import AppContext
from stockdesk.ui.models import Col


class FacilitiesTab(ListEditor):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Col[FacilityInfo]] = [
            Col("code", lambda: self.tr("Code"), lambda f: f.code, searchable=True),
            Col("name", lambda: self.tr("Name"), lambda f: f.name, searchable=True,
                tooltip=lambda f: f.name),
            Col("type", lambda: self.tr("Type"), lambda f: f.type, words.facility_type),
            Col("district", lambda: self.tr("District"), lambda f: f.district,
                searchable=True),
            Col("region", lambda: self.tr("Region"), lambda f: f.region),
            Col("supplier", lambda: self.tr("Supplied by"), lambda f: f.supplier),
            Col("active", lambda: self.tr("Active"), lambda f: f.active,
                lambda v: self.tr("yes") if v else self.tr("no")),
        ]
        super().__init__(ctx, "facility", columns, parent)
        self.new_button.setText(self.tr("&New facility"))
        self.save_button.setText(self.tr("Sa&ve facility"))
        f = self.form
        self.code = f.add("code", self.tr("&Code:"), QLineEdit())
        self.name = f.add("name", self.tr("Na&me:"), QLineEdit())
        self.type = f.add("type", self.tr("&Type:"), QComboBox())
        for code in words.FACILITY_TYPE:
            self.type.addItem(words.facility_type(code), code)
        self.district = f.add("district", self.tr("&District:"), QComboBox())
        self.district.setEditable(True)
        self.region = f.add("region", self.tr("Re&gion:"), QLineEdit())
        self.supplier = f.add("supplier_code", self.tr("Supplied &by:"), QComboBox())
        self.active = f.add("active", self.tr("In &use:"),
                            QCheckBox(self.tr("Open and reporting")))
        self.reason = f.add("reason", self.tr("&Reason:"), QLineEdit())
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.search.setPlaceholderText(self.tr("Code, name or district"))

    def load_work(self) -> Callable[[Any], Any]:
        directory = self.ctx.service(DirectoryService)
        return lambda c: (directory.facilities(include_inactive=True),
                          {"districts": directory.districts()})

    def extra(self, extra: dict[str, Any]) -> None:
        district = self.district.currentText()
        self.district.clear()
        self.district.addItems(extra["districts"])
        self.district.setCurrentText(district)

    def _suppliers(self, own: str) -> None:
        self.supplier.clear()
        self.supplier.addItem(self.tr("(nobody: supplied from outside the district)"), "")
        for f in self.model.rows:
            if f.code != own:
                self.supplier.addItem(f.label, f.code)

    def fill(self, row: FacilityInfo | None) -> None:
        if row is None:
            self.heading.setText(self.tr("New facility"))
            row = FacilityInfo("", "", "health_centre", None, None, None, True)
        else:
            self.heading.setText(self.tr("Facility {code}").format(code=row.code))
        self._suppliers(row.code)
        self.code.setText(row.code)
        self.code.setReadOnly(not self.new)
        self.name.setText(row.name)
        self.type.setCurrentIndex(max(0, self.type.findData(row.type)))
        self.district.setCurrentText(row.district or "")
        self.region.setText(row.region or "")
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(row.supplier or "")))
        self.active.setChecked(row.active)
        self.reason.clear()
        (self.code if self.new else self.name).setFocus()

    def save_work(self) -> Callable[[Any], Any] | None:
        item = FacilityData(self.code.text(), self.name.text(), self.type.currentData(),
                            self.district.currentText(), self.region.text(),
                            self.supplier.currentData() or None)
        active, new, reason = self.active.isChecked(), self.new, self.reason.text() or None
        service = self.ctx.service(AdminViewService)

        def work(control: Any) -> str:
            service.save_facility(item, active, new=new, reason=reason)
            return item.code.strip()
        return work
