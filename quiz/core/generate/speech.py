"""The verbs that report what someone said, in one place.

Several extractors need them: a quote after 说： is a speech, not a slogan; a name
before 表示 is a speaker; a prompt that opens with 某某介绍， has its subject after
the comma. Each site used to keep its own list and they drifted apart (one knew
坦言, another 回忆); they now share SAYS and add only what is particular to them.
"""
from __future__ import annotations

import re

# verbs that introduce what someone said or told (the speech follows, or the clause is theirs)
SAYS = ("说", "表示", "介绍", "指出", "强调", "认为", "告诉", "谈到", "谈道", "坦言", "感慨", "回忆")
# how a speaker is often described right before 说 (笑着说: still a speech verb)
SAYS_HOW = ("笑着说", "激动地说", "动情地说", "感慨地说")
# verbs that introduce a written or shouted text: a quote after them is said, not a name
WRITES = ("希望", "写道", "喊出")


def alternation(*groups: tuple[str, ...]) -> str:
    """One regex alternation of the words, longest first (感慨地说 before 说)."""
    seen = dict.fromkeys(w for g in groups for w in g)
    return "|".join(map(re.escape, sorted(seen, key=len, reverse=True)))
