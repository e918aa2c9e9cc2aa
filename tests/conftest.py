import logging
import os

# One BLAS thread in every test process (the machine's two cores are shared).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np
import pytest

from dnn_utils.data import DATA_DIR_ENV, DatasetError, find_file

# Notebooks that tests copy elsewhere and run in a kernel look for the cat data from their copy's
# folder: tell them (and every process the tests start) where this checkout found it.
try:
    os.environ.setdefault(DATA_DIR_ENV, str(find_file("train_catvnoncat.h5", auto_download=False).parent))
except DatasetError:
    pass  # never downloads at import; the tests that need the data fetch it or say how to get it


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files under tests/golden/ from what the code produces now (`make golden`)")


@pytest.fixture
def update_golden(request):
    """True when the run should rewrite golden files instead of comparing with them."""
    return request.config.getoption("--update-golden")


@pytest.fixture(autouse=True)
def no_error_is_swallowed(caplog):
    """A test fails when the grader logged an error it did not raise (a failed diagnosis, a
    feedback file that could not be written): such errors cost nothing visible otherwise. A test
    that provokes one on purpose clears ``caplog`` after checking it."""
    yield
    logged = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR and r.name.startswith("grader")]
    if logged:
        pytest.fail("the grader logged errors: " + "; ".join(f"{r.name}: {r.getMessage()}" for r in logged),
                    pytrace=False)


EXAMPLE_CLASS_SEED, EXAMPLE_CLASS_TIMEOUT = 2026, 10.0


@pytest.fixture(scope="session")
def graded_example_class(tmp_path_factory):
    """examples/class/dnn_step_by_step graded once per test session, as the golden files and the pinned scenarios
    expect it: seed 2026, 10 s per function, 2 grading processes, a SQLite gradebook in the output
    folder. Returns (output folder, autograde's summary)."""
    from grader.commands.autograde import AutogradeOptions, autograde
    from grader.paths import EXAMPLES

    out = tmp_path_factory.mktemp("example-class")
    options = AutogradeOptions(assignment="dnn_step_by_step", out=out, db_url=f"sqlite:///{out}/gradebook.db", jobs=2,
                               timeout=EXAMPLE_CLASS_TIMEOUT, seed=EXAMPLE_CLASS_SEED, progress=False)
    return out, autograde(EXAMPLES / "class" / "dnn_step_by_step", options)


@pytest.fixture
def rng():
    return np.random.RandomState(0)


DATA_FIXTURES = {"real_data_dir", "cat_data"}


def pytest_collection_modifyitems(items):
    """Tests that need the real cat data are marked ``data``: the fast tier (`make test`) leaves
    them out, so it never needs the data; `make test-all` fetches it first (`make data`)."""
    for item in items:
        if DATA_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.data)


@pytest.fixture(scope="session")
def real_data_dir():
    """The folder holding the real cat data, found as dnn_utils.data finds it but never
    downloaded by a test. Fails (never skips) when it is not there."""
    try:
        return find_file("train_catvnoncat.h5", auto_download=False).parent
    except DatasetError as error:
        pytest.fail(f"the tests need the cat data: run `make data` (it downloads and verifies it), or set "
                    f"{DATA_DIR_ENV} to a folder that holds it ({error})", pytrace=False)


@pytest.fixture(scope="session")
def cat_data(real_data_dir):
    """The prepared cat data: (train_x, train_y, test_x, test_y, classes)."""
    from dnn_utils.data import load_prepared

    return load_prepared(real_data_dir)


# PostgreSQL: the private test cluster started by `make services` (scripts/services.sh).
POSTGRES_URL_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".services", "postgres.url")


def _postgres_connect(url, database=None):
    """A psycopg2 connection (autocommit) to ``url``, or to another ``database`` of its server."""
    import psycopg2
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    connection = psycopg2.connect(host=parts.host, port=parts.port, user=parts.username, password=parts.password,
                                  dbname=database or parts.database, connect_timeout=10)
    connection.autocommit = True
    return connection


def create_postgres_database(url, prefix="dnn_test"):
    """Create a new, empty database on ``url``'s server; returns (its URL, drop()).

    The name is unique (``<prefix>_<random hex>``), so tests never share one."""
    import secrets

    from sqlalchemy.engine import make_url

    name = f"{prefix}_{secrets.token_hex(6)}"
    connection = _postgres_connect(url)  # not `with connection`: that opens a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()

    def drop():
        connection = _postgres_connect(url)
        try:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            connection.close()

    fresh = make_url(url).set(drivername="postgresql", database=name).render_as_string(hide_password=False)
    return fresh, drop


@pytest.fixture(scope="session")
def postgres_url():
    """URL of the tests' PostgreSQL: $DNN_TEST_POSTGRES_URL, else .services/postgres.url.

    Fails (never skips) when there is none or it does not answer: a skipped database test would
    pass for one that was never run."""
    url = os.environ.get("DNN_TEST_POSTGRES_URL", "").strip()
    source = "DNN_TEST_POSTGRES_URL"
    if not url and os.path.exists(POSTGRES_URL_FILE):
        with open(POSTGRES_URL_FILE) as f:
            url, source = f.read().strip(), POSTGRES_URL_FILE
    if not url:
        pytest.fail(f"no PostgreSQL for the tests: run `make services` (it writes {POSTGRES_URL_FILE}), "
                    "or set DNN_TEST_POSTGRES_URL", pytrace=False)
    try:
        _postgres_connect(url).close()
    except Exception as error:
        pytest.fail(f"the PostgreSQL in {source} does not answer ({type(error).__name__}: {error}): "
                    "run `make services`", pytrace=False)
    return url


@pytest.fixture
def fresh_postgres_url(postgres_url):
    """URL of a new, empty PostgreSQL database for this test alone, dropped afterwards."""
    url, drop = create_postgres_database(postgres_url)
    yield url
    drop()
