"""Do the interactive cells (dnn_utils/interactive.py) stay out of grading's way, build working
controls in a front end, draw one static figure without one, and sit in the notebooks as plain,
tagged cells without widget state?"""

import time

import ipywidgets as widgets
import matplotlib
import numpy as np
import pytest

from dnn_utils import interactive
from dnn_utils.planar_data import load_planar_dataset
from grader.grading.assignments import source_notebook
from grader.notebooks import nbgrader_meta, read
from grader.paths import REPO
from source_solutions.dnn_application import L_layer_model
from source_solutions.model import L_model_forward
from source_solutions.planar_classifier import nn_model, predict

matplotlib.use("Agg")

# Where each interactive cell goes: right after the cell it builds on.
INTERACTIVE_CELLS = {
    "dnn_application": {"train_L_layer": "explore_training(", "misclassified": "browse_pictures("},
    "planar_classifier": {"sweep": "explore_hidden_units("},
}


@pytest.fixture
def shown(monkeypatch):
    """What the interactive functions display (captured, not sent to a front end)."""
    displayed = []
    monkeypatch.setattr(interactive, "_display", lambda *objects: displayed.extend(objects))
    monkeypatch.delenv(interactive.GRADING, raising=False)
    monkeypatch.delenv(interactive.NO_FRONT_END, raising=False)
    return displayed


def _all(widget, kind):
    """Every widget of ``kind`` in the box ``widget``, depth first."""
    found = [widget] if isinstance(widget, kind) else []
    for child in getattr(widget, "children", ()):
        found += _all(child, kind)
    return found


def _control(box, description):
    (control,) = [w for w in _all(box, widgets.ValueWidget) if getattr(w, "description", None) == description]
    return control


def _run(box):
    (button,) = [b for b in _all(box, widgets.Button) if b.description == interactive.RUN]
    button.click()  # the on_click callbacks, as a press in the browser would call them
    (image,) = _all(box, widgets.Image)
    (status,) = _all(box, widgets.Label)
    return bytes(image.value), status.value


@pytest.fixture(scope="module")
def flower():
    return load_planar_dataset()


@pytest.fixture(scope="module")
def small_pictures():
    """Twenty-four random 12-by-12 "pictures" (n[0] = 432) with labels: the widgets do not care what they show."""
    rng = np.random.RandomState(0)
    return rng.rand(432, 24), (rng.rand(1, 24) > 0.5).astype(int)


def _fail(*args, **kwargs):
    raise AssertionError("nothing may train or draw while nbgrader grades")


@pytest.mark.parametrize("call", [
    lambda: interactive.explore_training(np.zeros((3, 4)), np.zeros((1, 4)), _fail),
    lambda: interactive.browse_pictures(np.zeros((3, 4)), np.zeros((1, 4)), {}, _fail),
    lambda: interactive.explore_hidden_units(np.zeros((2, 4)), np.zeros((1, 4)), _fail, _fail),
], ids=["explore_training", "browse_pictures", "explore_hidden_units"])
def test_while_nbgrader_grades_each_widget_prints_one_line_and_returns_at_once(call, shown, monkeypatch, capsys):
    monkeypatch.setenv(interactive.GRADING, "autograde")
    created = []
    monkeypatch.setattr(widgets.Widget, "_widget_construction_callback", created.append, raising=False)
    started = time.perf_counter()
    assert call() is None
    assert time.perf_counter() - started < 0.1
    assert shown == [] and created == []
    printed = capsys.readouterr().out
    assert printed.count("\n") == 1 and "skipped while grading" in printed


def test_hidden_units_run_trains_on_demand_and_the_boundary_changes_with_n_h(flower, shown):
    X, Y = flower
    trained = []

    def counting_nn_model(*args, **kwargs):
        trained.append(args[2])
        return nn_model(*args, **kwargs)

    state = np.random.get_state()
    assert interactive.explore_hidden_units(X, Y, counting_nn_model, predict) is None
    (box,) = shown
    n_h, iterations = _control(box, "n_h"), _control(box, interactive.ITERATIONS)
    assert (n_h.value, iterations.value) == (4, 5000)
    assert trained == [], "nothing trains before Run is pressed"

    n_h.value, iterations.value = 1, 1000
    assert trained == [], "moving a slider does not train"
    one_unit, status_1 = _run(box)
    n_h.value = 5
    five_units, status_5 = _run(box)
    assert trained == [1, 5]
    assert all(np.array_equal(a, b) for a, b in zip(np.random.get_state()[1:3], state[1:3])), \
        "the student's random generator is left as it was"
    assert one_unit[:8] == five_units[:8] == b"\x89PNG\r\n\x1a\n"
    assert one_unit != five_units
    accuracy_1 = np.mean(predict(nn_model(X, Y, 1, num_iterations=1000), X) == Y) * 100
    assert status_1.startswith(f"✓ {accuracy_1:.2f} %") and status_1 != status_5


def test_training_run_draws_the_cost_curve_of_the_chosen_setting_over_the_last_runs(small_pictures, shown):
    X, Y = small_pictures
    calls = []

    def recording_L_layer_model(X, Y, layers_dims, learning_rate, num_iterations):
        calls.append((X.shape, layers_dims, learning_rate, num_iterations))
        return L_layer_model(X, Y, layers_dims, learning_rate=learning_rate, num_iterations=num_iterations)

    interactive.explore_training(X, Y, recording_L_layer_model, m=16)
    (box,) = shown
    hidden, alpha = _control(box, "n[1], …, n[L-1]"), _control(box, "α")
    iterations, m = _control(box, interactive.ITERATIONS), _control(box, "m")
    assert (hidden.value, alpha.value, iterations.value, m.value) == ("20, 7, 5", 0.0075, 500, 16)
    assert alpha.options == interactive.LEARNING_RATES
    assert calls == []

    hidden.value, iterations.value = "3", 300
    first, status = _run(box)
    assert calls == [((432, 16), [432, 3, 1], 0.0075, 300)]
    expected = L_layer_model(X[:, :16], Y[:, :16], [432, 3, 1], num_iterations=300)[1]
    assert status.startswith(f"✓ J = {expected[-1]:.4f}")

    alpha.value, m.value = 0.03, 24
    second, _ = _run(box)
    assert calls[-1] == ((432, 24), [432, 3, 1], 0.03, 300)
    assert first != second and second[:4] == b"\x89PNG"

    hidden.value = "3, x"
    third, status = _run(box)
    assert len(calls) == 2 and third == second, "a wrong layer list trains nothing and keeps the figure"
    assert status.startswith("✗ ValueError") and "20, 7, 5" in status


def test_a_run_reports_an_unfinished_trainer_in_its_status(small_pictures, shown):
    def stub(*args, **kwargs):
        raise NotImplementedError()

    interactive.explore_training(*small_pictures, stub)
    image, status = _run(shown[0])
    assert image == b"" and status == "✗ NotImplementedError: "
    (button,) = _all(shown[0], widgets.Button)
    assert not button.disabled, "Run can be pressed again"


def test_browsing_shows_each_picture_with_its_probability_and_whether_it_was_right(small_pictures, shown):
    X, Y = small_pictures
    rng = np.random.RandomState(1)
    parameters = {"W1": rng.randn(1, 432) * 0.05, "b1": np.zeros((1, 1))}
    interactive.browse_pictures(X, Y, parameters, L_model_forward, image_shape=(12, 12, 3))
    (box,) = shown
    slider, (image,), (status,) = _control(box, "#"), _all(box, widgets.Image), _all(box, widgets.Label)
    previous, following = [b for b in _all(box, widgets.Button) if b.description in ("◀", "▶")]
    AL = L_model_forward(X, parameters)[0].reshape(-1)
    right = int(np.sum((AL > 0.5) == Y.reshape(-1)))
    assert (slider.min, slider.max, slider.value) == (0, 23, 0)
    assert status.value.startswith(f"{right} / 24 ✓")
    pictures = [bytes(image.value)]  # drawn at once: browsing trains nothing
    following.click()
    following.click()
    pictures.append(bytes(image.value))
    previous.click()
    pictures.append(bytes(image.value))
    assert slider.value == 1 and len(set(pictures)) == 3
    slider.value = 0
    assert bytes(image.value) == pictures[0]
    previous.click()
    assert slider.value == 0, "◀ stops at the first picture"


def _static_cases(flower, pictures):
    """(call, the status line it must print) for each widget, its defaults drawn without a front end."""
    X, Y = flower
    accuracy = np.mean(predict(nn_model(X, Y, 4, num_iterations=1000), X) == Y) * 100
    P, labels = pictures
    costs = L_layer_model(P[:, :16], labels[:, :16], [432, 3, 1], num_iterations=200)[1]
    parameters = {"W1": np.full((1, 432), 0.01), "b1": np.full((1, 1), -1.0)}
    right = int(np.sum((L_model_forward(P, parameters)[0] > 0.5) == labels))
    return {
        "explore_hidden_units": (lambda: interactive.explore_hidden_units(X, Y, nn_model, predict, num_iterations=1000),
                                 f"✓ {accuracy:.2f} %"),
        "explore_training": (lambda: interactive.explore_training(P, labels, L_layer_model, hidden="3", m=16,
                                                                  num_iterations=200), f"✓ J = {costs[-1]:.4f}"),
        "browse_pictures": (lambda: interactive.browse_pictures(P, labels, parameters, L_model_forward,
                                                                image_shape=(12, 12, 3)), f"{right} / 24 ✓"),
    }


@pytest.mark.parametrize("widget", ["explore_hidden_units", "explore_training", "browse_pictures"])
def test_without_a_front_end_each_widget_shows_its_default_figure_once(widget, flower, small_pictures, shown,
                                                                       monkeypatch, capsys):
    from IPython.display import Image

    call, status = _static_cases(flower, small_pictures)[widget]
    capsys.readouterr()
    monkeypatch.setenv(interactive.NO_FRONT_END, "1")
    created = []
    monkeypatch.setattr(widgets.Widget, "_widget_construction_callback", created.append, raising=False)
    call()
    (figure,) = shown
    assert isinstance(figure, Image) and figure.data[:4] == b"\x89PNG"
    assert capsys.readouterr().out == status + "\n"
    assert created == [], "no widget, so no widget state in an executed notebook"


def test_hidden_layers_are_read_from_a_comma_separated_list():
    assert interactive.parse_hidden_layers("20, 7, 5") == [20, 7, 5]
    assert interactive.parse_hidden_layers(" 4 ") == [4]
    assert interactive.parse_hidden_layers("") == []
    for wrong in ("20, 0", "7.5", "-3", "a, b"):
        with pytest.raises(ValueError):
            interactive.parse_hidden_layers(wrong)


def _notebooks():
    for assignment in INTERACTIVE_CELLS:
        yield source_notebook(assignment)
        yield from sorted(REPO.glob(f"release/**/{assignment}/{assignment}.ipynb"))


@pytest.mark.parametrize("path", list(_notebooks()), ids=lambda p: str(p.relative_to(REPO)))
def test_each_interactive_cell_is_plain_tagged_stateless_and_right_after_the_cell_it_builds_on(path):
    notebook = read(path)
    assert "widgets" not in notebook.metadata, "no widget state in a committed notebook"
    assignment = path.stem
    cells = notebook.cells
    tagged = [i for i, c in enumerate(cells) if "interactive" in c.metadata.get("tags", [])]
    expected = INTERACTIVE_CELLS[assignment]
    assert len(tagged) == len(expected)
    for index in tagged:
        cell = cells[index]
        assert cell.cell_type == "code" and cell.outputs == [] and not nbgrader_meta(cell)
        assert "dnn_utils.interactive" in cell.source
        previous = nbgrader_meta(cells[index - 1]).get("grade_id")
        assert previous in expected and expected[previous] in cell.source
