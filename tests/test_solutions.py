"""Do the worked solutions render every output and plot, without nbgrader's markers or hidden tests?"""

import pytest

pytestmark = pytest.mark.integration

from grader.commands.worked_solutions import render_worked_solutions
from course_figures.build import figure_tables
from grader.paths import NOTEBOOKS


def figure_table(assignment):
    """The diagrams an assignment's notebooks/<id>/figures.py draws ({} when it has none)."""
    return figure_tables(NOTEBOOKS).get(assignment, {})


@pytest.mark.parametrize("assignment, pictures", [
    ("dnn_step_by_step", 1),
    ("logistic_regression", 6),  # the training pictures, one picture, two learning curves, the misclassified, your own
    ("planar_classifier", 6),  # the data, the baseline, 4 units, the cost curve, the sweep, the extension
    pytest.param("dnn_application", 5, marks=pytest.mark.slow),  # trains both cat models
])
def test_worked_solutions_render_with_all_outputs(assignment, pictures, tmp_path):
    """Does each edition's worked solution show every diagram and data picture, its checks passing
    in its own language?"""
    english, chinese = render_worked_solutions(tmp_path, [assignment])
    diagrams = len(figure_table(assignment))
    for html_path, passed in ((english, "All checks passed."), (chinese, "全部检查通过。")):
        html = html_path.read_text()
        assert passed in html
        assert html.count("data:image/png;base64") >= pictures, "plots are embedded in the page"
        assert html.count("data:image/svg+xml;base64") >= diagrams, "the assignment's diagrams are embedded"
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "hidden_check", "Traceback"):
            assert marker not in html
    assert (tmp_path / f"{assignment}.ipynb").exists() and (tmp_path / f"{assignment}.zh_CN.ipynb").exists()
    assert "全部检查通过" not in english.read_text()
