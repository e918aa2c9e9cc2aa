"""Hints for the logistic-regression checks: (function, output, kind of difference, hint)."""

HINTS = (
    ("sigmoid", "*", "values",
     "sigmoid(z) is 1 / (1 + e^(-z)): check the sign inside the exponential and the 1 + in the denominator; "
     "sigmoid(0) must be exactly 0.5."),
    ("sigmoid", "*", "type", "Use np.exp, which works element-wise on numbers and arrays alike (math.exp takes only numbers)."),
    ("initialize_with_zeros", "w", "shape", "w is a column: one row per feature and one column, (dim, 1)."),
    ("initialize_with_zeros", "b", "type",
     "b starts as a float, like every parameter it will become: the value is right, but its type says "
     "'integer' where the rest of the code, and the checks, expect a real number."),
    ("initialize_with_zeros", "b", "*", "b is one number, a Python float, not an array."),
    ("propagate", "cost", "values",
     "The cost is -(1/m) times the sum over the examples of Y log(A) + (1 - Y) log(1 - A), with element-wise "
     "products of two (1, m) rows: print the shape of each term before you sum it."),
    ("propagate", "cost", "*", "The cost is one number: a sum over the examples, averaged, with nothing left of the axes."),
    ("propagate", "grads", "shape",
     "dw has the shape of w, (n_x, 1), and db is one number: check which factor of the product comes first, "
     "and whether the sum keeps an axis."),
    ("propagate", "grads", "values",
     "Both gradients start from A - Y, the prediction minus the label, and both are averaged over the m "
     "examples: dw through a matrix product with X, db through a sum."),
    ("optimize", "costs", "*",
     "Record the cost once every 100 iterations, from iteration 0, as propagate returned it before that "
     "iteration's update."),
    ("optimize", "*", "mutated",
     "An update written in place (w -= ...) changes the array the caller passed in; build a new array instead."),
    ("optimize", "*", "values",
     "Each iteration calls propagate on the current w and b, then moves both a step of learning_rate times "
     "their gradient downhill, keeping the results for the next iteration."),
    ("predict", "*", "type", "Return numbers, 0.0 or 1.0, in a numpy array of floats: a comparison gives booleans."),
    ("predict", "*", "shape", "Y_prediction has one entry per example, as a (1, m) row like Y."),
    ("predict", "*", "values",
     "Predict 1.0 where the probability A = sigmoid(w^T X + b) is strictly above 0.5, else 0.0: an A of "
     "exactly 0.5 is 0.0."),
    ("model", "*", "shape",
     "Y_prediction_train has one entry per training example and Y_prediction_test one per test example: check "
     "which data set each prediction uses."),
    ("model", "*", "*",
     "Use only the arguments: initialise from X_train's number of features, train with optimize on the "
     "training set with the num_iterations and learning_rate you were given, then predict each set with the "
     "trained w and b."),
)
