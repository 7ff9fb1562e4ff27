"""The network view: projection rules, the projection, measures, connections, evidence, the page."""
