"""The ``peelmodel`` command.

``peelmodel report [NAME|FILE]`` prints every figure of a report with its
status; ``peelmodel check FILE`` does the same for a document of your own and
exits 1 if any figure is inconsistent; ``peelmodel aggregate FILE...`` adds
forces up into national, regional or most-similar-group figures;
``peelmodel grades`` prints the PEEL grades record of the 43 forces. Invalid
input exits 2 with one line on standard error; an internal error exits 3.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import stat
import sys
import traceback
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from peelmodel import datasets
from peelmodel._version import __version__
from peelmodel.analysis import aggregation as aggregate
from peelmodel.analysis.assessment import Assessment, FigureResult, assess
from peelmodel.arithmetic import round_half_up
from peelmodel.cli import grades as _cli_grades
from peelmodel.cli.table import render
from peelmodel.documents import records
from peelmodel.documents.converter import loads
from peelmodel.errors import InconsistentInputError, PeelModelError
from peelmodel.model.inspection import Inspection

__all__ = ["main"]

EXIT_CONSISTENT = 0
EXIT_INCONSISTENT = 1
EXIT_INVALID = 2
EXIT_INTERNAL = 3

#: The largest document read, from a file or standard input, in bytes.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
#: The embedded dataset ``report`` shows when given no argument.
DEFAULT_DATASET = "hampshire-2015"
STDIN = "-"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit 2 with one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


class _Output(NamedTuple):
    """What a command prints: its exit code, standard output and notes for standard error."""

    code: int
    text: str
    is_json: bool = False
    notes: tuple[str, ...] = ()


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="peelmodel", description="Reproduce, check and aggregate PEEL inspection figures."
    )
    parser.add_argument("--version", action="version", version=f"peelmodel {__version__}")
    debug_help = "on an internal error, print the traceback too"
    parser.add_argument("--debug", action="store_true", help=debug_help)
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=debug_help)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    report = commands.add_parser(
        "report", parents=[common], help="print every figure of a report with its status"
    )
    report.add_argument(
        "source",
        nargs="?",
        default=None,
        metavar="NAME|FILE",
        help=f"an embedded dataset name, a JSON file, or - for standard input "
        f"(default: {DEFAULT_DATASET})",
    )
    check = commands.add_parser(
        "check", parents=[common], help="check a report document for internal consistency"
    )
    check.add_argument(
        "source",
        metavar="FILE",
        help="a JSON file, - for standard input, or an embedded dataset name",
    )
    for command in (report, check):
        command.add_argument("--format", choices=("table", "json"), default="table")
    _add_aggregate_parser(commands, common)
    _cli_grades.add_parser(commands, common)
    return parser


def _read(source: str) -> bytes:
    """The bytes of file *source*, or of standard input for ``-``, within the size limit."""
    if source == STDIN:
        try:
            data: bytes = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        except (OSError, ValueError, AttributeError) as error:
            raise _UsageError(f"peelmodel: cannot read standard input: {error}") from None
    else:
        data = _read_file(source)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _too_large(source)
    return data


def _read_file(path: str) -> bytes:
    """The bytes of a regular file no larger than the size limit."""
    try:
        # Non-blocking, so that opening a FIFO does not wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        hint = ""
        if isinstance(error, FileNotFoundError):
            hint = f" (nor is it an embedded dataset: {', '.join(datasets.names())})"
        raise _UsageError(
            f"peelmodel: cannot read {path}: {error.strerror or error}{hint}"
        ) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _UsageError(f"peelmodel: cannot read {path}: not a regular file")
        if status.st_size > MAX_DOCUMENT_BYTES:
            raise _too_large(path)
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as error:
        raise _UsageError(f"peelmodel: cannot read {path}: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def _too_large(source: str) -> _UsageError:
    name = "standard input" if source == STDIN else source
    limit = MAX_DOCUMENT_BYTES // 2**20
    return _UsageError(f"peelmodel: cannot read {name}: larger than the limit of {limit} MiB")


def _load(source: str | None) -> Inspection:
    """The inspection *source* names: ``-``, an existing file, else an embedded dataset."""
    if source is None:
        return datasets.load(DEFAULT_DATASET)
    if source != STDIN and not os.path.lexists(source) and source in datasets.names():
        return datasets.load(source)
    name = "<stdin>" if source == STDIN else Path(source).name
    return loads(_read(source), Inspection, source=name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments: argparse.Namespace | None = None
    try:
        arguments = _parser().parse_args(argv)
        if arguments.command == "grades":
            output = _Output(*_cli_grades.run(arguments))
        else:
            output = (
                _run_aggregate(arguments) if arguments.command == "aggregate" else _run(arguments)
            )
        if output.text:
            _write(sys.stdout, output.text, is_json=output.is_json)
        for note in output.notes:
            _write(sys.stderr, note)
    except (_UsageError, PeelModelError) as error:
        _write(sys.stderr, _one_line(str(error)))
        return EXIT_INVALID
    except Exception as error:  # noqa: BLE001 - any other error is a defect: one line, exit 3
        if arguments is not None and arguments.debug:
            traceback.print_exc()
        detail = _one_line(str(error))
        _write(sys.stderr, f"peelmodel: internal error: {type(error).__name__}: {detail}".strip())
        return EXIT_INTERNAL
    return output.code


def _run(arguments: argparse.Namespace) -> _Output:
    """``report`` and ``check``."""
    assessment = assess(_load(arguments.source))
    code = EXIT_CONSISTENT if assessment.is_consistent else EXIT_INCONSISTENT
    if arguments.format == "json":
        data = records.assessment_dict(assessment)
        return _Output(code, json.dumps(data, indent=2, ensure_ascii=False), is_json=True)
    return _Output(code, _table(assessment))


def _write(stream: TextIO, text: str, *, is_json: bool = False) -> None:
    r"""Write *text* and a newline at once, in what the stream's encoding can hold.

    Characters the encoding lacks are escaped: ``\uXXXX`` in JSON, ``\xXX``
    and the like elsewhere. A reader that has gone (``peelmodel report | head -1``)
    is not an error: the rest of the output is dropped.
    """
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        if is_json:
            text = json.dumps(json.loads(text), indent=2)
        else:
            text = text.encode(encoding, "backslashreplace").decode(encoding)
    try:
        stream.write(text + "\n")
        stream.flush()
    except BrokenPipeError:
        _discard(stream)


def _discard(stream: TextIO) -> None:
    """Send what is left for a closed pipe to the null device, so that exiting is quiet."""
    with contextlib.suppress(OSError, ValueError):
        descriptor = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, descriptor)
        os.close(null)


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


def _add_aggregate_parser(commands: Any, common: _Parser) -> None:
    command = commands.add_parser(
        "aggregate",
        parents=[common],
        help="aggregate force figures into national, regional or most-similar-group figures",
    )
    command.add_argument(
        "sources",
        nargs="+",
        metavar="FILE",
        help="force inspection documents (- for standard input, or embedded dataset names)",
    )
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
    command.add_argument(
        "--allow-inconsistent",
        action="store_true",
        help="set aside the figures of an input that disagree, instead of exiting 1",
    )


def _run_aggregate(arguments: argparse.Namespace) -> _Output:
    """``aggregate``: exit 1, naming the input and its figures, if an input is inconsistent."""
    try:
        groups = _aggregate_groups(arguments)
    except _InconsistentInputFileError as error:
        return _Output(EXIT_INCONSISTENT, "", notes=(str(error),))
    by = arguments.by or ("msg" if arguments.msg else "national")
    if arguments.format == "json":
        document = {"by": by, "groups": [records.aggregate_dict(group) for group in groups]}
        return _Output(
            EXIT_CONSISTENT, json.dumps(document, indent=2, ensure_ascii=False), is_json=True
        )
    if arguments.format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records.to_records(groups))
        notes = tuple(
            f"note: {group.area}: missing {', '.join(group.missing)}"
            for group in groups
            if group.missing
        )
        return _Output(EXIT_CONSISTENT, buffer.getvalue().removesuffix("\n"), notes=notes)
    return _Output(EXIT_CONSISTENT, "\n\n".join(_aggregate_table(group) for group in groups))


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
    if arguments.sources.count(STDIN) > 1:
        raise _UsageError("peelmodel aggregate: - (standard input) can be given only once")
    inspections = [_load(source) for source in arguments.sources]
    options: dict[str, Any] = {"rules": rules, "allow_inconsistent": arguments.allow_inconsistent}
    try:
        if by == "msg":
            members = _split(arguments.msg)
            mean = method or aggregate.Method.MEAN
            return (aggregate.most_similar_group(inspections, members, method=mean, **options),)
        options["method"] = method or aggregate.Method.RATIO_OF_SUMS
        if by == "region":
            return aggregate.by_region(inspections, **options)
        return (aggregate.national(inspections, **options),)
    except InconsistentInputError as error:
        named = (
            s
            for s, i in zip(arguments.sources, inspections, strict=True)
            if i.force.id == error.force
        )
        raise _InconsistentInputFileError(f"peelmodel: {', '.join(named)}: {error}") from None


class _InconsistentInputFileError(Exception):
    """An input file whose figures disagree: exit 1, with one line naming it."""


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _aggregate_value(figure: aggregate.AggregateFigure) -> str:
    if figure.exact:
        return _short(figure.low)
    if not figure.bounded:
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
