"""The ``peelmodel`` command (also ``python -m peelmodel``)."""

from peelmodel.cli.app import main

__all__ = ["main"]
