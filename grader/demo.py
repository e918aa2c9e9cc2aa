"""The main job: train the course's L-layer cat classifier with the reference solutions and save
what a learner looks at (cost curve, misclassified test pictures, accuracies)."""

import json
from pathlib import Path

from dnn_utils.data import load_prepared
from dnn_utils.plots import misclassified_indices, plot_costs, plot_misclassified

LAYERS_DIMS = [12288, 20, 7, 5, 1]
LEARNING_RATE = 0.0075


def train_and_report(out, num_iterations=2500, data_dir=None):
    """Train, evaluate, write cost_curve.png, misclassified.png and summary.json into ``out``."""
    from source_solutions.dnn_application import L_layer_model, predict

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    train_x, train_y, test_x, test_y, classes = load_prepared(data_dir)
    print(f"Training {LAYERS_DIMS} on {train_x.shape[1]} images for {num_iterations} iterations")
    parameters, costs = L_layer_model(
        train_x, train_y, LAYERS_DIMS, learning_rate=LEARNING_RATE, num_iterations=num_iterations, print_cost=True
    )
    print("Training set:", end=" ")
    train_p = predict(train_x, train_y, parameters)
    print("Test set:", end=" ")
    test_p = predict(test_x, test_y, parameters)
    plot_costs(costs, LEARNING_RATE, path=out / "cost_curve.png")
    plot_misclassified(classes, test_x, test_y, test_p, path=out / "misclassified.png")
    summary = {
        "layers_dims": LAYERS_DIMS,
        "num_iterations": num_iterations,
        "costs": costs,
        "train_accuracy": float((train_p == train_y).mean()),
        "test_accuracy": float((test_p == test_y).mean()),
        "misclassified_test_images": misclassified_indices(test_y, test_p).tolist(),
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    print(f"Wrote {out}/cost_curve.png, misclassified.png and summary.json")
    return summary


def run_demo(out, data_dir=None):
    """The README's main job: build the student release, grade the bundled example class (correct
    work, typical mistakes, cheat attempts, broken files), print the grade table, and render the
    worked solutions. Everything lands in ``out``."""
    import os

    from .autograde import AutogradeOptions, autograde, grade_table
    from .gradebook import default_url
    from .nbgrader_course import REPO
    from .release import build_release
    from .solutions import render_worked_solutions
    from .spec import load_spec

    out = Path(out).resolve()
    if data_dir:
        os.environ["DNN_DATA_DIR"] = str(data_dir)
    release = out / "release"
    print(f"1. Building the student release into {release}")
    build_release(release)
    assignment = "dnn_step_by_step"
    print(f"2. Grading the example class in examples/class ({assignment}) in isolated workers")
    options = AutogradeOptions(
        assignment=assignment, out=out / "autograded", db_url=default_url(out), timeout=10.0, seed=2026,
        regrade=True, template=release / assignment,
    )
    summary = autograde(REPO / "examples" / "class", options)
    print(grade_table(summary["rows"], load_spec(assignment).functions))
    print(f"   grades: {out / 'autograded' / 'grades.csv'}; feedback: {out / 'autograded' / 'feedback'}; "
          f"gradebook: {options.db_url}")
    print(f"3. Rendering the worked solutions into {out / 'worked_solutions'} (trains both cat models)")
    render_worked_solutions(out / "worked_solutions")
    print(f"Done. Open {out / 'worked_solutions' / 'dnn_application.html'} and "
          f"{out / 'autograded' / 'feedback' / 'mistake-db-without-keepdims' / (assignment + '.html')}")
