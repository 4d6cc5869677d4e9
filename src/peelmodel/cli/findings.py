"""``peelmodel findings``: the findings record, areas for improvement and causes of concern.

``--format json`` prints one object: ``"findings"``, one object per finding
with its force, programme, kind, area (or null), question, text, date,
source and source_kind; and ``"counts"``, one object per count of findings
with its force, programme, kind, area, question, count, source, source_kind
and quote, and how many texts the record holds for it (``recorded``) with
their ``status``: ``reproduced`` (as many as the count), ``inconsistent``
(more) or ``unverifiable`` (fewer). Forces and programmes are names as
people write them; an unknown force, programme or kind exits 2 with one line
on standard error, and a query that matches nothing exits 0 and says why in
one line there, as ``grades`` does.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from typing import Any

from peelmodel import findings
from peelmodel.analysis.status import Status
from peelmodel.cli.empty import no_findings
from peelmodel.cli.output import EXIT_CONSISTENT, Output
from peelmodel.cli.parsing import add_command, add_force, add_format, choice, programme_id
from peelmodel.cli.table import Cell, render, status_cell
from peelmodel.model.finding import FindingKind, FindingsRecord

__all__ = ["add_parser", "run"]

_FORMATS = ("table", "json", "csv")
_KINDS = tuple(k.value for k in FindingKind)
_CSV_FIELDS = (
    *("record", "force", "programme", "kind", "area", "count", "text", "date"),
    *("source", "source_kind", "quote", "recorded", "status"),
)
#: The widest a finding's text is shown in a table.
_TEXT_WIDTH = 80


def add_parser(commands: Any) -> None:
    """Add ``findings`` to the subcommands of ``peelmodel``."""
    command = add_command(
        commands,
        "findings",
        summary="print the findings of the 43 forces, with their sources",
        description="Print the findings record: the areas for improvement and causes of concern "
        "HMICFRS's\npages state for each force, with their sources, and the counts of findings "
        "where a page\nstates how many a report has but not every text.",
        codes={EXIT_CONSISTENT: "the findings asked for were printed (or none matched)"},
    )
    add_force(command)
    command.add_argument(
        "--programme",
        metavar="NAME",
        type=programme_id,
        help="a programme, such as peel-2021-22 or 'PEEL 2021/22' (default: every one)",
    )
    command.add_argument(
        "--kind",
        type=choice(*_KINDS),
        choices=_KINDS,
        metavar="KIND",
        help=f"a kind of finding: {', '.join(_KINDS)} (default: both)",
    )
    command.add_argument(
        "--area",
        metavar="ID",
        help="an area id within the programme, or a question id (default: every area)",
    )
    add_format(command.add_argument, _FORMATS)
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace, *, colour: bool) -> Output:
    """Run ``findings``: exit 0, with a note on standard error when nothing matches."""
    found = findings.query(
        force=arguments.force,
        programme=arguments.programme,
        kind=arguments.kind,
        area=arguments.area,
    )
    notes = () if found.findings or found.counts else (no_findings(arguments),)
    if arguments.format == "json":
        document = {
            "findings": findings.rows(found.findings),
            "counts": findings.count_rows(found.counts),
        }
        text = json.dumps(document, indent=2, ensure_ascii=False)
        return Output(EXIT_CONSISTENT, text, is_json=True, notes=notes)
    if arguments.format == "csv":
        return Output(EXIT_CONSISTENT, _csv(found), notes=notes)
    return Output(EXIT_CONSISTENT, _table(found, colour=colour), notes=notes)


def _csv(found: FindingsRecord) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=_CSV_FIELDS, lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows({"record": "finding", **row} for row in findings.rows(found.findings))
    writer.writerows({"record": "count", **row} for row in findings.count_rows(found.counts))
    return buffer.getvalue().removesuffix("\n")


def _short(text: str) -> str:
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 3].rstrip() + "..."


def _table(found: FindingsRecord, *, colour: bool) -> str:
    lines: list[str] = []
    if found.findings:
        listed = [
            [f.force.id, f.programme.id, f.kind.value, f.area or "-", _short(f.text), f.source]
            for f in found.findings
        ]
        lines += [render(("force", "programme", "kind", "area", "text", "source"), listed), ""]
    if found.counts:
        rows: list[list[Cell]] = [
            [
                row["force"],
                row["programme"],
                row["kind"],
                row["area"] or "-",
                str(row["count"]),
                str(row["recorded"]),
                status_cell(Status(row["status"])) if colour else row["status"],
                row["source"],
            ]
            for row in findings.count_rows(found.counts)
        ]
        headers = ("force", "programme", "kind", "area", "count", "texts", "status", "source")
        lines += [
            "Counts of findings (texts: the findings the record holds for the count)",
            render(headers, rows, right=(4, 5), colour=colour),
            "",
        ]
    lines.append(f"{len(found.findings)} findings; {len(found.counts)} counts.")
    return "\n".join(lines)
