"""``peelmodel grades``: the PEEL grades record, its distributions and national statements.

``--format json`` prints one object: ``"grades"``, one object per entry with
its force, programme, question (from PEEL 2021/22 on, the area's id, such as
``peel-2023-25.investigating-crime``), state, grade (null unless graded),
last_updated, source and source_kind, and where the entry holds them quote,
published, inferred, history and conflicts; ``"statements"``, each national
statement with the status of its count in the record (none for one force or
region, unless ``--statements``); and, with ``--by``, ``"distribution"``.
Forces, regions, programmes and pillars are names as people write them; an
unknown one exits 2 with one line on standard error, and a query that matches
nothing says why in one line there.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from peelmodel import grades
from peelmodel.analysis.status import Status
from peelmodel.catalogues import forces
from peelmodel.cli.empty import NOTE, no_grades
from peelmodel.cli.output import EXIT_CONSISTENT, EXIT_INCONSISTENT, Output, counted
from peelmodel.cli.parsing import (
    add_command,
    add_force,
    add_format,
    choice,
    pillar_id,
    programme_id,
    region_id,
)
from peelmodel.cli.table import Cell, render, status_cell
from peelmodel.documents.numbers import display
from peelmodel.model.grade import Grade, Pillar
from peelmodel.model.question import InspectionQuestion
from peelmodel.model.record import GradeEntry

__all__ = ["add_parser", "run"]

_FORMATS = ("table", "json", "csv")
_BY = ("region", "grade")
_ENTRY_FIELDS = (
    *("force", "programme", "question", "state", "grade", "last_updated", "source"),
    *("source_kind", "quote", "published", "inferred", "history", "conflicts"),
)
_DISTRIBUTION_FIELDS = ("area", "programme", "question", "grade", "count", "forces")


def add_parser(commands: Any) -> None:
    """Add ``grades`` to the subcommands of ``peelmodel``."""
    command = add_command(
        commands,
        "grades",
        summary="print the PEEL grades of the 43 forces, with their sources",
        description="Print the PEEL grades record: every published grade of the 43 forces, "
        "with the page it\ncomes from, and the national counts it reproduces.",
        codes={
            EXIT_CONSISTENT: "no national statement shown is inconsistent with the record",
            EXIT_INCONSISTENT: "a national statement shown is inconsistent with the record",
        },
    )
    add_force(command)
    command.add_argument(
        "--programme",
        metavar="NAME",
        type=programme_id,
        help="a programme, such as peel-2015, 'PEEL 2015' or peel-2023-25 (default: every programme)",
    )
    command.add_argument(
        "--question",
        metavar="ID",
        help="a question or area id, such as peel-2023-25.investigating-crime (default: every one)",
    )
    command.add_argument(
        "--pillar",
        type=pillar_id,
        metavar="PILLAR",
        help=f"a pillar: {', '.join(p.value for p in Pillar)} (default: every pillar)",
    )
    command.add_argument(
        "--region",
        metavar="NAME",
        type=region_id,
        help="a region, such as south-east or Wales (default: every region)",
    )
    command.add_argument(
        "--statements",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="list the national statements and their checks "
        "(default: yes, unless --force or --region is given)",
    )
    command.add_argument(
        "--by",
        type=choice(*_BY),
        choices=_BY,
        default=None,
        help="count the forces per grade, nationally (grade) or by region "
        "(default: list the entries)",
    )
    add_format(command.add_argument, _FORMATS)
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace, *, colour: bool) -> Output:
    """Run ``grades``: exit 1 if a national statement shown is inconsistent with the record."""
    entries = grades.select(
        force=arguments.force,
        programme=arguments.programme,
        pillar=arguments.pillar,
        question=arguments.question,
        region=arguments.region,
    )
    shown = arguments.statements
    if shown is None:
        shown = arguments.force is None and arguments.region is None
    checks = (
        grades.check_statements(programme=arguments.programme, question=arguments.question)
        if shown
        else ()
    )
    if arguments.pillar is not None:
        checks = tuple(
            c
            for c in checks
            if c.statement.question.pillar is not None
            and c.statement.question.pillar.value == arguments.pillar
        )
    distributions = _distributions(arguments, entries) if arguments.by else ()
    inconsistent = any(check.status is Status.INCONSISTENT for check in checks)
    code = EXIT_INCONSISTENT if inconsistent else EXIT_CONSISTENT
    notes = () if entries else (no_grades(arguments),)
    if entries and arguments.by and not distributions:
        notes = (f"{NOTE}nothing to count by {arguments.by}: no graded question among the entries",)
    if arguments.format == "json":
        document: dict[str, Any] = {
            "grades": grades.rows(entries),
            "statements": [_statement(check) for check in checks],
        }
        if arguments.by:
            document["by"] = arguments.by
            document["distribution"] = [_distribution(d) for d in distributions]
        text = json.dumps(document, indent=2, ensure_ascii=False)
        return Output(code, text, is_json=True, notes=notes)
    if arguments.format == "csv":
        return Output(code, _csv(entries, distributions, by=arguments.by), notes=notes)
    return Output(code, _table(entries, checks, distributions, colour=colour), notes=notes)


def _distributions(
    arguments: argparse.Namespace, entries: Sequence[GradeEntry]
) -> tuple[grades.Distribution, ...]:
    """One distribution per question shown, over all forces, one force or a region's."""
    force, region = arguments.force, arguments.region
    members = [
        f.id
        for f in forces.all()
        if (force is None or f.id == force) and (region is None or f.region.id == region)
    ]
    shown: dict[str, InspectionQuestion] = {}
    for entry in entries:
        shown.setdefault(entry.question.id, entry.question)
    found: list[grades.Distribution] = []
    for question in shown.values():
        if not question.graded:
            continue
        if arguments.by == "grade":
            area = "england-and-wales" if force is None and region is None else "selection"
            found.append(grades.distribution(question, forces=members, area=area))
            continue
        for regional in grades.by_region(question):
            chosen = [m for m in regional.members if m in members]
            if chosen:
                found.append(grades.distribution(question, forces=chosen, area=regional.area))
    return tuple(found)


def _statement(check: grades.StatementCheck) -> dict[str, Any]:
    statement = check.statement
    return {
        "programme": statement.programme.id,
        "question": statement.question.id,
        "grade": statement.grade.value,
        "published": statement.count,
        "counted": check.low,
        "status": check.status.value,
        "forces": list(check.counted),
        "undetermined": list(check.undetermined),
        "source": statement.source,
    }


def _distribution(found: grades.Distribution) -> dict[str, Any]:
    return {
        "area": found.area,
        "programme": found.question.programme.id,
        "question": found.question.id,
        "counts": {grade.value: count for grade, count in found.counts.items()},
        "forces": {grade.value: list(held) for grade, held in found.by_grade},
        "graded": found.graded,
        "not_graded": list(found.not_graded),
        "not_inspected": list(found.not_inspected),
        "unknown": list(found.unknown),
        "missing": list(found.missing),
    }


def _csv(
    entries: Sequence[GradeEntry],
    distributions: Sequence[grades.Distribution],
    *,
    by: str | None,
) -> str:
    buffer = io.StringIO()
    if by is None:
        writer = csv.DictWriter(buffer, fieldnames=_ENTRY_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_csv_row(row) for row in grades.rows(entries))
    else:
        writer = csv.DictWriter(buffer, fieldnames=_DISTRIBUTION_FIELDS, lineterminator="\n")
        writer.writeheader()
        for found in distributions:
            for grade, held in found.by_grade:
                writer.writerow(
                    {
                        "area": found.area,
                        "programme": found.question.programme.id,
                        "question": found.question.id,
                        "grade": grade.value,
                        "count": len(held),
                        "forces": " ".join(held),
                    }
                )
    return buffer.getvalue().removesuffix("\n")


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """An entry's row for CSV: the inferred arithmetic, history and conflicts as JSON text."""
    flat = dict(row)
    if "inferred" in flat:
        flat["inferred"] = flat["inferred"]["arithmetic"]
    for key in ("history", "conflicts"):
        if key in flat:
            flat[key] = json.dumps(flat[key], ensure_ascii=False)
    return flat


def _grade(grade: Grade | None, state: str) -> str:
    return state if grade is None else grade.label


def _table(
    entries: Sequence[GradeEntry],
    checks: Sequence[grades.StatementCheck],
    distributions: Sequence[grades.Distribution],
    *,
    colour: bool,
) -> str:
    lines: list[str] = []
    if distributions:
        headers = ("area", "question", *(g.label for g in Grade), "graded", "not graded", "unknown")
        rows = [
            [
                found.area,
                found.question.id,
                *(display(found.counts[g]) if g in found.counts else "-" for g in Grade),
                display(found.graded),
                display(len(found.not_graded)),
                display(len(found.undetermined)),
            ]
            for found in distributions
        ]
        lines += [render(headers, rows, right=tuple(range(2, 10))), ""]
    else:
        rows = [
            [
                entry.force.id,
                entry.programme.id,
                entry.question.id,
                _grade(entry.grade, entry.state.value),
                "-" if entry.last_updated is None else entry.last_updated.isoformat(),
                entry.source or "-",
            ]
            for entry in entries
        ]
        headers = ("force", "programme", "question", "grade", "last updated", "source")
        lines += [render(headers, rows), ""]
    if checks:
        statements: list[list[Cell]] = [
            [
                check.statement.question.id,
                check.statement.grade.label,
                display(check.statement.count),
                display(check.low)
                if check.low == check.high
                else f"{display(check.low)} to {display(check.high)}",
                status_cell(check.status),
            ]
            for check in checks
        ]
        headers = ("national statement", "grade", "published", "record", "status")
        lines += [
            "National statements",
            render(headers, statements, right=(2, 3), colour=colour),
            "",
        ]
    statuses = [check.status.value for check in checks]
    tally = ", ".join(f"{statuses.count(s.value)} {s.value}" for s in Status if s.value in statuses)
    summary = counted(len(entries), "entry", "entries")
    if checks:
        summary += f"; {counted(len(checks), 'national statement')}: {tally}"
    lines.append(summary + ".")
    return "\n".join(lines)
