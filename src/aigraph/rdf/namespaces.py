"""The one place where the project's IRIs are set.

Every entity lives under :data:`BASE`; the ontology's terms under :data:`AIG`.
The prefix table is fixed so that serialised output is identical from run to run.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

BASE = "https://w3id.org/aigraph/"

AIG = Namespace(BASE + "ontology#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
SH = Namespace("http://www.w3.org/ns/shacl#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
#: Languages as resources (dcterms:language takes a dcterms:LinguisticSystem, not a string):
#: the Library of Congress's ISO 639-1 codes, e.g. ``LANGUAGE.ko``.
LANGUAGE = Namespace("http://id.loc.gov/vocabulary/iso639-1/")

#: The named graph that holds ontology/*.ttl.
ONTOLOGY_GRAPH = URIRef(BASE + "ontology")
#: The named graph that holds the edges derived by ontology/rules/*.rq.
DERIVED_GRAPH = URIRef(BASE + "graph/derived")
#: The IRI of the dataset as a whole, described in VoID.
DATASET_IRI = URIRef(BASE + "dataset")

#: Prefixes bound on every serialisation, in this order.
PREFIXES: dict[str, str] = {
    "aig": str(AIG),
    "candidate": BASE + "candidate/",
    "claim": BASE + "claim/",
    "commitment": BASE + "commitment/",
    "confidence": BASE + "confidence/",
    "country": BASE + "country/",
    "dcterms": str(DCTERMS),
    "document": BASE + "document/",
    "endorsement": BASE + "endorsement/",
    "kind": BASE + "commitment-kind/",
    "method": BASE + "ingest/method/",
    "membership": BASE + "membership/",
    "mode": BASE + "mode/",
    "org": str(ORG),
    "organization": BASE + "organization/",
    "owl": str(OWL),
    "participation": BASE + "participation/",
    "person": BASE + "person/",
    "place": BASE + "place/",
    "post": BASE + "post/",
    "principle": BASE + "principle/",
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "role": BASE + "role/",
    "schema": str(SCHEMA),
    "sd": str(SD),
    "skos": str(SKOS),
    "source": BASE + "source/",
    "statement": BASE + "statement/",
    "summit": BASE + "summit/",
    "vann": "http://purl.org/vocab/vann/",
    "void": str(VOID),
    "wd": str(WD),
    "xsd": str(XSD),
}


def local_name(iri: str) -> str:
    """Return the readable part of an IRI: what follows the base, or its last segment.

    >>> local_name("https://w3id.org/aigraph/person/kamala-harris")
    'person/kamala-harris'
    >>> local_name("https://schema.org/Person")
    'Person'
    """
    if iri.startswith(BASE):
        return iri[len(BASE) :].replace("ontology#", "")
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
