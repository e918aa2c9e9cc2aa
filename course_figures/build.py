"""Read each assignment's table of figures and write them as SVG files."""

import importlib.util
from pathlib import Path

from .canvas import render

TABLE = "figures.py"  # notebooks/<id>/figures.py: FIGURES = {file name: function drawing it}
FOLDER = "figures"  # notebooks/<id>/figures/: the drawn files, shipped with the release


def figure_tables(notebooks):
    """{assignment id: FIGURES} for every notebooks/<id>/ that has a figures.py."""
    tables = {}
    for path in sorted(Path(notebooks).glob(f"*/{TABLE}")):
        spec = importlib.util.spec_from_file_location(f"course_figures.tables.{path.parent.name}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        tables[path.parent.name] = module.FIGURES
    return tables


def write_figures(notebooks, out=None):
    """Draw every table's figures into ``out``/<id>/figures/ (default: next to the tables), removing
    SVG files no table names; returns the paths written."""
    written = []
    for assignment, figures in figure_tables(notebooks).items():
        folder = Path(out or notebooks) / assignment / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for stale in sorted(set(p.name for p in folder.glob("*.svg")) - set(figures)):
            (folder / stale).unlink()
        for name, draw in figures.items():
            render(draw, folder / name)
            written.append(folder / name)
    return written
