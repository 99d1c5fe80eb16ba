"""DOCX reader (python-docx): paragraphs and tables in body order, merged cells read once.

Why we walk the XML ourselves: python-docx's ``table.rows[i].cells`` repeats a merged cell in
every column (and row) it spans, which would duplicate registrations; the underlying ``w:tc``
elements with ``gridSpan``/``vMerge`` say exactly where each cell starts and how far it reaches.
The borderless two-column table at the top of official documents (issuer | motto) is marked
``layout`` so it is read column by column; a ``Nơi nhận | signature`` table at the end becomes
recipients / signature paragraphs. Before parsing, the ZIP container is checked (size, ratio,
DTDs) so a hostile file is refused quickly with a clear reason.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, Iterator, Optional

from ..legacy import fix_document as fix_legacy_fonts
from ..model import Cell, Document, Location, Paragraph, Table
from ..textnorm import display
from . import ReadError
from .docx_numbering import Numbering
from .ooxml import check_container
from .layout import DOC_TYPE, RIGHT_HEADER

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận", re.IGNORECASE)
_LEFT_HEADER = re.compile(r"^\s*(?:Số\b|V/v\b)", re.IGNORECASE)
#: Nested tables deeper than this are flattened into text (hostile or broken files).
MAX_NESTING = 5


def read(path: Path, doc: Document, source_format: str = "docx") -> None:
    check_container(path, "word/document.xml", "DOCX")
    import docx  # python-docx

    try:
        document = docx.Document(str(path))
    except KeyError as exc:
        raise ReadError(f"DOCX file is missing a part it needs ({exc})", "corrupt") from None
    except zipfile.BadZipFile as exc:
        raise ReadError(f"corrupt DOCX (ZIP container): {exc}", "corrupt") from None
    except Exception as exc:  # lxml XMLSyntaxError, ValueError for bad content types …
        first = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise ReadError(f"corrupt DOCX: {first}", "corrupt") from None
    doc.format = source_format
    reader = _BodyReader(doc, document)
    reader.page_parts("header")
    reader.body(document.element.body)
    reader.page_parts("footer")
    fix_legacy_fonts(doc)


class _BodyReader:
    def __init__(self, doc: Document, document: Any):
        self.doc = doc
        self.document = document
        self.paragraph_index = 0
        self.seen_body_text = False
        self.numbering = Numbering(document)
        self.styles: dict[Optional[str], tuple[Any, Any, Any]] = {}  # style id -> bold, italic, alignment

    # ------------------------------------------------------------------ body

    def body(self, body_el: Any) -> None:
        for child in _block_children(body_el):
            tag = child.tag
            if tag == f"{_W}p":
                self.paragraph_index += 1
                self._paragraph(child, self.paragraph_index)
            elif tag == f"{_W}tbl":
                self._table(child, depth=0)

    def _paragraph(self, p_el: Any, index: int, region: str = "body") -> None:
        from docx.text.paragraph import Paragraph as DocxParagraph

        para = DocxParagraph(p_el, self.document._body)
        label = self.numbering.label(p_el)
        text = _paragraph_text(p_el)
        if text and label:
            text = label + text
        if text:
            bold, italic, centered = _paragraph_style(para, self.styles)
            self.doc.blocks.append(Paragraph(text, Location(line=index), region=region, bold=bold, italic=italic,
                                             centered=centered))
            if region == "body" and len(text) > 60:
                self.seen_body_text = True
            if p_el.find(f".//{_W}r/{_W}tab") is not None:  # cells typed with tab stops, kept for the table finder
                self.doc.blocks[-1].layout = (label or "") + _paragraph_text(p_el, keep_tabs=True)
        # Text boxes anchored in the paragraph (headers are sometimes drawn in them).
        for box_text in _textbox_paragraphs(p_el):
            self.doc.blocks.append(Paragraph(box_text, Location(line=index), region=region))

    # ------------------------------------------------------------------ tables

    def _table(self, tbl: Any, depth: int) -> None:
        rows, nested = _table_cells(tbl, depth, self.numbering)
        if not rows:
            return
        grid_text = [[c.text for c in row] for row in rows]
        flat = " ".join(t for row in grid_text for t in row)
        n_cols = max((c.column + c.colspan for row in rows for c in row), default=0)
        if depth == 0 and _RECIPIENTS.search(flat) and n_cols <= 3 and len(rows) <= 4:
            self._signature_table(rows)
        else:
            index = len(self.doc.tables)
            for row in rows:
                for cell in row:
                    cell.location.table = index
            layout = depth == 0 and not self.seen_body_text and n_cols <= 3 and len(rows) <= 8 and (
                bool(RIGHT_HEADER.search(flat)) or any(_LEFT_HEADER.match(t) for row in grid_text for t in row)
                or _borderless(tbl) and not DOC_TYPE.match(flat))
            self.doc.blocks.append(Table(rows, Location(table=index), index=index, layout=layout))
        for inner in nested:
            self._table(inner, depth + 1)

    def _signature_table(self, rows: list[list[Cell]]) -> None:
        """``Nơi nhận:`` column and signature column, each read top to bottom."""
        columns: dict[int, list[Cell]] = {}
        for row in rows:
            for cell in row:
                columns.setdefault(cell.column, []).append(cell)
        for col in sorted(columns):
            for cell in columns[col]:
                region = "recipients" if _RECIPIENTS.match(cell.text) or col == 0 else "signature"
                for part in cell.text.split("\n"):
                    if part.strip():
                        self.doc.blocks.append(Paragraph(part, Location(row=cell.row, column=cell.column),
                                                         region=region))

    # ------------------------------------------------------------------ headers and footers

    def page_parts(self, kind: str) -> None:
        seen: set[str] = set()
        region = "page-header" if kind == "header" else "page-footer"
        for section in self.document.sections:
            for attr in (f"first_page_{kind}", kind, f"even_page_{kind}"):
                try:
                    part = getattr(section, attr)
                    if part.is_linked_to_previous:
                        continue
                    element = part._element
                except Exception:  # noqa: BLE001 - a missing header part is not an error
                    continue
                for child in _block_children(element):
                    texts: list[str] = []
                    if child.tag == f"{_W}p":
                        texts = [_paragraph_text(child)] + list(_textbox_paragraphs(child))
                    elif child.tag == f"{_W}tbl":
                        rows, _ = _table_cells(child, 0)
                        texts = [c.text for row in rows for c in row]
                    for text in texts:
                        for line in text.split("\n"):
                            if line.strip() and line not in seen:
                                seen.add(line)
                                self.doc.blocks.append(Paragraph(line, Location(), region=region))


def _block_children(el: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, looking inside content controls and custom XML wrappers."""
    for child in el.iterchildren():
        tag = child.tag
        if tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}sdtContent", f"{_W}ins", f"{_W}smartTag"):
            yield from _block_children(child)


def _paragraph_text(p_el: Any, keep_tabs: bool = False) -> str:
    """Visible text: runs, hyperlinks, tabs and breaks; deleted text and field codes are skipped.

    Tabs fold into spaces like any white space unless ``keep_tabs`` (cells typed with tab stops)."""
    parts: list[str] = []
    for el in p_el.iter():
        tag = el.tag
        if tag == f"{_W}t":
            if _inside(el, (f"{_W}del", f"{_W}txbxContent")):
                continue
            parts.append(el.text or "")
        elif tag == f"{_W}tab" and el.getparent() is not None and el.getparent().tag == f"{_W}r":
            if not _inside(el, (f"{_W}txbxContent",)):
                parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            if not _inside(el, (f"{_W}txbxContent",)):
                parts.append("\n")
    text = "".join(parts)
    if keep_tabs:
        return "\n".join("\t".join(display(cell) for cell in line.split("\t")) for line in text.split("\n")).strip("\n")
    return "\n".join(display(line) for line in text.split("\n")).strip("\n")


def _inside(el: Any, tags: tuple[str, ...]) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        if parent.tag == f"{_W}p" and f"{_W}txbxContent" not in tags:
            return False
        parent = parent.getparent()
    return False


def _textbox_paragraphs(p_el: Any) -> Iterator[str]:
    """Paragraphs of text boxes in this paragraph (the ``mc:Fallback`` copy is skipped)."""
    seen: set[str] = set()
    for box in p_el.iter(f"{_W}txbxContent"):
        if _inside(box, (f"{_MC}Fallback",)):
            continue
        for inner in box.iter(f"{_W}p"):
            text = "".join(t.text or "" for t in inner.iter(f"{_W}t"))
            text = display(text)
            if text and text not in seen:
                seen.add(text)
                yield text


def _paragraph_style(para: Any, cache: Optional[dict[Optional[str], tuple[Any, Any, Any]]] = None
                     ) -> tuple[bool, bool, bool]:
    """(bold, italic, centred) from direct formatting or the paragraph style — cheap hints only.

    ``cache`` maps a style id to its (bold, italic, alignment): python-docx resolves ``para.style``
    by scanning every style of the document, which made long documents quadratic-ish (2 ms a paragraph).
    """
    try:
        runs = [(r, len(t)) for r in para.runs for t in (r.text,) if t.strip()]  # r.text is an XPath: once
        style_id = para._p.style
        if cache is None or style_id not in cache:
            style = para.style
            entry = ((style.font.bold, style.font.italic, style.paragraph_format.alignment) if style is not None
                     else (None, None, None))
            if cache is None:
                cache = {}
            cache[style_id] = entry
        style_flags = dict(zip(("bold", "italic"), cache[style_id][:2]))

        def flag(name: str) -> bool:
            total = sum(n for _, n in runs) or 1
            on = sum(n for r, n in runs
                     if getattr(r, name) or (getattr(r, name) is None and style_flags[name]))
            return on * 2 > total

        alignment = para.alignment
        if alignment is None:
            alignment = cache[style_id][2]
        centered = alignment is not None and int(alignment) == 1
        return flag("bold"), flag("italic"), centered
    except Exception:  # noqa: BLE001 - formatting hints must never fail a read
        return False, False, False


def _borderless(tbl: Any) -> bool:
    """No visible borders on the table (the official header table)."""
    borders = tbl.find(f"{_W}tblPr/{_W}tblBorders")
    style = tbl.find(f"{_W}tblPr/{_W}tblStyle")
    if borders is None:
        # Without explicit borders Word draws none unless a style (e.g. "TableGrid") adds them.
        return style is None
    values = [el.get(f"{_W}val") for el in borders]
    return all(v in (None, "nil", "none") for v in values)


def _table_cells(tbl: Any, depth: int, numbering: Optional[Numbering] = None) -> tuple[list[list[Cell]], list[Any]]:
    """Rows of cells (each merged cell once, with spans) and the nested tables found in cells."""
    rows: list[list[Cell]] = []
    nested: list[Any] = []
    # Which cell currently owns each grid column through a vertical merge.
    open_vmerge: dict[int, Cell] = {}
    r = 0
    for tr in tbl.iterchildren(f"{_W}tr"):
        row: list[Cell] = []
        col = _grid_before(tr)
        for tc in _row_cells(tr):
            span = _int_attr(tc, f"{_W}tcPr/{_W}gridSpan")
            span = max(1, min(span or 1, 64))
            vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
            state = None if vmerge is None else (vmerge.get(f"{_W}val") or "continue")
            if state == "continue" and col in open_vmerge:
                owner = open_vmerge[col]
                owner.rowspan = r - owner.row + 1
                col += span
                continue
            text_parts: list[str] = []
            for child in _block_children(tc):
                if child.tag == f"{_W}p":
                    label = numbering.label(child) if numbering is not None else ""
                    t = _paragraph_text(child)
                    if t:
                        text_parts.append(label + t)
                    elif label.strip() and label.strip() not in "-+–•*o▪":
                        text_parts.append(label.strip())  # an auto-numbered "TT" cell shows its number
                elif child.tag == f"{_W}tbl":
                    if depth + 1 <= MAX_NESTING:
                        nested.append(child)
                    else:
                        inner, _ = _table_cells(child, MAX_NESTING)
                        text_parts.extend(c.text for ir in inner for c in ir if c.text)
            cell = Cell("\n".join(text_parts), r, col, 1, span, Location(row=r, column=col))
            row.append(cell)
            for c in range(col, col + span):
                if state == "restart":
                    open_vmerge[c] = cell
                else:
                    open_vmerge.pop(c, None)
            col += span
        rows.append(row)
        r += 1
    return rows, nested


def _row_cells(tr: Any) -> Iterator[Any]:
    for child in tr.iterchildren():
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            for inner in child.iter(f"{_W}tc"):
                yield inner


def _grid_before(tr: Any) -> int:
    return _int_attr(tr, f"{_W}trPr/{_W}gridBefore") or 0


def _int_attr(el: Any, path: str) -> Optional[int]:
    found = el.find(path)
    if found is None:
        return None
    try:
        return int(found.get(f"{_W}val"))
    except (TypeError, ValueError):
        return None
