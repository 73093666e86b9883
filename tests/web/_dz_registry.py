"""A registry holding what the bootstrap loads for Algeria (69 wilayas, the bundled support
bodies) and one published cluster in Biskra: shared by the dzweb page and browser tests."""

from __future__ import annotations

from pathlib import Path

from grappe.registry import connect, import_table, make_engine, session_scope, upgrade
from grappe.service.bootstrap_dz import load_algeria

#: The published cluster of the tests, in Biskra (DZ-07) and Ouled Djellal (DZ-51).
DATES_CLUSTER = "dz-dates-biskra"


def make_dz_registry(folder: Path) -> str:
    """URL of a new SQLite registry in ``folder`` with the Algerian data and one cluster."""
    url = f"sqlite:///{folder / 'dz.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    sessions = connect(url)
    with session_scope(sessions) as session:
        load_algeria(session, who="bootstrap")
        import_table(
            session,
            f"id,name_en,name_fr,name_ar,regions,published\n{DATES_CLUSTER},Dates of Biskra,"
            "Dattes de Biskra,تمور بسكرة,DZ-07;DZ-51,true\n".encode(),
            kind="clusters", filename="dz_cluster.csv", who="bootstrap",
        )  # fmt: skip
    sessions.kw["bind"].dispose()
    return url
