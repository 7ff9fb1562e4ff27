"""Ingest: from a plain-text article to a draft of what it says, for a person to review.

:func:`ingest_file` finds the graph's known entities in a Korean or English
article, the names it does not know (candidates), the dates it states and the
facts its sentences suggest, and writes them as a draft TriG file apart from
curated data. :func:`accept_draft` turns a reviewed draft into a curated source
file. The modules, in the order the pipeline uses them: :mod:`.text`,
:mod:`.lexicon`, :mod:`.matcher` (with :mod:`.korean`), :mod:`.mentions`,
:mod:`.temporal`, :mod:`.candidates`, :mod:`.facts`, :mod:`.draft`,
:mod:`.report`, :mod:`.pipeline` and :mod:`.accept`.
"""

from __future__ import annotations

from aigraph.ingest.accept import AcceptResult, accept_draft
from aigraph.ingest.pipeline import IngestResult, ingest_file

__all__ = ["AcceptResult", "IngestResult", "accept_draft", "ingest_file"]
