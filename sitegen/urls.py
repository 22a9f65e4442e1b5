"""What kind of address a link or resource has: one answer for the content and the output checks."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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
