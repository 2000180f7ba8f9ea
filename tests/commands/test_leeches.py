import json
import random
from datetime import timedelta

from quiz.cli import main
from quiz.core.banks.loader import load_text
from quiz.core.session import Mode, Session
from quiz.core.store import Store

BANK = "bank:\n  id: lb\n  title: L\nquestions:\n" + "".join(
    f"  - id: q{i}\n    type: fill\n    prompt: 第{i}题[b]\n    answer: 答{i}\n" for i in range(2))


from support.clock import Clock  # noqa: E402


def make_leech(data, bank):
    clock = Clock()
    with Store.open(data, clock=clock, backup=False) as store:
        s = Session(store, [bank], Mode.STUDY, clock=clock, rng=random.Random(1), fuzz=False, new_limit=1)
        q = s.next()
        s.grade(q, 4, elapsed=1)
        for _ in range(30):  # lapse again and again until the card is suspended as a leech
            clock.now += timedelta(days=3)
            s2 = Session(store, [bank], Mode.FLASHCARDS, clock=clock, rng=random.Random(1), fuzz=False)
            s2.grade(q, 1, elapsed=1)
            clock.now += timedelta(minutes=15)
            s2.grade(q, 3, elapsed=1)
            if store.leeches(["lb"]):
                return q
    raise AssertionError("no leech")


def test_list_and_unsuspend(tmp_path, capsys, monkeypatch):
    path = tmp_path / "b.yaml"
    path.write_text(BANK, encoding="utf-8")
    bank = load_text(BANK, str(path)).bank
    data = tmp_path / "d"
    q = make_leech(data, bank)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "b.yaml").write_text(BANK, encoding="utf-8")
    assert main(["leeches", "--json", "--data-dir", str(data)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [{"bank": "lb", "question": q.id, "lapses": 8, "suspended": True, "prompt": q.prompt}]
    assert main(["leeches", "--data-dir", str(data)]) == 0
    assert f"lb:{q.id}\t8 lapses\tsuspended\t第" in capsys.readouterr().out
    assert main(["leeches", "--unsuspend", "lb:nope", "--data-dir", str(data)]) == 1
    assert "not a leech" in capsys.readouterr().err
    assert main(["leeches", "--unsuspend", f"lb:{q.id}", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert main(["leeches", "--json", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["suspended"] is False


def test_no_database(tmp_path, capsys):
    assert main(["leeches", "--data-dir", str(tmp_path / "none")]) == 0
    assert capsys.readouterr().out.strip() == "no leeches"
    assert not (tmp_path / "none").exists()
