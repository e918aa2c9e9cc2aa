"""Do the grids of pictures, the cost curves per learning rate and the weights shown as pictures
draw what they are given (how many pictures, which ones, their titles and range), with labels in
symbols, and without a warning on all-zero or constant weights?"""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

from dnn_utils.plots import plot_cost_curves, plot_misclassified, show_pictures, show_weights_as_pictures

CLASSES = np.array([b"non-cat", b"cat"])


@pytest.fixture(autouse=True)
def close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def drawn_images(figure):
    return [image.get_array() for axis in figure.axes for image in axis.images]


def test_does_show_pictures_draw_the_first_count_pictures_titled_with_their_class():
    x_orig = np.stack([np.full((4, 4, 3), 10 * k, dtype=np.uint8) for k in range(7)])
    y = np.array([[0, 1, 1, 0, 1, 0, 0]])
    figure = show_pictures(x_orig, y, CLASSES, count=5, columns=3)
    assert len(figure.axes) == 6  # two rows of three, the last cell empty
    images = drawn_images(figure)
    assert len(images) == 5
    for k, image in enumerate(images):
        np.testing.assert_array_equal(image, x_orig[k])
    titles = [axis.get_title() for axis in figure.axes if axis.images]
    assert titles == ["non-cat ($y = 0$)", "cat ($y = 1$)", "cat ($y = 1$)", "non-cat ($y = 0$)", "cat ($y = 1$)"]


def test_does_show_pictures_stop_at_the_last_picture_and_save(tmp_path):
    x_orig = np.zeros((2, 4, 4, 3), dtype=np.uint8)
    figure = show_pictures(x_orig, np.array([[1, 0]]), CLASSES, path=tmp_path / "pictures.png")
    assert len(drawn_images(figure)) == 2 and len(figure.axes) == 6
    assert (tmp_path / "pictures.png").stat().st_size > 0


def test_are_the_cost_curves_one_line_per_rate_against_the_iteration():
    costs_by_rate = {0.01: [0.7, 0.5, 0.4], 0.001: np.array([0.7, 0.65, 0.6, 0.58]), 0.0001: [0.69]}
    figure = plot_cost_curves(costs_by_rate, every=50)
    (axes,) = figure.axes
    lines = axes.get_lines()
    assert len(lines) == 3
    for line, costs in zip(lines, costs_by_rate.values()):
        np.testing.assert_array_equal(line.get_xdata(), 50 * np.arange(len(costs)))
        np.testing.assert_array_equal(line.get_ydata(), costs)
    legend = [entry.get_text() for entry in axes.get_legend().get_texts()]
    assert legend == [r"$\alpha = 0.01$", r"$\alpha = 0.001$", r"$\alpha = 0.0001$"]
    assert axes.get_ylabel() == "$J$" and axes.get_xlabel() == "", "labels are symbols, not words"


def test_are_the_weights_pictures_of_the_first_rows_scaled_to_zero_one():
    rng = np.random.default_rng(0)
    W1 = rng.standard_normal((10, 12)) * 0.01
    figure = show_weights_as_pictures(W1, count=6, columns=4, picture_shape=(2, 2, 3))
    assert len(figure.axes) == 8
    images = drawn_images(figure)
    assert len(images) == 6
    for row, image in enumerate(images):
        assert image.shape == (2, 2, 3)
        assert image.min() == 0.0 and image.max() == 1.0
        expected = (W1[row] - W1[row].min()) / (W1[row].max() - W1[row].min())
        np.testing.assert_allclose(np.asarray(image).reshape(-1), expected)
    assert [axis.get_title() for axis in figure.axes if axis.images] == [f"W1[{row}]" for row in range(6)]


def test_are_zero_and_constant_rows_grey_without_a_warning():
    W1 = np.zeros((3, 12))
    W1[1] = 0.25
    W1[2, 0] = 1.0
    with np.errstate(all="raise"):
        figure = show_weights_as_pictures(W1, count=8, columns=4, picture_shape=(2, 2, 3))
    images = drawn_images(figure)
    assert len(images) == 3, "count beyond the rows of W1 draws every row"
    np.testing.assert_array_equal(images[0], 0.5)
    np.testing.assert_array_equal(images[1], 0.5)
    assert images[2].max() == 1.0 and images[2].min() == 0.0


def test_does_plot_misclassified_still_show_the_wrong_pictures_with_both_classes():
    X = np.arange(12 * 4, dtype=float).reshape(12, 4) / 48
    y = np.array([[1, 0, 1, 0]])
    p = np.array([[1, 1, 0, 0]])
    figure = plot_misclassified(CLASSES, X, y, p, columns=5, image_shape=(2, 2, 3))
    images = drawn_images(figure)
    assert len(images) == 2
    np.testing.assert_array_equal(images[0], X[:, 1].reshape(2, 2, 3))
    assert [axis.get_title() for axis in figure.axes if axis.images] == [
        "$\\hat{y}$ = cat\n$y$ = non-cat", "$\\hat{y}$ = non-cat\n$y$ = cat"]
    assert figure.get_suptitle() == "2 ✗", "symbols, not words: the same picture for both editions"
