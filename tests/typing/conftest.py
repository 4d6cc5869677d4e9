"""public_api.py is checked by mypy (tests/test_typing.py), not collected by pytest."""

collect_ignore = ["public_api.py"]
