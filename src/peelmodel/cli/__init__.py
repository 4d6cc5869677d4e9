"""The ``peelmodel`` command (also ``python -m peelmodel``): one module per command."""

from peelmodel.cli.app import main
from peelmodel.cli.sources import MAX_DOCUMENT_BYTES

__all__ = ["MAX_DOCUMENT_BYTES", "main"]
