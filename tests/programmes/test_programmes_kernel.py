"""grappe.programmes: the schema parser, eligibility, the label rule, the calendar, candidates.

Hand cases: each expected value is worked out in the comment next to it.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.errors import DataValidationError, InvalidParameterError
from grappe.programmes import (
    PROGRAMME_METRICS,
    Criterion,
    Fact,
    LabelState,
    ProgrammeCriterion,
    check_eligibility,
    decide_label,
    evaluation_dates,
    metric,
    programme_from_dict,
    programme_to_dict,
    statistical_candidates,
)
from grappe.vocabulary import LABEL_ACTIONS, LABEL_STATUSES, STANDARD_KPIS

NAMES = {"fr": "Réseau", "ar": "شبكة", "en": "Network"}

#: A Kompetenznetze-like rule: eligibility, one label, evaluated every 24 months, suspended at
#: the first failure and withdrawn at the second.
NETWORK = {
    "key": "network",
    "names": NAMES,
    "eligibility": [
        "members >= 20",
        {
            "metric": "research_bodies",
            "op": ">=",
            "threshold": 2,
            "assumed": True,
            "note": "to adjust to the call's text",
        },
    ],  # fmt: skip
    "evaluation": {"every_months": 24, "on_fail": ["suspend", "withdraw"]},
}

#: Management excellence in three levels.
TIERS = {
    "key": "tiers",
    "names": NAMES,
    "eligibility": ["members >= 15"],
    "levels": [
        {"key": "gold", "rank": 3, "names": {"en": "Gold"}, "criteria": ["management_fte >= 4"]},
        {"key": "bronze", "rank": 1, "names": {"en": "Bronze"}, "criteria": []},
        {
            "key": "silver",
            "rank": 2,
            "names": {"en": "Silver"},
            "criteria": ["management_fte >= 2"],
        },
    ],  # fmt: skip
    "evaluation": {"every_months": 24, "on_fail": ["keep", "suspend", "withdraw"]},
}


# ------------------------------------------------------------------------------------ metrics
def test_metrics_are_unique_and_cover_the_standard_kpis():
    names = [m.name for m in PROGRAMME_METRICS]
    assert len(names) == len(set(names))
    assert set(STANDARD_KPIS) <= set(names)
    assert metric("member_types").unit == "count"
    assert metric("turnover") is None


def test_label_actions_are_the_contract_s():
    assert set(LABEL_ACTIONS) == {
        "award", "keep", "raise", "lower", "suspend", "withdraw", "reinstate", "refuse",
        "expire",
    }  # fmt: skip


# ------------------------------------------------------------------------------------- parser
def test_parser_reads_criteria_levels_and_provenance():
    p = programme_from_dict(TIERS)
    assert [lv.key for lv in p.levels] == ["bronze", "silver", "gold"]  # sorted by rank
    assert p.level("silver").criteria == (ProgrammeCriterion("management_fte", ">=", 2.0),)
    assert isinstance(p.eligibility[0], Criterion)
    q = programme_from_dict(NETWORK)
    assert q.eligibility[1].assumed is True
    assert q.eligibility[1].note == "to adjust to the call's text"
    assert q.evaluation.every_months == 24
    assert q.evaluation.on_fail == ("suspend", "withdraw")
    assert q.name("ar") == "شبكة"
    assert programme_from_dict({"key": "k", "names": {"fr": "K fr"}}).name("ar") == "K fr"


@pytest.mark.parametrize("data", [NETWORK, TIERS])
def test_to_dict_round_trips(data):
    p = programme_from_dict(data)
    assert programme_from_dict(programme_to_dict(p)) == p


def test_to_dict_keeps_precise_thresholds():
    p = programme_from_dict({"key": "k", "names": NAMES, "eligibility": ["lq >= 1.2345678901"]})
    assert programme_from_dict(programme_to_dict(p)).eligibility[0].threshold == 1.2345678901


def test_a_user_declared_metric_may_be_named():
    data = {"key": "k", "names": NAMES, "metrics": [{"name": "patents", "unit": "count"}],
            "eligibility": ["patents >= 3"]}  # fmt: skip
    p = programme_from_dict(data)
    assert p.metrics[0].name == "patents"
    assert check_eligibility(p, {"patents": 3}).eligible


def _issue(data, match, file="p.yaml"):
    with pytest.raises(DataValidationError, match=match) as info:
        programme_from_dict(data, file=file)
    assert info.value.file == file
    return info.value


@pytest.mark.parametrize(
    ("change", "match", "column"),
    [
        ({"key": None}, r"The programme has no 'key'\. Fix: Add 'key:'", "key"),
        ({"names": None}, r"The programme has no 'names'", "names"),
        ({"key": "Bad Key"}, r"key is 'Bad Key', not a key", "key"),
        ({"names": "Network"}, r"names is not a mapping of languages", "names"),
        ({"names": {"de": "Netz"}}, r"names has the language 'de'", "names.de"),
        ({"country": "Germany"}, r"country is 'Germany', not a two-letter", "country"),
        ({"eligibilty": []}, r"has the unknown key 'eligibilty'", "eligibilty"),
        ({"eligibility": ["members >= many"]}, r"is not 'metric op number'", "eligibility[0]"),
        ({"eligibility": ["members => 20"]}, r"is not 'metric op number'", "eligibility[0]"),
        ({"eligibility": ["member >= 20"]}, r"unknown metric 'member'.*Did you mean 'members'",
         "eligibility[0]"),
        ({"eligibility": [{"metric": "members", "op": ">=", "threshold": 2, "assumed": "yes"}]},
         r"assumed is 'yes', not true or false", "eligibility[0].assumed"),
        ({"eligibility": "members >= 20"}, r"eligibility is not a list of criteria",
         "eligibility"),
        ({"statistical": ["members >= 20"]}, r"unknown metric 'members'", "statistical[0]"),
        ({"sources": [{"url": "https://x"}]}, r"sources\[0\] has no title", "sources[0].title"),
        ({"metrics": [{"name": "lq"}]}, r"declares 'lq', a metric grappe already defines",
         "metrics[0].name"),
        ({"admission": ["call"]}, r"admission\[0\] is not a mapping", "admission[0]"),
        ({"levels": [{"key": "a", "rank": 0, "names": NAMES}]}, r"rank is 0, not a whole",
         "levels[0].rank"),
        ({"levels": [{"key": "a", "names": NAMES, "validity_years": -1}]},
         r"validity_years is -1, not a number of years", "levels[0].validity_years"),
        ({"levels": [{"key": "a", "rank": 1, "names": NAMES},
                     {"key": "a", "rank": 2, "names": NAMES}]},
         r"Two levels have the key 'a'", "levels[1].key"),
        ({"evaluation": {"every_months": 0}}, r"every_months is 0, not a whole number",
         "evaluation.every_months"),
        ({"evaluation": {"on_fail": ["suspend", "delete"]}},
         r"on_fail has the actions \['delete'\]", "evaluation.on_fail"),
        ({"indicators": ["jobs", "job_count"]}, r"indicators names the unknown metric 'job_count'",
         "indicators[1]"),
        ({"funding": [38000]}, r"funding is not a mapping", "funding"),
    ],
)  # fmt: skip
def test_parser_errors_name_file_key_path_and_fix(change, match, column):
    data = {**NETWORK, **change}
    data = {k: v for k, v in data.items() if v is not None}
    error = _issue(data, match)
    assert column in [issue.column for issue in error.issues]
    assert all(issue.fix for issue in error.issues)


def test_parser_reports_every_problem_at_once():
    error = _issue({**NETWORK, "eligibility": ["member >= 20", "lq >> 1"]}, r"member")
    assert [i.column for i in error.issues] == ["eligibility[0]", "eligibility[1]"]


def test_parser_refuses_a_non_mapping():
    with pytest.raises(DataValidationError, match=r"The programme is not a mapping"):
        programme_from_dict(["key", "names"], file="p.yaml")


def test_parser_errors_translate():
    from grappe.i18n import issue_text

    error = _issue({**NETWORK, "eligibility": ["member >= 20"]}, r"unknown metric")
    assert "member" in issue_text(error.issues[0], "fr")


# -------------------------------------------------------------------------------- eligibility
@pytest.mark.parametrize(
    ("members", "bodies", "eligible"),
    [(20, 2, True), (19, 2, False), (20, 1, False), (19.999, 2, False), (250, 30, True)],
)
def test_eligibility_at_the_boundary(members, bodies, eligible):
    facts = {"members": members, "research_bodies": bodies}
    check = check_eligibility(programme_from_dict(NETWORK), facts)
    assert check.eligible is eligible
    assert len(check.reasons) == (0 if eligible else 1)


def test_eligibility_keeps_values_and_sources():
    facts = {"members": Fact("members", 25, "members"), "research_bodies": 1}
    check = check_eligibility(programme_from_dict(NETWORK), facts)
    assert [(r.value, r.ok, r.source) for r in check.results] == [
        (25.0, True, "members"),
        (1.0, False, "typed"),
    ]
    assert check.reasons == ("research_bodies = 1 does not meet research_bodies >= 2",)
    assert check.programme == "network"


@pytest.mark.parametrize("missing", [None, math.nan, Fact("members", None, "kpi:2024")])
def test_a_missing_fact_is_not_eligible_with_the_reason(missing):
    check = check_eligibility(programme_from_dict(NETWORK), {"members": missing,
                                                             "research_bodies": 3})  # fmt: skip
    assert not check.eligible
    assert check.reasons == ("members is not reported, so members >= 20 cannot be checked",)
    assert check.results[0].value is None


def test_an_absent_fact_is_not_eligible():
    check = check_eligibility(programme_from_dict(NETWORK), {})
    assert len(check.reasons) == 2


def test_a_fact_that_is_not_a_number_is_refused():
    with pytest.raises(InvalidParameterError, match=r"The fact 'members' must be a number"):
        check_eligibility(programme_from_dict(NETWORK), {"members": "many"})


# ------------------------------------------------------------------------------- label rule
GOOD = {"members": 24, "research_bodies": 3}
BAD = {"members": 17, "research_bodies": 3}


def test_re_evaluation_over_three_periods_keeps_suspends_then_withdraws():
    p = programme_from_dict(NETWORK)
    award = decide_label(p, None, GOOD)
    assert (award.action, award.state) == ("award", LabelState("awarded", None, 0))
    period1 = decide_label(p, award.state, GOOD)
    assert (period1.action, period1.state) == ("keep", LabelState("renewed", None, 0))
    period2 = decide_label(p, period1.state, BAD)
    assert (period2.action, period2.state) == ("suspend", LabelState("suspended", None, 1))
    assert "members = 17 does not meet members >= 20" in period2.reasons
    period3 = decide_label(p, period2.state, BAD)
    assert (period3.action, period3.state) == ("withdraw", LabelState("withdrawn", None, 2))
    assert "members = 17 does not meet members >= 20" in period3.reasons
    assert period3.previous == period2.state


def test_a_suspended_label_meeting_the_criteria_again_is_reinstated():
    p = programme_from_dict(NETWORK)
    decision = decide_label(p, LabelState("suspended", None, 1), GOOD)
    assert (decision.action, decision.state) == ("reinstate", LabelState("renewed", None, 0))


def test_an_application_is_refused_with_the_failing_criteria():
    p = programme_from_dict(NETWORK)
    decision = decide_label(p, LabelState("applied"), BAD)
    assert decision.action == "refuse"
    assert decision.state == LabelState("refused", None, 0)
    assert decision.reasons == ("members = 17 does not meet members >= 20",)
    assert decide_label(p, LabelState("withdrawn", None, 2), GOOD).action == "award"


def test_an_empty_on_fail_withdraws_at_the_first_failure():
    p = programme_from_dict({**NETWORK, "evaluation": {"every_months": 12}})
    assert decide_label(p, LabelState("renewed"), BAD).action == "withdraw"


def test_levels_are_awarded_raised_lowered_and_kept_in_grace():
    p = programme_from_dict(TIERS)
    assert decide_label(p, None, {"members": 15, "management_fte": 2}).state.level == "silver"
    assert decide_label(p, None, {"members": 15, "management_fte": 1.9}).state.level == "bronze"
    raised = decide_label(p, LabelState("awarded", "silver"), {"members": 30, "management_fte": 4})
    assert (raised.action, raised.state.level) == ("raise", "gold")
    lowered = decide_label(p, LabelState("renewed", "gold"), {"members": 30, "management_fte": 3})
    assert (lowered.action, lowered.state.level) == ("lower", "silver")
    assert "management_fte = 3 does not meet management_fte >= 4" in lowered.reasons
    # eligibility lost: no level is met; the rule keeps the label once, then suspends
    grace = decide_label(p, LabelState("renewed", "gold"), {"members": 14, "management_fte": 5})
    assert (grace.action, grace.state) == ("keep", LabelState("renewed", "gold", 1))
    assert "members = 14 does not meet members >= 15" in grace.reasons
    second = decide_label(p, grace.state, {"members": 14, "management_fte": 5})
    assert (second.action, second.state) == ("suspend", LabelState("suspended", "gold", 2))
    third = decide_label(p, second.state, {"members": 14, "management_fte": 5})
    assert third.state == LabelState("withdrawn", None, 3)
    # every level's criteria are judged, each tagged with its level
    assert [r.level for r in third.results] == [None, "silver", "gold"]


def test_decisions_use_the_vocabulary():
    p = programme_from_dict(TIERS)
    for previous in (None, *(LabelState(s, "bronze", 1) for s in LABEL_STATUSES)):
        for facts in ({"members": 20, "management_fte": 3}, {"members": 2}):
            decision = decide_label(p, previous, facts)
            assert decision.action in LABEL_ACTIONS
            assert decision.state.status in LABEL_STATUSES


@pytest.mark.parametrize(
    ("previous", "match"),
    [
        (LabelState("labelled"), r"previous status must be one of applied, awarded"),
        (LabelState("awarded", "platinum"), r"has no level 'platinum'; its levels are bronze"),
        (LabelState("awarded", "gold", -1), r"failures must be a whole number from 0"),
    ],
)
def test_decide_label_refuses_a_bad_previous_state(previous, match):
    with pytest.raises(InvalidParameterError, match=match):
        decide_label(programme_from_dict(TIERS), previous, {"members": 20})


# --------------------------------------------------------------------------------- calendar
def test_evaluation_dates_every_24_months_keep_the_month_end():
    p = programme_from_dict(NETWORK)
    assert evaluation_dates(p, start=dt.date(2019, 1, 31), until=dt.date(2025, 1, 31)) == (
        dt.date(2021, 1, 31),
        dt.date(2023, 1, 31),
        dt.date(2025, 1, 31),  # ``until`` is included
    )
    q = programme_from_dict({**NETWORK, "evaluation": {"every_months": 1}})
    assert evaluation_dates(q, start=dt.date(2024, 1, 31), until=dt.date(2024, 4, 30)) == (
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 31),
        dt.date(2024, 4, 30),
    )


def test_a_programme_without_calendar_has_no_dates():
    p = programme_from_dict({"key": "k", "names": NAMES})
    assert evaluation_dates(p, start=dt.date(2020, 1, 1), until=dt.date(2030, 1, 1)) == ()


def test_evaluation_dates_errors():
    p = programme_from_dict(NETWORK)
    with pytest.raises(InvalidParameterError, match=r"ends \(2019-12-31\) before it starts"):
        evaluation_dates(p, start=dt.date(2020, 1, 1), until=dt.date(2019, 12, 31))
    with pytest.raises(InvalidParameterError, match=r"'start' parameter of evaluation_dates"):
        evaluation_dates(p, start="2020-01-01", until=dt.date(2021, 1, 1))


# ------------------------------------------------------------------------------- candidates
MAP = pd.DataFrame(
    {
        "region": ["A", "A", "B", "C"],
        "cluster": ["x", "y", "x", "x"],
        "year": [2021] * 4,
        "lq": [1.5, 2.0, 1.49, math.nan],
        "employment": [500.0, 499.0, 900.0, 800.0],
        "strong": [True, True, False, True],
    }
)
STAT = {"key": "s", "names": NAMES, "statistical": ["lq >= 1.5", "employment >= 500"]}


def test_statistical_candidates_at_the_boundary():
    before = MAP.copy()
    out = statistical_candidates(programme_from_dict(STAT), MAP)
    # A×x meets both (1.5, 500); A×y lacks employment (499); B×x lacks lq; C×x has no lq
    assert out.to_dict("records") == [
        {"region": "A", "cluster": "x", "year": 2021, "lq": 1.5, "employment": 500.0}
    ]
    pd.testing.assert_frame_equal(MAP, before)


def test_statistical_candidates_count_booleans():
    p = programme_from_dict({**STAT, "statistical": ["strong >= 1"]})
    assert statistical_candidates(p, MAP)["region"].tolist() == ["A", "A", "C"]


def test_statistical_candidates_errors():
    with pytest.raises(InvalidParameterError, match=r"programme network has no statistical"):
        statistical_candidates(programme_from_dict(NETWORK), MAP)
    p = programme_from_dict({**STAT, "statistical": ["stars >= 2"]})
    with pytest.raises(DataValidationError, match=r"The map has no column 'stars'") as info:
        statistical_candidates(p, MAP, file="map.csv")
    assert (info.value.file, info.value.column) == ("map.csv", "stars")
    bad = MAP.assign(lq=["1.5", "high", "1", "2"])
    with pytest.raises(DataValidationError, match=r"'lq' holds 'high', not a number") as info:
        statistical_candidates(programme_from_dict(STAT), bad)
    assert info.value.row == 3


def test_label_valid_until_counts_the_validity_from_the_award():
    from grappe.programmes import label_valid_until

    p = programme_from_dict(TIERS)
    assert label_valid_until(p, "gold", awarded=dt.date(2024, 3, 15)) is None  # no validity
    esca = programme_from_dict({**TIERS, "levels": [
        {"key": "bronze", "names": NAMES, "validity_years": 2},
        {"key": "silver", "names": NAMES, "validity_years": 1.5}]})  # fmt: skip
    assert label_valid_until(esca, "bronze", awarded=dt.date(2024, 2, 29)) == dt.date(2026, 2, 27)
    assert label_valid_until(esca, "silver", awarded=dt.date(2024, 1, 1)) == dt.date(2025, 6, 30)
    with pytest.raises(InvalidParameterError, match=r"has no level 'gold'; its levels are"):
        label_valid_until(esca, "gold", awarded=dt.date(2024, 1, 1))
    with pytest.raises(InvalidParameterError, match=r"'awarded' parameter of label_valid_until"):
        label_valid_until(esca, "bronze", awarded="2024-01-01")


def test_evaluation_dates_accept_datetimes():
    p = programme_from_dict(NETWORK)
    got = evaluation_dates(p, start=dt.datetime(2020, 1, 1, 12), until=dt.date(2022, 1, 1))
    assert got == (dt.date(2022, 1, 1),)


LEVEL_FACTS = st.fixed_dictionaries(
    {
        "members": st.one_of(st.none(), st.floats(0, 100)),
        "management_fte": st.one_of(st.none(), st.floats(0, 10)),
    }
)


@settings(max_examples=60, deadline=None)
@given(LEVEL_FACTS, st.sampled_from(["members", "management_fte"]), st.floats(0, 50))
def test_more_of_a_metric_never_lowers_the_level_awarded(facts, metric, more):
    # every criterion of TIERS is ">=": raising one fact can only keep or raise the level
    p = programme_from_dict(TIERS)
    rank = {None: 0, **{lv.key: lv.rank for lv in p.levels}}
    before = decide_label(p, None, facts).state.level
    raised = {**facts, metric: (facts[metric] or 0.0) + more}
    assert rank[decide_label(p, None, raised).state.level] >= rank[before]
