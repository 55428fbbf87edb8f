"""The small district most database tests start from: a district store, two health centres
and three products (one seasonal).  One definition, for the fixtures, the tests that build
their own database and the long fuzz campaign."""

from __future__ import annotations

from stockdesk.services.auth import SETUP_ACTOR, Actor
from stockdesk.services.database import Database
from stockdesk.services.masterdata import FacilityData, MasterDataService, ProductData


def save_small_district(db: Database, actor: Actor = SETUP_ACTOR) -> Database:
    """Write the small district's master data into ``db``; returns ``db``."""
    md = MasterDataService(db, actor)
    md.save_facilities([
        FacilityData("DS01", "District Store", "district_store", "North", "Region A"),
        FacilityData("HC01", "Health Centre One", "health_centre", "North", "Region A", "DS01"),
        FacilityData("HC02", "Health Centre Two", "health_centre", "North", "Region A", "DS01"),
    ])
    md.save_products([
        ProductData("AMOX250", "Amoxicillin", "250 mg", "tablet", "tablet", 100, 50,
                    program="essential"),
        ProductData("ORS", "Oral rehydration salts", "20.5 g", "sachet", "sachet", 50, 25,
                    program="essential"),
        ProductData("ALU", "Artemether + lumefantrine", "20/120 mg", "tablet", "tablet", 30, 10,
                    program="malaria", seasonal=True),
    ])
    return db
