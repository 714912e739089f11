"""The gold set: finding, loading and checking it, its manifest and card, and growing it.

``store`` loads, ``audit`` checks (``figdate gold check``), ``manifest`` and ``card`` keep
the version, checksums and counts; ``drafts``, ``accept``, ``labelstudio`` and
``agreement`` are the way new articles come in. Depends on ``contract``, ``scoring`` and
``extractors`` (to draft mentions), never on the front ends.
"""
