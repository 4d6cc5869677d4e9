"""Sphinx configuration for the peelmodel documentation."""

from __future__ import annotations

import peelmodel

project = "peelmodel"
author = "The peelmodel developers"
copyright = "2026, The peelmodel developers"
version = peelmodel.__version__
release = peelmodel.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
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

# napoleon: docstrings use Google-style "Attributes:" sections.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

nitpicky = False

html_theme = "alabaster"
html_title = f"peelmodel {release}"
html_theme_options = {
    "description": "Typed, exact models of PEEL police inspections",
    "fixed_sidebar": True,
}
