"""Counting the calls of an engine function within a test, with pytest's ``monkeypatch``."""

from __future__ import annotations

from typing import Any

import pytest


def calls_of(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Record each call of ``owner.name`` from now on (one entry each); the calls still run."""
    calls: list[int] = []
    original = getattr(owner, name)

    def counted(*arguments: Any, **options: Any) -> Any:
        calls.append(1)
        return original(*arguments, **options)

    monkeypatch.setattr(owner, name, counted)
    return calls
