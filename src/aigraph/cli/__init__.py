"""The command line: ``aigraph`` and its commands, a thin layer over the library."""

from aigraph.cli.commands import main

__all__ = ["main"]
