"""Rebuild the bundled HS heading names and OEC short names in ``src/grappe/data/hs/``.

Run once by a maintainer, from local copies of the open sources named in
``src/grappe/data/hs/PROVENANCE.md``::

    python scripts/build-hs-names.py --hs2017 harmonized-system.csv \
        --oec-hs92 hs92.json --atlas-hs92 hs92_atlas.csv

It writes ``hs_headings.csv`` (English rows only: French and Arabic rows are kept from the
existing file, so re-running never drops them) and ``oec_names.csv``. The confirmed column
table ``oec_column_table.csv`` is edited by hand and not touched here.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "grappe" / "data" / "hs"
SOURCE_HS2017 = "datasets/harmonized-system@a72bef2 (HS 2017, ODC-PDDL-1.0)"
SOURCE_ATLAS = "cid-harvard/classifications@0c126cf hs92_atlas.csv (HS 1992, BSD-3-Clause)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hs2017", type=Path, required=True)
    parser.add_argument("--oec-hs92", type=Path, required=True)
    parser.add_argument("--atlas-hs92", type=Path, required=True)
    args = parser.parse_args()

    with args.hs2017.open(encoding="utf-8-sig", newline="") as handle:
        hs2017 = {
            r["hscode"]: r["description"] for r in csv.DictReader(handle) if r["level"] == "4"
        }
    with args.atlas_hs92.open(encoding="utf-8", newline="") as handle:
        atlas = {
            r["code"]: r["name_en"]
            for r in csv.DictReader(handle)
            if r["level"] == "4digit" and r["code"].isdigit() and len(r["code"]) == 4
        }
    rows = [(code, "HS2017", "en", name, SOURCE_HS2017) for code, name in hs2017.items()]
    # headings of HS 1992 deleted before HS 2017: the trade matrix is in HS 1992 codes
    rows += [
        (code, "HS1992", "en", name.strip(), SOURCE_ATLAS)
        for code, name in atlas.items()
        if code not in hs2017
    ]
    target = OUT / "hs_headings.csv"
    kept: list[list[str]] = []
    if target.exists():
        with target.open(encoding="utf-8", newline="") as handle:
            kept = list(csv.reader(handle))[1:]
            kept = [r for r in kept if r[2] != "en"]
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "edition", "lang", "name", "source"])
        writer.writerows(sorted([*rows, *map(tuple, kept)], key=lambda r: (r[0], r[2])))

    data = json.loads(args.oec_hs92.read_text(encoding="utf-8"))["data"]
    oec = sorted(
        (r["display_id"], r["name"])
        for r in data
        if r.get("display_id") and len(r["display_id"]) == 4
    )
    with (OUT / "oec_names.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "oec_name"])
        writer.writerows(oec)


if __name__ == "__main__":
    main()
