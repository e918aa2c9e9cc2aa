"""Direct tests of grader/records/: the student's feedback (text, HTML, JSON, the files), the
grader's own record and grades.csv, the gradebook URL masking and the grade table."""

import csv
import json

import numpy as np
import pytest

from grader.grading.grade import CaseOutcome, ItemResult, SubmissionResult
from grader.records import feedback
from grader.records.feedback import as_html, as_json, as_text, write_feedback, write_feedback_safely
from grader.records.gradebook import mask_password
from grader.records.store import ResultStore, spreadsheet_safe, write_csv
from grader.records.tables import grade_table

SHAPE = "db has shape (3,), expected (3, 1) (an axis was dropped: a sum or mean without keepdims=True?)"
GENERIC_HINT = "Sum dZ over the examples (axis=1) with keepdims=True so db is (n[l], 1)."
MISTAKE_HINT = "Summing over the examples drops that axis unless you keep it."


def a_result(student_id="alice", message="x", printed="", mistakes=(), hints=(GENERIC_HINT,)):
    """A hand-built result: linear_backward fails two hidden cases and one public case with
    the same message; compute_cost passes."""
    failing = [
        CaseOutcome("course", "the course's fixture", False, False, hidden=False, messages=[SHAPE]),
        # Names say nothing: the `hidden` field decides how a case is labelled.
        CaseOutcome("hidden_1", "looks hidden, is public", True, False, hidden=False, messages=[SHAPE]),
        CaseOutcome("sneaky", "3 units, 2 inputs", True, False, hidden=True, messages=[SHAPE, message],
                    differences=[{"where": "db", "kind": "values", "max_abs_error": float("nan"),
                                  "max_rel_error": float("inf"), "first_indices": [(0, 1)],
                                  "mismatched": np.int64(2), "total": np.float64(3.0)}]),
    ]
    passing = CaseOutcome("hidden_2", "fine", True, True, hidden=True)
    items = [
        ItemResult("linear_backward", 10, 3.33, "failed", cases=[*failing, passing], hints=list(hints),
                   mistakes=list(mistakes), messages=["a note on linear_backward"], printed=printed, printed_case="hidden_1" if printed else ""),
        ItemResult("compute_cost", 10, 10.0, "passed", cases=[CaseOutcome("hidden_1", "ok", True, True, hidden=True)],
                   hints=["never shown for a passed item"]),
    ]
    return SubmissionResult(student_id, "dnn_step_by_step", 1234, "0" * 64, items, ["a submission note"], 1.5)


MISTAKE = {"id": "db_without_keepdims", "title": "db without keepdims", "hint": MISTAKE_HINT}


# ---------------------------------------------------------------------------------------------
# as_text
# ---------------------------------------------------------------------------------------------


def test_does_the_text_group_a_shared_message_once_with_its_cases():
    text = as_text(a_result())
    assert text.count(SHAPE) == 1
    assert f"    - {SHAPE} (cases course, hidden_1, sneaky)" in text
    assert "    - x (case sneaky)" in text
    assert text.splitlines()[0] == "dnn_step_by_step for alice: 13.33 / 20 (hidden cases seed 1234)"
    assert "  note: a submission note" in text and "note: a note on linear_backward" in text
    assert "[FAIL] linear_backward: 3.33 / 10" in text and "[PASS] compute_cost: 10 / 10" in text


def test_does_the_text_say_every_case_when_all_cases_failed_alike():
    result = a_result()
    item = result.items[0]
    item.cases = item.cases[:2]
    assert f"- {SHAPE} (every case)" in as_text(result)


def test_are_cases_labelled_hidden_or_public_by_their_hidden_field_not_their_name():
    for text in (as_text(a_result()), as_html(a_result())):
        assert "public case hidden_1" in text.replace("<code>", "").replace("</code>", "")
        assert "hidden case sneaky" in text.replace("<code>", "").replace("</code>", "")
        assert "hidden case hidden_1" not in text.replace("<code>", "").replace("</code>", "")
        assert "public case course" in text.replace("<code>", "").replace("</code>", "")


def test_does_a_named_mistake_replace_the_generic_hints_in_text_and_html():
    result = a_result(mistakes=[MISTAKE])
    text, page = as_text(result), as_html(result)
    assert "likely mistake: db without keepdims" in text and f"hint: {MISTAKE_HINT}" in text
    assert GENERIC_HINT not in text and GENERIC_HINT not in page
    assert "likely mistake: <b>db without keepdims</b>" in page and MISTAKE_HINT in page


def test_are_generic_hints_shown_when_no_mistake_is_named_and_never_for_a_passed_item():
    result = a_result(hints=[GENERIC_HINT, "second hint", "third hint"])
    text, page = as_text(result), as_html(result)
    assert f"    hint: {GENERIC_HINT}" in text and "    hint: second hint" in text
    assert "third hint" not in text and "third hint" not in page  # two at most
    assert "never shown for a passed item" not in text and "never shown for a passed item" not in page
    assert GENERIC_HINT in page


def test_does_the_text_show_what_the_function_printed_as_quoted_lines():
    text = as_text(a_result(printed="line one\nline two\n"))
    assert "      linear_backward printed (case hidden_1):\n        | line one\n        | line two\n" in text


# ---------------------------------------------------------------------------------------------
# as_html
# ---------------------------------------------------------------------------------------------


def test_does_the_html_escape_a_hostile_student_id_message_and_printed_output():
    hostile = "<script>alert(1)</script>"
    page = as_html(a_result(student_id=hostile, message=f"bad {hostile}", printed=f"<img src=x onerror=alert(2)>\n"))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert page.count("&lt;script&gt;") == 3  # title, heading, message


def test_does_the_html_group_messages_with_their_cases():
    page = as_html(a_result())
    assert page.count(SHAPE) == 1
    assert "(cases course, hidden_1, sneaky)" in page


# ---------------------------------------------------------------------------------------------
# as_json
# ---------------------------------------------------------------------------------------------


def refuse_constant(name):
    raise AssertionError(f"non-standard JSON constant {name}")


def test_is_the_json_standard_with_no_nan_or_infinity_and_plain_numbers():
    text = as_json(a_result())
    assert "NaN" not in text and "Infinity" not in text
    data = json.loads(text, parse_constant=refuse_constant)
    assert data["score"] == 13.33 and data["max_score"] == 20
    (difference,) = data["items"][0]["cases"][2]["differences"]
    assert difference["max_abs_error"] is None and difference["max_rel_error"] is None
    assert difference["mismatched"] == 2 and difference["total"] == 3.0
    assert difference["first_indices"] == [[0, 1]]
    assert data["items"][0]["cases"][2]["hidden"] is True and data["items"][0]["cases"][1]["hidden"] is False


# ---------------------------------------------------------------------------------------------
# write_feedback / write_feedback_safely
# ---------------------------------------------------------------------------------------------


def test_does_write_feedback_write_the_json_and_html_of_the_student(tmp_path):
    result = a_result()
    write_feedback(tmp_path, result)
    folder = tmp_path / "feedback" / "alice"
    assert sorted(p.name for p in folder.iterdir()) == ["dnn_step_by_step.html", "dnn_step_by_step.json"]
    assert json.loads((folder / "dnn_step_by_step.json").read_text()) == json.loads(as_json(result))
    assert (folder / "dnn_step_by_step.html").read_text() == as_html(result)


def test_does_oversized_feedback_fall_back_to_the_scores_only(tmp_path):
    result = a_result(printed="y" * (feedback.MAX_FEEDBACK_CHARS + 10))
    write_feedback(tmp_path, result)
    data = json.loads((tmp_path / "feedback" / "alice" / "dnn_step_by_step.json").read_text())
    assert data["messages"][-1].startswith("the details of this feedback were too long to keep")
    assert "a submission note" in data["messages"]
    assert [(i["item"], i["score"], i["status"], i["cases"], i["printed"]) for i in data["items"]] == [
        ("linear_backward", 3.33, "failed", [], ""), ("compute_cost", 10.0, "passed", [], "")]
    page = (tmp_path / "feedback" / "alice" / "dnn_step_by_step.html").read_text()
    assert len(page) < 10_000 and "yyyy" not in page and "too long to keep" in page


def test_does_write_feedback_safely_fall_back_to_the_scores_when_the_details_fail(tmp_path, monkeypatch):
    real_as_html = feedback.as_html

    def as_html_failing_on_details(result):
        if any(item.cases for item in result.items):
            raise RuntimeError("cannot render")
        return real_as_html(result)

    monkeypatch.setattr(feedback, "as_html", as_html_failing_on_details)
    result = a_result()
    assert write_feedback_safely(tmp_path, result) is result
    data = json.loads((tmp_path / "feedback" / "alice" / "dnn_step_by_step.json").read_text())
    assert data["messages"][-1] == ("the grader could not write the details of this feedback (RuntimeError); "
                                    "please report it")
    assert all(item["cases"] == [] for item in data["items"]) and data["score"] == 13.33


def test_does_write_feedback_safely_only_warn_when_nothing_can_be_written(tmp_path, monkeypatch, capsys):
    def failing(result):
        raise OSError("disk full")

    monkeypatch.setattr(feedback, "as_html", failing)
    result = a_result()
    assert write_feedback_safely(tmp_path, result) is result
    assert "warning: no feedback written for 'alice': OSError: disk full" in capsys.readouterr().err
    assert not (tmp_path / "feedback").exists()


# ---------------------------------------------------------------------------------------------
# store: ResultStore and grades.csv
# ---------------------------------------------------------------------------------------------


def test_does_the_store_round_trip_a_result_and_replace_it_on_regrading(tmp_path):
    store = ResultStore(tmp_path / "state" / "record.sqlite")
    try:
        result = a_result()
        assert store.graded("dnn_step_by_step", "alice", result.sha256) is None
        store.save(result)
        assert store.graded("dnn_step_by_step", "alice", result.sha256) == 1234
        assert store.graded("dnn_step_by_step", "alice", "1" * 64) is None  # another notebook
        assert store.graded("dnn_application", "alice", result.sha256) is None
        assert store.rows("dnn_step_by_step") == [
            ("alice", "dnn_step_by_step", "linear_backward", 3.33, 10.0, "failed"),
            ("alice", "dnn_step_by_step", "compute_cost", 10.0, 10.0, "passed"),
        ]
        again = a_result()
        again.items = again.items[:1]
        again.items[0].score, again.items[0].status = 10.0, "passed"
        again.seed, again.sha256 = 99, "2" * 64
        store.save(again)
        assert store.rows("dnn_step_by_step") == [("alice", "dnn_step_by_step", "linear_backward", 10.0, 10.0, "passed")]
        assert store.graded("dnn_step_by_step", "alice", "2" * 64) == 99
        assert store.graded("dnn_step_by_step", "alice", result.sha256) is None
    finally:
        store.close()


def test_does_the_store_keep_results_across_reopening(tmp_path):
    path = tmp_path / "record.sqlite"
    store = ResultStore(path)
    store.save(a_result(student_id="bob"))
    store.close()
    reopened = ResultStore(path)
    try:
        assert [row[0] for row in reopened.rows("dnn_step_by_step")] == ["bob", "bob"]
    finally:
        reopened.close()


def test_does_write_csv_neutralise_spreadsheet_formulas(tmp_path):
    rows = [("=cmd|' /C calc'!A0", "dnn_step_by_step", "+item", 3.5, 10.0, "failed"),
            ("@SUM(1)", "-x", "linear_forward", 10.0, 10.0, "passed"),
            ("alice", "dnn_step_by_step", "compute_cost", 0.0, 10.0, "missing")]
    write_csv(tmp_path / "grades.csv", rows)
    with open(tmp_path / "grades.csv", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == ["student_id", "assignment", "item", "score", "max_score", "status"]
    assert table[1] == ["'=cmd|' /C calc'!A0", "dnn_step_by_step", "'+item", "3.5", "10", "failed"]
    assert table[2] == ["'@SUM(1)", "'-x", "linear_forward", "10", "10", "passed"]
    assert table[3] == ["alice", "dnn_step_by_step", "compute_cost", "0", "10", "missing"]


@pytest.mark.parametrize("text, safe", [
    ("=1+1", "'=1+1"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("alice", "alice"), ("a=b", "a=b"), ("", ""),
])
def test_does_spreadsheet_safe_prefix_only_what_would_start_a_formula(text, safe):
    assert spreadsheet_safe(text) == safe


# ---------------------------------------------------------------------------------------------
# gradebook.mask_password
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, masked", [
    ("postgresql://grader:s3cret@db.example:5432/grades", "postgresql://grader:***@db.example:5432/grades"),
    ("postgresql+psycopg2://u:p%40ss@h/db", "postgresql+psycopg2://u:***@h/db"),
    ("postgresql://:only-password@h/db", "postgresql://:***@h/db"),
    ("postgresql://grader@db.example:5432/grades", "postgresql://grader@db.example:5432/grades"),
    ("postgresql://db.example:5432/grades", "postgresql://db.example:5432/grades"),
    ("sqlite:////tmp/gradebook.db", "sqlite:////tmp/gradebook.db"),
    ("could not connect to postgresql://u:hunter2@h/db (timeout); also mysql://r:t0p@h2/x.",
     "could not connect to postgresql://u:***@h/db (timeout); also mysql://r:***@h2/x."),
])
def test_does_mask_password_hide_every_password_and_nothing_else(text, masked):
    assert mask_password(text) == masked


def test_does_mask_password_accept_an_exception():
    assert mask_password(ValueError("postgresql://u:pw@h/db refused")) == "postgresql://u:***@h/db refused"


# ---------------------------------------------------------------------------------------------
# tables.grade_table
# ---------------------------------------------------------------------------------------------


def test_does_the_grade_table_give_a_line_per_student_with_statuses_and_totals():
    rows = [
        ("bob", "a", "linear_forward", 5.0, 5.0, "passed"),
        ("bob", "a", "compute_cost", 2.5, 10.0, "failed"),
        ("alice", "a", "linear_forward", 0.0, 5.0, "timeout"),
    ]
    lines = grade_table(rows, ["linear_forward", "compute_cost"]).splitlines()
    assert lines[0].split() == ["student", "linear_for", "compute_co", "total"]
    assert [line.split()[0] for line in lines[1:]] == ["alice", "bob"]  # sorted
    assert lines[1].split() == ["alice", "0", "time", "0", "miss", "0/5"]  # compute_cost missing: 0 of 0
    assert lines[2].split() == ["bob", "5", "2.5", "fail", "7.5/15"]
    assert len(lines[1]) == len(lines[2]) == len(lines[0])  # totals right-aligned under "total"


def test_is_a_long_student_id_clipped_so_the_columns_stay_aligned():
    rows = [("s" * 40, "a", "f", 1.0, 1.0, "passed"), ("t", "a", "f", 1.0, 1.0, "passed")]
    lines = grade_table(rows, ["f"]).splitlines()
    assert lines[1].startswith("s" * 23 + " ") and len(lines[1]) == len(lines[2])


def test_is_an_empty_class_only_the_header():
    assert grade_table([], ["f"]).splitlines() == [f"{'student':<24}{'f':>11}{'total':>9}"]


def test_does_a_check_of_public_cases_say_so_instead_of_a_hidden_seed():
    """`python -m grader check` runs the public cases only: its report must not speak of a seed."""
    from grader.grading.grade import CaseOutcome, ItemResult, SubmissionResult

    item = ItemResult("linear_forward", 5, 5, "passed", cases=[CaseOutcome("course", "the course's", True, True)])
    result = SubmissionResult("me", "dnn_step_by_step", 0, "0" * 64, [item], [])
    assert as_text(result).splitlines()[0] == "dnn_step_by_step for me: 5 / 5 (public cases)"


def test_the_autograded_notebook_holds_the_graded_code_and_only_our_cells(tmp_path):
    """The notebook formgrader shows is the release's, with the cell the grader chose for each
    function (the last definition wins, as in grading) and our result under each check cell; a
    student's own cells, outputs and metadata are not carried over, and an unreadable or linked
    notebook gives the release's stubs."""
    import nbformat

    from grader.paths import REPO
    from grader.records.autograded import autograded_notebook, graded_sources

    release = REPO / "release" / "dnn_step_by_step" / "dnn_step_by_step.ipynb"
    submitted = nbformat.read(release, as_version=4)
    forward = next(c for c in submitted.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "linear_forward")
    forward.source = "def linear_forward(A, W, b):\n    return W @ A + b, (A, W, b)"
    submitted.cells.append(nbformat.v4.new_code_cell("def linear_forward(A, W, b):\n    return 'last one'",
                                                     outputs=[nbformat.v4.new_output("stream", text="planted")]))
    submitted.cells.append(nbformat.v4.new_markdown_cell("<script>alert(1)</script>"))
    path = tmp_path / "submitted.ipynb"
    nbformat.write(submitted, path)

    sources = graded_sources(path, ["linear_forward", "compute_cost"])
    assert sources["linear_forward"].endswith("return 'last one'") and "raise NotImplementedError" in sources["compute_cost"]
    feedback = {"items": [{"item": "linear_forward", "score": 0, "max_score": 5, "status": "failed",
                           "mistakes": [], "messages": [], "cases": []}]}
    notebook = autograded_notebook(release, sources, feedback)
    text = json.dumps(notebook)
    assert "planted" not in text and "<script>" not in text and len(notebook.cells) == len(nbformat.read(release, 4).cells)
    check = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "check_linear_forward")
    assert check.outputs[0]["text"].startswith("[FAIL] linear_forward: 0 / 5")

    link = tmp_path / "linked.ipynb"
    link.symlink_to(path)
    assert graded_sources(link, ["linear_forward"]) == {} and graded_sources(None, ["linear_forward"]) == {}


def test_does_the_feedback_page_map_the_wrong_entries_of_a_small_matrix_as_the_check_cell_does():
    """The comparison records which entries of a small 2-D output differ; the page draws them
    red (the others green), with the check cells' own entry map (testCases.rich.entry_map)."""
    from dnn_utils.compare import compare

    actual, expected = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), np.array([[1.0, 2.5, 3.0], [4.0, 5.0, 7.0]])
    (difference,) = compare(actual, expected, name="dW")
    assert difference.wrong_map == ["010", "001"]
    assert compare(np.zeros((13, 2)), np.ones((13, 2)), name="W")[0].wrong_map is None, "too big for a map"
    result = a_result()
    result.items[0].cases[0].differences = [difference.as_dict()]
    page = as_html(result)
    table = page[page.index("Which entries of <code>dW</code> differ"):]
    table = table[:table.index("</table>")]
    assert table.count("rgba(207,34,46") == 2 and table.count("rgba(26,127,55") == 4
    assert "Which entries" not in as_html(a_result()), "no map without one"


def test_does_the_autograded_check_output_speak_the_feedbacks_language_and_stop_at_its_line_limit():
    """records.autograded.check_output: the feedback page's own first line (feedback.score_line),
    and past MAX_LINES one line, in the current language, saying how many more the page holds."""
    from dnn_utils.i18n import speaking
    from grader.records.autograded import MAX_LINES, check_output

    item = {"item": "linear_backward", "status": "failed", "score": 0, "max_score": 10, "cases": [],
            "messages": [f"note {i}" for i in range(MAX_LINES + 5)]}
    english = check_output(item).splitlines()
    assert english[0] == "[FAIL] linear_backward: 0 / 10 (python -m grader autograde)"
    assert len(english) == MAX_LINES + 1 and english[-1] == "... 6 more lines in the feedback page"
    with speaking("zh_CN"):
        chinese = check_output(item).splitlines()
    assert chinese[0].startswith("[失败] linear_backward: 0 / 10") and chinese[-1] == "……还有 6 行，见反馈页面"
