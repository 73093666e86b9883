"""A cluster's internationalisation (grappe.roadmap.internationalisation) and the markets of
member figures (grappe.roadmap.markets): hand-computed cases, the Biskra dates cluster of seed
000 (tests/fixtures/roadmap/biskra_*.csv, illustrative; the markets are invented, see its
PROVENANCE.md), and every error path."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.i18n import translate
from grappe.io.member_records import read_records
from grappe.network.model import build_network
from grappe.roadmap.internationalisation import cluster_internationalisation
from grappe.roadmap.markets import Market, format_markets, parse_markets
from grappe.roadmap.records import check_records

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roadmap"
BISKRA = {
    kind: FIXTURES / f"biskra_{kind}.csv" for kind in ("events", "figures", "activities", "ties")
}


def _join(actor, date="2023-01-01"):
    return {"actor": actor, "kind": "join", "date": date}


def biskra_network(records):
    """The fixture's actors and ties as a network; the members are the actors that joined. The
    levels are assumed: every actor local but the Algerian-German cooperation, international."""
    actors = pd.read_csv(FIXTURES / "biskra_actors.csv")
    joined = {e["actor"] for e in records.events if e["kind"] == "join"}
    actors["level"] = ["international" if a == "coop-dz-de" else "local" for a in actors["id"]]
    actors["member"] = actors["id"].isin(joined)
    ties = pd.read_csv(FIXTURES / "biskra_ties.csv")[["source", "target", "type"]]
    return build_network(actors, ties, directed=False)


def test_biskra_internationalisation_by_hand():
    records = read_records(BISKRA)
    typed = [{"kpi": "exports", "period": "2024", "value": 435_000_000, "target": 500_000_000}]
    res = cluster_internationalisation(
        records,
        period="2024",
        previous="2023",
        cluster="biskra-dates",
        typed_kpis=typed,
        network=biskra_network(records),
    )
    assert res.members == 17
    assert [(e.actor, e.exports) for e in res.exporters] == [
        ("export-01", 190e6),
        ("pack-01", 150e6),
        ("pack-02", 95e6),
    ]
    assert res.exporters[0].share == pytest.approx(190 / 435)
    # every other member with a 2024 figure gives no exports; grower-03 left, 17 have figures
    assert len(res.not_exporting) == 14 and res.unknown == ()
    # hand-computed: FR 0.6*150 + 0.5*95 + 0.4*190 = 213.5 M; AE 0.5*95 + 0.3*190 = 104.5 M
    by_country = {m.country: m for m in res.markets}
    assert [m.country for m in res.markets] == ["FR", "AE", "ES", "BE", "CA"]
    assert by_country["FR"].exports == pytest.approx(213.5e6)
    assert by_country["FR"].members == ("export-01", "pack-01", "pack-02")
    assert by_country["AE"].exports == pytest.approx(104.5e6)
    assert by_country["FR"].share == pytest.approx(213.5 / 435)
    assert res.unplaced == pytest.approx(0.0, abs=1e-6)
    kpi = res.exports_kpi
    assert (kpi.value, kpi.source, kpi.previous, kpi.unit) == (435e6, "records", 350e6, "DZD")
    assert kpi.attainment == pytest.approx(0.87) and not kpi.disagrees
    # 10 linked pairs, two cross the boundary, both to the international cooperation
    pipes = res.pipelines
    assert (pipes.internal_ties, pipes.external_ties) == (8, 2)
    assert pipes.external_share == pytest.approx(0.2)
    assert [p.actor for p in pipes.actors] == ["chamber-agri", "farm-03"]
    assert pipes.actors[0].partners == ("coop-dz-de",)
    assert dict(pipes.where) == {"international": 1}
    topics = [s.topic for s in res.statements]
    assert topics.count("pipelines") == 1 and "markets" in topics
    assert any("No products" in m for m in res.missing)  # no concordance given: said
    assert str(res.statements[0].text) == "3 of the 17 members exported in 2024."
    rows = res.to_records(kind="markets")
    assert rows[0] == {
        "country": "FR",
        "members": 3,
        "exports": pytest.approx(213.5e6),
        "share": pytest.approx(213.5 / 435),
        "without_share": 0,
    }


def test_biskra_2023_unknown_share_is_not_zero():
    """pack-02 exports to France in 2023 without a share: France's value is the known part."""
    res = cluster_internationalisation(read_records(BISKRA), period="2023")
    france = next(m for m in res.markets if m.country == "FR")
    assert france.exports == pytest.approx(0.7 * 120e6 + 0.6 * 150e6)
    assert france.without_share == 1
    assert res.unplaced == pytest.approx(80e6)
    assert res.pipelines is None
    assert any("network" in m for m in res.missing)


def test_quarters_merge_markets_by_value():
    records = check_records(
        [_join("a")],
        [
            {"actor": "a", "period": "2024-Q1", "exports": 100, "currency": "EUR",
             "markets": "FR:50;DE:50"},
            {"actor": "a", "period": "2024-Q2", "exports": 300, "currency": "EUR",
             "markets": "DE:100"},
        ],
    )  # fmt: skip
    res = cluster_internationalisation(records, period="2024")
    (exporter,) = res.exporters
    # France: 50 of 400 (Q2 places all its exports elsewhere); Germany: 350 of 400
    assert {m.country: m.share for m in exporter.markets} == {"DE": 87.5, "FR": 12.5}


def test_typed_value_used_when_records_have_none_and_disagreement_flagged():
    records = check_records([_join("a")], [{"actor": "a", "period": "2024", "jobs": 3}])
    typed = [{"kpi": "exports", "period": "2024", "value": 40, "target": 50}]
    res = cluster_internationalisation(records, period="2024", typed_kpis=typed)
    assert (res.exports_kpi.value, res.exports_kpi.source) == (40, "typed")
    assert res.exports_kpi.attainment == pytest.approx(0.8)
    assert res.total_exports is None and res.exporters == ()
    records = check_records(
        [_join("a")], [{"actor": "a", "period": "2024", "exports": 30, "currency": "EUR"}]
    )
    res = cluster_internationalisation(records, period="2024", typed_kpis=typed)
    assert res.exports_kpi.disagrees and res.exports_kpi.value == 30


def test_member_without_figure_is_unknown_not_non_exporter():
    records = check_records([_join("a"), _join("b")], [{"actor": "a", "period": "2024"}])
    res = cluster_internationalisation(records, period="2024")
    assert res.not_exporting == ("a",) and res.unknown == ("b",)
    assert any("1 members have no figure" in m for m in res.missing)


def test_opportunities_and_advantages_in_the_cluster_products():
    records = check_records([_join("a")])
    opportunities = [
        {"product": "Sugar", "code": "1701", "names": {"en": "Cane or beet sugar"},
         "density": 0.3, "pci": -0.5, "cog": 0.1, "score": 0.7, "rank": 2},
        {"product": "Cars", "code": "8703", "rank": 1},
        {"product": "Dates?", "code": 804, "rank": 5},  # an int code is zero-padded
    ]  # fmt: skip
    advantages = [{"product": "TropicalFruits", "code": "0804", "rca": 7.4, "share": 0.001}]
    res = cluster_internationalisation(
        records,
        period="2024",
        country="DZA",
        cluster_products=["0804", "1701", "2009"],
        opportunities=opportunities,
        advantages=advantages,
    )
    assert [(p.code, p.rank) for p in res.opportunities] == [("1701", 2), ("0804", 5)]
    assert res.advantages[0].rca == 7.4
    text = {s.topic: str(s.text) for s in res.statements}
    assert text["opportunities"] == (
        "2 of Algeria's export opportunities fall in the cluster's industries."
    )
    # the country named in the reader's language (grappe.i18n.Country), never by its code
    said = {s.topic: s.text for s in res.statements}
    assert translate(said["advantages"], "fr").startswith("Algérie ")
    assert "الجزائر" in translate(said["opportunities"], "ar")
    assert res.to_records(kind="opportunities")[0]["name"] == "Cane or beet sugar"


def test_statements_translate():
    records = check_records([_join("a")], [{"actor": "a", "period": "2024", "exports": 1,
                                            "currency": "EUR", "markets": "FR"}])  # fmt: skip
    res = cluster_internationalisation(records, period="2024")
    assert all(translate(s.text, "fr") for s in res.statements)


def test_markets_parse_and_format():
    markets, problems = parse_markets([{"country": "fr", "share": "40%"}, "ae", Market("DE")])
    assert markets == (Market("FR", 40.0), Market("AE"), Market("DE")) and problems == []
    assert format_markets(markets) == "FR:40;AE;DE"
    assert parse_markets(None) == ((), []) and parse_markets(float("nan")) == ((), [])


@pytest.mark.parametrize(
    ("cell", "match"),
    [
        ("XX:40", "Unknown country code 'XX'"),
        ("EU", "Unknown country code 'EU'"),
        ("FR:abc", "share of FR must be a percent"),
        ("FR:140", "share of FR must be a percent"),
        ("FR:40;fr:10", "market FR is given twice"),
        ("FR:70;DE:40", "add up to 110 %"),
    ],
)
def test_bad_markets_name_file_row_and_column(cell, match):
    with pytest.raises(DataValidationError, match=match) as err:
        check_records(
            [_join("a")],
            [{"actor": "a", "period": "2024", "exports": 1, "currency": "EUR", "markets": cell}],
            sources={"figures": "figures.csv"},
        )
    assert "figures.csv, row 2, column 'markets'" in str(err.value)


def test_bad_markets_file(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("actor,kind,date\na,join,2023-01-01\n")
    figures = tmp_path / "figures.csv"
    figures.write_text("actor,period,exports,currency,markets\na,2024,5,EUR,FR\na,2023,5,EUR,ZZ\n")
    with pytest.raises(DataValidationError, match=r"figures.csv, row 3, column 'markets'.*'ZZ'"):
        read_records({"events": events, "figures": figures})


def test_bad_parameters():
    records = check_records([_join("a")])
    with pytest.raises(InvalidParameterError, match="period"):
        cluster_internationalisation(records, period="someday")
    res = cluster_internationalisation(records, period="2024")
    with pytest.raises(InvalidParameterError, match="'kind' parameter of to_records"):
        res.to_records(kind="everything")
