"""The held-out evaluation sets (tests/data/eval, tests/data/eval2, tests/data/eval3) are well formed: every article
has its facts file, is of the genre's length, and every fact names text that its article holds."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "data" / "eval"
EVAL2 = ROOT / "tests" / "data" / "eval2"
EVAL3 = ROOT / "tests" / "data" / "eval3"  # the final, unseen set: see its README
FACTS = sorted(EVAL.glob("*.facts.yaml")) + sorted(EVAL2.glob("*.facts.yaml")) + sorted(EVAL3.glob("*.facts.yaml"))
# characters of an article, by set: the second set has short notes (400-600) and long reports (2,000-3,000)
LENGTH = {"eval": (600, 2500), "eval2": (400, 3000), "eval3": (400, 3000)}
KINDS = {"date", "figure", "slogan", "person", "role", "org", "place", "list", "sequence"}


def fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).replace("“", '"').replace("”", '"')


@pytest.mark.parametrize("folder,least", [(EVAL, 14), (EVAL2, 12), (EVAL3, 6)], ids=["eval", "eval2", "eval3"])
def test_the_set_is_large_enough_and_every_article_has_facts(folder, least):
    articles = sorted(folder.glob("*.txt"))
    assert len(articles) >= least
    assert {a.stem for a in articles} <= {f.name.removesuffix(".facts.yaml") for f in folder.glob("*.facts.yaml")}
    assert (EVAL / "seed.facts.yaml") in FACTS


def test_the_second_set_has_short_and_long_reports():
    lengths = sorted(len(fold(a.read_text(encoding="utf-8"))) for a in EVAL2.glob("*.txt"))
    assert sum(n <= 600 for n in lengths) >= 2 and sum(n >= 2000 for n in lengths) >= 2


@pytest.mark.parametrize("facts", FACTS, ids=lambda p: f"{p.parent.name}/{p.name.removesuffix('.facts.yaml')}")
def test_facts_name_text_of_their_article(facts):
    data = yaml.safe_load(facts.read_text(encoding="utf-8"))
    article = ROOT / data["article"]
    text = fold(article.read_text(encoding="utf-8"))
    low, high = LENGTH[facts.parent.name]
    assert low <= len(text) <= high or article.parts[-2] == "seeds"
    assert isinstance(data.get("subject"), list)
    items = data["facts"]
    assert 10 <= len(items) <= 15
    for f in items:
        assert f["kind"] in KINDS, f
        assert f["any"] and all(fold(str(k)) in text for k in f["any"]), f
        assert "near" not in f or fold(f["near"]) in text, f
    keys = [(tuple(f["any"]), f.get("near")) for f in items]
    assert len(set(keys)) == len(keys)
