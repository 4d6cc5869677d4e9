"""The documents commands read: ``-`` for standard input, a file, or an embedded dataset.

A name is read in this order: ``-`` is standard input; a path that exists is
that file, even if a dataset has the same name; otherwise a dataset name is
that dataset; anything else is an error that lists the datasets. Only regular
files are read, and nothing larger than :data:`MAX_DOCUMENT_BYTES`.
"""

from __future__ import annotations

import os
import stat
import sys

from peelmodel import datasets
from peelmodel.cli.output import CommandError
from peelmodel.documents import loads
from peelmodel.model.inspection import Inspection

__all__ = ["DEFAULT_DATASET", "MAX_DOCUMENT_BYTES", "STDIN", "load", "name_of"]

#: The largest document read, from a file or standard input, in bytes.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
#: The embedded dataset ``report`` shows when given no argument.
DEFAULT_DATASET = "hampshire-2015"
#: The argument that stands for standard input.
STDIN = "-"


def name_of(source: str) -> str:
    """How messages name *source*: ``<stdin>`` for ``-``, else as given."""
    return "<stdin>" if source == STDIN else source


def load(source: str | None) -> Inspection:
    """The inspection *source* names (``None``: :data:`DEFAULT_DATASET`).

    Raise :class:`CommandError` if it cannot be read, and
    :class:`~peelmodel.errors.DocumentError` naming it if it is invalid.
    """
    if source is None:
        return datasets.load(DEFAULT_DATASET)
    if source == STDIN:
        data = _read_stdin()
    elif os.path.lexists(source):
        data = _read_file(source)
    elif source in datasets.names():
        return datasets.load(source)
    else:
        known = ", ".join(datasets.names())
        raise CommandError(
            f"no such file, nor an embedded dataset (embedded datasets: {known})", source=source
        )
    return loads(data, Inspection, source=name_of(source))


def _read_stdin() -> bytes:
    """The bytes of standard input, within the size limit."""
    try:
        data: bytes = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, ValueError, AttributeError) as error:
        raise CommandError(f"cannot read: {error}", source=name_of(STDIN)) from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _too_large(STDIN)
    return data


def _read_file(path: str) -> bytes:
    """The bytes of a regular file no larger than the size limit."""
    try:
        # Non-blocking, so that opening a FIFO does not wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise CommandError(f"cannot read: {error.strerror or error}", source=path) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise CommandError("not a regular file", source=path)
        if status.st_size > MAX_DOCUMENT_BYTES:
            raise _too_large(path)
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as error:
        raise CommandError(f"cannot read: {error.strerror or error}", source=path) from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _too_large(path)
    return data


def _too_large(source: str) -> CommandError:
    limit = MAX_DOCUMENT_BYTES // 2**20
    return CommandError(f"larger than the limit of {limit} MiB", source=name_of(source))
