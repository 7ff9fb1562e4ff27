"""Which addresses become links: ``http:`` and ``https:`` only, everything else is text.

A ``javascript:``, ``data:`` or ``vbscript:`` address in the data must never
become an ``href``: clicking it would run script in the page's origin. Every
place that writes a link (the entity pages, the graph page) asks
:func:`web_address` first; the shapes (``shape:WebAddress`` in
``ontology/shapes.ttl``) refuse such addresses in curated data as well.

Each HTML response of ``aigraph serve`` carries a Content-Security-Policy
(:func:`content_security_policy`), the one of the graph page where the page
brings its own.
"""

from __future__ import annotations

import html
import re
from typing import Any

# Browsers drop leading spaces and control characters and ignore tabs and line
# breaks inside a scheme ("java\tscript:"), so the whole address is checked:
# it starts with the scheme itself and holds no space, control character,
# quote or angle bracket anywhere.
_WEB = re.compile(r"https?://[^\s\x00-\x1f\x7f\"'<>`\\]+", re.IGNORECASE)

#: The policy of every HTML response that has none of its own: no script at all,
#: no request to anywhere, forms only to this server.
STRICT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_META_CSP = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE
)


def web_address(iri: object) -> str | None:
    """Return *iri* as a string when it is an ``http:``/``https:`` address safe to link, else None.

    >>> web_address("https://www.wikidata.org/entity/Q42")
    'https://www.wikidata.org/entity/Q42'
    >>> [web_address(a) for a in ("javascript:alert(1)", " https://x.org", "data:text/html,x")]
    [None, None, None]
    """
    text = str(iri)
    return text if _WEB.fullmatch(text) else None


def content_security_policy(page: str | bytes) -> str:
    r"""Return the policy an HTML response is sent with: the page's ``<meta>`` one, else the strict.

    A page with a meta policy (the graph page allows its inlined scripts by
    hash) is sent with the same policy as a header, so both agree.

    >>> content_security_policy("<p>hello</p>") == STRICT_CSP
    True
    >>> content_security_policy('<meta http-equiv="Content-Security-Policy" '
    ...                         'content="default-src \'none\'">')
    "default-src 'none'"
    """
    head = page[:4096].decode("utf-8", "replace") if isinstance(page, bytes) else page[:4096]
    found = _META_CSP.search(head)
    return html.unescape(found.group(1)) if found else STRICT_CSP


class HtmlPolicyMiddleware:
    """ASGI middleware: every ``text/html`` response without a policy gets :data:`STRICT_CSP`.

    Routes that send a page with its own policy set the header themselves
    (with :func:`content_security_policy`); every other HTML answer, present
    or future, is covered here. ``X-Content-Type-Options: nosniff`` goes on
    every response, so no answer is ever sniffed into HTML.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Run the app on one ASGI call, adding the headers above to an HTTP response's start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_policy(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _value in headers}
                content_type = next((v for n, v in headers if n.lower() == b"content-type"), b"")
                if (
                    content_type.lower().startswith(b"text/html")
                    and b"content-security-policy" not in names
                ):
                    headers.append((b"content-security-policy", STRICT_CSP.encode("ascii")))
                if b"x-content-type-options" not in names:
                    headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_policy)
