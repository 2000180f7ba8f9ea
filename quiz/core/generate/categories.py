"""Small built-in pools of generic enumeration items, one per category.

An enumeration (展览、讲座、快闪、情景剧等形式) gets its wrong options from the
pool of its category, so a multi question offers items of the same kind
(other activity forms), never slogans or long phrases. A list belongs to a
category when at least two of its items are in the pool, or one is and the
word after 等 names the category (形式, 渠道…).
"""
from __future__ import annotations

CATEGORIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # name: (words after 等 that name it, items)
    "media": (("渠道", "平台", "媒体", "载体", "媒介", "阵地"),
              tuple("""广播 电视 报刊 报纸 杂志 网站 微信 微博 短视频 手机报 客户端 公众号 宣传栏 宣传册 展板 横幅
              海报 电子屏 网络新媒体 新媒体 融媒体 视频号 门户网站 楼宇电视 户外大屏""".split())),
    "activity": (("形式", "方式", "活动", "载体"),
                 tuple("""展览 讲座 快闪 情景剧 演讲 朗诵 知识竞赛 座谈会 报告会 文艺演出 演出 微党课 读书会 征文
                 宣讲 研讨 培训 观影 合唱 歌咏比赛 故事会 图片展 书画展 网络直播 现场教学 参观 访谈 座谈 知识问答
                 主题党日 微视频 专题党课 红歌会 诗歌朗诵 舞台剧 情景党课 沙龙 辩论赛 摄影展 答题 交流会""".split())),
    "venue": (("场所", "地方", "单位", "领域", "一线"),
              tuple("""社区 企业 学校 农村 机关 军营 寺庙 医院 乡村 景区 牧区 校园 家庭 工地 商场 车站 园区 网点
              村居 厂矿 连队 牧场 田间 街道 楼宇 市场 码头 车间 院落""".split())),
    "people": (("群体", "人群", "人员", "对象", "代表"),
               tuple("""党员 干部 群众 学生 青少年 职工 农牧民 老党员 老战士 志愿者 教师 医生 退役军人 妇女 儿童
               老人 少年 青年 工人 农民 牧民 居民 村民 民警 医护人员 快递员 外卖员 网格员 企业家 个体户""".split())),
    "livelihood": (("民生", "问题", "事项", "服务", "保障"),
                   tuple("""教育 医疗 就业 养老 住房 交通 卫生 文化 体育 社保 托育 饮水 供暖 用电 出行 停车
                   物业 治安 环境 助残 救助 低保 燃气 通信""".split())),
}
_SETS = {k: frozenset(v[1]) for k, v in CATEGORIES.items()}


def category_of(items: tuple[str, ...], tail: str) -> str | None:
    """The category of an enumeration (None: not a known kind)."""
    best, best_n = None, 0
    for name, (tails, _) in CATEGORIES.items():
        n = sum(1 for x in items if x in _SETS[name])
        named = any(tail.startswith(t) for t in tails)
        if n >= 2 or (n == 1 and named):
            score = n * 2 + named
            if score > best_n:
                best, best_n = name, score
    return best


def pool(name: str) -> tuple[str, ...]:
    return CATEGORIES[name][1]
