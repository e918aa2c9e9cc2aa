"""The catalogue of common mistakes in logistic regression, each defined relative to the reference:
a variant factory reproduces the reference's logic with knobs, ``variant()`` (no flaw) is the
reference itself (tests/test_mistakes.py proves it on every case) and ``variant(**flaw)`` is the
mistake. Used to NAME a mistake in feedback; never shipped as code.
"""

import numpy as np

from source_solutions.logistic_regression import initialize_with_zeros, optimize, predict, propagate, sigmoid

from ...assignment import Mistake

# --------------------------------------------------------------------------------------------
# sigmoid(z)
# --------------------------------------------------------------------------------------------


def _sigmoid_variant(*, form="1 / (1 + exp(-z))"):
    def sigmoid(z):
        match form:
            case "1 / (1 + exp(z))":
                return 1 / (1 + np.exp(z))
            case "1 / exp(-z)":
                return 1 / np.exp(-z)
            case "tanh":
                return np.tanh(z)
        return 1 / (1 + np.exp(-z))

    return sigmoid


# --------------------------------------------------------------------------------------------
# initialize_with_zeros(dim)
# --------------------------------------------------------------------------------------------


def _zeros_variant(*, w_shape="column", b=0.0):
    def initialize_with_zeros(dim):
        shape = {"column": (dim, 1), "rank1": (dim,), "row": (1, dim)}[w_shape]
        return np.zeros(shape), b.copy() if isinstance(b, np.ndarray) else b

    return initialize_with_zeros


# --------------------------------------------------------------------------------------------
# propagate(w, b, X, Y)
# --------------------------------------------------------------------------------------------


def _propagate_variant(*, square_cost=False, dZ="A - Y", averaged=True, dw_transposed=False, db_keepdims=False):
    def propagate(w, b, X, Y):
        m = X.shape[1]
        A = sigmoid(np.dot(w.T, X) + b)
        if square_cost:  # log(A).T is a column: with the row Y it broadcasts into an (m, m) matrix
            cost = -np.sum(Y * np.log(A).T + (1 - Y) * np.log(1 - A).T) / m
        else:
            cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
        dZ_ = A - Y if dZ == "A - Y" else Y - A
        dw = np.dot(dZ_, X.T) if dw_transposed else np.dot(X, dZ_.T)
        db = np.sum(dZ_, axis=1, keepdims=True) if db_keepdims else np.sum(dZ_)
        if averaged:
            dw, db = dw / m, db / m
        return {"dw": dw, "db": db}, np.squeeze(np.array(cost))

    return propagate


# --------------------------------------------------------------------------------------------
# optimize(w, b, X, Y, num_iterations, learning_rate, print_cost)
# --------------------------------------------------------------------------------------------


def _optimize_variant(*, in_place=False, every=100, first=0, keep_update=True, direction="down"):
    def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
        costs = []
        for i in range(first, first + num_iterations):
            grads, cost = propagate(w, b, X, Y)
            dw, db = grads["dw"], grads["db"]
            step_w, step_b = learning_rate * dw, learning_rate * db
            if in_place:
                w -= step_w
                b -= step_b
            elif not keep_update:
                _ = (w - step_w, b - step_b)  # computed, never stored
            elif direction == "up":
                w, b = w + step_w, b + step_b
            else:
                w, b = w - step_w, b - step_b
            if i % every == 0:
                costs.append(float(cost))
        return {"w": w, "b": b}, {"dw": dw, "db": db}, costs

    return optimize


# --------------------------------------------------------------------------------------------
# predict(w, b, X)
# --------------------------------------------------------------------------------------------


def _predict_variant(*, score="A", inclusive=False, probabilities=False, rank1=False):
    def predict(w, b, X):
        Z = np.dot(w.T, X) + b
        A = sigmoid(Z)
        if probabilities:
            return A
        value = Z if score == "Z" else A
        Y_prediction = ((value >= 0.5) if inclusive else (value > 0.5)).astype(np.float64)
        return Y_prediction.reshape(-1) if rank1 else Y_prediction

    return predict


# --------------------------------------------------------------------------------------------
# model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate, print_cost)
# --------------------------------------------------------------------------------------------


def _model_variant(*, rate=None, iterations=None, swapped=False, trained=True):
    def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
        w, b = initialize_with_zeros(X_train.shape[0])
        params, grads, costs = optimize(w, b, X_train, Y_train, iterations or num_iterations, rate or learning_rate,
                                        print_cost)
        if trained:
            w, b = params["w"], params["b"]
        test_set, train_set = (X_train, X_test) if swapped else (X_test, X_train)
        return {
            "costs": costs,
            "Y_prediction_test": predict(w, b, test_set),
            "Y_prediction_train": predict(w, b, train_set),
            "w": w,
            "b": b,
            "learning_rate": learning_rate,
            "num_iterations": num_iterations,
        }

    return model


_COSTS_HINT = ("Look at the condition that decides which iterations are recorded, and at the loop's range: one cost "
               "every 100 iterations, starting with iteration 0, each as propagate returned it before that "
               "iteration's update.")

MISTAKES = {
    "sigmoid": (
        Mistake("exp_of_z", "e^z where e^(-z) belongs", "The exponential's argument carries a minus sign: large "
                "positive z must give values near 1, not near 0.", _sigmoid_variant, dict(form="1 / (1 + exp(z))")),
        Mistake("one_plus_left_out", "1 / e^(-z), without the 1 +", "The denominator is a sum of two terms; without "
                "the first one the values are not squashed into (0, 1) at all.", _sigmoid_variant,
                dict(form="1 / exp(-z)")),
        Mistake("tanh", "np.tanh instead of the sigmoid", "tanh is S-shaped too, but it runs from -1 to 1; the "
                "sigmoid is built from np.exp and runs from 0 to 1.", _sigmoid_variant, dict(form="tanh")),
    ),
    "initialize_with_zeros": (
        Mistake("b_int", "b = 0, an int, instead of the float 0.0",
                "The value of b is right but its type is not: numbers written without a decimal point are integers "
                "in Python. A parameter that will hold real numbers should start as one.",
                _zeros_variant, dict(b=0)),
        Mistake("w_rank1", "w of shape (dim,), a rank-1 array",
                "Give np.zeros the full shape of a column, rows and columns both: an array with a single axis "
                "is neither a row nor a column, and broadcasts in surprising ways.", _zeros_variant,
                dict(w_shape="rank1")),
        Mistake("w_row", "w of shape (1, dim), a row", "w has one row per feature: the number of rows comes first "
                "in a shape.", _zeros_variant, dict(w_shape="row")),
        Mistake("b_array", "b as a (1, 1) array of zeros instead of a number",
                "b is a single number shared by every example, not an array: it needs no np.zeros at all.",
                _zeros_variant, dict(b=np.zeros((1, 1)))),
    ),
    "propagate": (
        Mistake("cost_square_matrix", "a row times a column in the cost: an (m, m) matrix summed",
                "Print the shape of each product inside the cost's sum: a (1, m) row multiplied element-wise by "
                "an (m, 1) column broadcasts into an m x m matrix, which the sum then hides.",
                _propagate_variant, dict(square_cost=True)),
        Mistake("Y_minus_A", "Y - A where A - Y belongs", "Both gradients have the wrong sign: check the order of "
                "the subtraction they start from (the derivative of the cost with respect to z).",
                _propagate_variant, dict(dZ="Y - A")),
        Mistake("gradients_not_averaged", "dw and db not divided by m", "The cost is an average over the m "
                "examples, so its gradients are averages too.", _propagate_variant, dict(averaged=False)),
        Mistake("dw_transposed", "dw as a row (1, n_x) instead of a column", "dw must have w's shape, (n_x, 1): "
                "check which factor of the matrix product comes first.", _propagate_variant, dict(dw_transposed=True)),
        Mistake("db_as_array", "db as a (1, 1) array instead of a number", "db is one number: a sum that keeps its "
                "axes returns an array.", _propagate_variant, dict(db_keepdims=True)),
    ),
    "optimize": (
        Mistake("update_in_place", "w updated in place, changing the caller's array",
                "The returned values are right, but the w you were given has changed: an augmented assignment "
                "(-=) on an array writes into that same array. Build a new one.", _optimize_variant,
                dict(in_place=True), mutates_inputs=True),
        Mistake("costs_every_iteration", "the cost recorded at every iteration", _COSTS_HINT, _optimize_variant,
                dict(every=1)),
        Mistake("iterations_counted_from_one", "iterations counted from 1, so the costs are recorded one update "
                "late", _COSTS_HINT, _optimize_variant, dict(first=1)),
        Mistake("update_discarded", "the update computed but never stored",
                "The cost never changes from one record to the next: an expression such as w - learning_rate * dw "
                "makes a new value, which is lost unless you assign it.", _optimize_variant, dict(keep_update=False)),
        Mistake("gradient_ascent", "the parameters moved up the gradient", "Gradient descent moves each parameter "
                "against its gradient: check the sign of the step.", _optimize_variant, dict(direction="up")),
    ),
    "predict": (
        Mistake("threshold_inclusive", "A >= 0.5 instead of A > 0.5", "Look at the examples whose probability is "
                "exactly 0.5: the contract predicts 1 only strictly above one half.", _predict_variant,
                dict(inclusive=True)),
        Mistake("probabilities_returned", "the probabilities A returned, not thresholded", "predict returns labels, "
                "0.0 or 1.0, not the probabilities they come from.", _predict_variant, dict(probabilities=True)),
        Mistake("threshold_on_z", "the threshold applied to w^T X + b instead of its sigmoid", "The 0.5 threshold "
                "is on a probability: check that the value you compare has gone through the sigmoid.",
                _predict_variant, dict(score="Z")),
        Mistake("rank1_predictions", "predictions of shape (m,) instead of (1, m)", "Y_prediction has Y's shape, "
                "one row: check the shape you create or reshape to.", _predict_variant, dict(rank1=True)),
    ),
    "model": (
        Mistake("learning_rate_not_passed", "optimize run with its default learning rate",
                "Check what you pass to optimize: the learning rate must be model's own argument.",
                _model_variant, dict(rate=0.009)),
        Mistake("iterations_not_passed", "optimize run with its default number of iterations",
                "Check what you pass to optimize: the number of iterations must be model's own argument.",
                _model_variant, dict(iterations=100)),
        Mistake("data_sets_swapped", "the training and test predictions made on each other's data",
                "Each prediction belongs to one data set: check which X each predict call gets.",
                _model_variant, dict(swapped=True)),
        Mistake("untrained_parameters", "predictions made with the initial w and b",
                "optimize returns the trained parameters in a dictionary; the predictions and the returned w and b "
                "must use those, not the zeros you started from.", _model_variant, dict(trained=False)),
    ),
}
