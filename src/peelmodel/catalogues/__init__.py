"""Registries over the reference data shipped in ``catalogues/data``.

Each builds model objects from its JSON file once, on first use. Users reach
them as :mod:`peelmodel.areas`, :mod:`peelmodel.forces`,
:mod:`peelmodel.programmes`, :mod:`peelmodel.questions` and
:mod:`peelmodel.outcomes`.
"""

from peelmodel.catalogues import areas, forces, outcomes, programmes, questions

__all__ = ["areas", "forces", "outcomes", "programmes", "questions"]
