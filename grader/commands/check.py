"""``python -m grader check NOTEBOOK``: a student's local check of a whole notebook with the
public cases, in the same sandbox and with the same report as the autograder's feedback."""

from pathlib import Path

from dnn_utils.i18n import say

from ..errors import UserError
from ..grading.assignments import assignment_ids, load_spec
from ..grading.cases import public_cases
from ..grading.grade import grade_submission, sandbox_starter
from ..grading.ingest import Submission, read_graded_code
from ..paths import RELEASE
from ..records.feedback import as_text
from ..sandbox import SandboxSettings, namespaces_available


def guess_assignment(path):
    """The assignment whose id the notebook's name contains, else the one whose graded
    functions it defines."""
    known = assignment_ids()
    for assignment in sorted(known, key=len, reverse=True):
        if assignment in path.name:
            return assignment
    for assignment in known:
        if read_graded_code(path, load_spec(assignment).functions).found:
            return assignment
    raise UserError(say("error.which_assignment", name=path.name, known=", ".join(known)))


def check_notebook(path, assignment=None, release=None, lang=None):
    """(SubmissionResult, report text) for the notebook at ``path``; ``release`` is the student
    release folder of its assignment (default: release/<id> of the repository); the report is in
    ``lang``, else in the notebook's language."""
    if not path.is_file():
        raise FileNotFoundError(say("error.no_such_file", path=path))
    spec = load_spec(assignment or guess_assignment(path))
    release = Path(release or RELEASE / spec.assignment)
    if not release.is_dir():
        raise UserError(say("error.release_missing_or_pass", release=release))
    # Your own code on your own machine: isolated when the machine allows it, limited in any case.
    settings = SandboxSettings(mode="namespace" if namespaces_available() else "none")
    result = grade_submission(
        Submission(path.stem, path, lang=lang), spec,
        sandbox_starter(release, settings, spec, spec.timeout),
        seed=0, timeout=spec.timeout, cases_for=public_cases,
    )
    return result, as_text(result)
