"""Find known phrases in a paragraph: at word boundaries (English) or morpheme boundaries (Korean).

Both the paragraph and the phrases are reduced to a *skeleton* before they are
compared, and every skeleton character remembers where it came from, so a
match maps back to exact offsets in the paragraph:

- Korean: spaces and hyphens are dropped (구글 딥 마인드 = 구글 딥마인드, 웹-서비스 =
  웹 서비스), and so is a genitive or object particle before a space (유엔 총회의 AI
  결의안 = 유엔 총회 AI 결의안; 디지털 격차를 해소 = 디지털 격차 해소). A match
  must start where a Kiwi morpheme starts and end where one ends, so particles
  may follow it (해리스는, 서울선언에서) but it never starts or ends inside a
  word (미국 is not found in 이미 국가).
- English: runs of spaces become one space, curly apostrophes straight ones; a
  match must not touch a letter or digit on either side. A phrase also matches
  with its first letter's case flipped (chairman / Chairman).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from aigraph.ingest.korean import Morpheme, morphemes

_DROPPED_KO = re.compile(r"[\s\-\u2010\u2011\u2013\u2014]")
_SPACE = re.compile(r"\s")
#: Particles that join the words of a name-like phrase: genitive 의, object 을/를.
_LINKING_PARTICLES = frozenset({"JKG", "JKO"})


@dataclass(frozen=True)
class TextView:
    """A paragraph's text as the matcher sees it: its skeleton and its word boundaries."""

    text: str
    lang: str
    skeleton: str
    origin: tuple[int, ...]
    morphemes: tuple[Morpheme, ...] = ()

    def at_boundaries(self, start: int, end: int) -> bool:
        """Tell whether ``text[start:end]`` starts and ends at word (or morpheme) boundaries.

        >>> view = text_view("Harris's speech", "en")
        >>> view.at_boundaries(0, 6), view.at_boundaries(0, 3)
        (True, False)
        """
        if self.lang == "ko":
            return start in {m.start for m in self.morphemes} and end in {
                m.end for m in self.morphemes
            }
        before = self.text[start - 1] if start > 0 else " "
        after = self.text[end] if end < len(self.text) else " "
        return not before.isalnum() and not after.isalnum()

    def span(self, index: int, length: int) -> tuple[int, int]:
        """Map *length* skeleton characters from *index* to a ``(start, end)`` span of the text."""
        return self.origin[index], self.origin[index + length - 1] + 1


def _skeleton(text: str, lang: str, morphs: tuple[Morpheme, ...]) -> tuple[str, tuple[int, ...]]:
    chars, origin = [], []
    if lang == "ko":
        linking = {
            i
            for m in morphs
            if m.tag in _LINKING_PARTICLES and m.end < len(text) and text[m.end].isspace()
            for i in range(m.start, m.end)
        }
        for i, ch in enumerate(text):
            if not _DROPPED_KO.match(ch) and i not in linking:
                chars.append(ch)
                origin.append(i)
    else:
        for i, ch in enumerate(text.replace("\u2019", "'")):
            if _SPACE.match(ch):
                if chars and chars[-1] == " ":
                    continue
                ch = " "
            chars.append(ch)
            origin.append(i)
    return "".join(chars), tuple(origin)


def text_view(text: str, lang: str, /) -> TextView:
    """Analyse *text* (a paragraph or a phrase) for matching in language *lang*.

    >>> text_view("유엔 총회의 AI 결의안", "ko").skeleton
    '유엔총회AI결의안'
    >>> text_view("Vice  President", "en").skeleton
    'Vice President'
    """
    morphs = morphemes(text) if lang == "ko" else ()
    skeleton, origin = _skeleton(text, lang, morphs)
    return TextView(text=text, lang=lang, skeleton=skeleton, origin=origin, morphemes=morphs)


class PhraseIndex:
    """Phrases (labels, names, titles) of one language, each with a value, for finding in texts.

    >>> index = PhraseIndex([("서울선언", "doc"), ("미국", "us")], "ko")
    >>> index.find(text_view("미국은 서울선언에서 밝혔다", "ko"))
    [(0, 2, 'us'), (4, 8, 'doc')]
    """

    def __init__(self, phrases: Iterable[tuple[str, str]], lang: str) -> None:
        self.lang = lang
        by_first: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for phrase, value in phrases:
            for key in self._keys(phrase):
                if key:
                    by_first[key[0]].add((key, value))
        # Longest keys first, then by value, so that results come out in one order.
        self._by_first = {
            c: sorted(keys, key=lambda kv: (-len(kv[0]), kv)) for c, keys in by_first.items()
        }

    def _keys(self, phrase: str) -> set[str]:
        if self.lang == "ko":
            return {_skeleton(phrase, "ko", _phrase_morphemes(phrase))[0]}
        key = _skeleton(phrase, "en", ())[0].strip()
        return {key, key[:1].swapcase() + key[1:]} if key else set()

    def find(self, view: TextView, /) -> list[tuple[int, int, str]]:
        """Return every ``(start, end, value)`` whose phrase occurs in *view* at boundaries."""
        found = []
        skeleton = view.skeleton
        for i, ch in enumerate(skeleton):
            for key, value in self._by_first.get(ch, ()):
                if skeleton.startswith(key, i):
                    start, end = view.span(i, len(key))
                    if view.at_boundaries(start, end):
                        found.append((start, end, value))
        return sorted(set(found))


def _phrase_morphemes(phrase: str) -> tuple[Morpheme, ...]:
    """Morphemes of a phrase, needed only to find its particles (the 의 of 인간의 복지)."""
    return morphemes(phrase) if re.search(r"[\uac00-\ud7a3]\s", phrase) else ()


def remove_nested(
    spans: list[tuple[int, int, str]], keep: object = None
) -> list[tuple[int, int, str]]:
    """Drop every span that lies inside a longer one, unless ``keep(outer, inner)`` says otherwise.

    Spans that cross each other keep the longer (then the earlier) one.

    >>> remove_nested([(0, 9, "summit"), (3, 5, "seoul"), (11, 13, "uk")])
    [(0, 9, 'summit'), (11, 13, 'uk')]
    >>> remove_nested([(0, 5, "post"), (0, 2, "uk")], keep=lambda outer, inner: True)
    [(0, 2, 'uk'), (0, 5, 'post')]
    """
    ordered = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0], s[2]))
    kept: list[tuple[int, int, str]] = []
    for span in ordered:
        start, end, value = span
        clash = False
        for other in kept:
            if (other[0], other[1]) == (start, end):
                continue
            inside = other[0] <= start and end <= other[1]
            crossing = start < other[1] and other[0] < end and not inside
            if crossing or (inside and not (keep and keep(other[2], value))):  # type: ignore[operator]
                clash = True
                break
        if not clash:
            kept.append(span)
    return sorted(kept)
