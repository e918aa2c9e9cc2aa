"""A picture unrolled into a column, and the columns of many pictures side by side as X."""

import numpy as np
from matplotlib.patches import Rectangle

from .canvas import BLUE, GREEN, INK, MUTED, RED, arrow, box, canvas, shape, text, tint

CHANNELS = (RED, GREEN, BLUE)
SHOWN = 4  # the first rows and columns drawn, then a gap, then the last


def _pixel_values(height, width):
    """Made-up uint8 values of the pixels drawn (rows and columns 0 .. SHOWN-1 and the last): a
    smooth pattern of warm and cool colours."""
    rows, columns = np.meshgrid(_shown(height), _shown(width), indexing="ij")
    red = 170 + 70 * np.cos(0.45 * rows + 0.2 * columns)
    green = 130 + 60 * np.sin(0.5 * columns - 0.3 * rows)
    blue = 110 + 80 * np.sin(0.35 * rows + 0.25 * columns)
    return np.stack([red, green, blue], axis=-1).clip(0, 255).astype(np.uint8)


def _shown(count):
    return [*range(min(SHOWN, count - 1)), count - 1]


def _cells(axes, x, top, width, height, contents):
    """A column of cells from ``top`` downwards: (text, channel index or None) each."""
    for row, (content, channel) in enumerate(contents):
        y = top - (row + 0.5) * height
        colour = MUTED if channel is None else CHANNELS[channel]
        axes.add_patch(Rectangle((x - width / 2, y - height / 2), width, height, facecolor=tint(colour, 0.8),
                                 edgecolor="white" if channel is None else colour, linewidth=0.8))
        text(axes, x, y, content, size=9, colour=INK)


def flatten_picture(picture_shape=(64, 64, 3)):
    """A height x width x 3 picture whose values, read row by row and pixel by pixel (red, green,
    blue of each), make one column x^(i); the m columns side by side make X."""
    height, width, channels = picture_shape
    size = height * width * channels
    pixels = _pixel_values(height, width)
    figure, axes = canvas(9.4, 4.3)

    side, gap = 0.36, 0.3
    left, top = 0.35, 3.65
    corners = {}
    for row in range(pixels.shape[0]):
        for column in range(pixels.shape[1]):
            x = left + column * side + (gap if column == pixels.shape[1] - 1 else 0)
            y = top - (row + 1) * side - (gap if row == pixels.shape[0] - 1 else 0)
            axes.add_patch(Rectangle((x, y), side, side, facecolor=pixels[row, column] / 255, edgecolor="white",
                                     linewidth=0.6))
            corners[row, column] = (x, y)
    for row, column in ((0, 0), (0, 1), (-1, -1)):
        x, y = corners[row % pixels.shape[0], column % pixels.shape[1]]
        axes.add_patch(Rectangle((x, y), side, side, facecolor="none", edgecolor=INK, linewidth=1.6, zorder=3))
    middle = left + SHOWN * side + gap / 2
    text(axes, middle, top - side * 1.5, r"$\cdots$", size=11)
    text(axes, left + side * 1.5, top - SHOWN * side - gap / 2, r"$\vdots$", size=11)
    picture_width = (SHOWN + 1) * side + gap
    text(axes, left + picture_width / 2, 0.9, f"${height} \\times {width} \\times {channels}$", size=13)

    cell = 0.27
    column_x, column_top = 4.1, 3.75
    first = [(str(pixels[0, column, channel]), channel) for column in (0, 1) for channel in range(channels)]
    last = [(str(pixels[-1, -1, channel]), channel) for channel in range(channels)]
    _cells(axes, column_x, column_top, 0.62, cell, first + [(r"$\vdots$", None)] + last)
    text(axes, column_x, column_top + 0.22, "$x^{(i)}$", size=13)
    text(axes, column_x, 0.9, shape(size, 1), size=12, colour=MUTED)
    text(axes, column_x, 0.5, f"${height} \\cdot {width} \\cdot {channels} = {size}$", size=11, colour=MUTED)
    arrow(axes, (left + picture_width + 0.35, 2.6), (column_x - 0.55, 2.6), INK)

    # X: the same layout of channels in every column, m of them.
    arrow(axes, (column_x + 0.55, 2.6), (6.0, 2.6), INK)
    stripes = [("", channel) for _ in range(2) for channel in range(channels)]
    stripes += [("", None)] + [("", channel) for channel in range(channels)]
    names = ["$x^{(1)}$", "$x^{(2)}$", "$x^{(3)}$", r"$\cdots$", "$x^{(m)}$"]
    for position, name in enumerate(names):
        x = 6.5 + 0.52 * position
        if name == r"$\cdots$":
            text(axes, x, column_top - 5 * cell, name, size=12)
        else:
            _cells(axes, x, column_top, 0.36, cell, stripes)
        text(axes, x, column_top + 0.22, name, size=11)
    box(axes, 6.5 + 0.52 * 2, column_top - 5 * cell, 0.52 * 4 + 0.6, 10 * cell + 0.2, colour=INK, fill=False,
        rounding=0.04)
    text(axes, 6.5 + 0.52 * 2, 0.6, "$X$ " + shape(size, "m"), size=13)
    return figure
