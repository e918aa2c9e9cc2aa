"""Logistic regression: the single unit, and the computation graph of the cost with its backward
pass."""

from .canvas import BACKWARD, FORWARD, INK, MUTED, arrow, box, canvas, circle, text


def logistic_unit(n_x="n_x"):
    """Inputs x_1 .. x_n, weighted by w, into z = w^T x + b, then a = sigma(z) = y-hat, then the
    loss L(a, y)."""
    figure, axes = canvas(8.6, 3.3)
    y = 1.6
    inputs = [(f"$x_{{{k}}}$", f"$w_{{{k}}}$", level) for k, level in (("1", 2.75), ("2", 2.05), (n_x, 0.55))]
    text(axes, 0.6, 1.35, r"$\vdots$", size=14)
    z = box(axes, 3.55, y, 1.65, 0.7, r"$z = w^{T}x + b$", FORWARD, size=13)
    for name, weight, level in inputs:
        node = circle(axes, 0.6, level, 0.27, name, MUTED, size=12)
        arrow(axes, node.right, z.left, MUTED, width=1.0)
        # The weight's name sits on its line, a third of the way along.
        wx = node.right[0] + (z.left[0] - node.right[0]) * 0.38
        wy = level + (y - level) * 0.38
        text(axes, wx, wy + 0.16, weight, size=12, colour=INK)
    a = box(axes, 5.35, y, 1.35, 0.7, r"$a = \sigma(z)$", FORWARD, size=13)
    arrow(axes, z.right, a.left, FORWARD)
    box(axes, 4.45, y, 3.55, 1.2, colour=FORWARD, dashed=True, fill=False)
    text(axes, z.x, 3.0, "$b$", size=13)
    arrow(axes, (z.x, 2.85), (z.x, 2.2), MUTED, width=1.0)
    loss = box(axes, 7.75, y, 1.2, 0.7, r"$\mathcal{L}(a, y)$", MUTED, size=13)
    arrow(axes, a.right, loss.left, INK)
    text(axes, (a.right[0] + loss.left[0]) / 2, y + 0.08, r"$a = \hat{y}$", size=12, va="bottom")
    text(axes, loss.x, 0.35, "$y$", size=13)
    arrow(axes, (loss.x, 0.5), loss.bottom, MUTED, width=1.0)
    return figure


def cost_graph():
    """w, b, x -> z -> a -> L(a, y) for one example, J the mean of L over the m examples; the
    backward pass (dz = a - y, dw = x dz, db = dz) in its own colour."""
    figure, axes = canvas(11.3, 4.3)
    y = 2.3
    w = box(axes, 0.75, 3.45, 0.6, 0.5, "$w$", FORWARD, size=13)
    x = box(axes, 0.75, y, 0.6, 0.5, "$x$", MUTED, size=13)
    b = box(axes, 0.75, 1.15, 0.6, 0.5, "$b$", FORWARD, size=13)
    z = box(axes, 3.1, y, 1.6, 0.62, r"$z = w^{T}x + b$", FORWARD, size=13)
    a = box(axes, 5.45, y, 1.3, 0.62, r"$a = \sigma(z)$", FORWARD, size=13)
    loss = box(axes, 7.55, y, 1.2, 0.62, r"$\mathcal{L}(a, y)$", FORWARD, size=13)
    cost = box(axes, 9.95, y, 2.3, 1.0, r"$J = \dfrac{1}{m}\;\;\sum_{i=1}^{m}\mathcal{L}(a^{(i)}, y^{(i)})$", FORWARD,
               size=12)
    # One example's graph; J gathers the m of them.
    box(axes, 4.25, 2.28, 8.2, 3.75, colour=MUTED, dashed=True, fill=False)
    text(axes, 8.2, 0.6, r"$i = 1, \ldots, m$", size=12, colour=MUTED, ha="right")

    for node in (w, x, b):
        arrow(axes, node.right, z.left, FORWARD)
    arrow(axes, z.right, a.left, FORWARD)
    arrow(axes, a.right, loss.left, FORWARD)
    arrow(axes, loss.right, cost.left, FORWARD)
    text(axes, loss.x, 3.35, "$y$", size=13)
    arrow(axes, (loss.x, 3.2), loss.top, MUTED, width=1.0)

    low = y - 0.2
    arrow(axes, (loss.left[0], low), (a.right[0], low), BACKWARD, bend=-0.6)
    text(axes, (loss.x + a.x) / 2 + 0.05, 1.45, r"$da = -\dfrac{y}{a} + \dfrac{1-y}{1-a}$", size=12, colour=BACKWARD)
    arrow(axes, (a.left[0], low), (z.right[0], low), BACKWARD, bend=-0.6)
    text(axes, (a.x + z.x) / 2 + 0.1, 1.45, "$dz = a - y$", size=13, colour=BACKWARD)
    arrow(axes, (z.x - 0.3, z.top[1]), (w.right[0], w.y + 0.12), BACKWARD, bend=0.35)
    text(axes, 2.0, 3.75, r"$dw = x\,dz$", size=13, colour=BACKWARD)
    arrow(axes, (z.x - 0.3, z.bottom[1]), (b.right[0], b.y - 0.12), BACKWARD, bend=-0.35)
    text(axes, 2.0, 0.85, "$db = dz$", size=13, colour=BACKWARD)

    text(axes, cost.x, 1.3, r"$\dfrac{\partial J}{\partial w} = \dfrac{1}{m}\;\;\sum_{i=1}^{m} x^{(i)}dz^{(i)}$",
         size=12, colour=BACKWARD)
    text(axes, cost.x, 0.45, r"$\dfrac{\partial J}{\partial b} = \dfrac{1}{m}\;\;\sum_{i=1}^{m} dz^{(i)}$",
         size=12, colour=BACKWARD)
    return figure
