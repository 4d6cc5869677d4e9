"""The argument parsers: usage errors that exit 2 with one line, and help that lists exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import Any

from peelmodel.cli.output import EXIT_INTERNAL, EXIT_INVALID, CommandError

__all__ = ["Formatter", "Parser", "add_command", "add_debug", "exit_codes"]

_DEBUG_HELP = "on an internal error, print the traceback too"


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit 2 with one line starting ``peelmodel:``."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Raise :class:`CommandError` naming the command, instead of exiting."""
        command = " ".join(self.prog.split()[1:])
        raise CommandError(f"{command}: {message}" if command else message)


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Help with the description and epilog as written, and room for the options."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def exit_codes(meanings: Mapping[int, str]) -> str:
    """An epilog listing the exit codes a command uses, with 2 and 3 added.

    >>> print(exit_codes({0: "all well"}))
    exit codes:
      0  all well
      2  invalid or unreadable input, or wrong arguments (one line per problem on stderr)
      3  internal error (the traceback too with --debug)
    """
    codes = {
        **meanings,
        EXIT_INVALID: "invalid or unreadable input, or wrong arguments "
        "(one line per problem on stderr)",
        EXIT_INTERNAL: "internal error (the traceback too with --debug)",
    }
    return "exit codes:\n" + "\n".join(f"  {code}  {text}" for code, text in sorted(codes.items()))


def add_debug(parser: argparse.ArgumentParser, *, default: object = False) -> None:
    """Add ``--debug`` to *parser*; a command's takes ``default=argparse.SUPPRESS``.

    So ``--debug`` may stand before or after the command.
    """
    parser.add_argument("--debug", action="store_true", default=default, help=_DEBUG_HELP)


def add_command(
    commands: Any,
    name: str,
    *,
    summary: str,
    description: str,
    codes: Mapping[int, str],
) -> argparse.ArgumentParser:
    """Add command *name* to ``peelmodel``'s subcommands, with ``--debug``, help and exit codes."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=exit_codes(codes),
        formatter_class=Formatter,
    )
    add_debug(parser, default=argparse.SUPPRESS)
    return parser
