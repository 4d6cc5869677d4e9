"""The ``peelmodel`` command: its parser, and the one place that turns failures into exit codes.

Each command module adds its parser and a ``run`` that returns an
:class:`~peelmodel.cli.output.Output`; :func:`main` writes it. Invalid input
exits 2 with one line per problem on standard error; any other exception is
an internal error, exit 3.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from peelmodel._version import __version__
from peelmodel.cli import aggregate, findings, grades, report
from peelmodel.cli.output import (
    EXIT_CONSISTENT,
    EXIT_INCONSISTENT,
    EXIT_INTERNAL,
    EXIT_INVALID,
    CommandError,
    Output,
    colour_wanted,
    one_line,
    write,
)
from peelmodel.cli.parsing import Formatter, Parser, add_debug, exit_codes
from peelmodel.errors import DocumentError, PeelModelError

__all__ = ["main", "parser"]


def parser() -> argparse.ArgumentParser:
    """The parser of ``peelmodel`` and its commands."""
    top = Parser(
        prog="peelmodel",
        description="Reproduce, check and aggregate PEEL inspection figures.",
        epilog=exit_codes(
            {
                EXIT_CONSISTENT: "all consistent",
                EXIT_INCONSISTENT: "the input is valid, but some figures are inconsistent",
            }
        ),
        formatter_class=Formatter,
    )
    top.add_argument("--version", action="version", version=f"peelmodel {__version__}")
    add_debug(top)
    commands = top.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=Parser
    )
    report.add_parsers(commands)
    aggregate.add_parser(commands)
    grades.add_parser(commands)
    findings.add_parser(commands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments: argparse.Namespace | None = None
    try:
        arguments = parser().parse_args(argv)
        output: Output = arguments.run(arguments, colour=colour_wanted(sys.stdout))
        if output.text:
            write(sys.stdout, output.text, is_json=output.is_json)
        for note in output.notes:
            write(sys.stderr, note)
    except CommandError as error:
        return _refuse(error)
    except DocumentError as error:
        problems = map(str, error.problems)
        return _refuse(CommandError(*problems, source=error.source, complete=error.complete))
    except PeelModelError as error:
        return _refuse(CommandError(str(error)))
    except Exception as error:  # noqa: BLE001 - any other error is a defect: one line, exit 3
        if arguments is not None and arguments.debug:
            traceback.print_exc()
        detail = one_line(f"{type(error).__name__}: {error}")
        write(sys.stderr, f"peelmodel: internal error: {detail}")
        return EXIT_INTERNAL
    return output.code


def _refuse(error: CommandError) -> int:
    """Print the lines of *error* on standard error: exit 2."""
    write(sys.stderr, "\n".join(error.lines()))
    return EXIT_INVALID
