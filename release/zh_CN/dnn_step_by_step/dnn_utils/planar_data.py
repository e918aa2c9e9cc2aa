"""Small two-dimensional data sets for the planar classifier, made by code (no files, no sklearn).

Every loader returns ``(X, Y)``: X of shape (2, m), one point (x1, x2) per column, and Y of shape
(1, m), integer labels 0 or 1. Every call gives the same points: the flower seeds numpy's global
RNG (as the course does), the others draw from a RandomState of their own.
"""

import numpy as np

FLOWER_POINTS = 400


def load_planar_dataset(m=FLOWER_POINTS, seed=1):
    """The "flower": two interleaved classes of m // 2 points each, petals of r = 4 sin(4 t).

    For class j = 0, 1 the angles t run from 3.12 j to 3.12 (j + 1) with Gaussian noise of 0.2,
    then the radii get noise of 0.2 too; the point is (r sin t, r cos t). Drawn in this order (the
    course's, so that its accuracies are reproduced exactly). Returns X: (2, m), Y: (1, m).
    """
    np.random.seed(seed)
    per_class = m // 2
    X = np.zeros((2, 2 * per_class))
    Y = np.zeros((1, 2 * per_class), dtype=int)
    for j in range(2):
        columns = slice(per_class * j, per_class * (j + 1))
        t = np.linspace(3.12 * j, 3.12 * (j + 1), per_class) + np.random.randn(per_class) * 0.2
        r = 4 * np.sin(4 * t) + np.random.randn(per_class) * 0.2
        X[:, columns] = np.stack([r * np.sin(t), r * np.cos(t)])
        Y[:, columns] = j
    return X, Y


def _shuffled(X, Y, rng):
    order = rng.permutation(X.shape[1])
    return X[:, order], Y[:, order]


def noisy_circles(m=200, factor=0.5, noise=0.3, seed=0):
    """Two concentric circles, radius 1 (label 0) and ``factor`` (label 1), with Gaussian noise."""
    rng = np.random.RandomState(seed)
    outer, inner = m - m // 2, m // 2
    angles = np.concatenate([np.linspace(0, 2 * np.pi, outer, endpoint=False),
                             np.linspace(0, 2 * np.pi, inner, endpoint=False)])
    radii = np.concatenate([np.ones(outer), np.full(inner, factor)])
    X = np.stack([radii * np.cos(angles), radii * np.sin(angles)]) + noise * rng.randn(2, m)
    Y = np.concatenate([np.zeros(outer, dtype=int), np.ones(inner, dtype=int)])[np.newaxis, :]
    return _shuffled(X, Y, rng)


def noisy_moons(m=200, noise=0.2, seed=0):
    """Two interleaving half circles: the upper one (label 0) and the lower, shifted one (label 1)."""
    rng = np.random.RandomState(seed)
    upper, lower = m - m // 2, m // 2
    a, b = np.linspace(0, np.pi, upper), np.linspace(0, np.pi, lower)
    X = np.concatenate([np.stack([np.cos(a), np.sin(a)]), np.stack([1 - np.cos(b), 0.5 - np.sin(b)])], axis=1)
    X = X + noise * rng.randn(2, m)
    Y = np.concatenate([np.zeros(upper, dtype=int), np.ones(lower, dtype=int)])[np.newaxis, :]
    return _shuffled(X, Y, rng)


def blobs(m=200, centers=6, spread=1.0, seed=5):
    """``centers`` Gaussian clusters with centres drawn in [-10, 10]^2; a point's label is the
    parity of its cluster's number, so clusters of both classes alternate."""
    rng = np.random.RandomState(seed)
    middles = rng.uniform(-10, 10, size=(2, centers))
    cluster = np.arange(m) % centers
    X = middles[:, cluster] + spread * rng.randn(2, m)
    return _shuffled(X, (cluster % 2)[np.newaxis, :], rng)


def gaussian_quantiles(m=200, variance=0.5, seed=0):
    """Points of one centred Gaussian, labelled 1 when farther from the centre than the median
    point: a disc (label 0) inside a ring (label 1) of equal sizes."""
    rng = np.random.RandomState(seed)
    X = np.sqrt(variance) * rng.randn(2, m)
    distance = np.sum(X**2, axis=0)
    Y = np.zeros((1, m), dtype=int)
    Y[0, np.argsort(distance)[m // 2:]] = 1
    return X, Y


def load_extra_datasets():
    """{name: (X, Y)} of four more data sets to try the network on, 200 points each."""
    return {
        "noisy_circles": noisy_circles(),
        "noisy_moons": noisy_moons(),
        "blobs": blobs(),
        "gaussian_quantiles": gaussian_quantiles(),
    }
