"""Do the worked solutions render every output and plot, without nbgrader's markers or hidden tests?"""

import pytest

pytestmark = pytest.mark.integration

from grader.commands.worked_solutions import render_worked_solutions


@pytest.mark.parametrize("assignment, pictures", [
    ("dnn_step_by_step", 1),
    ("logistic_regression", 5),  # a picture, two learning curves, the misclassified, your own
    ("planar_classifier", 6),  # the data, the baseline, 4 units, the cost curve, the sweep, the extension
    pytest.param("dnn_application", 5, marks=pytest.mark.slow),  # trains both cat models
])
def test_worked_solutions_render_with_all_outputs(assignment, pictures, tmp_path):
    (html_path,) = render_worked_solutions(tmp_path, [assignment])
    html = html_path.read_text()
    assert "All checks passed." in html
    assert html.count("data:image/png;base64") >= pictures, "plots are embedded in the page"
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "hidden_check", "Traceback"):
        assert marker not in html
    assert (tmp_path / f"{assignment}.ipynb").exists()
