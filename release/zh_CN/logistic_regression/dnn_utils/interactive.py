"""Interactive cells (not graded): controls that run a small experiment on demand and show its figure.

Each function takes what it needs from the notebook (the data, the trained ``parameters``, the
functions the student wrote) and displays itself. What it shows is drawn by the helpers of
``dnn_utils.plots`` and labelled with symbols and numbers, or in both languages, so one code cell
serves both editions. Three situations:

- a live front end (JupyterLab): controls, a Run button where the experiment trains a network
  (never on every slider move), the figure and a one-line status;
- ``NBGRADER_EXECUTION`` set (nbgrader is executing the notebook to grade it): one short line and
  nothing else, at once;
- ``DNN_NO_FRONT_END`` set (``grader.notebooks.execute``: worked solutions, tests; nobody is there
  to press a button): the figure of the default setting, drawn once, and no widget state.

The experiments train with the functions the notebook passes in, never with a training loop of
their own: this package is shipped to every assignment, and such a loop is an exercise's answer.
"""

import io
import os
import time

import numpy as np

GRADING = "NBGRADER_EXECUTION"
NO_FRONT_END = "DNN_NO_FRONT_END"
RUN = "Run / 运行"
ITERATIONS = "iterations / 迭代次数"
# Exact values to choose from (a log slider would round the course's 0.0075 to its grid).
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.0075, 0.01, 0.03, 0.1, 0.3)


def _display(*objects):
    from IPython.display import display

    display(*objects)


def _skipped(name):
    """True (after one short line) while nbgrader grades: an interactive cell costs grading nothing."""
    if os.environ.get(GRADING):
        print(f"{name}: interactive, skipped while grading / 交互单元，评分时跳过")
        return True
    return False


def _png(figure):
    """The figure as PNG bytes; the figure is closed, so the inline backend does not show it again."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return buffer.getvalue()


def _present(draw, defaults, make_controls, run_button=True):
    """Show ``draw(**values)`` -> (png, status) for the values of the controls.

    ``make_controls(widgets)`` -> ({name in defaults: control}, more widgets for the same row),
    called only in a front end. With ``run_button`` the figure is drawn when Run is pressed, else
    whenever a control changes. Without a front end, ``draw(**defaults)`` once, as a plain image,
    and no widget at all. Returns None, so that a cell ending with the call shows nothing twice.
    """
    if os.environ.get(NO_FRONT_END):
        from IPython.display import Image

        png, status = draw(**defaults)
        _display(Image(data=png, format="png"))
        print(status)
        return

    import ipywidgets as widgets

    controls, extra = make_controls(widgets)
    for name, control in controls.items():
        control.value = defaults[name]
    image = widgets.Image(format="png", layout={"align_self": "flex-start"})  # its own size, not the row's
    status = widgets.Label()
    button = widgets.Button(description=RUN, button_style="primary", icon="play")

    def update(_=None):
        button.disabled, status.value = True, "⏳"
        started = time.perf_counter()
        try:
            png, note = draw(**{name: control.value for name, control in controls.items()})
        except Exception as error:  # a callback's exception would only reach the kernel's log
            status.value = f"✗ {type(error).__name__}: {error}"[:160]
        else:
            image.value, status.value = png, f"{note}   ({time.perf_counter() - started:.1f} s)"
        finally:
            button.disabled = False

    rows = [widgets.HBox(list(controls.values()) + list(extra))]
    if run_button:
        button.on_click(update)
        rows.append(widgets.HBox([button, status]))
    else:
        for control in controls.values():
            control.observe(update, names="value")
        rows.append(status)
        update()
    _display(widgets.VBox(rows + [image]))


def _keeping_random_state(function, *args, **kwargs):
    """Call function, then put numpy's global random generator back as it was (the trainers seed it)."""
    state = np.random.get_state()
    try:
        return function(*args, **kwargs)
    finally:
        np.random.set_state(state)


def parse_hidden_layers(text):
    """"20, 7, 5" -> [20, 7, 5]: the sizes of the hidden layers, positive integers ("" for none)."""
    sizes = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if not all(part.isdigit() and int(part) > 0 for part in sizes):
        raise ValueError(f"{text!r}: positive integers, e.g. 20, 7, 5 / 正整数，例如 20, 7, 5")
    return [int(part) for part in sizes]


def explore_training(X, Y, train, hidden="20, 7, 5", learning_rate=0.0075, num_iterations=500, m=32):
    """Choose α, the number of iterations, the hidden layers' sizes and the number m of training
    pictures; Run trains ``train`` on the first m columns and draws its cost curve over the
    previous runs' curves.

    X: (n[0], m_train); Y: (1, m_train); train: ``L_layer_model(X, Y, layers_dims, learning_rate,
    num_iterations)`` -> (parameters, costs every 100 iterations). The defaults take a few seconds.
    """
    if _skipped("explore_training"):
        return

    def make_controls(widgets):
        wide = {"description_width": "initial"}
        return {
            "hidden": widgets.Text(description="n[1], …, n[L-1]", style=wide, layout={"width": "230px"}),
            "learning_rate": widgets.SelectionSlider(description="α", options=LEARNING_RATES),
            "num_iterations": widgets.IntSlider(description=ITERATIONS, min=100, max=2500, step=100, style=wide),
            "m": widgets.IntSlider(description="m", min=8, max=X.shape[1], step=8),
        }, []

    defaults = {"hidden": hidden, "learning_rate": learning_rate, "num_iterations": num_iterations, "m": m}
    runs = []

    def draw(hidden, learning_rate, num_iterations, m):
        from .plots import plot_costs

        layers_dims = [X.shape[0], *parse_hidden_layers(hidden), 1]
        _, costs = _keeping_random_state(train, X[:, :m], Y[:, :m], layers_dims,
                                         learning_rate=learning_rate, num_iterations=num_iterations)
        label = f"α = {learning_rate:.4g}, {layers_dims}, m = {m}"
        figure = plot_costs(costs, learning_rate, every=100, title=label)
        axes = figure.axes[0]
        for previous_label, previous in runs[-3:]:
            axes.plot(np.arange(len(previous)) * 100, previous, color="0.7", linestyle="--", label=previous_label)
        axes.lines[0].set_label(label)
        axes.legend(fontsize=7)
        runs.append((label, costs))
        return _png(figure), f"✓ J = {costs[-1]:.4f}"

    _present(draw, defaults, make_controls)


def browse_pictures(X, Y, parameters, forward, index=0, image_shape=(64, 64, 3)):
    """Browse the pictures of X (slider, ◀ and ▶) with the model's probability ŷ of "cat", its
    answer and whether it was right (✓/✗).

    X: (n[0], m) pictures scaled to [0, 1]; Y: (1, m) labels; parameters: the trained network;
    forward: ``L_model_forward(X, parameters)`` -> (AL, caches), AL: (1, m).
    """
    if _skipped("browse_pictures"):
        return
    from .plots import show_picture

    probabilities = np.asarray(forward(X, parameters)[0]).reshape(-1)
    labels = np.asarray(Y).reshape(-1).astype(int)
    answers = (probabilities > 0.5).astype(int)
    right = int(np.sum(answers == labels))

    def make_controls(widgets):
        slider = widgets.IntSlider(description="#", min=0, max=labels.size - 1)
        previous = widgets.Button(description="◀", layout={"width": "48px"})
        following = widgets.Button(description="▶", layout={"width": "48px"})
        previous.on_click(lambda _: setattr(slider, "value", max(slider.value - 1, slider.min)))
        following.on_click(lambda _: setattr(slider, "value", min(slider.value + 1, slider.max)))
        return {"index": slider}, [previous, following]

    def draw(index):
        mark = "✓" if answers[index] == labels[index] else "✗"
        title = f"#{index}: ŷ = {probabilities[index]:.3f} → {answers[index]}, y = {labels[index]} {mark}"
        figure = show_picture(X[:, index].reshape(image_shape), title)
        return _png(figure), f"{right} / {labels.size} ✓"

    _present(draw, {"index": index}, make_controls, run_button=False)


def explore_hidden_units(X, Y, nn_model, predict, n_h=4, num_iterations=5000):
    """Choose the number n_h of hidden units (and of iterations); Run trains ``nn_model`` and draws
    its decision boundary with its accuracy.

    X: (2, m); Y: (1, m); nn_model(X, Y, n_h, num_iterations) -> parameters;
    predict(parameters, X) -> (1, m) answers 0/1. The defaults take about a second.
    """
    if _skipped("explore_hidden_units"):
        return

    def make_controls(widgets):
        return {
            "n_h": widgets.IntSlider(description="n_h", min=1, max=50),
            "num_iterations": widgets.IntSlider(description=ITERATIONS, min=500, max=10000, step=500,
                                                style={"description_width": "initial"}),
        }, []

    def draw(n_h, num_iterations):
        from .plots import plot_decision_boundary

        parameters = _keeping_random_state(nn_model, X, Y, n_h, num_iterations=num_iterations)
        accuracy = float(np.mean(predict(parameters, X) == Y)) * 100
        title = f"n_h = {n_h}: {accuracy:.2f} %"
        axes = plot_decision_boundary(lambda points: predict(parameters, points), X, Y, title=title, resolution=0.02)
        return _png(axes.figure), f"✓ {accuracy:.2f} %"

    _present(draw, {"n_h": n_h, "num_iterations": num_iterations}, make_controls)
