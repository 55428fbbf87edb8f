"""Build stockdesk/data/starter_catalogue.csv from the WHO eEML export.

A new installation needs a product list before anyone can post a receipt; typing several
hundred medicines by hand is where most setup errors come from.  This script turns the WHO
Model List of Essential Medicines export (``../shared/data/who-eml/eml_export.csv``) into one
catalogue row per medicine × dosage form × strength, in the canonical catalogue columns the
importer reads.  The output is committed and shipped in the package; this script is the record
of how it was made and reproduces it byte for byte::

    .venv/bin/python tools/build_starter_catalogue.py            # rewrite the CSV
    .venv/bin/python tools/build_starter_catalogue.py --check    # fail if it would change

What the export does not hold (dispensing unit, pack size, program, seasonal and controlled
flags) is guessed by the documented rules below; see stockdesk/data/STARTER_CATALOGUE.md.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "who-eml" / "eml_export.csv"
OUTPUT = REPO / "stockdesk" / "data" / "starter_catalogue.csv"

HEADER = (
    "code", "name", "strength", "form", "unit", "pack_size", "pack_rounding_threshold",
    "round_to_zero", "price_per_pack", "program", "atc", "gtin", "seasonal", "controlled",
)
CODE_MAX = 32

# --------------------------------------------------------------------------------------------
# Programs: which EML sections a vertical program supplies.  A medicine listed in a program
# section belongs to that program; "weak" sections count only when the formulation is listed
# nowhere else (doxycycline is an antibiotic first, a travellers' prophylaxis second).

PROGRAM_SECTIONS: tuple[tuple[str, str, bool], ...] = (
    # (section prefix, program, weak)
    ("Antimalarial medicines > Medicines for curative treatment", "malaria", False),
    ("Antimalarial medicines > Medicines for chemoprevention", "malaria", False),
    ("Antimalarial medicines > Medicines for chemoprophylaxis in travellers", "malaria", True),
    ("Antiretrovirals", "hiv", False),
    ("Fixed-dose combinations of antiretrovirals", "hiv", False),
    ("Medicines for prevention of HIV-related opportunistic infections", "hiv", True),
    ("Antituberculosis medicines", "tuberculosis", False),
    ("Oral hormonal contraceptives", "family_planning", False),
    ("Injectable hormonal contraceptives", "family_planning", False),
    ("Implantable contraceptives", "family_planning", False),
    ("Intravaginal contraceptives", "family_planning", False),
    ("Intrauterine devices", "family_planning", False),
    ("Barrier methods", "family_planning", False),
    ("Immunologicals > Vaccines", "immunization", False),
)
PROGRAM_PRIORITY = ("malaria", "hiv", "tuberculosis", "family_planning", "immunization")
# A formulation also listed in general sections stays with the program only when its ATC says
# it is the program's own medicine: amoxicillin + clavulanic acid is listed for MDR-TB but is an
# ordinary antibiotic; lamivudine is listed for hepatitis B but is supplied by the HIV program.
PROGRAM_ATC: dict[str, tuple[str, ...]] = {
    "malaria": ("P01B",),
    "hiv": ("J05AF", "J05AG", "J05AE", "J05AJ", "J05AR", "J05AX"),
    "tuberculosis": ("J04A",),
    "family_planning": ("G03A", "G02B"),
    "immunization": ("J07",),
}
DEFAULT_PROGRAM = "essential"

# Cancer medicines (EML section 8, mostly the complementary list) are dispensed by specialist
# centres, not the health centres and district hospitals this catalogue starts; a formulation
# also listed elsewhere (methotrexate for arthritis, dexamethasone, ...) is kept.
SPECIALIST_SECTIONS = (
    "Cytotoxic medicines", "Targeted therapies", "Immunomodulators", "Hormones and antihormones",
    "Supportive medicines",
)

# Seasonal demand (FIELD.md §2.2): antimalarials for treatment and chemoprevention, ORS, zinc.
SEASONAL_ATC_PREFIXES = ("P01B", "A07CA", "A12CB")
SEASONAL_NAMES = ("oral rehydration salts", "zinc sulfate")

# Controlled medicines: opioids (N02A, N01AH, N07BC), benzodiazepines (N05BA, N05CD, N03AE),
# barbiturates (N05CA, N03AA), ketamine (N01AX03), stimulants (N06BA).  Antipsychotics (N05A)
# are not internationally scheduled and stay uncontrolled.  Names catch rows without an ATC.
CONTROLLED_ATC_PREFIXES = (
    "N02A", "N01AH", "N07BC", "N05BA", "N05CD", "N03AE", "N05CA", "N03AA", "N01AX03", "N06BA",
)
CONTROLLED_NAMES = (
    "morphine", "codeine", "fentanyl", "methadone", "buprenorphine", "pethidine",
    "hydromorphone", "oxycodone", "diazepam", "lorazepam", "midazolam", "clonazepam",
    "phenobarbital", "ketamine", "methylphenidate",
)

# High-volume oral solids that central stores buy in tins of 1000.
TINS_OF_1000 = (
    "paracetamol", "amoxicillin", "sulfamethoxazole + trimethoprim", "ferrous salt",
    "folic acid", "metformin", "ibuprofen", "acetylsalicylic acid", "metronidazole",
    "hydrochlorothiazide", "ferrous salt + folic acid",
)
# Sections whose injectables are costly and bought one vial at a time.
SINGLE_VIAL_SECTIONS = (
    "Cytotoxic medicines", "Targeted therapies", "Immunomodulators", "Human immunoglobulins",
    "Immunologicals > Sera", "Coagulation factors", "Insulins", "Ophthalmological preparations >"
    " Anti-vascular", "Medicines for multiple sclerosis", "Injectable hormonal contraceptives",
)

# --------------------------------------------------------------------------------------------
# Forms: (dosage form, dispensing unit, code suffix)


@dataclass(frozen=True)
class Form:
    name: str
    unit: str
    abbr: str


TABLET = Form("tablet", "tablet", "TAB")
DISPERSIBLE = Form("dispersible tablet", "tablet", "DT")
CHEWABLE = Form("chewable tablet", "tablet", "CHT")
CAPSULE = Form("capsule", "capsule", "CAP")
PROLONGED = Form("prolonged-release tablet", "tablet", "PRT")
GRANULES = Form("granules", "sachet", "GRA")
LOZENGE = Form("lozenge", "each", "LOZ")
ORAL_LIQUID = Form("oral liquid", "bottle", "OL")
POWDER_ORAL_LIQUID = Form("powder for oral liquid", "bottle", "POL")
ORAL_POWDER = Form("oral powder", "sachet", "SAC")
INJECTION_VIAL = Form("injection", "vial", "INJ")
INJECTION_AMPOULE = Form("injection", "ampoule", "AMP")
POWDER_INJECTION = Form("powder for injection", "vial", "PFI")
INFUSION = Form("infusion", "bottle", "INF")
PREFILLED = Form("pre-filled injection device", "each", "PFS")
CREAM = Form("cream", "tube", "CRM")
OINTMENT = Form("ointment", "tube", "OINT")
GEL = Form("gel", "tube", "GEL")
LOTION = Form("lotion", "bottle", "LOT")
TOPICAL_SOLUTION = Form("solution", "bottle", "SOL")
TOPICAL_SUSPENSION = Form("suspension", "bottle", "SUS")
PATCH = Form("transdermal patch", "each", "PATCH")
EYE_DROPS = Form("eye drops", "bottle", "EYED")
EYE_OINTMENT = Form("eye ointment", "tube", "EYEO")
EAR_DROPS = Form("ear drops", "bottle", "EARD")
NASAL_SPRAY = Form("nasal spray", "bottle", "NSPR")
NASAL_DROPS = Form("nasal drops", "bottle", "NASD")
SUPPOSITORY = Form("suppository", "each", "SUPP")
RECTAL = Form("rectal solution", "each", "REC")
VAGINAL_TABLET = Form("vaginal tablet", "tablet", "VTAB")
VAGINAL_RING = Form("vaginal ring", "each", "RING")
INHALER = Form("inhaler", "each", "INH")
NEBULISER = Form("nebuliser solution", "ampoule", "NEB")
INHALATION_LIQUID = Form("inhalation liquid", "bottle", "INHL")
IMPLANT = Form("implant", "each", "IMPL")
VACCINE = Form("vaccine", "vial", "VAC")
DEVICE = Form("device", "each", "DEV")
CYCLE = Form("tablet", "cycle", "CYC")


IV_FLUIDS = (
    "glucose", "sodium chloride", "glucose + sodium chloride", "sodium lactate, compound solution",
    "potassium chloride + sodium chloride", "glucose + potassium chloride + sodium chloride",
    "dextran 70", "polygeline", "mannitol",
)


def form_for(route: str, item: str, name: str = "") -> Form | None:
    """The dosage form of one listed strength, from its route path and its own words.

    Returns None for what a facility would not stock as a medicine line (medical gases,
    dental cements, free-text groups).
    """
    r = route.lower()
    t = item.lower()
    if r.startswith("oral"):
        if "granules" in r or "granules" in t:
            return GRANULES
        if "dispersible" in r or "dispersible" in t:
            return DISPERSIBLE
        if "chewable" in t:
            return CHEWABLE
        if any(w in t for w in ("slow-release", "modified-release", "modified release",
                                "prolonged-release", "extended-release")) \
                and not ("capsule" in r or "capsule" in t):
            return PROLONGED
        if "lozenge" in r or "lozenge" in t:
            return LOZENGE
        if "capsule" in r or "capsule" in t:
            return CAPSULE
        if r.startswith("oral > solid"):
            return TABLET
        if r.startswith("oral > liquid"):
            return POWDER_ORAL_LIQUID if "powder" in t else ORAL_LIQUID
        if "tablet" in t:
            return TABLET
        return None
    if r.startswith(("parenteral", "injection", "powder for injection")):
        return _injectable(r, t, name)
    if r.startswith("capsule"):
        return CAPSULE
    if r.startswith("local > topical"):
        for word, form in (("cream", CREAM), ("ointment", OINTMENT), ("gel", GEL),
                           ("lotion", LOTION), ("transdermal", PATCH),
                           ("suspension", TOPICAL_SUSPENSION), ("solution", TOPICAL_SOLUTION),
                           ("liquid", TOPICAL_SOLUTION)):
            if word in r:
                return form
        return None
    if r.startswith("local > ophthalmological"):
        return EYE_OINTMENT if "ointment" in r else EYE_DROPS
    if r.startswith("local > otological"):
        return EAR_DROPS
    if r.startswith("local > nasal"):
        return NASAL_SPRAY if "spray" in r else NASAL_DROPS
    if r.startswith("local > rectal"):
        if "suppositor" in r or "capsule" in t:
            return SUPPOSITORY
        return RECTAL
    if r.startswith("local > vaginal"):
        return VAGINAL_RING if "ring" in r else VAGINAL_TABLET
    if r.startswith("respiratory"):
        if "nebuli" in t:
            return NEBULISER
        if "inhaler" in t or "actuation" in t or "dose" in t:
            return INHALER
        if "liquid" in r:
            return INHALATION_LIQUID
        return None
    if r.startswith("implant"):
        return IMPLANT
    return None


PREFILLED_WORDS = ("pre-filled", "prefilled", "cartridge", "pen ", "delivery system")


def _injectable(r: str, t: str, name: str) -> Form:
    """Vial, ampoule, infusion bottle or pre-filled device, from the listed presentation."""
    if any(w in t for w in PREFILLED_WORDS) or t.endswith("pen"):
        return PREFILLED
    # a 10 mL insulin vial typed as "110 mL" in the source is still a vial
    volume = None if name.lower().startswith("insulin") else _container_ml(t)
    pct = re.match(r"(\d+(?:\.\d+)?)\s*%", t)
    if name.lower() in IV_FLUIDS and (pct is None or float(pct.group(1)) < 20):
        return INFUSION
    if volume is not None and volume >= 50:
        return INFUSION
    vial_at = t.find("vial")
    if "ampoule" in t and (vial_at < 0 or t.index("ampoule") < vial_at):
        return INJECTION_AMPOULE  # "in ampoule or vial" counts as ampoules
    if "powder" in t or "powder" in r:
        return POWDER_INJECTION
    return INJECTION_VIAL


def _container_ml(text: str) -> float | None:
    m = re.search(r"\bin (?:a )?(\d+(?:\.\d+)?)\s*(m?l)\b", text)
    if m is None:
        return None
    value = float(m.group(1))
    return value * 1000 if m.group(2) == "l" else value


# --------------------------------------------------------------------------------------------
# Strengths

NUM = r"\d+(?:[ ,]\d{3})*(?:\.\d+)?"
UNIT = (
    r"(?:%(?:\s*w/v)?|million\s+IU|IU|units?|lipase\s+units|amylase\s+units|protease\s+units"
    r"|micrograms?|mcg|µg|mg|g|mL|L|mmol|mEq|ppm|dose|actuation|hour|rod|kg|mg iodine)"
)
# "60 mg iron", "1:200 000" (epinephrine in lidocaine), "100 mg" or a bare unit ("per mL")
AMOUNT = rf"(?:1\s*:\s*{NUM}|{NUM}\s*{UNIT}?(?:\s+elemental)?(?:\s+(?:iron|iodine))?|{UNIT})"
JOIN = r"(?:\s*(?:\+|per|to|/)\s*)"
STRENGTH_RE = re.compile(rf"^{AMOUNT}(?:{JOIN}{AMOUNT})*", re.IGNORECASE)
PARENS_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def parse_strength(item: str) -> tuple[str, bool] | None:
    """``"250 mg (as trihydrate) powder for injection"`` -> ``("250 mg", False)``.

    The flag says the strength is a range ("100 to 500 mg"), which only stands in for a
    product when nothing more specific is listed for that medicine and form.
    """
    text = PARENS_RE.sub(" ", item)
    text = re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip(" .;,")
    text = re.sub(r"(\d),(\d{3})\b", r"\1\2", text)
    m = STRENGTH_RE.match(text)
    if m is None or not re.search(r"\d", m.group(0)):
        return None
    s = m.group(0).strip()
    s = re.sub(r"(?<=\d) (?=\d{3}\b)", "", s)  # "10 000 IU" -> "10000 IU"
    s = re.sub(r"\s*:\s*", ":", s)
    s = re.sub(r"\s*\+\s*", " + ", s)
    s = re.sub(r"\s*\bper\b\s*", "/", s, flags=re.IGNORECASE)
    s = re.sub(r"\s*/\s*", "/", s)
    s = s.replace("µg", "micrograms").replace("mcg", "micrograms")
    s = re.sub(r"\bmicrogram\b", "micrograms", s)
    container = re.search(r"\bin (\d+(?:\.\d+)?\s*m?L)\b", text[m.end():])
    if container and "/" not in s and container.start() == 1 and container.group(1) == "1 mL":
        s += "/mL (1 mL)"  # "1 mg in 1 mL ampoule" is the same product as "1 mg/mL (1 mL)"
    elif container and "/" in s:
        s += f" ({container.group(1)})"
    is_range = bool(re.search(r"\bto\b", s))
    return s, is_range


# --------------------------------------------------------------------------------------------
# Reading the export


@dataclass
class Candidate:
    name: str
    strength: str
    form: Form
    atc: str
    sections: set[str] = field(default_factory=set)
    is_range: bool = False


def read_export(path: Path) -> list[dict[str, str]]:
    """The export is Windows-1252, ``;``-separated, with newlines inside quoted fields."""
    with path.open(encoding="cp1252", newline="") as fh:
        return [row for row in csv.DictReader(fh, delimiter=";") if row["Status"] == "Added"]


ROUTE_RE = re.compile(
    r"^(Oral|Parenteral|Local|Respiratory|Implant|Injection|Powder for injection|Capsule)\b"
)


def formulation_items(formulations: str) -> Iterator[tuple[str, str]]:
    """(route path, one listed strength) pairs from the ``Formulations`` text."""
    for line in formulations.replace("\r", "").split("\n"):
        line = line.strip()
        if ":" not in line or not ROUTE_RE.match(line):
            continue
        route, rest = line.split(":", 1)
        for item in rest.split(";"):
            item = item.strip()
            if item:
                yield route.strip(), item


def display_name(eml_name: str) -> str:
    return eml_name[:1].upper() + eml_name[1:]


def first_atc(codes: str) -> str:
    parts = [c.strip() for c in codes.split(",") if c.strip()]
    return parts[0] if parts else ""


def candidates(rows: Iterable[dict[str, str]]) -> list[Candidate]:
    found: dict[tuple[str, str, str, str], Candidate] = {}
    for row in rows:
        name = row["Medicine name"].strip()
        if not name or name.lower().startswith("medicines for"):
            continue
        for route, item in formulation_items(row["Formulations"]):
            form = form_for(route, item, name)
            parsed = parse_strength(item)
            if form is None or parsed is None:
                continue
            strength, is_range = parsed
            key = (name.lower(), form.name, form.unit, strength.lower())
            cand = found.get(key)
            if cand is None:
                cand = found[key] = Candidate(display_name(name), strength, form,
                                              first_atc(row["ATC codes"]), is_range=is_range)
            cand.sections.add(row["EML section"].strip())
            if not cand.atc:
                cand.atc = first_atc(row["ATC codes"])
    found = {k: c for k, c in found.items()
             if any(sec not in SPECIALIST_SECTIONS for sec in c.sections)}
    # a range ("100 to 500 mg") only when the medicine has no exact strength in that form
    exact = {(c.name, c.form) for c in found.values() if not c.is_range}
    kept = [c for c in found.values() if not (c.is_range and (c.name, c.form) in exact)]
    # "250 + 62.5" in one section is "250 mg + 62.5 mg" in another: keep the one with units
    best: dict[tuple[str, Form, str], Candidate] = {}
    for c in sorted(kept, key=lambda c: (-len(c.strength), c.strength)):
        bare = (c.name, c.form, re.sub(r"[^0-9.+/]", "", c.strength))
        if bare in best:
            best[bare].sections |= c.sections
        else:
            best[bare] = c
    return list(best.values())


# Medicines the export lists without a parseable formulation that every facility stocks.
CURATED: tuple[tuple[str, str, Form, str, str], ...] = (
    # name, strength, form, atc, section
    ("Oral rehydration salts", "for 1 L", ORAL_POWDER, "A07CA",
     "Solutions correcting water, electrolyte and acid-base disturbances > Oral"),
    ("Male condom", "", DEVICE, "", "Barrier methods"),
    ("Copper-containing intrauterine device", "", DEVICE, "G02BA02", "Intrauterine devices"),
    ("Levonorgestrel-releasing intrauterine system", "52 mg", DEVICE, "G02BA03",
     "Intrauterine devices"),
    ("Multiple micronutrient powder", "", ORAL_POWDER, "A11AA01", "Vitamins and minerals"),
    ("Ready to use therapeutic food", "92 g", ORAL_POWDER, "", "Therapeutic foods"),
)


def vaccine_candidates(rows: Iterable[dict[str, str]]) -> list[Candidate]:
    """Vaccines have free-text formulations: one row each, counted in vials."""
    out: dict[str, Candidate] = {}
    for row in rows:
        if row["EML section"].startswith("Immunologicals > Vaccines"):
            name = display_name(row["Medicine name"].strip())
            cand = out.setdefault(name, Candidate(name, "", VACCINE, first_atc(row["ATC codes"])))
            cand.sections.add(row["EML section"].strip())
    return list(out.values())


# --------------------------------------------------------------------------------------------
# Deriving the catalogue fields


def program_of(sections: set[str], atc: str) -> str:
    """The program that supplies a formulation (see PROGRAM_SECTIONS and PROGRAM_ATC)."""
    strong: set[str] = set()
    weak: set[str] = set()
    general = False
    for sec in sections:
        hit = next(((prog, w) for prefix, prog, w in PROGRAM_SECTIONS if sec.startswith(prefix)),
                   None)
        if hit is None:
            general = True
        elif hit[1]:
            weak.add(hit[0])
        else:
            strong.add(hit[0])
    chosen = {p for p in strong if atc.startswith(PROGRAM_ATC[p])} if general else strong or weak
    for prog in PROGRAM_PRIORITY:
        if prog in chosen:
            return prog
    return DEFAULT_PROGRAM


def is_seasonal(c: Candidate, program: str) -> bool:
    if c.name.lower().startswith(SEASONAL_NAMES):
        return True
    if c.atc.startswith(SEASONAL_ATC_PREFIXES):
        # travellers' prophylaxis alone does not follow the rains
        return program == "malaria" or not c.atc.startswith("P01")
    return False


def is_controlled(c: Candidate) -> bool:
    if c.atc.startswith(CONTROLLED_ATC_PREFIXES):
        return True
    first = re.split(r"[ +,(]", c.name.lower(), maxsplit=1)[0]
    return first in CONTROLLED_NAMES


def unit_and_form(c: Candidate, program: str) -> Form:
    """Oral contraceptives are dispensed by the cycle (a blister of 21/28), not the tablet."""
    emergency = any(x in c.strength for x in ("1.5 mg", "750 micrograms", "30 mg"))
    if program == "family_planning" and c.form is TABLET and not emergency:
        return CYCLE
    return c.form


def pack_size(c: Candidate, form: Form, program: str) -> int:
    """Guessed purchase pack in dispensing units (documented in STARTER_CATALOGUE.md)."""
    lname = PARENS_RE.sub("", c.name).strip().lower()
    if form.unit in ("tablet", "capsule"):
        if program == "family_planning":
            return 1  # emergency contraception: one course per box
        if program == "hiv":
            return 30 if "dispersible" not in form.name else 60
        if program == "malaria":
            return 30
        if lname in TINS_OF_1000 and form is TABLET:
            return 1000
        return 100
    if form is CYCLE:
        return 3
    if form.unit == "sachet":
        return 50 if form is ORAL_POWDER else 30
    if form in (INJECTION_VIAL, INJECTION_AMPOULE, POWDER_INJECTION):
        if any(sec.startswith(SINGLE_VIAL_SECTIONS) for sec in c.sections):
            return 1
        return 10
    if form is VACCINE:
        return 10
    if form is INFUSION:
        return 20
    if form is NEBULISER:
        return 20
    if form is SUPPOSITORY:
        return 10
    if form is DEVICE and "condom" in lname:
        return 144
    return 1


# Stems for names the INN rule would make ambiguous or unreadable.
CODE_ALIASES = {
    "oral rehydration salts": "ORS",
    "acetylsalicylic acid": "ASA",
    "insulin (human, short-acting)": "INSULIN.HSA",
    "insulin (human, intermediate-acting)": "INSULIN.HIA",
    "insulin (analogue, rapid-acting)": "INSULIN.ARA",
    "insulin (analogue, long-acting)": "INSULIN.ALA",
    "coagulation factor viii, recombinant": "FVIII.REC",
    "coagulation factor viii, plasma-derived": "FVIII.PD",
    "coagulation factor ix, recombinant": "FIX.REC",
    "coagulation factor ix, plasma-derived": "FIX.PD",
    "nicotine replacement therapy": "NICOTINE",
    # the letters TB programs use on their own forms (R rifampicin, H isoniazid, Z, E)
    "ethambutol + isoniazid + pyrazinamide + rifampicin": "RHZE",
    "isoniazid + pyrazinamide + rifampicin": "RHZ",
    "ethambutol + isoniazid + rifampicin": "RHE",
    "isoniazid + rifampicin": "RH",
    "pancreatic enzymes": "PANCREATIN",
}
UNIT_SLUGS = (
    ("MICROGRAMS", "MCG"), ("MILLION IU", "MIU"), (" LIPASE UNITS", "LU"),
    (" AMYLASE UNITS", "AU"), (" PROTEASE UNITS", "PU"), ("UNITS", "U"), ("ACTUATION", "ACT"),
    ("HOUR", "H"), (":", "IN"),
)


def code_for(c: Candidate, form: Form) -> str:
    """Readable product code: INN stem, strength and form, e.g. ``AMOXICILLIN-250MG-TAB``.

    Long codes shorten step by step (units once at the end, shorter stems) and only as a last
    resort carry a 4-character digest of the product, so they stay unique and stable.
    """
    alias = CODE_ALIASES.get(c.name.lower())
    base_name = PARENS_RE.sub("", c.name).strip()
    parts = [p for p in re.split(r"\s*[+]\s*|\s+-\s+", base_name) if p]
    words = [re.sub(r"[^A-Z0-9]", "", p.upper()) for p in parts]
    if alias is None and base_name.lower() in CODE_ALIASES:
        alias = CODE_ALIASES[base_name.lower()]
    for stem_len, bare in ((14, False), (4, False), (14, True), (4, True), (10, True), (3, True)):
        if alias:
            stem = alias
        elif len(words) == 1:
            stem = words[0][:stem_len if stem_len >= 10 else 14]
        else:
            stem = ".".join(w[:min(stem_len, 4)] for w in words)
        code = "-".join(x for x in (stem, _strength_slug(c.strength, bare=bare), form.abbr) if x)
        if len(code) <= CODE_MAX:
            return code
    stem = alias or (words[0][:10] if len(words) == 1 else ".".join(w[:3] for w in words))
    digest = _digest(c, form)
    room = CODE_MAX - len(form.abbr) - len(digest) - 2
    return f"{stem[:room].rstrip('-.')}-{digest}-{form.abbr}"


def _strength_slug(strength: str, *, bare: bool = False) -> str:
    """``"20 mg + 120 mg"`` -> ``20MG.120MG``; bare: units only once at the end (``20.120MG``)."""
    s = strength.upper()
    for long, short in UNIT_SLUGS:
        s = s.replace(long, short)
    s = re.sub(r"\b(?:ELEMENTAL|IRON|IODINE)\b", "", s)
    parts = [re.sub(r"[^A-Z0-9.%/]", "", p) for p in s.split(" + ")]
    if bare and len(parts) > 1:
        parts = [_number(p) for p in parts[:-1]] + [parts[-1]]
    return ".".join(parts).replace("/", "P").replace("%", "PC")


def _number(part: str) -> str:
    m = re.match(r"[0-9.]+", part)
    return m.group(0) if m else part


def _digest(c: Candidate, form: Form) -> str:
    key = f"{c.name}|{c.strength}|{form.name}|{form.unit}".encode()
    return hashlib.sha256(key).hexdigest()[:4].upper()


@dataclass(frozen=True)
class CatalogueRow:
    code: str
    name: str
    strength: str
    form: str
    unit: str
    pack_size: int
    program: str
    atc: str
    seasonal: bool
    controlled: bool

    def as_csv(self) -> list[str]:
        threshold = self.pack_size // 2 if self.pack_size > 1 else 0
        return [
            self.code, self.name, self.strength, self.form, self.unit, str(self.pack_size),
            str(threshold), "no", "", self.program, self.atc, "",
            "yes" if self.seasonal else "no", "yes" if self.controlled else "no",
        ]


def build(rows: list[dict[str, str]]) -> list[CatalogueRow]:
    cands = candidates(rows) + vaccine_candidates(rows)
    cands += [Candidate(n, s, f, a, {sec}) for n, s, f, a, sec in CURATED]
    out: dict[str, CatalogueRow] = {}
    for c in sorted(cands, key=lambda c: (c.name.lower(), c.form.name, c.form.unit, c.strength)):
        program = program_of(c.sections, c.atc)
        form = unit_and_form(c, program)
        code = code_for(c, form)
        if code in out:  # two spellings of one strength ("1 g" listed twice): keep the first
            if out[code].name == c.name:
                continue
            code = f"{code[:CODE_MAX - 5]}-{_digest(c, form)}"
        out[code] = CatalogueRow(
            code=code, name=c.name, strength=c.strength, form=form.name, unit=form.unit,
            pack_size=pack_size(c, form, program), program=program, atc=c.atc,
            seasonal=is_seasonal(c, program), controlled=is_controlled(c),
        )
    return sorted(out.values(), key=lambda r: r.code)


def render(rows: list[CatalogueRow]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    for r in rows:
        writer.writerow(r.as_csv())
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="eml_export.csv (Windows-1252, ';')")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the committed CSV differs from a fresh build")
    args = parser.parse_args(argv)
    rows = build(read_export(args.source))
    text = render(rows)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"{args.output}: up to date ({len(rows)} products)")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r.program] += 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"wrote {len(rows)} products to {args.output} ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
