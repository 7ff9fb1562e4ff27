"""Issue 11, point 8: a push that fails half-way says how many graphs it replaced, and a
store that accepts connections but never answers is reported as such, not as unreachable."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from aigraph import load
from aigraph.errors import RemoteError
from aigraph.sparql.remote import push_dataset, pushed_graphs


def test_a_push_failing_half_way_says_how_many_graphs_it_replaced(mini_root: Path):
    dataset = load(mini_root, store="memory").dataset
    assert len(pushed_graphs(dataset)) == 3
    puts = []

    def handler(request: httpx.Request) -> httpx.Response:
        puts.append(request)
        if len(puts) == 2:
            return httpx.Response(507, text="Insufficient Storage")
        return httpx.Response(204)

    with httpx.Client(transport=httpx.MockTransport(handler)) as client, \
            pytest.raises(RemoteError) as info:
        push_dataset(dataset, "http://store.invalid/query", client=client)
    assert len(puts) == 2
    message = str(info.value)
    assert "HTTP 507: Insufficient Storage" in message
    assert "1 of 3 graphs were replaced before it" in message and "push again" in message


def test_a_store_that_never_answers_is_not_called_unreachable(mini_root: Path):
    dataset = load(mini_root, store="memory").dataset
    with socket.socket() as silent:  # accepts connections (backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        with pytest.raises(RemoteError) as info:
            push_dataset(dataset, url, timeout=1.0)
    message = str(info.value)
    assert "accepted the connection but did not answer within 1 s" in message
    assert "cannot reach" not in message
    assert "0 of 3 graphs were replaced" in message
