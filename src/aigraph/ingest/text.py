"""Read a plain-text article: refuse what is not UTF-8 text, number its paragraphs.

Paragraph N is the N-th non-empty line of the file, counting from 1, as
``shared/sources/README.md`` numbers them. A paragraph's text is its line as it
stands in the file (without the line break), so offsets into it are offsets
into that line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from aigraph.errors import IngestError
from aigraph.ingest.records import Paragraph
from aigraph.labels import Language

#: Share of Hangul among the letters above which a text is taken to be Korean.
KOREAN_SHARE = 0.3
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Article:
    """A text split into numbered paragraphs, with its language."""

    path: Path
    language: Language
    paragraphs: tuple[Paragraph, ...]

    def paragraph(self, number: int) -> Paragraph:
        r"""Return paragraph *number* (1-based).

        >>> parse_article("a\n\nb", path=Path("x.txt")).paragraph(2).text
        'b'
        """
        return self.paragraphs[number - 1]


#: The largest article ``aigraph ingest`` reads, in bytes (1 MB: about 300,000 Korean syllables).
MAX_ARTICLE_BYTES = 1_000_000


def decode_text(data: bytes, /, *, path: Path) -> str:
    """Return *data* as text, or say why it is not UTF-8 text.

    :raises IngestError: for an empty file, a binary file, UTF-16/32 text or
        bytes that are not UTF-8 (naming the line of the first bad byte).

    >>> decode_text("윤 대통령".encode(), path=Path("a.txt"))
    '윤 대통령'
    >>> decode_text(b"", path=Path("a.txt"))
    Traceback (most recent call last):
    ...
    aigraph.errors.IngestError: a.txt: empty file: no text to ingest
    """
    if not data.strip():
        raise IngestError("empty file: no text to ingest", path=path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("UTF-16 or UTF-32 text, not UTF-8: convert it to UTF-8 first", path=path)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise IngestError("binary file, not text (a NUL byte)", path=path, line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IngestError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}): convert it to UTF-8 first, "
            "e.g. `iconv -f CP949 -t UTF-8` for Korean text saved in CP949/EUC-KR",
            path=path,
            line=line,
        ) from exc
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise IngestError(f"binary file, not text ({controls} control characters)", path=path)
    return text


def detect_language(text: str, /) -> Language:
    """Return ``ko`` when Hangul makes up a good share of the letters, else ``en``.

    >>> detect_language("윤석열 대통령은 AI 서울 정상회의를 주재했다.")
    'ko'
    >>> detect_language("Yoon Suk Yeol chaired the AI Seoul Summit.")
    'en'
    """
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    return "ko" if hangul and hangul / (hangul + latin) > KOREAN_SHARE else "en"


def parse_article(text: str, /, *, path: Path, language: str = "auto") -> Article:
    r"""Split *text* into paragraphs (non-empty lines) and settle its language.

    >>> art = parse_article("Title\n\n  \nFirst paragraph.\r\n", path=Path("a.txt"))
    >>> [(p.number, p.line, p.text) for p in art.paragraphs]
    [(1, 1, 'Title'), (2, 4, 'First paragraph.')]
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs: list[Paragraph] = []
    for line_no, line in enumerate(lines, start=1):
        if line.strip():
            paragraphs.append(Paragraph(number=len(paragraphs) + 1, line=line_no, text=line))
    if not paragraphs:
        raise IngestError("empty file: no text to ingest", path=path)
    lang: Language = detect_language(text) if language == "auto" else language  # type: ignore[assignment]
    if lang not in ("ko", "en"):
        raise IngestError(f"unknown language {language!r} (known: auto, ko, en)", path=path)
    return Article(path=path, language=lang, paragraphs=tuple(paragraphs))


def read_article(path: str | Path, /, *, language: str = "auto") -> Article:
    """Read the article at *path*.

    :param language: ``ko``, ``en`` or ``auto`` (decided by the share of Hangul).
    :raises IngestError: when the file cannot be read or is not UTF-8 text.
    """
    source = Path(path)
    try:
        with source.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)  # never more than the limit into memory
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror}", path=source) from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise IngestError(
            f"the article is larger than {MAX_ARTICLE_BYTES // 1_000_000} MB, "
            "the most ingest reads "
            "(a news article is rarely over 100 KB): split it, or ingest the part to curate",
            path=source,
        )
    return parse_article(decode_text(data, path=source), path=source, language=language)
