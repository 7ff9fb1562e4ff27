"""The RDF core: parse the curated files, derive, store, validate, publish and describe (VoID)."""
