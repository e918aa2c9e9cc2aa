"""The forward and backward passes of an L-layer network: what each layer stores in its cache on
the way forward and uses on the way back, and one layer's backward step in detail."""

from .canvas import BACKWARD, CACHE, FORWARD, GRADS, INK, MUTED, arrow, box, canvas, shape, text

CODE = {"family": "DejaVu Sans Mono", "size": 9}


def _code(axes, x, y, content, colour=INK, **options):
    """A name from the code (caches[0], linear_backward), set in monospace."""
    return text(axes, x, y, content, colour=colour, fontfamily=CODE["family"], size=CODE["size"], **options)


def forward_backward_caches():
    """Forward left to right, each layer keeping ((A_prev, W, b), Z) in its cache; backward right
    to left from dA[L], each layer taking its cache and giving dA_prev, dW and db."""
    figure, axes = canvas(12.2, 6.6)
    forward, stored, backward, gradients = 5.35, 3.65, 1.95, 0.5
    layers = [(2.45, "1", "0", "RELU", "caches[0]"), (4.85, "2", "1", "RELU", "caches[1]"),
              (8.3, "L", "L-1", "SIGMOID", "caches[L-1]")]
    dots = 6.55

    text(axes, 0.65, forward, "$X = A^{[0]}$", size=12)
    text(axes, 0.65, backward, "$dA^{[0]}$", size=12, colour=MUTED)
    previous_forward = previous_backward = previous = None
    for x, l, before, activation, name in layers:
        text(axes, x, forward + 0.62, f"$l = {l}$", size=11, colour=MUTED)
        up = box(axes, x, forward, 1.3, 0.72, f"LINEAR\n$\\rightarrow$ {activation}", FORWARD, size=10)
        cache = box(axes, x, stored, 2.15, 0.95, colour=CACHE)
        _code(axes, x, stored + 0.22, name)
        text(axes, x, stored - 0.14, f"$((A^{{[{before}]}}, W^{{[{l}]}}, b^{{[{l}]}}),\\ Z^{{[{l}]}})$", size=11)
        down = box(axes, x, backward, 1.3, 0.72, f"LINEAR\n$\\leftarrow$ {activation}", BACKWARD, size=10)
        arrow(axes, up.bottom, cache.top, CACHE)
        arrow(axes, cache.bottom, down.top, CACHE)
        arrow(axes, down.bottom, (x, gradients + 0.22), GRADS)
        text(axes, x, gradients, f"$dW^{{[{l}]}},\\ db^{{[{l}]}}$", size=12, colour=GRADS)
        if previous_forward is None:
            arrow(axes, (1.25, forward), up.left, FORWARD)
            arrow(axes, down.left, (1.05, backward), MUTED)
        else:
            _between(axes, previous_forward, up, previous_backward, down, (previous, l, before), forward, backward,
                     dots)
        previous_forward, previous_backward, previous = up, down, l

    last_forward, last_backward = previous_forward, previous_backward
    text(axes, 10.15, forward, "$A^{[L]}$", size=13)
    arrow(axes, last_forward.right, (9.8, forward), FORWARD)
    arrow(axes, (10.15, forward - 0.3), (10.15, backward + 0.3), BACKWARD)
    text(axes, 10.3, stored, r"$dA^{[L]} = -\dfrac{Y}{A^{[L]}} + \dfrac{1 - Y}{1 - A^{[L]}}$", size=11,
         colour=BACKWARD, ha="left")
    text(axes, 10.15, backward, "$dA^{[L]}$", size=13, colour=BACKWARD)
    arrow(axes, (9.75, backward), last_backward.right, BACKWARD)
    return figure


def _between(axes, left_up, up, left_down, down, indices, forward, backward, dots):
    """The arrows from one drawn layer to the next: A[l-1] forward, dA[l-1] backward, through the
    dots of the layers not drawn when the two are not neighbours; ``indices`` is (the drawn layer
    before, l, l-1)."""
    previous, l, before = indices
    if l == "L":
        for y in (forward, backward, 3.65):
            text(axes, dots, y, r"$\cdots$", size=14, colour=MUTED)
        arrow(axes, left_up.right, (dots - 0.3, forward), FORWARD)
        arrow(axes, (dots + 0.3, forward), up.left, FORWARD)
        arrow(axes, down.left, (dots + 0.3, backward), BACKWARD)
        arrow(axes, (dots - 0.3, backward), left_down.right, BACKWARD)
        text(axes, (left_up.right[0] + dots) / 2 - 0.12, forward + 0.08, f"$A^{{[{previous}]}}$", size=12,
             colour=FORWARD, va="bottom")
        text(axes, (left_down.right[0] + dots) / 2 - 0.12, backward - 0.08, f"$dA^{{[{previous}]}}$", size=12,
             colour=BACKWARD, va="top")
        text(axes, (dots + up.left[0]) / 2 + 0.12, forward + 0.08, f"$A^{{[{before}]}}$", size=12, colour=FORWARD,
             va="bottom")
        text(axes, (dots + down.left[0]) / 2 + 0.12, backward - 0.08, f"$dA^{{[{before}]}}$", size=12,
             colour=BACKWARD, va="top")
        return
    middle = (left_up.right[0] + up.left[0]) / 2
    arrow(axes, left_up.right, up.left, FORWARD)
    text(axes, middle, forward + 0.08, f"$A^{{[{before}]}}$", size=12, colour=FORWARD, va="bottom")
    arrow(axes, down.left, left_down.right, BACKWARD)
    text(axes, middle, backward - 0.08, f"$dA^{{[{before}]}}$", size=12, colour=BACKWARD, va="top")


def layer_backward_step():
    """Layer l backward: dA[l] and Z[l] give dZ[l]; dZ[l] with A[l-1] and W[l] from the cache
    gives dW[l], db[l] and dA[l-1]; shapes under each."""
    figure, axes = canvas(11.4, 5.6)
    cached = 4.75
    box(axes, 4.6, cached, 8.6, 0.85, colour=CACHE)
    _code(axes, 0.45, cached + 0.58, "cache", ha="left")
    cells = {}
    for name, x, colour in (("A^{[l-1]}", 1.2, CACHE), ("W^{[l]}", 2.6, CACHE), ("b^{[l]}", 3.8, MUTED),
                            ("Z^{[l]}", 7.9, CACHE)):
        cells[name] = box(axes, x, cached, 0.85, 0.52, f"${name}$", colour, size=12)
    # The tuple's brackets and commas: ((A_prev, W, b), Z), as linear_activation_forward builds it.
    for x, mark in ((0.6, "(("), (1.9, ","), (3.2, ","), (4.4, "),"), (8.5, ")")):
        text(axes, x, cached - 0.03, f"${mark}$", size=15, colour=INK)

    step = box(axes, 7.9, 2.75, 2.75, 0.66, r"$dZ^{[l]} = dA^{[l]} \ast g'(Z^{[l]})$", BACKWARD, size=12)
    text(axes, step.x, 2.75 - 0.52, shape("n^{[l]}", "m"), size=10, colour=MUTED)
    _code(axes, step.x, 1.75, "relu_backward\nsigmoid_backward", colour=MUTED)
    arrow(axes, cells["Z^{[l]}"].bottom, step.top, CACHE)
    text(axes, 10.55, 2.88, "$dA^{[l]}$", size=13, colour=BACKWARD)
    text(axes, 10.55, 2.58, shape("n^{[l]}", "m"), size=10, colour=MUTED)
    arrow(axes, (10.1, 2.75), step.right, BACKWARD)

    linear = 3.7
    outputs = [
        (3.45, r"$dA^{[l-1]} = W^{[l]T}\, dZ^{[l]}$", shape("n^{[l-1]}", "m")),
        (2.2, r"$dW^{[l]} = \dfrac{1}{m}\, dZ^{[l]} A^{[l-1]T}$", shape("n^{[l]}", "n^{[l-1]}")),
        (0.95, r"$db^{[l]} = \dfrac{1}{m}\;\; \sum_{i=1}^{m} dZ^{[l](i)}$", shape("n^{[l]}", 1)),
    ]
    drawn = []
    for y, formula, dims in outputs:
        drawn.append(box(axes, linear, y, 3.0, 0.72, formula, BACKWARD if y > 3 else GRADS, size=12))
        arrow(axes, step.left, drawn[-1].right, BACKWARD, width=1.1)
        text(axes, linear - 1.6, y - 0.3, dims, size=10, colour=MUTED, ha="right")
    arrow(axes, cells["W^{[l]}"].bottom, (cells["W^{[l]}"].x, drawn[0].top[1]), CACHE)
    arrow(axes, cells["A^{[l-1]}"].bottom, drawn[1].left, CACHE, corner=True)
    _code(axes, linear, 0.25, "linear_backward", colour=MUTED)
    return figure
