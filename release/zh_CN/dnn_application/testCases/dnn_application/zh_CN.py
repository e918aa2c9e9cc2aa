"""简体中文: this assignment's own messages (title, summary, release note, hints, mistakes, cases).

English lives in __init__.py (title, summary, release note), hints.py, hidden/mistakes.py and cases.py (each case's
about); each entry here is keyed the same way.
"""

TITLE = "用深度神经网络做图像分类：应用"

SUMMARY = "把已经写好的模块拼成一个两层模型和一个 L 层模型，用来判断一张图片里是不是猫。"

RELEASE_NOTE = """## 猫的数据

`train_catvnoncat.h5` 和 `test_catvnoncat.h5` 这两个数据文件不在发布包里。笔记本第一次用到它们时会自动下载，
并核对 sha256；你也可以把它们放进笔记本旁边（或上级目录中）的 `datasets/` 文件夹，或者放在任意位置，再把
`DNN_DATA_DIR` 设为那个文件夹。已有的文件可以用 `python -m dnn_utils.data verify` 检查。
"""

_COST_EVERY_100 = "每 100 次迭代记录一次代价（i % 100 == 0），而且要在这次迭代更新参数之前计算。"

HINTS = {
    ("two_layer_model", "costs", "*"): _COST_EVERY_100,
    ("two_layer_model", "*", "*"): (
        "每次迭代依次做：前向传播（先 relu 后 sigmoid）、计算代价、由交叉熵求出 dA2、反向传播（先过 sigmoid 再过 relu）、"
        "调用 update_parameters。np.random.seed(1) 和 initialize_parameters 都只在循环之前调用一次。"
    ),
    ("L_layer_model", "costs", "*"): _COST_EVERY_100,
    ("L_layer_model", "*", "*"): (
        "先用 initialize_parameters_deep(layers_dims) 初始化一次参数，之后每次迭代依次调用 L_model_forward、"
        "compute_cost、L_model_backward 和 update_parameters。"
    ),
}

_WHERE_COST_IS_KEPT = (
    "看看循环里你保存的代价是在哪一步算出来的，再看看决定哪些迭代要记录的条件：从第 0 次迭代开始，每 100 次迭代记一个值，"
    "而且每个值都要在该次迭代更新参数之前计算。"
)
_LEARNING_RATE = (
    "检查传给 update_parameters 的学习率：它应当是函数的参数 learning_rate，而不是一个写死的数。"
)
_INITIALISE_ONCE = "参数初始化只在循环之前做一次；循环里的每次迭代都从上一次迭代得到的参数接着走。"

MISTAKES = {
    ("two_layer_model", "costs_every_iteration"): ("每次迭代都记录代价", _WHERE_COST_IS_KEPT),
    ("two_layer_model", "cost_recorded_after_update"): ("在参数更新之后才记录代价", _WHERE_COST_IS_KEPT),
    ("two_layer_model", "learning_rate_ignored"): ("忽略了参数 learning_rate", _LEARNING_RATE),
    ("two_layer_model", "b_not_updated"): (
        "偏置始终没有更新",
        "检查 db1 和 db2 是否以 update_parameters 所期望的名字传给了它，这样 b1 和 b2 才会改变。",
    ),
    ("two_layer_model", "initialised_every_iteration"): ("每次迭代都重新初始化参数", _INITIALISE_ONCE),
    ("two_layer_model", "sigmoid_backward_on_hidden"): (
        "隐藏层的反向传播用了 sigmoid",
        "隐藏层是 relu 层：它反向传播时用的激活函数必须和前向传播时一致。",
    ),
    ("L_layer_model", "weights_scaled_by_0_01"): (
        "权重乘以 0.01 而不是 1/sqrt(n[l-1])",
        "请使用本作业提供的 initialize_parameters_deep：如果固定乘以 0.01，深度网络里的信号会一层比一层小，网络几乎学不动。",
    ),
    ("L_layer_model", "step_by_step_initialisation"): (
        "用了分步作业里的 initialize_parameters_deep（种子 3，乘以 0.01）",
        "本作业自带一个 initialize_parameters_deep（随机种子和缩放方式都不同）：请用这个，而不是分步作业里的那个。",
    ),
    ("L_layer_model", "costs_every_iteration"): ("每次迭代都记录代价", _WHERE_COST_IS_KEPT),
    ("L_layer_model", "cost_recorded_after_update"): ("在参数更新之后才记录代价", _WHERE_COST_IS_KEPT),
    ("L_layer_model", "learning_rate_ignored"): ("忽略了参数 learning_rate", _LEARNING_RATE),
    ("L_layer_model", "b_not_updated"): (
        "偏置始终没有更新",
        "检查每个 db{l} 是否以 update_parameters 所期望的名字传给了它，这样偏置才会改变。",
    ),
    ("L_layer_model", "initialised_every_iteration"): ("每次迭代都重新初始化参数", _INITIALISE_ONCE),
}

CASES = {
    ("two_layer_model", "small"): "(6, 4, 1)，20 个合成样本，迭代 201 次，学习率 0.1",
    ("two_layer_model", "wide"): "(10, 8, 1)，30 个合成样本，迭代 301 次，学习率 0.05",
    ("L_layer_model", "small"): "[6, 5, 3, 1]，20 个合成样本，迭代 201 次，学习率 0.1",
    ("L_layer_model", "two_layers"): "[10, 4, 1]，30 个合成样本，迭代 301 次，学习率 0.05",
}
