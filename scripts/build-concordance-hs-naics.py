"""Build ``src/grappe/data/concordance/hs2017_naics2017.csv`` from the Census export concordance.

Reads the U.S. Census Bureau's Schedule B export concordance for 2019 (``exp-code.txt``: one
fixed-width line per 10-digit Schedule B code with, among other fields, its NAICS code), as
redistributed by the R package ``insongkim/concordance`` (MIT) at commit
``201c812e51f213d967d8701b6ed6398c79df4a04``, path ``data-raw/hs-10d-2019-exp-code.txt``
(sha256 ``e4ead8bf…b31ab46``; get it with
``git show 201c812:data-raw/hs-10d-2019-exp-code.txt`` in a clone of that repository).

Aggregation: each HS4 heading (the first four digits of the Schedule B code) goes to the NAICS
codes of its 10-digit lines, with weight = share of the heading's 10-digit lines that carry the
code (the file has no trade values). Census groups a few NAICS codes (``31131X`` = 311313 and
311314); the ``X`` are dropped, leaving the prefix (``31131``), which
:func:`grappe.complexity.exports_clusters.product_cluster_weights` spreads over the codes below
it. Prints the counts ``src/grappe/data/concordance/PROVENANCE.md`` states.

Run: .venv/bin/python scripts/build-concordance-hs-naics.py path/to/hs-10d-2019-exp-code.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "grappe" / "data" / "concordance" / "hs2017_naics2017.csv"
SHA256 = "e4ead8bf6b47663b372a36cc25292c2a7215de27a69181e1cb14207b4f31ab46"
# 0-based slices of the fixed-width line (checked on every line below)
SCHEDULE_B = slice(0, 10)
NAICS = slice(265, 271)


def main(path: str) -> None:
    raw = Path(path).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SHA256:
        sys.exit(f"{path}: sha256 {digest} is not the expected {SHA256}")
    rows = []
    for number, line in enumerate(raw.decode("ascii").splitlines(), start=1):
        code, naics = line[SCHEDULE_B], line[NAICS].strip()
        if not re.fullmatch(r"\d{10}", code) or not re.fullmatch(r"\d{2,6}X{0,4}", naics):
            sys.exit(f"{path}, line {number}: unexpected layout: {line[:20]!r} … {naics!r}")
        rows.append((code[:4], naics.rstrip("X")))
    lines = pd.DataFrame(rows, columns=["hs4", "industry"])
    pairs = lines.groupby(["hs4", "industry"]).size().rename("hs10_lines").reset_index()
    pairs["weight"] = (
        pairs["hs10_lines"] / pairs.groupby("hs4")["hs10_lines"].transform("sum")
    ).round(9)
    pairs = pairs.sort_values(["hs4", "hs10_lines", "industry"], ascending=[True, False, True])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    pairs[["hs4", "industry", "weight", "hs10_lines"]].to_csv(OUT, index=False, lineterminator="\n")
    print(
        f"{len(lines)} Schedule B lines, {lines['hs4'].nunique()} HS4 headings, "  # noqa: T201
        f"{len(pairs)} heading → industry pairs, {pairs['industry'].nunique()} industry codes "
        f"({sum(len(c) < 6 for c in pairs['industry'].unique())} grouped), "
        f"{(pairs.groupby('hs4').size() == 1).sum()} headings with one industry -> {OUT}"
    )


if __name__ == "__main__":
    main(sys.argv[1])
