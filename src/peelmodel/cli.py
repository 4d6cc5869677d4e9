"""The ``peelmodel`` command.

``peelmodel report [NAME|FILE]`` prints every figure of a report with its
status; ``peelmodel check FILE`` does the same for a document of your own and
exits 1 if any figure is inconsistent; ``peelmodel aggregate FILE...`` adds
forces up into national, regional or most-similar-group figures. Invalid
input exits 2 with one line on standard error.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from . import aggregate, datasets
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
    _add_aggregate_parser(commands)
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
        if arguments.command == "aggregate":
            return _run_aggregate(arguments)
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
    if not result.bounded:
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


# -- peelmodel aggregate ------------------------------------------------------


def _add_aggregate_parser(commands: Any) -> None:
    command = commands.add_parser(
        "aggregate",
        help="aggregate force figures into national, regional or most-similar-group figures",
    )
    command.add_argument("sources", nargs="+", metavar="FILE", help="force inspection documents")
    command.add_argument("--by", choices=("national", "region", "msg"), default=None)
    command.add_argument("--msg", default=None, help="the forces of a most similar group: A,B,C")
    command.add_argument(
        "--method",
        choices=[method.value for method in aggregate.Method],
        default=None,
        help="default: ratio-of-sums, or mean for an MSG",
    )
    command.add_argument(
        "--rules", default="all", help="rule names to apply, comma-separated, or all or none"
    )
    command.add_argument("--format", choices=("table", "json", "csv"), default="table")


def _run_aggregate(arguments: argparse.Namespace) -> int:
    try:
        groups = _aggregate_groups(arguments)
    except (_UsageError, PeelModelError) as error:
        print(_one_line(str(error)), file=sys.stderr)
        return EXIT_INVALID
    by = arguments.by or ("msg" if arguments.msg else "national")
    if arguments.format == "json":
        document = {"by": by, "groups": [_aggregate_dict(group) for group in groups]}
        print(json.dumps(document, indent=2, ensure_ascii=False))
    elif arguments.format == "csv":
        rows = aggregate.to_records(groups)
        writer = csv.DictWriter(sys.stdout, fieldnames=_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        for group in groups:
            if group.missing:
                print(f"note: {group.area}: missing {', '.join(group.missing)}", file=sys.stderr)
    else:
        print("\n\n".join(_aggregate_table(group) for group in groups))
    return EXIT_CONSISTENT


_CSV_FIELDS = (
    "id",
    "area",
    "label",
    "measure",
    "basis",
    "period_start",
    "period_end",
    "published",
    "low",
    "high",
    "exact",
    "status",
    "method",
    "forces",
    "missing",
    "excluded",
)


def _aggregate_groups(arguments: argparse.Namespace) -> tuple[aggregate.Aggregate, ...]:
    by = arguments.by or ("msg" if arguments.msg else "national")
    if arguments.msg and by != "msg":
        raise _UsageError("peelmodel aggregate: --msg needs --by msg")
    if by == "msg" and not arguments.msg:
        raise _UsageError("peelmodel aggregate: --by msg needs --msg FORCE,FORCE,...")
    rules: list[str] | None = None
    if arguments.rules != "all":
        rules = [] if arguments.rules == "none" else _split(arguments.rules)
    method = None if arguments.method is None else aggregate.Method(arguments.method)
    inspections = [_load(source) for source in arguments.sources]
    if by == "msg":
        return (
            aggregate.most_similar_group(
                inspections,
                _split(arguments.msg),
                method=method or aggregate.Method.MEAN,
                rules=rules,
            ),
        )
    method = method or aggregate.Method.RATIO_OF_SUMS
    if by == "region":
        return aggregate.by_region(inspections, method=method, rules=rules)
    return (aggregate.national(inspections, method=method, rules=rules),)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _exact(value: Fraction) -> str:
    """An exact value as text: an integer, a finite decimal, or ``p/q``."""
    if value.denominator == 1:
        return str(value.numerator)
    decimal = Decimal(value.numerator) / Decimal(value.denominator)
    return str(decimal) if Fraction(decimal) == value else f"{value.numerator}/{value.denominator}"


def _aggregate_dict(group: aggregate.Aggregate) -> dict[str, Any]:
    figures = []
    for figure in group.figures:
        entry: dict[str, Any] = {
            "id": figure.id,
            "key": figure.key,
            "label": figure.label,
            "measure": figure.measure,
            "basis": figure.basis.value,
            "period": figure.period.isoformat(),
            "method": figure.method.value,
            "low": _exact(figure.low),
            "high": _exact(figure.high),
            "exact": figure.exact,
        }
        if figure.exact:
            entry["value"] = _exact(figure.low)
        entry |= {
            "forces": list(figure.forces),
            "missing": list(figure.missing),
            "excluded": list(figure.excluded),
            "combined": list(figure.combined),
            "rules": list(figure.rules),
        }
        figures.append(entry)
    return {
        "area": group.area,
        "name": group.name,
        "kind": group.kind,
        "method": group.method.value,
        "members": list(group.members),
        "missing": list(group.missing),
        "rules": list(group.rules),
        "figures": figures,
    }


def _aggregate_value(figure: aggregate.AggregateFigure) -> str:
    if figure.exact:
        return _short(figure.low)
    if figure.high > 10**9:  # rests on the engine's prior, not on published figures
        return f"{_short(figure.low)} or more"
    return f"{_short(figure.low)} to {_short(figure.high)}"


def _aggregate_table(group: aggregate.Aggregate) -> str:
    present = len(group.members) - len(group.missing)
    lines = [
        f"{group.name} ({group.area}): {group.method.value} over {present} of {len(group.members)} forces",
        f"missing: {', '.join(group.missing) if group.missing else 'none'}",
        "",
    ]
    rows = [
        [
            figure.key,
            figure.basis.value,
            str(figure.period),
            _aggregate_value(figure),
            str(len(figure.forces)),
            ", ".join(figure.missing)
            if len(figure.missing) <= 3
            else f"{len(figure.missing)} forces",
            ", ".join(figure.excluded),
        ]
        for figure in group.figures
    ]
    headers = ("figure", "basis", "period", "value", "forces", "missing", "excluded")
    lines.append(render(headers, rows, right=(3, 4)))
    return "\n".join(lines)
