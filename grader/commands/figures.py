"""``python -m grader figures``: draw every assignment's diagrams (its notebooks/<id>/figures.py)
into notebooks/<id>/figures/*.svg; see course_figures/."""

from course_figures.build import write_figures

from ..paths import NOTEBOOKS


def draw_figures(out=None):
    """Write the figures under ``out`` (default: notebooks/); returns the paths written."""
    return write_figures(NOTEBOOKS, out)
