"""Plain line mode: one question at a time, one line per answer, for screen readers, dumb
terminals and scripts. Every feedback line starts with ✓ or ✗ and is printed only after
the answer is stored."""
from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from quiz.core import qtype
from quiz.core.answers.checking import Verdict
from quiz.core.answers.normalize import normalize
from quiz.core.hints import hint_for
from quiz.core.model import Question
from quiz.core.qtype import QuestionType
from quiz.core.scheduler import interval_parts
from quiz.core.session import Mode, Outcome, Session, Summary
from quiz.core.store import StoreError
from quiz.core.textsafe import clean, printable  # bank text is data: no escape codes reach the terminal
from quiz.i18n import LANGS, messages, resolve_lang, text

# its strings live in the one catalog (quiz.i18n, keys plain.*)
MESSAGES = {lang: messages(lang, "plain") for lang in LANGS}

QUIT, UNDO = {"q", "quit", ":q", "退出"}, {"u", "undo", "撤销"}
HINT, HELP = {"h", "hint", "提示"}, {"?", "？", "help", "帮助"}  # never an answer: never graded


class _Invalid(Exception):
    pass


class Plain:
    def __init__(self, session: Session, stdin: TextIO, stdout: TextIO, *, clock: Callable[[], datetime],
                 lang: str | None = None, rng: random.Random | None = None, stderr: TextIO | None = None) -> None:
        self.s, self.stdin, self.stdout, self.clock = session, stdin, stdout, clock
        # --lang, else the saved setting, else the locale
        self.lang = resolve_lang(lang, getattr(session, "store", None))
        self.m = MESSAGES[self.lang]
        self.rng = rng or random.Random()
        self.stderr = stderr or stdout
        self.used_hint = False
        try:
            self.echo = not stdin.isatty()  # piped input is not echoed: echo it so lines stay lines
        except (AttributeError, ValueError):
            self.echo = True

    def say(self, line: str = "") -> None:
        self.stdout.write(printable(line) + "\n")
        self.stdout.flush()

    def prompt(self) -> str | None:
        """Print the prompt, read one line; None at end of input."""
        self.stdout.write("> ")
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.say()
            return None
        line = line.rstrip("\r\n").strip()
        if self.echo:
            self.say(clean(line))
        return line

    def run(self) -> int:
        code = 0
        try:
            code = self._loop()
        except StoreError as e:
            self.stderr.write(printable(f"quiz: {self.m['saving_failed']}{e}") + "\n")
            self.stderr.flush()
            code = 1
        self.print_summary(self.s.summary())
        return code

    def _loop(self) -> int:
        first = True
        while True:
            q = self.s.next()
            if q is None:
                if first:
                    self.say(self.m["empty"])
                return 0
            first = False
            result = self.ask(q)
            if result == "quit":
                return 0

    # ---- one question ------------------------------------------------------------------------
    def as_card(self, q: Question) -> bool:
        """Self-graded: a card, or any question in flashcards mode (as in the app)."""
        return q.type.self_graded or self.s.mode is Mode.FLASHCARDS

    def show(self, q: Question) -> tuple[str, ...]:
        done, total = self.s.progress
        repeat = getattr(self.s, "is_repeat", lambda _q: False)(q)
        n = done if repeat else done + 1
        again = getattr(self.s, "again", 0)
        counter = f"{n}/{max(total, n)}"
        if again:
            counter += self.m["again"].format(n=again)
        self.say()
        self.say(f"[{counter}] {clean(q.prompt)}")
        self.used_hint = False
        if self.as_card(q):
            items = qtype.shown_options(q)
        elif q.type.picks_options:
            items = tuple(qtype.option_order(q, self.rng))
        elif q.type is QuestionType.ORDER:
            items = tuple(qtype.shuffled_items(q.choices or q.answers, self.rng))
        elif q.type is QuestionType.TRUEFALSE:
            items = (self.m["true"], self.m["false"])
        else:
            items = ()
        for i, item in enumerate(items, 1):
            self.say(f"  {i}. {clean(item)}")
        return items

    def ask(self, q: Question) -> str:
        items = self.show(q)
        t0 = self.clock()
        if self.as_card(q):
            return self._ask_card(q, t0)
        while True:
            line, done = self._answer_line(q)
            if done is not None or line is None:
                return done or "quit"
            try:
                response = None if line == "" else self.parse(q, items, line)
            except _Invalid as e:
                self.say(str(e))
                continue
            elapsed = (self.clock() - t0).total_seconds()
            outcome = self.s.answer(q, response, elapsed=elapsed, used_hint=self.used_hint)
            self.feedback(outcome, dont_know=response is None, response=response)
            return "answered"

    def _ask_card(self, q: Question, t0: datetime) -> str:
        self.say(self.m["reveal"])
        while (done := self._command(line := self.prompt(), q)) == "asked":
            pass
        if done is not None:
            return done
        self.say(f"{self.m['back']}: {clean(expected_text(q, self.m))}")
        rating = _int(line or "")  # a grade typed at once is taken at once (as Anki's keys 1-4)
        if rating not in (1, 2, 3, 4):
            self.say(self.grades(q))
        while rating not in (1, 2, 3, 4):
            line, done = self._answer_line(q)
            if done is not None or line is None:
                return done or "quit"
            rating = _int(line)
            if rating not in (1, 2, 3, 4):
                self.say(self.m["ask_rate"])
        outcome = self.s.grade(q, rating, elapsed=(self.clock() - t0).total_seconds())
        self.feedback(outcome)
        return "answered"

    def grades(self, q: Question) -> str:
        """The grades line, each grade with its next interval when answers move the schedule (as Anki's
        buttons): "1 重来 1分钟  2 困难 6分钟  3 良好 10分钟  4 简单 8天"."""
        intervals = self.s.intervals(q)
        if not intervals:
            return self.m["rate"]
        parts = []
        for rating in (1, 2, 3, 4):
            unit, n = interval_parts(intervals[rating])
            parts.append(f"{rating} {text(self.lang, f'grade.{rating}')} {text(self.lang, f'interval.{unit}', n=n)}")
        return "  ".join(parts)

    def _answer_line(self, q: Question) -> tuple[str | None, str | None]:
        """(the next line that is not a hint or help request, what a command line did or None)."""
        while True:
            line = self.prompt()
            done = self._command(line, q)
            if done != "asked":
                return line, done

    def _command(self, line: str | None, q: Question | None = None) -> str | None:
        """End of input or q quits, u undoes, h shows the hint and ? the keys ("asked": the question is
        still open); None for an answer line. None of them is ever graded."""
        if line is None or line.lower() in QUIT:
            return "quit"
        word = line.lower()
        if word in UNDO:
            return self._undo()
        if q is not None and word in HINT:
            hint = hint_for(q)
            self.say(self.m["hint"].format(hint=clean(hint)) if hint else self.m["no_hint"])
            self.used_hint = self.used_hint or (bool(hint) and not q.type.self_graded)
            return "asked"
        if q is not None and word in HELP:
            self.say(self.m["help"] if getattr(self.s, "can_undo", True) else self.m["help_contest"])
            return "asked"
        return None

    def _undo(self) -> str:
        if not getattr(self.s, "can_undo", True):
            self.say(self.m["no_undo"])
            return "asked"
        q = self.s.undo()
        self.say(self.m["undone"] if q is not None else self.m["nothing_to_undo"])
        return "undone"

    def parse(self, q: Question, items: tuple[str, ...], line: str):
        n = len(items)
        if q.type is QuestionType.CHOICE:
            i = _int(line)
            if i is not None and 1 <= i <= n:
                return items[i - 1]
            for item in items:
                if normalize(item) == normalize(line):
                    return item
            raise _Invalid(self.m["ask_choice"].format(n=n))
        if q.type is QuestionType.TRUEFALSE:
            value = qtype.parse_bool(line)
            if value is None:
                raise _Invalid(self.m["ask_tf"])
            return value
        if q.type in (QuestionType.MULTI, QuestionType.ORDER):
            numbers = _numbers(line, n) or _texts(line, items)
            if q.type is QuestionType.MULTI:
                if numbers is None or len(set(numbers)) != len(numbers) or not numbers:
                    raise _Invalid(self.m["ask_multi"])
                return tuple(items[i - 1] for i in sorted(numbers))
            if numbers is None or sorted(numbers) != list(range(1, n + 1)):
                example = " ".join(str(i) for i in range(1, n + 1))
                raise _Invalid(self.m["ask_order"].format(n=n, example=example))
            return tuple(items[i - 1] for i in numbers)
        return line  # fill

    # ---- feedback --------------------------------------------------------------------------
    def feedback(self, o: Outcome, dont_know: bool = False, response=None) -> None:
        m = self.m
        if o.correct:
            extra = m["points"].format(points=o.points)
            if o.streak > 1:
                extra += "  " + m["streak"].format(streak=o.streak)
            self.say(f"✓ {m['right']}  {extra}")
        else:
            self.say(f"✗ {m['dont_know'] if dont_know else m['wrong']}")
            q = o.question
            if not dont_know and o.check is not None and not (q.type.arranges or q.type is QuestionType.MULTI):
                yours = qtype.response_text(q, response, m["true"], m["false"])
                if yours:
                    self.say(f"{m['yours']}: {clean(yours)}")
            if not dont_know:
                for line in what_was_wrong(o.check, response, m):
                    self.say(line)
        q = o.question
        self.say(f"{m['answer']}: {clean(expected_text(q, m))}")
        if q.source:
            self.say(f"{m['source']}: {clean(q.source)}")
        if q.explanation:
            self.say(f"{m['explanation']}: {clean(q.explanation)}")

    def print_summary(self, s: Summary) -> None:
        minutes, seconds = divmod(int(s.seconds), 60)
        self.say()
        self.say(self.m["summary"].format(answered=s.answered, correct=s.correct, pct=round(s.accuracy * 100),
                                          points=s.points, best=s.best_streak, time=f"{minutes}:{seconds:02d}"))
        if s.held_back:
            key = "held_back_study" if s.mode in ("study", "flashcards") else "held_back"
            self.say(self.m[key].format(n=s.held_back))
        if s.missed:
            self.say(self.m["missed"])
            for q in s.missed:
                self.say(f"  - {clean(q.prompt)} → {clean(expected_text(q, self.m))}")


def expected_text(q: Question, m: dict) -> str:
    return qtype.expected_text(q, m["true"], m["false"])


def what_was_wrong(check: Verdict | None, response, m: dict) -> list[str]:
    """The lines after a ✗: the options picked wrongly and those left out (multi), where the learner's
    order first goes wrong and their order from there (order)."""
    if check is None:
        return []
    out = []
    if check.wrong:
        out.append(m["wrong_picks"].format(items=clean(qtype.MULTI_JOIN.join(check.wrong))))
    if check.missing:
        out.append(m["missing"].format(items=clean(qtype.MULTI_JOIN.join(check.missing))))
    misplaced = check.misplaced
    if misplaced is not None and not check.correct:
        yours = qtype.ORDER_JOIN.join(tuple(response or ())[misplaced:])
        out.append(m["misplaced"].format(n=misplaced + 1, yours=clean(yours)))
    return out


def _int(text: str) -> int | None:
    """A small whole number typed in any decimal digits ('3', '３'); None for anything else (①, ², 3.5,
    or thousands of digits, which int() refuses)."""
    if not text.isdecimal() or len(text) > 6:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def _texts(line: str, items: tuple[str, ...]) -> list[int] | None:
    """'学史明理 学史增信' or '学史明理、学史增信' -> their numbers (1-based) among `items`; None unless every
    part names an item (ignoring spaces, punctuation and width)."""
    names = {normalize(item): i for i, item in enumerate(items, 1)}
    parts = [p for p in re.split(r"[\s,，、;；/|]+|→|->", line) if normalize(p)]
    nums = [names.get(normalize(p)) for p in parts]
    if not nums or any(x is None for x in nums):
        return None
    return [x for x in nums if x is not None]


def _numbers(line: str, n: int) -> list[int] | None:
    """'1 3', '1,3', '1、3' or (with at most 9 items) '13' -> [1, 3]; None if not numbers in 1..n."""
    parts = [p for p in re.split(r"[\s,，、;；]+", line) if p]
    if len(parts) == 1 and n <= 9 and parts[0].isdecimal():
        parts = list(parts[0])
    nums = [x for x in (_int(p) for p in parts) if x is not None]
    if not nums or len(nums) != len(parts):
        return None
    return nums if all(1 <= x <= n for x in nums) else None
