"""Find the dates an article states and resolve them against the article's date.

Absolute dates (2024년 5월 22일, 22 May 2024, 2024-05-22) resolve alone. Relative
ones need the article's date: 지난 21일 in an article of 22 May 2024 is
2024-05-21 (the latest 21st before it), 지난해 11월 is 2023-11, 이날 and "that
day" are the day last named, "last November" the latest November before the
article's month, "on Tuesday" the latest Tuesday up to the article's day. A
month or day without a year and without 지난/오는/last/next is taken in the
article's year. Where two phrases overlap, the longer one wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from aigraph.ingest.records import DateMention, Paragraph, Span

#: How much less sure a relative date is than an absolute one.
RELATIVE_PENALTY = 0.1

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?P<mon>" + "|".join(sorted((n.capitalize() for n in _MONTHS), key=len, reverse=True)) + r")"
)
_WEEKDAYS_EN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAYS_KO = "월화수목금토일"
_YEAR_WORDS = {"재작년": -2, "지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1}
_DAY_WORDS = {
    "그저께": -2,
    "그제": -2,
    "어제": -1,
    "오늘": 0,
    "내일": 1,
    "모레": 2,
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
}
_MONTH_WORDS = {"지난달": -1, "이달": 0, "이번달": 0, "다음달": 1}


@dataclass(frozen=True)
class _Context:
    today: dt.date | None
    last_day: dt.date | None


Resolver = Callable[[dict[str, str], _Context], "tuple[str | None, bool]"]


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None:
            return dt.date(year, month or 1, day).isoformat()
    except ValueError:
        return None
    if month is not None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return f"{year:04d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _nearest_day(today: dt.date, day: int, direction: int) -> str | None:
    """Return the latest *day* of a month before *today* (direction -1) or the next one (+1)."""
    if (direction < 0 and day < today.day) or (direction > 0 and day > today.day):
        return _iso(today.year, today.month, day)
    return _iso(*_shift_month(today.year, today.month, direction), day)


def _nearest_month(
    today: dt.date, month: int, direction: int, day: int | None = None
) -> str | None:
    here = (today.month, today.day) if day is not None else (today.month,)
    there = (month, day) if day is not None else (month,)
    year = today.year
    if direction < 0 and there >= here:
        year -= 1
    if direction > 0 and there <= here:
        year += 1
    return _iso(year, month, day)


def _weekday(today: dt.date, weekday: int, mode: str) -> str:
    back = (today.weekday() - weekday) % 7
    if mode in ("last", "지난"):
        back = back or 7
    elif mode in ("next", "오는"):
        return (today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)).isoformat()
    return (today - dt.timedelta(days=back)).isoformat()


def _absolute(g: dict[str, str], _c: _Context) -> tuple[str | None, bool]:
    month = _MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"]) if g.get("m") else None
    return _iso(int(g["y"]), month, int(g["d"]) if g.get("d") else None), True


def _relative(g: dict[str, str], c: _Context) -> tuple[str | None, bool]:
    today = c.today
    if today is None:
        return None, False
    month = _MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"]) if g.get("m") else None
    day = int(g["d"]) if g.get("d") else None
    rel = (g.get("rel") or "").lower()
    direction = {"지난": -1, "last": -1, "오는": 1, "next": 1}.get(rel, 0)
    if g.get("yw"):
        year = today.year + _YEAR_WORDS[g["yw"]]
        return _iso(year, month, day), False
    if g.get("mw"):
        year, mon = _shift_month(today.year, today.month, _MONTH_WORDS[re.sub(r"\s", "", g["mw"])])
        return _iso(year, mon, day), False
    if g.get("dw"):
        return (today + dt.timedelta(days=_DAY_WORDS[g["dw"].lower()])).isoformat(), False
    if g.get("unit"):
        if g["unit"] == "year":
            return _iso(today.year + direction), False
        return _iso(*_shift_month(today.year, today.month, direction)), False
    if g.get("wd"):
        name = g["wd"].lower()
        weekday = _WEEKDAYS_EN.index(name) if name in _WEEKDAYS_EN else _WEEKDAYS_KO.index(name)
        return _weekday(today, weekday, rel), False
    if month is not None and direction:
        return _nearest_month(today, month, direction, day), False
    if month is not None:
        return _iso(today.year, month, day), False
    if day is not None:
        return _nearest_day(today, day, direction or -1), False
    return None, False


def _same_day(_g: dict[str, str], c: _Context) -> tuple[str | None, bool]:
    day = c.last_day or c.today
    return (day.isoformat() if day else None), False


_KO_RULES: list[tuple[str, Resolver]] = [
    (r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일", _absolute),
    (r"(?P<y>\d{4})\s*[./-]\s*(?P<m>\d{1,2})\s*[./-]\s*(?P<d>\d{1,2})(?!\d)", _absolute),
    (r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월", _absolute),
    (r"(?P<y>\d{4})\s*년", _absolute),
    (
        r"(?P<yw>재작년|지난해|작년|올해|금년|내년)(?:\s*(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?)?",
        _relative,
    ),
    (r"(?P<mw>지난달|이달|이번\s*달|다음\s*달)(?:\s*(?P<d>\d{1,2})\s*일)?", _relative),
    (r"(?P<rel>지난|오는)\s*(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?", _relative),
    (r"(?P<rel>지난|오는)\s*(?P<d>\d{1,2})\s*일", _relative),
    (r"(?<![\d년])(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?", _relative),
    (r"(?P<dw>그저께|그제|어제|오늘|내일|모레)(?!날)", _relative),
    (r"(?P<rel>지난|오는|이번)\s*(?P<wd>[월화수목금토일])요일", _relative),
    (r"이날|같은\s*날", _same_day),
]
_EN_RULES: list[tuple[str, Resolver]] = [
    (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", _absolute),
    (r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b", _absolute),
    (r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", _absolute),
    (r"\b" + _MONTH + r"\s+(?P<y>\d{4})\b", _absolute),
    (r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?!\w)", _relative),
    (r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b", _relative),
    (r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+" + _MONTH + r"(?!\w)", _relative),
    (r"(?<=\b(?:in|In|by|By)\s)" + _MONTH + r"(?!\w)", _relative),
    (r"(?<=\b(?:in|In|by|By)\s)(?P<y>\d{4})\b", _absolute),
    (r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<unit>year|month)\b", _relative),
    (r"\b(?P<dw>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b", _relative),
    (
        r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Oo]n)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        _relative,
    ),
    (r"\b(?:that|the same) day\b", _same_day),
]
_RULES = {
    "ko": [(re.compile(p), r) for p, r in _KO_RULES],
    "en": [(re.compile(p), r) for p, r in _EN_RULES],
}


def _matches(text: str, lang: str) -> list[tuple[int, int, re.Match[str], Resolver]]:
    found = [
        (m.start(), m.end(), m, resolve)
        for pattern, resolve in _RULES[lang]
        for m in pattern.finditer(text)
    ]
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, re.Match[str], Resolver]] = []
    for f in found:
        if all(f[1] <= k[0] or k[1] <= f[0] for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f[0])


def find_dates(
    paragraphs: tuple[Paragraph, ...],
    lang: str,
    /,
    *,
    article_date: dt.date | None,
    confidence: float = 0.9,
) -> list[DateMention]:
    """Return every date phrase of the paragraphs with the date it means.

    >>> text = "윤 대통령은 지난 21일 회의를 주재했다. 지난해 11월 회의에 이어서다."
    >>> paras = (Paragraph(1, 1, text),)
    >>> [(d.text, d.value) for d in find_dates(paras, "ko", article_date=dt.date(2024, 5, 22))]
    [('지난 21일', '2024-05-21'), ('지난해 11월', '2023-11')]
    >>> paras = (Paragraph(1, 1, "She spoke on Tuesday about the talks of last November."),)
    >>> [(d.text, d.value) for d in find_dates(paras, "en", article_date=dt.date(2024, 5, 22))]
    [('on Tuesday', '2024-05-21'), ('last November', '2023-11')]
    """
    found = []
    last_day = None
    for paragraph in paragraphs:
        for start, end, match, resolve in _matches(paragraph.text, lang):
            groups = {k: v for k, v in match.groupdict().items() if v}
            value, absolute = resolve(groups, _Context(article_date, last_day))
            if value is not None and len(value) == 10:
                last_day = dt.date.fromisoformat(value)
            sure = confidence if absolute else confidence - RELATIVE_PENALTY
            found.append(
                DateMention(
                    Span(paragraph.number, start, end), match.group(0), value, round(sure, 2)
                )
            )
    return found


def article_date_from_text(
    paragraphs: tuple[Paragraph, ...], lang: str, /, *, within: int = 6
) -> tuple[dt.date, int] | None:
    """Return the first full absolute date among the first paragraphs (the date line), and where.

    >>> paras = (Paragraph(1, 1, "Headline"), Paragraph(2, 3, "2024년 05월 22일(수) 18:55"))
    >>> article_date_from_text(paras, "ko")
    (datetime.date(2024, 5, 22), 2)
    """
    for paragraph in paragraphs[:within]:
        for _s, _e, match, resolve in _matches(paragraph.text, lang):
            if resolve is _absolute:
                value, _abs = resolve(
                    {k: v for k, v in match.groupdict().items() if v}, _Context(None, None)
                )
                if value is not None and len(value) == 10:
                    return dt.date.fromisoformat(value), paragraph.number
    return None
