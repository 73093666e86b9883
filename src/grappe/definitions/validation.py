"""Scores of a partition of industries: validation scores (Delgado, Porter & Stern 2016) and
agreement with a reference partition (AMI, ARI). No file access.

References
----------
.. [1] Delgado, M., Porter, M. E. & Stern, S. (2016), "Defining clusters of related
   industries", Journal of Economic Geography 16(1): 1–38.
.. [2] Vinh, N. X., Epps, J. & Bailey, J. (2010), "Information theoretic measures for
   clusterings comparison", Journal of Machine Learning Research 11: 2837–2854 (AMI).
.. [3] Hubert, L. & Arabie, P. (1985), "Comparing partitions", Journal of Classification 2:
   193–218 (ARI).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from grappe.errors import InvalidParameterError, MissingDependencyError

__all__ = ["partition_agreement", "scores_of_ranks", "validation_scores"]


def import_sklearn() -> Any:
    """scikit-learn's ``cluster`` and ``metrics`` (imported when needed), or a clear error."""
    try:
        import sklearn.cluster
        import sklearn.metrics
    except ImportError as exc:  # pragma: no cover - scikit-learn is in the test environment
        raise MissingDependencyError(
            "Deriving cluster definitions needs scikit-learn: pip install grappe[spatial]"
        ) from exc
    return sklearn


def partition_agreement(labels: Mapping[str, Any], reference: Mapping[str, Any]) -> tuple:
    """Adjusted mutual information and adjusted Rand index of two partitions.

    Parameters
    ----------
    labels, reference : mapping of str to label
        Industry → cluster; only the industries both map are compared.

    Returns
    -------
    tuple of (float, float, int)
        AMI, ARI (1 for identical partitions, about 0 for unrelated ones; scikit-learn's
        ``adjusted_mutual_info_score`` and ``adjusted_rand_score``) and the number of
        industries compared.

    Raises
    ------
    InvalidParameterError
        If either is not a mapping, or fewer than 2 industries are in both.

    References
    ----------
    .. [1] Vinh, N. X., Epps, J. & Bailey, J. (2010), "Information theoretic measures for
       clusterings comparison", Journal of Machine Learning Research 11: 2837–2854 (AMI).
    .. [2] Hubert, L. & Arabie, P. (1985), "Comparing partitions", Journal of Classification
       2: 193–218 (ARI).

    Examples
    --------
    >>> a = {"x": 1, "y": 1, "z": 2, "w": 2}
    >>> b = {"x": "A", "y": "A", "z": "B", "w": "B", "v": "C"}
    >>> tuple(round(v, 3) for v in partition_agreement(a, b))
    (1.0, 1.0, 4)
    """
    for name, value in (("labels", labels), ("reference", reference)):
        if not isinstance(value, Mapping):
            raise InvalidParameterError(
                f"The {name!r} parameter of partition_agreement must be a mapping of industry "
                f"to cluster. Got {type(value).__name__} instead."
            )
    sk = import_sklearn()
    common = [k for k in labels if k in reference]
    if len(common) < 2:
        raise InvalidParameterError(
            "The 'reference' parameter of partition_agreement must share at least 2 industries "
            f"with 'labels'. Got {len(common)} instead."
        )
    a = [str(labels[k]) for k in common]
    b = [str(reference[k]) for k in common]
    ami = float(sk.metrics.adjusted_mutual_info_score(b, a))
    ari = float(sk.metrics.adjusted_rand_score(b, a))
    return ami, ari, len(common)


def validation_scores(
    similarities: Mapping[str, pd.DataFrame],
    labels: Iterable[Any],
    *,
    kinds: Mapping[str, str] | None = None,
) -> dict[str, float]:
    """Validation scores of a partition of industries, after Delgado, Porter & Stern (2016).

    For each similarity matrix (turned into percentile ranks of its off-diagonal pairs):

    * ``vs_cluster``: share of industries more related, on average, to the other members of
      their own cluster than to the industries outside it (an industry alone in its cluster
      fails);
    * ``vs_gap``: mean relatedness of the pairs within a cluster minus that of the pairs
      across clusters (a partition with one huge cluster has a small gap).

    Each score is averaged over the matrices of each kind, then over the kinds (so that two
    co-location matrices and one input–output matrix weigh as co-location and input–output
    equally); ``vs`` is their mean.

    Parameters
    ----------
    similarities : mapping of str to DataFrame
        Square industry × industry matrices with the same labels, in the order of ``labels``.
    labels : iterable
        Cluster of each industry.
    kinds : mapping of str to str, optional
        Kind of each matrix (e.g. ``{"colocation_employment": "colocation", "io": "io"}``);
        default each matrix is its own kind.

    Returns
    -------
    dict
        ``vs_cluster`` in [0, 1], ``vs_gap`` in [-1, 1] and ``vs``.

    Raises
    ------
    InvalidParameterError
        If ``similarities`` is empty or not a mapping, a matrix is not square, or ``labels``
        does not give one cluster per row of the matrices.

    References
    ----------
    .. [1] Delgado, M., Porter, M. E. & Stern, S. (2016), "Defining clusters of related
       industries", Journal of Economic Geography 16(1): 1–38.

    Examples
    --------
    >>> s = pd.DataFrame([[0, 9, 1, 1], [9, 0, 1, 1], [1, 1, 0, 9], [1, 1, 9, 0]],
    ...                  index=list("abcd"), columns=list("abcd"), dtype=float)
    >>> validation_scores({"s": s}, [0, 0, 1, 1])
    {'vs_cluster': 1.0, 'vs_gap': 0.5, 'vs': 0.75}
    >>> validation_scores({"s": s}, [0, 1, 0, 1])["vs_cluster"]
    0.0
    """
    func = "validation_scores"
    if not isinstance(similarities, Mapping) or not similarities:
        raise InvalidParameterError(
            f"The 'similarities' parameter of {func} must be a mapping of at least one name to "
            f"an industry × industry DataFrame. Got {_kind(similarities)} instead."
        )
    labels = list(labels)
    for key, matrix in similarities.items():
        shape = getattr(matrix, "shape", None)
        if shape != (len(labels), len(labels)):
            raise InvalidParameterError(
                f"The 'similarities' parameter of {func} must hold square matrices with one row "
                f"per label ({len(labels)} × {len(labels)}). Got {key!r} of shape {shape} "
                "instead."
            )
    # imported here: grappe.complexity pulls in SciPy and networkx (not needed to read definitions)
    from grappe.complexity.io_relatedness import combined_relatedness

    ranks = {k: combined_relatedness({"s": m}).to_numpy() for k, m in similarities.items()}
    return scores_of_ranks(ranks, labels, kinds=kinds)


def _kind(value: Any) -> str:
    return "an empty mapping" if isinstance(value, Mapping) else type(value).__name__


def scores_of_ranks(
    ranks: Mapping[str, np.ndarray],
    labels: Iterable[Any],
    *,
    kinds: Mapping[str, str] | None = None,
) -> dict[str, float]:
    """:func:`validation_scores` of matrices already in percentile ranks (ranked once for a
    whole grid by :func:`grappe.definitions.derive_definitions`).

    Examples
    --------
    >>> r = np.array([[0, 1, .2, .2], [1, 0, .2, .2], [.2, .2, 0, 1], [.2, .2, 1, 0]])
    >>> scores_of_ranks({"r": r}, [0, 0, 1, 1])["vs_cluster"]
    1.0
    """
    codes, uniques = pd.factorize(np.asarray(list(labels)))
    n = len(codes)
    members = np.zeros((n, len(uniques)))
    members[np.arange(n), codes] = 1.0
    sizes = members.sum(axis=0)
    same = codes[:, None] == codes[None, :]
    off = ~np.eye(n, dtype=bool)
    within, across = same & off, ~same
    kinds = dict(kinds or {k: k for k in ranks})
    per_kind: dict[str, list[tuple[float, float]]] = {}
    for key, rank in ranks.items():
        own_total = (rank @ members)[np.arange(n), codes]  # diagonal is 0: others only
        own_size = sizes[codes] - 1.0
        out_size = n - sizes[codes]
        with np.errstate(divide="ignore", invalid="ignore"):
            own = np.where(own_size > 0, own_total / own_size, -np.inf)
            outside = np.where(out_size > 0, (rank.sum(axis=1) - own_total) / out_size, np.inf)
        cluster = float(np.mean(own > outside))
        gap = (rank[within].mean() if within.any() else 0.0) - (
            rank[across].mean() if across.any() else 0.0
        )
        per_kind.setdefault(kinds.get(key, key), []).append((cluster, float(gap)))
    vs_cluster = float(np.mean([np.mean([c for c, _ in v]) for v in per_kind.values()]))
    vs_gap = float(np.mean([np.mean([g for _, g in v]) for v in per_kind.values()]))
    return {"vs_cluster": vs_cluster, "vs_gap": vs_gap, "vs": (vs_cluster + vs_gap) / 2}
