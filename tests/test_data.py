"""Is the cat data found, verified and fetched safely, with errors that say what to do?"""

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from dnn_utils import data
from dnn_utils.data import DATA_DIR_ENV, DATA_URL_ENV, FILES, OFFLINE_ENV, DatasetError

PINNED_URL = data.DEFAULT_URL  # before no_internet replaces it


@pytest.fixture(autouse=True)
def no_internet(monkeypatch, tmp_path):
    """No test here can reach the internet or the real user cache: the default URL has a scheme
    urllib refuses without opening a socket, and USER_CACHE is a temporary folder."""
    monkeypatch.setattr(data, "DEFAULT_URL", "no-internet-in-tests://default")
    monkeypatch.setattr(data, "USER_CACHE", tmp_path / "user-cache")
    monkeypatch.delenv(DATA_URL_ENV, raising=False)
    monkeypatch.delenv(OFFLINE_ENV, raising=False)


@pytest.fixture
def nothing_nearby(monkeypatch, tmp_path):
    """The data is found nowhere: no DNN_DATA_DIR, and neither the current folder nor the package
    has a datasets folder above it."""
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    monkeypatch.setattr(data, "PACKAGE_DIR", tmp_path / "package")
    found = [d / name for d in data.candidate_dirs() for name in FILES if (d / name).exists()]
    assert not found, f"this test needs the data to be found nowhere, but it is at {found}"


def test_shared_files_verify(real_data_dir):
    for name in FILES:
        assert data.verify(real_data_dir / name) == real_data_dir / name


def test_environment_variable_comes_first(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert data.candidate_dirs()[0] == tmp_path


def test_missing_file_names_the_file_the_checksum_and_the_remedy(tmp_path):
    with pytest.raises(DatasetError) as error:
        data.find_file("train_catvnoncat.h5", data_dir=tmp_path)
    message = str(error.value)
    assert "train_catvnoncat.h5" in message and FILES["train_catvnoncat.h5"] in message
    assert DATA_DIR_ENV in message and "download" in message
    assert str(tmp_path) in message and "--data-dir" in message, "names the configured folder and the fix"


def test_corrupt_file_is_refused_with_both_checksums(real_data_dir, tmp_path):
    shutil.copy(real_data_dir / "train_catvnoncat.h5", tmp_path)
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

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_download_fetches_and_verifies(real_data_dir, http_server, tmp_path):
    served, url = http_server
    for name in FILES:
        shutil.copy(real_data_dir / name, served / name)
    target = tmp_path / "data"
    assert data.download(url, data_dir=target) == target
    assert sorted(p.name for p in target.iterdir()) == sorted(FILES)
    train_x, train_y, test_x, test_y, classes = data.load_dataset(data_dir=target)
    assert train_x.shape == (209, 64, 64, 3) and test_x.shape == (50, 64, 64, 3)


def test_download_with_a_wrong_checksum_keeps_nothing_and_leaves_good_files_alone(real_data_dir, http_server, tmp_path):
    served, url = http_server
    shutil.copy(real_data_dir / "train_catvnoncat.h5", served / "train_catvnoncat.h5")
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


def test_pinned_default_url_names_the_commit():
    commit = "a6139a838a0e624f4ab923377df0c5d3386fdf1f"
    assert PINNED_URL == f"https://raw.githubusercontent.com/Hiren2002/Logistic-Regression/{commit}/datasets"


def serve_the_data(served, real_data_dir):
    for name in FILES:
        shutil.copy(real_data_dir / name, served / name)


def test_download_uses_the_default_url_when_none_is_given(real_data_dir, http_server, monkeypatch, tmp_path):
    served, url = http_server
    serve_the_data(served, real_data_dir)
    monkeypatch.setattr(data, "DEFAULT_URL", url)
    assert data.download(data_dir=tmp_path / "data") == tmp_path / "data"
    data.main(["download", "--data-dir", str(tmp_path / "cli")])
    for name in FILES:
        data.verify(tmp_path / "data" / name)
        data.verify(tmp_path / "cli" / name)


def test_url_environment_variable_overrides_the_default(real_data_dir, http_server, monkeypatch, tmp_path):
    served, url = http_server
    serve_the_data(served, real_data_dir)
    monkeypatch.setenv(DATA_URL_ENV, url)  # DEFAULT_URL is unusable (see no_internet)
    data.download(data_dir=tmp_path / "data")
    data.verify(tmp_path / "data" / "test_catvnoncat.h5")


def test_first_load_downloads_into_the_user_cache(real_data_dir, http_server, nothing_nearby, monkeypatch, capsys):
    served, url = http_server
    serve_the_data(served, real_data_dir)
    monkeypatch.setattr(data, "DEFAULT_URL", url)
    train_x, train_y, test_x, test_y, classes = data.load_prepared()
    assert train_x.shape == (12288, 209) and test_x.shape == (12288, 50)
    assert sorted(p.name for p in data.USER_CACHE.iterdir()) == sorted(FILES)
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and url in err and str(data.USER_CACHE) in err
    for name in FILES:
        (served / name).unlink()  # a second load uses the cache and says nothing
    data.load_dataset()
    assert capsys.readouterr().err == ""


def test_failed_automatic_download_keeps_nothing_and_says_what_to_do(real_data_dir, http_server, nothing_nearby, monkeypatch):
    served, url = http_server
    shutil.copy(real_data_dir / "train_catvnoncat.h5", served)
    (served / "test_catvnoncat.h5").write_bytes(b"tampered")
    monkeypatch.setattr(data, "DEFAULT_URL", url)
    with pytest.raises(DatasetError) as error:
        data.load_dataset()
    message = str(error.value)
    assert "train_catvnoncat.h5 not found" in message and "expected 6a9d39ce" in message and DATA_DIR_ENV in message
    assert sorted(p.name for p in data.USER_CACHE.iterdir()) == ["train_catvnoncat.h5"], "no partial or bad file"


def test_configured_folder_wins_over_download(real_data_dir, http_server, nothing_nearby, monkeypatch, tmp_path):
    served, url = http_server
    serve_the_data(served, real_data_dir)
    monkeypatch.setattr(data, "DEFAULT_URL", url)
    monkeypatch.setenv(DATA_DIR_ENV, str(real_data_dir))
    assert data.find_file("test_catvnoncat.h5") == real_data_dir / "test_catvnoncat.h5"
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv(DATA_DIR_ENV, str(empty))
    with pytest.raises(DatasetError) as error:
        data.find_file("train_catvnoncat.h5")
    message = str(error.value)
    assert f"{empty} (set by {DATA_DIR_ENV})" in message and f"download --data-dir {empty}" in message
    with pytest.raises(DatasetError, match="data_dir argument"):
        data.load_dataset(data_dir=empty)
    assert not data.USER_CACHE.exists() and list(empty.iterdir()) == [], "nothing was downloaded anywhere"


@pytest.mark.parametrize("value", ["1", "true", "YES"])
def test_offline_turns_the_automatic_download_into_a_clear_error(real_data_dir, http_server, nothing_nearby, monkeypatch, value):
    served, url = http_server
    serve_the_data(served, real_data_dir)
    monkeypatch.setattr(data, "DEFAULT_URL", url)
    monkeypatch.setenv(OFFLINE_ENV, value)
    with pytest.raises(DatasetError) as error:
        data.load_prepared()
    message = str(error.value)
    assert "train_catvnoncat.h5 not found" in message and OFFLINE_ENV in message and "download" in message
    assert not data.USER_CACHE.exists()


def test_verify_command_never_downloads(real_data_dir, http_server, nothing_nearby, monkeypatch):
    served, url = http_server
    serve_the_data(served, real_data_dir)
    monkeypatch.setattr(data, "DEFAULT_URL", url)
    with pytest.raises(SystemExit, match="not found"):
        data.main(["verify"])
    assert not data.USER_CACHE.exists()


def test_unusable_url_keeps_no_temporary_file(tmp_path):
    with pytest.raises(DatasetError, match="Could not fetch no-internet-in-tests://default/train_catvnoncat.h5"):
        data.download(data_dir=tmp_path / "data")
    assert list((tmp_path / "data").iterdir()) == []


def test_command_line_reports_errors_without_a_traceback(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        data.main(["verify", "--data-dir", str(tmp_path)])
    assert "error:" in str(exit_.value) and "train_catvnoncat.h5" in str(exit_.value)
