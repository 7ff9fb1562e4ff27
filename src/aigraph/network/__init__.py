"""The network view: projection rules, the projection, its measures, connections, evidence and the page."""
