"""Stage 8, card: the published package -> ``docs/index.html``, a self-contained data card.

One page a reader can open without a server or a network: what the dataset is,
its coverage, a chart of each pair's series (altair, rendered to inline SVG by
vl-convert, so no script or CDN is needed), the latest facts with their quotes and
sources, the validation summary and how to load the package. Every text comes
from the package itself, and every value is escaped.
"""
from __future__ import annotations

import datetime as dt
import functools
import heapq
import html
import json
import sys
from collections import defaultdict
from importlib import metadata
from pathlib import Path

import schemas
from stages.common import stage_parser, BUILD, DATA, REPO, REPORTS, params, relative, run_stage
from tradestats.csvio import write_text_atomic
from tradestats.progress import progress
from tradestats.source_cache import code_digest, digest
from tradestats.typed_export import read_all

CARD = REPO / "docs" / "index.html"
#: Each chart's SVG by the hash of what it draws (DVC-untracked, like the extraction cache).
CACHE = BUILD / "card-cache"
#: The published tables' typed rows, by the hash of each file (written by whichever of database and card types first).
TYPED_CACHE = BUILD / "typed-cache"
LATEST = 10
FLOW_LABELS = {"turnover": "turnover", "export": "exports", "import": "imports"}


def esc(value, quote: bool = False) -> str:
    """HTML-escaped text of a cell; an empty (NULL) cell is no text."""
    return "" if value is None else html.escape(str(value), quote=quote)


def pair_label(reporter: str, partner: str, names: dict[str, str]) -> str:
    return f"{names.get(reporter, reporter)} – {names.get(partner, partner)}"


def series_by_pair(series: list[dict]) -> dict[tuple[str, str], list[dict]]:
    """Series points grouped by their (unordered) pair of economies, so a pair's flows share a chart."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in series:
        if row["value"] is not None and row["period_start"]:
            groups[tuple(sorted((row["reporter"], row["partner"])))].append(row)
    return dict(sorted(groups.items()))


#: The fields of a series point a chart draws: its SVG depends on these (and the title) only.
CHART_FIELDS = ("flow", "reporter", "partner", "period_start", "period_end", "as_of", "value", "unit", "basis")


def chart_svg(points: list[dict], title: str) -> str:
    """One pair's series as an SVG line chart: value by period end, a line per flow and unit, derived values hollow.

    altair, vl-convert and pandas are imported here, not with the module: a run whose
    charts all come from the cache draws none and does not pay for their import.
    """
    import altair as alt
    import pandas as pd
    import vl_convert

    frame = pd.DataFrame([{
        "period": p["period_end"] or p["as_of"] or p["period_start"],
        "months": period_months(p["period_start"], p["period_end"] or p["as_of"]),
        "value_millions": p["value"] / 1e6,
        "series": f"{FLOW_LABELS[p['flow']]} {p['reporter']}→{p['partner']}" if p["flow"] != "turnover"
        else f"turnover {p['reporter']}–{p['partner']}",
        "unit": p["unit"], "basis": p["basis"],
    } for p in points])
    frame["series"] = frame["series"] + " (" + frame["months"].astype(str) + " months, " + frame["unit"] + ")"
    chart = (
        alt.Chart(frame, title=title)
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=60))
        .encode(
            x=alt.X("period:T", title="end of period"),
            y=alt.Y("value_millions:Q", title="value (millions of the currency)"),
            color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", columns=2, labelLimit=400)),
            shape=alt.Shape("basis:N", title="basis"),
            tooltip=["series", "period", "value_millions", "basis"],
        )
        .properties(width=560, height=240)
    )
    return vl_convert.vegalite_to_svg(chart.to_json())


def period_months(start: str, end: str) -> int:
    """How many calendar months a period spans (series of different lengths are not one line)."""
    if not start or not end:
        return 0
    s, e = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return (e.year - s.year) * 12 + e.month - s.month + 1


def latest_facts(tables: dict[str, list[dict]], sources: dict[str, dict], n: int = LATEST) -> list[dict]:
    """The facts of the most recent publications first (then by position in the article).

    ``heapq.nlargest`` is the first ``n`` of the sorted list, ties in the same order, without sorting (or copying)
    every fact of the package for the ten the card shows.
    """
    facts = ((name, r) for name in schemas.FACT_TABLES for r in tables[name])
    latest = heapq.nlargest(n, facts, key=lambda item: (sources[item[1]["source_id"]]["published"],
                                                        item[1]["source_id"], -item[1]["char_start"],
                                                        item[1]["fact_id"]))
    return [{**r, "table": name} for name, r in latest]


def source_link(src: dict) -> str:
    title = html.escape(src["title"] or src["source_id"])
    if src["url"]:
        return f'<a href="{html.escape(src["url"], quote=True)}">{title}</a>'
    return f'<a href="#source-{html.escape(src["source_id"], quote=True)}">{title}</a>'


def money(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    if unit and not (len(unit) == 3 and unit.isupper()):  # a measure (t, kg, m3, kWh, l, bbl), not a currency
        return f"{value:,.0f} {unit}"
    return f"{value / 1e6:,.1f} million {html.escape(unit or '')}"


def render(meta: dict, tables: dict[str, list[dict]], validation: dict, charts: list[tuple[str, str]]) -> str:
    """The whole card as one HTML document (inline CSS and SVG, no scripts)."""
    e = esc
    names = {r["code"]: r["name"] for r in tables["countries"]}
    sources = {r["source_id"]: r for r in tables["sources"]}
    series = tables["trade_series"]
    pairs = series_by_pair(series)
    coverage_rows = []
    for (a, b), points in pairs.items():
        periods = sorted({(p["period_start"], p["period_end"] or p["as_of"] or "") for p in points})
        flows = ", ".join(sorted({FLOW_LABELS[p["flow"]] for p in points}))
        coverage_rows.append(f"<tr><td>{e(pair_label(a, b, names))}</td><td>{e(flows)}</td><td>{len(periods)}</td>"
                             f"<td>{e(periods[0][0])}</td><td>{e(periods[-1][1] or periods[-1][0])}</td>"
                             f"<td>{len(points)}</td></tr>")
    fact_rows = []
    for f in latest_facts(tables, sources):
        src = sources[f["source_id"]]
        flow = f.get("flow") or f["table"]
        what = f"{flow} {f['commodity']}" if f["table"] == "commodities" else f["table"]
        period = f"{f['period_start'] or '?'} – {f['period_end'] or '?'}" if f["period_start"] else "not stated"
        growth = f" (×{f['growth_ratio']:g})" if f["growth_ratio"] is not None else ""
        fact_rows.append(
            f"<tr><td><code>{e(f['fact_id'])}</code></td><td>{e(what)}</td>"
            f"<td>{e(f['reporter'])}–{e(f['partner'])}</td><td>{e(period)}</td>"
            f"<td>{money(f['value'], f['unit'])}{e(growth)}</td>"
            f"<td><q>{e(f['quote'])}</q></td><td>{source_link(src)}<br><small>{e(src['published'])}</small></td></tr>")
    source_rows = [f'<tr id="source-{e(s["source_id"], quote=True)}"><td><code>{e(s["source_id"])}</code></td>'
                   f"<td>{e(s['title'])}</td><td>{e(s['publisher'])}</td><td>{e(s['published'])}</td>"
                   f"<td>{source_link(s) if s['url'] else ''}</td></tr>" for s in tables["sources"]]
    counts = ", ".join(f"{name} {len(tables[name])}" for name in schemas.PUBLISHED)
    v = validation
    status = "passed" if v.get("passed") else "FAILED"
    licence = meta["licenses"][0]
    chart_html = "\n".join(f'<figure class="chart" data-pair="{e(label, quote=True)}">{svg}'
                           f"<figcaption>{e(label)}</figcaption></figure>" for label, svg in charts)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(meta['title'])} — data card</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1.5rem; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }}
th {{ background: #f4f4f4; }} code, pre {{ background: #f6f6f6; }} pre {{ padding: .75rem; overflow-x: auto; }}
figure.chart {{ margin: 1rem 0; }} figcaption {{ font-size: .85rem; color: #555; }}
q {{ font-style: italic; }}
</style>
</head>
<body>
<h1>{e(meta['title'])}</h1>
<p>{e(' '.join(meta['description'].split()))}</p>
<p>Version {e(meta['version'])} · data licence <a href="{e(licence['path'], quote=True)}">{e(licence['name'])}</a>
· tables: {e(counts)}.</p>

<h2 id="coverage">Coverage</h2>
<table><thead><tr><th>pair</th><th>flows</th><th>periods</th><th>first period from</th><th>last period to</th>
<th>series points</th></tr></thead><tbody>
{''.join(coverage_rows)}
</tbody></table>

<h2 id="series">Series by pair</h2>
<p>Values of <code>trade_series</code> in millions of the currency, by the end of their period; one line per flow,
direction, period length and unit; the point shape tells a stated value from one derived from a stated value and growth ratio.</p>
{chart_html}

<h2 id="latest">Latest facts</h2>
<table><thead><tr><th>fact</th><th>what</th><th>pair</th><th>period</th><th>value</th><th>quote</th><th>source</th></tr>
</thead><tbody>
{''.join(fact_rows)}
</tbody></table>

<h2 id="validation">Validation</h2>
<p>Validation {status}: {v.get('accepted', 0)} facts accepted of {v.get('candidates', 0)} candidates
({v.get('corrected', 0)} corrected, {v.get('hand_added', 0)} added by hand, {v.get('rejected', 0)} rejected,
{v.get('pending', 0)} pending); {v.get('quotes_checked', 0)} quotes checked against their articles;
{v.get('checks_passed', 0)} of {v.get('checks_run', 0)} consistency checks passed; {v.get('errors', 0)} errors,
{v.get('warnings', 0)} warnings, {v.get('conflicts', 0)} conflicts between sources.</p>

<h2 id="sources">Sources</h2>
<p>A title in square brackets was written from the article's text: its headline is not known.</p>
<table><thead><tr><th>source_id</th><th>title</th><th>publisher</th><th>published</th><th>link</th></tr></thead>
<tbody>{''.join(source_rows)}</tbody></table>

<h2 id="load">How to load</h2>
<pre>from frictionless import Package
package = Package("datapackage.json")          # CSV + schemas, keys and hashes checked by package.validate()

import sqlite3                                 # dist/tradestats.sqlite, built by `dvc repro`
sqlite3.connect("dist/tradestats.sqlite").execute("SELECT * FROM trade_series").fetchall()

import pandas as pd                            # dist/parquet/&lt;table&gt;.parquet, typed
pd.read_parquet("dist/parquet/turnover.parquet")</pre>
<p>Cite with <code>CITATION.cff</code>; code under MIT, data under {e(licence['name'])}.</p>
</body>
</html>
"""


def chart_key(points: list[dict], title: str) -> str:
    """Everything one chart's SVG depends on: the drawn fields of its points (in order), its title, this module and
    the rendering libraries (their installed versions, read without importing them)."""
    return digest([drawing_code(), title, [[(name, p[name]) for name in CHART_FIELDS] for p in points]])


@functools.cache
def drawing_code() -> str:
    """The hash of this module and the installed versions of the libraries that draw a chart (once per run)."""
    return digest([code_digest(Path(__file__)),
                   *(metadata.version(name) for name in ("altair", "vl-convert-python", "pandas"))])


def cached_chart_svg(points: list[dict], title: str, cache_dir: Path | None, used: set[str]) -> str:
    """:func:`chart_svg`, kept in ``cache_dir`` by :func:`chart_key`: one more article redraws its pair's chart only.

    Rendering is most of the stage (a second per ten charts), and a new article
    changes the series of one pair, so the other charts are read back unchanged.
    """
    if cache_dir is None:
        return chart_svg(points, title)
    path = cache_dir / f"{chart_key(points, title)}.svg"
    used.add(path.name)
    if path.exists():
        return path.read_text(encoding="utf-8")
    svg = chart_svg(points, title)
    write_text_atomic(path, svg)
    return svg


def prune_charts(cache_dir: Path, used: set[str]) -> None:
    """Drop charts no pair draws any more, so the cache holds one package's charts, not every past one's."""
    for path in cache_dir.glob("*.svg"):
        if path.name not in used:
            path.unlink(missing_ok=True)


def build_card(data_dir: Path, validation_path: Path, meta: dict, cache_dir: Path | None = None,
               typed_cache: Path | None = None) -> str:
    """The card's HTML; with ``cache_dir``, charts whose points are unchanged since the last run are not redrawn;
    with ``typed_cache``, tables typed before (by the database stage) from the same bytes are read back."""
    tables = read_all(schemas.PUBLISHED, data_dir, relative, typed_cache)
    names = {r["code"]: r["name"] for r in tables["countries"]}
    pairs = series_by_pair(tables["trade_series"])
    used: set[str] = set()
    charts = []
    with progress("card", len(pairs), "charts", min_items=100) as advance:
        for (a, b), points in pairs.items():
            charts.append((pair_label(a, b, names), cached_chart_svg(points, pair_label(a, b, names), cache_dir, used)))
            advance(1)
    if cache_dir is not None and cache_dir.exists():
        prune_charts(cache_dir, used)
    validation = json.loads(validation_path.read_text(encoding="utf-8")) if validation_path.exists() else {}
    return render(meta, tables, validation, charts)


def main(argv: list[str] | None = None) -> None:
    parser = stage_parser("card", __doc__)
    parser.add_argument("--data", type=Path, default=DATA, metavar="DIR",
                        help=f"folder of the published CSVs (default: {relative(DATA)})")
    parser.add_argument("--validation", type=Path, default=REPORTS / "validation.json", metavar="FILE",
                        help="the validation metrics (default: reports/validation.json)")
    parser.add_argument("--out", type=Path, default=CARD, metavar="FILE",
                        help=f"the data card to write (default: {relative(CARD)})")
    parser.add_argument("--no-cache", action="store_true",
                        help=f"draw every chart and type every row again, ignoring {relative(CACHE)} and "
                             f"{relative(TYPED_CACHE)}")
    args = parser.parse_args(argv)
    write_text_atomic(args.out, build_card(args.data, args.validation, params("package"),
                                           None if args.no_cache else CACHE, None if args.no_cache else TYPED_CACHE))
    print(f"card: {relative(args.out)}", file=sys.stderr)


if __name__ == "__main__":
    run_stage(main)
