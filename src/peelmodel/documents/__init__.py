"""JSON documents: strict loading and writing of every public class.

>>> from peelmodel import Force, forces
>>> text = dumps(forces.get("hampshire"))
>>> loads(text, Force) == forces.get("hampshire")
True
"""

from peelmodel.documents.converter import structure, unstructure
from peelmodel.documents.text import dumps, loads

__all__ = ["dumps", "loads", "structure", "unstructure"]
