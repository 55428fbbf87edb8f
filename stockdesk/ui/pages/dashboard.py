"""The Dashboard: what needs doing at the facility in view, each item one click from where it
is done.

Five tiles count the products by stock status (colour and word); below them, the products that
will run out before an order placed today could arrive, the lots that expire within the
horizon with the quantity that will expire unused, and the requisition that is due.  Clicking
a tile opens the Stock page filtered by that status; activating a product opens its stock
card; the requisition opens the Requisitions page at its period.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stockdesk.ui import i18n, words
from stockdesk.ui import settings as keys
from stockdesk.ui.context import AppContext
from stockdesk.ui.models import RIGHT, ROW_ROLE, Col, FilterProxy, SnapshotModel
from stockdesk.ui.pages.base import Page
from stockdesk.ui.tables import fit_columns, read_only_table
from stockdesk.ui.tasks import Control

if TYPE_CHECKING:  # imported with the first load, on the db lane: it brings numpy and the
    # forecasts, which the window need not wait for before it is shown
    from stockdesk.services.dashboard import Dashboard, ExpiringLot, RequisitionDue, RunOut

TILE_STATUSES = ("stocked_out", "below_eop", "below_min", "adequate", "overstocked")


def _t(text: str) -> str:
    return QCoreApplication.translate("DashboardPage", text)


def load(ctx: AppContext, facility: str, horizon: int, control: Control) -> Dashboard:
    """The dashboard of ``facility`` (runs on the db lane)."""
    from stockdesk.services.dashboard import DashboardService

    return ctx.service(DashboardService).summary(facility, horizon, progress=control.progress)


# -- widgets ---------------------------------------------------------------------------------

class StatusTile(QPushButton):
    """A large button: the count, and the status as word and colour band."""

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName(f"tile_{status}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.count = QLabel("–")
        self.count.setObjectName(f"tileCount_{status}")
        font = QFont(self.count.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.count.setFont(font)
        self.word = QLabel(words.status(status))
        self.word.setWordWrap(True)
        for label in (self.count, self.word):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.count)
        layout.addWidget(self.word)
        colour = words.STATUS_COLOUR[status]
        self.setStyleSheet(
            f"QPushButton#{self.objectName()} {{ background: palette(base); "
            f"border: 1px solid palette(mid); border-left: 10px solid {colour}; "
            "border-radius: 4px; text-align: left; }"
            f"QPushButton#{self.objectName()}:hover {{ background: palette(alternate-base); }}"
            f"QPushButton#{self.objectName()}:focus {{ border: 2px solid palette(highlight); "
            f"border-left: 10px solid {colour}; }}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_count(self, count: int) -> None:
        self.count.setText(i18n.number(count))
        self.setAccessibleName(_t("{status}: {count} products").format(
            status=words.status(self.status), count=i18n.number(count)))
        self.setToolTip(_t("Show the products whose status is {status}").format(
            status=words.status(self.status)))

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else super().sizeHint()
        return QSize(max(hint.width(), 120), hint.height())

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.minimumSize() if layout is not None else super().minimumSizeHint()
        return QSize(max(hint.width(), 100), hint.height())


def _table(name: str, model: SnapshotModel[Any]) -> tuple[QTableView, FilterProxy]:
    """A short list whose product column takes the width the others leave (sized once per
    load by :func:`fit_columns`, not by Qt asking for every cell at every layout pass)."""
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    view = read_only_table(name, proxy, stretch_last=False)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view, proxy


class DashboardPage(Page):
    key = "dashboard"
    loaded = Signal()  # the figures of the facility in view are shown (tests wait on it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: Dashboard | None = None
        self._serial = 0
        self._build()
        ctx.bus.facility_changed.connect(self.mark_stale)
        ctx.bus.stock_changed.connect(self._stock_changed)
        ctx.bus.requisitions_changed.connect(self._stock_changed)


    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Dashboard"))
        self.heading.setObjectName("dashboardHeading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, StatusTile] = {}
        for status in TILE_STATUSES:
            tile = StatusTile(status)
            tile.clicked.connect(lambda _=False, s=status: self.open_status(s))
            self.tiles[status] = tile
            tiles.addWidget(tile)
        self.unknown = QPushButton()
        self.unknown.setObjectName("tile_unknown")
        self.unknown.setFlat(True)
        self.unknown.setStyleSheet("text-align: left; padding: 2px;")
        self.unknown.clicked.connect(lambda: self.open_status("unknown"))
        self.unknown.hide()

        self.requisition_text = QLabel()
        self.requisition_text.setObjectName("requisitionText")
        self.requisition_text.setWordWrap(True)
        self.requisition_button = QPushButton(self.tr("Open the &requisition"))
        self.requisition_button.setObjectName("requisitionTile")
        self.requisition_button.clicked.connect(self.open_requisition)
        self.requisition_button.setEnabled(False)
        requisition = QGroupBox(self.tr("Requisition (R&&R)"))
        requisition.setObjectName("requisitionBox")
        row = QHBoxLayout(requisition)
        row.addWidget(self.requisition_text, 1)
        row.addWidget(self.requisition_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.soon_model: SnapshotModel[RunOut] = SnapshotModel([
            Col("product", lambda: self.tr("Product"), lambda r: r.description, searchable=True,
                tooltip=lambda r: r.code),
            Col("usable", lambda: self.tr("On hand"), lambda r: r.usable, i18n.number,
                align=RIGHT),
            Col("stockout", lambda: self.tr("Runs out"), lambda r: r.stockout, i18n.day),
            Col("order", lambda: self.tr("Order"), lambda r: r.late_days,
                lambda days: self.tr("now, {days} days late").format(days=days) if days
                else self.tr("now"),
                colour=lambda r: words.STATUS_COLOUR["stocked_out"] if r.late_days else None,
                tooltip=lambda r: self.tr(
                    "Ordered today, it arrives {days} days after the stock runs out.").format(
                        days=r.late_days) if r.late_days else self.tr(
                    "Ordered today, it arrives just in time.")),
        ], self)
        self.soon_view, self.soon_proxy = _table("soonOutTable", self.soon_model)
        self.soon_view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.soon_view.activated.connect(self._open_soon)
        self.soon_empty = QLabel()
        self.soon_empty.setObjectName("soonOutEmpty")
        self.soon_empty.setWordWrap(True)
        soon_label = QLabel(self.tr("Products that, at their usual consumption, run out before "
                                    "an order placed today could arrive. Press Enter on one "
                                    "to open its stock card."))
        soon_label.setWordWrap(True)
        soon_label.setBuddy(self.soon_view)
        self.soon_box = QGroupBox(self.tr("Will run out before the next delivery"))
        box = QVBoxLayout(self.soon_box)
        box.addWidget(soon_label)
        box.addWidget(self.soon_view, 1)
        box.addWidget(self.soon_empty)

        self.expiry_model: SnapshotModel[ExpiringLot] = SnapshotModel([
            Col("product", lambda: self.tr("Product"), lambda r: r.description, searchable=True,
                tooltip=lambda r: r.code),
            Col("lot", lambda: self.tr("Lot"), lambda r: r.lot, searchable=True),
            Col("expiry", lambda: self.tr("Expires"), lambda r: r.expiry, i18n.day),
            Col("quantity", lambda: self.tr("Quantity"), lambda r: r.quantity, i18n.number,
                align=RIGHT),
            Col("at_risk", lambda: self.tr("At risk"), lambda r: r.at_risk, i18n.number,
                align=RIGHT,
                colour=lambda r: words.STATUS_COLOUR["stocked_out"] if r.at_risk else None,
                tooltip=lambda r: self.tr("{quantity} will expire before they are used.")
                .format(quantity=i18n.number(r.at_risk)) if r.at_risk else self.tr(
                    "Will be used before it expires, at the usual consumption.")),
        ], self)
        self.expiry_view, self.expiry_proxy = _table("expiringTable", self.expiry_model)
        self.expiry_view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.expiry_view.activated.connect(self._open_expiring)
        self.expiry_empty = QLabel()
        self.expiry_empty.setObjectName("expiringEmpty")
        self.expiry_empty.setWordWrap(True)
        self.expiry_label = QLabel()
        self.expiry_label.setWordWrap(True)
        self.expiry_label.setBuddy(self.expiry_view)
        self.expiry_box = QGroupBox()
        box = QVBoxLayout(self.expiry_box)
        box.addWidget(self.expiry_label)
        box.addWidget(self.expiry_view, 1)
        box.addWidget(self.expiry_empty)

        lists = QHBoxLayout()
        lists.addWidget(self.soon_box, 1)
        lists.addWidget(self.expiry_box, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(tiles)
        layout.addWidget(self.unknown)
        layout.addWidget(requisition)
        layout.addLayout(lists, 1)
        self._show_horizon(self.horizon())

    def horizon(self) -> int:
        return max(1, int(self.ctx.settings.get(keys.EXPIRY_HORIZON_MONTHS)))

    def _show_horizon(self, months: int) -> None:
        self.expiry_box.setTitle(self.tr("Expiring within {months} months").format(
            months=months))
        self.expiry_label.setText(self.tr(
            "Lots that expire within {months} months, earliest first. At risk: what will "
            "expire before it is used at the usual consumption; offer it to another "
            "facility.").format(months=months))

    # -- loading ---------------------------------------------------------------------------

    def _stock_changed(self, facility: str) -> None:
        if not facility or facility == self.ctx.facility:
            self.mark_stale()

    def refresh(self) -> None:
        facility = self.ctx.facility
        if not facility:
            self.stale = True  # the facility picker has not chosen yet
            return
        self._serial += 1
        serial = self._serial
        horizon = self.horizon()
        self.heading.setText(self.tr("Loading the dashboard…"))
        self.ctx.tasks.run(lambda control: load(self.ctx, facility, horizon, control),
                           lambda data: self._loaded(serial, data),
                           lambda _exc: self._obsolete(serial, facility),
                           title=self.tr("Loading the dashboard"), parent=self)

    def _obsolete(self, serial: int, facility: str) -> bool:
        """Whether a request's failure no longer matters (True: it is dropped, unreported):
        another was made since, or the window moved to another facility (the one last looked
        at, asked for while the list of facilities was on its way, may no longer exist)."""
        return serial != self._serial or facility != self.ctx.facility

    def _loaded(self, serial: int, data: Dashboard) -> None:
        if serial != self._serial or data.facility != self.ctx.facility:
            return  # an older request, or the window has moved on to another facility
        self.data = data
        self.heading.setText(self.tr("{facility} on {day}").format(
            facility=data.facility_name, day=i18n.day(data.today)))
        for status, tile in self.tiles.items():
            tile.set_count(data.counts.get(status, 0))
        unknown = data.counts.get("unknown", 0)
        self.unknown.setText(self.tr(
            "One product has no consumption recorded yet, so its status is unknown: show it")
            if unknown == 1 else self.tr(
            "{count} products have no consumption recorded yet, so their status is unknown: "
            "show them").format(count=i18n.number(unknown)))
        self.unknown.setVisible(unknown > 0)
        self._show_horizon(data.horizon_months)
        self.soon_model.set_rows(data.run_out)
        fit_columns(self.soon_view, stretch="product")
        self.soon_view.setVisible(bool(data.run_out))
        self.soon_empty.setText(self.tr("None: every product with stock lasts until an order "
                                        "placed today arrives."))
        self.soon_empty.setVisible(not data.run_out)
        self.expiry_model.set_rows(data.expiring)
        fit_columns(self.expiry_view, stretch="product")
        self.expiry_view.setVisible(bool(data.expiring))
        self.expiry_empty.setText(self.tr("No lot expires within {months} months.").format(
            months=data.horizon_months))
        self.expiry_empty.setVisible(not data.expiring)
        self.requisition_text.setText(self.requisition_words(data.requisition))
        self.requisition_button.setEnabled(True)
        self.loaded.emit()

    def requisition_words(self, due: RequisitionDue) -> str:
        from stockdesk.services.dashboard import DUE_DAY  # loaded with the data shown

        month = i18n.month(due.period)
        states = "; ".join(self.tr("{program}: {status}").format(
            program=words.program(r.program), status=words.rnr_status(r.status))
            for r in due.requisitions)
        if due.state == "sent":
            return self.tr("The R&R for {month} has been sent ({states}). The next one, for "
                           "this month, is due by the {day} of next month.").format(
                month=month, states=states, day=i18n.number(DUE_DAY))
        if due.state is not None:
            if not due.overdue:
                return self.tr("The R&R for {month} is being prepared ({states}). It is due "
                               "by {due}.").format(month=month, states=states,
                                                   due=i18n.day(due.due))
            return self.tr("The R&R for {month} was due by {due} and is not sent yet "
                           "({states}).").format(month=month, states=states,
                                                 due=i18n.day(due.due))
        if not due.overdue:
            return self.tr("The R&R for {month} is due by {due}. It has not been started.")\
                .format(month=month, due=i18n.day(due.due))
        return self.tr("The R&R for {month} was due by {due} and has not been started.")\
            .format(month=month, due=i18n.day(due.due))

    # -- going where things are done ---------------------------------------------------------

    def open_status(self, status: str) -> None:
        self.navigate.emit("stock", {"status": status})

    def open_requisition(self) -> None:
        if self.data is not None:
            self.navigate.emit("requisitions", {"period": self.data.requisition.period})

    def _open_soon(self, index: QModelIndex) -> None:
        row: RunOut | None = index.data(ROW_ROLE)
        if row is not None:
            self.navigate.emit("stock", {"product": row.code})

    def _open_expiring(self, index: QModelIndex) -> None:
        row: ExpiringLot | None = index.data(ROW_ROLE)
        if row is not None:
            self.navigate.emit("stock", {"product": row.code})
