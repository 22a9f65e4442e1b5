"""Where Wegwijs relies on how segno works inside: quicker steps of its encoder and writer.

Every page carries a QR code for print, and segno does three steps of making one module
by module in Python: applying each of the eight masks, scoring each masked matrix
(ISO/IEC 18004, 7.8.3), and finding the runs of dark modules that become the SVG path.
Those steps were about a fifth of rendering a page. quick_masks() makes them whole-row
operations (an XOR per row, regular expressions and bit counts), which Python runs in C.
The choice of mask, every module and every byte of the SVG stay segno's:
tests/site/test_segno_seams.py compares both ways, on codes of every size we make and
on random matrices, so an upgrade of segno that changes one of these steps fails that
test, not the pages.
"""

from __future__ import annotations

import re
from functools import cache

import segno.encoder
import segno.utils
import segno.writers

_segno_apply_mask = segno.encoder.apply_mask
_segno_evaluate_mask = segno.encoder.evaluate_mask
_segno_matrix_to_lines = segno.writers.matrix_to_lines
# (the mask's code, width, height) -> per row, an int whose bytes are 1 where the mask
# flips a module (a matrix row is a bytearray of 0 and 1, one byte per module).
_flips: dict[tuple, tuple[int, ...]] = {}


def _row_flips(mask_pattern, width: int, height: int, is_encoding_region) -> tuple[int, ...]:
    """Keyed by the mask's code and the size: segno makes the functions anew for every
    code, but the region and the pattern depend only on the size and the mask."""
    key = (mask_pattern.__code__, width, height)
    if key not in _flips:
        _flips[key] = tuple(
            int.from_bytes(
                bytes(
                    int(bool(is_encoding_region(i, j) and mask_pattern(i, j))) for j in range(width)
                ),
                "big",
            )
            for i in range(height)
        )
    return _flips[key]


def _apply_mask(matrix, mask_pattern, width, height, is_encoding_region) -> None:
    flips = _row_flips(mask_pattern, width, height, is_encoding_region)
    for row, flip in zip(matrix, flips, strict=True):
        if flip:
            row[:] = (int.from_bytes(row, "big") ^ flip).to_bytes(width, "big")


# Scoring, on all the rows and columns at once: the lines as bytes of 0 (light) and
# 1 (dark), joined by a separator that no pattern can cross; for N1, N2 and N4 the same
# lines as the bits of one integer, one guard bit after each line, so that a shift by
# one compares each module with its left neighbour and a shift by a line with the one
# above it.
_FINDER_LIKE = b"\x01\x00\x01\x01\x01\x00\x01"  # N3: dark-light-dark x3-light-dark
# Four light modules: what segno finds beside a pattern at the edge of its line is an empty
# slice, that is "no dark module", and a pattern has no two light modules side by side.
_QUIET = b"\x00" * 4
_GUARD = b"\x00"
_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


@cache
def _neighbours(width: int, lines: int, first: int) -> int:
    """Bits where a module has a left neighbour in its line (in lines `first` and after)."""
    line = "0" + "1" * (width - 1) + "0"  # the first module, the others, the guard
    digits = "0" * (width + 1) * first + line * (lines - first)
    return int(digits[:-1], 2)  # no guard after the last line


def _finder_like_points(lines: bytes) -> int:
    """N3, counted as segno counts it: 40 points for each 1:1:3:1:1 pattern with light
    modules on one side of it (up to 4: fewer, or none, at the edge of the code); after a
    pattern that counts, the search goes on past it, else from its middle."""
    points = 0
    at = lines.find(_FINDER_LIKE)
    while at != -1:
        after = at + 7
        if not any(lines[at - 4 : at]) or not any(lines[after : after + 4]):
            points += 40
        else:
            after = at + 4
        at = lines.find(_FINDER_LIKE, after)
    return points


def mask_scores(matrix, width: int, height: int) -> tuple[int, int, int, int]:
    """segno.encoder.mask_scores (N1, N2, N3, N4) of a square QR matrix of 0 and 1."""
    rows = [bytes(row) for row in matrix]
    lines = rows + [bytes(column) for column in zip(*rows, strict=True)]
    n3 = _finder_like_points(_QUIET + _QUIET.join(lines) + _QUIET)
    # N1: a run of 5 or more modules of one colour scores its length - 2; that is, one
    # point for each window of 5 equal modules in it (length - 4), and 2 for the run.
    every = int(_GUARD.join(lines).translate(_AS_DIGITS), 2)
    same_as_left = ~(every ^ (every >> 1)) & _neighbours(width, 2 * height, 0)
    windows = same_as_left & (same_as_left >> 1) & (same_as_left >> 2) & (same_as_left >> 3)
    runs = windows & ~(windows >> 1)  # the first window of each run
    n1 = windows.bit_count() + 2 * runs.bit_count()
    # N2: 3 points for each 2x2 block of one colour (blocks overlap).
    stride = width + 1
    grid = int(_GUARD.join(rows).translate(_AS_DIGITS), 2)
    same_as_left = ~(grid ^ (grid >> 1))
    same_as_above = ~(grid ^ (grid >> stride))
    blocks = same_as_left & same_as_above & (same_as_above >> 1) & _neighbours(width, height, 1)
    n2 = blocks.bit_count()
    n4 = 10 * int(abs(float(grid.bit_count()) / (width**2) * 100 - 50) / 5)
    return n1, 3 * n2, n3, n4


def _evaluate_mask(matrix, width: int, height: int) -> int:
    if width != height or b"".join(matrix).translate(None, b"\x00\x01"):
        return _segno_evaluate_mask(matrix, width, height)  # not a matrix we make
    return sum(mask_scores(matrix, width, height))


_DARK_RUN = re.compile(rb"\x01+")


def _matrix_to_lines(matrix, x, y, incby=1):
    """segno.utils.matrix_to_lines: ((x1, y), (x2, y)) for each run of dark modules,
    row by row; like segno's, a zero-length line first if the first module is light."""
    for number, row in enumerate(matrix):
        line_y = y + number * incby
        if number == 0 and row and not row[0]:
            yield (x, line_y), (x, line_y)
        for run in _DARK_RUN.finditer(bytes(row)):
            yield (x + run.start(), line_y), (x + run.end(), line_y)


def quick_masks() -> None:
    """Apply and score masks, and find dark runs, row by row from now on (in this process)."""
    segno.encoder.apply_mask = _apply_mask
    segno.encoder.evaluate_mask = _evaluate_mask
    segno.writers.matrix_to_lines = _matrix_to_lines


def segno_masks() -> None:
    """segno's own steps again (for the test that compares the two)."""
    segno.encoder.apply_mask = _segno_apply_mask
    segno.encoder.evaluate_mask = _segno_evaluate_mask
    segno.writers.matrix_to_lines = _segno_matrix_to_lines
