"""Does an nbgrader instructor's whole workflow work on our grades?

A course folder as nbgrader makes it: the student list imported with ``nbgrader db student import``,
submissions in submitted/<student>/<assignment>/ (as ``nbgrader collect`` or ``zip_collect`` leave
them), then ``python -m grader autograde`` run in that folder. nbgrader's own API must list every
submission with our scores, manual grades and comments must survive the next autograde, and
``nbgrader generate_feedback`` and ``nbgrader export`` must work on the result.
"""

import csv
import shutil
import subprocess
import sys

import pytest

from grader.nbgrader_course import NbgraderCourse
from grader.paths import REPO

pytestmark = pytest.mark.integration

ASSIGNMENT = "dnn_step_by_step"
CLASS = REPO / "examples" / "class" / ASSIGNMENT
STUDENTS = {  # student id -> (first name, last name, email)
    "correct": ("Ada", "Lovelace", "ada@example.org"),
    "mistake-db-without-keepdims": ("Alan", "Turing", "alan@example.org"),
    "untouched-release": ("Grace", "Hopper", "grace@example.org"),
    "zh-mistake-db-without-keepdims": ("华", "李", "hua@example.org"),  # the Chinese edition
}
CHINESE = "zh-mistake-db-without-keepdims"  # the same mistake, in the Chinese edition (examples/scenarios)


def autograde_in(course, *extra):
    """`python -m grader autograde submitted` run in the course folder, as an instructor would."""
    command = [sys.executable, "-m", "grader", "autograde", "submitted", "--assignment", ASSIGNMENT, "--jobs", "2",
               "--timeout", "10", "--seed", "2026", "--quiet", *extra]
    subprocess.run(command, cwd=course, check=True, capture_output=True, text=True)


def graded_course(root):
    """An nbgrader course in ``root``: the assignment generated, the student list imported, three
    submissions of the example class collected, then graded by `python -m grader autograde`."""
    course = NbgraderCourse(root, [ASSIGNMENT])
    course.run("generate_assignment", ASSIGNMENT, "--force")
    with open(course.root / "students.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "first_name", "last_name", "email"])
        writer.writerows([student, *details] for student, details in STUDENTS.items())
    course.run("db", "student", "import", "students.csv")
    for student in STUDENTS:
        shutil.copytree(CLASS / student / ASSIGNMENT, course.root / "submitted" / student / ASSIGNMENT)
        (course.root / "submitted" / student / ASSIGNMENT / "timestamp.txt").write_text("2026-12-01 10:00:00.000000 UTC")
        (course.root / "submitted" / student / ASSIGNMENT / "submission_secret.txt").write_text(f"secret{len(student)}")
    autograde_in(course.root)
    return course


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return graded_course(tmp_path_factory.mktemp("course"))


def api(course):
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    return NbGraderAPI(coursedir=CourseDirectory(root=str(course.root)))


def test_nbgraders_api_lists_every_graded_submission_with_our_scores(course):
    submissions = {s["student"]: s for s in api(course).get_submissions(ASSIGNMENT)}
    assert set(submissions) == set(STUDENTS)
    assert all(s["autograded"] and s["submitted"] for s in submissions.values())
    assert submissions["correct"]["score"] == 100
    assert submissions["untouched-release"]["score"] == 0
    assert 0 < submissions["mistake-db-without-keepdims"]["score"] < 100
    notebooks = api(course).get_notebook_submissions(ASSIGNMENT, ASSIGNMENT)
    assert {n["student"] for n in notebooks} == set(STUDENTS), "Manual Grading lists every submission"
    assert all(n["index"] is not None for n in notebooks)
    assert not any(n["needs_manual_grade"] for n in notebooks), "our automatic scores need no review"


def test_the_autograded_notebook_shows_our_result_under_each_check(course):
    import nbformat

    path = course.root / "autograded" / "mistake-db-without-keepdims" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in notebook.cells}
    report = cells["check_linear_backward"].outputs[0]["text"]
    assert report.startswith("[FAIL] linear_backward: 0 / 10")
    assert "db has shape" in report and "likely mistake" in report
    assert cells["check_linear_forward"].outputs[0]["text"].startswith("[PASS] linear_forward: 5 / 5")
    submitted = nbformat.read(CLASS / "mistake-db-without-keepdims" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    (graded,) = [c.source for c in submitted.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "linear_backward"]
    assert cells["linear_backward"].source == graded, "the exercise cell holds the code the grader ran"


def test_each_student_gets_feedback_in_the_language_of_the_notebook_they_submitted(course):
    """One class, one gradebook, two editions: the same mistake is explained in English to one
    student and in Chinese to the other, in the feedback files and in the autograded notebook."""
    import json

    import nbformat

    feedback = course.root / "autograded"  # autograde --out's default, relative to the course folder
    english = json.loads((feedback / "feedback" / "mistake-db-without-keepdims" / f"{ASSIGNMENT}.json").read_text())
    chinese = json.loads((feedback / "feedback" / CHINESE / f"{ASSIGNMENT}.json").read_text())
    assert (english["lang"], chinese["lang"]) == ("en", "zh_CN")
    assert english["score"] == chinese["score"] < 100, "the same code, the same grade"
    (item,) = [i for i in chinese["items"] if i["item"] == "linear_backward"]
    assert any("的形状是" in m for case in item["cases"] for m in case["messages"])
    page = (feedback / "feedback" / CHINESE / f"{ASSIGNMENT}.html").read_text()
    assert "可能的错误" in page and "likely mistake" not in page.lower()
    assert "Likely mistake" not in page and "likely mistake" in (
        feedback / "feedback" / "mistake-db-without-keepdims" / f"{ASSIGNMENT}.html").read_text()
    path = feedback / CHINESE / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    assert notebook.metadata["course"]["lang"] == "zh_CN", "the autograded notebook is the student's edition"
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in notebook.cells}
    assert cells["check_linear_backward"].outputs[0]["text"].startswith("[失败] linear_backward: 0 / 10")
    scores = {s["student"]: s["score"] for s in api(course).get_submissions(ASSIGNMENT)}
    assert scores[CHINESE] == scores["mistake-db-without-keepdims"], "both editions in one gradebook"


def test_names_from_the_student_list_are_kept_and_exported(course):
    students = {s["id"]: s for s in api(course).get_students()}
    assert (students["correct"]["first_name"], students["correct"]["last_name"]) == ("Ada", "Lovelace")
    course.run("export", "--to", "grades_export.csv")
    with open(course.root / "grades_export.csv") as f:
        rows = {r["student_id"]: r for r in csv.DictReader(f)}
    assert rows["correct"]["first_name"] == "Ada" and rows["correct"]["email"] == "ada@example.org"
    assert float(rows["correct"]["score"]) == 100.0


def test_manual_grades_and_comments_survive_the_next_autograde(course):
    from nbgrader.api import Gradebook

    url = f"sqlite:///{course.root / 'gradebook.db'}"
    with Gradebook(url) as gradebook:
        grade = gradebook.find_grade("check_linear_backward", ASSIGNMENT, ASSIGNMENT, "mistake-db-without-keepdims")
        grade.manual_score = 7
        comment = gradebook.find_comment("linear_backward", ASSIGNMENT, ASSIGNMENT, "mistake-db-without-keepdims")
        comment.manual_comment = "Nearly: mind the shape of db."
        gradebook.db.commit()
    autograde_in(course.root)
    autograde_in(course.root, "--regrade")
    with Gradebook(url) as gradebook:
        grade = gradebook.find_grade("check_linear_backward", ASSIGNMENT, ASSIGNMENT, "mistake-db-without-keepdims")
        assert (grade.manual_score, grade.auto_score, grade.score) == (7, 0, 7)
        assert grade.needs_manual_grade, "a grade changed by hand stays flagged for review, as nbgrader does"
        comment = gradebook.find_comment("linear_backward", ASSIGNMENT, ASSIGNMENT, "mistake-db-without-keepdims")
        assert comment.manual_comment == "Nearly: mind the shape of db."


def test_nbgrader_generate_feedback_renders_our_results(course):
    course.run("generate_feedback", ASSIGNMENT, "--force")
    page = (course.root / "feedback" / "mistake-db-without-keepdims" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "[FAIL] linear_backward" in page and "[PASS] linear_forward" in page
    assert "Nearly: mind the shape of db." in page, "the manual comment (test above) reaches the student"


def test_nbgrader_release_feedback_hands_it_out_through_the_exchange(course, tmp_path):
    course.run("generate_feedback", ASSIGNMENT, "--force")
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    course.run("release_feedback", ASSIGNMENT, f"--Exchange.root={exchange}", "--CourseDirectory.course_id=dnn")
    released = list((exchange / "dnn" / "feedback").glob("*.html"))
    assert len(released) == len(STUDENTS), released


@pytest.mark.parametrize("text", ["2026-12-01 10:00:00.000000 UTC", "2026-12-01 11:30:00.250000 +0100",
                                  "2026-12-01T10:00:00", "2026-12-01 12:00:00.000000 Europe/Paris"])
def test_a_submissions_timestamp_is_read_exactly_as_nbgrader_reads_it(text, tmp_path):
    """formgrader counts a submission as autograded only when the gradebook's time equals its own
    reading of timestamp.txt, quirks included (it reads "+0100" as 100 seconds)."""
    from nbgrader.utils import parse_utc

    from grader.records.autograded import submission_timestamp

    (tmp_path / "timestamp.txt").write_text(text)
    assert submission_timestamp(tmp_path / "notebook.ipynb") == parse_utc(text) is not None


def test_a_timestamp_that_is_not_one_is_ignored(tmp_path):
    from grader.records.autograded import submission_timestamp

    for text in ("yesterday", "9" * 500, ""):
        (tmp_path / "timestamp.txt").write_text(text)
        assert submission_timestamp(tmp_path / "notebook.ipynb") is None
    (tmp_path / "timestamp.txt").unlink()
    (tmp_path / "timestamp.txt").symlink_to("/etc/hostname")
    assert submission_timestamp(tmp_path / "notebook.ipynb") is None
