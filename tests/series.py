"""The summit series as shared/sources/facts.md gives it (§1, §8, §9), written by hand.

Shared by the timeline question (cq20) and the timeline plot: each summit's slug, start
and end dates, hosts (country slugs) and most specific place; the documents adopted at it
or at one of its sessions or side events; its chairs.
"""

TIMELINE = [
    ("ai-safety-summit-2023", "2023-11-01", "2023-11-02", {"united-kingdom"}, "bletchley-park"),
    ("ai-seoul-summit-2024", "2024-05-21", "2024-05-22", {"republic-of-korea", "united-kingdom"}, "seoul"),
    ("ai-action-summit-2025", "2025-02-10", "2025-02-11", {"france"}, "grand-palais"),
    ("india-ai-impact-summit-2026", "2026-02-16", "2026-02-20", {"india"}, "bharat-mandapam"),
]
DOCUMENTS = {
    "ai-safety-summit-2023": {"bletchley-declaration", "safety-testing-chairs-statement"},
    "ai-seoul-summit-2024": {
        "seoul-declaration", "seoul-statement-of-intent", "international-network-of-ai-safety-institutes",
        "frontier-ai-safety-commitments", "seoul-ministerial-statement", "seoul-ai-business-pledge",
    },
    "ai-action-summit-2025": {"statement-on-inclusive-and-sustainable-ai"},
    "india-ai-impact-summit-2026": set(),
}  # fmt: skip
CHAIRS = {
    "ai-seoul-summit-2024": {"yoon-suk-yeol", "rishi-sunak", "lee-jong-ho", "michelle-donelan"},
    "ai-action-summit-2025": {"emmanuel-macron", "narendra-modi"},
}
