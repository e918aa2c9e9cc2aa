"""The cat / non-cat data set: where it lives, checking it, fetching it, loading it.

The folder holding the two .h5 files is found, in order, from
  1. the ``data_dir`` argument,
  2. the ``DNN_DATA_DIR`` environment variable,
  3. ``datasets/`` or ``shared/datasets/`` in the current folder or any folder above it, then
     likewise above this package (a course checkout beside the shared data),
  4. ``~/.cache/dnn-from-scratch/datasets`` (USER_CACHE, where downloads go by default).
When a file is found nowhere, loading it downloads both files into USER_CACHE (one line on stderr
says from where to where). A configured folder (``data_dir`` or ``DNN_DATA_DIR``) is a promise that
the files are there: if it lacks them that is an error naming it, never a download elsewhere.
Every file is checked against its sha256 before use; a failed or wrong download keeps nothing.

Environment variables:
  DNN_DATA_DIR      folder holding the two files (also where the download command saves them).
  DNN_DATA_URL      base URL to download from instead of DEFAULT_URL.
  DNN_DATA_OFFLINE  1 (or true/yes/on): never download automatically; a missing file is an error.
"""

import hashlib
import http.client
import os
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path

import numpy as np

DATA_DIR_ENV = "DNN_DATA_DIR"
DATA_URL_ENV = "DNN_DATA_URL"
OFFLINE_ENV = "DNN_DATA_OFFLINE"
# A public copy of both files, pinned to one commit so its content cannot change under us.
DEFAULT_URL = ("https://raw.githubusercontent.com/Hiren2002/Logistic-Regression/"
               "a6139a838a0e624f4ab923377df0c5d3386fdf1f/datasets")
FILES = {
    "train_catvnoncat.h5": "fbe56ab67c3ae28d564e3a644189117976d6b31af0a3ce9bb17dbf22908af242",
    "test_catvnoncat.h5": "6a9d39ce52fa85953c5834695b8534a30ed8cfd54971fb2f080b5a24d002b951",
}
USER_CACHE = Path.home() / ".cache" / "dnn-from-scratch" / "datasets"
PACKAGE_DIR = Path(__file__).resolve().parent
HOW_TO_GET = (
    f"Set {DATA_DIR_ENV} to the folder that holds train_catvnoncat.h5 and test_catvnoncat.h5, "
    f"or fetch them with `python -m dnn_utils.data download` (from the course's pinned copy, or "
    f"--url BASE_URL / {DATA_URL_ENV}), which verifies their checksums."
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
    for start in (Path.cwd(), PACKAGE_DIR):
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


def offline():
    """True when DNN_DATA_OFFLINE forbids the automatic download."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def find_file(name, data_dir=None, auto_download=None):
    """Path of the verified data file ``name``, searched in candidate_dirs().

    Found nowhere, it is downloaded into USER_CACHE, unless a folder is configured (``data_dir`` or
    DNN_DATA_DIR), ``auto_download`` is False, or (``auto_download`` None) DNN_DATA_OFFLINE is set.
    """
    searched = candidate_dirs(data_dir)
    for folder in searched:
        if (folder / name).exists():
            return verify(folder / name)
    where = ", ".join(str(d) for d in searched)
    missing = f"{name} not found (expected sha256 {FILES[name]}); searched {where}."
    if data_dir is not None or os.environ.get(DATA_DIR_ENV):
        folder, by = (data_dir, "the data_dir argument") if data_dir is not None else (
            os.environ[DATA_DIR_ENV], DATA_DIR_ENV)
        raise DatasetError(
            f"{missing} The data folder {folder} (set by {by}) lacks it, so nothing is downloaded elsewhere: "
            f"fetch the files into it with `python -m dnn_utils.data download --data-dir {folder}`, or point "
            f"data_dir / {DATA_DIR_ENV} at a folder that holds them, or leave both unset to have them "
            f"downloaded into {USER_CACHE}."
        )
    if auto_download is False:
        raise DatasetError(f"{missing} {HOW_TO_GET}")
    if auto_download is None and offline():
        raise DatasetError(f"{missing} Automatic download is off ({OFFLINE_ENV} is set). {HOW_TO_GET}")
    url = os.environ.get(DATA_URL_ENV) or DEFAULT_URL
    print(f"Downloading the cat data from {url} to {USER_CACHE} (set {OFFLINE_ENV}=1 to prevent this)",
          file=sys.stderr, flush=True)
    try:
        download(url, USER_CACHE)
    except DatasetError as error:
        raise DatasetError(f"{missing} Downloading it failed: {error} {HOW_TO_GET}") from error
    return verify(USER_CACHE / name)


def load_dataset(data_dir=None):
    """Load the raw cat data (downloaded on first use when found nowhere: see find_file).

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
    """Fetch both files from ``url`` (a base URL; default DNN_DATA_URL, else DEFAULT_URL) into
    ``data_dir`` (default DNN_DATA_DIR, else the user cache), verifying each checksum before it is kept.

    A file that is already present and correct is not fetched again. Returns the folder.
    """
    url = url or os.environ.get(DATA_URL_ENV) or DEFAULT_URL
    target = Path(data_dir or os.environ.get(DATA_DIR_ENV) or USER_CACHE)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatasetError(f"Cannot create the data folder {target}: {error}. Choose another with "
                           f"--data-dir or {DATA_DIR_ENV}.") from error
    for name, expected in FILES.items():
        final = target / name
        if final.exists() and sha256_of(final) == expected:
            continue
        source = url.rstrip("/") + "/" + name
        # Download beside the target, then rename: a failed, corrupt or interrupted fetch never
        # replaces a file nor leaves one behind.
        part = tempfile.NamedTemporaryFile(dir=target, prefix=f".{name}.", suffix=".part", delete=False)
        try:
            try:
                with part, urllib.request.urlopen(source, timeout=timeout) as response:
                    shutil.copyfileobj(response, part)
            except (OSError, ValueError, http.client.HTTPException) as error:
                raise DatasetError(f"Could not fetch {source}: {error}; nothing was saved.") from error
            actual = sha256_of(part.name)
            if actual != expected:
                raise DatasetError(f"{source} has sha256 {actual}, expected {expected}; nothing was saved.")
            os.replace(part.name, final)
        except BaseException:
            Path(part.name).unlink(missing_ok=True)
            raise
    return target


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(prog="python -m dnn_utils.data", description="Find, verify or fetch the cat data.")
    sub = parser.add_subparsers(dest="command", required=True)
    fetch = sub.add_parser("download", help="fetch both .h5 files and verify their sha256")
    fetch.add_argument("--url", help=f"base URL holding the two files (default ${DATA_URL_ENV}, else {DEFAULT_URL})")
    fetch.add_argument("--data-dir", help=f"where to save them (default ${DATA_DIR_ENV}, else {USER_CACHE})")
    check = sub.add_parser("verify", help="find both files and check their sha256 (never downloads)")
    check.add_argument("--data-dir")
    args = parser.parse_args(argv)
    try:
        if args.command == "download":
            print(f"Data ready in {download(args.url, args.data_dir)}")
        else:
            for name in FILES:
                print(f"ok  {find_file(name, args.data_dir, auto_download=False)}")
    except DatasetError as error:
        raise SystemExit(f"error: {error}") from None


if __name__ == "__main__":
    main()
