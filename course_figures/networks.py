"""Networks: the chain of layers with the shape of every matrix (two-layer and L-layer models),
and the units and weights of a small network."""

from dataclasses import dataclass

from .canvas import FORWARD, INK, MUTED, arrow, box, canvas, circle, shape, text

VALUE_WIDTH = 0.95  # a value: its symbol over its shape
ARROW = 0.3


@dataclass(frozen=True)
class _Layer:
    """One layer of a chain: index l, its units n, the units n_prev of the layer before it, its
    activation (a function name) and, for a layer drawn once for many, the repeat mark."""

    index: object
    n: object
    n_prev: object
    activation: str
    repeat: str = ""


def _value(axes, x, y, symbol, dims):
    text(axes, x, y + 0.13, symbol, size=13)
    text(axes, x, y - 0.16, shape(*dims), size=10, colour=MUTED)


def _chain(source, layers, examples, show_z):
    """Draw X -> [LINEAR -> g] per layer -> A[L]; with ``show_z`` LINEAR and g are separate
    boxes and Z is shown between them."""
    operation = 0.95 if show_z else 1.0
    steps = len(layers) * (2 if show_z else 1)
    values = 1 + steps
    width = 0.2 + values * VALUE_WIDTH + steps * operation + (values + steps - 1) * ARROW
    figure, axes = canvas(width, 2.1 if any(layer.repeat for layer in layers) else 1.95)
    y = 0.8
    x = 0.1 + VALUE_WIDTH / 2
    _value(axes, x, y, source[0], source[1])
    for layer in layers:
        start = x - VALUE_WIDTH / 2 + VALUE_WIDTH + ARROW
        x = start + operation / 2
        arrow(axes, (x - operation / 2 - ARROW, y), (x - operation / 2, y), INK)
        label = "LINEAR" if show_z else f"LINEAR\n$\\rightarrow$ {layer.activation}"
        linear = box(axes, x, y, operation, 0.62, label, FORWARD, size=10)
        text(axes, x, 1.78, f"$W^{{[{layer.index}]}}$ " + shape(layer.n, layer.n_prev), size=10)
        text(axes, x, 1.5, f"$b^{{[{layer.index}]}}$ " + shape(layer.n, 1), size=10)
        arrow(axes, (x, 1.35), linear.top, MUTED, width=1.0)
        if show_z:
            x += operation / 2 + ARROW + VALUE_WIDTH / 2
            arrow(axes, (x - VALUE_WIDTH / 2 - ARROW, y), (x - VALUE_WIDTH / 2, y), INK)
            _value(axes, x, y, f"$Z^{{[{layer.index}]}}$", (layer.n, examples))
            x += VALUE_WIDTH / 2 + ARROW + operation / 2
            arrow(axes, (x - operation / 2 - ARROW, y), (x - operation / 2, y), INK)
            box(axes, x, y, operation, 0.62, layer.activation, FORWARD, size=10)
        x += operation / 2 + ARROW + VALUE_WIDTH / 2
        arrow(axes, (x - VALUE_WIDTH / 2 - ARROW, y), (x - VALUE_WIDTH / 2, y), INK)
        _value(axes, x, y, f"$A^{{[{layer.index}]}}$", (layer.n, examples))
        if layer.repeat:
            left = start + operation / 2 - 0.75
            right = x + VALUE_WIDTH / 2
            box(axes, (left + right) / 2, 1.075, right - left, 1.95, colour=MUTED, dashed=True, fill=False)
            text(axes, right - 0.08, 0.28, layer.repeat, size=12, ha="right")
    return figure


def two_layer_network(n_x="n_x", n_h="n_h", n_y="n_y", examples="m"):
    """LINEAR -> RELU -> LINEAR -> SIGMOID with the shape of every W, b, Z and A; the sizes are
    numbers or mathtext symbols."""
    layers = [_Layer(1, n_h, n_x, "RELU"), _Layer(2, n_y, n_h, "SIGMOID")]
    return _chain(("$X$", (n_x, examples)), layers, examples, show_z=True)


def l_layer_network(layer_dims=None, examples="m"):
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID with the shapes of W, b and A: for the sizes
    ``layer_dims`` = [n_x, n_1, ..., n_L], or in symbols (one layer l drawn for the L-1) when None."""
    if layer_dims is None:
        layers = [_Layer("l", "n^{[l]}", "n^{[l-1]}", "RELU", repeat=r"$\times\,(L-1)$"),
                  _Layer("L", "n^{[L]}", "n^{[L-1]}", "SIGMOID")]
        return _chain(("$X = A^{[0]}$", ("n^{[0]}", examples)), layers, examples, show_z=False)
    layers = [_Layer(index, n, n_prev, "RELU" if index < len(layer_dims) - 1 else "SIGMOID")
              for index, (n_prev, n) in enumerate(zip(layer_dims, layer_dims[1:]), start=1)]
    return _chain(("$X$", (layer_dims[0], examples)), layers, examples, show_z=False)


def one_hidden_layer(sizes=(2, 4, 1), activations=("tanh", r"$\sigma$"), examples="m"):
    """Units as circles, every weight as a line: inputs x_1.., hidden units, output unit, with
    the shapes of W, b and A of each layer."""
    columns = len(sizes)
    gap = 2.3
    radius = 0.26
    height = 0.78 * max(sizes) + 1.45
    width = 1.0 + gap * (columns - 1) + 1.3
    figure, axes = canvas(width, height)
    middle = 0.55 + 0.39 * max(sizes)
    nodes = []
    for column, size in enumerate(sizes):
        x = 0.7 + gap * column
        ys = [middle + 0.78 * ((size - 1) / 2 - row) for row in range(size)]
        if column == 0:
            labels = [f"$x_{{{row + 1}}}$" for row in range(size)]
        else:
            labels = [activations[column - 1]] * size
        size_text = 11 if column == 0 or labels[0].startswith("$") else 9
        nodes.append([circle(axes, x, y, radius, label, FORWARD if column else MUTED, size_text)
                      for y, label in zip(ys, labels)])
        symbol = "$X$" if column == 0 else f"$A^{{[{column}]}}$"
        text(axes, x, 0.22, symbol + " " + shape(size, examples), size=10)
        if column:
            between = x - gap / 2
            text(axes, between, height - 0.2, f"$W^{{[{column}]}}$ " + shape(size, sizes[column - 1]), size=10)
            text(axes, between, height - 0.45, f"$b^{{[{column}]}}$ " + shape(size, 1), size=10)
    for before, after in zip(nodes, nodes[1:]):
        for a in before:
            for b in after:
                arrow(axes, (a.x, a.y), (b.x, b.y), MUTED, width=0.8, shrink=radius * 72 + 1)
    output = nodes[-1][0]
    arrow(axes, output.right, (output.x + 0.75, output.y), INK)
    text(axes, output.x + 0.95, output.y, r"$\hat{y}$", size=14)
    return figure
