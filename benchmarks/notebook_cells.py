"""Do the series' longest training cells stay well inside nbgrader's time for a cell?

    python benchmarks/notebook_cells.py

Times, with one BLAS thread, the training cells of the notebooks that train in a loop on data
made by code or small enough to load at once: the planar classifier's 10,000 iterations with 4
hidden units and its sweep of hidden-layer sizes (5,000 iterations each), and the logistic
regression on the cat pictures (2,000 iterations; needs the data, see dnn_utils/data.py). Each
is printed in seconds and as a share of nbgrader's default ExecutePreprocessor timeout of 30 s;
the baseline measured in the same run is one forward and backward pass of the same network, so
that the ratio says how many passes a cell does for its time.
"""

import sys
import time
from pathlib import Path

from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from source_solutions import planar_classifier as planar  # noqa: E402

NBGRADER_CELL_SECONDS = 30.0
SWEEP = (1, 2, 3, 4, 5, 20, 50)


def seconds(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main():
    X, Y = planar.load_planar_dataset()
    one_pass = min(seconds(lambda: planar.nn_model(X, Y, 4, num_iterations=1)) for _ in range(20))
    cells = {
        "planar: n_h = 4, 10,000 iterations": lambda: planar.nn_model(X, Y, 4, num_iterations=10000),
        f"planar: sweep {SWEEP}, 5,000 iterations each": lambda: [planar.nn_model(X, Y, n, num_iterations=5000) for n in SWEEP],
    }
    try:
        from dnn_utils.data import load_prepared
        from source_solutions.logistic_regression import model

        train_x, train_y, test_x, test_y, _ = load_prepared()
        cells["logistic regression: cats, 2,000 iterations"] = lambda: model(train_x, train_y, test_x, test_y, 2000, 0.005)
    except Exception as error:  # noqa: BLE001 (no data here: the planar cells still say something)
        print(f"(logistic regression left out: {error})")
    print(f"baseline: one iteration of nn_model with 4 hidden units: {one_pass * 1e3:.3f} ms")
    for name, run in cells.items():
        took = seconds(run)
        print(f"{name}: {took:.2f} s = {took / NBGRADER_CELL_SECONDS:.1%} of nbgrader's {NBGRADER_CELL_SECONDS:g} s "
              f"({took / one_pass:,.0f} baseline iterations)")


if __name__ == "__main__":
    with threadpool_limits(1):
        main()
