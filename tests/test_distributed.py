"""Does grading on a Dask cluster give the same grades as local grading, and does a worker that
dies mid-run lose or duplicate nothing?"""

import csv
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from grader.commands.autograde import AutogradeOptions, autograde
from grader.paths import REPO

CLASS = REPO / "examples" / "class" / "dnn_step_by_step"
# Starting clusters and grading the class twice takes a minute and a half: CI runs these.
pytestmark = pytest.mark.slow


def options(out, scheduler=None):
    return AutogradeOptions(assignment="dnn_step_by_step", out=Path(out), db_url=f"sqlite:///{out}/gradebook.db",
                            jobs=2, timeout=10.0, seed=1, progress=False, scheduler=scheduler)


def read_csv(path):
    with open(path) as f:
        return list(csv.DictReader(f))


@pytest.fixture
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local_cluster:
        yield local_cluster


@pytest.fixture(scope="module")
def local_grades(tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    autograde(CLASS, options(out))
    return read_csv(out / "grades.csv")


def test_a_cluster_grades_like_local_processes(cluster, local_grades, tmp_path):
    summary = autograde(CLASS, options(tmp_path, cluster.scheduler_address))
    assert summary["graded"] == len({r["student_id"] for r in local_grades})
    assert read_csv(tmp_path / "grades.csv") == local_grades


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(cluster, local_grades, tmp_path):
    from dask.distributed import Client

    with Client(cluster.scheduler_address) as client:
        pids = list(client.run(os.getpid).values())
    outcome = {}

    def grade():
        try:
            outcome["summary"] = autograde(CLASS, options(tmp_path, cluster.scheduler_address))
        except BaseException as error:  # reported by the assertion below
            outcome["error"] = error

    thread = threading.Thread(target=grade)
    thread.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((tmp_path / "feedback").glob("*"))) < 4:
        time.sleep(0.05)
    os.kill(pids[0], signal.SIGKILL)
    killed_at = len(list((tmp_path / "feedback").glob("*")))
    thread.join(timeout=300)
    assert not thread.is_alive() and "error" not in outcome, outcome
    assert killed_at < len({r["student_id"] for r in local_grades}), "the kill should land midway"
    rows = read_csv(tmp_path / "grades.csv")
    keys = [(r["student_id"], r["item"]) for r in rows]
    assert len(keys) == len(set(keys)), "a grade was written twice"
    assert rows == local_grades, "a grade was lost or changed"

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{tmp_path}/gradebook.db") as gradebook:
        submissions = gradebook.assignment_submissions("dnn_step_by_step")
        assert sorted(s.student_id for s in submissions) == sorted({r["student_id"] for r in local_grades})
