"""What shared/sources/facts.md says, copied by hand for the tests' expected answers.

The page addresses are those of facts.md's key table, exactly as it writes them; the
summit series is its §1, §8 and §9. Nothing here is read from the program's output.
"""

from __future__ import annotations

from rdflib import URIRef

BASE = "https://w3id.org/aigraph/"
AIG = BASE + "ontology#"
#: The project's first source, the Kwangju Ilbo article of 22 May 2024.
ARTICLE = URIRef(BASE + "source/kwangju-ilbo-2024-05-22-ai-seoul-summit")


def ns(prefix: str):
    """Return a function that makes the IRI of a local name under BASE + *prefix*."""
    return lambda name: URIRef(BASE + prefix + name)


person = ns("person/")
country = ns("country/")
organization = ns("organization/")
post = ns("post/")
document = ns("document/")
principle = ns("principle/")
place = ns("place/")
summit = ns("summit/")
confidence = ns("confidence/")

PAGE = {  # facts.md key → address
    "ADVFN": "https://kr.advfn.com/stock-market/share-news/93874103",
    "AIASIAPAC": "https://aiasiapacific.org/2024/05/21/ai-seoul-summit-implications-for-the-asia-pacific/",
    "AIBUS": "https://aibusiness.com/responsible-ai/ai-safety-summit-28-nations-and-eu-sign-the-bletchley-declaration-",
    "AKEX": "https://akex.ca/tech/ai-seoul-summit-10-nations-and-eu-recommit-to-safe-inclusive-ai",
    "ASIAE": "https://cm.asiae.co.kr/en/article/2024052311104483859",
    "ASIAN-NEWS": "https://asian-news.net/post/ceos-of-ai-startups-backed-by-microsoft-and/11608",
    "BAHRAIN": "https://bahraindailynews.com/61-countries-commit-to-ethical-and-inclusive-ai-development-in-paris",
    "BIZUPTURN": "https://asia.businessupturn.com/south-korean-and-global-tech-giants-unite-to-pledge-responsible-ai-development-at-seoul-ai-business-pledge/17899/",
    "BRUSSELSTIMES": "https://www.brusselstimes.com/1439589/paris-summit-58-countries-excluding-the-united-states-agree-on-open-ethical-ai",
    "CARAVEL": "https://thecaravelgu.com/blog/2025/2/21/khb7ec9uke4ry3cd64lnsbv9tn5hvz",
    "CDA": "https://www.chinadailyasia.com/hk/article/583814",
    "CENTER": "https://centerconsulting.com/ai-library/milestones/2024-seoul-frontier-ai-safety-commitments",
    "CW": "https://www.computerweekly.com/news/366585944/AI-Seoul-Summit-27-nations-and-EU-to-set-red-lines-on-AI-risk",
    "CYBERNOZ": "https://cybernoz.com/ai-seoul-summit-16-ai-firms-make-voluntary-safety-commitments",
    "DAILYAI": "https://dailyai.com/2023/11/the-uk-ai-safety-summit-bletchley-declaration",
    "DECRYPT": "https://decrypt.co/204030/bletchley-declaration-on-ai-safety",
    "ELOQUENCE": "https://eloquenceai.eu/ai-action-summit-in-paris-global-leaders-gather-to-shape-the-future-of-artificial-intelligence/",
    "EUTECH": "https://europeantech.news/australia-signs-international-agreement-on-artificial-intelligence",
    "EXBULLETIN": "https://exbulletin.com/tech/2722725/",
    "EXPORTORG": "https://www.export.org.uk/insights/trade-news/bletchley-declaration-on-ai-safety-cooperation-signed-by-28-countries-at-uk-summit/",
    "GOVUK-BLETCHLEY": "https://www.gov.uk/government/publications/ai-safety-summit-2023-the-bletchley-declaration/the-bletchley-declaration-by-countries-attending-the-ai-safety-summit-1-2-november-2023",
    "GOVUK-PROG": "https://www.Gov.uk/government/publications/ai-seoul-summit-programme/ai-seoul-summit-day-1-and-2-programme",
    "GOVUK-SOI": "https://www.gov.uk/government/publications/seoul-declaration-for-safe-innovative-and-inclusive-ai-ai-seoul-summit-2024/seoul-statement-of-intent-toward-international-cooperation-on-ai-safety-science-ai-seoul-summit-2024-annex",
    "HUGHBO": "https://ai.hughbo.com/2023/11/the-bletchley-declaration/",
    "HUNTON-BD": "https://www.huntonprivacyblog.com/2023/11/01/29-countries-reach-agreement-on-ai-risks-and-opportunities/",
    "ICTCAREER": "https://ictcareer.com.au/archived-news/seoul-tech-safety-backed",
    "INFOSEC": "http://infosecurity-magazine.com/news/ai-seoul-summit-safety-commitments/",
    "IRISHNEWS": "https://irishnews.com/news/uk/nations-agree-to-develop-shared-risk-thresholds-for-ai-as-seoul-summit-closes-VKPTGJBYWZM37P5PGH2LBOUAKU",
    "KBS-597": "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=185597",
    "KBS-612": "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=185612",
    "KH-0412": "https://www.koreaherald.com/view.php?ud=20240412050605",
    "KH-0521": "https://koreaherald.com/view.php?mp=21&np=203&ud=20240521050734",
    "KOREANET": "https://www.korea.net/NewsFocus/policies/view?articleId=251833&koreanId=251828",
    "KSUMMIT-PLEDGE": "http://aiseoulsummit.kr/kor/press/?uid=43&mod=document",
    "KSUMMIT-PLEDGE-SPEECH": "https://aiseoulsummit.kr/press/?mod=document&uid=42",
    "LAWCOM": "https://www.law.com/2020/06/04/amazon-general-counsel-david-zapolskys-statement-on-racism-excludes-his-own-offensive-remarks/",
    "LBC-0522": "https://www.lbc.co.uk/tech/fe7720d0c1334413b69e113565027e7b/",
    "LTWIKI": "https://www.longtermwiki.com/knowledge-base/responses/governance/international/seoul-declaration",
    "MAIEI": "https://montrealethics.ai/ai-policy-corner-frontier-ai-safety-commitments-ai-seoul-summit-2024",
    "MEDIAPEN": "https://mediapen.com/news/view/921381",
    "NATTECH": "https://nationaltechnology.co.uk/South_Korea_To_Hold_Follow_Up_To_AI_Summit_Held_In_Bletchley_Park.php",
    "PRES-VIDEO": "https://m.president.go.kr/newsroom/movie_news/PyxqRzbu",
    "SIIA": "https://www.siia.net/policies/siia-statement-on-the-seoul-declaration-and-frontier-ai-safety-commitments/",
    "TIME": "https://time.com/7012696/arthur-mensch/",
    "USATRUSTED": "https://usatrustedlawyers.com/blog/why-amazons-zapolsky-was-huddling-with-world-leaders-at-the-un-last-week",
    "WAM": "https://www.urdupoint.com/en/middle-east/61-countries-agree-on-open-inclusive-ethic-1922360.html",
    "YNA-JP": "https://chosunonline.com/m/svc/article.amp.html?contid=2024052180234",
    "YNA-KR": "https://webstoryboard.com/bbs/board.php?bo_table=mem_new&wr_id=9318",
}  # fmt: skip
P = {key: URIRef(url) for key, url in PAGE.items()}

# The summit series (§1, §8, §9): each summit's slug, start and end dates, hosts (country
# slugs) and most specific place; the documents adopted at it or at one of its sessions or
# side events; its chairs.
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
    # followthrough.md §5: Current AI and the Coalition for Sustainable AI launched at Paris
    "ai-action-summit-2025": {"statement-on-inclusive-and-sustainable-ai", "current-ai", "coalition-for-sustainable-ai"},
    # followthrough.md §4: the New Delhi Declaration on AI Impact and the companies' commitments
    "india-ai-impact-summit-2026": {"new-delhi-declaration", "new-delhi-frontier-ai-impact-commitments"},
}  # fmt: skip
CHAIRS = {
    "ai-seoul-summit-2024": {"yoon-suk-yeol", "rishi-sunak", "lee-jong-ho", "michelle-donelan"},
    "ai-action-summit-2025": {"emmanuel-macron", "narendra-modi"},
}
