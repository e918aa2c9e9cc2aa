"""What every course figure is drawn with: a canvas measured in inches, boxes, arrows, labels and
one palette, and an SVG writer that gives the same bytes on every run."""

from dataclasses import dataclass

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

# The Okabe-Ito colours: told apart with every common colour blindness, and in print.
FORWARD = "#0072B2"
BACKWARD = "#D55E00"
CACHE = "#E69F00"
GRADS = "#009E73"
INK = "#1A1A1A"
MUTED = "#6B6B6B"
RED, GREEN, BLUE = "#C62828", "#2E7D32", "#1565C0"

# Fixed here, not taken from the user's matplotlibrc, so that a figure is the same everywhere.
# Text is drawn as paths (each glyph defined once and reused): every viewer shows the same
# symbols, with or without our fonts, for a few kilobytes more than <text> elements.
STYLE = {
    "font.family": "DejaVu Sans",
    "mathtext.fontset": "dejavusans",
    "font.size": 11,
    "svg.fonttype": "path",
    "svg.hashsalt": "course",
    "svg.id": None,
    "svg.image_inline": True,
    "path.simplify": True,
}


def tint(colour, amount=0.85):
    """``colour`` mixed with ``amount`` of white: the fill behind a box's text."""
    red, green, blue = matplotlib.colors.to_rgb(colour)
    return tuple(channel + (1 - channel) * amount for channel in (red, green, blue))


@dataclass(frozen=True)
class Box:
    """A drawn rectangle's centre and size, in inches, with the points where arrows attach."""

    x: float
    y: float
    width: float
    height: float

    @property
    def left(self):
        return (self.x - self.width / 2, self.y)

    @property
    def right(self):
        return (self.x + self.width / 2, self.y)

    @property
    def top(self):
        return (self.x, self.y + self.height / 2)

    @property
    def bottom(self):
        return (self.x, self.y - self.height / 2)


def canvas(width, height):
    """A figure of ``width`` x ``height`` inches whose data coordinates are inches from its
    bottom-left corner; returns (figure, axes)."""
    figure = Figure(figsize=(width, height))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(0, height)
    axes.set_axis_off()
    return figure, axes


def text(axes, x, y, content, size=11, colour=INK, **options):
    """``content`` centred on (x, y) unless ``ha``/``va`` say otherwise."""
    options = {"ha": "center", "va": "center", **options}
    return axes.text(x, y, content, fontsize=size, color=colour, **options)


def box(axes, x, y, width, height, content="", colour=FORWARD, size=11, dashed=False, fill=True, rounding=0.08):
    """A rounded rectangle centred on (x, y) with ``content`` in its middle; returns its Box."""
    axes.add_patch(FancyBboxPatch(
        (x - width / 2, y - height / 2), width, height, boxstyle=f"round,pad=0,rounding_size={rounding}",
        facecolor=tint(colour) if fill else "none", edgecolor=colour, linewidth=1.0 if dashed else 1.4,
        linestyle=(0, (4, 3)) if dashed else "solid", zorder=1,
    ))
    if content:
        text(axes, x, y, content, size=size, zorder=3)
    return Box(x, y, width, height)


def circle(axes, x, y, radius, content="", colour=FORWARD, size=11):
    """A node of a network drawing; returns its Box (for arrows to its edge)."""
    axes.add_patch(Circle((x, y), radius, facecolor=tint(colour), edgecolor=colour, linewidth=1.4, zorder=2))
    if content:
        text(axes, x, y, content, size=size, zorder=3)
    return Box(x, y, 2 * radius, 2 * radius)


def arrow(axes, start, end, colour=INK, bend=0.0, width=1.4, shrink=0.0, corner=False):
    """An arrow from ``start`` to ``end``; ``bend`` curves it (positive: to the left of its way),
    ``corner`` makes it go down first, then across."""
    connection = "angle,angleA=-90,angleB=180,rad=6" if corner else f"arc3,rad={bend}"
    axes.add_patch(FancyArrowPatch(
        start, end, arrowstyle="-|>", mutation_scale=11, color=colour, linewidth=width,
        connectionstyle=connection, shrinkA=shrink, shrinkB=shrink, zorder=2,
    ))


def shape(*dims):
    """``(n_h, m)`` as mathtext; each dimension an int or a mathtext symbol such as ``n^{[l]}``."""
    return "$(" + ",\\,".join(str(dim) for dim in dims) + ")$"


def render(draw, path):
    """Draw ``draw()``'s figure with matplotlib's defaults and STYLE (whatever the user's
    matplotlibrc says) and write it to ``path`` as SVG without a date or a creator, so that the
    same drawing gives the same bytes."""
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(STYLE)
        draw().savefig(path, format="svg", metadata={"Date": None, "Creator": None})
