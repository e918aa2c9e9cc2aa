"""What is graded in each assignment, read from our source notebook (never the student's):
the setup code, the graded functions in order and their points."""

import json
from dataclasses import dataclass
from functools import lru_cache

from .ingest import raw_cells
from .nbgrader_course import ASSIGNMENTS, SOURCE


@dataclass(frozen=True)
class AssignmentSpec:
    assignment: str
    notebook_name: str
    setup: str  # source of our setup cell(s)
    points: dict  # function -> points, in notebook order

    @property
    def functions(self):
        return list(self.points)

    @property
    def max_score(self):
        return sum(self.points.values())


@lru_cache(maxsize=None)
def load_spec(assignment):
    if assignment not in ASSIGNMENTS:
        raise ValueError(f"unknown assignment {assignment!r}; known: {', '.join(ASSIGNMENTS)}")
    (path,) = sorted((SOURCE / assignment).glob("*.ipynb"))
    setup, points = [], {}
    # Plain JSON: nbformat's validator takes a second to import, in every grading process.
    for cell_type, source, metadata in raw_cells(json.loads(path.read_text(encoding="utf-8"))):
        meta = metadata.get("nbgrader", {})
        grade_id = meta.get("grade_id", "")
        if cell_type == "code" and grade_id == "setup":
            setup.append(source)
        if meta.get("grade") and grade_id.startswith("check_"):
            points[grade_id.removeprefix("check_")] = meta.get("points", 0)
    if not setup:
        raise ValueError(f"{path} has no setup cell (grade_id 'setup')")
    return AssignmentSpec(assignment, path.name, "\n".join(setup), points)
