"""Docstring examples and docstrings of the aigraph.ingest subpackage's modules."""

import doctest
import importlib
import pkgutil

import pytest

import aigraph.ingest

MODULES = sorted(m.name for m in pkgutil.iter_modules(aigraph.ingest.__path__, "aigraph.ingest."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


@pytest.mark.parametrize("name", MODULES)
def test_every_public_function_has_a_docstring(name: str):
    module = importlib.import_module(name)
    assert module.__doc__, f"{name} has no module docstring"
    for attr, value in vars(module).items():
        if (
            not attr.startswith("_")
            and getattr(value, "__module__", None) == name
            and callable(value)
        ):
            assert value.__doc__, f"{name}.{attr} has no docstring"
