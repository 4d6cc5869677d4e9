"""What a command gives back, and how it reaches standard output and standard error.

A command returns an :class:`Output` or raises :class:`CommandError`; every
line on standard error starts ``peelmodel:``, and a document with many
problems shows the first :data:`MAX_PROBLEMS`, one a line:

>>> for line in CommandError("$.version: required key missing", source="bad.json").lines():
...     print(line)
peelmodel: bad.json: $.version: required key missing
"""

from __future__ import annotations

import contextlib
import json
import os
from typing import NamedTuple, TextIO

__all__ = [
    "EXIT_CONSISTENT",
    "EXIT_INCONSISTENT",
    "EXIT_INTERNAL",
    "EXIT_INVALID",
    "MAX_PROBLEMS",
    "CommandError",
    "Output",
    "colour_wanted",
    "counted",
    "one_line",
    "write",
]

EXIT_CONSISTENT = 0
EXIT_INCONSISTENT = 1
EXIT_INVALID = 2
EXIT_INTERNAL = 3

#: The most problems of one input printed; a last line counts the rest.
MAX_PROBLEMS = 10


class Output(NamedTuple):
    """What a command prints: its exit code, standard output and notes for standard error."""

    code: int
    text: str
    is_json: bool = False
    notes: tuple[str, ...] = ()


class CommandError(Exception):
    """Invalid input or arguments: exit 2, one line on standard error per problem.

    *source* names the input the problems are in, if any.
    """

    def __init__(self, *problems: str, source: str | None = None, complete: bool = True) -> None:
        self.problems = problems
        self.source = source
        self.complete = complete
        super().__init__("; ".join(problems))

    def lines(self) -> list[str]:
        """The lines for standard error: the first :data:`MAX_PROBLEMS`, then a count of the rest.

        >>> error = CommandError(*(f"$[{i}]: expected an object" for i in range(12)), source="x")
        >>> error.lines()[-2:]
        ['peelmodel: x: $[9]: expected an object', 'peelmodel: x: ... and 2 more problems']
        """
        prefix = "peelmodel: " + (f"{self.source}: " if self.source else "")
        lines = [prefix + one_line(problem) for problem in self.problems[:MAX_PROBLEMS]]
        rest = len(self.problems) - MAX_PROBLEMS
        more = "" if self.complete else ", and more not read"
        if rest > 0:
            lines.append(f"{prefix}... and {rest} more problem{'s' if rest > 1 else ''}{more}")
        elif more:
            lines.append(f"{prefix}... and more problems not read")
        return lines


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """*count* and its noun, singular for one: ``1 entry``, ``2 entries``, ``1,348 entries``.

    >>> counted(1, "entry", "entries"), counted(0, "figure"), counted(1348, "entry", "entries")
    ('1 entry', '0 figures', '1,348 entries')
    """
    noun = singular if count == 1 else (plural or singular + "s")
    return f"{count:,} {noun}"


def one_line(message: str) -> str:
    """*message* with every run of white space, newlines included, made one space."""
    return " ".join(message.split())


def colour_wanted(stream: TextIO) -> bool:
    """Whether to colour what goes to *stream*: a terminal, and ``NO_COLOR`` unset or empty."""
    return not os.environ.get("NO_COLOR") and stream.isatty()


def write(stream: TextIO, text: str, *, is_json: bool = False) -> None:
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
