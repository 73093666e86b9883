"""ECI/PCI, fitness and the whole suite: hand-computed toys, Stata/R/OEC references, invariants."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from grappe.complexity import (
    binary_specialisation,
    complexity_outlook,
    complexity_suite,
    eci_pci,
    fitness_complexity,
    pivot_long,
    rca,
    relatedness_density,
)
from grappe.errors import ConvergenceError, GrappeError, InvalidParameterError

NESTED = pd.DataFrame(
    [[1, 1, 1], [1, 1, 0], [1, 0, 0]], index=list("abc"), columns=list("xyz"), dtype=float
)
R15 = math.sqrt(1.5)


def test_eci_pci_nested_toy_by_hand():
    # M_cc has eigenvalues 1, 1/4 and 0; the second eigenvector is (2/3, -1/3, -4/3) (see docs)
    res = eci_pci(NESTED)
    assert res.eigenvalue == pytest.approx(0.25, abs=1e-14)
    np.testing.assert_allclose(res.eci.to_numpy(), [R15, 0.0, -R15], atol=1e-12)
    # growth-lab PCI is on the ECI scale: (-1/4, 1/4, 3/4) / sd(kc) with sd = 1/sqrt(24)
    np.testing.assert_allclose(res.pci.to_numpy(), [-R15, R15, 3 * R15], atol=1e-12)
    z = eci_pci(NESTED, standardise="zscore").pci.to_numpy()
    np.testing.assert_allclose(z, (np.array([-1, 1, 3]) - 1) / np.std([-1, 1, 3]), atol=1e-12)
    s = eci_pci(NESTED, standardise="zscore-sample").eci.to_numpy()
    np.testing.assert_allclose(s, [1.0, 0.0, -1.0], atol=1e-12)


@pytest.mark.parametrize("form", ["frame", "array", "sparse"])
def test_eci_dense_sparse_and_labels(form):
    X = {"frame": NESTED, "array": NESTED.to_numpy(), "sparse": sp.csr_array(NESTED.to_numpy())}[
        form
    ]
    res = eci_pci(X, rows=None if form == "frame" else list("abc"))
    assert list(res.eci.index) == list("abc")
    np.testing.assert_allclose(res.eci.to_numpy(), [R15, 0.0, -R15], atol=1e-12)


def test_empty_rows_and_columns_are_excluded_explicitly():
    M = np.zeros((4, 4))
    M[:3, :3] = NESTED.to_numpy()
    res = eci_pci(M, rows=list("abcd"), cols=list("xyzw"))
    assert res.excluded_rows == ("d",) and res.excluded_cols == ("w",)
    assert np.isnan(res.eci["d"]) and np.isnan(res.pci["w"])
    np.testing.assert_allclose(res.eci.dropna().to_numpy(), [R15, 0.0, -R15], atol=1e-12)


def test_reflections_fixed_iterations_follow_hidalgo_hausmann():
    res = eci_pci(NESTED, method="reflections", n_iter=4, standardise="none")
    # kc_0 = (3,2,1); kp_1 = (2, 2.5, 3); kc_2 = M kp_1 / kc_0 = (7.5/3, 4.5/2, 2) ; ECI = kc_2
    np.testing.assert_allclose(res.eci.to_numpy(), [2.5, 2.25, 2.0])


def test_converged_reflections_match_eigenvector():
    rng = np.random.default_rng(7)
    X = rng.lognormal(0, 2, (60, 40)) * (rng.random((60, 40)) < 0.5)
    M = binary_specialisation(X)
    eig = eci_pci(M)
    ref = eci_pci(M, method="reflections")
    assert ref.converged and ref.iterations > 0
    np.testing.assert_allclose(ref.eci, eig.eci, atol=1e-9)
    np.testing.assert_allclose(ref.pci, eig.pci, atol=1e-9)
    assert ref.eigenvalue == pytest.approx(eig.eigenvalue, abs=1e-10)


def test_non_convergence_raises_convergence_error():
    rng = np.random.default_rng(8)
    M = binary_specialisation(rng.random((30, 20)))
    with pytest.raises(ConvergenceError, match=r"reflections did not converge in 2 steps") as info:
        eci_pci(M, method="reflections", max_iter=2)
    assert info.value.iterations == 2
    assert info.value.tol == 1e-13
    assert isinstance(info.value, GrappeError)


def test_eigen_solver_failure_raises_convergence_error(monkeypatch):
    """ARPACK's own failure reaches the user as grappe's ConvergenceError (matrix > 60 cols)."""
    from scipy.sparse.linalg import ArpackNoConvergence

    import grappe.complexity.eci as eci_module

    def failing(*args, **kwargs):
        raise ArpackNoConvergence("ARPACK error -1: No convergence", np.empty(0), np.empty(0))

    monkeypatch.setattr(eci_module, "eigsh", failing)
    rng = np.random.default_rng(3)
    M = binary_specialisation(rng.random((80, 70)))
    with pytest.raises(ConvergenceError, match=r"eigen-solver \(ARPACK\) did not converge"):
        eci_pci(M)


def test_large_input_uses_iterative_solver_with_same_answer():
    rng = np.random.default_rng(11)
    X = rng.lognormal(0, 2, (900, 700)) * (rng.random((900, 700)) < 0.4)
    M = binary_specialisation(X)
    big = eci_pci(M)  # 700 > 60: Lanczos on the symmetric operator
    small = eci_pci(M[:, :55])  # dense symmetric eigensolver
    assert big.eci.notna().sum() > 800
    ref = eci_pci(M, method="reflections")
    np.testing.assert_allclose(big.eci, ref.eci, atol=1e-8)
    ref_small = eci_pci(M[:, :55], method="reflections")
    np.testing.assert_allclose(small.eci, ref_small.eci, atol=1e-8)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"method": "power"}, "'method' parameter"),
        ({"standardise": "minmax"}, "'standardise' parameter"),
        ({"n_iter": 1, "method": "reflections"}, "'n_iter' parameter"),
        ({"tol": 0.0}, "'tol' parameter"),
        ({"max_iter": 0}, "'max_iter' parameter"),
    ],
)
def test_eci_parameter_errors(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        eci_pci(NESTED, **kwargs)


def test_eci_data_errors():
    with pytest.raises(InvalidParameterError, match="binary"):
        eci_pci(NESTED * 2)
    with pytest.raises(InvalidParameterError, match="at least 2 locations"):
        eci_pci([[1.0, 1.0], [0.0, 0.0]])


def test_fitness_toy_and_errors():
    res = fitness_complexity(NESTED, iterations=3)
    # F1 = M 1 / mean = (3,2,1)/2 ; Q1 = 1/(M' 1) / mean with M' 1 = (3, 2, 1)
    # F2 = M Q1 / mean(M Q1)
    q1 = 1 / np.array([3.0, 2.0, 1.0])
    q1 /= q1.mean()
    f2 = NESTED.to_numpy() @ q1
    np.testing.assert_allclose(res.fitness.to_numpy(), f2 / f2.mean())
    with pytest.raises(InvalidParameterError, match="'iterations' parameter"):
        fitness_complexity(NESTED, iterations=1)
    with pytest.raises(InvalidParameterError, match="'extremality' parameter"):
        fitness_complexity(NESTED, extremality=0.0)
    with pytest.raises(InvalidParameterError, match="at least one specialisation"):
        fitness_complexity(np.zeros((2, 2)))


matrices = arrays(
    np.float64, st.tuples(st.integers(3, 9), st.integers(3, 9)), elements=st.floats(0, 100)
)


@settings(max_examples=30, deadline=None)
@given(X=matrices, data=st.data())
def test_eci_permutation_equivariant_and_methods_agree(X, data):
    M = binary_specialisation(X)
    d, u = M.sum(axis=1), M.sum(axis=0)
    assume((d > 0).sum() >= 3 and (u > 0).sum() >= 3)
    Mk = M[d > 0][:, u > 0]
    vals = np.sort(np.linalg.eigvals((Mk / Mk.sum(1)[:, None]) @ (Mk / Mk.sum(0)).T).real)
    # a second eigenvalue well separated from the third makes ECI (and its ranking) well defined
    assume(len(vals) >= 3 and vals[-2] > 1e-3 and vals[-3] < 0.9 * vals[-2])
    try:
        base = eci_pci(M)
    except InvalidParameterError:
        assume(False)
    pr = np.array(data.draw(st.permutations(range(M.shape[0]))))
    pc = np.array(data.draw(st.permutations(range(M.shape[1]))))
    perm = eci_pci(M[pr][:, pc])
    refl = eci_pci(M, method="reflections", tol=1e-12, max_iter=5000)
    ok = base.eci.notna()
    e, p = base.eci[ok].to_numpy(), base.pci.dropna().to_numpy()
    d_ok, u_ok = d[d > 0], u[u > 0]
    # the sign is a convention; it is undetermined only for perfectly symmetric spectra
    ambiguous = (
        (np.std(d_ok) == 0 or abs(np.corrcoef(d_ok, e)[0, 1]) < 1e-6)
        and (np.std(u_ok) == 0 or abs(np.corrcoef(u_ok, p)[0, 1]) < 1e-6)
        and abs(np.mean((e - e.mean()) ** 3)) < 1e-6
    )
    signs = (1.0, -1.0) if ambiguous else (1.0,)

    def close(a, b):
        return any(np.allclose(a, s * b, atol=1e-7, equal_nan=True) for s in signs)

    assert close(perm.eci.to_numpy(), base.eci.to_numpy()[pr])
    assert close(perm.pci.to_numpy(), base.pci.to_numpy()[pc])
    assert close(refl.eci[ok].to_numpy(), e)
    # same ranking (values equal to rounding compared as ties)
    if not ambiguous:
        ranks = refl.eci[ok].round(6).rank().to_numpy()
        assert (ranks == base.eci[ok].round(6).rank().to_numpy()).all()


def _stata(fixtures):
    f = pd.read_csv(fixtures / "complexity" / "stata_ground_truth_1995.csv", dtype={"hs92": str})
    X = pivot_long(f, rows="origin", cols="hs92", values="export_val")
    return f, X


@pytest.mark.parametrize("engine", ["numpy", "numba"])
def test_stata_ecomplexity_ground_truth(fixtures, engine):
    """Growth Lab Stata `ecomplexity` on real trade data (py-ecomplexity fixtures, MIT)."""
    if engine == "numba":
        pytest.importorskip("numba")
    f, X = _stata(fixtures)
    wide = {
        c: f.pivot(index="origin", columns="hs92", values=c) for c in ("rca", "M", "density", "cog")
    }
    # export values are stored as Stata floats (7 significant digits), hence 1e-7 on RCA
    np.testing.assert_allclose(rca(X).to_numpy(), wide["rca"].to_numpy(), rtol=1e-7)
    M = binary_specialisation(X)
    np.testing.assert_array_equal(M.to_numpy(), wide["M"].to_numpy())
    res = eci_pci(M, standardise="stata")
    eci = f.groupby("origin")["eci"].first()
    pci = f.groupby("hs92")["pci"].first()
    np.testing.assert_allclose(res.eci.to_numpy(), eci.to_numpy(), atol=1e-12)
    np.testing.assert_allclose(res.pci.to_numpy(), pci.to_numpy(), atol=1e-12)
    np.testing.assert_allclose(
        relatedness_density(M, engine=engine).to_numpy(), wide["density"].to_numpy(), atol=1e-12
    )
    out = complexity_outlook(M, res, engine=engine)
    np.testing.assert_allclose(
        out.coi.to_numpy(), f.groupby("origin")["coi"].first().to_numpy(), atol=1e-12
    )
    np.testing.assert_allclose(out.cog.to_numpy(), wide["cog"].to_numpy(), atol=1e-12)
    # py-ecomplexity's convention differs only by Stata's long-table sd: a factor sqrt(CP/(CP-1))
    gl = eci_pci(M)
    np.testing.assert_allclose(
        gl.eci.to_numpy(), res.eci.to_numpy() * math.sqrt(300 / 299), atol=1e-12
    )
    suite = complexity_suite(X, standardise="stata", engine=engine)
    np.testing.assert_allclose(suite.rows["eci"].to_numpy(), eci.to_numpy(), atol=1e-12)
    np.testing.assert_allclose(suite.cog.to_numpy(), wide["cog"].to_numpy(), atol=1e-12)
    np.testing.assert_allclose(
        suite.rows["coi"].to_numpy(), f.groupby("origin")["coi"].first(), atol=1e-12
    )


def test_suite_matches_individual_functions_dense_and_sparse(fixtures):
    _, X = _stata(fixtures)
    suite = complexity_suite(X)
    M = binary_specialisation(X)
    res = eci_pci(M)
    np.testing.assert_allclose(suite.rows["eci"], res.eci, atol=1e-12)
    np.testing.assert_allclose(suite.cols["pci"], res.pci, atol=1e-12)
    np.testing.assert_allclose(suite.density, relatedness_density(M), atol=1e-14)
    np.testing.assert_allclose(suite.rows["fitness"], fitness_complexity(M).fitness, rtol=1e-12)
    sparse = complexity_suite(sp.csr_array(X.to_numpy()), rows=X.index, cols=X.columns)
    np.testing.assert_allclose(sparse.rows["eci"], suite.rows["eci"], atol=1e-12)
    np.testing.assert_allclose(sparse.cog.to_numpy(), suite.cog.to_numpy(), atol=1e-12)


def test_suite_errors_and_missing_regions():
    X = NESTED.copy()
    X.loc["d"] = [np.nan, 1.0, 1.0]
    with pytest.raises(InvalidParameterError, match="missing='drop'"):
        complexity_suite(X)
    with pytest.raises(InvalidParameterError, match="ECI is undefined"):
        complexity_suite(np.ones((3, 3)))
    with pytest.raises(InvalidParameterError, match="at least 2 locations"):
        complexity_suite(np.diag([1.0, 0.0, 0.0]))
    with pytest.raises(InvalidParameterError, match="'population' parameter"):
        complexity_suite(NESTED, presence="rpop")
    with pytest.raises(InvalidParameterError, match="'presence' parameter"):
        complexity_suite(NESTED, presence="lq")


@pytest.mark.shared
def test_r_economiccomplexity_reference(shared_data):
    """R economiccomplexity on world trade 1998-2000: binary RCA, fitness, proximity to 1e-9."""
    d = shared_data / "economic_complexity"
    t = pd.read_csv(d / "ots_world_trade_sitc2_4d_avg1998_2000.csv.gz", dtype={"product": str})
    X = pivot_long(t, rows="country", cols="product", values="value")
    M = binary_specialisation(X)
    ref = pd.read_csv(
        d / "ref_economiccomplexity_R_binary_rca_pairs.csv.gz", dtype={"product": str}
    )
    expected = pd.crosstab(ref["country"], ref["product"]).reindex(index=M.index, columns=M.columns)
    np.testing.assert_array_equal(M.to_numpy(), expected.fillna(0).to_numpy(dtype=float))
    fit = fitness_complexity(M)
    rf = pd.read_csv(d / "ref_economiccomplexity_R_fitness_country.csv").set_index("country")[
        "fitness"
    ]
    rc = pd.read_csv(d / "ref_economiccomplexity_R_complexity_product.csv", dtype={"product": str})
    rc = rc.set_index("product")["complexity"]
    np.testing.assert_allclose(fit.fitness.reindex(rf.index), rf, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fit.complexity.reindex(rc.index), rc, rtol=1e-9, atol=1e-12)
    from grappe.complexity import proximity

    for axis, name in (("columns", "product"), ("rows", "country")):
        ref_phi = pd.read_parquet(d / f"ref_economiccomplexity_R_proximity_{name}.parquet")
        phi = proximity(M, axis=axis).reindex(index=ref_phi.index, columns=ref_phi.columns)
        np.testing.assert_allclose(phi.to_numpy(), ref_phi.to_numpy(), atol=1e-12)


@pytest.mark.shared
def test_oec_published_eci_correlation(shared_data):
    """ECI of the 2020 country x HS4 matrix vs the OEC's published 2020 trade ECI.

    A plain eigenvector ECI on all 228 economies correlates 0.959 with the OEC's 128 ranked
    countries; restricting the matrix to the countries the OEC ranks (it drops small and
    poorly reported economies before computing) raises it. The rest of the gap comes from the
    OEC's own pipeline (its product list and trade-data cleaning), which is not published
    with the values.
    """
    d = shared_data / "economic_complexity"
    X = pd.read_csv(d / "stojkoski2023_trade_country_x_hs4product_2020.csv.gz").set_index("Row")
    oec = pd.read_csv(d / "oec_eci_trade_1998_2022.csv")
    o = oec[oec["year"] == 2020].set_index("iso3")["eci"]
    res = eci_pci(binary_specialisation(X))
    common = o.index.intersection(res.eci.dropna().index)
    assert len(common) >= 120
    r_all = np.corrcoef(res.eci[common], o[common])[0, 1]
    assert r_all >= 0.95
    ranked = eci_pci(binary_specialisation(X.loc[X.index.intersection(o.index)]))
    r_ranked = np.corrcoef(ranked.eci[common], o[common])[0, 1]
    assert r_ranked >= r_all >= 0.95
    assert res.eci[common].corr(o[common], method="spearman") >= 0.95
