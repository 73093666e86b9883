"""The contract can fail: each check catches a deliberately non-conforming function, and lets
a conforming one pass."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from _checks import (
    Spec,
    check_docstring,
    check_documented_errors,
    check_keyword_only,
    check_labels,
    check_no_mutation,
    check_plain_arrays,
    check_seed,
)

from grappe.errors import InvalidParameterError

FRAME = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]}, index=pd.Index(["r1", "r2"]))


def conforming(frame, *, scale=2.0, seed=None):
    """Scale a table and add noise.

    Parameters
    ----------
    frame : DataFrame
        The table.
    scale : float
        The factor.
    seed : int or None, default None
        Seed of the noise.

    Returns
    -------
    DataFrame
        Labelled like ``frame``.

    Raises
    ------
    InvalidParameterError
        If ``scale`` is negative.

    References
    ----------
    .. [1] Nobody (2026).
    """
    if scale < 0:
        raise InvalidParameterError("The 'scale' parameter must be positive.")
    noise = np.random.default_rng(seed).random(frame.shape)
    return frame * scale + noise


def non_conforming(frame, scale=2.0, seed=0):
    """Scale a table (no numpydoc sections)."""
    if scale < 0:
        raise ValueError("negative scale")
    frame["a"] = frame["a"] * scale  # mutates its input
    return frame.to_numpy() + np.random.random(frame.shape)  # labels lost, seed ignored


def undocumented_error(frame, *, scale=2.0):
    """Scale.

    Parameters
    ----------
    frame : DataFrame
    scale : float

    Returns
    -------
    DataFrame

    References
    ----------
    .. [1] Nobody (2026).
    """
    raise InvalidParameterError("always")


def relabelled(frame):
    """Parameters, Returns and References are all there but the labels are not kept.

    Parameters
    ----------
    frame : DataFrame

    Returns
    -------
    DataFrame

    References
    ----------
    .. [1] Nobody (2026).
    """
    return frame.reset_index(drop=True).rename(columns=str.upper)


GOOD = Spec(
    sample=lambda: ((FRAME.copy(),), {"scale": 3.0}),
    bad=(lambda: ((FRAME.copy(),), {"scale": -1.0}),),
    labels="same",
    arrays=True,
    key=lambda r: r,
)


def test_a_conforming_function_passes_every_check():
    for check in (
        check_docstring,
        check_keyword_only,
        check_no_mutation,
        check_labels,
        check_documented_errors,
        check_seed,
        check_plain_arrays,
    ):
        check("conforming", conforming, GOOD)


def test_missing_sections_are_caught():
    with pytest.raises(AssertionError, match=r"lacks the numpydoc section\(s\) \['Parameters'"):
        check_docstring("non_conforming", non_conforming, GOOD)


def test_positional_options_are_caught():
    with pytest.raises(AssertionError, match=r"options must be keyword-only; positional"):
        check_keyword_only("non_conforming", non_conforming, GOOD)


def test_mutation_is_caught():
    with pytest.raises(AssertionError, match=r"non_conforming changed its positional argument 0"):
        check_no_mutation("non_conforming", non_conforming, GOOD)


def test_lost_labels_are_caught():
    with pytest.raises(AssertionError, match=r"returned no labelled result"):
        check_labels("non_conforming", non_conforming, GOOD)
    with pytest.raises(AssertionError, match=r"relabelled lost the index of its input"):
        check_labels("relabelled", relabelled, Spec(sample=lambda: ((FRAME,), {}), labels="same"))
    with pytest.raises(AssertionError, match=r"relabelled lost the labels of its input"):
        check_labels("relabelled", relabelled, Spec(sample=lambda: ((FRAME,), {}), labels="some"))


def test_errors_outside_grappe_errors_or_the_raises_section_are_caught():
    with pytest.raises(AssertionError, match=r"raised ValueError \(negative scale\), not an error"):
        check_documented_errors("non_conforming", non_conforming, GOOD)
    with pytest.raises(AssertionError, match=r"raised InvalidParameterError, which its Raises"):
        check_documented_errors("undocumented_error", undocumented_error, GOOD)
    accepts = Spec(bad=(lambda: ((FRAME.copy(),), {"scale": 1.0}),))
    with pytest.raises(AssertionError, match=r"conforming accepted a bad call"):
        check_documented_errors("conforming", conforming, accepts)


def test_seed_policy_breaches_are_caught():
    with pytest.raises(AssertionError, match=r"seed defaults to 0; the policy is seed=None"):
        check_seed("non_conforming", non_conforming, GOOD)

    def ignores_seed(frame, *, seed=None):
        """Parameters
        ----------
        seed : int or None, default None
        """
        return np.random.random(frame.shape)

    with pytest.raises(AssertionError, match=r"the same seed gave different results"):
        check_seed("ignores_seed", ignores_seed, Spec(sample=lambda: ((FRAME,), {})))


def test_arrays_out_of_plain_arrays_are_checked():
    def always_a_frame(frame):
        return pd.DataFrame(np.asarray(frame) * 2.0)

    with pytest.raises(AssertionError, match=r"plain arrays in did not give arrays out"):
        check_plain_arrays("always_a_frame", always_a_frame, Spec(sample=lambda: ((FRAME,), {})))
