"""A regular expression from a word list, factored by shared prefixes.

Python's ``re`` tries alternatives one by one; ``trie(["the", "this", "ten"])`` gives
``t(?:h(?:e|is)|en)``, which rejects a word that starts with none of them after one
character test per first letter instead of one per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie(words: Iterable[str], caseless: bool = False) -> str:
    """``caseless`` writes each letter as a class (``[tT]``), not under ``(?i:)``: ``re``
    skips an alternative whose first item is a literal or a class after one test, but
    enters every case-insensitive one."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(tree, caseless)


def _render(node: dict[str, dict], caseless: bool) -> str:  # type: ignore[type-arg]
    branches = [
        _char(char, caseless) + _render(child, caseless)
        for char, child in sorted(node.items())
        if char
    ]
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?"
    return body


def _char(char: str, caseless: bool) -> str:
    if caseless and char.lower() != char.upper():
        return f"[{char.lower()}{char.upper()}]"
    return re.escape(char)
