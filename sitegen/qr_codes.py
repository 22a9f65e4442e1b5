"""QR codes for print and for staff, as SVG.

Encoding (choosing the best of eight masks) costs about 8 ms a code, a third of a
page's rendering time, and the Dutch build makes one per language and channel for
the staff page: the SVGs are kept in a folder of the build's cache (keyed by what
makes them), so that a rebuild encodes only new addresses. The hooks say where
(keep_in); mkdocs executes them afresh for every build, this module stays.
"""

from __future__ import annotations

import hashlib
import io
import os
from functools import lru_cache
from pathlib import Path

import segno
from markupsafe import Markup

_folder: Path | None = None


def keep_in(folder: str | Path | None) -> None:
    """Keep the SVGs in this folder from now on (None: make every code afresh)."""
    global _folder
    _folder = Path(folder) if folder else None


def _cached(make, *key: object) -> bytes:
    if _folder is None:
        return make()
    name = hashlib.sha256(repr(key).encode()).hexdigest()[:40]
    path = _folder / name
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    _folder.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{name}.{os.getpid()}.part")  # processes build side by side
    part.write_bytes(data)
    part.replace(path)
    return data


@lru_cache(maxsize=256)  # the page's code and its download: one encoding
def _encoded(url: str) -> segno.QRCode:
    # Error correction M: survives a crease or a smudge on paper.
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str, title: str) -> bytes:
    """An SVG QR code of the address, to download."""

    def make() -> bytes:
        buffer = io.BytesIO()
        _encoded(url).save(
            buffer, kind="svg", scale=4, border=2, xmldecl=False, title=title, svgclass=None
        )
        return buffer.getvalue()

    return _cached(make, "download", 1, url, title)


def qr_inline_svg(url: str) -> Markup:
    """The same QR code as a bare inline <svg>: one path, sized by the print stylesheet,
    named by the element the template wraps it in."""
    return Markup(_cached(lambda: _inline(url), "inline", 1, url).decode("ascii"))


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
