"""The optional metadata file next to an article: ARTICLE.meta.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quiz.core.generate.ids import digest


@dataclass(frozen=True, slots=True)
class Meta:
    id: str | None = None
    title: str | None = None
    full_title: str | None = None
    publisher: str | None = None
    date: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()


def meta_path(article: Path) -> Path:
    return article.with_name(article.name.rsplit(".", 1)[0] + ".meta.yaml")


def read_meta(article: Path) -> Meta:
    """Read ARTICLE.meta.yaml if present; ValueError with a message when it is malformed."""
    p = meta_path(article)
    if not p.is_file():
        return Meta()
    import yaml
    try:
        data = yaml.load(p.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as e:
        raise ValueError(f"{p}: cannot read the metadata file: {e}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{p}: the metadata file must be a mapping (title: ..., publisher: ...)")

    def s(key):
        v = data.get(key)
        return None if v is None else str(v)

    tags = data.get("tags") or ()
    return Meta(id=s("id"), title=s("title"), full_title=s("full_title"), publisher=s("publisher"),
                date=s("date") or s("year"), description=s("description"),
                tags=tuple(str(t) for t in tags) if isinstance(tags, list) else ())


_ID_OK = re.compile(r"[^A-Za-z0-9_.-]+")


def bank_id_from(name: str) -> str:
    """A bank id from a file name: ASCII letters, digits, - _ . (a hash when nothing is left)."""
    stem = name.rsplit(".", 1)[0]
    slug = _ID_OK.sub("-", stem).strip("-.")
    if len(slug) < 2 or slug != _ID_OK.sub("-", stem):
        slug = (slug + "-" if slug else "article-") + digest(stem)[:6]
    return slug[:64]
