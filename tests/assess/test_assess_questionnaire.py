"""Questionnaires: bundled files, definition checks, answer validation and scoring."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.assess import Questionnaire, answer_points, validate_answers
from grappe.errors import DataValidationError

NAMES = ("diamond", "quebec", "danish", "management")
T = {"fr": "Question ?", "ar": "سؤال؟", "en": "Question?"}


def toy(**extra):
    q = [
        {"id": "L", "dimension": "a", "type": "likert", "text": T},
        {"id": "Y", "dimension": "a", "type": "yes_no", "text": T},
        {
            "id": "N",
            "dimension": "b",
            "type": "number",
            "unit": "%",
            "min": 0,
            "max": 100,
            "cuts": [10, 20, 30, 40],
            "text": T,
        },
        {
            "id": "C",
            "dimension": "b",
            "type": "choice",
            "required": False,
            "text": T,
            "choices": [{"value": "lo", "points": 1}, {"value": "hi", "points": 5}],
        },
    ]
    data = {"name": "toy", "title": T, "dimensions": ["a", "b"], "questions": q} | extra
    return Questionnaire.from_dict(data, file="toy.yaml")


@pytest.mark.parametrize("name", NAMES)
def test_bundled_questionnaires_are_complete(bundled, name):
    q = bundled(name)
    assert q.name == name
    assert len(q.questions) >= 5
    for question in q.questions:
        assert question.dimension in q.dimensions
        assert all(question.text[lang].strip() for lang in ("fr", "ar", "en"))
        # Arabic texts are written in Arabic script.
        assert any("\u0600" <= ch <= "\u06ff" for ch in question.text["ar"])


def test_validate_and_score_hand_case():
    q = toy()
    answers = validate_answers(q, {"L": "4", "Y": "non", "N": 25, "C": "hi"})
    assert answers == {"L": 4, "Y": False, "N": 25.0, "C": "hi"}
    pts = {qid: p for _, qid, _, p, _ in answer_points(q, answers)}
    assert pts == {"L": 4.0, "Y": 1.0, "N": 3.0, "C": 5.0}


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"L": 6, "Y": "yes", "N": 1}, r"answer to L must be an integer from 1 to 5"),
        ({"L": 2.5, "Y": "yes", "N": 1}, r"answer to L must be an integer"),
        ({"L": 3, "Y": "maybe", "N": 1}, r"answer to Y must be yes or no"),
        ({"L": 3, "Y": "yes", "N": 101}, r"answer to N must be between 0 and 100"),
        ({"L": 3, "Y": "yes", "N": "ten"}, r"answer to N must be a number"),
        ({"L": 3, "Y": "yes", "N": 1, "C": "mid"}, r"answer to C must be one of"),
        ({"L": 3, "Y": "yes", "N": 1, "Z9": 3}, r"Unknown question id 'Z9'"),
        ({"L": 3, "Y": "yes"}, r"required question N has no answer"),
        ({"L": 3, "Y": "yes", "N": ""}, r"required question N has no answer"),
    ],
)
def test_bad_answers_are_rejected(answers, message):
    with pytest.raises(DataValidationError, match=message) as info:
        validate_answers(toy(), answers, file="answers.yaml", rows={"L": 2, "Z9": 7})
    assert info.value.file == "answers.yaml"
    assert "Fix:" in str(info.value)


def test_bad_answer_names_row_and_question():
    with pytest.raises(DataValidationError, match=r"answers.csv, row 2, column 'L'"):
        validate_answers(toy(), {"L": 0, "Y": 1, "N": 1}, file="answers.csv", rows={"L": 2})


def test_every_problem_is_listed_at_once():
    with pytest.raises(DataValidationError) as info:
        validate_answers(toy(), {"L": 9, "Y": "?", "X": 1})
    assert len(info.value.issues) == 4  # L, Y, X unknown, N missing


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": {"fr": "a", "en": "b"}}, r"'ar' text is missing"),
        ({"dimensions": ["a"]}, r"Unknown dimension 'b'"),
        (
            {"questions": [{"id": "x", "dimension": "a", "type": "slider", "text": T}]},
            r"Unknown answer type 'slider'",
        ),
        (
            {"questions": [{"id": "x", "dimension": "a", "type": "number", "text": T}]},
            r"needs four 'cuts'",
        ),
        (
            {"questions": [{"id": "x", "dimension": "a", "type": "choice", "text": T}]},
            r"has no choices",
        ),
        (
            {"questions": [{"id": "x", "dimension": "a", "type": "likert", "text": T}] * 2},
            r"used twice",
        ),
        ({"questions": [{"dimension": "a"}]}, r"has no 'id'"),
    ],
)
def test_bad_questionnaire_definitions(change, message):
    with pytest.raises(DataValidationError, match=message):
        toy(**change)


def test_missing_keys_and_non_mapping():
    with pytest.raises(DataValidationError, match="key 'questions' is missing"):
        Questionnaire.from_dict({"name": "x", "title": T, "dimensions": []})
    with pytest.raises(DataValidationError, match="not a mapping"):
        Questionnaire.from_dict(["x"])


@settings(deadline=None, max_examples=40)
@given(
    st.integers(1, 5),
    st.sampled_from(["yes", "no", "oui", "non", "نعم", "لا", True]),
    st.floats(0, 100),
)
def test_valid_answers_always_score_on_scale(likert, yn, number):
    q = toy()
    answers = validate_answers(q, {"L": likert, "Y": yn, "N": number})
    for _, _, _, points, _ in answer_points(q, answers):
        assert 1 <= points <= 5


def test_answer_facts_hand_case():
    from grappe.assess import answer_facts

    q = toy()
    facts = answer_facts(q, validate_answers(q, {"L": 4, "Y": "yes", "N": 25}))
    assert facts == {"toy_answered": 0.75, "L": 4.0, "Y": 1.0, "N": 25.0}


# --- pooling several respondents (i14-questionnaires) ----------------------------------------


def test_pooled_points_are_the_mean_of_each_sets_points_by_hand():
    from grappe.assess import diamond, pooled_points

    q = toy()
    sets = [
        {"L": 4, "Y": "yes", "N": 35, "C": "hi"},  # points 4, 5, 4, 5
        {"L": 5, "Y": "no", "N": 5},  # points 5, 1, 1 (C left blank: optional)
        {"L": 3, "Y": "oui", "N": 20, "C": "lo"},  # points 3, 5, 3, 1
    ]
    pooled = {qid: (dim, shown, points) for dim, qid, shown, points, _ in pooled_points(q, sets)}
    assert pooled["L"] == ("a", "3 | 4 | 5", pytest.approx(4.0))
    assert pooled["Y"] == ("a", "no | yes | yes", pytest.approx(11 / 3))
    assert pooled["N"] == ("b", "5 | 20 | 35", pytest.approx(8 / 3))
    assert pooled["C"] == ("b", "hi | lo", pytest.approx(3.0))  # two sets answered it
    rule = next(r for _, qid, _, _, r in pooled_points(q, sets) if qid == "L")
    assert rule.startswith("mean of the points of 3 answer set(s)")
    # one set pools to its own points; the pooled rows score as answers do
    alone = pooled_points(q, sets[:1])
    own = answer_points(q, validate_answers(q, sets[0]))
    assert [p for *_, p, _ in alone] == [p for *_, p, _ in own]
    d = diamond({}, questionnaire=q, pooled=pooled_points(q, sets))
    assert not any(s.known for s in d.scores.values())  # toy dimensions: nothing is invented


def test_pooled_points_refuse_no_set_and_name_the_bad_set():
    from grappe.assess import pooled_points
    from grappe.errors import InvalidParameterError

    with pytest.raises(InvalidParameterError, match="at least one set of answers"):
        pooled_points(toy(), [])
    with pytest.raises(DataValidationError, match="must be an integer from 1 to 5") as info:
        pooled_points(toy(), [{"L": 4, "Y": "yes", "N": 3}, {"L": 9, "Y": "no", "N": 3}])
    assert [i.row for i in info.value.issues] == [2]
