import os

# One BLAS thread in every test process (the machine's two cores are shared).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np
import pytest


@pytest.fixture
def rng():
    return np.random.RandomState(0)


@pytest.fixture(scope="session")
def cat_data():
    """The prepared cat data: (train_x, train_y, test_x, test_y, classes)."""
    from dnn_utils.data import load_prepared

    return load_prepared()
