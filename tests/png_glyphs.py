"""Checks on PNG files: that they are PNGs of a size, and that their Chinese text is real glyphs, not tofu.

A machine without a CJK font draws every Chinese character as the same empty box ("tofu"): the checks
compare characters with each other, so boxes (all alike) fail them."""
from __future__ import annotations

import io

import numpy as np
from PIL import Image

INK = 128  # grey level below which a pixel counts as ink


def open_png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG", image.format
    return image


def ink_mask(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L")) < INK


def glyphs_differ(a: Image.Image, b: Image.Image) -> bool:
    """Two images of one character each (same size): both have ink, and the ink differs."""
    ink_a, ink_b = ink_mask(a), ink_mask(b)
    return bool(ink_a.any() and ink_b.any() and (ink_a != ink_b).sum() > 0.01 * ink_a.size / 100)


def glyph_shapes(image: Image.Image, top: int, bottom: int, gap: int = 3) -> list[np.ndarray]:
    """The ink of the text line between rows `top` and `bottom`, cut at blank columns (gaps of `gap` px or more)."""
    band = ink_mask(image)[top:bottom]
    inked = band.any(axis=0)
    shapes, start, blank = [], None, 0
    for x, has_ink in enumerate(list(inked) + [False] * gap):
        if has_ink:
            start, blank = (x if start is None else start), 0
        elif start is not None:
            blank += 1
            if blank >= gap:
                piece = band[:, start:x - blank + 1]
                rows = np.flatnonzero(piece.any(axis=1))
                shapes.append(piece[rows[0]:rows[-1] + 1])
                start, blank = None, 0
    return shapes


def distinct_shapes(shapes: list[np.ndarray]) -> int:
    return len({(s.shape, s.tobytes()) for s in shapes})
