"""A country's export profile and its opportunities (numeric kernels, no I/O).

:func:`export_profile` answers what a ministry or a cluster asks of a country × product trade
matrix: which products the country exports with a revealed comparative advantage (RCA ≥ 1),
what share of its exports they make and how complex they are (PCI), how diverse and complex
its whole basket is (diversity, ECI and its rank, COI), and which products it does not yet
export with an advantage are within reach (:func:`export_opportunities`: relatedness density
and complexity outlook gain, each with its reasons).

Two samples, as the Observatory of Economic Complexity and the Growth Lab use them:

* **RCA and the list of products** use the whole matrix (every country and product given), so
  that a country's advantages do not depend on a filter;
* **ECI, PCI, proximity, density, COI and COG** use the *complexity sample*: countries exporting
  at least ``min_country_exports`` (default 1 billion USD) and products the world exports for at
  least ``min_product_exports`` (default 10 million USD). Tiny exporters and rare products make
  the eigenvector noisy (Hausmann et al. 2014, technical notes; the Growth Lab drops countries
  under 1 billion USD of trade). A country outside the sample gets an ECI *projected* from its
  products (``kc = mean PCI-vector value of its products``, standardised as the sample's ECI),
  which ``method["eci"]`` says.

See ``docs/exports.md`` for the formulas and the opportunity score.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from grappe._validation import check_number, check_option
from grappe.complexity._export_types import (
    CLOSE_TO,
    NAME_LANGUAGES,
    RECORD_KINDS,
    ExportProduct,
    ExportProfile,
    Opportunity,
    product_words,
    upgrade_reason,
)
from grappe.complexity._matrix import as_matrix
from grappe.complexity.eci import eci_pci_values
from grappe.complexity.relatedness import ENGINES, density_outlook_values, proximity_values
from grappe.complexity.specialisation import rca_values
from grappe.errors import InvalidParameterError, NotFoundError
from grappe.i18n import Message, Number

#: HS chapters and headings whose exports follow deposits rather than capabilities: ores,
#: slag and ash (26), mineral fuels (27), diamonds (7102), unwrought silver (7106), gold (7108),
#: platinum (7110) and precious-metal waste (7112) — left out of the opportunities by default.
EXTRACTIVE: tuple[str, ...] = ("26", "27", "7102", "7106", "7108", "7110", "7112")

__all__ = [
    "CLOSE_TO",
    "EXTRACTIVE",
    "NAME_LANGUAGES",
    "RECORD_KINDS",
    "ExportProduct",
    "ExportProfile",
    "Opportunity",
    "export_opportunities",
    "export_profile",
    "product_words",
    "upgrade_reason",
]


@dataclass(frozen=True)
class _Sample:
    """The complexity sample's results (internal)."""

    countries: pd.Index
    products: pd.Index
    M: Any  # CSR 0/1, countries × products of the sample
    eci: np.ndarray
    pci: np.ndarray
    kc: np.ndarray
    kp: np.ndarray
    phi: np.ndarray
    coi_raw: np.ndarray


def _complexity_sample(
    values: np.ndarray,
    rows: pd.Index,
    cols: pd.Index,
    *,
    min_country_exports: float,
    min_product_exports: float,
    engine: str,
) -> _Sample:
    keep_r = values.sum(axis=1) >= min_country_exports
    keep_c = values.sum(axis=0) >= min_product_exports
    sub = values[np.ix_(keep_r, keep_c)]
    M = rca_values(sub) >= 1.0
    ok_r, ok_c = M.any(axis=1), M.any(axis=0)
    if ok_r.sum() < 2 or ok_c.sum() < 2:
        raise InvalidParameterError(
            Message(
                "The 'min_country_exports' and 'min_product_exports' parameters of "
                "export_profile must leave at least 2 countries and 2 products with an "
                "advantage. Got {countries} countries and {products} products instead.",
                countries=int(ok_r.sum()),
                products=int(ok_c.sum()),
            )
        )
    Ms = sp.csr_array(M[np.ix_(ok_r, ok_c)], dtype=np.float64)
    out = eci_pci_values(Ms, standardise="growth-lab")
    phi = proximity_values(Ms, diagonal=0.0, engine=engine)
    _, coi_raw, _ = density_outlook_values(Ms, phi, out["kp"], engine=engine)
    return _Sample(
        countries=rows[keep_r][ok_r],
        products=cols[keep_c][ok_c],
        M=Ms,
        eci=out["eci"],
        pci=out["pci"],
        kc=out["kc"],
        kp=out["kp"],
        phi=phi,
        coi_raw=coi_raw,
    )


def _check_trade(trade: Any, country: Any, func: str) -> tuple[Any, int]:
    if not isinstance(trade, pd.DataFrame):
        raise InvalidParameterError(
            f"The 'trade' parameter of {func} must be a pandas DataFrame (countries × products, "
            f"index = country codes). Got {type(trade).__name__} instead."
        )
    m = as_matrix(trade, func=func, name="trade")
    labels = m.rows.astype(str)
    where = np.flatnonzero(labels == str(country))
    if not where.size:
        close = [c for c in labels if c.upper() == str(country).upper()][:1] or sorted(
            c for c in labels if c[:1].upper() == str(country)[:1].upper()
        )[:8]
        raise NotFoundError(
            Message(
                "The country {country!r} is not a row of the trade matrix (close codes: "
                "{close}); use the matrix's country codes (ISO3 for the bundled matrix).",
                country=country,
                close=", ".join(close) or "none",
            )
        )
    return m, int(where[0])


def _row_of(M: Any, i: int) -> np.ndarray:
    return np.asarray(M[[i]].toarray()).ravel()


def export_profile(
    trade: pd.DataFrame,
    country: str,
    *,
    year: int | None = None,
    codes: Mapping[str, str] | None = None,
    names: Mapping[str, Mapping[str, str]] | None = None,
    published_eci: Mapping[int, float] | None = None,
    top: int | None = None,
    opportunities: int = 20,
    min_country_exports: float = 1e9,
    min_product_exports: float = 1e7,
    density_weight: float = 0.5,
    n_near: int = 3,
    exclude: Collection[str] = EXTRACTIVE,
    engine: str = "numpy",
) -> ExportProfile:
    """A country's export profile: its advantages, its complexity and its opportunities.

    Parameters
    ----------
    trade : DataFrame
        Exports, countries × products (index = country codes, columns = product names), non
        negative, no empty cell — as read by :func:`grappe.io.trade.read_trade_matrix`.
    country : str
        A row label of ``trade`` (ISO3 for the bundled matrix).
    year : int, optional
        Year of the data, kept in the result.
    codes : Mapping[str, str], optional
        Product column → HS 4-digit code (from :mod:`grappe.io.hs`).
    names : Mapping[str, Mapping[str, str]], optional
        Product column → {language: name}. A column without names gets its CamelCase name
        written as English words (:func:`product_words`); French and Arabic are then absent.
    published_eci : Mapping[int, float], optional
        A published ECI series by year (the OEC's), kept beside grappe's own value.
    top : int, optional
        Keep only the ``top`` products with an advantage (biggest share first); all by default.
    opportunities : int, default 20
        Number of opportunities kept (0 for none).
    min_country_exports, min_product_exports : float, default 1e9 and 1e7
        The complexity sample: countries exporting at least this much, products the world
        exports at least this much (the matrix's unit). 0 keeps everything.
    density_weight : float, default 0.5
        Weight ``w`` of the density in the opportunity score ``w·z(density) + (1−w)·z(COG)``:
        1 ranks by closeness only (the Atlas's "low-hanging fruit"), 0 by the complexity the
        product would open (its "strategic bets").
    n_near : int, default 3
        Number of the country's exported products named as the nearest to an opportunity.
    exclude : collection of str, default :data:`EXTRACTIVE`
        HS codes or code prefixes (2 or 4 digits) of products never proposed as opportunities;
        they still count in density, COG and the ECI. The default leaves out the headings
        whose exports follow deposits rather than capabilities — ores (chapter 26), mineral
        fuels (27), diamonds and unwrought precious metals (7102, 7106, 7108, 7110, 7112) —
        which otherwise rank high for many countries only because poor, resource-rich
        countries export them (gold is Algeria's first "opportunity" without it). ``()``
        keeps every product. A product without a known code (``codes``) is never excluded.
    engine : {"numpy", "auto", "numba"}, default "numpy"
        See :func:`~grappe.complexity.proximity`; at this size numba's first compilation costs
        more than it saves.

    Returns
    -------
    ExportProfile

    Raises
    ------
    NotFoundError
        If ``country`` is not a row of ``trade``.
    InvalidParameterError
        If ``trade`` is not a numeric DataFrame without negative, infinite or empty values,
        the country exports nothing, an option is out of range, or the sample keeps fewer than
        2 countries and 2 products with an advantage.

    Examples
    --------
    >>> X = pd.DataFrame([[5, 3, 2, 0], [4, 1, 0, 1], [3, 0, 0, 1], [1, 1, 1, 5]],
    ...                  index=["A", "B", "C", "D"], columns=["Dates", "Olives", "Cars", "Gas"],
    ...                  dtype=float)
    >>> p = export_profile(X, "C", min_country_exports=0, min_product_exports=0)
    >>> [(q.product, round(q.rca, 2)) for q in p.products]
    [('Dates', 1.62), ('Gas', 1.0)]
    >>> p.diversity, p.n_countries, [o.product for o in p.opportunities]
    (2, 4, ['Cars', 'Olives'])

    References
    ----------
    .. [1] Balassa, B. (1965). Trade liberalisation and "revealed" comparative advantage.
       *The Manchester School* 33(2), 99–123.
    .. [2] Hidalgo, C. A., & Hausmann, R. (2009). The building blocks of economic complexity.
       *PNAS* 106(26), 10570–10575.
    .. [3] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity:
       Mapping Paths to Prosperity*. MIT Press (distance, opportunity gain, strategic bets).
    """
    func = "export_profile"
    if top is not None:
        check_number(top, "top", func=func, low=1, integer=True)
    if year is not None:
        check_number(year, "year", func=func, low=1800, high=2200, integer=True)
    check_number(opportunities, "opportunities", func=func, low=0, integer=True)
    check_number(min_country_exports, "min_country_exports", func=func, low=0.0)
    check_number(min_product_exports, "min_product_exports", func=func, low=0.0)
    check_number(density_weight, "density_weight", func=func, low=0.0, high=1.0)
    check_number(n_near, "n_near", func=func, low=0, integer=True)
    prefixes = _prefixes(exclude, func)
    check_option(engine, "engine", ENGINES, func=func)
    m, i = _check_trade(trade, country, func)
    values = m.values.toarray() if sp.issparse(m.values) else m.values
    own = values[i]
    total = float(own.sum())
    if not total > 0:
        raise InvalidParameterError(
            Message(
                "The country {country!r} exports nothing in the trade matrix, so it has no "
                "profile; choose a country with exports.",
                country=str(country),
            )
        )
    world = values.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        rca_row = np.nan_to_num((own / total) / (world / world.sum()), nan=0.0)
    sample = _complexity_sample(
        values,
        m.rows,
        m.cols,
        min_country_exports=float(min_country_exports),
        min_product_exports=float(min_product_exports),
        engine=engine,
    )
    cols = m.cols.astype(str)
    codes, names = codes or {}, names or {}
    pci_of = dict(zip(sample.products.astype(str), sample.pci, strict=True))

    def named(product: str) -> tuple[str | None, Mapping[str, str]]:
        given = names.get(product)
        return codes.get(product), dict(given) if given else {"en": product_words(product)}

    held = np.flatnonzero(rca_row >= 1.0)
    held = held[np.argsort(-own[held], kind="stable")]
    if top is not None:
        held = held[:top]
    products = tuple(
        ExportProduct(
            product=cols[j],
            code=named(cols[j])[0],
            names=named(cols[j])[1],
            value=float(own[j]),
            share=float(own[j] / total),
            rca=float(rca_row[j]),
            pci=None if cols[j] not in pci_of else float(pci_of[cols[j]]),
        )
        for j in held
    )
    position = _position(values, m.rows, m.cols, i, sample)
    ranked = _opportunities(
        position,
        sample,
        rca_row=pd.Series(rca_row, index=cols),
        count=int(opportunities),
        density_weight=float(density_weight),
        n_near=int(n_near),
        named=named,
        excluded=lambda product: (
            (codes.get(product) or "").startswith(prefixes) if prefixes else False
        ),
    )
    n = len(sample.countries)
    eci = position["eci"]
    method = {
        "rca": "Balassa (1965) on the whole matrix",
        "presence": "RCA >= 1",
        "min_country_exports": float(min_country_exports),
        "min_product_exports": float(min_product_exports),
        "sample_countries": n,
        "sample_products": len(sample.products),
        "matrix_countries": len(m.rows),
        "matrix_products": len(m.cols),
        "eci": "eigenvector, Growth Lab standardisation"
        if position["in_sample"]
        else "projected: the country is outside the complexity sample",
        "proximity_diagonal": 0.0,
        "score": "density_weight * z(density) + (1 - density_weight) * z(cog)",
        "density_weight": float(density_weight),
        "excluded_from_opportunities": list(prefixes),
    }
    return ExportProfile(
        country=str(m.rows[i]),
        year=year,
        total=total,
        diversity=int((rca_row >= 1.0).sum()),
        eci=float(eci),
        eci_rank=int(1 + np.sum(sample.eci > eci + 1e-12)) if np.isfinite(eci) else 0,
        n_countries=n,
        products=products,
        opportunities=ranked,
        published_eci=dict(published_eci or {}),
        coi=float(position["coi"]),
        method=method,
        in_sample=bool(position["in_sample"]),
        n_products=int((own > 0).sum()),
    )


def _position(
    values: np.ndarray, rows: pd.Index, cols: pd.Index, i: int, sample: _Sample
) -> dict[str, Any]:
    """The country's row of the sample: presence, density, COG, ECI and COI.

    A country of the sample reads its row; another one is placed by the same formulas from its
    RCA against the sample's world shares (its ECI is the average kp of its products,
    standardised as the sample's ECI).
    """
    where = np.flatnonzero(sample.countries == rows[i])
    if where.size:
        present = _row_of(sample.M, int(where[0]))
        kc = float(sample.kc[where[0]])
    else:
        in_cols = cols.get_indexer(sample.products)
        in_rows = rows.get_indexer(sample.countries)
        world = values[np.ix_(in_rows, in_cols)].sum(axis=0)
        own = values[i, in_cols]
        with np.errstate(divide="ignore", invalid="ignore"):  # 0/0: no exports in the sample
            rca = np.nan_to_num((own / own.sum()) / (world / world.sum()), nan=0.0)
        present = (rca >= 1.0).astype(float)
        kc = float(present @ sample.kp / present.sum()) if present.any() else float("nan")
    phi = sample.phi
    colsum, rowsum = phi.sum(axis=0), phi.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(colsum > 0, (present @ phi) / colsum, 0.0)
        w = np.where(rowsum > 0, sample.kp / rowsum, 0.0)
    absent = 1.0 - present
    cog = (w @ phi - (present * w) @ phi) * absent / sample.kc.std()
    coi_raw = float((density * absent) @ sample.kp)
    coi = (coi_raw - sample.coi_raw.mean()) / sample.coi_raw.std()
    eci = (kc - sample.kc.mean()) / sample.kc.std()
    return {
        "present": present,
        "density": density,
        "cog": cog,
        "coi": coi,
        "eci": eci,
        "in_sample": bool(where.size),
    }


def _opportunities(
    position: Mapping[str, Any],
    sample: _Sample,
    *,
    rca_row: pd.Series,
    count: int,
    density_weight: float,
    n_near: int,
    named: Any,
    excluded: Any,
) -> tuple[Opportunity, ...]:
    present, density, cog = position["present"], position["density"], position["cog"]
    products = sample.products.astype(str)
    rca_now = rca_row.reindex(products).to_numpy()
    allowed = np.array([not excluded(p) for p in products], dtype=bool)
    candidates = np.flatnonzero((present == 0) & (rca_now < 1.0) & allowed)
    if count == 0 or candidates.size == 0:
        return ()
    d, g = density[candidates], cog[candidates]
    score = density_weight * _z(d) + (1.0 - density_weight) * _z(g)
    order = np.lexsort((products[candidates], -score))[:count]
    held = np.flatnonzero(present > 0)
    mean_pci = float(sample.pci[held].mean()) if held.size else float("nan")
    sorted_d = np.sort(d)
    out = []
    for rank, k in enumerate(order, start=1):
        j = candidates[k]
        percentile = float(np.searchsorted(sorted_d, d[k], side="right") / d.size)
        closest = held[np.argsort(-sample.phi[held, j], kind="stable")[:n_near]]
        near = tuple(products[closest])
        code, names = named(products[j])
        reasons = [
            # Numbers as Number: written the reader's way (0,412 in French) when shown.
            Message(
                "relatedness density {density}, rank {rank} of {count} among the products "
                "not yet exported",
                density=Number(float(density[j]), digits=3),
                rank=Number(int(np.sum(d > d[k]) + 1)),
                count=Number(int(d.size)),
            ),
            Message(
                "complexity (PCI) {pci} against {average} on average for the products exported",
                pci=Number(float(sample.pci[j]), digits=2, signed=True),
                average=Number(mean_pci, digits=2, signed=True),
            ),
            Message("complexity outlook gain {cog}", cog=Number(float(cog[j]), digits=3)),
        ]
        if near:
            reasons.append(
                Message(
                    "close to {near}",  # = CLOSE_TO (a literal: the catalogue extracts it)
                    near=" / ".join(product_words(p) for p in near),
                )
            )
        out.append(
            Opportunity(
                product=products[j],
                code=code,
                names=names,
                density=float(density[j]),
                density_percentile=percentile,
                pci=float(sample.pci[j]),
                cog=float(cog[j]),
                rca=float(rca_now[j]),
                score=float(score[k]),
                rank=rank,
                reasons=tuple(reasons),
                near=near,
                near_names=tuple(named(p)[1] for p in near),
            )
        )
    return tuple(out)


def _prefixes(exclude: Collection[str], func: str) -> tuple[str, ...]:
    if isinstance(exclude, str):
        exclude = (exclude,)
    out = []
    for code in exclude:
        text = str(code).strip()
        if not (text.isdigit() and 1 <= len(text) <= 6):
            raise InvalidParameterError(
                Message(
                    "The 'exclude' parameter of {func} takes HS codes or code prefixes of 1 to 6 "
                    "digits, e.g. 27 or 7108; got {value!r}.",
                    func=func,
                    value=str(code),
                )
            )
        out.append(text)
    return tuple(out)


def _z(x: np.ndarray) -> np.ndarray:
    sd = x.std()
    return (x - x.mean()) / sd if sd > 0 else np.zeros_like(x)


def export_opportunities(
    trade: pd.DataFrame, country: str, *, opportunities: int = 20, **options: Any
) -> tuple[Opportunity, ...]:
    """The products ``country`` could export next, best first (see :func:`export_profile`).

    Parameters
    ----------
    trade, country
        As in :func:`export_profile`.
    opportunities : int, default 20
        How many to return.
    **options
        Any keyword option of :func:`export_profile` (``density_weight``, ``n_near``, the
        sample thresholds, ``codes`` and ``names``).

    Returns
    -------
    tuple of Opportunity

    Raises
    ------
    NotFoundError
        If ``country`` is not a row of ``trade``.
    InvalidParameterError
        As :func:`export_profile`: a bad matrix, a country without exports, an option out of
        range.

    References
    ----------
    .. [1] Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*.
       MIT Press.
    """
    return export_profile(trade, country, opportunities=opportunities, **options).opportunities
