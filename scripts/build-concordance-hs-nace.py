"""Build ``src/grappe/data/concordance/hs2017_nace2.csv.gz`` from Eurostat's correspondence tables.

Reads two of Eurostat's correspondence tables as Eurostat redistributes them in its R package
``eurostat/correspondenceTables`` (EUPL-1.2), commit ``9a693fcfd0bea065dbc0505a70920c206005867b``
(2026-05-12, still unchanged at ``c86135f``, 2026-05-15):

* ``inst/extdata/test/CN2021_CPA21.csv`` — every 8-digit code of the Combined Nomenclature 2021
  (which follows HS 2017) with its CPA 2.1 subcategory;
* ``inst/extdata/test/NACE_CPA21.csv`` — NACE Rev. 2 → CPA 2.1: the activity each CPA code
  belongs to (a NACE class, or a division / group where CPA has no class, e.g. ``03.00.14``
  fish → division ``03``, ``31.00.11`` seats → group ``31.0``).

Get them with ``git show 9a693fc:inst/extdata/test/CN2021_CPA21.csv`` (and ``NACE_CPA21.csv``)
in a clone of that repository; the script checks their sha256.

Aggregation: each HS4 heading (the first four digits of the CN code) goes to the NACE codes of
its CN lines, with weight = share of the heading's CN lines whose CPA subcategory belongs to
the code (the tables carry no trade values). NACE codes are written as grappe writes them
(``01.22`` → ``0122``, ``31.0`` → ``310``). Prints the counts
``src/grappe/data/concordance/PROVENANCE.md`` states.

Run: .venv/bin/python scripts/build-concordance-hs-nace.py CN2021_CPA21.csv NACE_CPA21.csv
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "grappe" / "data" / "concordance" / "hs2017_nace2.csv.gz"
SHA256 = {
    "CN2021_CPA21": "8119eba5a1ded87b85ebc1923393ca2430ca58fe7dd11e6f14b7ed9226710497",
    "NACE_CPA21": "0044ff38de8694ce1818434ba0105f1846afb6e1eba52ac465737eab6f41c9d4",
}


def _read(path: str, name: str, columns: tuple[str, str]) -> pd.DataFrame:
    raw = Path(path).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SHA256[name]:
        sys.exit(f"{path}: sha256 {digest} is not the expected {SHA256[name]} of {name}.csv")
    frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    frame.columns = list(columns)
    return frame.apply(lambda column: column.str.strip())


def main(cn_cpa_path: str, nace_cpa_path: str) -> None:
    cn = _read(cn_cpa_path, "CN2021_CPA21", ("cn8", "cpa"))
    nace = _read(nace_cpa_path, "NACE_CPA21", ("nace", "cpa"))
    for number, (code, cpa) in enumerate(zip(cn["cn8"], cn["cpa"], strict=True), start=2):
        if not re.fullmatch(r"\d{8}", code) or not re.fullmatch(r"\d\d\.\d\d\.\d\d", cpa):
            sys.exit(f"{cn_cpa_path}, row {number}: unexpected codes {code!r}, {cpa!r}")
    if cn["cn8"].duplicated().any():
        sys.exit(f"{cn_cpa_path}: a CN code has several CPA subcategories")
    subcategories = nace[nace["cpa"].str.fullmatch(r"\d\d\.\d\d\.\d\d")]
    if subcategories["cpa"].duplicated().any():
        sys.exit(f"{nace_cpa_path}: a CPA subcategory belongs to several NACE codes")
    lines = cn.merge(subcategories, on="cpa", how="left", validate="many_to_one")
    if lines["nace"].isna().any():
        missing = sorted(lines.loc[lines["nace"].isna(), "cpa"].unique())
        sys.exit(f"{nace_cpa_path}: no NACE code for the CPA subcategories {missing[:10]}")
    lines["hs4"] = lines["cn8"].str[:4]
    lines["industry"] = lines["nace"].str.replace(".", "", regex=False)
    pairs = lines.groupby(["hs4", "industry"]).size().rename("cn8_lines").reset_index()
    pairs["weight"] = (
        pairs["cn8_lines"] / pairs.groupby("hs4")["cn8_lines"].transform("sum")
    ).round(9)
    pairs = pairs.sort_values(["hs4", "cn8_lines", "industry"], ascending=[True, False, True])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same sources give the same bytes
    pairs[["hs4", "industry", "weight", "cn8_lines"]].to_csv(
        OUT, index=False, lineterminator="\n", compression={"method": "gzip", "mtime": 0}
    )
    levels = pairs["industry"].str.len().value_counts().to_dict()
    print(  # noqa: T201
        f"{len(lines)} CN 2021 lines, {lines['hs4'].nunique()} HS4 headings, "
        f"{len(pairs)} heading → NACE pairs, {pairs['industry'].nunique()} NACE codes "
        f"(by number of digits: {levels}), "
        f"{(pairs.groupby('hs4').size() == 1).sum()} headings with one NACE code, "
        f"at most {pairs.groupby('hs4').size().max()} -> {OUT}"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
