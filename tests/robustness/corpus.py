"""The acceptance corpus of issue 12: bad input files and valid variants for every command.

Each :class:`Case` is one run of the real ``grappe`` command line: the files it needs (made
from small base files, below), the arguments, the exit code expected and a regular expression
the console output must match. ``test_cli_corpus.py`` runs every case; the table at the end of
this module reads like the list of what grappe must refuse, warn about, or read.

Base files (the only inputs; everything else is derived from them here, in memory)
-------------------------------------------------------------------------------------
Real data:

- ``tests/robustness/data/ma_regions_employed_2014.csv``: employed population of Morocco's 12
  regions × 9 sectors, HCP census 2014 (CC BY 4.0), with the regions' French and Arabic
  names; see ``tests/robustness/data/PROVENANCE.md``. Base of the ``grappe map`` cases.
- ``tests/fixtures/cbp_delaware/cbp_county_delaware.parquet``: US County Business Patterns,
  Delaware's 3 counties 2017–2021 (public domain). Base of the ``--source cbp`` cases, of the
  indicators read by ``assess``/``report``, and of the 50 MB CSV (its 2019 rows repeated under
  new region codes: a *re-keyed* copy, not real counties).
- ``tests/fixtures/complexity/stata_ground_truth_1995.csv``: exports of 10 countries × 30
  products, 1995 (Harvard Growth Lab, MIT). Base of the ``grappe complexity`` cases.
- ``grappe/data/networks/knoke``: Knoke's Indianapolis organisations (bundled). Base of the
  ``grappe network`` cases.
- ``tests/fixtures/spatial/dz_actors_algiers_constantine.csv``: support actors of SMEs in
  Algiers, geocoded by TransformaTek (CC BY 4.0 / CC0). Base of the ``grappe spatial`` cases.

Illustrative (hand-made, invented figures; there is no real equivalent to derive from):

- ``tests/robustness/data/ma_sector_clusters.csv`` (a grouping of HCP's sectors),
  ``tests/fixtures/roadmap/*`` (roadmap, KPIs, label), ``tests/fixtures/matchmaking/*``
  (needs and capabilities), ``tests/fixtures/network/synthetic_actors.csv`` (French accents)
  and the questionnaire answers written below.

Every broken file (empty, garbage, truncated, mis-encoded, implausible…) is made here from
these bases: it is a test input, not data.
"""

from __future__ import annotations

import functools
import gzip
import io
import random
import re
import struct
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = HERE / "data"
FIXTURES = REPO / "tests" / "fixtures"

#: A maker returns the bytes of a file; :data:`DIRECTORY` makes a folder instead.
Maker = Callable[[], bytes]


def DIRECTORY() -> bytes:  # noqa: N802 - a sentinel used like a constant
    """Sentinel maker: the path is created as an (empty) folder."""
    raise AssertionError("DIRECTORY is a sentinel, not called")


@dataclass(frozen=True)
class Case:
    """One run of the CLI on a file of the corpus.

    Attributes
    ----------
    id : str
        Test id: ``<command>-<what is wrong>``.
    args : tuple of str
        Command-line arguments; ``{name}`` is the path of the file ``name`` (made from
        ``files`` or the common files; a name found in neither is a path that does not exist),
        ``{out}`` an empty output folder.
    files : mapping of str to Maker
        The files of this case, by name.
    kind : {"bad", "warn", "valid"}
        ``bad``: exit 1 with an ``Error:`` line; ``warn``: a ``Warning:`` line and ``exit``;
        ``valid``: exit 0 and ``check`` passes.
    match : str
        Regular expression searched (case-insensitive) in stdout + stderr, whitespace collapsed.
    area : {"reader", "plausibility", "writer"}
        Whose job the behaviour is (h1-open, h2-plaus, h3-write).
    exit : int
        Expected exit code.
    names : str or None
        File name the message must contain (default: the first of ``files``; ``""`` for none).
    check : callable, optional
        ``check(out_folder, output_text)`` for valid variants.
    """

    id: str
    args: tuple[str, ...]
    files: Mapping[str, Maker]
    kind: str
    match: str
    area: str = "reader"
    exit: int = 1
    names: str | None = None
    check: Callable[[Path, str], None] | None = field(default=None, compare=False)

    @property
    def named_file(self) -> str:
        if self.names is not None:
            return self.names
        return next(iter(self.files), "")


def resolve(case: Case, folder: Path, common: Mapping[str, Maker]) -> list[str]:
    """Write the files of ``case`` (or of ``common``) into ``folder``; its arguments with paths."""
    out = folder / "out"
    out.mkdir(exist_ok=True)
    made: dict[str, Path] = {}

    def path_of(name: str) -> str:
        if name == "out":
            return str(out)
        if name not in made:
            maker = case.files.get(name) or common.get(name)
            target = folder / name
            if maker is DIRECTORY:
                target.mkdir()
            elif maker is not None:
                target.write_bytes(maker())
            made[name] = target
        return str(made[name])

    return [re.sub(r"\{([^{}]+)\}", lambda m: path_of(m.group(1)), a) for a in case.args]


# --- base data ------------------------------------------------------------------------------


@functools.cache
def ma_frame() -> pd.DataFrame:
    """Morocco, employed by region × sector, 2014 (real; text columns)."""
    return pd.read_csv(DATA / "ma_regions_employed_2014.csv", dtype=str, keep_default_na=False)


@functools.cache
def cbp_county() -> pd.DataFrame:
    """Delaware's counties, County Business Patterns 2017–2021 (real)."""
    return pd.read_parquet(FIXTURES / "cbp_delaware" / "cbp_county_delaware.parquet")


def cbp_csv_frame(year: int = 2019) -> pd.DataFrame:
    """One year of the Delaware county table in the CBP county layout, as text."""
    d = cbp_county()
    d = d[d["year"] == year][["fips", "naics", "year", "emp", "estab", "payann"]]
    return d.astype(str).reset_index(drop=True)


@functools.cache
def stata_frame() -> pd.DataFrame:
    """Exports of 10 countries × 30 products, 1995 (real; long table, text)."""
    d = pd.read_csv(FIXTURES / "complexity" / "stata_ground_truth_1995.csv", dtype=str)
    return d[["year", "origin", "hs92", "export_val"]]


@functools.cache
def knoke() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Knoke's 10 organisations and their ties, in grappe's actor/tie layout (real)."""
    base = resources.files("grappe") / "data" / "networks" / "knoke"
    nodes = pd.read_csv(io.StringIO((base / "knoke_nodes.csv").read_text()), dtype=str)
    edges = pd.read_csv(io.StringIO((base / "knoke_edges.csv").read_text()), dtype=str)
    spheres = {"GOV": "public", "VOL": "association", "PVT": "enterprise"}
    actors = pd.DataFrame(
        {
            "id": nodes["label"].str.strip(),
            "name": nodes["label"].str.strip(),
            "sphere": nodes["sector"].str.strip().map(spheres),
            "level": "local",
        }
    )
    fix = {"MAYO": "MAYR"}
    ties = pd.DataFrame(
        {
            "source": edges["source"].str.strip().replace(fix),
            "target": edges["target"].str.strip().replace(fix),
            "type": edges["relation"].str.strip(),
            "strength": "2",
        }
    )
    return actors, ties


@functools.cache
def points_frame() -> pd.DataFrame:
    """61 support actors in Algiers (real): CASNOS, CNAC, ANADE branches and incubators."""
    d = pd.read_csv(
        FIXTURES / "spatial" / "dz_actors_algiers_constantine.csv", dtype=str, keep_default_na=False
    )
    keep = d["actor_type"].isin(["casnos", "cnac", "anade", "coworking-incubators"])
    d = d[keep & (d["wilaya_code"] == "16") & (d["lat"] != "")]
    return d.reset_index(drop=True)


@functools.cache
def indicators_frame() -> pd.DataFrame:
    """``grappe map`` of the Delaware counties, every year (ClusterMap.indicators)."""
    from grappe.io import load_definitions, read_regional_table
    from grappe.mapping import map_clusters

    table = read_regional_table(
        FIXTURES / "cbp_delaware" / "cbp_county_delaware.parquet", source="cbp"
    )
    ind = map_clusters(table, load_definitions("us-benchmark")).indicators
    cats = [c for c in ind.columns if isinstance(ind[c].dtype, pd.CategoricalDtype)]
    return ind.astype(dict.fromkeys(cats, str))


def fixture_bytes(*parts: str) -> Maker:
    return lambda: (FIXTURES.joinpath(*parts)).read_bytes()


# --- byte builders --------------------------------------------------------------------------


def csv_of(
    frame_or_fn: Callable[[], pd.DataFrame],
    *,
    sep: str = ",",
    encoding: str = "utf-8",
    lineterminator: str = "\n",
    bom: bool = False,
) -> Maker:
    def make() -> bytes:
        text = frame_or_fn().to_csv(index=False, sep=sep, lineterminator=lineterminator)
        data = text.encode(encoding)
        return (b"\xef\xbb\xbf" + data) if bom else data

    return make


def mutate(base: Callable[[], pd.DataFrame], fn: Callable[[pd.DataFrame], pd.DataFrame]):
    """A frame maker: ``fn`` applied to a copy of ``base()``."""
    return lambda: fn(base().copy())


def parquet_of(frame_fn: Callable[[], pd.DataFrame]) -> Maker:
    def make() -> bytes:
        buf = io.BytesIO()
        frame_fn().to_parquet(buf, index=False)
        return buf.getvalue()

    return make


def xlsx_of(frame_fn: Callable[[], pd.DataFrame], sheet: str = "Sheet1") -> Maker:
    def make() -> bytes:
        buf = io.BytesIO()
        frame_fn().to_excel(buf, index=False, sheet_name=sheet)
        return buf.getvalue()

    return make


def gz(maker: Maker) -> Maker:
    return lambda: gzip.compress(maker(), mtime=0)


def truncated(maker: Maker, fraction: float = 0.5) -> Maker:
    return lambda: (lambda b: b[: int(len(b) * fraction)])(maker())


def corrupted_deflate(maker: Maker) -> Maker:
    """A gzip file whose compressed stream is damaged in the middle (CRC and data wrong)."""

    def make() -> bytes:
        b = bytearray(gzip.compress(maker(), mtime=0))
        mid = len(b) // 2
        for i in range(mid, min(mid + 64, len(b) - 8)):
            b[i] ^= 0x5A
        return bytes(b)

    return make


def garbage(n: int = 4096, seed: int = 12) -> Maker:
    return lambda: random.Random(seed).randbytes(n)


def png() -> bytes:
    """A real 8×8 grey PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes([128] * 8) for _ in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def text(s: str, encoding: str = "utf-8") -> Maker:
    return lambda: s.encode(encoding)


def edit(maker: Maker, old: bytes, new: bytes, count: int = 1) -> Maker:
    def make() -> bytes:
        b = maker()
        assert old in b, old
        return b.replace(old, new, count)

    return make


def add_line(maker: Maker, line: bytes) -> Maker:
    return lambda: maker().rstrip(b"\n") + b"\n" + line + b"\n"


EMPTY: Maker = lambda: b""  # noqa: E731
BLANK: Maker = lambda: b"  \n\t\n   \r\n\n"  # noqa: E731
BINARY = garbage()


def arabic_indic(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def persian(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def group_thousands(sep: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def fn(d: pd.DataFrame) -> pd.DataFrame:
        d["employment"] = [f"{int(v):,}".replace(",", sep) for v in d["employment"]]
        return d

    return fn
