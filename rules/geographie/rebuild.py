#!/usr/bin/env python3
"""Regenerate rules/geographie/communes.tsv, the geography table embedded by src/geo.rs.

Sources (downloaded by package name with the ordinary clients, into a temporary
folder that is deleted afterwards):

* npm  ``@etalab/decoupage-administratif`` 6.0.0 -- ``data/communes.json``:
  INSEE code, name, département, région, postal codes of every commune
  (the package the aides-jeunes simulator uses). Fetched with ``npm pack``.
* PyPI ``openfisca-france`` 176.1.8 -- ``assets/apl/20110914_zonage.csv`` (zone of
  every 2014 commune for the aides au logement, arrêté du 17 mars 1978 as
  amended: 1, 1bis, 2, 3) and ``assets/apl/commune_depcom_by_subcommune_depcom.json``
  (arrondissements municipaux and communes associées of 2014 -> their commune).
  Fetched with ``pip download --no-deps``. The script checks that OpenFisca's
  ``model/prestations/aides_logement.py`` still reads those two files, so a
  version bump that changes the zoning file fails loudly instead of silently.

Run (needs python3 >= 3.9, npm and pip on PATH, network access to both registries):

    python3 rules/geographie/rebuild.py                # writes rules/geographie/communes.tsv
    python3 rules/geographie/rebuild.py --check        # exit 1 if the committed file differs
    python3 rules/geographie/rebuild.py --decoupage-version 6.0.0 --openfisca-version 176.1.8

The output is deterministic: rows sorted by INSEE code, postal codes sorted,
no timestamp.

Table format (UTF-8, tab-separated, ``#`` lines are comments, then one header line):

    insee  nom  departement  region  zone  codes_postaux  parente

* ``zone`` is one of ``1``, ``1bis``, ``2``, ``3``. OpenFisca keeps only the first
  character (``1bis`` counts as zone 1 for the amounts, see
  ``preload_zone_apl``); we keep ``1bis`` so that the Rust side can still tell it.
* ``codes_postaux`` is a comma-separated list (possibly empty).
* ``parente`` is empty for a current commune (``commune-actuelle``); for an
  arrondissement municipal (Paris 751xx, Lyon 6938x, Marseille 132xx), a
  commune déléguée or a commune associée it is the INSEE code of the current
  commune it belongs to. Délégués/associées carry no postal code in the source
  data. A commune déléguée whose code equals its commune nouvelle's code is
  dropped (the current commune's row stands for both).

How each row's zone is computed -- exactly like OpenFisca-France's
``zone_apl`` formula (``zone_apl_by_depcom.get(depcom, 2)``), except for the
explicit overrides in ``ZONE_FROM_2014_CODE``:

1. the row's own code in ``20110914_zonage.csv``;
2. otherwise, if the code is in ``commune_depcom_by_subcommune_depcom.json``
   (arrondissements municipaux and 2014 communes associées), the zone of the
   parent commune. So the 20 Paris arrondissements get Paris's zone (1bis), the
   9 Lyon and 16 Marseille arrondissements get zone 2, like their commune;
   an arrondissement never has a zone of its own;
3. otherwise OpenFisca's default, zone 2. This concerns only the overseas
   collectivities absent from the 2011 file: Saint-Pierre-et-Miquelon (975),
   Saint-Barthélemy (977), Saint-Martin (978), TAAF (984), Wallis-et-Futuna
   (986), Polynésie française (987), Nouvelle-Calédonie (988), Clipperton (989).
   All DOM communes (971-976) are in the file, all in zone 2.

Override: Culey (55138), re-created on 1 January 2014 out of Loisey-Culey
(55298), is missing from the 2011 file; OpenFisca would give it the default
zone 2, but it is rural Meuse and belonged to Loisey-Culey, zone 3, which we use.

Current communes (commune nouvelle) keep the code of their chef-lieu, which is
in the 2011 file, so they get the chef-lieu's 2014 zone, as in OpenFisca.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

DECOUPAGE_PACKAGE = "@etalab/decoupage-administratif"
DECOUPAGE_VERSION = "6.0.0"
OPENFISCA_PACKAGE = "openfisca-france"
OPENFISCA_VERSION = "176.1.8"

ZONAGE_PATH = "openfisca_france/assets/apl/20110914_zonage.csv"
SUBCOMMUNES_PATH = "openfisca_france/assets/apl/commune_depcom_by_subcommune_depcom.json"
AIDES_LOGEMENT_PY = "openfisca_france/model/prestations/aides_logement.py"

# OpenFisca's default for a depcom absent from its tables (zone_apl.formula).
DEFAULT_ZONE = "2"

# Current communes absent from the 2011 file whose zone is taken from the 2014
# commune they were split from (instead of OpenFisca's default zone 2).
ZONE_FROM_2014_CODE = {
    "55138": "55298",  # Culey, split from Loisey-Culey on 2014-01-01.
}

KEPT_TYPES = ("commune-actuelle", "arrondissement-municipal", "commune-deleguee", "commune-associee")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "communes.tsv")


def run(cmd: list[str], cwd: str) -> str:
    result = subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True)
    return result.stdout


def fetch_decoupage(tmp: str, version: str) -> list[dict]:
    """npm pack the package (no install, no scripts run) and read data/communes.json."""
    out = run(["npm", "pack", f"{DECOUPAGE_PACKAGE}@{version}", "--silent"], cwd=tmp)
    tgz = os.path.join(tmp, out.strip().splitlines()[-1])
    with tarfile.open(tgz, "r:gz") as tar:
        member = tar.extractfile("package/data/communes.json")
        assert member is not None
        return json.load(member)


def fetch_openfisca(tmp: str, version: str) -> tuple[dict[str, str], dict[str, str]]:
    """pip download the wheel (no dependencies) and read the APL zoning files."""
    dest = os.path.join(tmp, "wheel")
    run([sys.executable, "-m", "pip", "download", f"{OPENFISCA_PACKAGE}=={version}",
         "--no-deps", "--only-binary", ":all:", "--quiet", "-d", dest], cwd=tmp)
    (wheel,) = [f for f in os.listdir(dest) if f.endswith(".whl")]
    with zipfile.ZipFile(os.path.join(dest, wheel)) as zf:
        model = zf.read(AIDES_LOGEMENT_PY).decode("utf-8")
        for path in (ZONAGE_PATH, SUBCOMMUNES_PATH):
            relative = path.split("openfisca_france/", 1)[1]
            if relative not in model:
                sys.exit(f"{AIDES_LOGEMENT_PY} no longer reads {relative}: check the new zoning file")
        if "int(row['Zonage'][0])" not in model:
            sys.exit("OpenFisca changed how it reads the Zonage column (1bis handling): check it")
        text = zf.read(ZONAGE_PATH).decode("utf-8")
        zonage = {row["CODGEO"]: row["Zonage"] for row in csv.DictReader(io.StringIO(text))}
        subcommunes = json.loads(zf.read(SUBCOMMUNES_PATH).decode("utf-8"))
    bad = {z for z in zonage.values() if z not in ("1", "1bis", "2", "3")}
    if bad:
        sys.exit(f"unexpected zone values in {ZONAGE_PATH}: {sorted(bad)}")
    return zonage, subcommunes


def zone_of(code: str, zonage: dict[str, str], subcommunes: dict[str, str]) -> str:
    # Same precedence as OpenFisca's preload_zone_apl: the sub-commune JSON is
    # applied after the CSV (no code is in both for 176.1.8).
    if code in subcommunes:
        return zonage[subcommunes[code]]
    if code in zonage:
        return zonage[code]
    if code in ZONE_FROM_2014_CODE:
        return zonage[ZONE_FROM_2014_CODE[code]]
    return DEFAULT_ZONE


def clean(field: str) -> str:
    if "\t" in field or "\n" in field:
        raise ValueError(f"separator in field {field!r}")
    return field


def build(communes: list[dict], zonage: dict[str, str], subcommunes: dict[str, str]) -> list[list[str]]:
    actuelles = {c["code"] for c in communes if c["type"] == "commune-actuelle"}
    rows: dict[str, list[str]] = {}
    for c in communes:
        kind = c["type"]
        if kind not in KEPT_TYPES:
            raise ValueError(f"unknown commune type {kind!r} for {c['code']}")
        code = c["code"]
        if kind == "commune-actuelle":
            parente = ""
        elif kind == "arrondissement-municipal":
            parente = c["commune"]
        else:
            if code in actuelles:
                continue  # chef-lieu déléguée sharing the commune nouvelle's code
            parente = c["chefLieu"]
        if code in rows:
            raise ValueError(f"duplicate code {code}")
        if parente and parente not in actuelles:
            raise ValueError(f"{code}: parent {parente} is not a current commune")
        rows[code] = [
            clean(code),
            clean(c["nom"]),
            clean(c["departement"]),
            clean(c["region"]),
            zone_of(code, zonage, subcommunes),
            ",".join(sorted(set(c.get("codesPostaux", [])))),
            parente,
        ]
    return [rows[k] for k in sorted(rows)]


def render(rows: list[list[str]], decoupage_version: str, openfisca_version: str) -> str:
    out = io.StringIO()
    out.write("# Généré par rules/geographie/rebuild.py -- ne pas modifier à la main.\n")
    out.write(f"# Communes : npm {DECOUPAGE_PACKAGE} {decoupage_version} (data/communes.json).\n")
    out.write(f"# Zones aides au logement : PyPI {OPENFISCA_PACKAGE} {openfisca_version} "
              "(assets/apl/20110914_zonage.csv, arrêté du 17 mars 1978).\n")
    out.write("# parente : commune actuelle d'un arrondissement municipal, d'une commune déléguée ou associée.\n")
    out.write("insee\tnom\tdepartement\tregion\tzone\tcodes_postaux\tparente\n")
    for row in rows:
        out.write("\t".join(row) + "\n")
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decoupage-version", default=DECOUPAGE_VERSION)
    parser.add_argument("--openfisca-version", default=OPENFISCA_VERSION)
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare with --output instead of writing it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="guichet-geo-") as tmp:
        communes = fetch_decoupage(tmp, args.decoupage_version)
        zonage, subcommunes = fetch_openfisca(tmp, args.openfisca_version)

    rows = build(communes, zonage, subcommunes)
    text = render(rows, args.decoupage_version, args.openfisca_version)

    if args.check:
        with open(args.output, encoding="utf-8") as f:
            same = f.read() == text
        print("communes.tsv is up to date" if same else "communes.tsv differs from a fresh rebuild")
        return 0 if same else 1

    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[4]] = counts.get(row[4], 0) + 1
    print(f"wrote {args.output}: {len(rows)} rows, {len(text.encode('utf-8'))} bytes, zones {sorted(counts.items())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
