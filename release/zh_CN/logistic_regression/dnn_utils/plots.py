"""The pictures of the application: the cost curve (one, or one per learning rate), the
misclassified test images, grids of training pictures and of first-layer weights, and single
pictures (a training example with its label, or your own picture); and the planar classifier's
decision boundaries."""

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
    axes.set_ylabel("$J$")  # symbols, not words: one picture serves the English and the Chinese edition
    axes.set_title(title or f"$\\alpha = {learning_rate}$")
    axes.grid(alpha=0.3)
    if path is not None:
        figure.savefig(path, dpi=100)
    return figure


def misclassified_indices(y, p):
    """Column indices where predictions p and labels y, both (1, m), disagree."""
    return np.flatnonzero(np.asarray(p).reshape(-1) != np.asarray(y).reshape(-1))


def _picture_grid(images, titles, columns, path=None):
    """Draw ``images`` (each (height, width, 3), uint8 or floats in [0, 1]) in rows of ``columns``,
    each above its title, and save to ``path`` when given. Returns the Figure."""
    plt = _pyplot()
    rows = max(1, int(np.ceil(len(images) / columns)))
    figure, axes = plt.subplots(
        rows, columns, figsize=(2.4 * columns, 2.7 * rows + 0.4), squeeze=False, layout="constrained"
    )
    for axis in axes.flat:
        axis.axis("off")
    for axis, image, title in zip(axes.flat, images, titles):
        axis.imshow(image)
        axis.set_title(title, fontsize=9)
    if path is not None:
        figure.savefig(path, dpi=100)
    return figure


def plot_misclassified(classes, X, y, p, columns=5, path=None, image_shape=(64, 64, 3)):
    """Show every image the model got wrong, titled with its predicted (ŷ) and true (y) class.

    classes: byte strings [b'non-cat', b'cat']; X: (12288, m) images scaled to [0, 1];
    y, p: (1, m) labels and 0/1 predictions. Saves to ``path`` when given. Returns the Figure.
    """
    wrong = misclassified_indices(y, p)
    predicted = np.asarray(p).reshape(-1)
    actual = np.asarray(y).reshape(-1)
    titles = [f"$\\hat{{y}}$ = {classes[int(predicted[index])].decode()}\n$y$ = {classes[int(actual[index])].decode()}"
              for index in wrong]
    figure = _picture_grid([X[:, index].reshape(image_shape) for index in wrong], titles, columns)
    figure.suptitle(f"{len(wrong)} ✗")
    if path is not None:
        figure.savefig(path, dpi=100)
    return figure


def show_pictures(x_orig, y, classes, count=12, columns=6, path=None):
    """Show the first ``count`` pictures, each titled with its class.

    x_orig: (m, 64, 64, 3) uint8 images; y: (1, m) 0/1 labels; classes: byte strings
    [b'non-cat', b'cat']. Saves to ``path`` when given. Returns the Figure.
    """
    labels = np.asarray(y).reshape(-1)[:count]
    titles = [f"{classes[int(label)].decode()} ($y = {int(label)}$)" for label in labels]
    return _picture_grid(list(x_orig[:len(labels)]), titles, columns, path)


def plot_cost_curves(costs_by_rate, every=100, path=None):
    """Plot several cost curves on one set of axes, one per learning rate.

    costs_by_rate: {learning_rate: costs recorded every ``every`` iterations}. The legend gives
    each alpha; the x axis counts iterations. Saves to ``path`` when given. Returns the Figure.
    """
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(6, 4), layout="constrained")
    for learning_rate, costs in costs_by_rate.items():
        costs = np.atleast_1d(np.squeeze(np.asarray(costs, dtype=float)))
        axes.plot(np.arange(costs.size) * every, costs, label=f"$\\alpha = {learning_rate}$")
    axes.set_ylabel("$J$")
    axes.legend()
    axes.grid(alpha=0.3)
    if path is not None:
        figure.savefig(path, dpi=100)
    return figure


def weights_as_pictures(W1, count=8, picture_shape=(64, 64, 3)):
    """The first ``count`` rows of W1 (n_h, 12288), each reshaped to ``picture_shape`` and
    scaled to [0, 1] on its own; a constant row (all zeros, say) becomes mid-grey."""
    pictures = []
    for row in np.asarray(W1, dtype=float)[:count]:
        spread = row.max() - row.min()
        scaled = (row - row.min()) / spread if spread > 0 else np.full_like(row, 0.5)
        pictures.append(scaled.reshape(picture_shape))
    return pictures


def show_weights_as_pictures(W1, count=8, columns=4, picture_shape=(64, 64, 3), path=None):
    """Show what the first ``count`` hidden units look for: each row of W1 as a picture.

    W1: (n_h, 12288). Saves to ``path`` when given. Returns the Figure.
    """
    pictures = weights_as_pictures(W1, count, picture_shape)
    return _picture_grid(pictures, [f"W1[{row}]" for row in range(len(pictures))], columns, path)


def show_picture(image, title=None, path=None):
    """Show one picture, image: (height, width, 3) uint8 or floats in [0, 1], with an optional title.

    Saves to ``path`` when given. Returns the Figure.
    """
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(3.2, 3.5), layout="constrained")
    axes.imshow(image)
    axes.axis("off")
    if title:
        axes.set_title(title)
    if path is not None:
        figure.savefig(path, dpi=100)
    return figure


def show_example(x_orig, y, classes, index, path=None):
    """Show training picture ``index`` titled with its label, e.g. "y = 1 (cat)".

    x_orig: (m, 64, 64, 3) uint8 images; y: (1, m) 0/1 labels; classes: byte strings
    [b'non-cat', b'cat']. Saves to ``path`` when given. Returns the Figure.
    """
    labels = np.asarray(y).reshape(-1)
    if not -len(labels) <= index < len(labels):
        raise IndexError(f"index {index} is out of range: there are {len(labels)} pictures (0 to {len(labels) - 1})")
    label = int(labels[index])
    return show_picture(x_orig[index], f"y = {label} ({classes[label].decode()})", path)


def plot_decision_boundary(model, X, Y, title=None, axes=None, resolution=0.01, path=None):
    """Colour the plane by ``model``'s answer and scatter the points of X coloured by their label.

    model: a function from points of shape (2, k) to answers of shape (1, k) or (k,), 0 or 1;
    X: (2, m); Y: (1, m) labels 0/1. Draws into ``axes`` when given (a grid of plots), else into a
    new figure; saves to ``path`` when given. Returns the matplotlib Axes.
    """
    plt = _pyplot()
    if axes is None:
        _, axes = plt.subplots(figsize=(5, 4), layout="constrained")
    x_min, x_max = X[0].min() - 1, X[0].max() + 1
    y_min, y_max = X[1].min() - 1, X[1].max() + 1
    xx, yy = np.meshgrid(np.arange(x_min, x_max, resolution), np.arange(y_min, y_max, resolution))
    answers = np.asarray(model(np.stack([xx.ravel(), yy.ravel()]))).reshape(xx.shape)
    axes.contourf(xx, yy, answers, cmap=plt.cm.Spectral, alpha=0.8)
    axes.scatter(X[0], X[1], c=np.asarray(Y).reshape(-1), s=15, cmap=plt.cm.Spectral, edgecolors="k", linewidths=0.3)
    axes.set_xlabel("$x_1$")
    axes.set_ylabel("$x_2$")
    if title:
        axes.set_title(title)
    if path is not None:
        axes.figure.savefig(path, dpi=100)
    return axes
