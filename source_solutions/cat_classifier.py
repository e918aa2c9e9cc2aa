"""Train the course's L-layer cat classifier with the reference solutions and save what a learner
looks at (cost curve, misclassified test pictures, accuracies):
``python -m source_solutions.cat_classifier --out DIR [--iterations N] [--data-dir DIR]``."""

import json
from pathlib import Path

from dnn_utils.data import load_prepared
from dnn_utils.plots import misclassified_indices, plot_costs, plot_misclassified

from .dnn_application import L_layer_model, predict

LAYERS_DIMS = [12288, 20, 7, 5, 1]
LEARNING_RATE = 0.0075


def train_and_report(out, num_iterations=2500, data_dir=None):
    """Train, evaluate, write cost_curve.png, misclassified.png and summary.json into ``out``."""
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


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(prog="python -m source_solutions.cat_classifier", description=__doc__)
    parser.add_argument("--out", default="artifacts/cat_classifier", help="folder for the pictures and summary.json")
    parser.add_argument("--iterations", type=int, default=2500, help="gradient-descent iterations (default 2500)")
    parser.add_argument("--data-dir", help="folder holding the .h5 files (default: see dnn_utils.data)")
    args = parser.parse_args(argv)
    train_and_report(args.out, args.iterations, args.data_dir)


if __name__ == "__main__":
    main()
