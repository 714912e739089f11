"""The bottom layer: vocabulary, problems, values, the data model, tables, transactions.

Nothing here imports another figdate package; every other package may import this one.
"""

__version__ = "0.3.0.dev0"
"""figdate's version, the one place it is set (pyproject.toml reads it): SemVer, a release
tagged ``vX.Y.Z`` with its section in CHANGELOG.md; between releases ``X.Y.Z.devN``."""
