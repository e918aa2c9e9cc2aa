"""The main job (``make demo``): build the student release, grade the bundled example class
(correct work, typical mistakes, cheat attempts, broken files) with the secure grader, print the
grade table, and render the worked solutions. Everything lands in ``--out``."""

import os
from collections import Counter
from pathlib import Path

from ..errors import UserError
from ..grading.assignments import assignment_ids, load_spec
from ..paths import EXAMPLES
from ..records.gradebook import default_url
from ..records.tables import grade_table
from .autograde import AutogradeOptions, autograde
from .release import build_release
from .worked_solutions import render_worked_solutions

EXAMPLE_CLASS = EXAMPLES / "class"


def class_assignment(submitted):
    """The assignment of a class folder in nbgrader's layout <student>/<assignment>/."""
    found = Counter(p.name for p in Path(submitted).glob("*/*") if p.is_dir() and p.name in assignment_ids())
    if not found:
        raise UserError(f"{submitted} has no <student>/<assignment>/ folder of a declared assignment")
    return found.most_common(1)[0][0]


def run_demo(out, data_dir=None):
    out = Path(out).resolve()
    if data_dir:
        os.environ["DNN_DATA_DIR"] = str(data_dir)
    release = out / "release"
    print(f"1. Building the student release into {release}")
    build_release(release)
    assignment = class_assignment(EXAMPLE_CLASS)
    print(f"2. Grading the example class in examples/class ({assignment}) in sandboxes")
    options = AutogradeOptions(
        assignment=assignment, out=out / "autograded", db_url=default_url(out), timeout=10.0, seed=2026,
        regrade=True, template=release / assignment,
    )
    summary = autograde(EXAMPLE_CLASS, options)
    print(grade_table(summary["rows"], load_spec(assignment).functions))
    print(f"   grades: {out / 'autograded' / 'grades.csv'}; feedback: {out / 'autograded' / 'feedback'}; "
          f"gradebook: {options.db_url}")
    print(f"3. Rendering the worked solutions into {out / 'worked_solutions'} (the application trains its models)")
    written = render_worked_solutions(out / "worked_solutions")
    print(f"Done. Open {', '.join(str(p) for p in written)} and the feedback pages in {out / 'autograded' / 'feedback'}")
