"""Does the grader take submissions in every documented form, refuse unsafe ones clearly, and do
its commands work as the README says?"""

import csv
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from grader.errors import UserError
from grader.commands.autograde import AutogradeOptions, autograde
from grader.grading.ingest import find_submissions, read_graded_code, safe_student_id, said
from grader.paths import REPO
from grader.grading.assignments import load_spec

CLASS = REPO / "examples" / "class" / "dnn_step_by_step"
STEP = "dnn_step_by_step"
FEW = ("correct", "mistake-db-without-keepdims", "broken-empty-file")


def grade(submitted, out, assignment=STEP):
    options = AutogradeOptions(assignment=assignment, out=out, db_url=None, jobs=2, timeout=10, seed=3, progress=False)
    autograde(submitted, options)
    with open(out / "grades.csv") as f:
        return {(r["student_id"], r["item"]): (r["score"], r["status"]) for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def few(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    for student in FEW:
        shutil.copytree(CLASS / student, folder / student)
    return folder, grade(folder, tmp_path_factory.mktemp("out"))


def test_a_zip_of_the_class_grades_like_the_folder(few, tmp_path):
    folder, expected = few
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in folder.rglob("*.ipynb"):
            z.write(path, "submitted/" + str(path.relative_to(folder)))
    assert grade(archive, tmp_path / "out") == expected


def test_a_folder_of_notebooks_named_by_student_grades_the_same(few, tmp_path):
    _, expected = few
    flat = tmp_path / "flat"
    flat.mkdir()
    for student in FEW:
        shutil.copy(CLASS / student / STEP / f"{STEP}.ipynb", flat / f"{student}.ipynb")
    assert grade(flat, tmp_path / "out") == expected


def test_a_zip_that_escapes_its_folder_is_refused(tmp_path):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("../../etc/cron.d/evil", "boom")
    with pytest.raises(UserError, match="unsafe path"):
        find_submissions(archive, STEP, f"{STEP}.ipynb")


def test_unsafe_student_ids_are_cleaned_and_reported(tmp_path):
    (tmp_path / "bad name;rm -rf").mkdir()
    shutil.copy(CLASS / "correct" / STEP / f"{STEP}.ipynb", tmp_path / "bad name;rm -rf" / f"{STEP}.ipynb")
    (submission,), cleanup = find_submissions(tmp_path, STEP, f"{STEP}.ipynb")
    cleanup()
    assert submission.student_id == safe_student_id("bad name;rm -rf") == "bad_name_rm_-rf"
    assert any("not a safe name" in said(m) for m in submission.messages)


def test_graded_functions_are_found_by_definition_when_metadata_is_gone():
    path = CLASS / "damaged-metadata-stripped-and-checks-emptied" / STEP / f"{STEP}.ipynb"
    code = read_graded_code(path, load_spec(STEP).functions)
    assert set(code.found) == set(load_spec(STEP).functions) and set(code.found.values()) == {"definition"}


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=REPO, capture_output=True, text=True, timeout=300)


def test_check_command_passes_a_correct_notebook_and_names_a_mistake():
    good = run_cli("check", str(CLASS / "correct" / STEP / f"{STEP}.ipynb"))
    assert good.returncode == 0, good.stderr
    assert "100 / 100" in good.stdout and "[PASS] update_parameters" in good.stdout
    bad = run_cli("check", str(CLASS / "mistake-db-without-keepdims" / STEP / f"{STEP}.ipynb"))
    assert bad.returncode == 1
    assert "[FAIL] linear_backward" in bad.stdout and "likely mistake: db without keepdims" in bad.stdout


def test_check_reports_in_chinese_on_a_notebook_of_the_chinese_edition():
    """The same mistake, written in the Chinese edition's notebook: the report is in Chinese and
    names the mistake by its Chinese title; --lang en forces English."""
    from testCases.dnn_step_by_step import ASSIGNMENT

    path = CLASS / "zh-mistake-db-without-keepdims" / STEP / f"{STEP}.ipynb"  # examples/scenarios: Edition("zh_CN", ...)
    title, _ = ASSIGNMENT.translations.MISTAKES["linear_backward", "db_without_keepdims"]
    chinese = run_cli("check", str(path))
    assert chinese.returncode == 1, chinese.stderr
    assert "[失败] linear_backward" in chinese.stdout and f"可能的错误：{title}" in chinese.stdout
    assert "likely mistake" not in chinese.stdout
    forced = run_cli("check", str(path), "--lang", "en")
    assert "likely mistake: db without keepdims" in forced.stdout


def test_check_works_on_a_notebook_inside_the_release_folder():
    """A self-learner checks the release's own notebook where it lies: the sandbox sees that
    folder, which is fine for one's own notebook."""
    result = run_cli("check", str(REPO / "release" / STEP / f"{STEP}.ipynb"))
    assert result.returncode == 1 and "not implemented yet" in result.stdout, result.stderr


def test_ids_keep_letters_of_any_script_and_never_start_a_formula():
    assert safe_student_id("张三") == "张三" and safe_student_id("José") == "José"
    assert safe_student_id("=cmd|' /C calc'!A0") == "cmd____C_calc__A0"
    assert safe_student_id("+1") == "1" and safe_student_id("@SUM(A1)") == "SUM_A1_"
    assert safe_student_id("..") == "unnamed" and safe_student_id("a/b") == "a_b"
    assert safe_student_id("alice\n") == "alice_"  # a trailing newline is not a safe name
    assert len(safe_student_id("\uFA6C" * 85).encode()) <= 128  # NFC makes it longer in bytes


def test_ids_equal_but_for_case_are_refused_for_both(tmp_path):
    for name in ("Bob", "bob"):
        (tmp_path / name / STEP).mkdir(parents=True)
        shutil.copy(CLASS / "correct" / STEP / f"{STEP}.ipynb", tmp_path / name / STEP)
    submissions, cleanup = find_submissions(tmp_path, STEP, f"{STEP}.ipynb")
    cleanup()
    assert [s.student_id for s in submissions] == ["Bob", "bob"]
    assert all(s.refused and "'Bob', 'bob'" in said(s.refused) for s in submissions)


def test_commands_report_bad_input_without_a_traceback(tmp_path):
    missing = run_cli("autograde", str(tmp_path / "nowhere"), "--assignment", STEP, "--out", str(tmp_path / "o"))
    assert missing.returncode == 2 and "neither a folder nor a zip" in missing.stderr and "Traceback" not in missing.stderr
    unknown = run_cli("autograde", str(CLASS), "--assignment", "no_such_assignment", "--out", str(tmp_path / "o"))
    assert unknown.returncode == 2 and "unknown assignment" in unknown.stderr


def test_submissions_inside_what_sandboxes_see_are_refused_before_anything_is_written(tmp_path):
    """Sandboxes see the release folder: submissions kept inside it would be visible to every
    student's code, so the grader refuses to start."""
    from grader.sandbox import SandboxUnavailable

    release = tmp_path / "release"
    shutil.copytree(REPO / "release" / STEP, release)
    submitted = release / "submitted"
    shutil.copytree(CLASS / "correct", submitted / "correct")
    out = tmp_path / "out"
    options = AutogradeOptions(assignment=STEP, out=out, db_url=None, jobs=1, timeout=10, seed=3, progress=False,
                               template=release)
    with pytest.raises(SandboxUnavailable, match="must be hidden from student code"):
        autograde(submitted, options)
    assert not out.exists(), "nothing written"


def test_the_application_is_graded_in_the_sandbox_too(tmp_path):
    submitted = tmp_path / "submitted"
    for student, notebook in (("solution", REPO / "notebooks" / "dnn_application" / "dnn_application.ipynb"),
                              ("untouched", REPO / "release" / "dnn_application" / "dnn_application.ipynb")):
        (submitted / student / "dnn_application").mkdir(parents=True)
        shutil.copy(notebook, submitted / student / "dnn_application" / notebook.name)
    grades = grade(submitted, tmp_path / "out", "dnn_application")
    assert grades == {
        ("solution", "two_layer_model"): ("50", "passed"), ("solution", "L_layer_model"): ("50", "passed"),
        ("untouched", "two_layer_model"): ("0", "error"), ("untouched", "L_layer_model"): ("0", "error"),
    }


def test_imports_and_names_of_the_cells_the_grader_does_not_run():
    """Are the top-level imports of the other cells kept (magics and syntax errors tolerated, imports
    inside functions or ifs left alone), and the names those cells bind known?"""
    from grader.grading.ingest import imports_and_names

    cells = [
        "%matplotlib inline\nimport copy\nfrom numpy import (\n    zeros,\n    ones as one)\nX = 3\n",
        "def helper():\n    import os\n    return 1\nif True:\n    import sys\n",
        "this is not python (\n",
        "import copy\nY: int = 2\nfor_ever, Z = 1, 2\n",
    ]
    imports, names = imports_and_names(cells)
    assert imports == ["import copy", "from numpy import (\n    zeros,\n    ones as one)"]
    assert {"copy", "zeros", "one", "X", "helper", "Y", "for_ever", "Z"} <= names and "os" not in names
