"""The held-out evaluation set (tests/data/eval) is well formed: every article has its facts file,
is of the genre's length, and every fact names text that its article holds."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "data" / "eval"
FACTS = sorted(EVAL.glob("*.facts.yaml"))
KINDS = {"date", "figure", "slogan", "person", "role", "org", "place", "list", "sequence"}


def fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).replace("“", '"').replace("”", '"')


def test_the_set_is_large_enough_and_every_article_has_facts():
    articles = sorted(EVAL.glob("*.txt"))
    assert len(articles) >= 14
    assert {a.stem for a in articles} <= {f.name.removesuffix(".facts.yaml") for f in FACTS}
    assert (EVAL / "seed.facts.yaml") in FACTS


@pytest.mark.parametrize("facts", FACTS, ids=lambda p: p.name.removesuffix(".facts.yaml"))
def test_facts_name_text_of_their_article(facts):
    data = yaml.safe_load(facts.read_text(encoding="utf-8"))
    article = ROOT / data["article"]
    text = fold(article.read_text(encoding="utf-8"))
    assert 600 <= len(text) <= 2500 or article.parts[-2] == "seeds"
    assert isinstance(data.get("subject"), list)
    items = data["facts"]
    assert 10 <= len(items) <= 15
    for f in items:
        assert f["kind"] in KINDS, f
        assert f["any"] and all(fold(str(k)) in text for k in f["any"]), f
        assert "near" not in f or fold(f["near"]) in text, f
    keys = [(tuple(f["any"]), f.get("near")) for f in items]
    assert len(set(keys)) == len(keys)
