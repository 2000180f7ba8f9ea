"""One home for the speech verbs (quiz/core/generate/speech.py): every extractor that tells a
speech from a name or a slogan reads the same list."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.core.generate import extract_basic, people, prompt, speech, titled
from quiz.core.generate.build import extract
from quiz.core.generate.text import parse_article


@given(st.lists(st.sampled_from(speech.SAYS + speech.SAYS_HOW + speech.WRITES + ("要求", "称")), min_size=1))
def test_alternation_tries_longer_words_first(ws):
    alt = speech.alternation(tuple(ws))
    for w in ws:   # the whole word is matched, never a shorter word it starts or ends with
        assert re.fullmatch(alt, w)
        assert re.match(alt, w).group() == w


@pytest.mark.parametrize("verb", speech.SAYS)
def test_every_site_knows_every_speech_verb(verb):
    assert extract_basic._SPEAKS.search(f"{verb}：")
    assert extract_basic._SPEECH_BEFORE.search(f"他{verb}：")
    assert people._SPEECH.search(verb)
    assert prompt._SPEAKS.search(verb) and verb in prompt._TELLS
    assert verb in titled._SPEECH


@pytest.mark.parametrize("verb", speech.SAYS)
def test_a_quote_after_any_speech_verb_is_no_slogan(verb):
    facts = extract(parse_article(f"村党支部书记孟长河{verb}：“大家一起干，日子就有奔头。”"))
    assert not [f for f in facts if f.kind == "slogan"]
