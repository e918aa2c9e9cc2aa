# One entry point for humans and CI. `make demo` and `make test` set everything up first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# One BLAS thread: the machine's cores are shared, and two threads are far slower when both are busy.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1
PYTEST_ARGS ?=
ARTIFACTS ?= artifacts

.PHONY: setup data services demo test test-all golden expected figures release solutions bench-train clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# The checkout itself goes on the environment's path (grader, reference, hidden cases), for us and
# for the kernels nbgrader starts; `pip install .` would give only what students may have.
$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'dnn_course_checkout.pth').write_text(str(pathlib.Path.cwd()) + '\n')"
	touch $@

setup: $(VENV)/.installed  ## create the virtual environment and install everything

data: setup  ## find the cat data, or download it and verify its sha256 (see dnn_utils/data.py)
	$(PY) -m dnn_utils.data verify >/dev/null 2>&1 || $(PY) -m dnn_utils.data download

demo: setup  ## the main job: build the release, grade the example class, render the worked solutions
	$(PY) -m grader demo --out $(ARTIFACTS)

services:  ## start the tests' private PostgreSQL (scripts/services.sh; as root it apt-get installs postgresql and chromium if missing)
	bash scripts/services.sh start >/dev/null

test: setup  ## the fast tier, for development (no services, data, browser, nbgrader runs or slow training)
	$(PY) -m pytest $(PYTEST_ARGS)

test-all: setup services data  ## every test: services, browser, nbgrader, slow training (what CI runs)
	$(PY) -m pytest -m "slow or not slow" $(PYTEST_ARGS)

golden: setup  ## rewrite tests/golden/ (check-cell reports and feedback of the example class) from the code; review `git diff tests/golden`
	$(PY) -m pytest tests/test_golden.py --update-golden -q

expected: setup  ## regenerate testCases/<id>/expected/ from the reference solutions
	$(PY) -m grader expected

figures: setup  ## redraw the diagrams notebooks/<id>/figures/*.svg (course_figures/, each notebooks/<id>/figures.py)
	$(PY) -m grader figures

release: setup  ## regenerate release/ and release/zh_CN/, the two editions of the student version, from notebooks/
	$(PY) -m grader release --lang all

solutions: setup  ## execute the source notebooks and render worked solutions to worked_solutions/*.html
	$(PY) -m grader solutions --out worked_solutions

bench-train: setup  ## reference vs PyTorch training speed (installs torch==2.13.0, CPU build)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) benchmarks/train_speed.py

clean:
	rm -rf $(VENV) $(ARTIFACTS) .pytest_cache
