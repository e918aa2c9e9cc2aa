"""The autograded notebooks nbgrader's formgrader lists, ``<course>/autograded/<student>/<assignment>/<notebook>``.

nbgrader's Manual Grading shows a submission only when this file exists. We build it from the
student release of the assignment (its cells and nbgrader metadata are ours, whatever a student
did to theirs), with each exercise cell holding the code the grader ran and each check cell's
output our result for that function, as plain text: the grade, the likely mistake and the
messages of the feedback. Nothing of it is executed; the instructor reads it, adds manual grades
and comments in formgrader (kept in the gradebook, never touched by a later autograde), and
``nbgrader generate_feedback`` renders it for the student.
"""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import dateutil.parser
import dateutil.tz
import nbformat

from dnn_utils.i18n import DEFAULT, normalise, say, speaking
from testCases.checks import group_messages

from ..grading.grade import STATUSES
from ..grading.ingest import read_graded_code, read_regular_file
from .feedback import score_line
from .store import atomic_write

MAX_LINES = 40  # of a check cell's output


def _grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def graded_sources(path, functions):
    """{function: source of the cell the grader ran for it}, chosen exactly as the grader chose
    it (grader/grading/ingest.py, with its limits on what it reads); {} for an unreadable notebook."""
    return read_graded_code(path, functions).sources


def check_output(item):
    """The text under a check cell: our result for one function (an item of the feedback JSON),
    in the current language."""
    status = item["status"] if item["status"] in STATUSES else "error"
    lines = [score_line(item["item"], status, item["score"], item["max_score"]) + " (python -m grader autograde)"]
    for mistake in item.get("mistakes", [])[:1]:
        lines += [say("feedback.likely_mistake", title=mistake["title"]), say("check.hint", hint=mistake["hint"])]
    cases = item.get("cases", [])
    failing = [SimpleNamespace(name=case["name"], messages=case.get("messages", [])) for case in cases if not case.get("passed")]
    lines += [f"- {group.message} ({group.where(len(cases))})" for group in group_messages(failing)]
    lines += [say("check.note", note=message) for message in item.get("messages", [])]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [say("feedback.more_lines", count=len(lines) - MAX_LINES)]
    return "\n".join(lines) + "\n"


def autograded_notebook(release_notebook, sources, feedback):
    """The release notebook with the student's graded code in its exercise cells and our results
    (``feedback``: the student's feedback JSON) under its check cells."""
    notebook = nbformat.read(release_notebook, as_version=4)
    items = {item["item"]: item for item in feedback.get("items", [])}
    for cell in notebook.cells:
        grade_id = _grade_id(cell)
        if cell.cell_type != "code":
            continue
        cell.outputs, cell.execution_count = [], None
        if grade_id in sources:
            cell.source = sources[grade_id]
        elif grade_id and grade_id.startswith("check_") and grade_id[len("check_"):] in items:
            text = check_output(items[grade_id[len("check_"):]])
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
    return notebook


MAX_TIMESTAMP_BYTES = 100


def _small_file(path, limit):
    """The bytes of ``path`` if it is a regular file (ingest.read_regular_file) of at most ``limit`` bytes, else None."""
    try:
        data = read_regular_file(path, limit + 1)
    except (OSError, ValueError):
        return None
    return data if len(data) <= limit else None


def submission_timestamp(submission_path):
    """The time nbgrader recorded for a submission (timestamp.txt beside the notebook, written by
    ``nbgrader submit``/``collect``), as naive UTC; None when there is none or it is not a time.
    formgrader counts a submission as autograded only when the gradebook holds this same time."""
    text = None if submission_path is None else _small_file(Path(submission_path).parent / "timestamp.txt", MAX_TIMESTAMP_BYTES)
    if text is None:
        return None
    try:
        return _parse_utc(text.decode("ascii").strip())
    except (ValueError, OverflowError, UnicodeDecodeError, TypeError):
        return None


def _parse_utc(text):
    """nbgrader's reading of a timestamp ("2026-12-01 10:00:00.000000 UTC", or ISO), as naive UTC.
    Not nbgrader.utils.parse_utc itself: importing nbgrader here, while the gradebook's thread
    imports it too, can meet its circular imports half done."""
    parts = text.split(" ")
    if len(parts) == 3:
        zone = parts[2]
        zone = int(zone) if zone.lstrip("+-").isdigit() else dateutil.tz.gettz(zone)
        moment = dateutil.parser.parse(" ".join(parts[:2] + ["TZ"]), tzinfos={"TZ": zone})
    else:
        moment = dateutil.parser.parse(text)
    if moment.tzinfo is not None:
        moment = (moment - moment.utcoffset()).replace(tzinfo=None)
    return moment


SECRET = re.compile(rb"[0-9a-zA-Z+/=_-]{1,200}")


def submission_secret(submission_path):
    """The submission's secret (submission_secret.txt, written by ``nbgrader submit``), which
    ``nbgrader release_feedback`` needs beside the feedback; None when absent or not a token."""
    data = None if submission_path is None else _small_file(Path(submission_path).parent / "submission_secret.txt", 256)
    return data.decode("ascii") if data is not None and SECRET.fullmatch(data.strip()) else None


def edition_notebook(release_notebook, lang):
    """The release notebook of the edition ``lang``: release/<id>/<nb> for English, its twin in
    release/<lang>/<id>/ when that exists (else the English one)."""
    release_notebook = Path(release_notebook)
    if lang == DEFAULT:
        return release_notebook
    twin = release_notebook.parent.parent / lang / release_notebook.parent.name / release_notebook.name
    return twin if twin.is_file() else release_notebook


def write_autograded(course, assignment, notebook_name, release_notebook, submission_path, feedback_json, functions):
    """Write ``course``/autograded/<student>/<assignment>/<notebook_name>, atomically. The student
    is the feedback's; its id is already a safe folder name (ingest.safe_student_id)."""
    feedback = json.loads(Path(feedback_json).read_text())
    lang = normalise(feedback.get("lang")) or DEFAULT
    with speaking(lang):
        notebook = autograded_notebook(edition_notebook(release_notebook, lang), graded_sources(submission_path, functions),
                                       feedback)
    target = Path(course) / "autograded" / feedback["student_id"] / assignment / notebook_name
    atomic_write(target, nbformat.writes(notebook))
    timestamp = submission_timestamp(submission_path)
    if timestamp is not None:  # as nbgrader autograde leaves them
        atomic_write(target.parent / "timestamp.txt", timestamp.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
    secret = submission_secret(submission_path)
    if secret is not None:
        atomic_write(target.parent / "submission_secret.txt", secret)
    return target
