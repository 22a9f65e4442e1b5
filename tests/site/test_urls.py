"""sitegen.urls.join joins a page's path and a reference exactly as urljoin does."""

from __future__ import annotations

import itertools
import random
from urllib.parse import urljoin

from sitegen.urls import join

BASES = ["/", "/ar/", "/ar/mo/", "/ar/mo/kosten/", "/404.html", "/ar/404.html", "/a/b.html"]
# What pages refer to, and every edge of urljoin's steps.
REFERENCES = [
    *("", "#", "#top", "#/x", ".", "..", "./", "../", "../..", "../../", "../../../x/"),
    *("x", "x/", "./x#y", "x/.", "x/..", "x/./y/../z", "a//b", "a//b/", "..#f", "x#"),
    *("/", "/abs/", "/abs/../y", "/./x", "/a//b", "//host/x", "///x", "?q", "x?q#f"),
    *("mailto:a@b", "tel:+32", "https://x/y", "data:,x", "a;p", "a:b", " x", "x ", "\tx"),
    *("x\ny", "ár/", "%C3%A1/", "assets/app.css", "../assets/app.js?v=1", "qr-folder.svg"),
]


def test_every_edge_is_urljoins():
    for base, ref in itertools.product(BASES + ["", "a/", "/x?y", "/x;p/"], REFERENCES):
        assert join(base, ref) == urljoin(base, ref), (base, ref)


def test_random_references_are_urljoins():
    rng = random.Random(11)
    pieces = ["", ".", "..", "/", "//", "a", "b.html", "#", "#f", "?", ";", ":", "%2F", " ", "é"]
    for _ in range(20_000):
        ref = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        base = rng.choice(BASES)
        assert join(base, ref) == urljoin(base, ref), (base, ref)


def test_paths_and_fragments_are_joined_without_urllib(monkeypatch):
    import sitegen.urls

    def no_urljoin(base, ref):
        raise AssertionError(f"urljoin called for {ref!r}")

    monkeypatch.setattr(sitegen.urls, "urljoin", no_urljoin)
    assert join("/ar/mo/", "../kosten/#prijs") == "/ar/kosten/#prijs"
    assert join("/ar/mo/", "/assets/app.css") == "/assets/app.css"
    assert join("/ar/mo/", "#top") == "/ar/mo/#top"
    assert join("/404.html", "ar/") == "/ar/"
