"""The main job (``make demo``): build the student release, grade the bundled example class
(correct work, typical mistakes, cheat attempts, broken files) with the secure grader, print the
grade table, and render the worked solutions. Everything lands in ``--out``."""

import os
from pathlib import Path

from dnn_utils.i18n import LANGUAGES, say

from ..errors import UserError
from ..grading.assignments import assignment_ids, load_spec
from ..paths import EXAMPLES
from ..records.gradebook import default_url
from ..records.tables import grade_table
from .autograde import AutogradeOptions, autograde
from .release import build_releases
from .worked_solutions import render_worked_solutions

EXAMPLE_CLASS = EXAMPLES / "class"


def example_classes():
    """{assignment: class folder} of the example classes, examples/class/<assignment>/, each in
    nbgrader's layout <student>/<assignment>/."""
    declared = set(assignment_ids())
    classes = {p.name: p for p in sorted(EXAMPLE_CLASS.iterdir()) if p.is_dir() and p.name in declared}
    if not classes:
        raise UserError(say("error.no_example_class", folder=EXAMPLE_CLASS))
    return classes


def run_demo(out, data_dir=None):
    out = Path(out).resolve()
    if data_dir:
        os.environ["DNN_DATA_DIR"] = str(data_dir)
    release = out / "release"
    print(f"1. Building the student release into {release} (English) and {release / 'zh_CN'} (简体中文)")
    build_releases(LANGUAGES, {"en": release, "zh_CN": release / "zh_CN"})
    db_url = default_url(out)
    for assignment, submitted in example_classes().items():
        print(f"2. Grading the example class of {assignment} (examples/class/{assignment}) in sandboxes")
        options = AutogradeOptions(
            assignment=assignment, out=out / "autograded" / assignment, db_url=db_url, timeout=10.0, seed=2026,
            regrade=True, template=release / assignment,
        )
        summary = autograde(submitted, options)
        print(grade_table(summary["rows"], load_spec(assignment).functions))
        print(f"   grades: {options.out / 'grades.csv'}; feedback: {options.out / 'feedback'}")
    print(f"   gradebook (every assignment): {db_url}")
    print(f"3. Rendering the worked solutions into {out / 'worked_solutions'} (the application trains its models)")
    written = render_worked_solutions(out / "worked_solutions")
    print(f"Done. Open {', '.join(str(p) for p in written)} and the feedback pages in {out / 'autograded'}/<assignment>/feedback")
