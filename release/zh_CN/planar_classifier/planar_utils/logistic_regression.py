"""The six graded functions of "Logistic regression with a neural-network mindset".

Logistic regression is a network with one sigmoid unit and no hidden layer:
A = sigmoid(w^T X + b), with w: (n_x, 1), b a number, X: (n_x, m), Y and A: (1, m).
"""

import numpy as np

__all__ = ["sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict", "model"]

RECORD_EVERY = 100


def sigmoid(z):
    """s = 1 / (1 + exp(-z)), element-wise.  z: a number or an array of any shape; s: the same shape."""
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    """w: zeros of shape (dim, 1); b: the Python float 0.0."""
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    """One forward and one backward pass.

    w: (n_x, 1); b: a number; X: (n_x, m); Y: (1, m) labels 0 or 1.
    Returns ``(grads, cost)``: grads["dw"] (n_x, 1), grads["db"] a float64 number; cost a 0-d float64,
    the cross-entropy averaged over the m examples.
    """
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    return {"dw": dw, "db": db}, np.squeeze(np.array(cost))


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Batch gradient descent on w and b, leaving the caller's w unchanged.

    Returns ``(params, grads, costs)``: params {"w": (n_x, 1), "b": number}; grads {"dw", "db"} of the
    last iteration, computed before its update; costs a list of Python floats, the cost at iterations
    0, 100, 200, ..., each computed before that iteration's update.
    """
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw, db = grads["dw"], grads["db"]
        # New arrays, not `w -= ...`: an in-place update would change the caller's w.
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % RECORD_EVERY == 0:
            costs.append(float(cost))
            if print_cost:
                print(f"Cost after iteration {i}: {float(cost):f}")
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs


def predict(w, b, X):
    """Y_prediction: (1, m) float64 of 1.0 where sigmoid(w^T X + b) > 0.5, else 0.0 (exactly 0.5 gives 0.0)."""
    A = sigmoid(np.dot(w.T, X) + b)
    return (A > 0.5).astype(np.float64)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """Train logistic regression on (X_train, Y_train) and predict both sets.

    X_train: (n_x, m_train); Y_train: (1, m_train); X_test: (n_x, m_test); Y_test: (1, m_test).
    Returns a dict: "costs", "Y_prediction_test" (1, m_test), "Y_prediction_train" (1, m_train),
    "w" (n_x, 1), "b", "learning_rate", "num_iterations".
    """
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print(f"train accuracy: {accuracy(Y_prediction_train, Y_train)} %")
        print(f"test accuracy: {accuracy(Y_prediction_test, Y_test)} %")
    return {
        "costs": costs,
        "Y_prediction_test": Y_prediction_test,
        "Y_prediction_train": Y_prediction_train,
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
    }


def accuracy(Y_prediction, Y):
    """Percentage of the (1, m) predictions equal to the labels: 100 - mean |Y_prediction - Y| x 100."""
    return 100 - np.mean(np.abs(Y_prediction - Y)) * 100
