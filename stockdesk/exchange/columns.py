"""Canonical import columns and the headers real exports use for them.

A header matches a column whatever its case, accents, spaces or punctuation: ``Site Code``,
``site_code`` and ``SITE-CODE`` are the same header.  Other exports map through aliases, so an
eLMIS or DHIS2 file imports as it is, with no hand editing.  Columns no schema knows are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from stockdesk.problems import Location, Problem, error

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """``Date de péremption`` → ``date_de_peremption``: what headers and choices match on."""
    if text.isascii():
        return _NOT_ALNUM.sub("_", text.lower()).strip("_")
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("_", bare.casefold()).strip("_")


@dataclass(frozen=True)
class Field:
    """One canonical column; ``instead`` names columns that together may stand in for it."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    instead: tuple[str, ...] = ()

    def names(self) -> list[str]:
        return [normalise(self.name), *(normalise(a) for a in self.aliases)]


@dataclass(frozen=True)
class Schema:
    kind: str
    fields: tuple[Field, ...]
    sheet_names: tuple[str, ...] = field(default=())

    def lookup(self) -> dict[str, str]:
        """Normalised header → canonical column name."""
        out: dict[str, str] = {}
        for f in self.fields:
            for key in f.names():
                out.setdefault(key, f.name)
        return out


def _f(name: str, *aliases: str, required: bool = False, instead: tuple[str, ...] = ()) -> Field:
    return Field(name, aliases, required, instead)


FACILITIES = Schema("facilities", (
    _f("code", "facility_code", "site_code", "facility", "site", "org_unit_code", "orgunit",
       "code_etablissement", "code_site", "code_structure", required=True),
    _f("name", "facility_name", "site_name", "nom", "nom_etablissement", "nom_site"),
    _f("type", "facility_type", "site_type", "type_etablissement", "type_site", "level"),
    _f("district", "site_district", "district_sanitaire", "health_district"),
    _f("region", "site_region", "province", "region_sanitaire"),
    _f("supplier_code", "supplier", "supplied_by", "parent_code", "parent", "fournisseur"),
), ("facilities", "facility", "sites", "etablissements"))

CATALOGUE = Schema("catalogue", (
    _f("code", "product_code", "item_code", "code_produit", "code_article", "sku",
       required=True),
    _f("name", "product_name", "item_name", "product", "description", "designation",
       "libelle", "nom", "nom_produit", required=True),
    _f("strength", "dosage", "dose", "dosage_strength"),
    _f("form", "dosage_form", "product_type", "forme", "forme_galenique"),
    _f("unit", "dispensing_unit", "unit_of_issue", "unite", "unite_de_dispensation", "uom"),
    _f("pack_size", "pack", "units_per_pack", "conditionnement", "pack_quantity", "net_content"),
    _f("pack_rounding_threshold", "rounding_threshold", "packs_rounding_threshold"),
    _f("round_to_zero", "round_to_0"),
    _f("price_per_pack", "price", "unit_price", "pack_price", "prix", "prix_unitaire"),
    _f("program", "programme", "program_code", "programme_code"),
    _f("atc", "atc_code", "atc_codes"),
    _f("gtin", "barcode", "ean", "code_barre"),
    _f("seasonal", "saisonnier"),
    _f("controlled", "controlled_substance", "narcotic", "stupefiant"),
), ("catalogue", "catalog", "products", "produits"))

LEVELS = Schema("levels", (
    _f("program", "programme", "program_code", required=True),
    _f("facility_type", "type", "site_type", "level", required=True),
    _f("max_mos", "max", "maximum", "max_months", "max_periods_of_stock", "maxmos"),
    _f("min_mos", "min", "minimum", "min_months", "minmos"),
    _f("eop_mos", "eop", "emergency_order_point", "eop_months"),
    _f("lead_time_months", "lead_time", "delai", "delai_livraison"),
    _f("review_months", "review_period", "review_period_months"),
), ("levels", "stock_levels", "niveaux"))

LEDGER = Schema("ledger", (
    _f("date", "occurred_on", "transaction_date", "movement_date", "date_mouvement",
       required=True),
    _f("facility_code", "facility", "site_code", "site", "code_site", required=True),
    _f("product_code", "product", "item_code", "code_produit", required=True),
    _f("kind", "type", "transaction_type", "movement_type", "movement", "transaction",
       required=True),
    _f("quantity", "qty", "quantite", required=True),
    _f("lot", "batch", "lot_number", "batch_number", "numero_de_lot", "lot_no"),
    _f("expiry", "expiry_date", "expiration", "expiration_date", "date_de_peremption",
       "peremption", "exp"),
    _f("reason", "reason_code", "motif"),
    _f("reference", "voucher", "voucher_number", "document", "document_number", "ref"),
    _f("counterparty", "received_from_issued_to", "from_to", "source_destination",
       "other_facility", "provenance_destination"),
    _f("note", "notes", "remarks", "remark", "comment", "comments", "observation"),
), ("ledger", "transactions", "movements", "mouvements"))

HISTORY = Schema("history", (
    _f("facility_code", "site_code", "facility", "site", "org_unit", "code_site",
       required=True),
    _f("product_code", "product", "item_code", "code_produit", required=True),
    _f("period", "reporting_period", "periode", "month_code", required=True,
       instead=("year", "month")),
    _f("year", "annee"),
    _f("month", "mois"),
    _f("opening_balance", "stock_initial", "beginning_balance", "opening", "a",
       "stock_debut", required=True),
    _f("received", "stock_received", "quantity_received", "total_received", "receipts", "b",
       "quantite_recue", required=True),
    _f("consumed", "stock_distributed", "dispensed", "quantity_dispensed", "consumption",
       "issued", "c", "quantite_distribuee", "consommation", required=True),
    _f("losses_adjustments", "stock_adjustment", "losses_and_adjustments", "adjustments",
       "total_losses_and_adjustments", "d", "pertes_et_ajustements", "ajustements"),
    _f("closing_balance", "stock_end", "ending_balance", "closing", "stock_on_hand", "e",
       "stock_final", "stock_fin", required=True),
    _f("stockout_days", "stock_stockout_days", "days_out_of_stock", "stockout", "x",
       "jours_de_rupture", "jours_rupture"),
), ("history", "monthly", "rr", "machine", "historique"))

SCHEMAS: dict[str, Schema] = {s.kind: s for s in (FACILITIES, CATALOGUE, LEVELS, LEDGER, HISTORY)}


@dataclass(frozen=True)
class ColumnMap:
    """Where each canonical column sits in the file (0-based), and its header as written."""

    index: dict[str, int]
    header: dict[str, str]

    def has(self, name: str) -> bool:
        return name in self.index


def map_header(schema: Schema, header: Sequence[str],
               where: Callable[[str | None], Location]) -> tuple[ColumnMap, list[Problem]]:
    """Match a header row to the schema; problems for duplicate and missing columns."""
    lookup = schema.lookup()
    index: dict[str, int] = {}
    shown: dict[str, str] = {}
    problems: list[Problem] = []
    for i, text in enumerate(header):
        name = lookup.get(normalise(text)) if text.strip() else None
        if name is None:
            continue
        if name in index:
            code = ("import.duplicate_column" if normalise(shown[name]) == normalise(text)
                    else "import.same_column")
            problems.append(error(code, column=text.strip(), first=shown[name],
                                  field=name).at(where(text.strip())))
            continue
        index[name] = i
        shown[name] = text.strip()
    missing = [
        f.name for f in schema.fields
        if f.required and f.name not in index
        and not (f.instead and all(x in index for x in f.instead))
    ]
    if missing:
        names = ", ".join(_describe_missing(schema, m) for m in missing)
        problems.append(error("import.missing_columns", columns=names).at(where(None)))
    return ColumnMap(index, shown), problems


def _describe_missing(schema: Schema, name: str) -> str:
    f = next(x for x in schema.fields if x.name == name)
    return f"{name} (or {' + '.join(f.instead)})" if f.instead else name


# -- choices -----------------------------------------------------------------------------------

FACILITY_TYPE_ALIASES: dict[str, str] = {
    normalise(k): v for k, v in {
        "health_centre": "health_centre", "health centre": "health_centre",
        "health center": "health_centre", "health post": "health_centre",
        "clinic": "health_centre", "dispensary": "health_centre", "hc": "health_centre",
        "centre de sante": "health_centre", "centre de santé": "health_centre",
        "csps": "health_centre", "cscom": "health_centre", "esprc": "health_centre",
        "centro de saude": "health_centre", "centro de salud": "health_centre",
        "posto de saude": "health_centre",
        "hospital": "hospital", "hopital": "hospital", "hôpital": "hospital",
        "district hospital": "hospital", "regional hospital": "hospital",
        "general hospital": "hospital", "referral hospital": "hospital",
        "university hospital": "hospital", "national institute": "hospital",
        "university hospital/national institute": "hospital", "chu": "hospital",
        "chr": "hospital", "hg": "hospital", "hopital general": "hospital",
        "district_store": "district_store", "district store": "district_store",
        "district depot": "district_store", "district warehouse": "district_store",
        "depot": "district_store", "store": "district_store", "warehouse": "district_store",
        "pharmacie de district": "district_store", "depot de district": "district_store",
        "medical store": "district_store", "district pharmacy": "district_store",
    }.items()
}


def facility_type(text: str) -> str | None:
    """The StockDesk facility type for an export's label, or None when it is not known."""
    return FACILITY_TYPE_ALIASES.get(normalise(text))


KIND_ALIASES: dict[str, str] = {
    normalise(k): v for k, v in {
        "receipt": "RECEIPT", "received": "RECEIPT", "receive": "RECEIPT",
        "reception": "RECEIPT", "entree": "RECEIPT",
        "issue": "ISSUE", "issued": "ISSUE", "dispensed": "ISSUE", "sortie": "ISSUE",
        "loss": "LOSS", "perte": "LOSS",
        "adjustment": "ADJUSTMENT", "ajustement": "ADJUSTMENT",
        "transfer_in": "TRANSFER_IN", "transfer in": "TRANSFER_IN",
        "transfer_out": "TRANSFER_OUT", "transfer out": "TRANSFER_OUT",
        "count": "COUNT", "physical count": "COUNT", "physical_count": "COUNT",
        "inventaire": "COUNT", "stock count": "COUNT",
    }.items()
}


def movement_kind(text: str) -> str | None:
    """``Transfer in``, ``transfer_in`` and ``TRANSFER-IN`` are all TRANSFER_IN."""
    return KIND_ALIASES.get(normalise(text))
