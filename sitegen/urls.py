"""What kind of address a link or resource has: one answer for the content and the output checks."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

# Not files of the site: nothing to resolve.
NON_FILE_SCHEMES = ("mailto", "tel", "data", "javascript")
# Served by the feedback function, not by the static site.
DYNAMIC_PREFIXES = ("/api/",)


def is_remote(url: str) -> bool:
    """On another host: http(s) or protocol-relative ('//host/...')."""
    stripped = url.strip()
    return urlsplit(stripped).scheme in ("http", "https") or stripped.startswith("//")


def is_javascript_url(url: str) -> bool:
    """A 'javascript:' address, however it is spaced or capitalised."""
    return re.sub(r"[\s\x00-\x1f]", "", url).lower().startswith("javascript:")


def is_site_file(url: str) -> bool:
    """A link that should resolve to a file of the built site (or of content/)."""
    parts = urlsplit(url)
    if is_remote(url) or parts.scheme in NON_FILE_SCHEMES or parts.scheme or parts.netloc:
        return False
    return not url.startswith(DYNAMIC_PREFIXES)


# A reference that is a path, maybe with a fragment: no scheme, host, query or parameters,
# nothing that urlsplit would strip or drop.
_PLAIN_PATH = re.compile(r"(?!//)[\w.~!$&'()*+,=@%/-]*\Z")


def join(base: str, ref: str) -> str:
    """urljoin(base, ref) for a base that is a page's path ('/ar/mo/'), without urllib's
    parsing for what pages refer to most: a path, maybe with a fragment (the output checks
    join some 70,000 of them a build; urljoin spends 20 us on each). Anything else, and
    any other base, goes to urljoin. The steps are urljoin's own (tests/site/test_urls.py
    compares the two)."""
    path, _, fragment = ref.partition("#")
    if not (ref and base.startswith("/") and _PLAIN_PATH.match(path)) or any(
        char in base for char in "?#;:"
    ):
        return urljoin(base, ref)
    end = f"#{fragment}" if fragment else ""
    if not path:
        return base + end
    if path.startswith("/"):
        segments = path.split("/")
    else:
        directory = base.split("/")
        if directory[-1]:
            del directory[-1]  # a file's name: not part of the directory
        segments = directory + path.split("/")
        segments[1:-1] = filter(None, segments[1:-1])  # no empty segments in between
    resolved: list[str] = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment != ".":
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")  # a directory: the trailing slash
    return ("/".join(resolved) or "/") + end
