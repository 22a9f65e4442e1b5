"""The address readers will see: what a build for publishing must carry.

Every canonical link, hreflang alternate, the sitemap, robots.txt, the printed
page address, every QR code and the staff page's channel links are made from
one address (mkdocs' site_url, set by WEGWIJS_SITE_URL). Without it they say
http://127.0.0.1:8000/: right for a preview on this computer, and a dead end
on paper. A build meant for publishing must carry the public address; a
preview may carry a local one and says so.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

ENVIRONMENT = "WEGWIJS_SITE_URL"
EXAMPLE = "https://wegwijs.example.be/"
# Host names that only ever mean this computer or this network (RFC 6761, 6762, 8375).
LOCAL_NAMES = ("localhost",)
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".lan")
# How a local address looks inside a built file (a link, a sitemap entry, robots.txt).
LOCAL_MARKERS = (b"://127.", b"://localhost", b"://[::1]", b"://0.0.0.0")
SITEMAP_LINE = "Sitemap: "


class AddressError(ValueError):
    """The address is not one readers can open; the message says what to set."""


def is_local_host(host: str | None) -> bool:
    """A host that leads nowhere for a reader: loopback, a private network, a local name."""
    if not host:
        return True
    host = host.strip("[]").lower().rstrip(".")
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return "." not in host  # a bare name ("intranet") resolves only on some networks


def is_preview_address(url: str) -> bool:
    """Whether a build made with this site_url is a preview (local or unset)."""
    return not url or url == "/" or is_local_host(urlsplit(url).hostname)


def served_address(host: str, port: int) -> str:
    """The address of a preview served on this computer: what its links and QR codes say.

    A server listening on every interface (0.0.0.0, ::) is opened here as 127.0.0.1.
    """
    if host in ("", "0.0.0.0", "::"):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host.strip('[]')}]"
    return f"http://{host}:{port}/"


def check_public_address(url: str) -> str:
    """The public address, ending in '/'; AddressError says what to fix."""
    fix = f"set {ENVIRONMENT} to the address readers open, e.g. {ENVIRONMENT}={EXAMPLE}"
    if not url or url == "/":
        raise AddressError(f"no public address: {ENVIRONMENT} is not set; {fix}")
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise AddressError(
            f"{url!r} is not an https:// address; readers' browsers are sent to HTTPS "
            f"(HSTS), so links and QR codes must say https://; {fix}"
        )
    if is_local_host(parts.hostname):
        raise AddressError(
            f"{url!r} is an address of this computer or its network: a QR code or link with "
            f"it leads nowhere for a reader; {fix}"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise AddressError(f"{url!r} has a query, a fragment or a user name; {fix}")
    if parts.path not in ("", "/"):
        raise AddressError(
            f"{url!r} has a path: the stack serves the site at the root of its host "
            f"(languages at /ar/, the API at /api/); {fix}"
        )
    return f"https://{parts.netloc}/"


def check_build_address(site_url: str, environment_value: str | None) -> str:
    """check_public_address for a build, naming WEGWIJS_SITE_URL when it was not set at all."""
    if not environment_value and is_preview_address(site_url):
        raise AddressError(
            f"no public address: {ENVIRONMENT} is not set, so mkdocs.yml's preview address "
            f"{site_url} would be used; set it to the address readers open, e.g. "
            f"{ENVIRONMENT}={EXAMPLE}"
        )
    return check_public_address(site_url)


def built_address(site_dir: Path) -> str | None:
    """The address a built site was made for, read from its robots.txt (None if absent)."""
    robots = site_dir / "robots.txt"
    if not robots.is_file():
        return None
    for line in robots.read_text(encoding="utf-8").splitlines():
        if line.startswith(SITEMAP_LINE) and line.endswith("sitemap.xml"):
            return line[len(SITEMAP_LINE) : -len("sitemap.xml")]
    return None


def files_with_local_addresses(site_dir: Path, suffixes: frozenset[str]) -> list[str]:
    """Text files of the site (by suffix) that contain a local address, relative to site_dir."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in suffixes:
            data = path.read_bytes()
            if any(marker in data for marker in LOCAL_MARKERS):
                found.append(path.relative_to(site_dir).as_posix())
    return found
