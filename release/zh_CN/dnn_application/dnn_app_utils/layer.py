"""One whole layer: LINEAR -> ACTIVATION, forward and backward."""

from dnn_utils.activations import ACTIVATIONS

from .linear import linear_backward, linear_forward


def _activation_pair(activation):
    try:
        return ACTIVATIONS[activation]
    except KeyError:
        raise ValueError(f"activation must be 'sigmoid' or 'relu', got {activation!r}") from None


def linear_activation_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b) with g named by ``activation`` ("sigmoid" or "relu").

    A_prev: (n[l-1], m); W: (n[l], n[l-1]); b: (n[l], 1).
    Returns ``(A, cache)`` with A: (n[l], m) and cache = (linear_cache, activation_cache), where
    linear_cache = (A_prev, W, b) and activation_cache = Z.
    """
    forward, _ = _activation_pair(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = forward(Z)
    return A, (linear_cache, activation_cache)


def linear_activation_backward(dA, cache, activation):
    """Backward through one layer: dZ = dA * g'(Z), then the linear gradients.

    dA: (n[l], m); cache as returned by linear_activation_forward.
    Returns ``(dA_prev, dW, db)``.
    """
    _, backward = _activation_pair(activation)
    linear_cache, Z = cache
    dZ = backward(dA, Z)
    return linear_backward(dZ, linear_cache)
