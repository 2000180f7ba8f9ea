"""Every string of the interface, in zh-CN and en. `t(key, **fields)` looks one up."""
from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("zh", "en")

# key -> (zh, en)
CATALOG: dict[str, tuple[str, str]] = {
    "app.title": ("学史 Quiz", "Quiz"),
    "app.loading": ("正在载入题库… {done}/{total}", "Loading banks… {done}/{total}"),
    "app.load_failed": ("载入失败：{problem}", "Could not load: {problem}"),
    # home
    "home.title": ("题库", "Banks"),
    "home.col.bank": ("题库", "Bank"),
    "home.col.questions": ("题数", "Questions"),
    "home.col.due": ("到期", "Due"),
    "home.col.new": ("新题", "New"),
    "home.col.missed": ("错题", "Missed"),
    "home.col.leeches": ("难题", "Leeches"),
    "home.no_banks": ("没有找到题库。把 .yaml 题库放进 ./banks 或用 --bank-dir 指定文件夹。",
                      "No banks found. Put .yaml banks in ./banks or pass --bank-dir DIR."),
    "home.source": ("出处：{source}", "Source: {source}"),
    "home.nothing": ("“{bank}”现在没有可做的题。", "Nothing to do in “{bank}” right now."),
    "home.invalid": ("有错误", "has errors"),
    "home.invalid_file": ("题库文件有错误，改正后回到这里即可：{path}", "This bank file has errors; fix it and come back here: {path}"),
    "home.more_problems": ("……还有 {n} 处", "… and {n} more"),
    "home.unreadable": ("无法读取", "cannot be read"),
    "home.fix_first": ("这个题库文件有错误，请先改正。", "This bank file has errors: fix it first."),
    "home.no_missed": ("没有错题，真棒！", "No missed questions. Well done!"),
    # actions
    "action.study": ("学习", "Study"),
    "action.exam": ("测验", "Quiz"),
    "action.challenge": ("挑战", "Challenge"),
    "action.missed": ("错题", "Missed"),
    "action.flashcards": ("卡片", "Cards"),
    "action.stats": ("统计", "Stats"),
    "action.help": ("帮助", "Help"),
    "action.quit": ("退出", "Quit"),
    "action.back": ("返回", "Back"),
    "action.submit": ("提交", "Submit"),
    "action.next": ("继续", "Next"),
    "action.hint": ("提示", "Hint"),
    "action.undo": ("撤销", "Undo"),
    "action.leave": ("离开", "Leave"),
    "action.flip": ("翻面", "Flip"),
    "action.toggle": ("选择", "Toggle"),
    "action.move_up": ("上移", "Move up"),
    "action.move_down": ("下移", "Move down"),
    "action.review_now": ("立即复习错题", "Review missed now"),
    "action.lang": ("中/En", "中/En"),
    "action.leeches": ("难题", "Leeches"),
    "action.unsuspend": ("恢复/暂停", "Unsuspend"),
    "action.start": ("开始", "Start"),
    "action.cancel": ("取消", "Cancel"),
    "palette.study": ("学习所选题库（到期 + 新题）", "Study the selected bank (due + new)"),
    "palette.exam": ("测验：随机 N 题", "Quiz: N random questions"),
    "palette.challenge": ("挑战答题：答错即止", "Challenge: until the first wrong answer"),
    "palette.missed": ("复习错题", "Review missed questions"),
    "palette.flashcards": ("浏览卡片", "Browse as flashcards"),
    "palette.stats": ("学习统计", "Study statistics"),
    "palette.leeches": ("难题：查看并恢复已暂停的题", "Leeches: see and unsuspend suspended questions"),
    "palette.lang": ("界面语言：中文 / English", "Interface language: 中文 / English"),
    "palette.help": ("快捷键帮助", "Keys help"),
    # exam setup
    "exam.title": ("测验设置", "Quiz settings"),
    "exam.count": ("题数", "Questions"),
    "exam.tags": ("标签（逗号分隔，可留空）", "Tags (comma separated, optional)"),
    "exam.limit": ("每题限时（秒，0 为不限）", "Time per question (seconds, 0 = none)"),
    "exam.total": ("总限时（分钟，0 为不限）", "Total time (minutes, 0 = none)"),
    "exam.schedule": ("计入复习计划", "Count for scheduling"),
    "exam.bad_number": ("请输入数字", "Enter a number"),
    # session
    "session.progress": ("第 {done}/{total} 题", "{done} of {total}"),
    "session.score": ("得分 {points}", "Score {points}"),
    "session.streak": ("连对 {streak}", "Streak {streak}"),
    "session.timer": ("⏱ {seconds}", "⏱ {seconds}"),
    "session.mode.study": ("学习", "Study"),
    "session.mode.exam": ("测验", "Quiz"),
    "session.mode.challenge": ("挑战", "Challenge"),
    "session.mode.missed": ("错题复习", "Review missed"),
    "session.mode.flashcards": ("卡片", "Flashcards"),
    "session.type.choice": ("单选题", "Single choice"),
    "session.type.multi": ("多选题", "Multiple choice"),
    "session.type.truefalse": ("判断题", "True or false"),
    "session.type.fill": ("填空题", "Fill in"),
    "session.type.order": ("排序题", "Put in order"),
    "session.type.card": ("卡片", "Card"),
    "session.keys.choice": ("按 1-9 / a-z 选择，或 ↑↓ 加回车", "Press 1-9 / a-z, or ↑↓ and Enter"),
    "session.keys.multi": ("按键或空格勾选，回车提交", "Toggle with keys or space, Enter submits"),
    "session.keys.truefalse": ("y 对，n 错", "y true, n false"),
    "session.keys.order": ("↑↓ 选中，Shift+↑↓ 或 [ ] 移动，回车提交",
                           "↑↓ select, Shift+↑↓ or [ ] move, Enter submits"),
    "session.keys.fill": ("输入答案（汉字、拼音或数字），回车提交，Ctrl+T 提示",
                          "Type the answer (characters, pinyin or digits), Enter submits, Ctrl+T hint"),
    "session.keys.card": ("空格翻面，1-4 评分", "Space flips, 1-4 grades"),
    "session.true": ("对", "True"),
    "session.false": ("错", "False"),
    "session.answer_here": ("在此输入答案", "Type your answer"),
    "session.hint": ("提示：{hint}", "Hint: {hint}"),
    "session.no_hint": ("这道题没有提示。", "No hint for this question."),
    "session.time_up": ("时间到！", "Time is up!"),
    "session.undone": ("已撤销上一题。", "Last answer undone."),
    "session.nothing_to_undo": ("没有可撤销的答案。", "Nothing to undo."),
    "session.saved": ("已保存所有作答。", "Every answer is saved."),
    "session.not_saved_title": ("答案没有保存", "Answer not saved"),
    "session.not_saved": ("这个答案没有保存：{why}", "This answer was not saved: {why}"),
    "session.retry_or_leave": ("之前的答案都已保存。可以再答一次，或按 Esc 离开。",
                               "Earlier answers are saved. Answer again, or press Esc to leave."),
    "session.undo_failed": ("无法撤销：{why}", "Could not undo: {why}"),
    "session.challenge_over": ("挑战结束：连对 {n} 题", "Challenge over: {n} in a row"),
    "grade.1": ("重来", "Again"),
    "grade.2": ("困难", "Hard"),
    "grade.3": ("良好", "Good"),
    "grade.4": ("简单", "Easy"),
    # feedback
    "fb.right": ("✓ 正确", "✓ Right"),
    "fb.wrong": ("✗ 错误", "✗ Wrong"),
    "fb.answer": ("正确答案：", "Answer: "),
    "fb.yours": ("你的答案：", "Your answer: "),
    "fb.pinyin": ("（拼音 → {chars}）", "(pinyin → {chars})"),
    "fb.wrong_picks": ("多选了：", "Not right: "),
    "fb.missing": ("漏选了：", "Missing: "),
    "fb.misplaced": ("第 {n} 项起顺序不对", "Out of order from item {n}"),
    "fb.explanation": ("解析：", "Why: "),
    "fb.source": ("原文：", "Source: "),
    "fb.points": ("+{points} 分", "+{points} points"),
    "fb.continue": ("回车或空格继续", "Enter or space to go on"),
    "fb.hard": ("用了提示，记为“困难”", "Hint used: counts as Hard"),
    "fb.back": ("背面：", "Back: "),
    # results
    "results.title": ("本次成绩", "Results"),
    "results.score": ("得分", "Score"),
    "results.accuracy": ("正确率", "Accuracy"),
    "results.answered": ("作答", "Answered"),
    "results.time": ("用时", "Time"),
    "results.best_streak": ("最长连对", "Best streak"),
    "results.per_tag": ("按标签", "By tag"),
    "results.tag": ("标签", "Tag"),
    "results.right": ("正确", "Right"),
    "results.missed": ("答错的题", "Missed questions"),
    "results.none_missed": ("全部答对！", "Nothing missed!"),
    "results.challenge_best": ("挑战最佳：{n}", "Best challenge run: {n}"),
    # stats
    "stats.title": ("学习统计", "Statistics"),
    "stats.heatmap": ("每日复习（近 6 个月）", "Reviews per day (last 6 months)"),
    "stats.forecast": ("未来 30 天到期", "Due in the next 30 days"),
    "stats.accuracy": ("正确率走势", "Accuracy over time"),
    "stats.per_bank": ("按题库", "By bank"),
    "stats.per_tag": ("按标签", "By tag"),
    "stats.reviews": ("复习总数", "Reviews"),
    "stats.due_today": ("今日到期", "Due today"),
    "stats.retention": ("记忆保持率", "Retention"),
    "stats.streak_days": ("连续学习天数", "Days in a row"),
    "stats.best_streak_days": ("最长连续天数", "Longest run of days"),
    "stats.challenge_best": ("挑战最佳", "Best challenge"),
    "stats.leeches": ("难题", "Leeches"),
    "stats.new": ("新题", "New"),
    "stats.missed": ("错题", "Missed"),
    "stats.less": ("少", "less"),
    "stats.more": ("多", "more"),
    "stats.empty": ("还没有复习记录。", "No reviews yet."),
    "stats.unavailable": ("统计暂不可用：{why}", "Statistics unavailable: {why}"),
    # leeches
    "leeches.title": ("难题 · {bank}", "Leeches · {bank}"),
    "leeches.about": ("多次答错的题会被暂停，不再出现在学习中。按 u 恢复所选的题（再按一次重新暂停）。",
                      "Questions failed again and again are suspended and left out of study. "
                      "Press u to bring the selected one back (again to suspend it)."),
    "leeches.col.prompt": ("题目", "Question"),
    "leeches.col.answer": ("答案", "Answer"),
    "leeches.col.lapses": ("遗忘次数", "Lapses"),
    "leeches.col.status": ("状态", "Status"),
    "leeches.suspended": ("已暂停", "suspended"),
    "leeches.active": ("已恢复", "back in study"),
    "leeches.none": ("这个题库没有难题。", "No leeches in this bank."),
    "leeches.failed": ("无法更改：{why}", "Could not change it: {why}"),
    "leeches.unsuspended_one": ("已恢复：{prompt}", "Back in study: {prompt}"),
    "leeches.suspended_one": ("已暂停：{prompt}", "Suspended: {prompt}"),
    # help
    "help.title": ("快捷键", "Keys"),
    "help.global": ("全局", "Everywhere"),
    "help.palette": ("命令面板", "Command palette"),
    "help.theme": ("主题（在命令面板中）", "Themes (in the command palette)"),
}


def default_lang(env: Mapping[str, str] | None = None) -> str:
    """zh when the locale says Chinese, en otherwise (LC_ALL > LC_MESSAGES > LANG > LANGUAGE)."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


_current = ["zh"]


def set_lang(lang: str | None) -> str:
    _current[0] = lang if lang in LANGS else default_lang()
    return _current[0]


def get_lang() -> str:
    return _current[0]


def t(key: str, /, **fields: object) -> str:
    """The string for `key` in the current language, with `fields` filled in."""
    pair = CATALOG.get(key)
    if pair is None:
        return key
    text = pair[0] if _current[0] == "zh" else pair[1]
    return text.format(**fields) if fields else text
