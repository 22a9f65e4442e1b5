"""QR codes for print and for staff, as SVG.

Encoding (choosing the best of eight masks) costs 2 to 8 ms a code, a sixth of a
page's rendering time, and the Dutch build makes one per language and channel for
the staff page: the SVGs are kept in the build's cache (keyed by what makes them),
so that a rebuild encodes only new addresses. One JSON file per language build, not
a file per code: creating a small file costs about as much as encoding the code.
The file holds what that language's last build used, so it never grows stale.
The hooks say where (keep_in) and when a build is done (save); mkdocs executes the
hooks afresh for every build, this module stays.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import segno
from markupsafe import Markup

from sitegen.segno_seams import quick_masks

quick_masks()  # segno's encoder applies masks row by row (the same codes, sooner)


class _Store:
    """The SVGs one language's builds made, by a hash of what made them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.before: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.before = {}  # none yet, or damaged: the codes are made again
        self.used: dict[str, str] = {}

    def get(self, make, key: tuple) -> bytes:
        name = hashlib.sha256(repr(key).encode()).hexdigest()[:40]
        text = self.used.get(name) or self.before.get(name)
        if text is None:
            text = make().decode("utf-8")
        self.used[name] = text
        return text.encode("utf-8")

    def save(self) -> None:
        if self.used == self.before:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        part.write_text(json.dumps(self.used), encoding="utf-8")
        part.replace(self.path)  # whole or not at all, if the build stops
        self.before = dict(self.used)


_store: _Store | None = None


def keep_in(folder: str | Path | None, name: str = "codes") -> None:
    """Keep the SVGs of the build `name` (its language) in this folder (None: make every
    code afresh). Calling it again for the same file keeps what this process has made."""
    global _store
    path = Path(folder) / f"{name}.json" if folder else None
    if path is None:
        _store = None
    elif _store is None or _store.path != path:
        _store = _Store(path)


def save() -> None:
    """At the end of a build: write what it used, for the next build of its language."""
    if _store is not None:
        _store.save()


def _cached(make, *key: object) -> bytes:
    return make() if _store is None else _store.get(make, key)


@lru_cache(maxsize=256)  # the page's code and its download: one encoding
def _encoded(url: str) -> segno.QRCode:
    # Error correction M: survives a crease or a smudge on paper.
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str, title: str) -> bytes:
    """An SVG QR code of the address, to download."""
    return _cached(lambda: _download(url, title), "download", 1, url, title)


def _segno_download(url: str, title: str) -> bytes:
    buffer = io.BytesIO()
    _encoded(url).save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, title=title, svgclass=None
    )
    return buffer.getvalue()


_BARE = re.compile(r'<svg viewBox="0 0 (\d+) (\d+)"><path stroke="#000" d="([^"]*)"/></svg>')


@lru_cache(maxsize=256)  # a page's inline code and its download: one SVG path
def _inline_text(url: str) -> str:
    return _inline(url).decode("ascii")


def _download(url: str, title: str) -> bytes:
    """_segno_download's bytes, from the inline code's path: segno draws the same path at
    any scale, and writing it took as long as encoding the code (tests/site/
    test_segno_seams.py compares the two)."""
    found = _BARE.fullmatch(_inline_text(url))
    if found is None:  # segno writes its SVG otherwise now: let it write this one too
        return _segno_download(url, title)
    width, height, path = int(found[1]) * 4, int(found[2]) * 4, found[3]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
        f"<title>{escape(title)}</title>"
        f'<path transform="scale(4)" class="qrline" stroke="#000" d="{path}"/></svg>\n'
    ).encode()


def qr_inline_svg(url: str) -> Markup:
    """The same QR code as a bare inline <svg>: one path, sized by the print stylesheet,
    named by the element the template wraps it in."""
    return Markup(_cached(lambda: _inline_text(url).encode("ascii"), "inline", 1, url).decode())


def _inline(url: str) -> bytes:
    buffer = io.BytesIO()
    _encoded(url).save(
        buffer,
        kind="svg",
        scale=1,
        border=2,
        xmldecl=False,
        svgns=False,
        svgclass=None,
        lineclass=None,
        omitsize=True,
        nl=False,
    )
    return buffer.getvalue()
