"""Your own picture for the trained cat model: opened, squared, shrunk and flattened exactly like
the training data, so that ``predict(x, y, parameters)`` sees what it was trained on."""

from pathlib import Path

import numpy as np

from .data import flatten_images

SAMPLE_PICTURE = "grace_hopper.jpg"


def sample_picture_path():
    """Path of a photograph that ships with matplotlib (``mpl-data/sample_data/grace_hopper.jpg``),
    used when no picture of your own is given."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "sample_data" / SAMPLE_PICTURE


def _open_rgb(path):
    """The picture at ``path`` as an RGB Pillow image, upright as the camera meant it."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as picture:
            # Phones store the rotation in EXIF instead of turning the pixels: apply it.
            upright = ImageOps.exif_transpose(picture)
            # RGB drops an alpha channel and expands greyscale or palette pictures to 3 channels.
            return upright.convert("RGB")
    except (UnidentifiedImageError, OSError) as error:
        raise ValueError(
            f"{path} could not be read as a picture ({error}). Give the path of a JPEG, PNG or other "
            f"image file that Pillow can open."
        ) from error


def _centre_square(width, height):
    """(left, top, right, bottom) of the largest square centred in a width x height picture."""
    side = min(width, height)
    left, top = (width - side) // 2, (height - side) // 2
    return left, top, left + side, top + side


def load_picture(path=None, size=64):
    """Load one picture the way the training images were prepared.

    path: a picture file (JPEG, PNG, ...); None uses matplotlib's sample photograph
        (see sample_picture_path), so the call works without a picture of your own.
    size: side in pixels of the square the picture is shrunk to; the cat model needs 64.

    The picture is converted to RGB, cropped to the largest centred square and resized to
    (size, size). Returns ``(image, x)``:
        image: (size, size, 3) uint8, for display with ``plt.imshow``;
        x: (size * size * 3, 1) float64 in [0, 1], the image flattened row-major and divided by
           255 exactly as ``flatten_images`` does to the training set, ready for ``predict``.
    Raises FileNotFoundError when nothing is at ``path``, IsADirectoryError for a folder and
    ValueError when the file is not a picture.
    """
    from PIL import Image

    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"size must be a positive whole number of pixels, got {size!r}")
    if path is None:
        path = sample_picture_path()
        if not path.is_file():
            raise FileNotFoundError(
                f"The sample picture {path} is not installed with this matplotlib; "
                f"give the path of a picture of your own instead."
            )
    path = Path(path).expanduser()
    if not path.exists():
        raise FileNotFoundError(
            f"No picture at {path} (relative paths start from {Path.cwd()}). Check the path, or set it "
            f"to None to use the sample picture."
        )
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; give the path of a picture file inside it.")
    picture = _open_rgb(path)
    square = picture.crop(_centre_square(picture.width, picture.height))
    # Crop first, then resize: nothing outside the square leaks in through the resampling filter.
    image = np.array(square.resize((size, size), Image.Resampling.LANCZOS), dtype=np.uint8)
    x = flatten_images(image[np.newaxis])
    return image, x
