"""Issue 15's done-when cases, from the command line on real data (no Python for the user).

* Eurostat employment by NUTS-2 region × NACE section group (``lfst_r_lfe2en2``, no
  establishment counts), mapped with the user definitions shipped in
  ``docs/examples/nace_section_clusters.csv``: the regions known to be specialised come out
  strong (before the fix every strong test failed: 0 strong clusters in all 8 years).
* Morocco's HCP census of establishments by province and sector (firm counts, no employment),
  mapped with ``--measure establishments``.
* Two real metros (Seattle, Portland) built from the counties of a small CBP extract, ranked
  against the counties they come from (``--regions-ranking base``) or among themselves.

Both files are read as published: Eurostat's with ``--source eurostat --where age=Y_GE15``, the
HCP's with ``--where level=province``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from grappe.cli.main import app
from grappe.io import bundled_cbp_state_path

runner = CliRunner()
DOCS_EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

#: Regions known to be specialised, with the reason (checked in the data: each is strong in
#: every year 2010–2015, the years of one NUTS vintage; the codes of 2008–2009 differ for
#: Greece and London).
KNOWN_SPECIALISATIONS = [
    # agriculture: the EU's most agricultural regions are Romanian, Polish and Greek
    # (Eurostat, *Agriculture, forestry and fishery statistics*, 2016 edition, ch. 1;
    # *Eurostat regional yearbook 2016*, ch. "Labour market": agriculture > 30 % of jobs)
    ("RO21", "agri"),  # Nord-Est (Romania): 40 % of its jobs in agriculture
    ("PL31", "agri"),  # Lubelskie (Poland)
    ("EL51", "agri"),  # Anatoliki Makedonia, Thraki (Greece)
    ("EL61", "agri"),  # Thessalia (Greece), the plain of Larissa
    # industry B-E: Baden-Württemberg's car and machinery industry (Daimler, Porsche, Bosch in
    # Stuttgart) and Czech regions with the EU's highest manufacturing shares (regional yearbook)
    ("DE11", "industry"),  # Stuttgart
    ("DE14", "industry"),  # Tübingen
    ("CZ05", "industry"),  # Severovýchod
    ("CZ07", "industry"),  # Střední Morava
    # finance K: Luxembourg's and the City of London's financial centres
    ("LU00", "finance"),  # Luxembourg
    ("UKI3", "finance"),  # Inner London – West (the City of London, NUTS 2013)
    # ICT J: the capital regions of France and Sweden (Eurostat, "ICT sector" statistics)
    ("FR10", "ict"),  # Île-de-France
    ("SE11", "ict"),  # Stockholm
]


@pytest.fixture(scope="module")
def eurostat_csv(shared_data):
    return next((shared_data / "eu_nuts2_employment_nace").glob("*.csv.gz"))


# the preset keeps NUTS level 2 (the finest), leaves out NRP and the EU aggregates, drops the
# suppressed cells (":"); --where keeps one age group (the file repeats every key per group)
EUROSTAT_OPTIONS = [
    "--source",
    "eurostat",
    "--where",
    "age=Y_GE15",
    "--definitions",
    str(DOCS_EXAMPLES / "nace_section_clusters.csv"),
]


@pytest.fixture(scope="module")
def eurostat_map(eurostat_csv, tmp_path_factory):
    out = tmp_path_factory.mktemp("eurostat_map") / "nuts2.csv"
    result = runner.invoke(app, ["map", str(eurostat_csv), *EUROSTAT_OPTIONS, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return result.output, pd.read_csv(out)


def test_eurostat_without_establishments_flags_known_specialisations(eurostat_map):
    output, ind = eurostat_map
    assert (
        "Notice: the table has no establishment counts; strong clusters use the LQ and "
        "employment criteria only." in " ".join(output.split())
    )
    assert "ranked by employment" in output
    # thousands as published, named in the summary (one decimal kept)
    assert "Counts are in THS (thousands)" in output and "Jobs (THS)" in output
    strong_per_year = ind.groupby("year")["strong"].sum()
    assert (strong_per_year > 300).all(), strong_per_year  # was 0 in every year
    recent = ind[ind["year"] >= 2010].set_index(["region", "cluster", "year"])["strong"]
    for region, cluster in KNOWN_SPECIALISATIONS:
        assert recent.loc[(region, cluster)].all(), (region, cluster)
    # and not where they are not specialised
    for region, cluster in [("FR10", "agri"), ("RO21", "finance"), ("LU00", "industry")]:
        assert not recent.loc[(region, cluster)].any(), (region, cluster)


def test_eurostat_stars_go_to_traded_clusters(eurostat_map):
    _, ind = eurostat_map
    assert not ind.loc[ind["cluster_type"] == "local", "stars"].any()
    assert ind.loc[ind["cluster_type"] == "traded", "star_focus"].sum() > 0


@pytest.fixture(scope="module")
def hcp_csv(shared_data):
    return shared_data / "ma_hcp_census_regional" / "establishments_2024_by_sector.csv"


HCP_OPTIONS = [
    word
    for pair in [
        ("--where", "level=province"),  # the file also holds the country and the 12 regions
        ("--column", "code=region"),
        ("--column", "name_fr=region_name"),
        ("--column", "sector=industry"),
        ("--region-type", "province"),
        ("--definitions", str(DOCS_EXAMPLES / "hcp_sector_clusters.csv")),
    ]
    for word in pair
]


def test_hcp_establishments_mapped_by_their_counts(hcp_csv, tmp_path):
    out = tmp_path / "provinces.csv"
    result = runner.invoke(
        app, ["map", str(hcp_csv), *HCP_OPTIONS, "--measure", "establishments", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Strong traded clusters by establishments, 2024" in result.output
    assert "Establishments" in result.output and "ranked by establishments" in result.output
    assert "Notice" not in result.output
    ind = pd.read_csv(out, dtype={"region": str}).set_index(["region_name", "cluster"])
    assert len(ind) == 75 * 4 and ind["employment"].isna().all()
    # Fès: Morocco's crafts capital (leather, textiles: industry establishments); Rabat, the
    # capital (administration and services); Agadir, the first seaside-tourism province
    for known in [("Fès", "industry"), ("Rabat", "services"), ("Agadir-Ida-Ou-Tanane", "services")]:
        assert ind.loc[known, "strong"], known
    assert not ind.loc[("Rabat", "industry"), "strong"]
    # the same rules as for employment, on the establishments: LQ against Morocco's 75 provinces
    fes = ind.loc[("Fès", "industry")]
    assert fes["lq_total"] == pytest.approx(
        fes["national_share"]
        / (ind.loc["Fès", "establishments"].sum() / ind["establishments"].sum())
    )


def test_star_local_gives_local_clusters_stars(hcp_csv, tmp_path):
    counts = {}
    for flag in ([], ["--star-local"]):
        out = tmp_path / f"stars{len(flag)}.csv"
        args = ["map", str(hcp_csv), *HCP_OPTIONS, "--measure", "establishments", *flag]
        result = runner.invoke(app, [*args, "--summary-regions", "0", "-o", str(out)])
        assert result.exit_code == 0, result.output
        ind = pd.read_csv(out)
        counts[bool(flag)] = int(ind.loc[ind["cluster_type"] == "local", "stars"].sum())
    assert counts[False] == 0 and counts[True] > 0


def test_measure_errors_exit_with_the_option_named(hcp_csv, eurostat_csv):
    result = runner.invoke(app, ["map", str(hcp_csv), *HCP_OPTIONS, "--measure", "firms"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "--measure" in result.output
    assert "'employment', 'establishments', 'payroll'" in result.output
    # HCP counts establishments only: mapping its jobs or payroll is refused on reading
    result = runner.invoke(app, ["map", str(hcp_csv), *HCP_OPTIONS])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "required column 'employment' is missing" in said
    assert "or map the table by its establishments with --measure establishments." in said
    result = runner.invoke(
        app,
        [
            "map",
            str(eurostat_csv),
            *EUROSTAT_OPTIONS,
            "--measure",
            "establishments",
            "--years",
            "2015",
        ],
    )
    assert result.exit_code == 1
    assert "required column 'establishments' is missing" in " ".join(result.output.split())


def test_measure_the_file_maps_but_leaves_empty_is_refused(tmp_path):
    path = tmp_path / "empty_estab.csv"
    path.write_text("region,industry,year,employment,establishments\nA,x,2020,5,\nB,x,2020,3,\n")
    defs = tmp_path / "d.csv"
    defs.write_text("code,cluster\nx,1\n")
    result = runner.invoke(
        app, ["map", str(path), "--definitions", str(defs), "--measure", "establishments"]
    )
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "empty_estab.csv" in text and "has no establishments" in text
    assert "--column <column>=establishments, or choose another count: --measure employment" in text


# --- two metros ranked against their counties --------------------------------------------------

METROS = {
    "seattle": ("Seattle-Tacoma-Bellevue", ["53033", "53053", "53061"]),
    "portland": (
        "Portland-Vancouver-Hillsboro",
        ["41005", "41009", "41051", "41067", "41071", "53011", "53059"],
    ),
}


@pytest.fixture(scope="module")
def metros_csv(tmp_path_factory):
    rows = [(code, name, m) for code, (name, members) in METROS.items() for m in members]
    path = tmp_path_factory.mktemp("metros") / "metros.csv"
    pd.DataFrame(rows, columns=["region", "name", "member"]).to_csv(path, index=False)
    return path


def map_metros(fixtures, metros_csv, out, *extra):
    counties = fixtures / "cbp_wa_or" / "cbp_county_wa_or_2019.parquet"
    args = [
        "map",
        str(counties),
        "--source",
        "cbp",
        "--withheld",
        "keep_zero",
        "--reference",
        str(bundled_cbp_state_path()),
        "--years",
        "2019",
        "--regions",
        str(metros_csv),
        "--summary-regions",
        "0",
        "-o",
        str(out),
        *extra,
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    ind = pd.read_csv(out, dtype={"region": str})
    metros = ind[ind["region"].isin(list(METROS))]
    return result.output, metros.set_index(["region", "cluster_name"])


def test_two_metros_ranked_against_their_counties(fixtures, metros_csv, tmp_path):
    output, metros = map_metros(fixtures, metros_csv, tmp_path / "base.csv")
    assert "ranked among themselves" not in output
    # Seattle: Boeing, Microsoft and Amazon, the North Pacific fishing fleet, the ports;
    # Portland: Nike (Beaverton) and Adidas America (footwear), Intel (Hillsboro)
    for metro, cluster in [
        ("seattle", "Aerospace Vehicles and Defense"),
        ("seattle", "Information Technology and Analytical Instruments"),
        ("seattle", "Fishing and Fishing Products"),
        ("portland", "Footwear"),
        ("portland", "Information Technology and Analytical Instruments"),
    ]:
        assert metros.loc[(metro, cluster), "strong"], (metro, cluster)
    # ranked against 75 counties: ranks spread over 0-100, not over two values
    assert metros["lq_pct"].between(0, 100).all()
    assert metros["lq_pct"].nunique() > 10


def test_two_metros_ranked_among_themselves_warn(fixtures, metros_csv, tmp_path):
    output, metros = map_metros(
        fixtures, metros_csv, tmp_path / "own.csv", "--regions-ranking", "own"
    )
    text = " ".join(output.split())
    assert "Warning:" in text and "ranked among themselves" in text
    assert "--regions-ranking base" in text
    # among two metros "strong" means "above the other one": Portland's IT cluster (Intel),
    # strong against the counties, is not, because Seattle's LQ is higher
    it = "Information Technology and Analytical Instruments"
    assert not metros.loc[("portland", it), "strong"]
    assert metros.loc[("seattle", it), "strong"]
    assert set(metros["lq_pct"].dropna()) <= {50.0, 100.0}


def test_regions_ranking_error(fixtures, metros_csv, tmp_path):
    counties = fixtures / "cbp_wa_or" / "cbp_county_wa_or_2019.parquet"
    result = runner.invoke(
        app,
        [
            "map",
            str(counties),
            "--source",
            "cbp",
            "--regions",
            str(metros_csv),
            "--regions-ranking",
            "self",
        ],
    )
    assert result.exit_code == 1
    assert "Error:" in result.output and "--regions-ranking" in result.output


def test_growth_concentration_and_coverage_read_eurostat_with_where(eurostat_csv, tmp_path):
    """The other commands that read a regional table take --source eurostat and --where too."""
    growth = tmp_path / "growth.csv"
    args = ["growth", str(eurostat_csv), *EUROSTAT_OPTIONS, "--start", "2010", "--end", "2015"]
    result = runner.invoke(app, [*args, "-o", str(growth)])
    assert result.exit_code == 0, result.output
    assert "(counts in THS, as published)" in " ".join(result.output.split())
    rows = pd.read_csv(growth).set_index(["region", "cluster"])
    assert rows.loc[("RO21", "agri"), "employment_start"] > 500  # thousands, as published
    result = runner.invoke(
        app,
        ["concentration", str(eurostat_csv), *EUROSTAT_OPTIONS, "--index", "hoover",
         "--year", "2015", "-o", str(tmp_path / "hoover.csv")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    hoover = pd.read_csv(tmp_path / "hoover.csv").set_index("unit")["hoover"]
    assert hoover.idxmax() == "agri"  # farming is the most unevenly spread section
    result = runner.invoke(
        app,
        ["definitions", "coverage", str(eurostat_csv), *EUROSTAT_OPTIONS[:4], "--definitions",
         EUROSTAT_OPTIONS[5]],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app,
        ["related", "FR10", "--input", str(eurostat_csv), *EUROSTAT_OPTIONS, "--year", "2015",
         "--format", "csv"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "agri" in result.stdout and "finance" not in result.stdout  # not where it is specialised
    bad = runner.invoke(app, ["growth", str(eurostat_csv), "--source", "eurostat", "--where",
                              "age", "--start", "2010", "--end", "2015"])  # fmt: skip
    assert bad.exit_code == 1
    assert "The '--where' parameter of grappe growth must be COLUMN=VALUE" in bad.output
