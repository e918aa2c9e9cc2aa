"""Deep Neural Network for Image Classification: Application.

Its notebook imports ``check`` from here for the check cells; the building blocks come
ready-made in ``dnn_app_utils`` (see ``provided`` below).
"""

from ..assignment import Assignment, GradedFunction, ProvidedPackage
from ..checks import checker
from .cases import CASES
from .hints import HINTS

BUILDING_BLOCKS = ProvidedPackage(
    name="dnn_app_utils",
    modules=("app_library", "initialization", "layer", "linear", "model"),
    main="app_library",
    doc="""The building blocks of the step-by-step assignment, ready-made for the application:
initialize_parameters, initialize_parameters_deep (the application's version, scaled by
1/sqrt(n[l-1])), linear_activation_forward/backward, L_model_forward/backward, compute_cost,
update_parameters and predict.""",
)

MODEL_ARGUMENTS = ("X", "Y", "layers_dims", "learning_rate", "num_iterations", "print_cost")

ASSIGNMENT = Assignment(
    id="dnn_application",
    title="Deep Neural Network for Image Classification: Application",
    summary="assemble the building blocks into a two-layer and an L-layer model that tells cat pictures from others.",
    functions=(
        GradedFunction("two_layer_model", 50, MODEL_ARGUMENTS, ("parameters", "costs"), hidden_cases=3),
        GradedFunction("L_layer_model", 50, MODEL_ARGUMENTS, ("parameters", "costs"), hidden_cases=3),
    ),
    cases=CASES,
    hints=HINTS,
    seconds_per_function=300.0,  # they train
    provided=(BUILDING_BLOCKS,),
    release_note="""## The cat data

The two data files, `train_catvnoncat.h5` and `test_catvnoncat.h5`, are not included. The notebook
downloads them on first use and checks their sha256; or put them in a `datasets/` folder next to
(or above) the notebook, or anywhere and set `DNN_DATA_DIR` to that folder.
`python -m dnn_utils.data verify` checks files you already have.
""",
)

check = checker(ASSIGNMENT)
