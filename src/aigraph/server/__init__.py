"""The read-only SPARQL endpoint: the app, its answers, worker processes and fairness."""
