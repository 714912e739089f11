"""Views of a ``Score``: the terminal table, Markdown, the saved-run JSON document, the HTML
report and the leaderboard. Each reads the score; none computes a figure of its own."""
