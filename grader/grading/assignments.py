"""An assignment as the grader uses it: its declaration (testCases/<id>/), the setup code and
points read from our source notebook (never the student's), and its hidden parts: the reference,
the random-case generator and the catalogue of mistakes. Nothing here names an assignment."""

import importlib
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache

import testCases

from ..errors import UserError
from ..paths import NOTEBOOKS, REPO
from .ingest import raw_cells


class AssignmentError(UserError, ValueError):
    """An assignment's own files are missing or disagree: the message names the file to fix."""


@dataclass(frozen=True, eq=False)
class AssignmentSpec:
    declaration: object  # testCases.assignment.Assignment
    notebook_name: str
    setup: str  # source of our setup cell(s)

    @property
    def assignment(self):
        return self.declaration.id

    @property
    def functions(self):
        return self.declaration.names

    @cached_property
    def points(self):
        return {f.name: f.points for f in self.declaration.functions}

    @property
    def max_score(self):
        return sum(self.points.values())

    @property
    def timeout(self):
        """The time limit per graded function, in seconds of wall-clock time."""
        return self.declaration.seconds_per_function

    def dependencies(self, function):
        return self.declaration.function(function).depends_on

    @cached_property
    def reference_module(self):
        return importlib.import_module(f"source_solutions.{self.assignment}")

    def reference(self, function):
        """The reference implementation of the graded ``function``."""
        self.declaration.function(function)
        return getattr(self.reference_module, function)

    @cached_property
    def _hidden_cases(self):
        return importlib.import_module(f"testCases.{self.assignment}.hidden.cases")

    def draw_case(self, function, rng):
        """(about, build, seed) of one random hidden case of ``function``, drawn from ``rng``
        (seed: Case.seed, None unless the assignment's draw gives one)."""
        drawn = self._hidden_cases.draw(function, rng)
        return (*drawn, None) if len(drawn) == 2 else tuple(drawn)

    @cached_property
    def mistakes(self):
        """{function: (Mistake, ...)}, the catalogue of testCases/<id>/hidden/mistakes.py."""
        return importlib.import_module(f"testCases.{self.assignment}.hidden.mistakes").MISTAKES


def assignment_ids():
    return testCases.assignment_ids()


def source_notebook(assignment):
    """The nbgrader source notebook of ``assignment`` (notebooks/<id>/<id>.ipynb)."""
    found = sorted((NOTEBOOKS / assignment).glob("*.ipynb"))
    if len(found) != 1:
        raise AssignmentError(f"notebooks/{assignment}/ should hold exactly one notebook, found {len(found)}")
    return found[0]


@lru_cache(maxsize=None)
def load_spec(assignment):
    """The AssignmentSpec of a declared assignment; a clear error lists the declared ones."""
    declaration = testCases.load(assignment)
    for part in (f"source_solutions/{assignment}.py", f"testCases/{assignment}/hidden/cases.py",
                 f"testCases/{assignment}/hidden/mistakes.py"):
        if not (REPO / part).is_file():
            raise AssignmentError(f"{part} is missing: every assignment has a reference, a hidden-case generator and "
                                  "a catalogue of mistakes (see testCases/README.md)")
    path = source_notebook(assignment)
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
        raise AssignmentError(f"{path} has no setup cell (grade_id 'setup')")
    declared = {f.name: f.points for f in declaration.functions}
    if points != declared or list(points) != list(declared):
        raise AssignmentError(f"{path}'s graded cells {points} do not match testCases/{assignment}'s declaration "
                         f"{declared} (same functions, order and points): fix one of them")
    return AssignmentSpec(declaration, path.name, "\n".join(setup))
