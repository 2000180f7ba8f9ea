"""Binding descriptions are catalog keys; `localize` swaps in the current language."""
from __future__ import annotations

import dataclasses

from quiz.tui.i18n import CATALOG, t


def localize(node) -> None:
    """Rewrite `node`'s binding descriptions (catalog keys in its class) in the current language."""
    bindings = getattr(node, "_bindings", None)
    merged = getattr(type(node), "_merged_bindings", None)
    if bindings is None or merged is None:
        return
    for key, items in list(bindings.key_to_bindings.items()):
        originals = merged.key_to_bindings.get(key)
        if not originals or len(originals) != len(items):
            continue
        bindings.key_to_bindings[key] = [
            dataclasses.replace(b, description=t(o.description)) if o.description in CATALOG else b
            for b, o in zip(items, originals)
        ]


def localize_tree(root) -> None:
    """Localize `root` and every widget under it, then redraw the footer."""
    localize(root)
    for node in root.walk_children():
        localize(node)
    try:
        root.app.refresh_bindings()
    except Exception:
        pass
