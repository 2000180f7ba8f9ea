from __future__ import annotations

import pytest

from quiz.core.generate.text import ArticleError, decode_article, parse_article, split_sentences
from quiz.core.generate.text import fold_same_length as normalize


def test_decode_utf8_with_bom():
    assert decode_article("\ufeff西藏".encode("utf-8")) == "西藏"


@pytest.mark.parametrize("data,needle", [
    ("西藏自治区党史学习教育".encode("gbk"), "GBK"),
    ("西藏自治区党史学习教育".encode("utf-16"), "UTF-16"),
    ("西藏自治区党史学习教育".encode("utf-16-le"), "UTF-16"),
    (bytes(range(256)) * 4, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_decode_names_the_likely_encoding(data, needle):
    with pytest.raises(ArticleError) as e:
        decode_article(data, "a.txt")
    assert needle in str(e.value) and "a.txt" in str(e.value)


def test_normalize_keeps_length_and_numbers():
    s = '3月26日上午,全区设1,300个会场:"学英雄、敬先烈"(活动).亩产1465.4公斤'
    n = normalize(s)
    assert len(n) == len(s)
    assert n == "3月26日上午，全区设1,300个会场：“学英雄、敬先烈”（活动）。亩产1465.4公斤"


def test_split_keeps_quoted_speech_with_its_speaker():
    par = "“要紧紧围绕学史明理。”某某说。第二句；第三句？"
    got = [o for o, _ in split_sentences(par)]
    assert got == ["“要紧紧围绕学史明理。”某某说。", "第二句；", "第三句？"]


ARTICLE = """某县推进学习教育——
副标题 两段

本报某地4月2日电（记者 张三、通讯员 李四）某县开展学习活动。
　　精心部署
　　营造氛围
　　3月1日，某县召开会议。
单行标题没有句号
　　第二段在这里。
（责编：王五、赵六）
上一页 1 2 下一页
分享到：
"""


def test_parse_article_title_headings_bylines_and_navigation():
    a = parse_article(ARTICLE)
    assert a.title == "某县推进学习教育——副标题 两段"
    assert a.headings == ("精心部署", "单行标题没有句号")
    texts = [s.text for s in a.sentences]
    assert texts == ["某县开展学习活动。", "3月1日，某县召开会议。", "第二段在这里。"]
    assert [s.heading for s in a.sentences] == ["", "精心部署", "单行标题没有句号"]
    assert not any("张三" in t or "责编" in t or "下一页" in t for t in texts)


def test_parse_article_without_title_or_breaks():
    a = parse_article("3月1日，某县召开学习会议，参加人数达300余人。")
    assert len(a.sentences) == 1 and a.title == ""
