"""The checks of the kernel contract (sklearn's ``check_estimator`` in spirit, in a few functions).

Each check takes a public kernel function and its :class:`Spec` (how to call it) and raises
``AssertionError`` with a message naming the function when the function breaks the contract.
``test_self_check.py`` proves that each check can fail.
"""

from __future__ import annotations

import copy
import copyreg
import dataclasses
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

import grappe.errors

Call = tuple[tuple[Any, ...], dict[str, Any]]
MappingProxy = type(type.__dict__)
# frozen objects hold MappingProxyType fields, which deepcopy cannot copy by default
copyreg.pickle(MappingProxy, lambda m: (MappingProxy, (dict(m),)))


@dataclass(frozen=True)
class Spec:
    """How the contract calls one public kernel function.

    Attributes
    ----------
    data : int
        Number of positional (data) parameters; every other parameter must be keyword-only.
    sample : callable or None
        Returns ``(args, kwargs)`` of a small valid call; ``None`` when a call is not cheap to
        build (the static checks still apply), with the reason in ``why``.
    bad : tuple of callables
        Each returns ``(args, kwargs)`` of a call that must raise an error of
        :mod:`grappe.errors` named in the Raises section.
    labels : {"some", "same", None}
        ``"same"``: every DataFrame/Series of the result has the index (and columns) of the
        first labelled input; ``"some"``: the result carries some labels of the input;
        ``None``: the result is not labelled data (a number, a figure, text).
    utility : bool
        A helper that prepares inputs, not a method: needs no References section.
    examples : bool
        The docstring must also have an Examples section and numbered references (``.. [1]``).
    arrays : bool
        Plain numpy arrays in (the labelled inputs with their labels dropped) give numpy
        arrays of the same shapes out.
    key : callable
        Turns a result into something comparable (for the seed check), default the result.
    why : str
        Why there is no sample, or why labels are not checked.
    """

    data: int = 1
    sample: Callable[[], Call] | None = None
    bad: tuple[Callable[[], Call], ...] = ()
    labels: str | None = "some"
    utility: bool = False
    examples: bool = False
    arrays: bool = False
    key: Callable[[Any], Any] = field(default=lambda result: result)
    why: str = ""


# ---------------------------------------------------------------------------- comparison
def same(a: Any, b: Any) -> bool:
    """Deep equality of the values kernels take and return (NaN equal to NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, pd.DataFrame | pd.Series | pd.Index):
        try:
            if isinstance(a, pd.DataFrame):
                pd.testing.assert_frame_equal(a, b, check_exact=True)
            elif isinstance(a, pd.Series):
                pd.testing.assert_series_equal(a, b, check_exact=True)
            else:
                pd.testing.assert_index_equal(a, b, exact=True)
        except AssertionError:
            return False
        return True
    if isinstance(a, nx.Graph):  # networkx caches derived data in the graph object
        return nx.utils.graphs_equal(a, b)
    if sp.issparse(a):
        return a.shape == b.shape and (a != b).nnz == 0
    if isinstance(a, np.ndarray):
        return a.shape == b.shape and np.array_equal(
            a, b, equal_nan=a.dtype.kind in "fc" and b.dtype.kind in "fc"
        )
    if isinstance(a, float):
        return a == b or (a != a and b != b)
    if isinstance(a, dict | MappingProxy):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if dataclasses.is_dataclass(a):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if hasattr(a, "__dict__") and not callable(a):
        return same(vars(a), vars(b))
    return bool(a == b)


def pandas_objects(value: Any, depth: int = 0) -> list[pd.DataFrame | pd.Series]:
    """Every DataFrame or Series inside a result (dataclass fields, dicts, tuples)."""
    if depth > 3:
        return []
    if isinstance(value, pd.DataFrame | pd.Series):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [getattr(value, f.name) for f in dataclasses.fields(value)]
    elif isinstance(value, dict | MappingProxy):
        items = list(value.values())
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        return []
    return [p for item in items for p in pandas_objects(item, depth + 1)]


def _labels(obj: pd.DataFrame | pd.Series) -> set[str]:
    labels = {str(v) for v in obj.index}
    if isinstance(obj, pd.DataFrame):
        labels |= {str(c) for c in obj.columns}
        for col in obj.columns:  # tidy results carry the labels in columns
            if obj[col].dtype == object or isinstance(
                obj[col].dtype, pd.CategoricalDtype | pd.StringDtype
            ):
                labels |= set(map(str, obj[col]))
    return labels


# ---------------------------------------------------------------------------- the checks
def _doc(func: Callable[..., Any]) -> str:
    return inspect.getdoc(func) or ""


def _section(doc: str, name: str) -> str | None:
    """The text of a numpydoc section, or None."""
    match = re.search(rf"(?m)^{name}\n-{{{len(name)}}}\n", doc)
    if match is None:
        return None
    rest = doc[match.end() :]
    nxt = re.search(r"(?m)^[A-Z][A-Za-z ]+\n-{3,}\n", rest)
    return rest[: nxt.start()] if nxt else rest


def _may_raise(func: Callable[..., Any]) -> bool:
    """Whether the function's own code raises or calls a parameter check."""
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):
        return False
    return bool(re.search(r"\braise\b|\bcheck_\w+\(", source.split('"""', 2)[-1]))


def check_docstring(name: str, func: Callable[..., Any], spec: Spec) -> None:
    """numpydoc sections: Parameters, Returns, References (methods), Raises (if it raises)."""
    doc = _doc(func)
    wanted = ["Parameters"] if inspect.signature(func).parameters else []
    wanted.append("Returns")
    if not spec.utility:
        wanted.append("References")
    if _may_raise(func) or spec.bad:
        wanted.append("Raises")
    if spec.examples:
        wanted.append("Examples")
    missing = [s for s in wanted if _section(doc, s) is None]
    assert not missing, f"{name}: the docstring lacks the numpydoc section(s) {missing}"
    if spec.examples:
        assert ".. [1]" in (_section(doc, "References") or ""), f"{name}: unnumbered references"


def check_plain_arrays(name: str, func: Callable[..., Any], spec: Spec) -> None:
    """Arrays in, arrays of the labelled outputs' shapes out."""
    assert spec.sample is not None
    args, kwargs = spec.sample()
    labelled = pandas_objects(func(*args, **kwargs))
    plain = [a.to_numpy() if isinstance(a, pd.DataFrame | pd.Series) else a for a in args]
    result = func(*plain, **kwargs)
    outputs = [
        getattr(result, f.name) for f in dataclasses.fields(result)
        if isinstance(getattr(result, f.name), np.ndarray)
    ] if dataclasses.is_dataclass(result) else [result]  # fmt: skip
    assert all(isinstance(o, np.ndarray) for o in outputs) and outputs, (
        f"{name}: plain arrays in did not give arrays out"
    )
    assert [o.shape for o in outputs] == [o.shape for o in labelled], (
        f"{name}: arrays out do not have the shapes of the labelled results"
    )


def check_keyword_only(name: str, func: Callable[..., Any], spec: Spec) -> None:
    """The data come first (``spec.data`` of them); every option is keyword-only."""
    params = [p for p in inspect.signature(func).parameters.values() if p.kind is not p.VAR_KEYWORD]
    positional = [p.name for p in params if p.kind is not p.KEYWORD_ONLY]
    assert len(positional) == spec.data, (
        f"{name}: options must be keyword-only; positional parameters {positional} "
        f"but the contract declares {spec.data} data parameter(s)"
    )


def check_no_mutation(name: str, func: Callable[..., Any], spec: Spec) -> Any:
    """Calling the function leaves every argument as it was (deep comparison)."""
    assert spec.sample is not None
    args, kwargs = spec.sample()
    before = copy.deepcopy((args, kwargs))
    result = func(*args, **kwargs)
    for i, (got, was) in enumerate(zip(args, before[0], strict=True)):
        assert same(got, was), f"{name} changed its positional argument {i}"
    for key, value in kwargs.items():
        assert same(value, before[1][key]), f"{name} changed its argument {key!r}"
    return result


def check_labels(name: str, func: Callable[..., Any], spec: Spec) -> None:
    """Labelled inputs give labelled outputs (``spec.labels``)."""
    assert spec.sample is not None and spec.labels is not None
    args, kwargs = spec.sample()
    inputs = [a for a in (*args, *kwargs.values()) if isinstance(a, pd.DataFrame | pd.Series)]
    inputs += [p for a in args for p in pandas_objects(a) if not isinstance(a, pd.DataFrame)]
    assert inputs, f"{name}: the sample call has no labelled input"
    outputs = pandas_objects(func(*args, **kwargs))
    assert outputs, f"{name} returned no labelled result (DataFrame or Series)"
    if spec.labels == "same":
        first = inputs[0]
        for out in outputs:
            assert out.index.equals(first.index), f"{name} lost the index of its input"
            if isinstance(out, pd.DataFrame) and isinstance(first, pd.DataFrame):
                assert out.columns.equals(first.columns), f"{name} lost the columns of its input"
        return
    given = set().union(*(_labels(i) for i in inputs))
    kept = set().union(*(_labels(o) for o in outputs))
    assert given & kept, f"{name} lost the labels of its input"


def check_documented_errors(name: str, func: Callable[..., Any], spec: Spec) -> None:
    """Bad input raises a :mod:`grappe.errors` class that the Raises section names."""
    raises = _section(_doc(func), "Raises") or ""
    ours = tuple(
        c for c in vars(grappe.errors).values() if isinstance(c, type) and issubclass(c, Exception)
    )
    for bad in spec.bad:
        args, kwargs = bad()
        try:
            func(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the check is which class it is
            kind = type(exc)
            assert isinstance(exc, grappe.errors.GrappeError), (
                f"{name} raised {kind.__name__} ({exc}), not an error of grappe.errors"
            )
            documented = {c.__name__ for c in kind.__mro__ if c in ours}
            assert any(re.search(rf"\b{n}\b", raises) for n in documented), (
                f"{name} raised {kind.__name__}, which its Raises section does not name"
            )
        else:
            raise AssertionError(f"{name} accepted a bad call {kwargs or args!r}")


#: The package's one seed policy (docs/architecture.md, "Randomness").
SEED_DEFAULT = None


def check_seed(name: str, func: Callable[..., Any], spec: Spec) -> None:
    """``seed=None`` by default, documented; the same seed gives the same result."""
    params = inspect.signature(func).parameters
    if "seed" not in params:
        return
    assert params["seed"].default is SEED_DEFAULT, (
        f"{name}: seed defaults to {params['seed'].default!r}; the policy is seed=None "
        "(fresh entropy)"
    )
    section = _section(_doc(func), "Parameters") or ""
    assert re.search(r"(?m)^[\w, ]*\bseed\b", section), (
        f"{name}: the Parameters section does not document seed"
    )
    if spec.sample is None:
        return
    args, kwargs = spec.sample()
    first = spec.key(func(*args, **{**kwargs, "seed": 3}))
    second = spec.key(func(*args, **{**kwargs, "seed": 3}))
    assert same(first, second), f"{name}: the same seed gave different results"
