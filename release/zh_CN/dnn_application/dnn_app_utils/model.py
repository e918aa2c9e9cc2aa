"""The whole network: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID, its cost and its training step."""

import numpy as np

from .layer import linear_activation_backward, linear_activation_forward


def L_model_forward(X, parameters):
    """Forward pass through all L layers.

    X: (n[0], m); parameters: W1..WL (n[l], n[l-1]) and b1..bL (n[l], 1).
    Returns ``(AL, caches)``: AL (1, m) the output of the single sigmoid unit, caches a list of L layer caches,
    caches[l-1] belonging to layer l.
    """
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """Binary cross-entropy averaged over the m examples.

    AL: (1, m) predicted probabilities; Y: (1, m) labels 0 or 1.  Returns a float64 of shape ().
    """
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return np.squeeze(cost)


def L_model_backward(AL, Y, caches):
    """Backward pass through all L layers.

    AL: (1, m) output of L_model_forward; Y: (1, m) labels 0 or 1; caches from L_model_forward.
    Returns grads with dA{l-1}, dW{l}, db{l} for l = 1..L (dA0 is the gradient w.r.t. X).
    """
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    # Derivative of the cross-entropy with respect to AL; the sigmoid layer turns it into dZ.
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA = dAL
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"] = dA
    return grads


def update_parameters(parameters, grads, learning_rate):
    """One gradient-descent step on every W_l and b_l; returns a new dict, the caller's is untouched."""
    L = len(parameters) // 2
    updated = dict(parameters)
    for l in range(1, L + 1):
        updated[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return updated


def predict(X, y, parameters):
    """Label each example 1 when the network's output exceeds 0.5, print the accuracy.

    X: (n[0], m); y: (1, m) true labels; parameters as trained.  Returns p: (1, m) of 0/1 floats.
    """
    AL, _ = L_model_forward(X, parameters)
    p = (AL > 0.5).astype(float)
    print(f"Accuracy: {float(np.mean(p == y))}")
    return p
