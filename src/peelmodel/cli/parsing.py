"""The argument parsers: usage errors that exit 2 with one line, and help that lists exit codes.

Options that name a force, a region, a programme or a pillar take names as
people write them, resolved by the catalogues (:func:`force_id` and the
rest); options with a few fixed values ignore case (:func:`choice`):

>>> force_id("thames valley"), region_id("south-east"), programme_id("2015"), pillar_id("Effectiveness")
('thames-valley', 'south-east-region', 'peel-2015', 'effectiveness')
>>> force_ids("hants, Kent ,the met")
('hampshire', 'kent', 'metropolitan')
>>> choice("table", "json", "csv")(" CSV ")
'csv'
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import Any

from peelmodel.catalogues import areas, forces, programmes
from peelmodel.cli.output import EXIT_INTERNAL, EXIT_INVALID, CommandError
from peelmodel.errors import UnknownReferenceError
from peelmodel.model.area import AreaKind

__all__ = [
    "Formatter",
    "Parser",
    "add_command",
    "add_debug",
    "add_force",
    "add_format",
    "choice",
    "exit_codes",
    "force_id",
    "force_ids",
    "pillar_id",
    "programme_id",
    "region_id",
]

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


def _resolved(find: Callable[[str], str]) -> Callable[[str], str]:
    """An argument type: *find*'s answer, or its refusal as a usage error."""

    def resolve(text: str) -> str:
        try:
            return find(text)
        except UnknownReferenceError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return resolve


#: The id of the force a name names: an id, name, short name or ONS code.
force_id = _resolved(lambda text: forces.lookup(text).id)
#: The id of the region a name names: ``south-east``, ``South East``, ``Wales``.
region_id = _resolved(lambda text: areas.lookup(text, kind=AreaKind.REGION).id)
#: The id of the programme a name names: ``peel-2015``, ``PEEL 2015``, ``2015``.
programme_id = _resolved(lambda text: programmes.lookup(text).id)
#: The pillar a name names: ``effectiveness``, ``Effectiveness``.
pillar_id = _resolved(lambda text: programmes.pillar(text).value)


def force_ids(text: str) -> tuple[str, ...]:
    """The ids of the forces a comma-separated list names."""
    return tuple(force_id(part) for part in text.split(",") if part.strip())


def choice(*values: str) -> Callable[[str], str]:
    """An argument type for one of *values*, ignoring case, surrounding spaces and ``_``/``-``."""

    def chosen(text: str) -> str:
        wanted = text.strip().casefold().replace("_", "-")
        if wanted in values:
            return wanted
        listed = ", ".join(values)
        raise argparse.ArgumentTypeError(f"invalid choice: {text!r} (choose from {listed})")

    return chosen


def add_force(command: argparse.ArgumentParser) -> None:
    """Add ``--force NAME``: a force by id, name, short name or ONS code."""
    command.add_argument(
        "--force",
        metavar="NAME",
        type=force_id,
        help="a force: id, name, short name or ONS code (default: every force)",
    )


def add_format(add_argument: Callable[..., argparse.Action], formats: tuple[str, ...]) -> None:
    """Add ``--format`` with *add_argument*: one of *formats*, the first the default, any case."""
    add_argument(
        "--format",
        type=choice(*formats),
        choices=formats,
        default=formats[0],
        help=f"{formats[0]} for people, {' or '.join(formats[1:])} for programs "
        f"(default: {formats[0]})",
    )
