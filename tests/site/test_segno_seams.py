"""segno with our quicker steps makes the same QR codes, and the same SVG bytes, as segno."""

from __future__ import annotations

import random

import pytest
import segno
import segno.encoder
import segno.utils

from sitegen import qr_codes, segno_seams

# Addresses of every length a page, a language and a channel give, shorter and longer.
URLS = [f"https://w.be/{'a' * length}?c=folder" for length in range(0, 200, 5)]
URLS += [f"http://127.0.0.1:8000/{code}/?c=letter" for code in ("ar", "ckb", "pt-BR")]


def encoded(url: str) -> tuple:
    code = segno.make(url, error="m", micro=False)
    return code.version, code.mask, tuple(bytes(row) for row in code.matrix)


def svgs(url: str, segnos: bool = False) -> tuple[bytes, bytes]:
    """The download and the inline SVG of the page's code, as qr_codes writes them (or as
    segno itself writes the download)."""
    qr_codes._encoded.cache_clear()
    qr_codes._inline_text.cache_clear()
    download = qr_codes._segno_download(url, "Scan") if segnos else qr_codes.qr_svg(url, "Scan")
    return download, qr_codes._inline(url)


def segnos_own(make):
    try:
        segno_seams.segno_masks()
        return make()
    finally:
        segno_seams.quick_masks()


def test_qr_codes_switched_the_quick_steps_on():
    assert segno.encoder.apply_mask is segno_seams._apply_mask
    assert segno.encoder.evaluate_mask is segno_seams._evaluate_mask
    assert segno.writers.matrix_to_lines is segno_seams._matrix_to_lines


def test_every_size_of_code_we_make_is_the_same_as_segnos_own():
    theirs = segnos_own(lambda: [encoded(url) for url in URLS])
    ours = [encoded(url) for url in URLS]
    assert ours == theirs
    assert {version for version, _, _ in ours} >= set(range(2, 11))  # 2 to 10
    assert len({mask for _, mask, _ in ours}) >= 6  # most masks were chosen somewhere


def test_the_svgs_are_segnos_byte_for_byte():
    qr_codes.keep_in(None)
    theirs = segnos_own(lambda: [svgs(url, segnos=True) for url in URLS])
    ours = [svgs(url) for url in URLS]
    assert ours == theirs
    assert all(download.startswith(b"<svg") and b' d="M' in inline for download, inline in ours)


@pytest.mark.parametrize("title", ["Wegwijs", "Wegwijs Arabic: folder", 'a < b & "c"', "وگ"])
def test_the_download_made_from_the_inline_path_is_segnos_own(title):
    qr_codes.keep_in(None)
    for url in URLS[::4]:
        qr_codes._encoded.cache_clear()
        qr_codes._inline_text.cache_clear()
        theirs = segnos_own(lambda url=url: qr_codes._segno_download(url, title))
        assert qr_codes._download(url, title) == theirs


def random_matrix(size: int, rng: random.Random) -> tuple[bytearray, ...]:
    """Random modules, with stretches of one colour and finder-like runs pasted in, so
    that every kind of penalty occurs, at the edges too."""
    dark = rng.choice([0.1, 0.5, 0.9])
    rows = [bytearray(int(rng.random() < dark) for _ in range(size)) for _ in range(size)]
    for _ in range(size // 2):
        row, at = rng.randrange(size), rng.randrange(size)
        piece = rng.choice([b"\x01\x00\x01\x01\x01\x00\x01", b"\x00" * 6, b"\x01" * 9])
        piece = piece[: size - at]
        rows[row][at : at + len(piece)] = piece
    return tuple(rows)


@pytest.mark.parametrize("size", [21, 25, 29, 33, 37, 41, 45, 49, 53, 57])
def test_mask_scores_are_segnos_on_random_matrices(size):
    rng = random.Random(size)
    for _ in range(40):
        matrix = random_matrix(size, rng)
        for turned in (matrix, tuple(bytearray(column) for column in zip(*matrix, strict=True))):
            theirs = segno.encoder.mask_scores(turned, size, size)
            assert segno_seams.mask_scores(turned, size, size) == theirs
            assert segno_seams._evaluate_mask(turned, size, size) == sum(theirs)


def test_dark_runs_are_segnos_also_from_a_light_first_module():
    rng = random.Random(7)
    for size in (21, 33):
        matrix = random_matrix(size, rng)
        matrix[0][0] = 0  # segno's own quirk: a zero-length line first
        for x, y, incby in ((2, 2.5, 1), (0, 0, -1), (4, 10, -1)):
            theirs = list(segno.utils.matrix_to_lines(matrix, x, y, incby))
            assert list(segno_seams._matrix_to_lines(matrix, x, y, incby)) == theirs


def test_a_matrix_segno_could_hold_otherwise_is_scored_by_segno():
    matrix = tuple(bytearray([2] * 21) for _ in range(21))  # segno's "not set" value
    expected = sum(segno.encoder.mask_scores(matrix, 21, 21))
    assert segno_seams._evaluate_mask(matrix, 21, 21) == expected
