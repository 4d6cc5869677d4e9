"""``python -m peelmodel``: the same as the ``peelmodel`` command."""

import sys

from peelmodel.cli import main

__all__: list[str] = []

sys.exit(main())
