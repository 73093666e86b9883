"""Checks of public parameters, done once at the boundary.

Every message reads the same way, after scikit-learn's ``validate_params``:
``The 'x' parameter of f must be … Got … instead.``

Use these helpers at the top of each public function; kernels below the boundary trust
their inputs.
"""

from __future__ import annotations

import numbers
from collections.abc import Collection, Iterable
from typing import Any

from grappe.errors import InvalidParameterError
from grappe.i18n import Message

__all__ = [
    "DUPLICATE_POLICIES",
    "MAX_AMOUNT",
    "MAX_COUNT",
    "check_array_2d",
    "check_bool",
    "check_duplicates",
    "duplicates_fix",
    "check_number",
    "check_option",
    "check_options",
]


#: What every reader does with rows repeating a key (the same region × industry × year, location ×
#: activity, actor pair × tie type, establishment id, KPI × period): ``"raise"`` (the default)
#: refuses the file naming the rows; ``"sum"`` adds the repeated rows up, explicitly.
DUPLICATE_POLICIES: tuple[str, ...] = ("raise", "sum")


#: Largest count (jobs, establishments, members) of one cell: 10 billion, more than the world's
#: employed population (about 3.5 billion, ILO). A larger value is a unit or parsing error.
MAX_COUNT = 1e10

#: Largest amount (payroll, trade value, output, exports) of one cell: 1e18, above world GDP
#: (about 1e14 US dollars) written in the currency with the most units per dollar.
MAX_AMOUNT = 1e18


def check_duplicates(value: Any, *, func: str) -> str:
    """Return the duplicate-key policy ``value`` if it is one of :data:`DUPLICATE_POLICIES`.

    Examples
    --------
    >>> check_duplicates("sum", func="read_kpis")
    'sum'
    """
    return check_option(value, "duplicates", DUPLICATE_POLICIES, func=func)


def duplicates_fix(key: str) -> str:
    """The fix named by every duplicate-key error: one row per ``key``, or sum them explicitly.

    ``key`` is best a :class:`~grappe.i18n.Message` itself (``Message("KPI and period")``), so that
    the command line translates it inside the sentence.

    Examples
    --------
    >>> duplicates_fix("KPI and period")[:38]
    'keep one row per KPI and period, or ad'
    """
    return Message(
        "keep one row per {key}, or add the repeated rows up with duplicates='sum' "
        "(--duplicates sum).",
        key=key,
    )


def _fail(func: str, name: str, must: str, value: Any) -> InvalidParameterError:
    # a Message: the command line shows it in the user's language, ``name`` as its option
    return InvalidParameterError(
        Message(
            "The {name!r} parameter of {func} must be {must}. Got {value!r} instead.",
            name=name,
            func=func,
            must=must if isinstance(must, Message) else Message(must),
            value=value,
        )
    )


def check_option(value: Any, name: str, options: Collection[Any], *, func: str) -> Any:
    """Return ``value`` if it is one of ``options``, else raise.

    Examples
    --------
    >>> check_option("drop", "withheld", ("raise", "drop"), func="read")
    'drop'
    """
    if isinstance(value, list | dict | set):
        raise _fail(func, name, _one_of(options), value)
    if value not in options:
        raise _fail(func, name, _one_of(options), value)
    return value


def check_options(
    values: Iterable[Any], name: str, options: Collection[Any], *, func: str
) -> tuple[Any, ...]:
    """Return ``values`` as a tuple if each one is in ``options``, else raise."""
    if isinstance(values, str):
        values = (values,)
    out = tuple(values)
    bad = [v for v in out if v not in options]
    if bad:
        among = Message("a list of values among {options}", options=_one_of(options))
        raise _fail(func, name, among, bad)
    return out


def _one_of(options: Collection[Any]) -> Message:
    return Message("one of {options}", options=", ".join(repr(o) for o in options))


def check_number(
    value: Any,
    name: str,
    *,
    func: str,
    low: float | None = None,
    high: float | None = None,
    closed: str = "both",
    integer: bool = False,
) -> Any:
    """Return ``value`` if it is a real number within the interval, else raise.

    Parameters
    ----------
    closed : {"both", "left", "right", "neither"}
        Which ends of ``[low, high]`` are included.
    integer : bool
        Require an integral number.
    """
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        must = Message("an integer") if integer else Message("a real number")
        raise _fail(func, name, must, value)
    if value != value:  # NaN
        raise _fail(func, name, Message("a real number, not NaN"), value)
    left_ok = low is None or (value >= low if closed in ("both", "left") else value > low)
    right_ok = high is None or (value <= high if closed in ("both", "right") else value < high)
    if not (left_ok and right_ok):
        lb = "[" if closed in ("both", "left") else "("
        rb = "]" if closed in ("both", "right") else ")"
        lo = "-inf" if low is None else low
        hi = "inf" if high is None else high
        interval = f"{lb}{lo}, {hi}{rb}"
        raise _fail(func, name, Message("in the range {range}", range=interval), value)
    return value


def check_bool(value: Any, name: str, *, func: str) -> bool:
    """Return ``value`` if it is a bool, else raise."""
    if not isinstance(value, bool):
        raise _fail(func, name, Message("a bool"), value)
    return value


def check_array_2d(value: Any, name: str, *, func: str) -> Any:
    """Return ``value`` as a 2-D float array (dense) or a scipy sparse matrix, else raise."""
    import numpy as np
    import scipy.sparse as sp

    if sp.issparse(value):
        if value.ndim != 2:
            raise _fail(func, name, Message("a 2-D matrix"), value.shape)
        return value
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise _fail(func, name, Message("a 2-D numeric array"), type(value).__name__) from exc
    if arr.ndim != 2:
        raise _fail(func, name, Message("a 2-D numeric array"), f"an array of shape {arr.shape}")
    if not np.isfinite(arr).all():
        raise _fail(func, name, Message("free of NaN and infinite values"), "non-finite entries")
    return arr
