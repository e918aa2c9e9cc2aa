"""Does a picture of one's own reach the model prepared exactly like the training data, with clear
errors when it cannot be read, and do the single-picture plots draw without a display?"""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from dnn_utils.data import flatten_images
from dnn_utils.pictures import load_picture, sample_picture_path
from dnn_utils.plots import show_example, show_picture


@pytest.fixture(autouse=True)
def close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def test_sample_picture_ships_with_matplotlib():
    assert sample_picture_path().is_file()


def test_default_picture_has_the_training_shapes_and_range():
    image, x = load_picture()
    assert image.shape == (64, 64, 3) and image.dtype == np.uint8
    assert x.shape == (12288, 1) and x.dtype == np.float64
    assert 0.0 <= x.min() and x.max() <= 1.0
    assert image.min() < image.max(), "a real photograph is not one flat colour"


def test_picture_is_flattened_like_the_training_set():
    image, x = load_picture()
    np.testing.assert_array_equal(x, flatten_images(image[np.newaxis]))
    # Row-major: the first three entries are the red, green, blue of the top-left pixel.
    np.testing.assert_array_equal(x[:3, 0], image[0, 0] / 255)
    np.testing.assert_array_equal(x[-3:, 0], image[-1, -1] / 255)


def test_size_sets_the_square_side():
    image, x = load_picture(size=16)
    assert image.shape == (16, 16, 3) and x.shape == (16 * 16 * 3, 1)


def test_png_with_alpha_is_cropped_to_the_centre_and_loses_its_alpha(tmp_path):
    # A wide RGBA picture: red left third, green centre square, blue right third, half transparent.
    pixels = np.zeros((100, 300, 4), dtype=np.uint8)
    pixels[:, :100, 0] = 255
    pixels[:, 100:200, 1] = 255
    pixels[:, 200:, 2] = 255
    pixels[..., 3] = 128
    path = tmp_path / "wide.png"
    Image.fromarray(pixels, mode="RGBA").save(path)

    image, x = load_picture(path)
    assert image.shape == (64, 64, 3) and x.shape == (12288, 1)
    np.testing.assert_array_equal(image[..., 1], 255)
    np.testing.assert_array_equal(image[..., [0, 2]], 0)


def test_greyscale_picture_gets_three_equal_channels(tmp_path):
    path = tmp_path / "grey.png"
    Image.fromarray(np.full((40, 40), 77, dtype=np.uint8), mode="L").save(path)
    image, _ = load_picture(path, size=8)
    np.testing.assert_array_equal(image, 77)


def test_camera_rotation_stored_in_exif_is_applied(tmp_path):
    pixels = np.zeros((20, 20, 3), dtype=np.uint8)
    pixels[:10, :, 0] = 255  # red on top as stored
    pixels[10:, :, 2] = 255  # blue below
    exif = Image.Exif()
    exif[0x0112] = 3  # Orientation: stored upside down
    path = tmp_path / "rotated.png"
    Image.fromarray(pixels).save(path, exif=exif)
    image, _ = load_picture(path, size=20)
    assert image[0, :, 2].min() == 255 and image[-1, :, 0].min() == 255


def test_missing_picture_names_the_path_and_the_way_out(tmp_path):
    missing = tmp_path / "no_such_cat.jpg"
    with pytest.raises(FileNotFoundError) as error:
        load_picture(missing)
    message = str(error.value)
    assert str(missing) in message and "None" in message


def test_missing_sample_picture_asks_for_a_picture_of_ones_own(monkeypatch, tmp_path):
    from dnn_utils import pictures

    monkeypatch.setattr(pictures, "sample_picture_path", lambda: tmp_path / "gone.jpg")
    with pytest.raises(FileNotFoundError, match="your own"):
        load_picture()


def test_file_that_is_not_a_picture_is_a_value_error_naming_it(tmp_path):
    notes = tmp_path / "notes.jpg"
    notes.write_text("this is not a picture")
    with pytest.raises(ValueError, match="notes.jpg"):
        load_picture(notes)


def test_folder_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError, match=str(tmp_path)):
        load_picture(tmp_path)


@pytest.mark.parametrize("size", [0, -3, 2.5, True])
def test_bad_size_is_refused(size):
    with pytest.raises(ValueError, match="size"):
        load_picture(size=size)


def test_show_example_titles_the_picture_with_its_label():
    x_orig = np.zeros((3, 64, 64, 3), dtype=np.uint8)
    y = np.array([[0, 1, 0]])
    classes = np.array([b"non-cat", b"cat"])
    figure = show_example(x_orig, y, classes, 1)
    assert isinstance(figure, Figure)
    assert figure.axes[0].get_title() == "y = 1 (cat)"
    assert show_example(x_orig, y, classes, 2).axes[0].get_title() == "y = 0 (non-cat)"


def test_show_example_says_which_indices_exist():
    x_orig = np.zeros((3, 64, 64, 3), dtype=np.uint8)
    with pytest.raises(IndexError, match="0 to 2"):
        show_example(x_orig, np.array([[0, 1, 0]]), np.array([b"non-cat", b"cat"]), 3)


def test_show_picture_draws_and_saves(tmp_path):
    image, _ = load_picture(size=16)
    figure = show_picture(image, "sample", path=tmp_path / "sample.png")
    assert isinstance(figure, Figure) and figure.axes[0].get_title() == "sample"
    assert (tmp_path / "sample.png").stat().st_size > 0
