"""The bottom layer: vocabulary, problems, values, the data model, tables, transactions.

Nothing here imports another figdate package; every other package may import this one.
"""

__version__ = "0.1.0"
