"""Is the cat data found, verified and fetched safely, with errors that say what to do?"""

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from dnn_utils import data
from dnn_utils.data import DATA_DIR_ENV, FILES, DatasetError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def test_shared_files_verify():
    for name in FILES:
        assert data.verify(SHARED / name) == SHARED / name


def test_environment_variable_comes_first(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert data.candidate_dirs()[0] == tmp_path


def test_missing_file_names_the_file_the_checksum_and_the_remedy(tmp_path):
    with pytest.raises(DatasetError) as error:
        data.find_file("train_catvnoncat.h5", data_dir=tmp_path)
    message = str(error.value)
    assert "train_catvnoncat.h5" in message and FILES["train_catvnoncat.h5"] in message
    assert DATA_DIR_ENV in message and "download" in message


def test_corrupt_file_is_refused_with_both_checksums(tmp_path):
    shutil.copy(SHARED / "train_catvnoncat.h5", tmp_path)
    bad = tmp_path / "test_catvnoncat.h5"
    bad.write_bytes(b"not an hdf5 file")
    with pytest.raises(DatasetError) as error:
        data.load_dataset(data_dir=tmp_path)
    message = str(error.value)
    assert "corrupt" in message and FILES["test_catvnoncat.h5"] in message and data.sha256_of(bad) in message


@pytest.fixture
def http_server(tmp_path):
    """An HTTP server on 127.0.0.1 serving tmp_path/served."""
    served = tmp_path / "served"
    served.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_download_fetches_and_verifies(http_server, tmp_path):
    served, url = http_server
    for name in FILES:
        shutil.copy(SHARED / name, served / name)
    target = tmp_path / "data"
    assert data.download(url, data_dir=target) == target
    assert sorted(p.name for p in target.iterdir()) == sorted(FILES)
    train_x, train_y, test_x, test_y, classes = data.load_dataset(data_dir=target)
    assert train_x.shape == (209, 64, 64, 3) and test_x.shape == (50, 64, 64, 3)


def test_download_with_a_wrong_checksum_keeps_nothing_and_leaves_good_files_alone(http_server, tmp_path):
    served, url = http_server
    shutil.copy(SHARED / "train_catvnoncat.h5", served / "train_catvnoncat.h5")
    (served / "test_catvnoncat.h5").write_bytes(b"tampered")
    target = tmp_path / "data"
    with pytest.raises(DatasetError, match="expected 6a9d39ce"):
        data.download(url, data_dir=target)
    assert sorted(p.name for p in target.iterdir()) == ["train_catvnoncat.h5"], "no partial or bad file is kept"
    data.verify(target / "train_catvnoncat.h5")


def test_download_of_a_missing_file_says_which_url_failed(http_server, tmp_path):
    _, url = http_server
    with pytest.raises(DatasetError, match="train_catvnoncat.h5"):
        data.download(url, data_dir=tmp_path / "data")


def test_download_without_a_url_says_how_to_give_one(monkeypatch, tmp_path):
    monkeypatch.delenv(data.DATA_URL_ENV, raising=False)
    with pytest.raises(DatasetError, match="--url"):
        data.download(data_dir=tmp_path)


def test_command_line_reports_errors_without_a_traceback(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        data.main(["verify", "--data-dir", str(tmp_path)])
    assert "error:" in str(exit_.value) and "train_catvnoncat.h5" in str(exit_.value)
