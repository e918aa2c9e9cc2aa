"""Hints for the step-by-step checks: (function, output, kind of difference, hint)."""

HINTS = (
    ("*", "cache", "*", "The linear cache is the tuple (A_prev, W, b) of the inputs, in this order."),
    ("initialize_parameters", "*", "values",
     "Seed once with np.random.seed(1) at the top, then draw W1 before W2 with np.random.randn "
     "(normal, not rand's uniform) and scale by 0.01."),
    ("initialize_parameters", "*", "shape", "W[l] has shape (n[l], n[l-1]) and b[l] has shape (n[l], 1)."),
    ("initialize_parameters_deep", "*", "values",
     "Seed once with np.random.seed(3) before the loop (not inside it), draw W1, W2, ... in layer order "
     "with np.random.randn and scale by 0.01."),
    ("initialize_parameters_deep", "*", "shape",
     "W[l] has shape (layer_dims[l], layer_dims[l-1]); b[l] has shape (layer_dims[l], 1)."),
    ("initialize_parameters_deep", "*", "missing",
     "Loop over l = 1 .. L where L = len(layer_dims) - 1, and name the keys 'W1', 'b1', ..."),
    ("linear_forward", "Z", "shape", "Z = W A + b has shape (n[l], m): a matrix product of W (n[l], n[l-1]) with A (n[l-1], m)."),
    ("linear_forward", "Z", "values", "Use the matrix product of W and A (not an element-wise product) and add b, which broadcasts over the m columns."),
    ("linear_activation_forward", "A", "values",
     "Compute Z with linear_forward, then apply the activation the argument names: sigmoid for \"sigmoid\", relu for \"relu\"."),
    ("linear_activation_forward", "cache", "*",
     "cache = (linear_cache, activation_cache): the tuple from linear_forward, then Z (the activation cache)."),
    ("L_model_forward", "AL", "values",
     "Hidden layers 1 .. L-1 use relu, only the last layer uses sigmoid; L = len(parameters) // 2, and each "
     "layer's input is the previous layer's output."),
    ("L_model_forward", "AL", "shape", "AL has shape (1, m), one sigmoid unit: did the last layer run, and on the right input?"),
    ("L_model_forward", "caches", "length", "Keep one cache per layer, L in all, the output layer's included."),
    ("L_model_forward", "caches", "values",
     "Each layer's cache is the one linear_activation_forward returns: ((A_prev, W, b), Z)."),
    ("compute_cost", "*", "shape", "Squeeze the cost to a 0-d number with np.squeeze."),
    ("compute_cost", "*", "values",
     "The cross-entropy has two terms, Y log(AL) and (1 - Y) log(1 - AL); add them, sum over the examples, "
     "multiply by -1/m."),
    ("compute_cost", "*", "type", "Return the cost as a number (a float or a 0-d numpy array)."),
    ("linear_backward", "dW", "*", "dW = (1/m) dZ A_prev^T: shape (n[l], n[l-1]), averaged over the m examples."),
    ("linear_backward", "db", "shape", "Sum dZ over the examples (axis=1) with keepdims=True so db is (n[l], 1)."),
    ("linear_backward", "db", "values", "db is the mean of dZ over the examples: sum over axis=1, then divide by m."),
    ("linear_backward", "dA_prev", "*", "dA_prev = W^T dZ, with no 1/m: it is passed on, not used for an update."),
    ("linear_activation_backward", "*", "values",
     "First dZ = dA * g'(Z) with relu_backward(dA, Z) or sigmoid_backward(dA, Z) as the argument says, using "
     "the activation cache Z; then linear_backward(dZ, linear_cache)."),
    ("L_model_backward", "*", "missing",
     "grads needs dA{l-1}, dW{l} and db{l} for every layer l = 1 .. L (dA0 included)."),
    ("L_model_backward", "*", "values",
     "Start from dAL = -(Y/AL - (1-Y)/(1-AL)), go through the last layer with \"sigmoid\", then through layers "
     "L-1 .. 1 with \"relu\", each fed the dA of the layer above."),
    ("update_parameters", "*", "values",
     "Subtract learning_rate times the gradient for every W and b, layers 1 .. L (the last one included)."),
    ("update_parameters", "*", "mutated",
     "Build new arrays (W - learning_rate * dW) in a new dict; `-=` changes the caller's arrays in place, "
     "even after parameters.copy(), which copies the dict but shares its arrays."),
)
