"""Helpers for tests of the service and the pages: a small **synthetic** registry.

The toy regions are real names, but every figure, cluster, actor and tie below is made up for
tests; none of it is data about those places.
"""

from __future__ import annotations

from typing import Any

__all__ = ["TOY_FILES", "import_job", "populate", "random_token", "upload"]


def random_token() -> str:
    """A new random token ``grp_<prefix>_<secret>`` (for tests: grappe has no built-in token).

    Store it with :func:`grappe.registry.tokens.ensure_token`.

    Examples
    --------
    >>> random_token().startswith("grp_")
    True
    """
    import secrets

    return f"grp_{secrets.token_hex(4)}_{secrets.token_urlsafe(24)}"


#: Synthetic CSV files, in import order.
TOY_FILES: dict[str, str] = {
    "regions": (
        "id,country,region_type,name_en,name_fr,name_ar,lat,lon\n"
        "US-26,US,state,Michigan,Michigan,ميشيغان,,\n"
        "US-39,US,state,Ohio,Ohio,أوهايو,,\n"
        "DZ-16,DZ,wilaya,Algiers,Alger,الجزائر,36.75,3.05\n"
    ),
    "clusters": (
        "id,name_en,name_fr,name_ar,sector,definitions,regions,published,stage\n"
        "auto-mi,Automotive Michigan,Automobile Michigan,السيارات ميشيغان,4,us-benchmark,US-26,"
        "true,growth\n"
        "chem-oh,Chemicals Ohio,,,7,us-benchmark,US-39,true,\n"
        "secret,Unpublished cluster,,,,,US-39,false,\n"
    ),
    "indicators": (
        "region,cluster,cluster_name,year,employment,lq,national_share,strong,stars\n"
        "US-26,4,Automotive,2020,100,2.5,0.2,true,3\n"
        "US-26,4,Automotive,2021,120,2.6,0.21,true,3\n"
        "US-39,4,Automotive,2021,80,1.5,0.14,false,1\n"
        "US-39,7,Chemicals,2021,50,1.2,0.05,true,0\n"
    ),
    "actors": (
        "id,name,sphere,cluster\n"
        "GM,General Motors,enterprise,auto-mi\n"
        "UM,University of Michigan,university,auto-mi\n"
        "DOW,Dow,enterprise,chem-oh\n"
    ),
    "ties": "source,target,type,strength\nGM,UM,information,2\nUM,GM,advice,1\n",
}


def upload(client: Any, kind: str, text: str, *, headers: dict[str, str], name: str | None = None,
           **data: str) -> Any:  # fmt: skip
    """POST ``text`` as a CSV file of ``kind`` to ``/api/v1/imports``."""
    return client.post(
        "/api/v1/imports",
        data={"kind": kind, **data},
        files={"file": (name or f"{kind}.csv", text.encode())},
        headers=headers,
    )


def import_job(client: Any, response: Any, *, headers: dict[str, str]) -> dict[str, Any]:
    """The import job queued by ``response`` (a 202 answer of :func:`upload`), as read back.

    With the in-process test client the background work has run when the POST returns, so the
    job is ``succeeded`` or ``failed``.

    Raises
    ------
    RuntimeError
        If ``response`` is not a 202 answer.
    """
    if response.status_code != 202:
        raise RuntimeError(response.text)
    job: dict[str, Any] = client.get(
        f"/api/v1/imports/{response.json()['id']}", headers=headers
    ).json()
    return job


def populate(client: Any, *, admin_token: str) -> dict[str, dict[str, str]]:
    """Import :data:`TOY_FILES` and create an analyst and a manager (of ``auto-mi``) token.

    ``admin_token`` is a live admin token of the client's database, which does the writes.
    Returns the request headers of each token: ``{"admin": …, "ana": …, "mgr": …}``.

    Raises
    ------
    RuntimeError
        If the API refuses a step (the message holds its answer).
    """
    admin = {"Authorization": f"Bearer {admin_token}"}
    for kind, text in TOY_FILES.items():
        response = upload(client, kind, text, headers=admin, definitions="us-benchmark")
        job = import_job(client, response, headers=admin)
        if job["status"] != "succeeded":
            raise RuntimeError(str(job))
    headers = {"admin": admin}
    for name, role, clusters in (("ana", "analyst", []), ("mgr", "manager", ["auto-mi"])):
        response = client.post(
            "/api/v1/tokens", json={"name": name, "role": role, "clusters": clusters}, headers=admin
        )
        if response.status_code != 201:
            raise RuntimeError(response.text)
        headers[name] = {"Authorization": f"Bearer {response.json()['token']}"}
    return headers
