"""Hints for the planar classifier's checks: (function, output, kind of difference, hint)."""

HINTS = (
    ("layer_sizes", "*", "*",
     "n_x is the number of rows of X (features, not examples), n_y the number of rows of Y, and n_h is "
     "the fixed 4 of this exercise."),
    ("initialize_parameters", "*", "values",
     "Do not call np.random.seed here: the caller seeds. Draw W1 first, then W2, with np.random.randn "
     "(normal, not rand) and multiply by 0.01; the biases are zeros and take no random numbers."),
    ("initialize_parameters", "*", "shape", "W1 is (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)."),
    ("forward_propagation", "*", "values",
     "Z1 = W1 X + b1 (a matrix product), A1 = tanh(Z1) with np.tanh, Z2 = W2 A1 + b2, A2 = sigmoid(Z2): "
     "tanh on the hidden layer, the sigmoid only on the output."),
    ("forward_propagation", "*", "shape",
     "Use the matrix product np.dot(W1, X) (shape (n_h, m)); b1 of shape (n_h, 1) then broadcasts over the m columns."),
    ("forward_propagation", "cache", "*", 'The cache is a dict with the keys "Z1", "A1", "Z2" and "A2".'),
    ("compute_cost", "*", "values",
     "Multiply Y and log(A2) entry by entry (np.multiply or *, both (1, m)); a (1, m) row times an (m, 1) "
     "column broadcasts into an (m, m) matrix. Add the (1 - Y) log(1 - A2) term, sum, and multiply by -1/m."),
    ("compute_cost", "*", "shape", "Return one number: float(np.squeeze(cost)) turns a (1, 1) array into a float."),
    ("compute_cost", "*", "type", "Return the cost as a Python float."),
    ("backward_propagation", "*", "values",
     "dZ2 = A2 - Y; dZ1 = W2^T dZ2 times (1 - A1**2), element-wise, with A1 taken from the cache (the "
     "cache is what you are given: do not recompute tanh from Z1); every dW and db is divided by m."),
    ("backward_propagation", "*", "shape",
     "db1 and db2 are sums over the examples, axis=1, with keepdims=True: shapes (n_h, 1) and (n_y, 1)."),
    ("backward_propagation", "*", "missing", 'grads has the keys "dW1", "db1", "dW2" and "db2".'),
    ("update_parameters", "*", "values",
     "theta := theta - learning_rate * d_theta for W1, b1, W2 and b2; the learning rate defaults to 1.2."),
    ("update_parameters", "*", "mutated",
     "Build new arrays (W1 - learning_rate * dW1) in a new dict; -= changes the caller's arrays in place, "
     "even after parameters.copy(), which shares the arrays."),
    ("nn_model", "*", "*",
     "Seed once with np.random.seed(3) before initialize_parameters, use the n_h argument for the hidden "
     "layer, train on the X and Y passed in (not global ones), and run num_iterations steps of forward, "
     "cost, backward and update."),
    ("predict", "*", "type",
     "Turn the comparison's booleans into the floats 0.0 and 1.0, e.g. with .astype(float)."),
    ("predict", "*", "dtype", "Return the predictions as floats 0.0 and 1.0, e.g. with .astype(float)."),
    ("predict", "*", "values",
     "Predict 1 where A2 > 0.5 (strictly: exactly 0.5 is a 0) and 0 elsewhere, from forward_propagation's A2."),
)
