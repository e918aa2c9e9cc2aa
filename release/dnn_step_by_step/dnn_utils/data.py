"""The cat / non-cat data set: where it lives, checking it, fetching it, loading it.

The folder holding the two .h5 files is found, in order, from
  1. the ``data_dir`` argument,
  2. the ``DNN_DATA_DIR`` environment variable,
  3. ``datasets/`` or ``shared/datasets/`` in the current folder or any folder above it, then
     likewise above this package (a course checkout beside the shared data),
  4. ``~/.cache/dnn-from-scratch/datasets`` (where ``download`` puts them by default).
Every file is checked against its sha256 before use.
"""

import hashlib
import os
import shutil
import tempfile
import urllib.request
from pathlib import Path

import numpy as np

DATA_DIR_ENV = "DNN_DATA_DIR"
DATA_URL_ENV = "DNN_DATA_URL"
FILES = {
    "train_catvnoncat.h5": "fbe56ab67c3ae28d564e3a644189117976d6b31af0a3ce9bb17dbf22908af242",
    "test_catvnoncat.h5": "6a9d39ce52fa85953c5834695b8534a30ed8cfd54971fb2f080b5a24d002b951",
}
USER_CACHE = Path.home() / ".cache" / "dnn-from-scratch" / "datasets"
HOW_TO_GET = (
    f"Set {DATA_DIR_ENV} to the folder that holds train_catvnoncat.h5 and test_catvnoncat.h5, "
    f"or fetch them with `python -m dnn_utils.data download --url BASE_URL` "
    f"(or set {DATA_URL_ENV}), which verifies their checksums."
)


class DatasetError(RuntimeError):
    """The data set is missing or not the expected file."""


def candidate_dirs(data_dir=None):
    """The folders searched for the data, in order of preference."""
    if data_dir is not None:
        return [Path(data_dir)]
    found = []
    if os.environ.get(DATA_DIR_ENV):
        found.append(Path(os.environ[DATA_DIR_ENV]))
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for folder in (start, *start.parents):
            found += [folder / "datasets", folder / "shared" / "datasets"]
    found.append(USER_CACHE)
    return list(dict.fromkeys(found))


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(path):
    """Raise DatasetError unless ``path`` is one of our files with its expected checksum."""
    path = Path(path)
    expected = FILES[path.name]
    if not path.is_file():
        raise DatasetError(f"{path.name} not found at {path} (expected sha256 {expected}). {HOW_TO_GET}")
    actual = sha256_of(path)
    if actual != expected:
        raise DatasetError(
            f"{path} is corrupt or not the course file: sha256 {actual}, expected {expected}. "
            f"Delete it and fetch it again. {HOW_TO_GET}"
        )
    return path


def find_file(name, data_dir=None):
    """Path of the verified data file ``name``, searched in candidate_dirs()."""
    searched = candidate_dirs(data_dir)
    for folder in searched:
        if (folder / name).exists():
            return verify(folder / name)
    where = ", ".join(str(d) for d in searched)
    raise DatasetError(f"{name} not found (expected sha256 {FILES[name]}); searched {where}. {HOW_TO_GET}")


def load_dataset(data_dir=None):
    """Load the raw cat data.

    Returns ``(train_x_orig, train_y, test_x_orig, test_y, classes)``: images (m, 64, 64, 3) uint8,
    labels (1, m) int, classes an array of byte strings [b'non-cat', b'cat'].
    """
    import h5py

    with h5py.File(find_file("train_catvnoncat.h5", data_dir), "r") as train:
        train_x_orig = np.array(train["train_set_x"][:])
        train_y = np.array(train["train_set_y"][:]).reshape(1, -1)
    with h5py.File(find_file("test_catvnoncat.h5", data_dir), "r") as test:
        test_x_orig = np.array(test["test_set_x"][:])
        test_y = np.array(test["test_set_y"][:]).reshape(1, -1)
        classes = np.array(test["list_classes"][:])
    return train_x_orig, train_y, test_x_orig, test_y, classes


def flatten_images(x_orig):
    """(m, 64, 64, 3) uint8 images -> X of shape (12288, m), one row-major-flattened image per
    column, scaled to [0, 1] by /255."""
    return x_orig.reshape(x_orig.shape[0], -1).T / 255


def load_prepared(data_dir=None):
    """``(train_x, train_y, test_x, test_y, classes)`` ready for the network (see flatten_images)."""
    train_x_orig, train_y, test_x_orig, test_y, classes = load_dataset(data_dir)
    return flatten_images(train_x_orig), train_y, flatten_images(test_x_orig), test_y, classes


def download(url=None, data_dir=None, timeout=60):
    """Fetch both files from ``url`` (a base URL; default from DNN_DATA_URL) into ``data_dir``
    (default DNN_DATA_DIR, else the user cache), verifying each checksum before it is kept.

    A file that is already present and correct is not fetched again. Returns the folder.
    """
    url = url or os.environ.get(DATA_URL_ENV)
    if not url:
        raise DatasetError(f"No download URL: pass --url BASE_URL or set {DATA_URL_ENV}.")
    target = Path(data_dir or os.environ.get(DATA_DIR_ENV) or USER_CACHE)
    target.mkdir(parents=True, exist_ok=True)
    for name, expected in FILES.items():
        final = target / name
        if final.exists() and sha256_of(final) == expected:
            continue
        source = url.rstrip("/") + "/" + name
        # Download beside the target, then rename: a failed or corrupt fetch never replaces a file.
        with tempfile.NamedTemporaryFile(dir=target, prefix=f".{name}.", delete=False) as part:
            try:
                with urllib.request.urlopen(source, timeout=timeout) as response:
                    shutil.copyfileobj(response, part)
            except OSError as error:
                os.unlink(part.name)
                raise DatasetError(f"Could not fetch {source}: {error}") from error
        actual = sha256_of(part.name)
        if actual != expected:
            os.unlink(part.name)
            raise DatasetError(f"{source} has sha256 {actual}, expected {expected}; nothing was saved.")
        os.replace(part.name, final)
    return target


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(prog="python -m dnn_utils.data", description="Find, verify or fetch the cat data.")
    sub = parser.add_subparsers(dest="command", required=True)
    fetch = sub.add_parser("download", help="fetch both .h5 files and verify their sha256")
    fetch.add_argument("--url", help=f"base URL holding the two files (default ${DATA_URL_ENV})")
    fetch.add_argument("--data-dir", help=f"where to save them (default ${DATA_DIR_ENV}, else {USER_CACHE})")
    check = sub.add_parser("verify", help="find both files and check their sha256")
    check.add_argument("--data-dir")
    args = parser.parse_args(argv)
    try:
        if args.command == "download":
            print(f"Data ready in {download(args.url, args.data_dir)}")
        else:
            for name in FILES:
                print(f"ok  {find_file(name, args.data_dir)}")
    except DatasetError as error:
        raise SystemExit(f"error: {error}") from None


if __name__ == "__main__":
    main()
