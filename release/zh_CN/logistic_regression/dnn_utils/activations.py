"""Activation functions and their backward passes.

Forward functions take Z of shape (n[l], m) and return ``(A, Z)``: the activation and the
activation cache, which is Z itself. Backward functions take the upstream gradient dA and that
cache Z, both of shape (n[l], m), and return dZ of the same shape.
"""

import numpy as np


def sigmoid(Z):
    """A = 1 / (1 + exp(-Z)).

    Z: (n, m) array.  Returns ``(A, Z)`` with A of Z's shape and values in [0, 1].
    """
    Z = np.asarray(Z, dtype=float)
    # For Z below about -709, exp(-Z) overflows to inf and A becomes exactly 0, which is the
    # correct limit; the warning would only alarm students.
    with np.errstate(over="ignore"):
        A = 1 / (1 + np.exp(-Z))
    return A, Z


def relu(Z):
    """A = max(0, Z).  Z: (n, m).  Returns ``(A, Z)``."""
    Z = np.asarray(Z, dtype=float)
    A = np.maximum(0, Z)
    return A, Z


def sigmoid_backward(dA, Z):
    """dZ = dA * s * (1 - s) with s = sigmoid(Z).  dA, Z: (n, m).  Returns dZ: (n, m)."""
    s, _ = sigmoid(Z)
    return dA * s * (1 - s)


def relu_backward(dA, Z):
    """dZ = dA where Z > 0, else 0 (the subgradient at exactly 0 is taken as 0).

    dA, Z: (n, m).  Returns dZ: (n, m), a new array.
    """
    return np.where(np.asarray(Z) > 0, dA, 0.0)


ACTIVATIONS = {"sigmoid": (sigmoid, sigmoid_backward), "relu": (relu, relu_backward)}
