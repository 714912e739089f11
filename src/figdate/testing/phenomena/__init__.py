"""News-style passages with planted, labelled figures and dates, one maker per phenomenon
(``figures``, ``dates``, ``boundaries``; ``PHENOMENA`` in each): the challenge suite's
source and the hypothesis strategies' (``figdate.testing.strategies``). Labels are known by
construction, values computed with the standard library by GUIDELINES.md's rules."""
