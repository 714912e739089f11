"""Evaluation: run an extractor, validate its output, score it (``evaluate``); score a file
of predictions (``scorefile``); one row per extractor (``leaderboard``)."""
