"""简体中文: this assignment's own messages (title, summary, hints, mistakes, what each public case is).

English lives in __init__.py (title, summary), hints.py, hidden/mistakes.py and cases.py; each entry here is keyed the same way.
"""

TITLE = "单隐藏层网络的平面数据分类"

SUMMARY = "搭建一个只有一个 tanh 隐藏层的网络，看它如何分开一朵任何直线都分不开的二维“花”。"

HINTS = {
    ("layer_sizes", "*", "*"):
        "n_x 是 X 的行数（特征个数，不是样本个数），n_y 是 Y 的行数；n_h 在本练习中固定为 4。",
    ("initialize_parameters", "*", "values"):
        "这里不要调用 np.random.seed：种子由调用者设定。先生成 W1，再生成 W2，都用 np.random.randn"
        "（正态分布，不是 rand），再乘以 0.01；偏置全为零，不消耗随机数。",
    ("initialize_parameters", "*", "shape"):
        "W1 的形状是 (n_h, n_x)，b1 是 (n_h, 1)，W2 是 (n_y, n_h)，b2 是 (n_y, 1)。",
    ("forward_propagation", "*", "values"):
        "Z1 = W1 X + b1（矩阵乘积），A1 = tanh(Z1)（用 np.tanh），Z2 = W2 A1 + b2，A2 = sigmoid(Z2)："
        "隐藏层用 tanh，只有输出层用 sigmoid。",
    ("forward_propagation", "*", "shape"):
        "用矩阵乘积 np.dot(W1, X)（形状为 (n_h, m)）；形状为 (n_h, 1) 的 b1 再通过广播加到这 m 列上。",
    ("forward_propagation", "cache", "*"):
        '缓存是一个字典，键为 "Z1"、"A1"、"Z2" 和 "A2"。',
    ("compute_cost", "*", "values"):
        "Y 与 log(A2) 要逐元素相乘（np.multiply 或 *，两者形状都是 (1, m)）；(1, m) 的行乘以 (m, 1) 的列"
        "会被广播成 (m, m) 的矩阵。再加上 (1 - Y) log(1 - A2) 这一项，求和，最后乘以 -1/m。",
    ("compute_cost", "*", "shape"):
        "返回一个数：float(np.squeeze(cost)) 能把 (1, 1) 的数组变成 float。",
    ("compute_cost", "*", "type"):
        "代价应以 Python 的 float 返回。",
    ("backward_propagation", "*", "values"):
        "dZ2 = A2 - Y；dZ1 是 W2^T dZ2 与 (1 - A1**2) 逐元素相乘，其中 A1 取自缓存（以传进来的缓存为准，"
        "不要由 Z1 重新计算 tanh）；每个 dW 和 db 都要除以 m。",
    ("backward_propagation", "*", "shape"):
        "db1 和 db2 是对样本求和：axis=1，并加上 keepdims=True，形状分别为 (n_h, 1) 和 (n_y, 1)。",
    ("backward_propagation", "*", "missing"):
        'grads 的键为 "dW1"、"db1"、"dW2" 和 "db2"。',
    ("update_parameters", "*", "values"):
        "对 W1、b1、W2 和 b2 都执行 theta := theta - learning_rate * d_theta；学习率默认为 1.2。",
    ("update_parameters", "*", "mutated"):
        "在一个新字典里构造新数组（W1 - learning_rate * dW1）；-= 会原地修改调用者的数组，"
        "即使先做了 parameters.copy() 也一样，因为这种拷贝与原字典共享数组。",
    ("nn_model", "*", "*"):
        "在 initialize_parameters 之前调用一次 np.random.seed(3)；隐藏层的大小用参数 n_h；"
        "用传入的 X 和 Y 训练（不要用全局变量）；共执行 num_iterations 步，每步依次是前向传播、代价、"
        "反向传播和更新。",
    ("predict", "*", "type"):
        "把比较得到的布尔值转换成浮点数 0.0 和 1.0，例如用 .astype(float)。",
    ("predict", "*", "dtype"):
        "预测应是浮点数 0.0 和 1.0，例如用 .astype(float) 转换。",
    ("predict", "*", "values"):
        "A2 > 0.5 处预测为 1（严格大于：恰好等于 0.5 时为 0），其余为 0；A2 来自 forward_propagation。",
}

MISTAKES = {
    # layer_sizes
    ("layer_sizes", "examples_instead_of_features"): (
        "用样本个数当作 n_x 和 n_y",
        "样本是 X 和 Y 的列；各层的大小是它们的行数。"),
    ("layer_sizes", "n_h_from_the_data"): (
        "n_h 从 X 得出，而不是固定的 4",
        "隐藏层的大小是人为选择的，不是数据本身的属性：本练习把它固定为 4。"),
    ("layer_sizes", "n_y_fixed_at_1"): (
        "n_y 固定为 1，而不是从 Y 读出",
        "输出层的每个单元对应 Y 的一行：像从 X 的形状读出 n_x 那样，从 Y 的形状读出 n_y。"),
    # initialize_parameters
    ("initialize_parameters", "seed_inside"): (
        "在函数内部调用了 np.random.seed",
        "这个 initialize_parameters 不设种子，由调用者来设（nn_model 用的是 3），这样同一个函数适用于任何种子。"
        "请删掉 np.random.seed 这一调用。"),
    ("initialize_parameters", "seed_1_inside"): (
        "像分步作业那样在内部调用 np.random.seed(1)",
        "分步作业中的版本在函数内部用 1 设定种子；这里的版本把设定种子留给调用者。"),
    ("initialize_parameters", "rand_instead_of_randn"): (
        "用了 np.random.rand（均匀分布）而不是 np.random.randn（正态分布）",
        "权重应取自标准正态分布；numpy 中两个名字相近的函数里，有一个生成的是 [0, 1) 上的均匀分布随机数。"),
    ("initialize_parameters", "missing_scale"): (
        "随机权重没有缩小",
        "权重应当很小：随机数要乘以 0.01。"),
    ("initialize_parameters", "zero_weights"): (
        "权重初始化为零",
        "权重全为零时，每个隐藏单元永远计算同样的东西；只有偏置从零开始。"),
    ("initialize_parameters", "W2_drawn_first"): (
        "先生成了 W2，后生成 W1",
        "同一个种子给出同一串随机数：应先生成 W1，再生成 W2。"),
    ("initialize_parameters", "random_biases"): (
        "偏置是随机生成的",
        "只有权重是随机的；偏置从零开始。"),
    ("initialize_parameters", "transposed_weights"): (
        "权重的形状被转置了",
        "W1 每个隐藏单元占一行、每个输入占一列：(n_h, n_x)；W2 是 (n_y, n_h)。"),
    # forward_propagation
    ("forward_propagation", "sigmoid_on_hidden"): (
        "隐藏层用了 sigmoid 而不是 tanh",
        "隐藏层用 np.tanh；sigmoid 只用于输出层。"),
    ("forward_propagation", "relu_on_hidden"): (
        "隐藏层用了 ReLU 而不是 tanh",
        "这个网络的隐藏层用 np.tanh，而不是深度网络里的 ReLU。"),
    ("forward_propagation", "tanh_on_output"): (
        "输出层用了 tanh 而不是 sigmoid",
        "输出必须是 (0, 1) 之间的概率：输出层用 sigmoid。"),
    ("forward_propagation", "missing_b1"): (
        "没有加上偏置 b1",
        "Z1 是矩阵乘积再加上 b1，b1 会通过广播加到每一列上。"),
    ("forward_propagation", "Z1_cached_as_A1"): (
        "缓存中的 A1 存的是 Z1",
        "缓存要保存隐藏层的两个值：tanh 之前的 \"Z1\" 和 tanh 之后的 \"A1\"。"),
    # compute_cost
    ("compute_cost", "log_transposed"): (
        "Y 乘以 log(A2).T：(1, m) 的行与 (m, 1) 的列相互广播",
        "Y 和 log(A2) 的形状都是 (1, m)，应逐元素相乘；若转置其中一个，numpy 会把乘积广播成 (m, m) 的矩阵，"
        "它的和并不是代价。"),
    ("compute_cost", "dropped_one_minus_y_term"): (
        "漏掉了 (1 - Y) log(1 - A2) 这一项",
        "交叉熵有两项：一项对应标签为 1 的样本，另一项对应标签为 0 的样本。"),
    ("compute_cost", "wrong_sign"): (
        "代价的符号反了",
        "概率的对数是负数，所以代价前面要有负号才是正的。"),
    ("compute_cost", "missing_one_over_m"): (
        "代价没有除以 m",
        "代价是 m 个样本损失的平均值，而不是它们的和。"),
    ("compute_cost", "cost_as_array"): (
        "代价以 (1, 1) 的数组返回",
        "代价是一个数：float(...) 或 np.squeeze 可以把 (1, 1) 的数组变成一个数。"),
    # backward_propagation
    ("backward_propagation", "tanh_derivative_from_Z1"): (
        "tanh'(Z1) 被重新计算为 1 - tanh(Z1)**2",
        "反向传播以传入的缓存为准：tanh'(Z1) 就是 1 - A1**2，A1 取自缓存。"
        "重新计算 np.tanh(Z1) 只有在缓存来自你自己的前向传播时才会一致。"),
    ("backward_propagation", "sigmoid_derivative_on_hidden"): (
        "隐藏层用了 sigmoid 的导数 A1 (1 - A1)",
        "隐藏层是 tanh 层：它的导数是 1 - A1**2。"),
    ("backward_propagation", "tanh_derivative_not_squared"): (
        "把 tanh' 当成 1 - A1（少了平方）",
        "tanh 的导数是 1 - tanh**2：即 1 - np.power(A1, 2)。"),
    ("backward_propagation", "db_without_keepdims"): (
        "求 db1 和 db2 时没有 keepdims",
        "对样本求和会去掉这个轴，除非用 keepdims=True 保留它：db1 必须和 b1 一样是 (n_h, 1)。"),
    ("backward_propagation", "db_wrong_axis"): (
        "db 对单元求和，而不是对样本求和",
        "样本沿列排列：应对 axis=1 求和。"),
    ("backward_propagation", "missing_one_over_m"): (
        "dW 和 db 没有除以 m",
        "梯度是对 m 个样本的平均，而不是求和。"),
    ("backward_propagation", "dW1_transposed"): (
        "dW1 算成了 X dZ1^T（dW1 的转置）",
        "dW1 与 W1 形状相同，为 (n_h, n_x)：检查乘积中转置的是哪个因子。"),
    # update_parameters
    ("update_parameters", "mutates_caller_parameters"): (
        "原地修改了调用者的参数",
        "-= 这类原地运算符会改动调用者传入的数组（字典的浅拷贝与原字典共享数组）：应构造新数组，或在深拷贝上操作。"),
    ("update_parameters", "adds_gradient"): (
        "加上了梯度而不是减去",
        "梯度下降沿梯度的反方向走，也就是往下坡走。"),
    ("update_parameters", "b_not_updated"): (
        "偏置没有更新",
        "梯度下降要更新每一个参数，偏置和权重都要更新。"),
    ("update_parameters", "learning_rate_ignored"): (
        "忽略了学习率",
        "每一步是梯度乘以 learning_rate。"),
    ("update_parameters", "wrong_default_rate"): (
        "默认学习率不是 1.2",
        "保持给定的函数签名：learning_rate=1.2 是课程训练时使用的默认值。"),
    # nn_model
    ("nn_model", "not_seeded_before_init"): (
        "在 initialize_parameters 之前没有用 3 设定随机种子",
        "在 nn_model 开头、initialize_parameters 之前调用一次 np.random.seed(3)：种子只决定它之后的随机数，"
        "而初始权重（从而训练出的权重）都取决于它。"),
    ("nn_model", "wrong_seed"): (
        "随机种子不是 3",
        "检查 nn_model 中传给 np.random.seed 的值：课程从种子 3 开始训练。"),
    ("nn_model", "n_h_from_layer_sizes"): (
        "隐藏层大小取自 layer_sizes，而不是参数 n_h",
        "layer_sizes 在它自己的练习中把 n_h 固定为 4；nn_model 构建的隐藏层有 n_h 个单元，n_h 是它的参数"
        "（从 layer_sizes 只取 n_x 和 n_y）。"),
    ("nn_model", "global_data"): (
        "用笔记本中的全局 X 和 Y 训练，而不是用参数",
        "在 nn_model 内部要用它的参数 X 和 Y；笔记本里全局的花形数据只有在传入的正好是它时才与参数一致。"),
    ("nn_model", "wrong_learning_rate"): (
        "学习率不是 1.2",
        "nn_model 使用 update_parameters 的默认学习率 1.2 进行训练。"),
    ("nn_model", "one_iteration_too_many"): (
        "执行了 num_iterations + 1 步",
        "梯度下降恰好执行 num_iterations 步：range(num_iterations) 给出 0 .. num_iterations - 1。"),
    # predict
    ("predict", "inclusive_threshold"): (
        "用了 A2 >= 0.5 而不是 A2 > 0.5",
        "恰好等于 0.5 时预测为 0：判断条件是严格大于 0.5。"),
    ("predict", "rank_one_predictions"): (
        "预测的形状是 (m,)（秩为 1 的数组），而不是 (1, m)",
        "预测要保持 A2 的形状 (1, m)：直接对整个数组做 A2 > 0.5，而不是对 A2[0] 循环或对展平后的副本操作。"),
    ("predict", "probabilities_returned"): (
        "返回了 A2 而不是 0/1 预测",
        "predict 的结果是 0 或 1：要把 A2 与 0.5 比较。"),
    ("predict", "threshold_at_zero"): (
        "A2 与 0 比较，而不是与 0.5 比较",
        "A2 是概率，总是大于 0：阈值是 0.5。"),
}

CASES = {
    ("layer_sizes", "course"): "课程的 X (5, 3) 和 Y (2, 3)（种子 1）",
    ("layer_sizes", "one_output"): "只有一个输出单元：X (3, 10)，Y (1, 10)",
    ("initialize_parameters", "course"): "课程的 (n_x, n_h, n_y) = (2, 4, 1)，全局种子 2",
    ("initialize_parameters", "seed_1"): "同样是 (2, 4, 1)，全局种子 1",
    ("initialize_parameters", "wider"): "更宽的网络 (5, 6, 2)，全局种子 3",
    ("forward_propagation", "course"): "课程的测试数据（种子 1）：2 个输入，4 个隐藏单元，3 个样本",
    ("forward_propagation", "wider"): "3 个输入，6 个隐藏单元，5 个样本",
    ("compute_cost", "course"): "课程的 3 个样本（种子 1；Y 为布尔值）",
    ("compute_cost", "more_examples"): "10 个样本",
    ("backward_propagation", "course"): "课程的测试数据（种子 1；缓存中的值各自独立抽取）",
    ("backward_propagation", "cache_A1_not_tanh_Z1"): "3 个输入，5 个隐藏单元，6 个样本；缓存中的 A1 不等于 tanh(Z1)",
    ("update_parameters", "course"): "课程的测试数据（种子 1），默认学习率",
    ("update_parameters", "wider"): "更宽的网络 (3, 5, 2)，学习率 0.5",
    ("nn_model", "flower_100"): "花形数据，4 个隐藏单元，100 次迭代",
    ("nn_model", "small"): "3 个输入，30 个样本，5 个隐藏单元，40 次迭代",
    ("predict", "course"): "2 个输入，4 个隐藏单元，3 个样本（种子 1）",
    ("predict", "at_threshold"): "3 个输入，5 个隐藏单元，8 个样本，前 3 个样本的 A2 恰好为 0.5",
}
