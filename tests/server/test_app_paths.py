"""create_app and serve take a project's resolved ProjectPaths, as their signature says.

mypy found that ``load`` was handed the ProjectPaths itself, which it cannot
read (TypeError); the app is now made from its root.
"""

from __future__ import annotations

import tempfile

from starlette.testclient import TestClient

from aigraph.project.files import project_paths
from aigraph.server.app import ServeOptions, create_app


def test_app_from_project_paths_serves_what_the_app_from_its_root_does(
    mini_root, tmp_path, monkeypatch
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the app's work directory
    options = ServeOptions(workers=1)
    from_paths = create_app(project_paths(mini_root), options=options)
    from_root = create_app(mini_root, options=options)
    # no lifespan (no workers): the ontology's page is made when the app is
    page = TestClient(from_paths).get("/ontology.html")
    assert page.status_code == 200
    assert page.text == TestClient(from_root).get("/ontology.html").text
