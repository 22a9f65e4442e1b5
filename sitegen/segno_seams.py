"""Where Wegwijs relies on how segno works inside: one quicker step of its encoder.

To choose a QR code's mask, segno applies each of the eight masks to a copy of the
matrix, module by module in Python, and scores the result (ISO/IEC 18004, 7.8). On
our pages' codes the applying is about 40% of encoding, and encoding is a sixth of
rendering a page. A mask flips the same modules in every code of a size, so
quick_masks() makes segno's encoder apply each mask as one XOR per row, with the
modules to flip worked out once per mask and size by segno's own functions. The
choice of mask and every module stay segno's (tests/site/test_segno_seams.py compares
both ways on codes of every size we make); an upgrade of segno that changes this step
fails that test, not the pages.
"""

from __future__ import annotations

import segno.encoder

_segno_apply_mask = segno.encoder.apply_mask
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


def quick_masks() -> None:
    """Apply masks row by row from now on (in this process)."""
    segno.encoder.apply_mask = _apply_mask


def segno_masks() -> None:
    """segno's own step again (for the test that compares the two)."""
    segno.encoder.apply_mask = _segno_apply_mask
