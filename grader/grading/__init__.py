"""The grading engine: an assignment's declaration and hidden parts (assignments), the cases and
their expected outputs (cases), independent credit (independent), one submission's grade (grade),
naming mistakes (diagnosis), reading submissions (ingest), and where grading runs: grading
processes on this machine (local) or a Dask cluster (cluster). nbgrader's in-kernel hidden tests
use the same cases and evaluator (in_kernel, unsandboxed)."""
