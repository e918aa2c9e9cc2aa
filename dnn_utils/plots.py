"""The two pictures of the application: the cost curve and the misclassified test images."""

import numpy as np


def _pyplot():
    # Imported on first use: matplotlib picks the inline backend in a notebook and Agg on a
    # machine without a display, and the numeric helpers stay importable without it.
    import matplotlib.pyplot as plt

    return plt


def plot_costs(costs, learning_rate, every=100, title=None, path=None):
    """Plot the recorded costs (one per ``every`` iterations) against the iteration number.

    Saves to ``path`` when given. Returns the matplotlib Figure.
    """
    plt = _pyplot()
    costs = np.squeeze(np.asarray(costs, dtype=float))
    figure, axes = plt.subplots(figsize=(6, 4), layout="constrained")
    axes.plot(np.arange(costs.size) * every, costs)
    axes.set_xlabel("iteration")
    axes.set_ylabel("cost")
    axes.set_title(title or f"Learning rate = {learning_rate}")
    axes.grid(alpha=0.3)
    if path is not None:
        figure.savefig(path, dpi=100)
    return figure


def misclassified_indices(y, p):
    """Column indices where predictions p and labels y, both (1, m), disagree."""
    return np.flatnonzero(np.asarray(p).reshape(-1) != np.asarray(y).reshape(-1))


def plot_misclassified(classes, X, y, p, columns=5, path=None, image_shape=(64, 64, 3)):
    """Show every image the model got wrong, titled with its predicted and true class.

    classes: byte strings [b'non-cat', b'cat']; X: (12288, m) images scaled to [0, 1];
    y, p: (1, m) labels and 0/1 predictions. Saves to ``path`` when given. Returns the Figure.
    """
    plt = _pyplot()
    wrong = misclassified_indices(y, p)
    rows = max(1, int(np.ceil(len(wrong) / columns)))
    figure, axes = plt.subplots(
        rows, columns, figsize=(2.4 * columns, 2.7 * rows + 0.4), squeeze=False, layout="constrained"
    )
    for axis in axes.flat:
        axis.axis("off")
    for axis, index in zip(axes.flat, wrong):
        axis.imshow(X[:, index].reshape(image_shape))
        predicted = classes[int(np.asarray(p).reshape(-1)[index])].decode()
        actual = classes[int(np.asarray(y).reshape(-1)[index])].decode()
        axis.set_title(f"predicted: {predicted}\ntrue: {actual}", fontsize=9)
    figure.suptitle(f"{len(wrong)} misclassified images")
    if path is not None:
        figure.savefig(path, dpi=100)
    return figure
