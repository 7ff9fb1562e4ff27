"""The optional parts of aigraph, each an extra of the package, and the check that one is installed.

The core (load, query, validate, export, viz, analyze, path, push) needs none of
them; ``pip install 'aigraph[all]'`` installs every one.
"""

from __future__ import annotations

from importlib.util import find_spec

from aigraph.errors import AigraphError

#: Extra → the modules it brings, and what needs it.
EXTRAS: dict[str, tuple[tuple[str, ...], str]] = {
    "ingest": (("kiwipiepy", "kiwipiepy_model"), "aigraph ingest (Korean morphemes)"),
    "serve": (("starlette", "uvicorn", "mimeparse"), "aigraph serve (the SPARQL endpoint)"),
    "plot": (("matplotlib",), "aigraph plot (PNG charts)"),
}


class MissingExtraError(AigraphError):
    """An optional part of aigraph is needed but not installed."""


def require(extra: str, /) -> None:
    """Raise :class:`MissingExtraError`, naming the pip command, unless *extra* is installed.

    >>> require("serve")  # installed here
    >>> require("nonesuch")
    Traceback (most recent call last):
    ...
    KeyError: 'nonesuch'
    """
    modules, needed_by = EXTRAS[extra]
    missing = [name for name in modules if find_spec(name) is None]
    if missing:
        raise MissingExtraError(
            f"{needed_by} needs the '{extra}' extra, which is not installed "
            f"({', '.join(missing)} missing): pip install 'aigraph[{extra}]'"
        )
