"""简体中文: this assignment's own messages (title, summary, hints, mistakes, what each check case is).

English lives in __init__.py (title, summary), hints.py, hidden/mistakes.py and cases.py; each entry here is keyed
the same way.
"""

TITLE = "以神经网络的思路实现逻辑回归"

SUMMARY = "实现逻辑回归（最小的神经网络），并训练它识别猫的图片。"

HINTS = {
    ("sigmoid", "*", "values"):
        "sigmoid(z) = 1 / (1 + e^(-z))：检查指数里的负号，以及分母中的“1 +”；sigmoid(0) 必须恰好等于 0.5。",
    ("sigmoid", "*", "type"):
        "用 np.exp，它对数字和数组都逐元素计算（math.exp 只接受单个数字）。",
    ("initialize_with_zeros", "w", "shape"):
        "w 是一个列向量：每个特征占一行，只有一列，形状为 (dim, 1)。",
    ("initialize_with_zeros", "b", "type"):
        "b 和它之后会变成的每个参数一样，应当从浮点数开始：数值没错，但它的类型是整数，"
        "而后面的代码和检查都期待一个实数。",
    ("initialize_with_zeros", "b", "*"):
        "b 是一个数，即 Python 的 float，不是数组。",
    ("propagate", "cost", "values"):
        "代价是 -(1/m) 乘以所有样本上 Y log(A) + (1 - Y) log(1 - A) 的和，其中的乘法是两个 (1, m) 行向量的逐元素乘积："
        "求和之前先打印每一项的形状。",
    ("propagate", "cost", "*"):
        "代价是一个数：对样本求和再取平均，不应留下任何轴。",
    ("propagate", "grads", "shape"):
        "dw 的形状与 w 相同，为 (n_x, 1)；db 是一个数：检查矩阵乘积中哪个因子在前，以及求和后是否保留了轴。",
    ("propagate", "grads", "values"):
        "两个梯度都从 A - Y（预测减去标签）出发，并且都在 m 个样本上取平均：dw 通过与 X 的矩阵乘积，db 通过求和。",
    ("optimize", "costs", "*"):
        "每 100 次迭代记录一次代价，从第 0 次迭代开始，记录的是该次更新之前 propagate 返回的值。",
    ("optimize", "*", "mutated"):
        "原地更新（w -= ...）会改动调用者传进来的那个数组；请改为生成一个新数组。",
    ("optimize", "*", "values"):
        "每次迭代先用当前的 w 和 b 调用 propagate，再让两者沿梯度的反方向各走一步（学习率乘以梯度），"
        "并把结果留给下一次迭代使用。",
    ("predict", "*", "type"):
        "返回数值 0.0 或 1.0，放在浮点型的 numpy 数组里：比较运算得到的是布尔值。",
    ("predict", "*", "shape"):
        "Y_prediction 每个样本对应一项，和 Y 一样是 (1, m) 的行向量。",
    ("predict", "*", "values"):
        "概率 A = sigmoid(w^T X + b) 严格大于 0.5 时预测 1.0，否则预测 0.0：A 恰好等于 0.5 时预测 0.0。",
    ("model", "*", "shape"):
        "Y_prediction_train 每个训练样本对应一项，Y_prediction_test 每个测试样本对应一项：检查每个预测用的是哪个数据集。",
    ("model", "*", "*"):
        "只使用传入的参数：按 X_train 的特征数做参数初始化，用给定的 num_iterations 和 learning_rate "
        "在训练集上调用 optimize 训练，再用训练好的 w 和 b 分别对两个数据集做预测。",
}

MISTAKES = {
    ("sigmoid", "exp_of_z"): (
        "把 e^(-z) 写成了 e^z",
        "指数的自变量带一个负号：z 取很大的正数时，结果应接近 1，而不是接近 0。"),
    ("sigmoid", "one_plus_left_out"): (
        "漏掉了“1 +”，写成 1 / e^(-z)",
        "分母是两项之和；少了第一项，结果根本不会被压缩到 (0, 1) 之间。"),
    ("sigmoid", "tanh"): (
        "用 np.tanh 代替了 sigmoid",
        "tanh 也是 S 形曲线，但取值范围是 -1 到 1；sigmoid 由 np.exp 构成，取值范围是 0 到 1。"),
    ("initialize_with_zeros", "b_int"): (
        "b = 0 是整数，而不是浮点数 0.0",
        "b 的数值没错，类型却不对：在 Python 中，没有小数点的数字是整数。一个将要保存实数的参数，一开始就应该是实数。"),
    ("initialize_with_zeros", "w_rank1"): (
        "w 的形状是 (dim,)，成了一维数组",
        "给 np.zeros 一个列向量的完整形状，行数和列数都要写：只有一个轴的数组既不是行也不是列，广播时会出人意料。"),
    ("initialize_with_zeros", "w_row"): (
        "w 的形状是 (1, dim)，成了行向量",
        "w 每个特征占一行：形状里先写行数。"),
    ("initialize_with_zeros", "b_array"): (
        "b 是 (1, 1) 的零数组，而不是一个数",
        "b 是所有样本共用的一个数，不是数组：根本不需要 np.zeros。"),
    ("propagate", "cost_square_matrix"): (
        "代价中行向量乘以列向量：对一个 (m, m) 矩阵求和",
        "打印代价求和式中每个乘积的形状：(1, m) 的行向量与 (m, 1) 的列向量逐元素相乘，会广播成 m x m 的矩阵，"
        "而求和把这一点掩盖了。"),
    ("propagate", "Y_minus_A"): (
        "把 A - Y 写成了 Y - A",
        "两个梯度的符号都反了：检查它们共同的起点（代价对 z 的导数）中减法的顺序。"),
    ("propagate", "gradients_not_averaged"): (
        "dw 和 db 没有除以 m",
        "代价是 m 个样本上的平均，所以它的梯度也是平均。"),
    ("propagate", "dw_transposed"): (
        "dw 成了 (1, n_x) 的行向量，而不是列向量",
        "dw 的形状必须与 w 相同，为 (n_x, 1)：检查矩阵乘积中哪个因子在前。"),
    ("propagate", "db_as_array"): (
        "db 是 (1, 1) 的数组，而不是一个数",
        "db 是一个数：保留轴的求和返回的是数组。"),
    ("optimize", "update_in_place"): (
        "原地更新 w，改动了调用者的数组",
        "返回值是对的，但传进来的 w 被改了：对数组做增强赋值（-=）会写回同一个数组。请生成一个新数组。"),
    ("optimize", "costs_every_iteration"): (
        "每次迭代都记录了代价",
        "看决定哪些迭代要记录的条件，以及循环的范围：每 100 次迭代记录一次代价，从第 0 次迭代开始，"
        "记录的是该次更新之前 propagate 返回的值。"),
    ("optimize", "iterations_counted_from_one"): (
        "迭代从 1 开始计数，代价晚了一次更新才记录",
        "看决定哪些迭代要记录的条件，以及循环的范围：每 100 次迭代记录一次代价，从第 0 次迭代开始，"
        "记录的是该次更新之前 propagate 返回的值。"),
    ("optimize", "update_discarded"): (
        "算出了更新却没有保存",
        "记录下来的代价一次也没变：w - learning_rate * dw 这样的表达式会产生一个新值，不赋给变量就丢掉了。"),
    ("optimize", "gradient_ascent"): (
        "参数沿梯度方向上升",
        "梯度下降让每个参数朝梯度的反方向移动：检查这一步的符号。"),
    ("predict", "threshold_inclusive"): (
        "用了 A >= 0.5，而不是 A > 0.5",
        "看概率恰好为 0.5 的样本：约定只有严格大于二分之一时才预测 1。"),
    ("predict", "probabilities_returned"): (
        "直接返回了概率 A，没有取阈值",
        "predict 返回的是标签 0.0 或 1.0，而不是得出标签的概率。"),
    ("predict", "threshold_on_z"): (
        "阈值用在了 w^T X + b 上，而不是它的 sigmoid 上",
        "0.5 这个阈值针对的是概率：检查参与比较的值是否经过了 sigmoid。"),
    ("predict", "rank1_predictions"): (
        "预测的形状是 (m,)，而不是 (1, m)",
        "Y_prediction 的形状与 Y 相同，只有一行：检查你创建或 reshape 得到的形状。"),
    ("model", "learning_rate_not_passed"): (
        "optimize 用的是默认学习率",
        "检查传给 optimize 的参数：学习率必须是 model 自己的参数。"),
    ("model", "iterations_not_passed"): (
        "optimize 用的是默认迭代次数",
        "检查传给 optimize 的参数：迭代次数必须是 model 自己的参数。"),
    ("model", "data_sets_swapped"): (
        "训练集和测试集的预测用错了对方的数据",
        "每个预测属于一个数据集：检查每次调用 predict 时传入的是哪个 X。"),
    ("model", "untrained_parameters"): (
        "用初始的 w 和 b 做预测",
        "optimize 在一个字典里返回训练好的参数；预测和返回的 w、b 都必须用这些参数，而不是一开始的零。"),
}

CASES = {
    ("sigmoid", "course"): "课程的 z = np.array([0, 2])（整数）",
    ("sigmoid", "matrix"): "从 -6 到 8 的 (2, 4) 矩阵，含 0",
    ("sigmoid", "column"): "随机值组成的 (5, 1) 列向量",
    ("sigmoid", "number"): "单个数字 -1.5",
    ("initialize_with_zeros", "course"): "课程的 dim = 2",
    ("initialize_with_zeros", "one"): "dim = 1：只有一个特征",
    ("initialize_with_zeros", "wider"): "dim = 7：七个特征",
    ("propagate", "course"): "课程的测试数据：2 个特征，3 个样本，整数标签",
    ("propagate", "several"): "4 个特征，6 个样本",
    ("propagate", "zero_start"): "w = 0、b = 0.0：每个 A 都是 0.5",
    ("propagate", "wide"): "10 个特征，8 个样本",
    ("optimize", "course"): "课程的测试数据：迭代 100 次，学习率 0.009",
    ("optimize", "several_costs"): "3 个特征，8 个样本，迭代 301 次，学习率 0.1（记录 4 个代价）",
    ("optimize", "zero_start"): "w = 0、b = 0.0，5 个特征，6 个样本，迭代 250 次，学习率 0.05",
    ("predict", "course"): "课程的测试数据：2 个特征，3 个样本",
    ("predict", "boundary"): "4 个特征，7 个样本，第一个恰好在边界上（A = 0.5）",
    ("predict", "wider"): "6 个特征，9 个样本",
    ("model", "small"): "4 个特征，20 个训练样本和 8 个测试样本，迭代 301 次，学习率 0.1",
    ("model", "wider"): "7 个特征，15 个训练样本和 10 个测试样本，迭代 201 次，学习率 0.5",
}
