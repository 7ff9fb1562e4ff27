"""The browser and the pages it opens, for the graph page's browser tests (page_support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_support import CHROMIUM, LAUNCH_ARGS, Page


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright for Python")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture()
def open_page(browser):
    pages: list[Page] = []

    def opener(path: Path, fragment: str = "") -> Page:
        pages.append(Page(browser, path, fragment))
        return pages[-1]

    yield opener
    for page in pages:
        page.page.close()
