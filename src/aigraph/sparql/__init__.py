"""SPARQL: named queries, running them, result tables, remote stores and the query guard."""
