"""简体中文: the step-by-step assignment's own messages (title, summary, hints, mistakes).

English lives in __init__.py (title, summary), hints.py and hidden/mistakes.py; each entry here is keyed the same way.
"""

TITLE = "一步步搭建深度神经网络"

SUMMARY = "通过一个个练习，亲手实现深度神经网络的十个基本模块。"

HINTS = {
    ("*", "cache", "*"): "线性缓存是由三个输入组成的元组 (A_prev, W, b)，顺序不能变。",
    ("initialize_parameters", "*", "values"):
        "在函数开头用 np.random.seed(1) 设置一次随机种子，然后先生成 W1、再生成 W2。"
        "要用 np.random.randn（正态分布），不是 rand（均匀分布），最后乘以 0.01。",
    ("initialize_parameters", "*", "shape"): "W[l] 的形状是 (n[l], n[l-1])，b[l] 的形状是 (n[l], 1)。",
    ("initialize_parameters_deep", "*", "values"):
        "在循环之前（而不是循环里面）用 np.random.seed(3) 设置一次随机种子，"
        "再按层的顺序用 np.random.randn 依次生成 W1、W2……，并乘以 0.01。",
    ("initialize_parameters_deep", "*", "shape"):
        "W[l] 的形状是 (layer_dims[l], layer_dims[l-1])；b[l] 的形状是 (layer_dims[l], 1)。",
    ("initialize_parameters_deep", "*", "missing"):
        "让 l 从 1 循环到 L，其中 L = len(layer_dims) - 1；键名依次是 'W1'、'b1' 等。",
    ("linear_forward", "Z", "shape"):
        "Z = W A + b 的形状是 (n[l], m)：它来自 W (n[l], n[l-1]) 与 A (n[l-1], m) 的矩阵乘积。",
    ("linear_forward", "Z", "values"):
        "W 与 A 之间是矩阵乘积（不是逐元素相乘），再加上 b；b 会通过广播加到全部 m 列上。",
    ("linear_activation_forward", "A", "values"):
        "先用 linear_forward 算出 Z，再按 activation 参数选择激活函数：\"sigmoid\" 用 sigmoid，\"relu\" 用 relu。",
    ("linear_activation_forward", "cache", "*"):
        "cache = (linear_cache, activation_cache)：前者是 linear_forward 返回的元组，后者是 Z（激活缓存）。",
    ("L_model_forward", "AL", "values"):
        "隐藏层（第 1 .. L-1 层）都用 relu，只有最后一层用 sigmoid；L = len(parameters) // 2，"
        "每一层的输入都是前一层的输出。",
    ("L_model_forward", "AL", "shape"):
        "AL 的形状应是 (1, m)，即一个 sigmoid 单元的输出。最后一层执行了吗？它的输入对吗？",
    ("L_model_forward", "caches", "length"): "每层保存一个缓存，一共 L 个，输出层的缓存也要算上。",
    ("L_model_forward", "caches", "values"):
        "每层的缓存就是 linear_activation_forward 返回的那个：((A_prev, W, b), Z)。",
    ("compute_cost", "*", "shape"): "用 np.squeeze 把代价压缩成一个 0 维的数。",
    ("compute_cost", "*", "values"):
        "交叉熵有两项：Y log(AL) 和 (1 - Y) log(1 - AL)。两项相加后对所有样本求和，再乘以 -1/m。",
    ("compute_cost", "*", "type"): "代价要以一个数的形式返回（float 或 0 维 numpy 数组）。",
    ("linear_backward", "dW", "*"): "dW = (1/m) dZ A_prev^T：形状为 (n[l], n[l-1])，是在 m 个样本上的平均。",
    ("linear_backward", "db", "shape"): "沿样本方向（axis=1）对 dZ 求和时加上 keepdims=True，db 的形状才是 (n[l], 1)。",
    ("linear_backward", "db", "values"): "db 是 dZ 在所有样本上的平均：先沿 axis=1 求和，再除以 m。",
    ("linear_backward", "dA_prev", "*"): "dA_prev = W^T dZ，不乘 1/m：它要继续传给前一层，并不直接用来更新参数。",
    ("linear_activation_backward", "*", "values"):
        "先根据 activation 参数，用 relu_backward(dA, Z) 或 sigmoid_backward(dA, Z) 求出 dZ = dA * g'(Z)，"
        "其中 Z 取自激活缓存；然后再调用 linear_backward(dZ, linear_cache)。",
    ("L_model_backward", "*", "missing"):
        "grads 中每一层 l = 1 .. L 都要有 dA{l-1}、dW{l} 和 db{l}（dA0 也不能少）。",
    ("L_model_backward", "*", "values"):
        "从 dAL = -(Y/AL - (1-Y)/(1-AL)) 出发，先用 \"sigmoid\" 反向经过最后一层，"
        "再用 \"relu\" 依次经过第 L-1 .. 1 层，每层接收的是它上面一层算出的 dA。",
    ("update_parameters", "*", "values"):
        "第 1 .. L 层（包括最后一层）的每个 W 和 b，都要减去学习率 learning_rate 乘以对应的梯度。",
    ("update_parameters", "*", "mutated"):
        "新建数组（如 W - learning_rate * dW），放进一个新字典。`-=` 会原地修改调用者传入的数组；"
        "即使先调用了 parameters.copy() 也一样，因为它只复制字典，里面的数组仍是共享的。",
}

_RAND = (
    "误用 np.random.rand（均匀分布）代替 np.random.randn（正态分布）",
    "权重应当取自标准正态分布。numpy 里有两个名字很像的函数，其中一个生成的却是 [0, 1) 上均匀分布的随机数。",
)

MISTAKES = {
    # initialize_parameters(n_x, n_h, n_y)
    ("initialize_parameters", "transposed_weights"): (
        "权重形状颠倒为 (n[l-1], n[l])",
        "W[l] 把前一层的 n[l-1] 个值映射到本层的 n[l] 个单元，所以形状里先写行数，也就是本层的单元数。",
    ),
    ("initialize_parameters", "rand_instead_of_randn"): _RAND,
    ("initialize_parameters", "zero_weights"): (
        "权重全部初始化为 0",
        "权重为 0 时，所有隐藏单元会一直计算完全相同的东西。只有偏置从 0 开始，权重应是很小的随机数。",
    ),
    ("initialize_parameters", "missing_scale"): (
        "随机权重没有按比例缩小",
        "权重应该很小：检查随机数是否乘上了说明中给出的系数。",
    ),
    ("initialize_parameters", "wrong_seed"): (
        "全局随机种子设错了",
        "检查传给 np.random.seed 的值：initialize_parameters 和 initialize_parameters_deep 用的种子不同。",
    ),
    ("initialize_parameters", "random_biases"): (
        "偏置也用随机数初始化",
        "只有权重是随机的，偏置从 0 开始。随机生成偏置还会打乱后面的权重所取到的随机数。",
    ),
    # initialize_parameters_deep(layer_dims)
    ("initialize_parameters_deep", "seed_inside_loop"): (
        "在循环里反复设置随机种子",
        "只设置一次种子，每一层才会拿到新的随机数；看看 np.random.seed 在哪里调用：遍历各层的循环之前，还是循环里面？",
    ),
    ("initialize_parameters_deep", "loop_skips_last_layer"): (
        "循环漏掉了最后一层",
        "layer_dims = [n_0, ..., n_L] 对应 L = len(layer_dims) - 1 层，编号为 1 .. L。"
        "检查 range 的终点（Python 的 range 不包含终点）。",
    ),
    ("initialize_parameters_deep", "transposed_weights"): (
        "权重形状颠倒为 (n[l-1], n[l])",
        "W[l] 的每一行对应第 l 层的一个单元，每一列对应第 l-1 层的一个单元。",
    ),
    ("initialize_parameters_deep", "rand_instead_of_randn"): _RAND,
    ("initialize_parameters_deep", "zero_weights"): (
        "权重全部初始化为 0",
        "权重为 0 时，同一层的所有单元会永远一模一样。只有偏置从 0 开始。",
    ),
    ("initialize_parameters_deep", "missing_scale"): (
        "随机权重没有按比例缩小",
        "本作业的参数初始化要把每个随机数乘以一个很小的常数系数，检查你的代码是否这样做了。",
    ),
    ("initialize_parameters_deep", "sqrt_scaling"): (
        "用了应用篇的 1/sqrt(n[l-1]) 缩放",
        "除以 sqrt(n[l-1]) 是后面应用篇笔记本的做法；这个函数用的是说明中给出的常数系数。",
    ),
    ("initialize_parameters_deep", "wrong_seed"): (
        "全局随机种子设错了",
        "检查传给 np.random.seed 的值：这个函数的种子和 initialize_parameters 的不一样。",
    ),
    # linear_forward(A, W, b)
    ("linear_forward", "transposed_product"): (
        "用 A^T 和 W^T 算出的 Z（实际是 Z 的转置）",
        "Z 的形状必须是 (n[l], m)，每个样本占一列。检查矩阵乘积中哪个因子在前，以及到底需不需要转置。",
    ),
    ("linear_forward", "missing_b"): (
        "没有加上偏置 b",
        "Z 是矩阵乘积再加上偏置，偏置通过广播加到全部 m 列上。",
    ),
    ("linear_forward", "cache_in_wrong_order"): (
        "缓存存成了 (W, A, b)，而不是 (A, W, b)",
        "反向传播按固定顺序拆开缓存：先是该层的输入，然后是它的参数。",
    ),
    ("linear_forward", "cache_without_b"): (
        "缓存里漏了 b",
        "缓存要保存该层的全部三个输入，顺序与 docstring 中给出的一致。",
    ),
    # linear_activation_forward(A_prev, W, b, activation)
    ("linear_activation_forward", "always_relu"): (
        "不管 activation 参数是什么都用 relu",
        "检查对 activation 参数的判断：\"sigmoid\" 分支从来没有执行过。是字符串拼错了，还是 if/else 落到了另一个分支？",
    ),
    ("linear_activation_forward", "always_sigmoid"): (
        "不管 activation 参数是什么都用 sigmoid",
        "检查对 activation 参数的判断：\"relu\" 分支从来没有执行过。是字符串拼错了，还是 if/else 落到了另一个分支？",
    ),
    ("linear_activation_forward", "activations_swapped"): (
        "relu 和 sigmoid 用反了",
        "判断 activation 参数时，每个分支调用的函数都应与该分支的字符串一致。",
    ),
    ("linear_activation_forward", "A_cached_instead_of_Z"): (
        "激活缓存里存的是 A 而不是 Z",
        "反向传播计算 g'(Z) 时需要该层激活之前的值：保存激活函数返回的第二个值，而不是第一个。",
    ),
    ("linear_activation_forward", "cache_order_swapped"): (
        "缓存顺序成了 (activation_cache, linear_cache)",
        "每层的缓存是顺序固定的二元组：先是线性缓存，然后是激活缓存。",
    ),
    # L_model_forward(X, parameters)
    ("L_model_forward", "relu_on_output"): (
        "输出层用了 ReLU",
        "只有第 1 .. L-1 层用 relu；最后一层必须输出概率。",
    ),
    ("L_model_forward", "sigmoid_on_hidden"): (
        "隐藏层用了 sigmoid",
        "隐藏层（第 1 .. L-1 层）用 relu，sigmoid 只用在输出层。",
    ),
    ("L_model_forward", "hidden_layers_fed_X"): (
        "每个隐藏层的输入都是 X",
        "每层的输入是前一层刚算出的激活值，只有第 1 层从 X 开始。",
    ),
    ("L_model_forward", "output_fed_X"): (
        "输出层的输入是 X",
        "输出层的输入是最后一个隐藏层的激活值，而不是整个网络的输入。",
    ),
    ("L_model_forward", "output_cache_missing"): (
        "没有保存输出层的缓存",
        "caches 里每层一项，一共 L 项：最后一层的缓存也要加进去。",
    ),
    ("L_model_forward", "hidden_caches_appended_once"): (
        "只保存了最后一个隐藏层的缓存",
        "每个隐藏层的缓存都要保存：检查 append 写在循环里面还是外面。",
    ),
    # compute_cost(AL, Y)
    ("compute_cost", "cost_not_squeezed"): (
        "代价以 (1, 1) 数组的形式返回",
        "两个 (1, m) 行向量做矩阵乘积，得到的是 (1, 1) 数组；代价必须是一个 0 维的数。",
    ),
    ("compute_cost", "cost_not_summed"): (
        "没有把各样本的损失加起来",
        "代价只是一个数：先把 m 个样本的损失加起来，再求平均。",
    ),
    ("compute_cost", "dropped_one_minus_y_term"): (
        "漏掉了 (1 - Y) log(1 - AL) 这一项",
        "交叉熵里有两项，一项对应标签为 1 的样本，另一项对应标签为 0 的样本。",
    ),
    ("compute_cost", "log_AL_in_both_terms"): (
        "(1 - Y) 那一项里用了 log(AL)",
        "标签为 0 的样本对应的那一项，取的是属于类别 0 的概率的对数。",
    ),
    ("compute_cost", "wrong_sign"): (
        "代价的符号反了",
        "概率的对数是负数，所以代价前面要有一个负号才能为正。",
    ),
    ("compute_cost", "missing_one_over_m"): (
        "代价没有除以 m",
        "代价是 m 个样本损失的平均值，而不是它们的总和。",
    ),
    # linear_backward(dZ, cache)
    ("linear_backward", "dW_transposed"): (
        "dW 算成了 A_prev dZ^T（实际是 dW 的转置）",
        "dW 的形状与 W 相同，是 (n[l], n[l-1])：检查乘积中应该转置的是哪个因子。",
    ),
    ("linear_backward", "db_without_keepdims"): (
        "求 db 时没有用 keepdims",
        "对样本求和会去掉那一个轴，除非你把它保留下来：db 必须和 b 一样是 (n[l], 1)。",
    ),
    ("linear_backward", "db_wrong_axis"): (
        "db 按单元求和，而不是按样本求和",
        "db 是 dZ 在 m 个样本上的平均，而样本是按列排列的（axis=1）。",
    ),
    ("linear_backward", "db_summed_over_everything"): (
        "db 对 dZ 的所有元素求和",
        "db 中每个单元对应一个值：只对样本求和，各个单元要分开。",
    ),
    ("linear_backward", "dA_prev_with_one_over_m"): (
        "dA_prev 除以了 m",
        "只有 dW 和 db 要在样本上取平均；dA_prev 原样传回前一层。",
    ),
    ("linear_backward", "dW_missing_one_over_m"): (
        "dW 没有除以 m",
        "和 db 一样，dW 也是在 m 个样本上的平均。",
    ),
    ("linear_backward", "db_missing_one_over_m"): (
        "db 没有除以 m",
        "和 dW 一样，db 也是在 m 个样本上的平均。",
    ),
    ("linear_backward", "missing_one_over_m"): (
        "dW 和 db 都没有除以 m",
        "参数的梯度是在 m 个样本上的平均，而不是总和。",
    ),
    # linear_activation_backward(dA, cache, activation)
    ("linear_activation_backward", "always_relu_backward"): (
        "不管 activation 参数是什么都用 relu_backward",
        "检查对 activation 参数的判断：\"sigmoid\" 分支从来没有执行过。",
    ),
    ("linear_activation_backward", "always_sigmoid_backward"): (
        "不管 activation 参数是什么都用 sigmoid_backward",
        "检查对 activation 参数的判断：\"relu\" 分支从来没有执行过。",
    ),
    ("linear_activation_backward", "activations_swapped"): (
        "relu_backward 和 sigmoid_backward 用反了",
        "判断 activation 参数时，每个分支调用的反向函数都应与该分支的字符串一致。",
    ),
    ("linear_activation_backward", "activation_derivative_skipped"): (
        "把 dA 当成 dZ 直接传给了 linear_backward",
        "dZ 等于 dA 乘以激活函数在 Z 处的导数：先经过 relu_backward 或 sigmoid_backward，再交给 linear_backward。",
    ),
    # L_model_backward(AL, Y, caches)
    ("L_model_backward", "relu_backward_on_output"): (
        "输出层用了 relu 的反向步骤",
        "输出层是 sigmoid 层，所以它的反向步骤要用 sigmoid；只有第 L-1 .. 1 层是 relu 层。",
    ),
    ("L_model_backward", "sigmoid_backward_on_hidden"): (
        "隐藏层用了 sigmoid 的反向步骤",
        "第 L-1 .. 1 层是 relu 层，所以它们的反向步骤要用 relu；只有输出层是 sigmoid 层。",
    ),
    ("L_model_backward", "dZ_shortcut"): (
        "直接用 dZ = AL - Y 走捷径，没有经过 sigmoid 层",
        "只有当 AL 恰好是缓存中 Z[L] 的 sigmoid 时，AL - Y 才等于 dZ[L]。"
        "这个函数必须从 dAL 和传入的缓存出发，经过 sigmoid 的反向步骤。",
    ),
    ("L_model_backward", "caches_from_the_wrong_end"): (
        "从错误的一端读取隐藏层的缓存",
        "caches[0] 是第 1 层的缓存，caches[L-1] 是输出层的缓存。逐层往回走时，第 l 层要用的是 caches[l-1]。",
    ),
    ("L_model_backward", "dAL_fed_to_every_layer"): (
        "把 dAL 传给了每一层",
        "每层的反向步骤都从上面一层刚算出的 dA 开始，而不是从 dAL 开始。",
    ),
    ("L_model_backward", "dAL_wrong_sign"): (
        "dAL 的符号反了",
        "dAL 是代价 -(Y log AL + (1 - Y) log(1 - AL)) 对 AL 的导数：注意最前面的负号。",
    ),
    ("L_model_backward", "dA_keys_shifted"): (
        "grads[\"dA{l}\"] 占了 grads[\"dA{l-1}\"] 的位置",
        "第 l 层的反向步骤返回的是该层输入 A[l-1] 的梯度，键名要用 l-1（dA0 就是对 X 的梯度）。",
    ),
    ("L_model_backward", "loop_skips_first_layer"): (
        "循环在第 1 层之前就结束了",
        "relu 层从第 L-1 层一直到第 1 层（含第 1 层）：检查 range 的终点（Python 的 range 不包含终点）。",
    ),
    # update_parameters(parameters, grads, learning_rate)
    ("update_parameters", "skips_last_layer"): (
        "最后一层没有更新",
        "一共有 L = len(parameters) // 2 层，编号为 1 .. L：检查 range 的终点。",
    ),
    ("update_parameters", "mutates_caller_parameters"): (
        "原地修改了调用者的参数",
        "-= 这类原地运算符会修改调用者传入的数组（字典的浅拷贝仍然共享这些数组）。请新建数组，或者在深拷贝上操作。",
    ),
    ("update_parameters", "b_not_updated"): (
        "偏置没有更新",
        "梯度下降要更新所有参数：权重要更新，偏置也要更新。",
    ),
    ("update_parameters", "adds_gradient"): (
        "加上了梯度，而不是减去",
        "梯度下降沿着梯度的反方向走，也就是往下坡走。",
    ),
    ("update_parameters", "learning_rate_ignored"): (
        "忽略了学习率",
        "每一步的大小是梯度乘以 learning_rate。",
    ),
}

# What each public case is about (Case.about), by (function, case name).
CASES = {
    ('initialize_parameters', 'course'): '课程给出的 (n_x, n_h, n_y) = (3, 2, 1)',
    ('initialize_parameters', 'wider'): '(5, 4, 3)，输出层有多个单元',
    ('initialize_parameters_deep', 'course'): '课程给出的 [5, 4, 3]',
    ('initialize_parameters_deep', 'deeper'): '[6, 5, 4, 3, 2]，4 层',
    ('initialize_parameters_deep', 'one_layer'): '[3, 1]，只有 1 层',
    ('linear_forward', 'course'): '课程给出的测试数据（seed 1）',
    ('linear_forward', 'several_units'): '4 个单元，3 个输入，5 个样本',
    ('linear_activation_forward', 'course_sigmoid'): '课程给出的测试数据（seed 2），sigmoid',
    ('linear_activation_forward', 'course_relu'): '课程给出的测试数据（seed 2），relu',
    ('linear_activation_forward', 'several_units_sigmoid'): '3 个单元，4 个输入，6 个样本，sigmoid',
    ('linear_activation_forward', 'several_units_relu'): '3 个单元，4 个输入，6 个样本，relu',
    ('L_model_forward', 'course'): '课程给出的 2 个隐藏层的测试数据（seed 6）',
    ('L_model_forward', 'deeper'): '[6, 5, 4, 3, 1]，4 层，7 个样本',
    ('L_model_forward', 'one_layer'): '[4, 1]，只有 sigmoid 层',
    ('L_model_forward', 'same_width'): '[4, 4, 4, 1]：每个隐藏层都和输入一样宽',
    ('compute_cost', 'course'): '课程给出的 Y = [[1, 1, 0]]，AL = [[0.8, 0.9, 0.4]]',
    ('compute_cost', 'more_examples'): '10 个样本',
    ('linear_backward', 'course'): '课程给出的测试数据（seed 1）',
    ('linear_backward', 'other_shapes'): '2 个单元，6 个输入，3 个样本',
    ('linear_activation_backward', 'course_sigmoid'): '课程给出的测试数据（seed 2），sigmoid',
    ('linear_activation_backward', 'course_relu'): '课程给出的测试数据（seed 2），relu',
    ('linear_activation_backward', 'several_units_sigmoid'): '4 个单元，3 个输入，5 个样本，sigmoid',
    ('linear_activation_backward', 'several_units_relu'): '4 个单元，3 个输入，5 个样本，relu',
    ('linear_activation_backward', 'relu_boundary'): '4 个单元，3 个输入，5 个样本，relu，部分 Z 恰好为 0',
    ('L_model_backward', 'course'): '课程给出的测试数据（seed 3；其中的 AL 不是概率）',
    ('L_model_backward', 'probabilities'): '[5, 4, 3, 1]，AL 是真正的概率，6 个样本',
    ('L_model_backward', 'one_layer'): '[3, 1]，只有 sigmoid 层',
    ('L_model_backward', 'same_width'): '[4, 4, 4, 1]：每个隐藏层都和输入一样宽',
    ('L_model_backward', 'relu_boundary'): '[4, 3, 1]，隐藏层的部分 Z 恰好为 0（这些位置的 dZ 必须为 0）',
    ('update_parameters', 'course'): '课程给出的测试数据（seed 2 和 3，学习率 0.1）',
    ('update_parameters', 'three_layers'): '[5, 4, 3, 2]，学习率 0.05',
}
