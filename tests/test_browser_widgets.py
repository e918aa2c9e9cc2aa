"""Do the interactive cells work in a real JupyterLab, and does grading skip them?

In a copy of the planar classifier's release with the exercises solved, Chromium (driven by
Playwright, as in test_browser.py) runs the cells the widget needs and the widget cell, presses
Run, moves the n_h slider and presses Run again: the decision boundary must change, with the
accuracy the notebook's sweep reports for that n_h. In the application (with the cat data), Run
draws a cost curve, and other hidden layers typed in give another, the one L_layer_model gives.
Screenshots go to artifacts/browser/. That nbgrader's own autograde passes over every
interactive cell in well under a second is tested with its full-marks run (test_release.py).
"""

import contextlib
import shutil

import nbformat
import pytest

from grader.notebooks import nbgrader_meta
from test_browser import (  # noqa: F401 (browser is a fixture)
    REPO,
    SCREENSHOTS,
    NotebookPage,
    _cell_index,
    _log_tail,
    _solution,
    browser,
    serve_lab,
)
from test_release import interactive_cells

pytestmark = pytest.mark.integration

PLANAR, APPLICATION = "planar_classifier", "dnn_application"
NOTEBOOK = f"{PLANAR}.ipynb"
# The sweep's accuracies (5000 iterations, the widget's default), as the notebook's expected output gives them.
ACCURACY = {4: "90.50 %", 1: "67.50 %"}


def _solved_release(assignment, root):
    """release/<assignment> copied to ``root``, each exercise holding the source notebook's solution;
    returns the notebook and the indices of its exercise cells."""
    shutil.copytree(REPO / "release" / assignment, root, ignore=shutil.ignore_patterns("__pycache__"))
    notebook = nbformat.read(root / f"{assignment}.ipynb", as_version=4)
    exercises = [i for i, cell in enumerate(notebook.cells) if nbgrader_meta(cell).get("solution")]
    for index in exercises:
        notebook.cells[index].source = _solution(assignment, nbgrader_meta(notebook.cells[index])["grade_id"])
    nbformat.write(notebook, root / f"{assignment}.ipynb")
    return notebook, exercises


def _widget_parts(cell):
    """The output area of a widget cell, its Run button, its status line and its figure."""
    output = cell.locator(".jp-OutputArea")
    return (output, output.locator("button", has_text="Run / 运行"), output.locator("div.widget-label"),
            output.locator("img.widget-image"))


def _figure_after_run(lab, cell, expected_status, screenshot):
    """Press Run, wait for ``expected_status`` and the new figure; save the cell's screenshot and
    return the figure's."""
    _, run_button, status, image = _widget_parts(cell)
    run_button.click()
    lab.expect(status).to_contain_text(expected_status)
    lab.page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=image.element_handle())
    cell.scroll_into_view_if_needed()
    cell.screenshot(path=str(screenshot))
    return image.screenshot()


@pytest.mark.timeout(300)
def test_the_hidden_units_widget_redraws_the_boundary_when_n_h_changes_and_run_is_pressed(tmp_path, browser):
    from playwright.sync_api import expect

    expect.set_options(timeout=60_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {n_h: SCREENSHOTS / f"widget_hidden_units_n_h_{n_h}.png" for n_h in ACCURACY}
    failure_png = SCREENSHOTS / "widget_hidden_units_failure.png"
    for png in (*shots.values(), failure_png):
        png.unlink(missing_ok=True)
    notebook, exercises = _solved_release(PLANAR, tmp_path / PLANAR)
    (widget_index,) = interactive_cells(notebook.cells)

    for lab_server in serve_lab(tmp_path / PLANAR, tmp_path):
        with _notebook_page(lab_server, browser, NOTEBOOK, failure_png) as lab:
            for index in [_cell_index(notebook, "setup"), _cell_index(notebook, "load_data"), *exercises]:
                lab.run(index)
            cell = lab.run(widget_index)
            output, run_button, status, _ = _widget_parts(cell)
            slider = output.locator(".widget-slider", has_text="n_h")
            expect(run_button).to_be_visible()
            expect(slider.locator(".widget-readout")).to_have_text("4")

            four_units = _figure_after_run(lab, cell, f"✓ {ACCURACY[4]}", shots[4])
            slider.locator(".noUi-handle").focus()
            for _ in range(3):
                lab.page.keyboard.press("ArrowLeft")  # the slider's keyboard steps: 4 -> 1
            expect(slider.locator(".widget-readout")).to_have_text("1")
            expect(status).to_contain_text(f"✓ {ACCURACY[4]}")  # moving the slider trains nothing
            one_unit = _figure_after_run(lab, cell, f"✓ {ACCURACY[1]}", shots[1])
            assert one_unit != four_units, "the decision boundary did not change"


@pytest.mark.timeout(300)
def test_the_training_widget_draws_the_cost_curve_of_the_hidden_layers_typed_in(tmp_path, browser, cat_data):
    """In the application, Run trains the widget's default setting (a few seconds); typing other
    hidden layers and pressing Run again draws another cost curve, the one L_layer_model gives."""
    from playwright.sync_api import expect

    from source_solutions.dnn_application import L_layer_model

    expect.set_options(timeout=60_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = [SCREENSHOTS / f"widget_training_{name}.png" for name in ("20_7_5", "7")]
    failure_png = SCREENSHOTS / "widget_training_failure.png"
    for png in (*shots, failure_png):
        png.unlink(missing_ok=True)
    train_x, train_y = cat_data[:2]
    costs = {hidden: L_layer_model(train_x[:, :32], train_y[:, :32], [12288, *hidden, 1], num_iterations=500)[1]
             for hidden in [(20, 7, 5), (7,)]}  # the widget's defaults: 32 pictures, 500 iterations, α = 0.0075
    notebook, _ = _solved_release(APPLICATION, tmp_path / APPLICATION)
    widget_index = interactive_cells(notebook.cells)[0]
    needed = ["setup", "load_data", "preprocess", "L_layer_model"]

    for lab_server in serve_lab(tmp_path / APPLICATION, tmp_path):
        with _notebook_page(lab_server, browser, f"{APPLICATION}.ipynb", failure_png) as lab:
            for grade_id in needed:
                lab.run(_cell_index(notebook, grade_id))
            cell = lab.run(widget_index)
            output = _widget_parts(cell)[0]
            deep = _figure_after_run(lab, cell, f"✓ J = {costs[(20, 7, 5)][-1]:.4f}", shots[0])
            hidden = output.locator(".widget-text input")
            expect(hidden).to_have_value("20, 7, 5")
            hidden.fill("7")
            shallow = _figure_after_run(lab, cell, f"✓ J = {costs[(7,)][-1]:.4f}", shots[1])
            assert shallow != deep, "the cost curve did not change"


@contextlib.contextmanager
def _notebook_page(lab_server, browser, notebook, failure_png):
    """A NotebookPage; when the test fails in it, a screenshot and the server's log tail."""
    lab = NotebookPage(lab_server, browser, notebook)
    try:
        yield lab
    except BaseException:
        lab.page.screenshot(path=str(failure_png))
        print(f"jupyter lab log tail:\n{_log_tail(lab_server.log)}")
        raise
    finally:
        lab.close()


