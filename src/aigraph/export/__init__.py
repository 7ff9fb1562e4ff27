"""Writers: RDF serialisations, JSON-LD, the network formats and the ontology page."""
