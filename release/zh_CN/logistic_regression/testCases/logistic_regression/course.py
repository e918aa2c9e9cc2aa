"""The course's fixtures for logistic regression (its 2021+ version), rebuilt from their recipes:
fixed numbers, no random draws."""

import numpy as np


def sigmoid_test_case():
    """Argument z: the integer array [0, 2]."""
    return (np.array([0, 2]),)


def initialize_with_zeros_test_case():
    """Argument dim."""
    return (2,)


def propagate_test_case():
    """w: (2, 1), b = 2.0, X: (2, 3), Y: (1, 3) integer labels."""
    w = np.array([[1.0], [2.0]])
    b = 2.0
    X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
    Y = np.array([[1, 0, 1]])
    return w, b, X, Y


def optimize_test_case():
    """propagate's w, b, X, Y, then num_iterations = 100 and learning_rate = 0.009."""
    return (*propagate_test_case(), 100, 0.009)


def predict_test_case():
    """w: (2, 1), b = -0.3, X: (2, 3)."""
    w = np.array([[0.1124579], [0.23106775]])
    b = -0.3
    X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    return w, b, X
