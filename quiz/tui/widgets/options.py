"""Option lists for choice, multi, truefalse and order questions.

Each row is a `Wrapped` with a hanging label, so "A." stays beside its text
however the Chinese wraps. Keys: 1-9 / a-z pick (choice) or toggle (multi),
arrows move the cursor, space toggles, enter submits; order moves items.
"""
from __future__ import annotations

from string import ascii_lowercase

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.content import Content
from textual.message import Message
from textual.reactive import var

from quiz.tui.widgets.wrapped import Wrapped

# Letters bound to actions while a question is shown (h: hint). Option letters skip them, in the
# labels and in the keys alike, so the 8th option is "I" and `h` always shows the hint.
ACTION_LETTERS = frozenset("h")
LETTERS = "".join(c for c in ascii_lowercase if c not in ACTION_LETTERS)


def letter(i: int) -> str:
    """The label letter of option `i` (A, B, …, G, I, …), or a space past the last letter."""
    return LETTERS[i].upper() if i < len(LETTERS) else " "


def key_index(key: str, count: int) -> int | None:
    """The option a key picks: '1'..'9' (also full-width '１'..'９') or a label letter (within `count`).
    Other digit-like keys (①, ²) pick nothing: int() refuses them."""
    if len(key) == 1 and key.isdecimal() and int(key) != 0:
        i = int(key) - 1
    elif len(key) == 1 and key in LETTERS:
        i = LETTERS.index(key)
    else:
        return None
    return i if i < count else None


class OptionRow(Wrapped):
    """One option; clicking it tells its list."""

    def __init__(self, text: str, label: str, index: int) -> None:
        super().__init__(text, label=Content(label), classes="option")
        self.index = index

    def on_click(self, event: events.Click) -> None:
        event.stop()
        parent = self.parent
        if isinstance(parent, OptionPicker):
            parent.clicked(self.index)


class OptionPicker(VerticalGroup, can_focus=True):
    """Base: a focusable list of rows with a cursor."""

    BINDINGS = [
        Binding("up", "cursor(-1)", "↑", show=False),
        Binding("down", "cursor(1)", "↓", show=False),
        Binding("enter", "submit", "action.submit"),
    ]

    class Submitted(Message):
        def __init__(self, response: object) -> None:
            super().__init__()
            self.response = response

    cursor: var[int] = var(0)  # the row the arrows are on; painting follows it (watch_cursor)

    def __init__(self, items: list[str], *, labels: list[str] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = list(items)
        self.labels = labels or [f"{letter(i)}. " if i < len(LETTERS) else "   " for i in range(len(items))]
        self.locked = False

    def compose(self) -> ComposeResult:
        for i, item in enumerate(self.items):
            yield OptionRow(item, self.labels[i], i)

    def on_mount(self) -> None:
        self._paint()

    def watch_cursor(self) -> None:
        if self.is_mounted:
            self._paint()

    @property
    def rows(self) -> list[OptionRow]:
        return list(self.query(OptionRow))

    def _paint(self) -> None:
        for row in self.rows:
            row.set_class(row.index == self.cursor and self.has_focus, "-cursor")
            row.set_class(row.index == self.cursor, "-current")

    def on_focus(self) -> None:
        self._paint()

    def on_blur(self) -> None:
        self._paint()

    def action_cursor(self, step: int) -> None:
        if self.items:
            self.cursor = (self.cursor + step) % len(self.items)
            self.rows[self.cursor].scroll_visible()

    def clicked(self, index: int) -> None:
        self.cursor = index

    def action_submit(self) -> None:
        if not self.locked:
            self.post_message(self.Submitted(self.response()))

    def response(self) -> object:
        raise NotImplementedError

    def picked(self) -> set[int]:
        """The rows the learner picked (the cursor's row, or the ticked rows of a multiple choice)."""
        return {self.cursor}

    def mark(self, right: set[int], wrong: set[int]) -> None:
        """After answering: colour the right and wrong rows, stop taking input."""
        self.locked = True
        for row in self.rows:
            row.set_class(row.index in right, "-right")
            row.set_class(row.index in wrong, "-wrong")


class ChoiceList(OptionPicker):
    """Pick one: a key, a click, or the cursor and enter submit at once."""

    def on_key(self, event: events.Key) -> None:
        i = key_index(event.key, len(self.items))
        if i is not None and not self.locked:
            event.stop()
            self.cursor = i
            self.action_submit()

    def clicked(self, index: int) -> None:
        super().clicked(index)
        self.action_submit()

    def response(self) -> object:
        return self.items[self.cursor]


class TrueFalseList(ChoiceList):
    """对 / 错: y or n (also 1 / 2)."""

    def __init__(self, true_label: str, false_label: str, id: str | None = None) -> None:
        super().__init__([true_label, false_label], labels=["y  ", "n  "], id=id)

    def on_key(self, event: events.Key) -> None:
        key = {"y": "1", "n": "2", "t": "1", "f": "2"}.get(event.key, event.key)
        if key in ("1", "2") and not self.locked:
            event.stop()
            self.cursor = int(key) - 1
            self.action_submit()

    def response(self) -> object:
        return self.cursor == 0  # True or False


class MultiList(OptionPicker):
    """Toggle any number with keys, space or clicks; enter submits."""

    BINDINGS = [Binding("space", "toggle_pick", "action.toggle")]

    def __init__(self, items: list[str], id: str | None = None) -> None:
        super().__init__(items, id=id)
        self.chosen: set[int] = set()

    def compose(self) -> ComposeResult:
        for i, item in enumerate(self.items):
            yield OptionRow(item, self._label(i), i)

    def _label(self, i: int) -> str:
        box = "☑" if i in self.chosen else "☐"
        return f"{box} {letter(i)}. "

    def toggle(self, i: int) -> None:
        if self.locked:
            return
        self.chosen ^= {i}
        row = self.rows[i]
        row.update(self.items[i], label=Content(self._label(i)))
        row.set_class(i in self.chosen, "-chosen")

    def on_key(self, event: events.Key) -> None:
        i = key_index(event.key, len(self.items))
        if i is not None:
            event.stop()
            self.cursor = i
            self.toggle(i)

    def action_toggle_pick(self) -> None:
        self.toggle(self.cursor)

    def clicked(self, index: int) -> None:
        super().clicked(index)
        self.toggle(index)

    def response(self) -> list[str]:
        return [self.items[i] for i in sorted(self.chosen)]

    def picked(self) -> set[int]:
        return set(self.chosen)


class OrderList(OptionPicker):
    """Move the current item with shift+↑/↓ or [ and ]; enter submits the order."""

    BINDINGS = [
        Binding("shift+up,left_square_bracket,minus", "move(-1)", "action.move_up"),
        Binding("shift+down,right_square_bracket,plus,equals_sign", "move(1)", "action.move_down"),
    ]

    def __init__(self, items: list[str], id: str | None = None) -> None:
        super().__init__(items, labels=[f"{i + 1}. " for i in range(len(items))], id=id)

    def action_move(self, step: int) -> None:
        j = self.cursor + step
        if self.locked or not 0 <= j < len(self.items):
            return
        i = self.cursor
        self.items[i], self.items[j] = self.items[j], self.items[i]
        rows = self.rows
        rows[i].update(self.items[i])
        rows[j].update(self.items[j])
        self.cursor = j
        rows[j].scroll_visible()

    def response(self) -> list[str]:
        return list(self.items)

    def picked(self) -> set[int]:
        return set()  # an order is judged by place, not by picks
