"""grappe — an open-source cluster observatory.

Map clusters from regional statistics, connect their actors, qualify and plan them, and
publish the results. See the README for the set-up commands and ``docs/`` for the guide.
"""

from grappe.errors import (
    DataValidationError,
    GrappeError,
    InvalidParameterError,
    MissingDependencyError,
    NotFoundError,
)

__version__ = "0.1.0"

__all__ = [
    "DataValidationError",
    "GrappeError",
    "InvalidParameterError",
    "MissingDependencyError",
    "NotFoundError",
    "__version__",
]
