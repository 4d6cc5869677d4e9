"""The names these pages link to in other projects' documentation, and their addresses.

Sphinx links a name such as :class:`fractions.Fraction` to its project's site
through that project's ``objects.inv``. The documentation is built offline,
so instead of downloading each project's inventory, ``conf.py`` calls
:func:`write` to write small ones from :data:`SITES`: only the names these
pages use, each with its address on the project's own site. A nitpicky build
names any name that is missing; add it here.
"""

from __future__ import annotations

import zlib
from pathlib import Path

__all__ = ["SITES", "mapping", "write"]

#: For each project: its name, the address its pages are under, and for each
#: role the names it documents with the address of each, under that one.
SITES: dict[str, tuple[str, str, dict[str, dict[str, str]]]] = {
    "python": (
        "Python",
        "https://docs.python.org/3/",
        {
            "py:class": {
                "collections.abc.Callable": "library/collections.abc.html",
                "collections.abc.Iterable": "library/collections.abc.html",
                "collections.abc.Iterator": "library/collections.abc.html",
                "collections.abc.Mapping": "library/collections.abc.html",
                "collections.abc.Sequence": "library/collections.abc.html",
                "datetime.date": "library/datetime.html",
                "decimal.Decimal": "library/decimal.html",
                "enum.Enum": "library/enum.html",
                "fractions.Fraction": "library/fractions.html",
                "int": "library/functions.html",
                "os.PathLike": "library/os.html",
                "str": "library/stdtypes.html",
                "typing.Any": "library/typing.html",
            },
            "py:exception": {
                "LookupError": "library/exceptions.html",
                "TypeError": "library/exceptions.html",
                "ValueError": "library/exceptions.html",
            },
            "py:data": {
                "None": "library/constants.html",
            },
        },
    ),
    "attrs": (
        "attrs",
        "https://www.attrs.org/en/stable/",
        {
            "py:function": {
                "attrs.frozen": "api.html",
            },
        },
    ),
    "cattrs": (
        "cattrs",
        "https://catt.rs/en/stable/",
        {
            "py:class": {
                "cattrs.converters.Converter": "cattrs.html",
            },
        },
    ),
    "hypothesis": (
        "Hypothesis",
        "https://hypothesis.readthedocs.io/en/latest/",
        {
            "py:class": {
                "hypothesis.errors.InvalidArgument": "reference/api.html",
                "hypothesis.strategies.SearchStrategy": "reference/strategies.html",
            },
            "py:function": {
                "hypothesis.strategies.from_type": "reference/strategies.html",
            },
        },
    ),
    "pandas": (
        "pandas",
        "https://pandas.pydata.org/docs/",
        {
            "py:class": {
                "pandas.DataFrame": "reference/api/pandas.DataFrame.html",
            },
        },
    ),
    "polars": (
        "Polars",
        "https://docs.pola.rs/api/python/stable/",
        {
            "py:class": {
                "polars.dataframe.frame.DataFrame": "reference/dataframe/index.html",
            },
        },
    ),
    "matplotlib": (
        "Matplotlib",
        "https://matplotlib.org/stable/",
        {
            "py:class": {
                "matplotlib.figure.Figure": "api/_as_gen/matplotlib.figure.Figure.html",
            },
        },
    ),
}


def mapping(folder: Path) -> dict[str, tuple[str, str]]:
    """``intersphinx_mapping`` for the inventories :func:`write` writes into *folder*."""
    return {key: (base, str(folder / f"{key}.inv")) for key, (_, base, _) in SITES.items()}


def write(folder: Path) -> None:
    """Write one inventory per project of :data:`SITES` into *folder*.

    Each is in Sphinx's version 2 format: four header lines, then one
    zlib-compressed line per name: the name, its role, a priority, its address
    (``$`` stands for the name, as an anchor) and its display name (``-`` for
    the name itself).
    """
    folder.mkdir(parents=True, exist_ok=True)
    for key, (project, _, roles) in SITES.items():
        entries = "".join(
            f"{name} {role} 1 {page}#$ -\n"
            for role, names in sorted(roles.items())
            for name, page in sorted(names.items())
        )
        header = (
            "# Sphinx inventory version 2\n"
            f"# Project: {project}\n"
            "# Version: \n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        (folder / f"{key}.inv").write_bytes(header.encode() + zlib.compress(entries.encode()))
