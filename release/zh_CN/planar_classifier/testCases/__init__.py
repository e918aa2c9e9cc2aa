"""The course's assignments as data: one package per assignment, in the style of testCases_v2.

``testCases/<id>/`` holds what one assignment checks: its declaration (``ASSIGNMENT``: graded
functions, points, dependencies, public cases, hints), the course's fixtures rebuilt from their
recipes, and the expected outputs generated from the reference. ``testCases.checks`` runs a
notebook's check cells. The student release ships one assignment's package; the ``hidden/``
folder of each (random cases, the catalogue of mistakes) never ships.
"""

import importlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def assignment_ids():
    """Every declared assignment: each sub-package of testCases is one."""
    return sorted(p.parent.name for p in HERE.glob("*/__init__.py"))


def load(assignment_id):
    """The ``Assignment`` declared by testCases/<assignment_id>/."""
    known = assignment_ids()
    if assignment_id not in known:
        raise ValueError(f"unknown assignment {assignment_id!r}; declared: {', '.join(known) or 'none'}")
    return importlib.import_module(f"{__name__}.{assignment_id}").ASSIGNMENT
