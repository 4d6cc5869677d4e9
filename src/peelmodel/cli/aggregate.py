"""``peelmodel aggregate``: force figures added up into national, regional or MSG figures.

Each force may be given once; an input whose figures disagree exits 1,
naming it, unless ``--allow-inconsistent`` sets those figures aside.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from peelmodel.analysis import aggregation
from peelmodel.cli import csv_output
from peelmodel.cli.empty import NOTE
from peelmodel.cli.output import EXIT_CONSISTENT, EXIT_INCONSISTENT, CommandError, Output, counted
from peelmodel.cli.parsing import add_command, add_format, choice, force_ids
from peelmodel.cli.sources import STDIN, load, name_of
from peelmodel.cli.table import render
from peelmodel.documents import records
from peelmodel.documents.numbers import display
from peelmodel.errors import InconsistentInputError
from peelmodel.model.inspection import Inspection

__all__ = ["add_parser", "run"]

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


def add_parser(commands: Any) -> None:
    """Add ``aggregate`` to the subcommands of ``peelmodel``."""
    command = add_command(
        commands,
        "aggregate",
        summary="add force figures up into national, regional or MSG figures",
        description="Add the force-level figures of several documents up into England and "
        "Wales, regional or\nmost-similar-group figures, listing the forces missing from "
        "each group. Give each force once.",
        codes={
            EXIT_CONSISTENT: "the figures are aggregated",
            EXIT_INCONSISTENT: "an input is valid, but its figures disagree "
            "(see --allow-inconsistent)",
        },
    )
    command.add_argument(
        "sources",
        nargs="+",
        metavar="FILE",
        help="force inspection documents, embedded dataset names, or - (once) for standard input",
    )
    command.add_argument(
        "--by",
        type=choice("national", "region", "msg"),
        choices=("national", "region", "msg"),
        default=None,
        help="the groups: England and Wales, each region, or the forces of --msg "
        "(default: national, or msg with --msg)",
    )
    command.add_argument(
        "--msg",
        metavar="FORCE,...",
        type=force_ids,
        default=None,
        help="the forces of a most similar group, comma-separated ids or names (default: none)",
    )
    command.add_argument(
        "--method",
        type=choice(*(method.value for method in aggregation.Method)),
        choices=[method.value for method in aggregation.Method],
        default=None,
        help="how rates are combined (default: ratio-of-sums, or mean for --by msg)",
    )
    command.add_argument(
        "--rules",
        default="all",
        help="the exclusion and combination rules to apply: names, comma-separated, "
        "or all or none (default: all)",
    )
    add_format(command.add_argument, ("table", "json", "csv"))
    command.add_argument(
        "--allow-inconsistent",
        action="store_true",
        help="set aside the figures of an input that disagree, instead of exiting 1",
    )
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace, *, colour: bool) -> Output:  # noqa: ARG001 - no colour
    """Run ``aggregate``: exit 1, naming the input and its figures, if an input is inconsistent."""
    by = arguments.by or ("msg" if arguments.msg else "national")
    try:
        groups = _groups(arguments, by)
    except _InconsistentFileError as error:
        return Output(EXIT_INCONSISTENT, "", notes=(str(error),))
    empty = tuple(_why_empty(group) for group in groups if not group.figures)
    if arguments.format == "json":
        document = {"by": by, "groups": [records.aggregate_dict(group) for group in groups]}
        return Output(
            EXIT_CONSISTENT,
            json.dumps(document, indent=2, ensure_ascii=False),
            is_json=True,
            notes=empty,
        )
    if arguments.format == "csv":
        text = csv_output.render(records.to_records(groups), _CSV_FIELDS)
        notes = tuple(
            f"{NOTE}{group.area}: missing {', '.join(group.missing)}"
            for group in groups
            if group.missing and group.figures
        )
        return Output(EXIT_CONSISTENT, text, notes=notes + empty)
    text = "\n\n".join(_table(group) for group in groups)
    return Output(EXIT_CONSISTENT, text, notes=empty)


def _why_empty(group: aggregation.Aggregate) -> str:
    """The note for a group with no figures: none of its forces given, or nothing to combine."""
    if len(group.missing) == len(group.members):
        members = counted(len(group.members), "force")
        return (
            f"{NOTE}{group.area}: no figures: none of its {members} "
            f"({', '.join(group.members)}) is among the inputs"
        )
    return f"{NOTE}{group.area}: no figures: the inputs publish none that the group combines"


class _InconsistentFileError(Exception):
    """An input whose figures disagree: exit 1, with one line naming it."""


def _groups(arguments: argparse.Namespace, by: str) -> tuple[aggregation.Aggregate, ...]:
    if arguments.msg and by != "msg":
        raise CommandError("aggregate: --msg needs --by msg")
    if by == "msg" and not arguments.msg:
        raise CommandError("aggregate: --by msg needs --msg FORCE,FORCE,...")
    rules: list[str] | None = None
    if arguments.rules != "all":
        rules = [] if arguments.rules == "none" else _split(arguments.rules)
    method = None if arguments.method is None else aggregation.Method(arguments.method)
    if arguments.sources.count(STDIN) > 1:
        raise CommandError("aggregate: - (standard input) can be given only once")
    inputs = _inputs(arguments.sources)
    inspections = list(inputs.values())
    options: dict[str, Any] = {"rules": rules, "allow_inconsistent": arguments.allow_inconsistent}
    try:
        if by == "msg":
            members = list(arguments.msg)
            mean = method or aggregation.Method.MEAN
            return (aggregation.most_similar_group(inspections, members, method=mean, **options),)
        options["method"] = method or aggregation.Method.RATIO_OF_SUMS
        if by == "region":
            return aggregation.by_region(inspections, **options)
        return (aggregation.national(inspections, **options),)
    except InconsistentInputError as error:
        source = next(s for s, i in inputs.items() if i.force.id == error.force)
        raise _InconsistentFileError(f"peelmodel: {source}: {error}") from None


def _inputs(sources: list[str]) -> dict[str, Inspection]:
    """The inspection of each source, by its name; a second input for one force is an error."""
    inputs: dict[str, Inspection] = {}
    for source in sources:
        inspection = load(source)
        name = name_of(source)
        for earlier, held in inputs.items():
            if held.force.id == inspection.force.id:
                raise CommandError(
                    f"a second input for {inspection.force.id}, after {earlier}: "
                    "give each force once",
                    source=name,
                )
        inputs[name] = inspection
    return inputs


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _value(figure: aggregation.AggregateFigure) -> str:
    if figure.exact:
        return display(figure.low)
    if not figure.bounded:
        return f"{display(figure.low)} or more"
    return f"{display(figure.low)} to {display(figure.high)}"


def _table(group: aggregation.Aggregate) -> str:
    present = len(group.members) - len(group.missing)
    over = f"{group.method.value} over {present} of {counted(len(group.members), 'force')}"
    lines = [
        f"{group.name} ({group.area}): {over}",
        f"missing: {', '.join(group.missing) if group.missing else 'none'}",
        "",
    ]
    rows = [
        [
            figure.key,
            figure.basis.value,
            str(figure.period),
            _value(figure),
            display(len(figure.forces)),
            ", ".join(figure.missing)
            if len(figure.missing) <= 3
            else counted(len(figure.missing), "force"),
            ", ".join(figure.excluded),
        ]
        for figure in group.figures
    ]
    headers = ("figure", "basis", "period", "value", "forces", "missing", "excluded")
    lines.append(render(headers, rows, right=(3, 4)))
    return "\n".join(lines)
