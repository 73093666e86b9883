"""The corpus for the commands of issue 15 that read a user file: ``grappe growth``,
``grappe concentration``, ``grappe definitions derive``, ``grappe definitions coverage``,
``grappe spatial ripley`` and ``grappe spatial mfunction``.

Same bases as ``cases.py`` (Delaware's County Business Patterns, the Algiers support actors);
each command gets the cases that reach its own reading and checking code, not every case of
the table (the readers are shared, and the whole corpus must stay fast).
"""

from __future__ import annotations

import pandas as pd
from cases import (
    CBP_CSV,
    POINTS,
    R_BINARY,
    R_DIR,
    R_DUP,
    R_EMPTY,
    R_MISSING,
    R_QUOTE,
    R_TRUNC,
    _all,
    _drop,
    _dup_row,
    _ragged,
    _set,
    _unclosed_quote,
    bad,
)
from corpus import (
    BINARY,
    BLANK,
    DIRECTORY,
    EMPTY,
    cbp_csv_frame,
    csv_of,
    fixture_bytes,
    mutate,
    parquet_of,
    points_frame,
    truncated,
)

CBP_PARQUET = fixture_bytes("cbp_delaware", "cbp_county_delaware.parquet")


def _two_years() -> pd.DataFrame:
    """Delaware's counties in 2018 and 2019, CBP county layout, as text (growth needs two)."""
    return pd.concat([cbp_csv_frame(2018), cbp_csv_frame(2019)], ignore_index=True)


TWO_YEARS = csv_of(_two_years)


def GROWTH(f):  # noqa: N802
    return ("growth", f"{{{f}}}", "--source", "cbp", "--start", "2018", "--end", "2019",
            "--top", "0", "-o", "{out}/growth.csv")  # fmt: skip


def CONC(f, *extra):  # noqa: N802
    return ("concentration", f"{{{f}}}", "--source", "cbp", "--index", "hoover",
            "--definitions", "us-benchmark", "--top", "0", "-o", "{out}/hoover.csv",
            *extra)  # fmt: skip


def DERIVE(f, *extra):  # noqa: N802
    return ("definitions", "derive", f"{{{f}}}", "--source", "cbp", "--level", "6", "-k", "5",
            "--algorithm", "ward", "--seed", "0", "-o", "{out}/derived.csv", *extra)  # fmt: skip


def COVER(f, *extra):  # noqa: N802
    return ("definitions", "coverage", f"{{{f}}}", "--source", "cbp", "--show", "0",
            "-o", "{out}/coverage.csv", *extra)  # fmt: skip


def _points_args(cmd, f, *extra, radii=("--radii", "500,1000,2000")):
    return ("spatial", cmd, f"{{{f}}}", "--activity-column", "actor_type", "-a", "casnos",
            "--project", "EPSG:30791", "--simulations", "9", *radii,
            "--out", f"{{out}}/{cmd}.csv", *extra)  # fmt: skip


def RIPLEY(f, *extra):  # noqa: N802
    return _points_args("ripley", f, *extra)


def MFUNC(f, *extra):  # noqa: N802
    return _points_args("mfunction", f, *extra)


_ZERO = r"zero|no employment|withheld|all"
#: --definitions/--benchmark take a bundled name or a file: neither is what it says
R_NO_DEFINITIONS = R_MISSING + r"|nor an existing file"

CASES = [
    # ---- grappe growth (CBP counties, 2018-2019) ----
    bad("growth-empty", GROWTH("empty.csv"), {"empty.csv": EMPTY}, R_EMPTY),
    bad("growth-binary-parquet", GROWTH("garbage.parquet"), {"garbage.parquet": BINARY}, R_BINARY),
    bad(
        "growth-unclosed-quote",
        GROWTH("quote.csv"),
        {"quote.csv": _unclosed_quote(TWO_YEARS, 6)},
        R_QUOTE,
    ),
    bad("growth-missing-file", GROWTH("nowhere.csv"), {}, R_MISSING, names="nowhere.csv"),
    bad(
        "growth-duplicate-keys",
        GROWTH("dups.csv"),
        {"dups.csv": csv_of(mutate(_two_years, _dup_row(40)))},
        R_DUP,
        area="plausibility",
    ),
    bad(
        "growth-all-zero",
        GROWTH("zero.csv"),
        {"zero.csv": csv_of(mutate(_two_years, _all("emp", "0")))},
        _ZERO,
        area="plausibility",
    ),
    # ---- grappe concentration (CBP counties) ----
    bad("concentration-empty", CONC("blank.csv"), {"blank.csv": BLANK}, R_EMPTY),
    bad(
        "concentration-truncated-parquet",
        CONC("cut.parquet"),
        {"cut.parquet": truncated(CBP_PARQUET, 0.3)},
        R_TRUNC,
    ),
    bad(
        "concentration-ragged",
        CONC("ragged.csv"),
        {"ragged.csv": _ragged(CBP_CSV, 9)},
        r"(row|line) 9",
    ),
    bad("concentration-directory", CONC("input.csv"), {"input.csv": DIRECTORY}, R_DIR),
    bad(
        "concentration-all-zero",
        CONC("zero.csv"),
        {"zero.csv": csv_of(mutate(cbp_csv_frame, _all("emp", "0")))},
        _ZERO,
        area="plausibility",
    ),
    bad(
        "concentration-missing-definitions",
        CONC("cbp.csv", "--definitions", "{nodefs.csv}"),
        {},
        R_NO_DEFINITIONS,
        names="nodefs.csv",
    ),
    # ---- grappe definitions derive (CBP counties, 6-digit codes) ----
    bad("derive-empty", DERIVE("empty.csv"), {"empty.csv": EMPTY}, R_EMPTY),
    bad(
        "derive-truncated-parquet",
        DERIVE("cut.parquet"),
        {"cut.parquet": truncated(CBP_PARQUET, 0.3)},
        R_TRUNC,
    ),
    bad(
        "derive-unclosed-quote",
        DERIVE("quote.csv"),
        {"quote.csv": _unclosed_quote(CBP_CSV, 6)},
        R_QUOTE,
    ),
    bad(
        "derive-duplicate-keys",
        DERIVE("dups.csv"),
        {"dups.csv": csv_of(mutate(cbp_csv_frame, _dup_row(40)))},
        R_DUP,
        area="plausibility",
    ),
    bad(
        "derive-all-zero",
        DERIVE("zero.csv"),
        {"zero.csv": csv_of(mutate(cbp_csv_frame, _all("emp", "0")))},
        _ZERO,
        area="plausibility",
    ),
    bad(
        "derive-missing-benchmark",
        DERIVE("cbp.csv", "--benchmark", "{nodefs.csv}"),
        {},
        R_NO_DEFINITIONS,
        names="nodefs.csv",
    ),
    # ---- grappe definitions coverage (CBP counties) ----
    bad("coverage-binary-csv", COVER("garbage.csv"), {"garbage.csv": BINARY}, R_BINARY),
    bad("coverage-missing-file", COVER("nowhere.parquet"), {}, R_MISSING, names="nowhere.parquet"),
    bad(
        "coverage-missing-column",
        COVER("noemp.csv"),
        {"noemp.csv": csv_of(mutate(cbp_csv_frame, _drop("emp")))},
        r"emp",
    ),
    bad(
        "coverage-empty-definitions",
        COVER("cbp.csv", "--definitions", "{defs15.csv}"),
        {"defs15.csv": EMPTY},
        R_EMPTY,
        names="defs15.csv",
    ),
    # ---- grappe spatial ripley / mfunction (Algiers) ----
    bad("ripley-empty", RIPLEY("empty.csv"), {"empty.csv": EMPTY}, R_EMPTY),
    bad(
        "ripley-truncated-parquet",
        RIPLEY("cut.parquet"),
        {"cut.parquet": truncated(parquet_of(points_frame), 0.6)},
        R_TRUNC,
    ),
    bad(
        "ripley-non-numeric-lat",
        RIPLEY("text.csv"),
        {"text.csv": csv_of(mutate(points_frame, _set("lat", 3, "36,7x")))},
        r"(row|line) 5.*lat|lat.*(row|line) 5",
    ),
    bad(
        "ripley-identical-points",
        RIPLEY("same.csv"),
        {"same.csv": csv_of(mutate(points_frame, lambda d: d.assign(lat="36.7538", lon="3.0588")))},
        r"identical|same (place|location|point)|distinct|distance|area",
        area="plausibility",
    ),
    bad("ripley-missing-file", RIPLEY("nowhere.csv"), {}, R_MISSING, names="nowhere.csv"),
    bad(
        "mfunction-identical-points-default-radii",
        _points_args("mfunction", "same.csv", radii=()),
        {"same.csv": csv_of(mutate(points_frame, lambda d: d.assign(lat="36.7538", lon="3.0588")))},
        r"one place|--radii",
        area="plausibility",
    ),
    bad("mfunction-binary-csv", MFUNC("garbage.csv"), {"garbage.csv": BINARY}, R_BINARY),
    bad(
        "mfunction-unclosed-quote",
        MFUNC("quote.csv"),
        {"quote.csv": _unclosed_quote(POINTS, 7)},
        R_QUOTE,
    ),
    bad(
        "mfunction-missing-column",
        MFUNC("nolon.csv"),
        {"nolon.csv": csv_of(mutate(points_frame, _drop("lon")))},
        r"lon",
    ),
    bad(
        "mfunction-missing-weight-column",
        MFUNC("points.csv", "--weighted", "--weight-column", "staff"),
        {},
        r"staff",
        names="points.csv",
    ),
    bad(
        "mfunction-duplicate-ids",
        MFUNC("ids.csv", "--id-column", "id"),
        {"ids.csv": csv_of(mutate(points_frame, lambda d: d.assign(id=["p1"] * len(d))))},
        R_DUP,
    ),
    # a chart in a format matplotlib cannot write: refused before any work, nothing written
    bad(
        "ripley-plot-docx",
        RIPLEY("points.csv", "--plot", "{out}/k.docx"),
        {},
        r"cannot be saved as 'docx'",
        area="writer",
        names="k.docx",
    ),
    bad(
        "mfunction-plot-docx",
        MFUNC("points.csv", "--plot", "{out}/m.docx"),
        {},
        r"cannot be saved as 'docx'",
        area="writer",
        names="m.docx",
    ),
]
