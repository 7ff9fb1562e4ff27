"""Korean morphemes from Kiwi (PyPI ``kiwipiepy``; its model ships as ``kiwipiepy-model``).

The model takes a moment to load, so one tokenizer is made per process and
kept. Nothing is downloaded at run time: the model is a package. Kiwi's typo
dictionary is not loaded (a corrected form would no longer be the text at its
offsets), nor its multi-word dictionary (names come out word by word, and
ingest joins them itself); both also halve the loading time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Morpheme:
    """One morpheme: its form, its Sejong tag (NNP, JKG, ...) and its span in the text."""

    form: str
    tag: str
    start: int
    end: int


@functools.cache
def tokenizer() -> Any:
    """Return the process's Kiwi tokenizer, loading its model on first use.

    >>> tokenizer() is tokenizer()
    True
    """
    from kiwipiepy import Kiwi  # heavy: only Korean texts need it

    return Kiwi(load_typo_dict=False, load_multi_dict=False)


def morphemes(text: str, /) -> tuple[Morpheme, ...]:
    """Return the morphemes of *text*, each with its character offsets.

    >>> [(m.form, m.tag) for m in morphemes("서울선언에서")]
    [('서울', 'NNP'), ('선언', 'NNG'), ('에서', 'JKB')]
    """
    return tuple(
        Morpheme(form=token.form, tag=token.tag, start=token.start, end=token.start + token.len)
        for token in tokenizer().tokenize(text)
    )


def is_particle(tag: str, /) -> bool:
    """Tell whether a Sejong tag is a particle (조사: JKS, JKO, JKG, JX, JC, ...).

    >>> is_particle("JKG"), is_particle("NNP")
    (True, False)
    """
    return tag.startswith("J")
