"""The engine's message catalogue: everything the checks, the comparison, the grader and its
commands say to a student or an instructor, by message id, in every language of dnn_utils.i18n.

An assignment's own messages (title, hints, mistakes, case descriptions) live with the
assignment: English beside their definitions, Chinese in ``testCases/<id>/zh_CN.py``.
tests/test_editions.py fails when an entry lacks a language or its placeholders differ.
Terms follow docs/glossary.md.
"""


def _m(en, zh_CN):
    return {"en": en, "zh_CN": zh_CN}


MESSAGES = {
    # --- dnn_utils.compare: how an output differs ------------------------------------------------
    "compare.not_dict": _m("{where} should be a dict, got {got}", "{where} 应该是字典（dict），实际得到 {got}"),
    "compare.missing_key": _m("{where} has no key {key}", "{where} 缺少键 {key}"),
    "compare.extra_key": _m("{where} has an unexpected key {key}", "{where} 多了一个不该有的键 {key}"),
    "compare.more_extra_keys": _m("{where} has {count} more unexpected keys", "{where} 还多了 {count} 个不该有的键"),
    "compare.not_sequence": _m("{where} should be {kind} of {count} items, got {got}",
                               "{where} 应该是包含 {count} 项的{kind}，实际得到 {got}"),
    "compare.a_tuple": _m("a tuple", "元组（tuple）"),
    "compare.a_list": _m("a list", "列表（list）"),
    "compare.length": _m("{where} should have {expected} items, got {got}", "{where} 应该有 {expected} 项，实际有 {got} 项"),
    "compare.value": _m("{where} should be {expected}, got {got}", "{where} 应该是 {expected}，实际得到 {got}"),
    "compare.not_array": _m("{where} should be a numpy array of {shape}, got {got}",
                            "{where} 应该是 numpy 数组（{shape}），实际得到 {got}"),
    "compare.matrix": _m("an np.matrix (use numpy arrays; np.dot and @ work on them)",
                         "np.matrix（请用 numpy 数组，np.dot 和 @ 都适用于数组）"),
    "compare.not_numeric": _m("{where} should be numeric ({shape}), got {got}", "{where} 应该是数值（{shape}），实际得到 {got}"),
    "compare.shape": _m("{where} has shape {actual}, expected {expected}{hint}",
                        "{where} 的形状是 {actual}，应为 {expected}{hint}"),
    "compare.nonfinite": _m("{where} has {count} NaN or infinite entries (first at {index}); look for log(0), a division "
                            "by zero or an overflow",
                            "{where} 有 {count} 个 NaN 或无穷大的元素（第一个在 {index}）；检查有没有 log(0)、除以零或溢出"),
    "compare.dtype": _m("{where} has the right values but dtype {dtype}, expected float64 (integer arrays break in-place "
                        "updates; float32 loses precision)",
                        "{where} 的数值正确，但 dtype 是 {dtype}，应为 float64（整数数组在原地更新时会出错，float32 会损失精度）"),
    "compare.int_for_float": _m("{where} is the int {got}, expected a float ({expected})",
                                "{where} 是整数 {got}，应该是浮点数（{expected}）"),
    "compare.values": _m("{where}: {how_many}; first at {index}: got {got}, expected {expected} ({size})",
                         "{where}：{how_many}；第一个在 {index}：得到 {got}，应为 {expected}（{size}）"),
    "compare.largest_relative": _m("largest relative error {error}", "最大相对误差 {error}"),
    "compare.largest_absolute": _m("largest absolute error {error}", "最大绝对误差 {error}"),
    "compare.only_entry_differs": _m("its only entry differs", "它唯一的元素不对"),
    "compare.entries_differ": _m("{wrong} of {total} entries differ", "{total} 个元素中有 {wrong} 个不对"),
    "compare.entry_differs": _m("{wrong} of {total} entries differs", "{total} 个元素中有 {wrong} 个不对"),
    "compare.shape_squeeze": _m(" (one number inside an array: np.squeeze it to a 0-d number)",
                                "（一个数被包在数组里：用 np.squeeze 把它变成 0 维的数）"),
    "compare.shape_transpose": _m(" (the transpose of what was expected)", "（正好是应有结果的转置）"),
    "compare.shape_axis_dropped": _m(" (an axis was dropped: a sum or mean without keepdims=True?)",
                                     "（少了一个轴：求和或求平均时没写 keepdims=True？）"),
    "compare.shape_rearranged": _m(" (same entries, another arrangement: a reshape or a transpose?)",
                                   "（元素个数相同，排列不同：多了一次 reshape 或转置？）"),
    "compare.a_number": _m("a number", "一个数"),
    "compare.shape_text": _m("shape {shape}", "形状为 {shape}"),
    "compare.only_entry": _m("the only entry", "唯一的元素"),
    "compare.array_of_dtype": _m("numpy array of dtype {dtype}", "dtype 为 {dtype} 的 numpy 数组"),
    "compare.a_type": _m("a {type}", "一个 {type}"),
    "compare.a_type_of_length": _m("a {type} of length {length}", "一个长度为 {length} 的 {type}"),

    # --- testCases.checks: one case, one report --------------------------------------------------
    "check.not_implemented": _m("{function} is not implemented yet: replace `raise NotImplementedError()` with your code.",
                                "{function} 还没有实现：把 `raise NotImplementedError()` 换成你的代码。"),
    "check.not_implemented_called": _m("{culprit} is not implemented yet ({function} calls it): replace "
                                       "`raise NotImplementedError()` with your code.",
                                       "{culprit} 还没有实现（{function} 调用了它）：把 `raise NotImplementedError()` 换成你的代码。"),
    "check.undefined_name": _m("{culprit} uses {name}, which is not defined when it runs on its own: the grader runs only "
                               "your exercise cells and your notebook's imports.{elsewhere} Define {name} inside the "
                               "function, or pass it as an argument.",
                               "{culprit} 用到了 {name}，但单独运行时它没有定义：评分程序只运行你的练习单元格和笔记本里的 import。"
                               "{elsewhere}请在函数内部定义 {name}，或者把它作为参数传进来。"),
    "check.defined_in_another_cell": _m(" Your notebook defines it in another cell, which the grader does not run.",
                                        "你的笔记本在另一个单元格里定义了它，而评分程序不会运行那个单元格。"),
    "check.raised": _m("{function} raised {error}: {message}{place}", "{function} 抛出了 {error}：{message}{place}"),
    "check.return_count": _m("{function} should return {count} values {names}, got {got}",
                             "{function} 应该返回 {count} 个值 {names}，实际得到 {got}"),
    "check.n_values": _m("{count} values", "{count} 个值"),
    "check.changed_input": _m("{function} changed its input in place: {where}", "{function} 原地修改了它的输入：{where}"),
    "check.its_inputs": _m("its inputs", "它的输入"),
    "check.argument_n": _m("argument {number}", "第 {number} 个参数"),
    "check.not_plain": _m("{function} returned something that is not numbers or arrays ({what})",
                          "{function} 返回的不是数或数组（{what}）"),
    "check.inputs_unchecked": _m("the grader could not check that {function} leaves its inputs unchanged: they could "
                                 "not be sent back ({problem})",
                                 "评分程序无法确认 {function} 没有改动它的输入：输入无法传回（{problem}）"),
    "check.more_differences": _m("... and {count} more differences", "……还有 {count} 处不同"),
    "check.summary": _m("{function}: {passed} of {total} cases passed", "{function}：{total} 个用例中通过了 {passed} 个"),
    "check.pass": _m("PASS", "通过"),
    "check.fail": _m("FAIL", "失败"),
    "check.printed": _m("{function} printed (case {case}):", "{function} 打印了（用例 {case}）："),
    "check.note": _m("note: {note}", "注意：{note}"),
    "check.looks_like": _m("This looks like: {title}.", "看起来是：{title}。"),
    "check.looks_like_known": _m("This looks like a known mistake: {title}.", "看起来是一个常见错误：{title}。"),
    "check.hint": _m("hint: {hint}", "提示：{hint}"),
    "check.all_passed": _m("All checks passed.", "全部检查通过。"),
    "check.helper_fails": _m("{helper}, which {function} calls, fails its own check: fix it first, then run this check "
                             "again.",
                             "{function} 调用的 {helper} 没有通过它自己的检查：先修好它，再运行这个检查。"),
    "check.failed": _m("{function} failed {failed} of {total} cases (see the report above)",
                       "{function} 在 {total} 个用例中失败了 {failed} 个（见上面的报告）"),
    "check.line": _m("line {number}", "第 {number} 行"),
    "check.line_code": _m("line {number}: {code}", "第 {number} 行：{code}"),
    "check.every_case": _m("every case", "所有用例"),
    "check.case": _m("case {cases}", "用例 {cases}"),
    "check.cases": _m("cases {cases}", "用例 {cases}"),
    "check.every_other_case": _m("every other case", "其余所有用例"),
    "check.alike_in": _m("case {first}; alike in {rest}", "用例 {first}；{rest} 中也类似"),
    "check.messages_like_it": _m("{text}; {count} messages like it", "{text}；同类消息 {count} 条"),
    "check.error_map": _m("Which entries of {where} differ (red; hover for the values):",
                          "{where} 中哪些元素不对（红色；鼠标悬停可看数值）："),
    "check.error_map_tip": _m("[{i}, {j}] got {got}, expected {expected}", "[{i}, {j}] 得到 {got}，应为 {expected}"),

    # --- symptoms and probes: naming a misconception the catalogue does not know ----------------
    "symptom.zero.title": _m("{path} left at zero", "{path} 一直是零"),
    "symptom.zero.hint": _m("{path} comes back as zeros: is it computed at all, or overwritten after it is?",
                            "{path} 返回的全是零：它真的被计算了吗？还是算完之后又被覆盖了？"),
    "symptom.sign.title": _m("{path} with the opposite sign", "{path} 的符号反了"),
    "symptom.sign.hint": _m("{path} is exactly minus what it should be: look for a sign, or a subtraction the wrong way "
                            "round, in the formula that makes it.",
                            "{path} 正好是正确值的相反数：检查计算它的公式里有没有漏掉的负号，或者减法的两边写反了。"),
    "symptom.factor.title": _m("{path} off by a factor ({detail})", "{path} 差了一个倍数（{detail}）"),
    "symptom.factor.hint": _m("{path} is the right values times a factor ({detail}): one is missing or extra (1/m, the "
                              "number of examples? a 2? a learning rate?).",
                              "{path} 是正确值乘上一个倍数（{detail}）：少乘或多乘了某个因子（1/m？一个 2？学习率？）。"),
    "symptom.factor.each_case": _m("a different one in each case: m, the number of examples?",
                                   "每个用例都不一样：是样本数 m 吗？"),
    "symptom.transpose.title": _m("{path} transposed", "{path} 被转置了"),
    "symptom.transpose.hint": _m("{path} holds the right numbers in the transposed shape: check which factor of the "
                                 "product comes first and what is transposed.",
                                 "{path} 的数值对，但排成了转置的形状：检查矩阵乘积中哪个因子在前、转置加在了谁身上。"),
    "symptom.rank1.title": _m("{path} as a rank-1 array, {detail}", "{path} 变成了秩为 1 的数组，{detail}"),
    "symptom.rank1.hint": _m("{path} has the right values but lost an axis: numpy's sums and means drop the axis they "
                             "reduce unless told to keep it (keepdims=True), and a rank-1 array broadcasts differently "
                             "from a column or a row.",
                             "{path} 的数值对，但少了一个轴：numpy 的求和、求平均会去掉被归约的轴，除非写 keepdims=True；"
                             "而秩为 1 的数组在广播时和列向量、行向量表现不同。"),
    "symptom.broadcast.title": _m("{path} broadcast into a square matrix, {detail}", "{path} 被广播成了方阵，{detail}"),
    "symptom.broadcast.hint": _m("A row and a column of the same length, combined element-wise, broadcast into an m x m "
                                 "matrix: check the shapes of the two operands (a transposed one, or a rank-1 array?).",
                                 "等长的一行和一列做逐元素运算，会广播成 m x m 的矩阵：检查两个操作数的形状（是否有一个被转置，"
                                 "或者是秩为 1 的数组？）。"),
    "symptom.shift.title": _m("layers numbered one off ({path}, {detail})", "层的编号错了一位（{path}，{detail}）"),
    "symptom.shift.hint": _m("Each layer's values are there, under the next or the previous layer's key: check the layer "
                             "index you use when you read the caches and store the results.",
                             "每一层的值都在，但存在了下一层或上一层的键下：检查读取缓存和保存结果时用的层编号。"),
    "symptom.other.title": _m("{path} holds the value of {detail}", "{path} 存的是 {detail} 的值"),
    "symptom.other.hint": _m("{path} equals what {detail} should be: check which variable you return or store there.",
                             "{path} 等于 {detail} 应有的值：检查你在这里返回或保存的是哪个变量。"),
    "symptom.constant.title": _m("a cost curve that never changes", "代价曲线一动不动"),
    "symptom.constant.hint": _m("The cost is the same at every recorded iteration: the parameters are never updated (is "
                                "the result of the update kept?).",
                                "每次记录的代价都一样：参数从未被更新（更新后的结果有没有保存下来？）。"),
    "symptom.recorded.title": _m("the costs recorded at other iterations ({detail})", "代价记录在了别的迭代上（{detail}）"),
    "symptom.recorded.hint": _m("Record the cost once every 100 iterations, from iteration 0, before that iteration's "
                                "update: check the condition and the loop's range.",
                                "从第 0 次迭代开始，每 100 次迭代记录一次代价，且在该次迭代的更新之前记录：检查条件和循环的范围。"),
    "symptom.instead_of": _m("{actual} instead of {expected}", "{actual}，而不是 {expected}"),
    "symptom.values_instead_of": _m("{actual} values instead of {expected}", "{actual} 个值，而不是 {expected} 个"),
    "symptom.nondeterministic.title": _m("different results on the same inputs", "相同输入得到不同结果"),
    "symptom.nondeterministic.hint": _m("Called twice on the same inputs, {function} returned different values: does it "
                                        "draw random numbers without the seed it should use (or seed in the wrong place), "
                                        "or keep something from one call to the next?",
                                        "用相同的输入调用两次，{function} 返回了不同的值：它是否在没有设定应有种子的情况下抽取随机数"
                                        "（或者在错误的位置设种子），或者在两次调用之间保留了某些状态？"),
    "symptom.ignored.title": _m("{name} ignored", "忽略了 {name}"),
    "symptom.ignored.hint": _m("{function} returns exactly the same whatever {name} holds: it must use its argument "
                               "{name}, not a global variable or a value written into the code.",
                               "无论 {name} 是什么，{function} 都返回完全相同的结果：它必须使用参数 {name}，"
                               "而不是全局变量或写死在代码里的值。"),

    # --- generic hints (testCases.hints.GENERIC) -------------------------------------------------
    "hint.missing": _m("Every key the course expects must be there, with its exact name.",
                       "课程要求的每个键都必须存在，名字也要一字不差。"),
    "hint.extra": _m("Return only the keys the course asks for; helper values belong in local variables.",
                     "只返回课程要求的键；中间值放在局部变量里。"),
    "hint.nonfinite": _m("NaN or inf usually come from log(0), a division by zero or an overflow: check the formula and "
                         "the inputs it uses.",
                         "NaN 或 inf 通常来自 log(0)、除以零或溢出：检查公式和它用到的输入。"),
    "hint.dtype": _m("Keep the arrays float64, as numpy creates them (np.zeros gives float64).",
                     "让数组保持 float64，也就是 numpy 默认创建的类型（np.zeros 得到的就是 float64）。"),
    "hint.shape": _m("Compare the shape you get with the one the docstring gives.", "把你得到的形状和文档字符串里写的形状对照一下。"),
    "hint.type": _m("Return what the docstring describes, in the same structure.", "按文档字符串描述的内容和结构返回。"),
    "hint.length": _m("Return exactly the values the docstring lists.", "只返回文档字符串列出的那些值，一个不多一个不少。"),

    # --- the grader: running a submission --------------------------------------------------------
    "grade.sandbox_failed": _m("the grader could not run your code: {error}: {message}",
                               "评分程序无法运行你的代码：{error}：{message}"),
    "grade.cell_raised": _m("running your cells raised {error}: {message} ({where})",
                            "运行你的单元格时抛出了 {error}：{message}（{where}）"),
    "grade.not_defined_after": _m("{function} was not defined after running your cells",
                                  "运行完你的单元格后，{function} 仍然没有定义"),
    "grade.independent": _m("{function} was tested with the reference {dependencies}, so a mistake there costs points "
                            "only once",
                            "测试 {function} 时用的是参考实现的 {dependencies}，所以那里的错误只扣一次分"),
    "grade.internal_error": _m("the grader failed on this submission ({error}: {message}); please report it",
                               "评分程序在这份作业上出错了（{error}：{message}）；请报告这个问题"),
    "grade.not_in_notebook": _m("{function} is not defined in the notebook", "笔记本中没有定义 {function}"),
    "grade.timeout": _m("{function} did not finish within {seconds} s (an endless loop, or far too much work?)",
                        "{function} 没有在 {seconds} 秒内完成（死循环，还是计算量太大？）"),
    "grade.sandbox_stopped": _m("{function} stopped the grader's sandbox: {error}", "{function} 使评分沙箱停止了：{error}"),

    # --- the grader: reading a notebook ----------------------------------------------------------
    "ingest.no_notebook": _m("no notebook was submitted", "没有提交笔记本"),
    "ingest.cannot_open": _m("the notebook cannot be opened ({reason}; a symbolic link?)",
                             "笔记本无法打开（{reason}；是符号链接吗？）"),
    "ingest.not_regular": _m("the submitted notebook is not a regular file", "提交的笔记本不是普通文件"),
    "ingest.too_big": _m("the notebook is over the {limit} MiB limit: clear its outputs (Kernel > Restart Kernel and "
                         "Clear Outputs) and submit again",
                         "笔记本超过了 {limit} MiB 的上限：清除输出（Kernel > Restart Kernel and Clear Outputs）后重新提交"),
    "ingest.not_a_notebook": _m("the file is JSON but not a notebook (no top-level object)",
                                "这个文件是 JSON，但不是笔记本（没有顶层对象）"),
    "ingest.no_cells": _m("the file is JSON but has no cells", "这个文件是 JSON，但没有任何单元格"),
    "ingest.empty": _m("the notebook file is empty", "笔记本文件是空的"),
    "ingest.too_many_containers": _m("the notebook is too large to read (its outputs?): clear its outputs (Kernel > "
                                     "Restart Kernel and Clear Outputs) and submit again",
                                     "笔记本太大，无法读取（是输出太多吗？）：清除输出（Kernel > Restart Kernel and Clear "
                                     "Outputs）后重新提交"),
    "ingest.not_json": _m("the notebook is not valid JSON (line {line}, column {column}): was it edited outside Jupyter?",
                          "笔记本不是有效的 JSON（第 {line} 行，第 {column} 列）：是不是在 Jupyter 之外编辑过？"),
    "ingest.nbformat3": _m("old notebook format (nbformat 3) read as version 4", "旧版笔记本格式（nbformat 3）已按第 4 版读取"),
    "ingest.defined_again": _m("{function} is defined again after its exercise cell; the last definition is graded",
                               "{function} 在它的练习单元格之后又被定义了一次；评分用的是最后一次定义"),
    "ingest.lost_grade_id": _m("the exercise cell of {function} lost its grade_id; found by its definition",
                               "{function} 的练习单元格丢失了 grade_id；已按函数定义找到它"),
    "ingest.retyped": _m("the cell defining {function} was turned into a {kind} cell; graded as code",
                         "定义 {function} 的单元格被改成了 {kind} 单元格；仍按代码评分"),
    "ingest.not_anywhere": _m("{function} is not defined anywhere in the notebook", "笔记本中任何地方都没有定义 {function}"),
    "ingest.defined_in_cells": _m("{function} is defined in {count} cells; the last definition is graded",
                                  "{function} 在 {count} 个单元格中被定义；评分用的是最后一次定义"),
    "ingest.cell_too_long": _m("the cell defining {function} has {size} characters, over the limit of {limit}: remove long "
                               "comments or data from it",
                               "定义 {function} 的单元格有 {size} 个字符，超过了 {limit} 的上限：请删掉其中过长的注释或数据"),
    "ingest.graded_too_long": _m("the graded cells hold more than {limit} characters together: remove long comments or "
                                 "data from them",
                                 "被评分的单元格加起来超过 {limit} 个字符：请删掉其中过长的注释或数据"),

    # --- feedback (grader/records/feedback.py) ---------------------------------------------------
    "feedback.status.passed": _m("PASS", "通过"),
    "feedback.status.failed": _m("FAIL", "失败"),
    "feedback.status.error": _m("ERROR", "出错"),
    "feedback.status.timeout": _m("TIMEOUT", "超时"),
    "feedback.status.missing": _m("MISSING", "缺失"),
    "feedback.hidden_case": _m("hidden case {name}: {about}", "隐藏用例 {name}：{about}"),
    "feedback.public_case": _m("public case {name}: {about}", "公开用例 {name}：{about}"),
    "feedback.likely_mistake": _m("likely mistake: {title}", "可能的错误：{title}"),
    "feedback.headline": _m("{assignment} for {student}: {score} / {max_score}{graded_on}",
                            "{assignment}（{student}）：{score} / {max_score}{graded_on}"),
    "feedback.hidden_seed": _m(" (hidden cases seed {seed})", "（隐藏用例种子 {seed}）"),
    "feedback.public_only": _m(" (public cases)", "（公开用例）"),
    "feedback.title": _m("{assignment}: feedback for {student}", "{assignment}：给 {student} 的反馈"),
    "feedback.score": _m("Score: {score} / {max_score}.", "得分：{score} / {max_score}。"),
    "feedback.seed_note": _m("Hidden cases were drawn with seed {seed}; public cases are the ones your notebook's checks "
                             "run.",
                             "隐藏用例由种子 {seed} 生成；公开用例就是你笔记本里的检查所运行的那些。"),
    "feedback.more_lines": _m("... {count} more lines in the feedback page", "……还有 {count} 行，见反馈页面"),
    "feedback.too_long": _m("the details of this feedback were too long to keep; only the scores are shown",
                            "这份反馈的详细内容太长，无法保存；这里只显示分数"),
    "feedback.not_written": _m("the grader could not write the details of this feedback ({error}); please report it",
                               "评分程序无法写出这份反馈的详细内容（{error}）；请报告这个问题"),

    # --- the command line (python -m grader) ------------------------------------------------------
    "cli.graded": _m("graded {graded} submissions ({skipped} already graded, kept); hidden-case run seed {seed}; grades "
                     "in {grades}, feedback in {feedback}{gradebook}",
                     "已评 {graded} 份作业（{skipped} 份此前已评，保留原结果）；隐藏用例的运行种子 {seed}；成绩在 {grades}，"
                     "反馈在 {feedback}{gradebook}"),
    "cli.gradebook": _m("; gradebook {url}", "；成绩簿 {url}"),
    "cli.grader_failures": _m("error: the grader failed on {count} submissions (status error, 0 points for now); "
                              "tracebacks in {log}. Please report them; running the same command again grades those "
                              "submissions again.",
                              "错误：评分程序在 {count} 份作业上出错（状态为 error，暂记 0 分）；错误堆栈在 {log}。请报告这些问题；"
                              "再运行一次同样的命令会重新评这些作业。"),
    "cli.no_sandbox_warning": _m("warning: --sandbox none: student code can read and change what this user can; use it "
                                 "only for notebooks you trust",
                                 "警告：--sandbox none：学生代码可以读取和修改当前用户能访问的一切；只对你信任的笔记本使用它"),
    "cli.error": _m("error: {message}", "错误：{message}"),
    "cli.interrupted": _m("interrupted: every grade written so far is kept; run the same command again to resume",
                          "已中断：已经写下的成绩都会保留；再运行一次同样的命令即可继续"),

    # --- what a drawn (hidden) case is about: testCases.assignment.count and the hidden cases ----
    "count.unit": _m("{n} unit", "{n} 个单元"), "count.units": _m("{n} units", "{n} 个单元"),
    "count.input": _m("{n} input", "{n} 个输入"), "count.inputs": _m("{n} inputs", "{n} 个输入"),
    "count.example": _m("{n} example", "{n} 个样本"), "count.examples": _m("{n} examples", "{n} 个样本"),
    "count.feature": _m("{n} feature", "{n} 个特征"), "count.features": _m("{n} features", "{n} 个特征"),
    "count.iteration": _m("{n} iteration", "{n} 次迭代"), "count.iterations": _m("{n} iterations", "{n} 次迭代"),
    "count.hidden unit": _m("{n} hidden unit", "{n} 个隐藏单元"), "count.hidden units": _m("{n} hidden units", "{n} 个隐藏单元"),
    "case.layers": _m("layers {dims}", "各层 {dims}"),
    "case.learning_rate": _m("learning rate {rate}", "学习率 {rate}"),
    "case.global_seed": _m("global seed {seed}", "全局种子 {seed}"),
    "case.array": _m("a {shape} array", "形状为 {shape} 的数组"),
    "case.on_examples": _m("{model} on {examples}", "{model}，{examples}"),
    "case.train_and_test": _m("{train} training and {test} test examples", "{train} 个训练样本和 {test} 个测试样本"),
    "case.first_on_boundary": _m("the first exactly on the boundary", "第一个样本恰好在决策边界上"),
    "case.cache_not_tanh": _m("the cached A1 is not tanh(Z1)", "缓存中的 A1 不等于 tanh(Z1)"),
    "case.at_threshold": _m("A2 exactly 0.5 on {examples}", "{examples}的 A2 恰好为 0.5"),

    # --- collecting a class's submissions (grader/grading/ingest.py) ----------------------------
    "collect.several_notebooks": _m("several notebooks found; graded {name}", "找到了多个笔记本；评分的是 {name}"),
    "collect.renamed": _m("notebook renamed: graded {chosen} (expected {expected})",
                          "笔记本被改了名：评分的是 {chosen}（应为 {expected}）"),
    "collect.unsafe_id": _m("student id {name} is not a safe name; recorded as {student}",
                            "学生 id {name} 不是安全的名字；记录为 {student}"),
    "collect.symlink": _m("{name} is a symbolic link, not a submission: copy the student's files into the submissions "
                          "folder",
                          "{name} 是一个符号链接，不是提交的作业：请把学生的文件复制到提交文件夹里"),
    "collect.no_notebook": _m("no notebook found for {assignment}", "没有找到 {assignment} 的笔记本"),
    "collect.collision": _m("the folders {folders} all map to student id {student} (or one that differs only in case): "
                            "none of them is graded; rename them so that each student has one folder, then grade again",
                            "文件夹 {folders} 都对应学生 id {student}（或只有大小写不同的 id）：它们都不会被评分；"
                            "请重命名，让每个学生只有一个文件夹，然后重新评分"),

    # --- problems an instructor can fix (grader/: commands, collection, gradebook) ---------------
    "error.gradebook_failed": _m("the gradebook failed ({error}); every grade so far is in grades.csv's record and the "
                                 "feedback: fix the database and run the same command again",
                                 "成绩簿出错（{error}）；到目前为止的成绩都在 grades.csv 的记录和反馈里：修好数据库后再运行一次同样的命令"),
    "error.gradebook_incomplete": _m("the gradebook did not take every grade ({error}); grades.csv and the feedback are "
                                     "complete, and running the same command again retries",
                                     "成绩簿没有收下全部成绩（{error}）；grades.csv 和反馈是完整的，再运行一次同样的命令会重试"),
    "warning.no_feedback": _m("warning: no feedback written for {student}: {error}", "警告：没有为 {student} 写出反馈：{error}"),
    "error.workers_cannot_isolate": _m("workers cannot isolate student code: {problems}",
                                       "工作节点无法隔离学生代码：{problems}"),
    "error.zip_members": _m("the zip holds more than {limit} files", "zip 文件里的文件超过 {limit} 个"),
    "error.zip_unsafe_path": _m("unsafe path in zip: {name}", "zip 中有不安全的路径：{name}"),
    "error.zip_too_big": _m("zip expands to more than {limit} MiB", "zip 解压后超过 {limit} MiB"),
    "warning.zip_member_left_out": _m("warning: {name} left out of the zip's extraction ({error})",
                                      "警告：解压 zip 时跳过了 {name}（{error}）"),
    "error.not_submissions": _m("{path} is neither a folder nor a zip of submissions", "{path} 既不是文件夹，也不是作业的 zip 文件"),
    "error.out_with_all": _m("--out names one folder: give it with one --lang, en or zh_CN",
                             "--out 只能指定一个文件夹：请配合单个 --lang（en 或 zh_CN）使用"),
    "error.which_assignment": _m("cannot tell which assignment {name} is; pass --assignment (one of {known})",
                                 "无法判断 {name} 属于哪个作业；请用 --assignment 指定（{known} 之一）"),
    "error.no_such_file": _m("{path} does not exist", "{path} 不存在"),
    "error.release_missing_or_pass": _m("{release} is missing: run `make release` (or pass the release folder with "
                                        "--release)",
                                        "{release} 不存在：请运行 `make release`（或用 --release 指定学生版文件夹）"),
    "error.release_missing": _m("{release} is missing: run `make release`", "{release} 不存在：请运行 `make release`"),
    "warning.no_autograded_notebook": _m("warning: no autograded notebook for {student}: {error}",
                                         "警告：没有为 {student} 写出 autograded 笔记本：{error}"),
    "error.no_example_class": _m("{folder} has no class folder of a declared assignment: run `python "
                                 "examples/make_class.py`",
                                 "{folder} 中没有任何已声明作业的班级文件夹：请运行 `python examples/make_class.py`"),
}
