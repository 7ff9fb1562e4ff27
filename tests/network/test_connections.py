"""aigraph path: shortest connections, told hop by hop with the paragraphs they rest on.

Expected answers come from the article (tests/../shared/sources, paragraph N = N-th
non-empty line): Lee Hae-jin is named among the company leaders in paragraph 19,
António Guterres among the heads of international organisations in paragraph 18.
"""

import shutil
from pathlib import Path

import pytest
from helpers import ROOT, invoke
from facts import P

from aigraph.network.connections import find_connections, render_connections
from aigraph.errors import AnalysisError, ProjectionError

B = "https://w3id.org/aigraph/"
SESSION = B + "summit/ai-seoul-summit-2024/leaders-session"
SOURCE = B + "source/kwangju-ilbo-2024-05-22-ai-seoul-summit"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MEDIAPEN, YNA_KR, YNA_JP = (str(P[key]) for key in ("MEDIAPEN", "YNA-KR", "YNA-JP"))


def test_lee_hae_jin_reaches_guterres_through_the_leaders_session(dataset):
    found = find_connections(dataset, "Lee Hae-jin", "António Guterres")
    assert found.hops == 2
    assert found.paths == [[B + "person/lee-hae-jin", SESSION, B + "person/antonio-guterres"]]
    first, second = found.links[0]
    assert [(link.start, link.end) for link in first] == [(B + "person/lee-hae-jin", SESSION)]
    assert [(link.start, link.end) for link in second] == [(B + "person/antonio-guterres", SESSION)]
    # facts.md §7: Lee Hae-jin took part per MEDIAPEN, YNA-KR and YNA-JP (and p.19);
    # António Guterres per MEDIAPEN (and p.18; KBS-597 names the UN, not him)
    assert {(e["source"], e.get("paragraph")) for e in first[0].evidence} == {
        (SOURCE, 19), (MEDIAPEN, None), (YNA_KR, None), (YNA_JP, None)}
    assert {(e["source"], e.get("paragraph")) for e in second[0].evidence} == {
        (SOURCE, 18), (MEDIAPEN, None)}
    # the participation record says for whom and in which post (paragraph 19: Naver's founder)
    assert ("on behalf of", "Naver") in first[0].qualifiers
    assert ("post", "founder of Naver") in first[0].qualifiers


def test_path_text_is_a_sentence_per_hop_then_its_evidence(dataset):
    text = render_connections(find_connections(dataset, "lee-hae-jin", "antonio-guterres"))
    lines = text.splitlines()
    assert lines[0] == "Lee Hae-jin → António Guterres: 1 shortest connection of 2 hops"
    hop = next(
        i for i, line in enumerate(lines) if line.strip().startswith("Lee Hae-jin — took part in")
    )
    # facts.md §7: he took part as founder of Naver (2+); p.19 names him among the companies
    assert lines[hop] == (
        "   Lee Hae-jin — took part in, for Naver, as founder of Naver"
        " (role: participant; confidence: two or more sources)"
        " — Leaders' Session of the AI Seoul Summit"
    )
    evidence = []
    for line in lines[hop + 1 :]:
        if not line.strip().startswith("evidence: "):
            break
        evidence.append(line.strip())
    # one line per source: the article with its paragraph, the web pages with their address
    assert len(evidence) == 4
    assert any(e.startswith("evidence: Kwangju Ilbo, 2024-05-22, “") and "paragraph 19" in e
               for e in evidence)
    assert any(e.startswith(f"evidence: MediaPen <{MEDIAPEN}>") for e in evidence)
    assert any("paragraph 18" in line for line in lines[hop + 1 + len(evidence) :])


def test_path_in_korean(dataset):
    text = render_connections(find_connections(dataset, "이해진", "안토니우 구테흐스", lang="ko"))
    assert text.splitlines()[0].startswith("이해진 → 안토니우 구테흐스")
    assert "근거: 광주일보, 2024-05-22" in text and "19문단" in text and "18문단" in text
    assert "이해진 — 참여, 네이버 대표로, 네이버 창업자 자격으로 (" in text


def test_hop_phrases_are_data_of_the_ontology(tmp_path: Path):
    # without aig:hopPhrase, "for Naver" goes back among the (property: value) details
    root = tmp_path / "project"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(ROOT / "data", root / "data")
    ontology = root / "ontology" / "aigraph.ttl"
    text = ontology.read_text(encoding="utf-8")
    assert 'aig:onBehalfOf aig:hopPhrase "for {}"@en' in text
    ontology.write_text(text.replace('aig:onBehalfOf aig:hopPhrase "for {}"@en, "{} 대표로"@ko .', ""),
                        encoding="utf-8")
    proc = invoke("path", "Lee Hae-jin", "António Guterres", "--root", str(root))
    assert proc.returncode == 0, proc.stderr
    assert "Lee Hae-jin — took part in, as founder of Naver (" in proc.stdout
    assert "on behalf of: Naver" in proc.stdout and "for Naver" not in proc.stdout


def test_every_shortest_path_is_given(dataset):
    # Albanese: adopted the declaration without attending (p.18); Sunak co-chaired (p.6) and
    # adopted it (p.13). Both the session and the declaration join them in two hops.
    found = find_connections(dataset, "Anthony Albanese", "Rishi Sunak")
    assert found.hops == 2
    assert {path[1] for path in found.paths} == {SESSION, B + "document/seoul-declaration"}
    assert not found.more
    one = find_connections(dataset, "Anthony Albanese", "Rishi Sunak", limit=1)
    assert len(one.paths) == 1 and one.more


def test_a_hop_with_several_records_lists_each_record(dataset):
    # Harris represented the United States at the session (p.18) and in adopting both texts
    found = find_connections(dataset, "Kamala Harris", "United States")
    (link,) = found.links[0][0]
    assert link.phrase == "on behalf of"
    records = {e["record"] for e in link.evidence}
    assert B + "participation/ai-seoul-summit-2024-leaders-session/kamala-harris" in records
    assert B + "endorsement/seoul-declaration/united-states" in records


def test_no_connection_and_too_many_hops_are_errors(dataset):
    # the reporter is named only in the byline: nothing joins him to the president
    with pytest.raises(AnalysisError, match="no connection between"):
        find_connections(dataset, "oh-kwang-rok", "Yoon Suk Yeol")
    with pytest.raises(AnalysisError, match="within 2 hops"):
        find_connections(dataset, "G7", "Naver", max_hops=2)
    with pytest.raises(AnalysisError, match="same entity"):
        find_connections(dataset, "Korea", "Republic of Korea")
    with pytest.raises(ProjectionError, match="matches no drawn entity"):
        find_connections(dataset, "Nobody Atall", "Naver")


def test_cli_path_prints_the_connection():
    proc = invoke("path", "Lee Hae-jin", "António Guterres")
    assert proc.returncode == 0, proc.stderr
    assert "Lee Hae-jin → Leaders' Session of the AI Seoul Summit → António Guterres" in proc.stdout


def test_cli_unknown_name_exit_2():
    proc = invoke("path", "Nobody Atall", "Naver")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "Error: 'Nobody Atall' matches no drawn entity"
    assert proc.stdout == ""


def test_cli_no_path_exit_2():
    proc = invoke("path", "G7", "Naver", "--max-hops", "2")
    assert proc.returncode == 2
    assert "no connection between G7 and Naver within 2 hops" in proc.stderr


def test_cli_ambiguous_name_lists_the_candidates_exit_2(tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    (root / "data").mkdir()
    for trig in [
        *(FIXTURES / "mini" / "data").glob("*.trig"),
        *(FIXTURES / "ambiguous" / "data").glob("*.trig"),
    ]:
        shutil.copy(trig, root / "data")
    proc = invoke("path", "Sam Example", "Mini Summit", "--root", str(root))
    assert proc.returncode == 2
    assert "'Sam Example' is ambiguous" in proc.stderr
    assert B + "person/sam-example-a" in proc.stderr and B + "person/sam-example-b" in proc.stderr
    ok = invoke("path", "sam-example-a", "Examplia", "--root", str(root))
    assert ok.returncode == 0, ok.stderr
    assert "Sam Example → Mini Summit → Ada Example → Examplia" in ok.stdout
