"""The domain model: one module per concept, importing no catalogue and no engine.

Every class is re-exported by :mod:`peelmodel`, which is where users import them from.
"""

__all__: list[str] = []
