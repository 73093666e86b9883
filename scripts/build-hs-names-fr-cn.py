"""Give HS headings their official French text from the EU Combined Nomenclature 2023.

Replaces, in ``src/grappe/data/hs/hs_headings.csv``, the French name of each HS 2017 heading whose
text did not change in HS 2022 by the French text of the same heading in the Combined
Nomenclature (CN) 2023, the EU's legal text (© European Union, reuse with acknowledgement of the
source). Every other heading keeps grappe's translation (``source = grappe-translation``).

Inputs (local copies; each sha256 is checked):

* the CN 2023 as the Publications Office publishes it on EU Vocabularies, read from the copy in
  GitHub ``xterr/php-cncodes`` (MIT) commit ``edf79ad347ceefedb1cad00cd36215a587471efd``:
  ``Resources/cnHeadings_2023.json``, ``Resources/cnSubheadings_2023.json``,
  ``Resources/cnCodes_2023.json`` (English texts by code) and
  ``Resources/translations/messages_fr.yaml`` (the French text of each English text);
* the HS 2017 and HS 2022 heading texts of UN Comtrade in GitHub ``datasets/harmonized-system``
  (ODC-PDDL-1.0), ``data/harmonized-system.csv`` at commits ``a72bef2`` and ``905e5a0``.

A heading is taken when (1) its UN Comtrade text is the same in HS 2017 and HS 2022 (so the CN
2023 text, which follows HS 2022, is the heading grappe names in HS 2017), and (2) the CN 2023
gives its text: as a heading, or — for a heading the CN does not subdivide at six or eight
digits — as the line ``XXXX 00`` or ``XXXX 00 00``, which carries the heading's text.

Run: .venv/bin/python scripts/build-hs-names-fr-cn.py cnHeadings_2023.json \
    cnSubheadings_2023.json cnCodes_2023.json messages_fr.yaml hs2017.csv hs2022.csv
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

import yaml

HEADINGS = (
    Path(__file__).resolve().parents[1] / "src" / "grappe" / "data" / "hs" / "hs_headings.csv"
)
SOURCE_CN_FR = "EU Combined Nomenclature 2023 (EU Vocabularies; © European Union)"
SHA256 = (
    "80a471bec03312872b878a4d3dd75da4d54a75236d3664e56da794175e78acb2",
    "a657a0e16bdc97589a1156cb730f0857ae9d9754b0d94597dfeeea34b1aa2726",
    "c055242e08a79f536d19f3ec13194fb8389691d8674739e99c8b156defb4d2bb",
    "1e3c80d66b964d23efa6f3fc00f19f602a49409d0a1625d697f52f3d2ed1b855",
    "cdc9a537622feeb8c872f8e7c3bc279170180cf3eec010ed658ff98a44063fa2",
    "e77ee9e1cfd15a42d1fadeb2c0618d10f6b9ed9aec0e5d66826dc7ef9d3126a5",
)


def _checked(path: str, digest: str) -> bytes:
    raw = Path(path).read_bytes()
    if hashlib.sha256(raw).hexdigest() != digest:
        sys.exit(f"{path}: sha256 {hashlib.sha256(raw).hexdigest()} is not the expected {digest}")
    return raw


def _level4(raw: bytes) -> dict[str, str]:
    rows = csv.DictReader(raw.decode("utf-8-sig").splitlines())
    return {r["hscode"]: r["description"] for r in rows if r["level"] == "4"}


def main(*paths: str) -> None:
    raws = [_checked(p, d) for p, d in zip(paths, SHA256, strict=True)]
    headings, subheadings, codes = (
        {r["code"]: r["name"] for r in json.loads(raw)} for raw in raws[:3]
    )
    french = yaml.safe_load(raws[3].decode("utf-8"))
    hs2017, hs2022 = _level4(raws[4]), _level4(raws[5])
    unchanged = {c for c in hs2017 if hs2022.get(c) == hs2017[c]}
    official: dict[str, str] = {}
    for code in sorted(unchanged):
        english = headings.get(code) or subheadings.get(code + "00") or codes.get(code + "0000")
        if english and french.get(english):
            official[code] = " ".join(str(french[english]).split())
    with HEADINGS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    replaced = 0
    for row in rows:
        if row["lang"] == "fr" and row["edition"] == "HS2017" and row["code"] in official:
            row["name"], row["source"] = official[row["code"]], SOURCE_CN_FR
            replaced += 1
    with HEADINGS.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(  # noqa: T201
        f"{len(hs2017)} HS 2017 headings, {len(unchanged)} with the same text in HS 2022, "
        f"{len(official)} with a French text in CN 2023; {replaced} French names replaced, "
        f"{sorted(unchanged - set(official))} keep grappe's translation -> {HEADINGS}"
    )


if __name__ == "__main__":
    main(*sys.argv[1:7])
