"""The project: its directory layout (files) and the loaded graph object (graph)."""
