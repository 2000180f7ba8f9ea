"""Paragraphs written straight into a python-docx document's body.

python-docx's add_paragraph/add_run look up the place of every new element among all the
body's children, which made a paper of 1,000 questions take over a second; this writer builds
the same WordprocessingML elements with lxml and puts them before the section properties in
one step each. Text is made safe for XML first (bank text is data: control characters are
dropped, a line break in a text becomes a line break in the paragraph)."""
from __future__ import annotations

from dataclasses import dataclass

from quiz.core.textsafe import clean

TWIPS_PER_CM = 567


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    underline: bool = False
    size: float | None = None  # points


class Writer:
    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        body = document.element.body
        self._sect = body.find(qn("w:sectPr"))
        self._body = body

    def _el(self, parent, tag: str, **attrs: str):
        from lxml import etree

        el = etree.SubElement(parent, self._qn(f"w:{tag}"))
        for k, v in attrs.items():
            el.set(self._qn(f"w:{k}"), v)
        return el

    def para(self, *runs: Run | str, center: bool = False, indent_cm: float | None = None,
             tabs_cm: tuple[float, ...] = (), after_pt: float | None = None) -> None:
        from lxml import etree

        p = etree.Element(self._qn("w:p"))
        if center or indent_cm is not None or tabs_cm or after_pt is not None:
            ppr = self._el(p, "pPr")
            if tabs_cm:  # the children of pPr in the schema's order: tabs, spacing, ind, jc
                tabs = self._el(ppr, "tabs")
                for cm in tabs_cm:
                    self._el(tabs, "tab", val="left", pos=str(round(cm * TWIPS_PER_CM)))
            if after_pt is not None:
                self._el(ppr, "spacing", after=str(round(after_pt * 20)))
            if indent_cm is not None:
                self._el(ppr, "ind", left=str(round(indent_cm * TWIPS_PER_CM)))
            if center:
                self._el(ppr, "jc", val="center")
        for run in runs:
            self._run(p, run if isinstance(run, Run) else Run(run))
        if self._sect is not None:
            self._sect.addprevious(p)
        else:
            self._body.append(p)

    def _run(self, p, run: Run) -> None:
        r = self._el(p, "r")
        if run.bold or run.underline or run.size:
            rpr = self._el(r, "rPr")  # in the schema's order: b, sz, u
            if run.bold:
                self._el(rpr, "b")
            if run.size:
                self._el(rpr, "sz", val=str(round(run.size * 2)))
            if run.underline:
                self._el(rpr, "u", val="single")
        for j, cell in enumerate(run.text.split("\t")):  # a tab is a tab stop; clean() would make it a space
            if j:
                self._el(r, "tab")
            for i, piece in enumerate(clean(cell).split("\n")):
                if i:
                    self._el(r, "br")
                if piece:
                    t = self._el(r, "t")
                    t.text = piece
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def page_break(self) -> None:
        from lxml import etree

        p = etree.Element(self._qn("w:p"))
        self._el(self._el(p, "r"), "br", type="page")
        if self._sect is not None:
            self._sect.addprevious(p)
        else:
            self._body.append(p)
