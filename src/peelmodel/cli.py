"""The ``peelmodel`` command.

``peelmodel report [NAME|FILE]`` prints every figure of a report with its
status; ``peelmodel check FILE`` does the same for a document of your own and
exits 1 if any figure is inconsistent. Invalid input exits 2 with one line on
standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

from . import datasets
from ._inspection import Inspection
from ._table import render
from ._version import __version__
from .errors import PeelModelError
from .report import Assessment, FigureResult, assess
from .rounding import round_half_up
from .serialization import loads

__all__ = ["main"]

EXIT_CONSISTENT = 0
EXIT_INCONSISTENT = 1
EXIT_INVALID = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit 2 with one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="peelmodel", description="Reproduce, check and aggregate PEEL inspection figures."
    )
    parser.add_argument("--version", action="version", version=f"peelmodel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    report = commands.add_parser("report", help="print every figure of a report with its status")
    report.add_argument(
        "source",
        nargs="?",
        default="hampshire-2015",
        help="an embedded dataset name or a JSON file (default: hampshire-2015)",
    )
    check = commands.add_parser("check", help="check a report document for internal consistency")
    check.add_argument("source", help="a JSON file (or an embedded dataset name)")
    for command in (report, check):
        command.add_argument("--format", choices=("table", "json"), default="table")
    return parser


def _load(source: str) -> Inspection:
    if source in datasets.names():
        return datasets.load(source)
    path = Path(source)
    try:
        text = path.read_bytes()
    except OSError as error:
        raise _UsageError(f"peelmodel: cannot read {source}: {error.strerror or error}") from None
    return loads(text, Inspection, source=path.name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        arguments = _parser().parse_args(argv)
        inspection = _load(arguments.source)
        assessment = assess(inspection)
    except (_UsageError, PeelModelError) as error:
        print(_one_line(str(error)), file=sys.stderr)
        return EXIT_INVALID
    if arguments.format == "json":
        print(json.dumps(assessment.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(_table(assessment))
    return EXIT_CONSISTENT if assessment.is_consistent else EXIT_INCONSISTENT


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _range(result: FigureResult) -> str:
    if result.derived is not None:
        return str(result.derived)
    low, high = result.low, result.high
    if max(abs(low), abs(high)) > 10**9:
        return "-"
    return f"{_short(low)} to {_short(high)}" if low != high else _short(low)


def _short(value: Fraction) -> str:
    if value.denominator == 1:
        return f"{value.numerator:,}"
    return f"{round_half_up(value, 3):,}"


def _table(assessment: Assessment) -> str:
    inspection = assessment.inspection
    lines = [inspection.title, ""]
    sections: dict[str, list[FigureResult]] = {}
    for result in assessment.figures:
        sections.setdefault(result.claim.source, []).append(result)
    for source, results in sections.items():
        rows = [
            [
                result.claim.label,
                result.claim.area,
                str(result.claim.published),
                _range(result),
                result.status.value
                + (f" (with {', '.join(result.conflicts_with)})" if result.conflicts_with else ""),
            ]
            for result in results
        ]
        lines += [
            source,
            render(("figure", "area", "published", "derived", "status"), rows, right=(2, 3)),
            "",
        ]
    if assessment.lost:
        rows = [
            [result.claim.label, result.claim.source, _range(result)] for result in assessment.lost
        ]
        lines += [
            "Named in the report, value lost",
            render(("figure", "source", "implied"), rows, right=(2,)),
            "",
        ]
    rows = [
        [
            interval.quantity.id,
            f"{interval.low:,}",
            f"{interval.high:,}" if interval.is_bounded else "unbounded",
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
