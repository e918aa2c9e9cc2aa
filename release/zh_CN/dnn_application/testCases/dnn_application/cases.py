"""The public cases of the application: both models trained on small synthetic problems (the cat
data would take minutes per case)."""

from ..assignment import Case, case_rng


def classification_data(seed, n_x, m):
    """A small learnable problem: X (n_x, m), Y (1, m) from a hidden linear rule."""
    rng = case_rng(seed)
    X = rng.randn(n_x, m)
    Y = (rng.randn(1, n_x) @ X > 0).astype(float)
    return X, Y



CASES = (
    Case("two_layer_model", "small", "(6, 4, 1) on 20 synthetic examples, 201 iterations, learning rate 0.1",
         lambda: (*classification_data(201, 6, 20), (6, 4, 1), 0.1, 201)),
    Case("two_layer_model", "wide", "(10, 8, 1) on 30 synthetic examples, 301 iterations, learning rate 0.05",
         lambda: (*classification_data(202, 10, 30), (10, 8, 1), 0.05, 301)),
    Case("L_layer_model", "small", "[6, 5, 3, 1] on 20 synthetic examples, 201 iterations, learning rate 0.1",
         lambda: (*classification_data(203, 6, 20), [6, 5, 3, 1], 0.1, 201)),
    Case("L_layer_model", "two_layers", "[10, 4, 1] on 30 synthetic examples, 301 iterations, learning rate 0.05",
         lambda: (*classification_data(204, 10, 30), [10, 4, 1], 0.05, 301)),
)
