"""``peelmodel report`` and ``peelmodel check``: every figure of a report with its status.

Both assess one inspection and exit 1 if a figure is inconsistent; ``report``
defaults to the embedded ``hampshire-2015``, ``check`` needs a document and
with ``--quiet`` prints only the ids of the inconsistent figures.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from peelmodel.analysis.assessment import Assessment, FigureResult, assess
from peelmodel.cli import csv_output
from peelmodel.cli.output import EXIT_CONSISTENT, EXIT_INCONSISTENT, Output
from peelmodel.cli.parsing import add_command, add_format
from peelmodel.cli.sources import DEFAULT_DATASET, load
from peelmodel.cli.table import Cell, render, status_cell
from peelmodel.documents import records
from peelmodel.documents.numbers import display

__all__ = ["add_parsers", "run"]

#: The formats of ``report`` and ``check``, the first the default.
_FORMATS = ("table", "json", "csv")
_CODES = {
    EXIT_CONSISTENT: "no figure is inconsistent",
    EXIT_INCONSISTENT: "the document is valid, but some figures are inconsistent",
}


def add_parsers(commands: Any) -> None:
    """Add ``report`` and ``check`` to the subcommands of ``peelmodel``."""
    report = add_command(
        commands,
        "report",
        summary="print every figure of a report with its status",
        description="Assess every figure of a report: reproduced, consistent, inconsistent or "
        "unverifiable, with the\nunpublished numbers the figures imply and the judgments.",
        codes=_CODES,
    )
    report.add_argument(
        "source",
        nargs="?",
        default=None,
        metavar="NAME|FILE",
        help="an embedded dataset name, a JSON document, or - for standard input "
        f"(default: {DEFAULT_DATASET})",
    )
    add_format(report.add_argument, _FORMATS)
    report.set_defaults(run=run, quiet=False)
    check = add_command(
        commands,
        "check",
        summary="check a report document for internal consistency",
        description="Check that the figures of a report document hold together; "
        "for scripts and CI.",
        codes=_CODES,
    )
    check.add_argument(
        "source",
        metavar="FILE",
        help="a JSON document, - for standard input, or an embedded dataset name",
    )
    shown = check.add_mutually_exclusive_group()
    add_format(shown.add_argument, _FORMATS)
    shown.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only the ids of the inconsistent figures, one a line",
    )
    check.set_defaults(run=run)


def run(arguments: argparse.Namespace, *, colour: bool) -> Output:
    """Run ``report`` or ``check``: exit 1 if a figure is inconsistent."""
    assessment = assess(load(arguments.source))
    code = EXIT_CONSISTENT if assessment.is_consistent else EXIT_INCONSISTENT
    if arguments.quiet:
        inconsistent = (r.id for r in assessment.figures if r.is_inconsistent)
        return Output(code, "\n".join(inconsistent))
    if arguments.format == "json":
        text = json.dumps(records.assessment_dict(assessment), indent=2, ensure_ascii=False)
        return Output(code, text, is_json=True)
    if arguments.format == "csv":
        return Output(code, csv_output.assessment_csv(assessment))
    return Output(code, _table(assessment, colour=colour))


def _table(assessment: Assessment, *, colour: bool) -> str:
    """The assessment as text: one table per section of the report, then a summary."""
    inspection = assessment.inspection
    lines = [inspection.title, ""]
    sections: dict[str, list[FigureResult]] = {}
    for result in assessment.figures:
        sections.setdefault(result.claim.source, []).append(result)
    for source, results in sections.items():
        rows = [_figure_row(result) for result in results]
        headers = ("figure", "area", "published", "derived", "allowed", "status")
        lines += [source, render(headers, rows, right=(2, 3, 4), colour=colour), ""]
    if assessment.lost:
        rows = [[r.claim.label, r.claim.source, _range(r)] for r in assessment.lost]
        lines += [
            "Named in the report, value lost",
            render(("figure", "source", "implied"), rows, right=(2,)),
            "",
        ]
    rows = [
        [
            interval.quantity.id,
            display(interval.low),
            display(interval.high) if interval.is_bounded else "unbounded",
        ]
        for interval in assessment.inferred
    ]
    lines += [
        "Inferred unpublished numbers",
        render(("quantity", "low", "high"), rows, right=(1, 2)),
        "",
    ]
    grades = [[j.question.id, j.grade.label] for j in inspection.judgments]
    lines += ["Judgments", render(("question", "grade"), grades), ""]
    lines += [f"note: {anomaly}" for anomaly in assessment.anomalies]
    counts = ", ".join(f"{count} {status.value}" for status, count in assessment.counts().items())
    verdict = "consistent" if assessment.is_consistent else "INCONSISTENT"
    lines.append(f"{len(assessment.figures)} figures: {counts}; the report is {verdict}.")
    return "\n".join(lines)


def _figure_row(result: FigureResult) -> list[Cell]:
    claim = result.claim
    status = result.status.value
    if result.conflicts_with:
        status += f" (with {', '.join(result.conflicts_with)})"
    return [
        claim.label,
        claim.area.id,
        "-" if claim.published is None else display(claim.published),
        _range(result),
        _implied(result),
        status_cell(result.status, status),
    ]


def _implied(result: FigureResult) -> str:
    """The range of published values the other figures allow, ``-`` for an open end."""
    implied = result.implied
    if implied is None:
        return "-"
    low = "-" if implied.low is None else display(implied.low)
    high = "-" if implied.high is None else display(implied.high)
    return low if low == high else f"{low} to {high}"


def _range(result: FigureResult) -> str:
    """The derived value, else the range of exact values, else ``-`` when nothing bounds it."""
    if result.derived is not None:
        return display(result.derived)
    if not result.bounded:
        return "-"
    low = display(result.low)
    return low if result.low == result.high else f"{low} to {display(result.high)}"
