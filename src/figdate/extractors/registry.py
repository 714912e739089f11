"""Naming an extractor: one ``--extractor SPEC`` string, resolved to a source.

- a registered name: the bundled ``rules``, ``dateparser``, ``quantulum3``, ``duckling``,
  ``heideltime``, or any installed entry point in the group ``figdate.extractors`` (how a
  third-party package registers itself; the bundled ones are registered the same way);
- ``package.module:attr``: a function, a class or an instance;
- ``cmd:COMMAND ...``: a program in any language (see ``CommandSource``);
- ``file:PATH``: predictions made elsewhere.
"""

from __future__ import annotations

import difflib
import importlib
import os
import sys
from importlib.metadata import entry_points
from pathlib import Path

from figdate.core.problems import InputError, Problem
from figdate.extractors.protocol import Source
from figdate.extractors.sources import CommandSource, FileSource, PythonSource

GROUP = "figdate.extractors"
DEFAULT = "rules"
# The bundled extractors, also declared as entry points in pyproject.toml; listed here too so
# that a source checkout without installed metadata still finds them.
BUNDLED = {
    "rules": "figdate.extractors.rules:RulesExtractor",
    "dateparser": "figdate.extractors.adapters.dateparser:DateparserExtractor",
    "quantulum3": "figdate.extractors.adapters.quantulum3:Quantulum3Extractor",
    "duckling": "figdate.extractors.adapters.duckling:DucklingExtractor",
    "heideltime": "figdate.extractors.adapters.heideltime:HeidelTimeExtractor",
}
EXTRAS = {
    "dateparser": "dateparser",
    "quantulum3": "quantulum3",
    "duckling": "duckling",
    "heideltime": "heideltime",
}


def install_hint(spec: str, exc: BaseException) -> str:
    """What to install when a registered adapter's library is missing ("" otherwise)."""
    extra = EXTRAS.get(spec)
    if extra and isinstance(exc, ImportError):
        return f" (pip install 'figdate[{extra}]')"
    return ""


def registered() -> dict[str, str]:
    """Every registered name and the ``module:attr`` it points to."""
    names = dict(BUNDLED)
    for point in entry_points(group=GROUP):
        names[point.name] = point.value
    return dict(sorted(names.items()))


class UnknownExtractor(InputError):
    """A spec that names nothing; the message lists what is registered."""

    usage = True


def resolve(spec: str | None) -> Source:
    """The source a spec names; InputError (or UnknownExtractor) when it names nothing usable."""
    spec = (spec or DEFAULT).strip()
    if spec.startswith("cmd:"):
        return CommandSource(spec[4:], spec)
    if spec.startswith("file:"):
        return FileSource(Path(spec[5:]), spec)
    names = registered()
    if spec in names:
        return PythonSource(_load(names[spec], spec), spec)
    if ":" in spec:
        return PythonSource(_load(spec, spec), spec)
    close = difflib.get_close_matches(spec, names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    reason = (
        f"no such extractor{hint}. Registered: {', '.join(names)}. "
        "Or give package.module:attr, cmd:COMMAND or file:PATH."
    )
    raise UnknownExtractor([Problem(spec, reason=reason)])


def source_of(extractor: object) -> Source:
    """The source for what a Python caller passes: a spec string (or None: the default), a
    ready ``Source``, or an extractor itself (a function, a class or an object with
    ``extract``)."""
    if extractor is None or isinstance(extractor, str):
        return resolve(extractor)
    if all(hasattr(extractor, a) for a in ("prepare", "unknown_articles", "isolated")):
        return extractor  # type: ignore[return-value]
    name = getattr(extractor, "name", None) or getattr(extractor, "__name__", None)
    return PythonSource(extractor, str(name or type(extractor).__name__))


def _load(target: str, spec: str) -> object:
    """Import ``module:attr``. The current folder is searched too (last), as ``python -m``
    would: a user's ``myext.py`` beside their project is found from a console script."""
    module_name, _, attr = target.partition(":")
    here = os.getcwd()
    if here not in sys.path and "" not in sys.path:
        sys.path.append(here)
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if EXTRAS.get(spec) and exc.name != module_name:
            hint = install_hint(spec, exc)
        elif exc.name == module_name.split(".")[0]:
            hint = (
                f": no such module in the current folder ({here}) or on the import path; "
                "run from the folder that holds it, or add that folder to PYTHONPATH"
            )
        else:
            hint = ""
        raise InputError([Problem(spec, reason=f"cannot import {exc.name!r}{hint}")]) from None
    except Exception as exc:  # an extractor's import-time failure is the user's to see
        raise InputError(
            [Problem(spec, reason=f"importing {module_name} failed: {exc!r}")]
        ) from None
    obj: object = module
    for part in attr.split(".") if attr else []:
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise InputError([Problem(spec, reason=f"{module_name} has no {attr!r}")]) from None
    return obj
