"""A bare `quiz` (the app's home, with only common options) parses without building the subcommands,
and reads its options exactly as the full parser does; anything else goes to the full parser."""
from __future__ import annotations

import pytest

from quiz.cli import _bare, build_parser

BARE = [[], ["--lang", "zh"], ["--lang=en", "--data-dir", "d"], ["--bank-dir", "a", "--bank-dir=b"],
        ["--data-dir", "validate"]]  # a folder named like a command is a value, not a command
NOT_BARE = [["study", "b.yaml"], ["-h"], ["--help"], ["--lang", "zh", "stats"], ["stduy"], ["--version"],
            ["--data-dir=d", "x"]]


@pytest.mark.parametrize("argv", BARE)
def test_bare_home_parses_as_the_full_parser_does(argv):
    assert _bare(argv)
    short = vars(build_parser(commands=False).parse_args(argv))
    full = vars(build_parser().parse_args(argv))
    assert full.pop("command") is None
    assert short == full


@pytest.mark.parametrize("argv", NOT_BARE)
def test_a_command_or_anything_else_takes_the_full_parser(argv):
    assert not _bare(argv)
