"""Sphinx configuration for the peelmodel documentation."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

import peelmodel

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS))
import charts  # noqa: E402 - the module beside this file: draws the charts of frames-and-charts.md
import inventories  # noqa: E402 - the module beside this file, found through sys.path above

project = "peelmodel"
author = "The peelmodel developers"
copyright = "2026, The peelmodel developers"
version = peelmodel.__version__
release = peelmodel.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: fenced ```{directive} blocks, ::: blocks, and anchors on headings so
# that pages can link to sections with [text](page.md#anchor).
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc: members in source order, type hints in the description rather than
# the signature (the signatures of attrs classes are long).
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True, "show-inheritance": True}

# Every cross-reference must resolve: to these pages or, through intersphinx,
# to another project's documentation. The build is offline, so the inventories
# are written from docs/inventories.py when the build starts, not downloaded.
nitpicky = True
INVENTORIES = DOCS / "_build" / "inventories"
intersphinx_mapping = inventories.mapping(INVENTORIES)
# Type variables (``T``) have no page of their own.
nitpick_ignore_regex = [("py:class", r"peelmodel(\.\w+)*\.[A-Z]")]

html_theme = "alabaster"
html_title = f"peelmodel {release}"
html_theme_options = {
    "description": "Typed, exact models of PEEL police inspections",
    "fixed_sidebar": True,
}


#: A private name: one leading underscore, and not a protocol name such as ``__all__``.
PRIVATE = re.compile(r"(?<!\w)_(?!_)\w*[A-Za-z0-9](?!\w)")
logger = logging.getLogger(__name__)


def refuse_private_docstring(
    app: Sphinx, _what: str, name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Warn about a private name in a documented object's docstring."""
    for line in lines:
        for found in PRIVATE.findall(line):
            logger.warning(
                "private name %s in the docstring of %s", found, name, location=app.env.docname
            )


def refuse_private_signature(
    app: Sphinx,
    _what: str,
    name: str,
    _obj: object,
    _options: object,
    signature: str | None,
    annotation: str | None,
) -> None:
    """Warn about a private name in a documented object's signature."""
    for found in PRIVATE.findall(f"{signature or ''} {annotation or ''}"):
        logger.warning(
            "private name %s in the signature of %s", found, name, location=app.env.docname
        )


def refuse_private_bases(
    app: Sphinx, name: str, _obj: object, _options: object, bases: list[Any]
) -> None:
    """Warn about a private base class of a documented class."""
    for base in bases:
        path = f"{getattr(base, '__module__', '')}.{getattr(base, '__qualname__', '')}"
        if PRIVATE.search(path):
            logger.warning("private base %s of %s", path, name, location=app.env.docname)


def setup(app: Sphinx) -> None:
    """Write the inventories, and keep private names out of the pages."""
    app.connect("config-inited", lambda _app, _config: inventories.write(INVENTORIES))
    app.connect("builder-inited", lambda _app: charts.write(DOCS / "_build" / "charts"))
    app.connect("autodoc-process-docstring", refuse_private_docstring)
    app.connect("autodoc-process-signature", refuse_private_signature)
    app.connect("autodoc-process-bases", refuse_private_bases)
