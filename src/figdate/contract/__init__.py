"""The contract: what a valid article, gold mention and prediction table is.

The declaration (``models``, the rule catalogue ``rules``, GX ``conditions``) is kept apart
from the machinery that runs it (``pandera_backend``, ``gx_suites`` and ``gx_backend``,
``files``), as pandera keeps ``api/`` apart from ``backends/``. Depends only on
``figdate.core``.
"""
