"""segno with masks applied row by row makes the same QR codes as segno itself."""

from __future__ import annotations

import segno

import sitegen.qr_codes  # noqa: F401 - importing it switches segno to quick masks
from sitegen import segno_seams


def encoded(url: str) -> tuple:
    code = segno.make(url, error="m", micro=False)
    return code.version, code.mask, tuple(bytes(row) for row in code.matrix)


def test_every_size_of_code_we_make_is_the_same_as_segnos_own():
    assert segno.encoder.apply_mask is segno_seams._apply_mask  # qr_codes switched it on
    # Addresses of every length a page, a language and a channel give, shorter and longer.
    urls = [f"https://w.be/{'a' * length}?c=folder" for length in range(0, 200, 5)]
    urls += [f"http://127.0.0.1:8000/{code}/?c=letter" for code in ("ar", "ckb", "pt-BR")]
    try:
        segno_seams.segno_masks()
        theirs = [encoded(url) for url in urls]
    finally:
        segno_seams.quick_masks()
    ours = [encoded(url) for url in urls]
    assert ours == theirs
    assert {version for version, _, _ in ours} >= set(range(2, 11))  # 2 to 10
    assert len({mask for _, mask, _ in ours}) >= 6  # most masks were chosen somewhere
