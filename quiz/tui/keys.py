"""Binding descriptions are catalog keys; `localize` swaps in the current language.

Textual has no public way to change the description of a binding after a widget is made
(descriptions are read when the footer and the help panel draw). `localize` is the one place in
quiz that touches Textual's private binding maps; it checks what it relies on and fails loudly
(BindingsChanged) if a Textual release changes them, instead of silently showing catalog keys."""
from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from quiz.tui.i18n import CATALOG, t


class BindingsChanged(RuntimeError):
    """Textual's private binding maps are not what `localize` knows (a Textual upgrade)."""


def _maps(node: DOMNode) -> tuple[BindingsMap, BindingsMap]:
    """(the node's own bindings, its class's merged bindings): Textual private attributes."""
    own = getattr(node, "_bindings", None)
    merged = getattr(type(node), "_merged_bindings", None)
    if not isinstance(own, BindingsMap) or not isinstance(merged, BindingsMap) \
            or not isinstance(getattr(own, "key_to_bindings", None), dict):
        raise BindingsChanged(f"Textual's binding maps changed (on {type(node).__name__}); "
                              "update quiz.tui.keys.localize for this Textual version")
    return own, merged


def localize(node: DOMNode) -> None:
    """Rewrite `node`'s binding descriptions (catalog keys in its class) in the current language."""
    own, merged = _maps(node)
    for key, items in list(own.key_to_bindings.items()):
        originals = merged.key_to_bindings.get(key)
        if not originals or len(originals) != len(items):
            continue
        own.key_to_bindings[key] = [
            dataclasses.replace(b, description=t(o.description)) if o.description in CATALOG else b
            for b, o in zip(items, originals)
        ]


def localize_tree(root: DOMNode) -> None:
    """Localize `root` and every widget under it, then redraw the footer."""
    localize(root)
    for node in root.walk_children():
        localize(node)
    if root.is_attached:
        root.app.refresh_bindings()


__all__ = ["Binding", "BindingsChanged", "localize", "localize_tree"]
