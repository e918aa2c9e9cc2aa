"""The linear part of a layer: Z = W A_prev + b, and its gradients."""

import numpy as np


def linear_forward(A, W, b):
    """Z = W A + b.

    A: (n[l-1], m) activations of the previous layer; W: (n[l], n[l-1]); b: (n[l], 1).
    Returns ``(Z, cache)`` with Z: (n[l], m) and the linear cache ``(A, W, b)``, kept for the
    backward pass, which needs A for dW and W for dA_prev.
    """
    Z = np.dot(W, A) + b
    return Z, (A, W, b)


def linear_backward(dZ, cache):
    """Gradients of the linear part from dZ: (n[l], m) and the cache ``(A_prev, W, b)``.

    Returns ``(dA_prev, dW, db)`` shaped like A_prev (n[l-1], m), W (n[l], n[l-1]) and b (n[l], 1).
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
