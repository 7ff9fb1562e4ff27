"""`aigraph ingest` on the project's own fixture articles (tests/fixtures/ingest/).

Every expected mention, candidate, date and fact is read off the fixture text
here: offsets are found with str.find on the paragraph, never copied from the
program's output.
"""

from __future__ import annotations
from aigraph.project.files import project_paths

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import PROV, RDF

from aigraph.errors import IngestError
from aigraph.ingest import accept_draft, ingest_file
from aigraph.rdf.namespaces import AIG

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLES = FIXTURES / "articles"
B = "https://w3id.org/aigraph/"
YOON, HARRIS, LEE = (
    B + "person/yoon-suk-yeol",
    B + "person/kamala-harris",
    B + "person/lee-jae-yong",
)
KOREA, US, UK = (
    B + "country/republic-of-korea",
    B + "country/united-states",
    B + "country/united-kingdom",
)
SAMSUNG, NAVER = B + "organization/samsung-electronics", B + "organization/naver"
SUMMIT, DECLARATION = B + "summit/ai-seoul-summit-2024", B + "document/seoul-declaration"
PRESIDENT = B + "post/president-of-the-republic-of-korea"
VICE_PRESIDENT = B + "post/vice-president-of-the-united-states"
CHAIRMAN = B + "post/chairman-of-samsung-electronics"


def make_root(base: Path) -> Path:
    """A project with the real ontology and the ingest fixture's known entities."""
    root = base / "project"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(FIXTURES / "data", root / "data")
    return root


@pytest.fixture(scope="module")
def module_root(tmp_path_factory) -> Path:
    return make_root(tmp_path_factory.mktemp("ingest"))


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return make_root(tmp_path)


@pytest.fixture(scope="module")
def ko(module_root: Path):
    return ingest_file(ARTICLES / "summit.ko.txt", root=module_root, write=False)


@pytest.fixture(scope="module")
def en(module_root: Path):
    return ingest_file(ARTICLES / "summit.en.txt", root=module_root, write=False)


def paragraphs(name: str) -> dict[int, str]:
    lines = [
        line for line in (ARTICLES / name).read_text(encoding="utf-8").split("\n") if line.strip()
    ]
    return dict(enumerate(lines, start=1))


def at(name: str, number: int, phrase: str, occurrence: int = 1) -> tuple[int, int, int]:
    """(paragraph, start, end) of the occurrence-th *phrase* in paragraph *number*."""
    text, start = paragraphs(name)[number], -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return number, start, start + len(phrase)


def has(dataset: Dataset, s=None, p=None, o=None) -> bool:
    """Whether any named graph of *dataset* holds a triple matching the pattern."""
    return next(iter(dataset.quads((s, p, o, None))), None) is not None


def found(result) -> set[tuple[tuple[int, int, int], str]]:
    return {((m.span.paragraph, m.span.start, m.span.end), m.entity) for m in result.mentions}


# --- Korean -------------------------------------------------------------------------------

KO = "summit.ko.txt"


def test_korean_labels_are_found_through_particles(ko):
    expected = {
        (at(KO, 1, "서울선언"), DECLARATION),
        (at(KO, 1, "AI 서울 정상회의"), SUMMIT),
        (at(KO, 3, "윤석열"), YOON),
        (at(KO, 3, "영국"), UK),
        (at(KO, 3, "AI 서울 정상회의"), SUMMIT),  # 정상회의를
        (at(KO, 4, "대한민국"), KOREA),  # 대한민국이
        (at(KO, 5, "카멀라 해리스"), HARRIS),
        (at(KO, 5, "미국 부통령"), VICE_PRESIDENT),  # 부통령은
        (at(KO, 5, "영국"), UK),  # 영국에서
        (at(KO, 6, "미국"), US),
        (at(KO, 6, "서울선언"), DECLARATION),  # 서울선언에서
        (at(KO, 6, "서울선언", 2), DECLARATION),  # 서울선언을
        (at(KO, 8, "삼성전자"), SAMSUNG),
        (at(KO, 8, "이재용"), LEE),
        (at(KO, 8, "네이버"), NAVER),  # 네이버 관계자들도
    }
    assert expected <= found(ko)


def test_korean_nested_names(ko):
    # 미국 inside the post 미국 부통령 counts (the post is a post of the US) ...
    assert (at(KO, 5, "미국"), US) in found(ko)
    # ... but 서울 inside AI 서울 정상회의 names no place of its own.
    assert not any(m.text == "서울" for m in ko.mentions)


def test_korean_surname_after_full_name(ko):
    assert (at(KO, 4, "윤"), YOON) in found(ko)  # 윤 대통령은
    assert (at(KO, 6, "해리스"), HARRIS) in found(ko)  # 해리스 부통령은
    methods = {m.text: m.method for m in ko.mentions if m.entity in (YOON, HARRIS)}
    assert methods["윤"] == methods["해리스"] == "short-name"


def test_korean_titles_name_posts(ko):
    assert (at(KO, 3, "대통령"), PRESIDENT) in found(ko)  # 윤석열 대통령: the post Yoon holds
    assert (at(KO, 4, "대통령"), PRESIDENT) in found(ko)  # 윤 대통령
    assert (at(KO, 6, "부통령"), VICE_PRESIDENT) in found(ko)  # 해리스 부통령
    assert (at(KO, 8, "회장"), CHAIRMAN) in found(ko)  # 삼성전자 이재용 회장


def test_korean_vocabulary_concepts(ko):
    assert (at(KO, 4, "안전"), B + "principle/safety") in found(ko)
    assert (at(KO, 4, "혁신"), B + "principle/innovation") in found(ko)
    assert (at(KO, 3, "화상"), B + "mode/video") in found(ko)
    assert (at(KO, 3, "이끌"), B + "role/chair") in found(ko)  # a cue word of the role


def test_korean_candidates(ko):
    candidates = {c.label: [(s.paragraph, s.start, s.end) for s in c.spans] for c in ko.candidates}
    assert candidates == {
        "리시 수낵": [at(KO, 3, "리시 수낵")],
        "에마뉘엘 마크롱": [at(KO, 7, "에마뉘엘 마크롱")],
        "프랑스": [at(KO, 7, "프랑스")],
        "한빛AI재단": [at(KO, 7, "한빛AI재단")],
    }
    org_like = {
        c.label for c in ko.candidates if c.suggested_class == "https://schema.org/Organization"
    }
    assert org_like == {"한빛AI재단"}


def test_korean_dates(ko):
    assert [((d.span.paragraph, d.span.start, d.span.end), d.value) for d in ko.dates] == [
        (at(KO, 2, "2024년 5월 22일"), "2024-05-22"),
        (at(KO, 3, "지난 21일"), "2024-05-21"),
        (at(KO, 4, "이날"), "2024-05-21"),  # the day last named
        (at(KO, 5, "지난해 11월"), "2023-11"),
    ]


def test_korean_facts(ko):
    facts = {(f.kind, f.span.paragraph): f.slots for f in ko.facts}
    assert facts[("participation", 3)] == {
        "participant": YOON,
        "party": KOREA,
        "post": PRESIDENT,
        "event": SUMMIT,
        "role": B + "role/chair",
        "mode": B + "mode/video",
    }
    assert facts[("participation", 5)] == {
        "participant": HARRIS,
        "party": US,
        "post": VICE_PRESIDENT,
        "event": SUMMIT,
        "role": B + "role/participant",
    }
    assert facts[("endorsement", 6)] == {"endorser": HARRIS, "party": US, "document": DECLARATION}
    assert facts[("participation", 8)]["post"] == CHAIRMAN
    assert facts[("participation", 8)]["party"] == SAMSUNG
    assert len(ko.facts) == 4  # 윤 대통령 (p4) and 해리스 부통령 (p6) repeat facts already drafted


# --- English -----------------------------------------------------------------------------

EN = "summit.en.txt"


def test_english_mentions(en):
    expected = {
        (at(EN, 1, "Seoul Declaration"), DECLARATION),
        (at(EN, 3, "President"), PRESIDENT),  # President Yoon Suk Yeol of the Republic of Korea
        (at(EN, 3, "Yoon Suk Yeol"), YOON),
        (at(EN, 3, "Republic of Korea"), KOREA),
        (at(EN, 3, "United Kingdom"), UK),
        (at(EN, 3, "AI Seoul Summit"), SUMMIT),
        (at(EN, 4, "Yoon"), YOON),  # surname alone after the full name
        (at(EN, 5, "US"), US),
        (at(EN, 5, "Vice President"), VICE_PRESIDENT),
        (at(EN, 5, "Kamala Harris"), HARRIS),
        (at(EN, 5, "Harris", 2), HARRIS),
        (at(EN, 5, "United States"), US),
        (at(EN, 6, "Lee Jae-yong"), LEE),
        (at(EN, 6, "chairman of Samsung Electronics"), CHAIRMAN),
        (at(EN, 6, "Samsung Electronics"), SAMSUNG),
    }
    assert expected <= found(en)
    # "Korea", an alias, is inside "Republic of Korea" and is not a second mention.
    assert not any(m.text == "Korea" for m in en.mentions)


def test_english_candidates(en):
    candidates = {c.label: [(s.paragraph, s.start, s.end) for s in c.spans] for c in en.candidates}
    assert candidates == {
        "Rishi Sunak": [at(EN, 3, "Rishi Sunak")],
        "Bletchley Park": [at(EN, 4, "Bletchley Park")],
        "Justin Trudeau": [at(EN, 6, "Justin Trudeau")],
        "Canada": [at(EN, 6, "Canada")],
        "France": [at(EN, 7, "France")],
    }


def test_english_dates(en):
    assert [((d.span.paragraph, d.span.start, d.span.end), d.value) for d in en.dates] == [
        (at(EN, 2, "22 May 2024"), "2024-05-22"),
        (at(EN, 3, "on Tuesday"), "2024-05-21"),  # 22 May 2024 was a Wednesday
        (at(EN, 4, "last November"), "2023-11"),
        (at(EN, 7, "February 2025"), "2025-02"),
    ]


def test_english_facts(en):
    facts = {(f.kind, f.span.paragraph): f.slots for f in en.facts}
    assert facts[("participation", 3)]["role"] == B + "role/chair"  # co-chaired
    assert facts[("participation", 3)]["mode"] == B + "mode/video"  # by video
    assert facts[("participation", 5)]["post"] == VICE_PRESIDENT
    assert facts[("endorsement", 5)] == {
        "endorser": HARRIS,
        "party": US,
        "document": DECLARATION,
    }  # signed
    assert facts[("participation", 6)]["participant"] == LEE
    assert len(en.facts) == 4


def test_surname_alone_without_the_full_name_is_a_candidate(root: Path, tmp_path: Path):
    article = tmp_path / "harris.txt"
    article.write_text(
        "The Seoul Declaration was welcomed by Harris in a short speech.\n", encoding="utf-8"
    )
    result = ingest_file(article, root=root, write=False)
    assert HARRIS not in {m.entity for m in result.mentions}
    assert [c.label for c in result.candidates] == ["Harris"]


# --- The draft ---------------------------------------------------------------------------


def test_every_draft_node_carries_paragraph_offsets_method_and_confidence(ko):
    graph = ko.draft.graph(URIRef(ko.source.iri))
    texts = paragraphs(KO)
    drafts = set(graph.subjects(RDF.type, AIG.Draft)) - set(graph.subjects(RDF.type, AIG.Candidate))
    assert drafts
    for node in drafts:
        activity = graph.value(node, PROV.wasGeneratedBy)
        assert graph.value(activity, AIG.method) is not None, node
        assert 0 < float(graph.value(node, AIG.draftConfidence)) <= 1, node
        number = int(graph.value(graph.value(node, PROV.wasDerivedFrom), AIG.paragraphNumber))
        start, end = int(graph.value(node, AIG.startOffset)), int(graph.value(node, AIG.endOffset))
        surface = graph.value(node, AIG.surfaceForm)
        if surface is not None:
            assert texts[number][start:end] == str(surface), node


def test_draft_is_written_under_data_drafts_and_build_ignores_it(root: Path):
    from aigraph import load

    result = ingest_file(
        ARTICLES / "summit.en.txt",
        root=root,
        title="Leaders adopt Seoul Declaration",
        publisher="Example Daily",
    )
    assert result.dest == root / "data" / "drafts" / "summit.trig"
    parsed = Dataset()
    parsed.parse(result.dest, format="trig")
    assert has(parsed, None, RDF.type, AIG.Draft)
    assert not has(load(root).dataset, None, RDF.type, AIG.Draft)
    assert URIRef(result.source.iri) not in {g.identifier for g in load(root).dataset.graphs()}


def test_what_the_curator_did_not_give_is_stated_as_not_recorded(root: Path):
    from rdflib.namespace import DCTERMS, SDO

    source = URIRef(B + "source/summit")
    bare = Dataset()
    bare.parse(ingest_file(ARTICLES / "summit.en.txt", root=root).dest, format="trig")
    not_recorded = {o for _, _, o, _ in bare.quads((source, AIG.notRecorded, None, None))}
    assert {SDO.url, DCTERMS.publisher} <= not_recorded
    # The article's dateline gives the date; had it not, the date would be "not recorded".
    assert has(bare, source, DCTERMS.issued) != (DCTERMS.issued in not_recorded)
    assert not has(bare, source, DCTERMS.publisher) and not has(bare, source, SDO.url)

    page = "https://news.example.org/2024/05/summit"
    full = Dataset()
    full.parse(ingest_file(ARTICLES / "summit.en.txt", root=root, source_iri=page,
                           publisher="Example Daily", date="2024-05-22",
                           dest=root / "full.trig").dest, format="trig")
    assert has(full, URIRef(page), SDO.url, URIRef(page))
    assert has(full, URIRef(page), DCTERMS.issued)
    assert not has(full, URIRef(page), AIG.notRecorded)


def test_a_draft_copied_into_data_unaccepted_does_not_validate(root: Path, ko):
    from aigraph import load
    from aigraph.export.serialize import serialize_dataset
    from aigraph.rdf.validate import validate_dataset

    (root / "data" / "raw.trig").write_bytes(serialize_dataset(ko.draft, "trig"))
    report = validate_dataset(load(root).dataset, paths=project_paths(root))
    assert not report.conforms
    assert "aigraph ingest --accept" in report.text


@pytest.mark.parametrize("name", ["summit.ko.txt", "summit.en.txt"])
def test_accepted_draft_validates(root: Path, name: str):
    from aigraph import load
    from aigraph.rdf.validate import validate_dataset

    draft = ingest_file(
        ARTICLES / name,
        root=root,
        title="Leaders adopt the Seoul Declaration",
        publisher="예시일보",
        date="2024-05-22",
    ).dest
    result = accept_draft(draft, root=root)
    assert result.dest == root / "data" / "summit.trig"
    assert validate_dataset(load(root).dataset, paths=project_paths(root)).conforms
    curated = Dataset()
    curated.parse(result.dest, format="trig")
    assert not has(curated, None, RDF.type, AIG.Draft)
    assert not has(curated, None, AIG.draftConfidence, None)
    assert has(curated, URIRef(HARRIS), AIG.mentionedIn, URIRef(f"{B}source/summit#p5"))
    assert not has(curated, None, RDF.type, AIG.Candidate)
    assert has(curated, None, RDF.type, AIG.Endorsement)
    assert result.dropped_candidates == (5 if name.endswith(".en.txt") else 4)


def test_a_resolved_candidate_becomes_an_entity(root: Path):
    draft = ingest_file(
        ARTICLES / "summit.ko.txt", root=root, title="정상들", publisher="예시일보"
    ).dest
    # The curator's edit: a class and labels in both languages instead of aig:Candidate.
    before = 'candidate:리시-수낵 a aig:Candidate , aig:Draft ;\n\t\trdfs:label "리시 수낵"@ko'
    after = 'candidate:리시-수낵 a schema:Person ;\n\t\trdfs:label "Rishi Sunak"@en , "리시 수낵"@ko'
    text = draft.read_text(encoding="utf-8").replace(before, after)
    assert text != draft.read_text(encoding="utf-8")
    draft.write_text(text, encoding="utf-8")
    accept_draft(draft, root=root)
    curated = Dataset()
    curated.parse(root / "data" / "summit.trig", format="trig")
    person = URIRef(B + "candidate/리시-수낵")
    assert has(curated, person, RDF.type, URIRef("https://schema.org/Person"))
    assert has(curated, person, AIG.mentionedIn, URIRef(f"{B}source/summit#p3"))
    assert not has(curated, person, AIG.draftConfidence)


def test_accept_refuses_a_draft_that_would_not_validate_and_writes_nothing(root: Path):
    draft = ingest_file(ARTICLES / "summit.en.txt", root=root).dest  # no date given
    # The curator's edit gives a date that is not one, next to the draft's "not recorded".
    with draft.open("a", encoding="utf-8") as f:
        f.write(f'\n<{B}source/summit> {{ <{B}source/summit> <http://purl.org/dc/terms/issued> "soon" . }}\n')
    with pytest.raises(IngestError, match="would not conform") as info:
        accept_draft(draft, root=root)
    assert "dcterms:issued" in str(info.value)
    assert not (root / "data" / "summit.trig").exists()


def test_accept_never_overwrites(root: Path):
    draft = ingest_file(
        ARTICLES / "summit.en.txt", root=root, title="t", publisher="Example Daily"
    ).dest
    (root / "data" / "summit.trig").write_text("# mine\n", encoding="utf-8")
    with pytest.raises(IngestError, match="exists already"):
        accept_draft(draft, root=root)
    assert (root / "data" / "summit.trig").read_text(encoding="utf-8") == "# mine\n"


# --- Bad input ---------------------------------------------------------------------------

BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"\n  \n\t\n", "empty file"),
    "binary.bin": (bytes(range(256)) * 4, "binary file"),
    "cp949.txt": ("윤석열 대통령은 서울선언을 채택했다.\n".encode("cp949"), "not UTF-8"),
    "utf16.txt": ("윤석열 대통령\n".encode("utf-16"), "UTF-16"),
    "unknown.txt": (
        b"Nothing in this line names anything the graph knows about.\n",
        "no known entity",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_clear_message_exit_2_nothing_written(root: Path, tmp_path: Path, name: str):
    from click.testing import CliRunner

    from aigraph.cli.commands import cli

    data, message = BAD_INPUTS[name]
    article = tmp_path / name
    article.write_bytes(data)
    out = tmp_path / "draft.trig"
    result = CliRunner().invoke(cli, ["ingest", str(article), "--root", str(root), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert message in result.output and name in result.output
    assert not out.exists() and not (root / "data" / "drafts").exists()


def test_the_first_bad_byte_is_located_by_line(root: Path, tmp_path: Path):
    article = tmp_path / "mixed.txt"
    article.write_bytes(b"Seoul Declaration\n" + "서울선언\n".encode("cp949"))
    with pytest.raises(IngestError, match=r"mixed.txt:2: not UTF-8"):
        ingest_file(article, root=root)


def test_cli_ingest_prints_the_report(root: Path):
    from click.testing import CliRunner

    from aigraph.cli.commands import cli

    result = CliRunner().invoke(
        cli,
        ["ingest", str(ARTICLES / "summit.en.txt"), "--root", str(root), "--date", "2024-05-22"],
    )
    assert result.exit_code == 0, result.output
    assert "Known entities (" in result.output and '"Rishi Sunak"' in result.output
    assert (root / "data" / "drafts" / "summit.trig").is_file()
    assert CliRunner().invoke(cli, ["ingest", "--root", str(root)]).exit_code == 2


def test_cli_accept_then_validate(root: Path):
    from click.testing import CliRunner

    from aigraph.cli.commands import cli

    runner = CliRunner()
    draft = root / "data" / "drafts" / "summit.trig"
    made = runner.invoke(
        cli,
        [
            "ingest",
            str(ARTICLES / "summit.ko.txt"),
            "--root",
            str(root),
            "--title",
            "정상들, 서울선언 채택",
            "--publisher",
            "Example Daily",
        ],
    )
    assert made.exit_code == 0, made.output
    accepted = runner.invoke(cli, ["ingest", "--accept", str(draft), "--root", str(root)])
    assert accepted.exit_code == 0, accepted.output
    assert "validation: conforms" in accepted.output
    assert runner.invoke(cli, ["validate", "--root", str(root)]).exit_code == 0
