"""Bank problems (path:line:col: message) in the learner's language.

The loader and the validator write their messages in English (core has no language). Each English
message form is listed here with its Chinese form; `problem_text` matches a message against the
English forms and fills the Chinese one with the same parts. A message without a Chinese form is
shown in English (tests/test_i18n.py checks that every message of the bad-bank corpus has one).
"""
from __future__ import annotations

import re
from functools import lru_cache

# (English form, Chinese form): {name} is any text (the shortest that fits); ⦃ and ⦄ stand for the
# literal {{ and }} of a cloze blank
FORMS: tuple[tuple[str, str], ...] = (
    ("file is {mb} MB; banks over {limit} MB are refused", "文件有 {mb} MB，超过 {limit} MB 的题库不予读取"),
    ("the input is larger than {limit} MB; larger banks are refused", "输入超过 {limit} MB，不予读取"),
    ("no such file", "没有这个文件"),
    ("merge keys ('<<: *anchor') are not supported in a bank; write the keys out in {where}",
     "题库不支持合并键（'<<: *anchor'）；请在{where}里把各个键写出来"),
    ("the aliases of this file repeat more than {mb} MB of text in all (here *{alias}); a bank may reuse a value, not multiply it",
     "这个文件的别名一共重复了超过 {mb} MB 的文本（此处 *{alias}）；题库可以复用一个值，不能成倍放大它"),
    ("{n} more problems not shown (the first {most} are listed); fix these and validate again",
     "另有 {n} 处问题未列出（只列出前 {most} 处）；改正这些后再检查一遍"),
    ("{n} more problem not shown (the first {most} are listed); fix these and validate again",
     "另有 {n} 处问题未列出（只列出前 {most} 处）；改正这些后再检查一遍"),
    ("{what} has {n} items; at most {most} are allowed", "{what}有 {n} 项；最多只能有 {most} 项"),
    ("is a folder, not a bank file", "这是文件夹，不是题库文件"),
    ("permission denied: cannot read the file", "没有权限：无法读取这个文件"),
    ("cannot read the file: {why}", "无法读取这个文件：{why}"),
    ("the document is nested too deeply", "文档嵌套太深"),
    ("the document is too large to load", "文档太大，无法载入"),
    ("tab character in indentation: YAML indents with spaces only", "缩进里有制表符（Tab）：YAML 只能用空格缩进"),
    ("control character {code} is not allowed in a bank; remove it", "题库里不能有控制字符 {code}，请删除"),
    ("the file is empty: a bank needs 'bank:' (id, title) and 'questions:'",
     "文件是空的：题库需要 'bank:'（id、title）和 'questions:'"),
    ("the text holds a lone surrogate code point, which is not valid Unicode",
     "文本里有单独的代理码位，不是有效的 Unicode"),
    ("the top level must be a mapping with 'bank:' and 'questions:', not {kind}",
     "顶层必须是含 'bank:' 和 'questions:' 的映射，不能是{kind}"),
    ("a top-level key must be text, not {kind}", "顶层的键必须是文本，不能是{kind}"),
    ("duplicate key '{name}' (first at line {line}); YAML would keep only the last",
     "键 '{name}' 重复（第一次在第 {line} 行）；YAML 只会保留最后一个"),
    ("unknown top-level key '{name}'; a bank has 'bank:' and 'questions:'",
     "未知的顶层键 '{name}'；题库只有 'bank:' 和 'questions:'"),
    ("missing 'bank:' (a mapping with id and title)", "缺少 'bank:'（含 id 和 title 的映射）"),
    ("missing 'questions:' (a list of questions)", "缺少 'questions:'（题目列表）"),
    ("'questions' must be a list of questions, not {kind}", "'questions' 必须是题目列表，不能是{kind}"),
    ("duplicate question id '{id}' (first at line {line})", "题目编号 '{id}' 重复（第一次在第 {line} 行）"),
    ("question id '{id}' is used again at line {line}", "题目编号 '{id}' 在第 {line} 行又用了一次"),
    ("PyYAML was built without libyaml; reinstall pyyaml with its C extension",
     "PyYAML 没有带 libyaml；请重新安装带 C 扩展的 pyyaml"),
    ("unexpected content after the bank", "题库之后还有多余的内容"),
    ("a bank file holds one YAML document; remove this second '---' document",
     "一个题库文件只能有一个 YAML 文档；请删除第二个 '---' 文档"),
    ("tag {tag} is not allowed: a bank holds plain text, lists and mappings",
     "不允许使用标签 {tag}：题库只能有文本、列表和映射"),
    ("unknown alias *{name}", "未知的别名 *{name}"),
    ("unexpected YAML event {name}", "意外的 YAML 事件 {name}"),
    ("YAML syntax error: {detail}", "YAML 语法错误：{detail}"),
    ("YAML nesting is too deep (over 1000 levels): a bank is never nested like this",
     "YAML 嵌套太深（超过 1000 层）：题库不会这样嵌套"),
    ("a key in {where} must be text, not {kind}", "{where}里的键必须是文本，不能是{kind}"),
    ("duplicate key '{name}' in {where} (first at line {line}); YAML would keep only the last",
     "{where}里的键 '{name}' 重复（第一次在第 {line} 行）；YAML 只会保留最后一个"),
    ("unknown key '{name}' in {where}", "{where}里有未知的键 '{name}'"),
    ("duplicate {what} '{text}' (first at line {line})", "{what} '{text}' 重复（第一次在第 {line} 行）"),
    ("bank source must be a mapping (file, title, publisher, date), not {kind}",
     "题库的 source 必须是映射（file、title、publisher、date），不能是{kind}"),
    ("question #{n} must be a mapping (id, type, prompt, ...), not {kind}",
     "第 {n} 题必须是映射（id、type、prompt……），不能是{kind}"),
    ("unknown question type '{name}'; use one of: {types}", "未知的题型 '{name}'；可用：{types}"),
    ("id '{id}' {why}", "编号 '{id}' {why}"),
    ("bank id '{id}' {why}", "题库编号 '{id}' {why}"),
    ("{label} has no 'id' (ids keep the history of a question)", "{label} 没有 'id'（学习记录靠编号保存）"),
    ("{label} has no 'type' (one of: {types})", "{label} 没有 'type'（可用：{types}）"),
    ("{label} (fill) needs an answer: 'answer: ...' or a ⦃blank⦄ in the prompt",
     "{label}（fill）需要答案：写 'answer: ...'，或在 prompt 里写一个 ⦃空⦄"),
    ("{label} ({type}) needs '{name}'", "{label}（{type}）需要 '{name}'"),
    ("answer of a truefalse question must be true or false, not '{value}'",
     "判断题的 answer 必须是 true 或 false，不能是 '{value}'"),
    ("{label}: an order question needs at least 2 items", "{label}：排序题至少要有 2 项"),
    ("{label}: a {type} question needs at least 2 choices", "{label}：{type} 题至少要有 2 个选项"),
    ("answer '{text}' is not among the choices", "答案 '{text}' 不在选项里"),
    ("{label}: a multi question needs at least one right answer", "{label}：多选题至少要有一个正确答案"),
    ("{label}: a fill prompt has one ⦃...⦄ blank, this one has {n}", "{label}：填空题的 prompt 只能有一个 ⦃...⦄ 空，这里有 {n} 个"),
    ("{label}: the ⦃...⦄ blank is empty", "{label}：⦃...⦄ 空里没有答案"),
    ("{label}: give the answer either as ⦃...⦄ in the prompt or as 'answer', not both",
     "{label}：答案要么写在 prompt 的 ⦃...⦄ 里，要么写成 'answer'，不能两处都写"),
    ("{label}: ⦃c1::...⦄ is Anki's cloze syntax; in a bank write the answer alone: ⦃answer⦄",
     "{label}：⦃c1::...⦄ 是 Anki 的填空写法；题库里只写答案本身：⦃答案⦄"),
    ("{label}: unbalanced ⦃ or ⦄ in the prompt besides its blank", "{label}：prompt 里除了空以外还有不成对的 ⦃ 或 ⦄"),
    ("{label}: unbalanced ⦃ or ⦄ in the prompt (a blank is written ⦃answer⦄)",
     "{label}：prompt 里的 ⦃ 或 ⦄ 不成对（空的写法是 ⦃答案⦄）"),
    ("{label}: the answer '{text}' has no letters or digits, so no typed answer could match it",
     "{label}：答案 '{text}' 里没有文字或数字，输入什么都对不上"),
    ("'bank' must be a mapping with id and title, not {kind}", "'bank' 必须是含 id 和 title 的映射，不能是{kind}"),
    ("the bank has no '{name}'", "题库没有 '{name}'"),
    ("the file is {name} (it starts with a {bom} byte order mark), not UTF-8; {convert}",
     "文件是 {name} 编码（以 {bom} 字节顺序标记开头），不是 UTF-8；{convert}"),
    ("this is a binary file, not a UTF-8 text file", "这是二进制文件，不是 UTF-8 文本文件"),
    ("the bytes {bytes} encode a lone surrogate (U+D800-U+DFFF), which is not valid UTF-8; save the file as UTF-8",
     "字节 {bytes} 是单独的代理码位（U+D800-U+DFFF），不是有效的 UTF-8；请把文件存为 UTF-8"),
    ("the file is not UTF-8 text (byte {byte} {what}); save it as UTF-8",
     "文件不是 UTF-8 文本（字节 {byte} {what}）；请存为 UTF-8"),
    ("the file is not UTF-8: it looks like {enc}; {convert}", "文件不是 UTF-8，看起来是 {enc}；{convert}"),
    ("the file looks like {enc} without a byte order mark, not UTF-8; {convert}",
     "文件看起来是没有字节顺序标记的 {enc}，不是 UTF-8；{convert}"),
    ("NUL byte in the file: this looks like a binary file, not text", "文件里有 NUL 字节：看起来是二进制文件，不是文本"),
    ("bank id '{id}' is also the id of {where}; change `id:` under `bank:` in {mine} (for example to '{other}') "
     "to study it: a bank's id keeps its history",
     "题库编号 '{id}' 与 {where} 的编号相同；请把 {mine} 里 `bank:` 下的 `id:` 改掉（例如改成 '{other}'）"
     "再学习：学习记录按题库编号保存"),
    ("cannot be loaded", "无法载入"),
    # the most general forms last: a more particular one is tried first
    ("{what} must be text, not {kind}", "{what} 必须是文本，不能是{kind}"),
    ("{what} is empty", "{what} 是空的"),
    ("{what} must be a list, not {kind}", "{what} 必须是列表，不能是{kind}"),
    ("{what} must be true or false, not {value}", "{what} 必须是 true 或 false，不能是 {value}"),
)

# parts of messages, shown in Chinese where they appear inside a form
PARTS: dict[str, str] = {
    "a list": "列表", "a mapping": "映射", "empty": "空值", "text": "文本", "a boolean": "布尔值",
    "a question": "题目", "the bank": "题库信息（bank）", "the bank source": "题库来源（source）",
    "must not contain spaces or control characters": "不能含空格或控制字符",
    "starts a broken character": "开始了一个残缺的字符", "is not valid in UTF-8": "在 UTF-8 里无效",
    "a bank already open": "一个已打开的题库", "this bank": "这个题库",
}
_CONVERT = re.compile(r"convert it to UTF-8, e\.g\. `(?P<cmd>.*)`")
_DID_YOU_MEAN = re.compile(r" \(did you mean '(?P<s>[^']*)'\?\)")
_LABEL_ID = re.compile(r"question '(?P<id>.*)'")
_LABEL_N = re.compile(r"question #(?P<n>\d+)")
_LONGER = re.compile(r"is longer than (?P<n>\d+) characters")
_ITEM_OF = re.compile(r"an item of (?P<what>.+)")


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for english, chinese in FORMS:
        parts = re.split(r"(\{\w+\})", english)
        pattern = "".join(f"(?P<{p[1:-1]}>.+?)" if re.fullmatch(r"\{\w+\}", p)
                          else re.escape(p.replace("⦃", "{{").replace("⦄", "}}")) for p in parts)
        out.append((re.compile(pattern, re.S), chinese))
    return out


def _part(value: str) -> str:
    if value in PARTS:
        return PARTS[value]
    if m := _LABEL_ID.fullmatch(value):
        return f"题目 '{m['id']}'"
    if m := _LABEL_N.fullmatch(value):
        return f"第 {m['n']} 题"
    if m := _LONGER.fullmatch(value):
        return f"超过 {m['n']} 个字符"
    if m := _ITEM_OF.fullmatch(value):
        return f"{m['what']} 的一项"
    if m := _CONVERT.fullmatch(value):
        return f"请转成 UTF-8，例如 `{m['cmd']}`"
    return value


def translate(message: str) -> str | None:
    """The Chinese form of an English problem message, None when it has none."""
    hint = _DID_YOU_MEAN.search(message)
    bare = _DID_YOU_MEAN.sub("", message) if hint else message
    for pattern, chinese in _compiled():
        m = pattern.fullmatch(bare)
        if m:
            text = chinese.format(**{k: _part(v) for k, v in m.groupdict().items()})
            text = text.replace("⦃", "{{").replace("⦄", "}}")
            return text + (f"（是不是要写 '{hint['s']}'？）" if hint else "")
    return None


def problem_text(lang: str, message: str) -> str:
    """`message` in `lang` (English unchanged; Chinese where a form is known)."""
    if lang != "zh":
        return message
    return translate(message) or message


_LINE = re.compile(r"(?P<where>.*:\d+:\d+: )(?P<sev>warning: )?(?P<message>.*)", re.S)


def located_text(lang: str, line: str) -> str:
    """A problem already written as `path:line:col: message` (or a bare message), in `lang`."""
    if lang != "zh":
        return line
    m = _LINE.fullmatch(line)
    if m is None:
        return problem_text(lang, line)
    return m["where"] + ("警告：" if m["sev"] else "") + problem_text(lang, m["message"])
