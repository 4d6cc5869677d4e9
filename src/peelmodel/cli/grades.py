"""``peelmodel grades``: the PEEL grades record, its distributions and national statements.

``--format json`` prints one object: ``"grades"``, one object per entry with
its force, programme, question, state, grade (null unless graded),
last_updated and source; ``"statements"``, each national statement with the
status of its count in the record; and, with ``--by``, ``"distribution"``.
An unknown force, programme, question or region exits 2 with one line on
standard error.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from peelmodel import grades
from peelmodel.analysis.status import Status
from peelmodel.catalogues import areas, forces
from peelmodel.cli.table import render
from peelmodel.errors import PeelModelError, UnknownReferenceError
from peelmodel.model.grade import Grade, Pillar
from peelmodel.model.question import InspectionQuestion
from peelmodel.model.record import GradeEntry

__all__ = ["GradesOutput", "add_parser", "run"]

_FORMATS = ("table", "json", "csv")
_BY = ("region", "grade")
_ENTRY_FIELDS = ("force", "programme", "question", "state", "grade", "last_updated", "source")
_DISTRIBUTION_FIELDS = ("area", "programme", "question", "grade", "count", "forces")


class GradesOutput(NamedTuple):
    """What the command prints: its exit code, standard output and notes for standard error."""

    code: int
    text: str
    is_json: bool = False
    notes: tuple[str, ...] = ()


class _CommandError(PeelModelError, LookupError):
    """A name on the command line that the registries do not know."""


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``grades`` command to the subcommands of ``peelmodel``."""
    command = commands.add_parser(
        "grades",
        parents=[common],
        prog="peelmodel",
        usage="%(prog)s grades [-h] [--force ID] [--programme ID] [--question ID] "
        "[--pillar PILLAR] [--region ID] [--by {region,grade}] [--format {table,json,csv}]",
        help="print the PEEL grades of the 43 forces, with their sources",
        description="Print the PEEL grades record: every published grade of the 43 forces, "
        "with the page it comes from, and the national counts it reproduces.",
    )
    command.add_argument("--force", metavar="ID", help="a force id, name or ONS code")
    command.add_argument("--programme", metavar="ID", help="a programme, such as peel-2015")
    command.add_argument("--question", metavar="ID", help="a question id")
    command.add_argument("--pillar", choices=[p.value for p in Pillar], metavar="PILLAR")
    command.add_argument("--region", metavar="ID", help="a region id or name")
    command.add_argument(
        "--by", choices=_BY, default=None, help="count forces per grade, nationally or by region"
    )
    command.add_argument("--format", choices=_FORMATS, default="table")


def run(arguments: argparse.Namespace) -> GradesOutput:
    """Run ``peelmodel grades``."""
    try:
        entries = grades.select(
            force=arguments.force,
            programme=arguments.programme,
            pillar=arguments.pillar,
            question=arguments.question,
            region=arguments.region,
        )
        checks = grades.check_statements(programme=arguments.programme, question=arguments.question)
    except UnknownReferenceError as error:
        raise _CommandError(f"peelmodel: {error}") from None
    if arguments.pillar is not None:
        checks = tuple(c for c in checks if c.statement.question.pillar.value == arguments.pillar)
    distributions = _distributions(arguments, entries) if arguments.by else ()
    code = 1 if any(check.status is Status.INCONSISTENT for check in checks) else 0
    if arguments.format == "json":
        document: dict[str, Any] = {
            "grades": grades.rows(entries),
            "statements": [_statement(check) for check in checks],
        }
        if arguments.by:
            document["by"] = arguments.by
            document["distribution"] = [_distribution(d) for d in distributions]
        text = json.dumps(document, indent=2, ensure_ascii=False)
        return GradesOutput(code, text, is_json=True)
    if arguments.format == "csv":
        return GradesOutput(code, _csv(entries, distributions, by=arguments.by))
    return GradesOutput(code, _table(entries, checks, distributions))


def _distributions(
    arguments: argparse.Namespace, entries: Sequence[GradeEntry]
) -> tuple[grades.Distribution, ...]:
    """One distribution per question shown, over all forces, one force or a region's."""
    force = None if arguments.force is None else forces.lookup(arguments.force).id
    region = None if arguments.region is None else areas.lookup(arguments.region).id
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
        writer.writerows(grades.rows(entries))
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


def _grade(grade: Grade | None, state: str) -> str:
    return state if grade is None else grade.label


def _table(
    entries: Sequence[GradeEntry],
    checks: Sequence[grades.StatementCheck],
    distributions: Sequence[grades.Distribution],
) -> str:
    lines: list[str] = []
    if distributions:
        headers = ("area", "question", *(g.label for g in Grade), "graded", "not graded", "unknown")
        rows = [
            [
                found.area,
                found.question.id,
                *(str(found.counts[g]) if g in found.counts else "-" for g in Grade),
                str(found.graded),
                str(len(found.not_graded)),
                str(len(found.undetermined)),
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
        rows = [
            [
                check.statement.question.id,
                check.statement.grade.label,
                str(check.statement.count),
                str(check.low) if check.low == check.high else f"{check.low} to {check.high}",
                check.status.value,
            ]
            for check in checks
        ]
        headers = ("national statement", "grade", "published", "record", "status")
        lines += ["National statements", render(headers, rows, right=(2, 3)), ""]
    statuses = [check.status.value for check in checks]
    counted = ", ".join(
        f"{statuses.count(s.value)} {s.value}" for s in Status if s.value in statuses
    )
    lines.append(
        f"{len(entries)} entries; {len(checks)} national statements"
        + (f": {counted}." if counted else ".")
    )
    return "\n".join(lines)
