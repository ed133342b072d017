"""The ``review`` command: decide the extractor's candidates without opening a CSV.

::

    review status [--prune]             pending candidates, flagged figures, decisions and stale rows, per source
    review show [SOURCE]                pending candidates and flagged figures, each highlighted in its sentence
    review accept ID... [--set FIELD=VALUE ...] [--note TEXT]
    review reject ID... --reason TEXT
    review add --source ID --quote TEXT --table T --reporter X --partner Y [more fields]
    review add --figure FIGURE_ID --table T --reporter X --partner Y [more fields]
    review dismiss FIGURE_ID... --reason TEXT
    review undo ID...                   forget a decision (the candidate is pending again)
    review export --out queue.csv       pending candidates as a spreadsheet with a decision column
    review apply queue.csv              check every line, then apply them all at once

Also runnable as ``python -m stages.review``. The logic lives in
:mod:`tradestats.review`; this module parses arguments and prints.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from stages.common import REPO
from tradestats.csvio import write_text_atomic
from tradestats.errors import InputError, Problem
from tradestats.review import (
    EDITABLE,
    Accept,
    Add,
    CandidateRecord,
    Dismiss,
    FigureRecord,
    Origin,
    Outcome,
    Reject,
    ReviewPaths,
    ReviewSession,
    Status,
    Undo,
    figure_spans,
    queue_text,
    read_queue,
)

app = typer.Typer(
    name="review",
    help="Review the extractor's candidates: accept, correct or reject each one, or add a fact it missed. "
         "Decisions are written to validated/*.csv (atomically, rows sorted) for the validate stage to check.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

class PlainHelpCommand(typer.core.TyperCommand):
    """A command whose help names each argument as its metavar (``ID...``), not its Python type
    (``ID <list[str]>``) or typer's braces (``{ID}...``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, typer.core.TyperArgument):
                name = param.metavar or param.name.upper()
                usage = (name if param.required else f"[{name}]") + ("..." if param.nargs != 1 else "")
                param.display_type_rich = lambda ctx: None
                param._usage_display_name = lambda usage=usage: usage
                param._rich_display_name = lambda name=name: name


def at_least(number: int | None, minimum: int, option: str) -> int | None:
    """A whole-number option's value, refused below ``minimum`` in words (click would say ``x>=1``)."""
    if number is not None and number < minimum:
        raise typer.BadParameter(f"expected a whole number, {minimum} or more (got {number})", param_hint=option)
    return number


NEXT_STEPS = ("decide with `review accept ID` / `review reject ID --reason TEXT`, "
              "or in bulk with `review export --out queue.csv` and `review apply queue.csv`")
FIGURE_STEPS = ("each is a figure the article states that no candidate uses: add the fact it states with "
                "`review add --figure ID --table T --reporter X --partner Y ...`, or "
                "`review dismiss ID --reason TEXT` when it is not a trade statistic")


def find_repo(start: Path) -> Path:
    """The repository around ``start`` (a folder with ``dvc.yaml`` and ``validated/``), else this package's own."""
    for folder in [start, *start.parents]:
        if (folder / "dvc.yaml").is_file() and (folder / "validated").is_dir():
            return folder
    return REPO


@app.callback()
def main(
    ctx: typer.Context,
    repo: Annotated[Optional[Path], typer.Option(
        metavar="DIR", help="Repository to review [default: the one around the current directory].",
        file_okay=False)] = None,
    candidates: Annotated[Optional[Path], typer.Option(
        metavar="FILE", help="Candidates of the last extraction [default: REPO/build/candidates.csv].", dir_okay=False)] = None,
    documents: Annotated[Optional[Path], typer.Option(
        metavar="FILE", help="Ingested documents [default: REPO/build/documents.jsonl].", dir_okay=False)] = None,
    validated: Annotated[Optional[Path], typer.Option(
        metavar="DIR", help="Folder of the hand-validated tables [default: REPO/validated].", file_okay=False)] = None,
    figures: Annotated[Optional[Path], typer.Option(
        metavar="FILE", help="Figures of the last extraction [default: figures.csv beside the candidates].", dir_okay=False)] = None,
) -> None:
    """Paths shared by every command (give them before the command: review --repo DIR status)."""
    ctx.obj = ReviewPaths.in_repo((repo or find_repo(Path.cwd())).resolve(), candidates, documents, validated,
                                  figures)


# ---------------------------------------------------------------------------- output
@contextlib.contextmanager
def reporting_errors() -> Iterator[None]:
    """Problems become a list on stderr and exit status 1, never a traceback."""
    try:
        yield
    except InputError as exc:
        typer.echo(f"error: {exc.headline}", err=True)
        for problem in exc.problems:
            typer.echo(f"  {describe(problem)}", err=True)
        raise typer.Exit(1) from None
    except OSError as exc:
        typer.echo(f"error: could not write the tables ({exc}); validated/ was left as it was", err=True)
        raise typer.Exit(1) from None


def describe(problem: Problem) -> str:
    got = f" [got {problem.value!r}]" if problem.value and problem.value != problem.file else ""
    return f"{problem.location()}: {problem.message or problem.check}{got}"


def open_session(ctx: typer.Context) -> ReviewSession:
    session = ReviewSession(ctx.obj)
    if session.recovered:
        typer.echo(f"note: rolled back an interrupted review command ({', '.join(session.recovered)} restored)",
                   err=True)
    return session


def console() -> Console:
    """Rich output on a terminal; plain text (no colour, no wrapping) when piped."""
    return Console(highlight=False, soft_wrap=True)


def print_table(out: Console, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    if out.is_terminal:
        table = RichTable(*headers, box=None, header_style="bold")
        for col in table.columns[1:]:
            col.justify = "right"
        for row in rows:
            table.add_row(*row)
        out.print(table)
        return
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        cells = [str(row[0]).ljust(widths[0])] + [str(c).rjust(w) for c, w in zip(row[1:], widths[1:])]
        out.print("  ".join(cells).rstrip(), markup=False)


def print_outcomes(outcomes: Sequence[Outcome]) -> None:
    for outcome in outcomes:
        typer.echo(f"{outcome.id}: {outcome.message}")


def highlighted(candidate: CandidateRecord, rich: bool) -> Text | str:
    """The quote with its figure marked: bold yellow on a terminal, **between asterisks** in plain text."""
    return marked(candidate.quote, figure_spans(candidate.quote, candidate.values), rich)


def marked(quote: str, spans: Sequence[tuple[int, int]], rich: bool) -> Text | str:
    if rich:
        text = Text(quote)
        for start, end in spans:
            text.stylize("bold yellow", start, end)
        return text
    out, last = [], 0
    for start, end in spans:
        out += [quote[last:start], "**", quote[start:end], "**"]
        last = end
    return "".join(out + [quote[last:]])


def print_figure(out: Console, figure: FigureRecord, sentence: str) -> None:
    """A flagged figure: its id and where it is, then its sentence with the figure marked."""
    start, end = figure.span
    offset = figure.sentence[0]
    head = (f"{figure.id}  {figure.source_id}  figure  chars {start}-{end}  "
            f"value={figure.values['value']}  unit={figure.unit}")
    text = marked(sentence, [(start - offset, end - offset)], out.is_terminal)
    if out.is_terminal:
        out.print(Text(head, style="bold magenta"))
        out.print(Text("  ").append_text(text))
    else:
        out.print(head, markup=False)
        out.print("  " + text, markup=False)
    out.print()


def print_candidate(out: Console, candidate: CandidateRecord) -> None:
    values = candidate.values
    span = f"chars {values['char_start']}-{values['char_end']}"
    head = f"{candidate.id}  {candidate.source_id}  {candidate.table}  {span}"
    fields = "  ".join(f"{name}={value}" for name, value in candidate.proposed().items() if name != "table")
    if out.is_terminal:
        out.print(Text(head, style="bold cyan"))
        out.print(Text("  ").append_text(highlighted(candidate, rich=True)))
        out.print(Text("  " + fields, style="dim"))
    else:
        out.print(head, markup=False)
        out.print("  " + highlighted(candidate, rich=False), markup=False)
        out.print("  " + fields, markup=False)
    out.print()


def summary(outcomes: Sequence[Outcome], skipped: int = 0) -> str:
    done = {}
    for outcome in outcomes:
        done[outcome.action] = done.get(outcome.action, 0) + 1
    unchanged = done.pop("unchanged", 0)
    parts = [", ".join(f"{n} {action}" for action, n in done.items()) or "nothing to change"]
    if unchanged:
        parts.append(f"{unchanged} already recorded")
    if skipped:
        parts.append(f"{skipped} skipped (blank decision)")
    return "; ".join(parts)


# -------------------------------------------------------------------------- commands
@app.command(cls=PlainHelpCommand, short_help='Counts of pending, decided and stale candidates, per source.')
def status(
    ctx: typer.Context,
    prune: Annotated[bool, typer.Option(
        "--prune", help="Drop rejections whose candidate the extractor no longer proposes.")] = False,
) -> None:
    """Counts of pending, accepted, corrected, hand-added, rejected and stale candidates, per source.

    A row is stale when its candidate is no longer extracted, or now reads differently
    from what was accepted (corrected fields aside): look at it, then keep it, or
    `review undo ID` and decide again.
    """
    with reporting_errors():
        session = open_session(ctx)
        pruned = session.prune_rejections() if prune else []
        print_status(console(), session.status(), session)
        print_outcomes(pruned)


def print_status(out: Console, result: Status, session: ReviewSession) -> None:
    headers = ["source", *result.total.as_dict()]
    if not result.sources:
        out.print("no candidates and no decisions yet", markup=False)
        return
    rows = [[sid, *map(str, c.as_dict().values())] for sid, c in result.sources.items()]
    rows.append(["total", *map(str, result.total.as_dict().values())])
    print_table(out, headers, rows)
    if result.stale:
        out.print(f"\n{len(result.stale)} stale row(s) to look at:", markup=False)
        for row in result.stale:
            d = row.decision
            out.print(f"  {d.id}  {session.file_label(d.table)}  {d.row['source_id']}  {d.kind}: {row.reason}",
                      markup=False)
    if result.gone_rejections:
        out.print(f"\n{len(result.gone_rejections)} rejection(s) refer to candidates no longer extracted; "
                  f"`review status --prune` drops them", markup=False)
    if result.gone_dismissals:
        out.print(f"\n{len(result.gone_dismissals)} dismissal(s) refer to figures no longer extracted; "
                  f"`review status --prune` drops them", markup=False)
    if result.total.pending:
        out.print(f"\n{result.total.pending} pending: `review show` lists them; {NEXT_STEPS}", markup=False)
    if result.total.figures:
        out.print(f"\n{result.total.figures} flagged figure(s): `review show` lists them; {FIGURE_STEPS}",
                  markup=False)


@app.command(cls=PlainHelpCommand, short_help='Pending candidates and flagged figures, highlighted in their sentences.')
def show(
    ctx: typer.Context,
    source: Annotated[Optional[str], typer.Argument(
        metavar="SOURCE_ID", help="Only this article (its file name in raw/ without .txt).")] = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", metavar="N", callback=lambda n: at_least(n, 1, "--limit"),
        help="Show at most N candidates and N flagged figures (N: a whole number, 1 or more).")] = None,
) -> None:
    """Pending candidates (the quote with the figure highlighted, and the proposed fields), then the flagged
    figures: figures the article states that no candidate uses, each in its sentence."""
    with reporting_errors():
        session = open_session(ctx)
        pending = session.pending(source)
        out = console()
        for candidate in pending[:limit]:
            print_candidate(out, candidate)
        shown = len(pending[:limit])
        out.print(f"{shown} of {len(pending)} pending candidate(s) shown" if shown < len(pending)
                  else f"{len(pending)} pending candidate(s)", markup=False)
        if pending:
            out.print(f"{NEXT_STEPS}; correct with `review accept ID --set FIELD=VALUE --note TEXT`", markup=False)
        flagged = session.open_figures(source)
        if flagged:
            out.print(markup=False)
        for figure in flagged[:limit]:
            print_figure(out, figure, session.documents[figure.source_id].text[slice(*figure.sentence)])
        if flagged:
            shown = len(flagged[:limit])
            out.print(f"{shown} of {len(flagged)} flagged figure(s) shown" if shown < len(flagged)
                      else f"{len(flagged)} flagged figure(s)", markup=False)
            out.print(FIGURE_STEPS, markup=False)


@app.command(cls=PlainHelpCommand, short_help='Accept candidates, as extracted or corrected (--set).')
def accept(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(metavar="ID", help="Candidate ids to accept.")],
    set_: Annotated[Optional[list[str]], typer.Option(
        "--set", "-s", metavar="FIELD=VALUE",
        help=f"Correct a field (repeatable); the extracted value is kept in corrected_from. "
             f"Fields: {', '.join(EDITABLE)}.")] = None,
    note: Annotated[str, typer.Option(
        metavar="WHY", help="Why (required with --set); kept in the row's note.")] = "",
) -> None:
    """Accept candidates into validated/<table>.csv, as extracted or (with --set) corrected."""
    with reporting_errors():
        changes = parse_assignments(set_ or [])
        session = open_session(ctx)
        columns = {name: f"--set {name}" for name in [*EDITABLE, *changes]} | {"note": "--note"}
        operations = [Accept(cid, Origin(cid, columns=columns), changes, note, correction=bool(changes))
                      for cid in dict.fromkeys(ids)]
        print_outcomes(session.apply(operations))


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``["value=1", "unit=USD"]`` -> ``{"value": "1", "unit": "USD"}``; a malformed or repeated one is an error."""
    changes: dict[str, str] = {}
    problems = []
    for item in items:
        name, equals, value = item.partition("=")
        if not equals or not name.strip():
            problems.append(Problem("--set", None, None, "FIELD=VALUE", item,
                                    "expected FIELD=VALUE, e.g. value=2500000"))
        elif name.strip() in changes:
            problems.append(Problem("--set", None, name.strip(), "set once", item, "the field is set twice"))
        else:
            changes[name.strip()] = value
    if problems:
        raise InputError(problems, "nothing was written")
    return changes


@app.command(cls=PlainHelpCommand, short_help='Reject candidates, with a reason.')
def reject(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(metavar="ID", help="Candidate ids to reject.")],
    reason: Annotated[str, typer.Option(
        metavar="WHY", help="Why this is not a trade statistic (kept in rejected.csv).")],
) -> None:
    """Reject candidates into validated/rejected.csv, with the reason."""
    with reporting_errors():
        session = open_session(ctx)
        operations = [Reject(cid, Origin(cid, columns={"reason": "--reason"}), reason) for cid in dict.fromkeys(ids)]
        print_outcomes(session.apply(operations))


@app.command(cls=PlainHelpCommand, short_help='Dismiss flagged figures that are not trade statistics.')
def dismiss(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(metavar="FIGURE_ID", help="Flagged figure ids to dismiss.")],
    reason: Annotated[str, typer.Option(
        metavar="WHY", help="Why the figure is not a trade statistic (kept in dismissed.csv).")],
) -> None:
    """Dismiss flagged figures into validated/dismissed.csv, with the reason: the article states them, but they
    are not trade statistics (a target, a contract, an aid shipment, a price)."""
    with reporting_errors():
        session = open_session(ctx)
        operations = [Dismiss(fid, Origin(fid, columns={"reason": "--reason"}), reason) for fid in dict.fromkeys(ids)]
        print_outcomes(session.apply(operations))


@app.command(cls=PlainHelpCommand, short_help='Add a fact the extractor missed (--figure, or --source and --quote).')
def add(
    ctx: typer.Context,
    table: Annotated[str, typer.Option(
        metavar="TABLE", help="The table: turnover, exports, imports or commodities.")],
    reporter: Annotated[str, typer.Option(metavar="CODE", help="Reporting economy (ISO 3166-1 alpha-3 or bloc code).")],
    partner: Annotated[str, typer.Option(metavar="CODE", help="Partner economy (ISO 3166-1 alpha-3 or bloc code).")],
    period_start: Annotated[str, typer.Option(metavar="DATE", help="First day of the period, YYYY-MM-DD.")] = "",
    period_end: Annotated[str, typer.Option(metavar="DATE", help="Last day of the period, YYYY-MM-DD.")] = "",
    value: Annotated[str, typer.Option(metavar="NUMBER", help="The figure in full units (987.9 million -> 987900000).")] = "",
    unit: Annotated[str, typer.Option(
        metavar="UNIT", help="ISO 4217 currency code, or t (tonnes), kg, m3, kWh, l or bbl.")] = "",
    qualifier: Annotated[str, typer.Option(
        metavar="QUALIFIER", help="How exact the value is: exact, approx, over or under.")] = "",
    growth_ratio: Annotated[str, typer.Option(metavar="RATIO", help="Value / prior value (2.1 times -> 2.1; up 10% -> 1.1).")] = "",
    flow: Annotated[str, typer.Option(
        metavar="FLOW", help="commodities only: export, import or turnover.")] = "",
    commodity: Annotated[str, typer.Option(
        metavar="NAME", help="commodities only: the product line, lower case.")] = "",
    hs_code: Annotated[str, typer.Option(
        metavar="HS_CODE", help="commodities only: HS code from reference/commodities.csv.")] = "",
    change_value: Annotated[str, typer.Option(
        metavar="NUMBER", help="commodities only: absolute change, in unit.")] = "",
    note: Annotated[str, typer.Option(
        metavar="REMARK", help="A remark kept in the row's note.")] = "",
    char_start: Annotated[Optional[int], typer.Option(
        metavar="OFFSET", callback=lambda n: at_least(n, 0, "--char-start"),
        help="Offset of the quote in the article (a character count from its start, 0 or more); required when the "
             "quote occurs more than once.")] = None,
    figure: Annotated[str, typer.Option(
        metavar="FIGURE_ID", help="A flagged figure the fact states (see `review show`): its sentence becomes the quote, and its "
             "value and unit the row's unless given.")] = "",
    source: Annotated[str, typer.Option(
        metavar="SOURCE_ID", help="The article (its file name in raw/ without .txt); not needed with --figure.")] = "",
    quote: Annotated[str, typer.Option(
        metavar="SENTENCE", help="The sentence stating the figure, verbatim from the article; not needed with --figure.")] = "",
) -> None:
    """Add a fact the extractor missed: from a flagged figure (--figure), or from a quote, which must be found in
    the article (its offsets are computed)."""
    values = {"reporter": reporter, "partner": partner, "period_start": period_start, "period_end": period_end,
              "value": value, "unit": unit, "qualifier": qualifier, "growth_ratio": growth_ratio, "flow": flow,
              "commodity": commodity, "hs_code": hs_code, "change_value": change_value}
    columns = {name: "--" + name.replace("_", "-") for name in [*values, "table", "quote", "note", "char_start"]}
    columns |= {"source_id": "--source", "figure_id": "--figure"}
    with reporting_errors():
        if not figure and not (source and quote):
            raise InputError([Problem("review add", None, "--figure", "figure or quote", None,
                                      "give --figure FIGURE_ID, or --source and --quote")], "nothing was written")
        session = open_session(ctx)
        operation = Add(source, table, quote, Origin("review add", columns=columns), values, note, char_start,
                        figure)
        print_outcomes(session.apply([operation]))


@app.command(cls=PlainHelpCommand, short_help='Forget decisions: the candidate is pending again.')
def undo(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(
        metavar="ID", help="Fact, candidate or figure ids whose decision to forget.")],
) -> None:
    """Forget decisions: an accepted, corrected or rejected candidate becomes pending again, a dismissed figure is
    flagged again, a hand-added row goes."""
    with reporting_errors():
        session = open_session(ctx)
        print_outcomes(session.apply([Undo(i, Origin(i)) for i in dict.fromkeys(ids)]))


@app.command(cls=PlainHelpCommand, short_help='Write the pending candidates as a CSV queue for a spreadsheet.')
def export(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option(
        "--out", "-o", metavar="FILE", dir_okay=False, help="The queue file to write (CSV).")],
    source: Annotated[Optional[str], typer.Option(
        metavar="SOURCE_ID", help="Only the candidates of this article.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing queue file.")] = False,
) -> None:
    """Write the pending candidates as a CSV queue with an empty decision column, for a spreadsheet.

    Fill `decision` with accept, correct or reject (blank skips the line); for reject
    give a `reason`; for correct edit the fields and give a `note`. Then
    `review apply QUEUE`.
    """
    with reporting_errors():
        session = open_session(ctx)
        pending = session.pending(source)
        if not pending:
            typer.echo("nothing pending; no queue written")
            return
        if out.exists() and not force:
            raise InputError([Problem(str(out), None, None, "file is new", None, "the file exists (it may hold "
                                      "decisions not yet applied): apply it first, or pass --force")],
                             "no queue written")
        write_text_atomic(out, queue_text(pending))
        typer.echo(f"wrote {len(pending)} pending candidate(s) to {out}: fill the decision column "
                   f"(accept / correct / reject), then `review apply {out}`")


@app.command(cls=PlainHelpCommand, short_help='Check a filled-in queue, then apply all of it (or none).')
def apply(
    ctx: typer.Context,
    queue: Annotated[Path, typer.Argument(
        metavar="QUEUE", exists=True, dir_okay=False, help="A queue written by `review export`.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check every line, write nothing.")] = False,
) -> None:
    """Check every line of a filled-in queue, then apply all decisions at once (or none, on any error).

    Applying the same queue again changes nothing. A blank decision skips its line.
    """
    with reporting_errors():
        session = open_session(ctx)
        operations, problems, skipped = read_queue(queue, str(queue), session.candidates)
        outcomes = session.apply(operations, problems, write=not dry_run)
        print_outcomes([o for o in outcomes if o.changed])
        typer.echo(("dry run, nothing written: " if dry_run else "") + summary(outcomes, skipped))


if __name__ == "__main__":
    app(prog_name="review")
