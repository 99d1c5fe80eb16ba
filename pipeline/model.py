"""The data model, in one place: what readers produce and what extraction returns.

Readers turn any input file into a :class:`Document` (ordered blocks with provenance).
Extraction turns a Document into a :class:`Record`, whose ``to_dict()`` is exactly the JSON
shape of ``shared/spec/extraction-schema.md``. Nothing here imports the rest of the package,
so every stage can depend on it without cycles.
"""
from __future__ import annotations

from dataclasses import dataclass, field as _field
from typing import Any, Iterator, Optional, Union

# --------------------------------------------------------------------------- provenance


@dataclass
class Location:
    """Where a piece of text came from, so a reviewer can check it.

    ``page`` is 1-based (None for formats without pages: text, DOCX); ``line`` is the 1-based
    line within the page (PDF) or the file (text); ``table`` is the 0-based index of the table
    in the document, ``row``/``column`` 0-based positions in its grid.
    """

    page: Optional[int] = None
    line: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    column: Optional[int] = None
    sheet: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None  # x0, top, x1, bottom in points/pixels

    def to_dict(self) -> dict[str, Any]:
        """Page always; the other keys only when known (keeps the JSON short and honest)."""
        out: dict[str, Any] = {"page": self.page}
        for key in ("line", "table", "row", "column", "sheet"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.bbox is not None:
            out["bbox"] = [round(v, 1) for v in self.bbox]
        return out


# --------------------------------------------------------------------------- document blocks

#: Regions of a page. Official documents put the issuer block on the left and the national
#: motto / Party name on the right, then the number and the place-and-date line side by side;
#: readers label those so extraction never sees them interleaved.
REGIONS = ("header-left", "header-right", "body", "page-header", "page-footer", "signature", "recipients")


@dataclass
class Paragraph:
    """A run of text in reading order. ``text`` keeps the original spelling (NFC only)."""

    text: str
    location: Location
    region: str = "body"
    bold: bool = False
    italic: bool = False
    centered: bool = False
    confidence: Optional[float] = None  # OCR confidence 0..100, None for born-digital text
    # (character offset in ``text``, source line number) where each re-joined source line starts, for
    # paragraphs a reader reflowed from hard-wrapped lines; empty when unknown (then ``location.line``).
    line_starts: list[tuple[int, int]] = _field(default_factory=list)
    # A line set in columns as it was laid out: tab-separated cells (DOCX) or the runs of a printed line at
    # their x position in fixed-width characters (PDF). The readers turn runs of such lines into Tables.
    layout: Optional[str] = None

    kind = "paragraph"


@dataclass
class Cell:
    """One table cell, read once even when merged over several rows/columns."""

    text: str
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    location: Location = _field(default_factory=Location)
    confidence: Optional[float] = None


@dataclass
class Table:
    """A table as a list of rows; each merged cell appears once, at its top-left position.

    ``grid()`` gives the dense view (covered positions are ``None``), which is what header
    matching wants; ``rows`` is what provenance wants.
    """

    rows: list[list[Cell]]
    location: Location
    index: int = 0
    layout: bool = False  # True for tables used only to place text side by side (header tables)

    kind = "table"

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_columns(self) -> int:
        width = 0
        for row in self.rows:
            for cell in row:
                width = max(width, cell.column + cell.colspan)
        return width

    def grid(self) -> list[list[Optional[Cell]]]:
        """Dense rows × columns; positions covered by a merged cell hold None."""
        width = self.n_columns
        dense: list[list[Optional[Cell]]] = [[None] * width for _ in self.rows]
        for r, row in enumerate(self.rows):
            for cell in row:
                if cell.column < width:
                    dense[r][cell.column] = cell
        return dense

    def text_rows(self) -> list[list[str]]:
        """Dense rows of strings ('' for empty or covered positions)."""
        return [[c.text if c is not None else "" for c in row] for row in self.grid()]


Block = Union[Paragraph, Table]


@dataclass
class Line:
    """A line of text handed to extraction, with where it came from."""

    text: str
    location: Location
    region: str = "body"
    bold: bool = False
    centered: bool = False
    confidence: Optional[float] = None
    line_starts: list[tuple[int, int]] = _field(default_factory=list)  # as Paragraph.line_starts


@dataclass
class Document:
    """A faithful, ordered reading of one input file."""

    path: str
    sha256: str
    format: str  # pdf | docx | doc | txt | xlsx | image
    pages: Optional[int] = None
    ocr: bool = False
    blocks: list[Block] = _field(default_factory=list)
    warnings: list[str] = _field(default_factory=list)
    encoding: Optional[str] = None  # text files: the encoding that was detected
    metadata: dict[str, Any] = _field(default_factory=dict)  # reader facts (PDF producer, sheet names …)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def lines(self, include_tables: bool = True) -> list[Line]:
        """Every line of text in reading order.

        Paragraphs are split on newlines (the first keeps the paragraph's line number, the
        following ones count up). Layout tables are read column by column — left column
        fully, then the right one — which is how the two-column header is meant to be read.
        Data tables give one line per row, cells joined by `` | ``.
        """
        out: list[Line] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                for i, part in enumerate(block.text.split("\n")):
                    loc = block.location
                    if i:
                        loc = Location(page=loc.page, line=(loc.line + i) if loc.line is not None else None,
                                       table=loc.table, row=loc.row, column=loc.column)
                    out.append(Line(part, loc, block.region, block.bold, block.centered, block.confidence,
                                    list(block.line_starts) if "\n" not in block.text else []))
            elif include_tables:
                out.extend(table_lines(block))
        return out

    def text(self) -> str:
        """All text in reading order, one line per line (for similarity checks and baselines)."""
        return "\n".join(line.text for line in self.lines())


def table_lines(table: Table) -> Iterator[Line]:
    """Lines of a table: column-major for layout tables, row-major (joined by ' | ') for data."""
    if table.layout:
        columns: dict[int, list[Cell]] = {}
        for row in table.rows:
            for cell in row:
                columns.setdefault(cell.column, []).append(cell)
        for col in sorted(columns):
            region = "header-left" if col == 0 else "header-right"
            for cell in columns[col]:
                for part in cell.text.split("\n"):
                    if part.strip():
                        yield Line(part, cell.location, region)
        return
    for r, row in enumerate(table.rows):
        if not row:
            continue
        loc = row[0].location
        yield Line(" | ".join(c.text.replace("\n", " ") for c in row),
                   Location(page=loc.page, line=loc.line, table=table.index, row=r), "body")


# --------------------------------------------------------------------------- extraction record

#: Confidence below which an extracted value goes to the reviewers' queue (see ``review``).
REVIEW_THRESHOLD = 0.7


def _doubt(confidence: Optional[float], review: list[str]) -> dict[str, Any]:
    """The optional ``confidence`` / ``review`` keys every extracted item carries (schema, last section)."""
    return {"confidence": None if confidence is None else round(confidence, 2), "review": list(review)}


@dataclass
class Signer:
    name: Optional[str] = None
    title: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title}


@dataclass
class DocumentMeta:
    kind: str = "other"  # plan|guide|notice|program|decision|report|official_letter|registration_form|other
    issuer: Optional[str] = None
    number: Optional[str] = None
    number_raw: Optional[str] = None
    place: Optional[str] = None
    issued_on: Optional[str] = None  # ISO date
    title: Optional[str] = None
    subject: Optional[str] = None  # "V/v …" of an official letter
    signer: Signer = _field(default_factory=Signer)
    unit: Optional[str] = None
    unit_source: Optional[str] = None  # where unit came from: "header", "footer", "signature", "filename"
    location: dict[str, Any] = _field(default_factory=dict)  # field name -> Location dict
    # per field: how sure extraction is (0..1) and, when doubtful, reasons in Vietnamese for the reviewer
    confidence: dict[str, float] = _field(default_factory=dict)
    review: dict[str, list[str]] = _field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "issuer": self.issuer,
            "number": self.number,
            "number_raw": self.number_raw,
            "place": self.place,
            "issued_on": self.issued_on,
            "title": self.title,
            "subject": self.subject,
            "signer": self.signer.to_dict(),
            "unit": self.unit,
            "unit_source": self.unit_source,
            "location": self.location,
            "confidence": {k: round(v, 2) for k, v in self.confidence.items()},
            "review": {k: list(v) for k, v in self.review.items() if v},
        }


@dataclass
class Deadline:
    due: Optional[str]
    precision: str
    text: str
    action: Optional[str] = None
    responsible: Optional[str] = None
    recipient: Optional[str] = None
    year_inferred: bool = False
    recurring: Optional[str] = None
    time: Optional[str] = None  # "8 giờ 00" when written
    location: Location = _field(default_factory=Location)
    confidence: Optional[float] = None  # 0..1; below REVIEW_THRESHOLD the item is queued for review
    review: list[str] = _field(default_factory=list)  # reasons in Vietnamese a reviewer can act on

    def to_dict(self) -> dict[str, Any]:
        return {
            "due": self.due, "precision": self.precision, "text": self.text, "action": self.action,
            "responsible": self.responsible, "recipient": self.recipient,
            "year_inferred": self.year_inferred, "recurring": self.recurring, "time": self.time,
            **_doubt(self.confidence, self.review), "location": self.location.to_dict(),
        }


@dataclass
class Milestone:
    start: Optional[str]
    end: Optional[str]
    precision: str
    text: str
    year_inferred: bool = False
    location: Location = _field(default_factory=Location)
    confidence: Optional[float] = None  # 0..1; below REVIEW_THRESHOLD the item is queued for review
    review: list[str] = _field(default_factory=list)  # reasons in Vietnamese a reviewer can act on

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision, "text": self.text,
                "year_inferred": self.year_inferred, **_doubt(self.confidence, self.review), "location": self.location.to_dict()}


@dataclass
class Quota:
    subject: Optional[str]
    minimum: Optional[float]  # int for counts; a decimal target such as 92.5 stays exact
    item: Optional[str]
    text: str
    unit: str = "count"  # count | percent
    exclusive: bool = False
    exact: bool = False
    maximum: Optional[int] = None
    location: Location = _field(default_factory=Location)
    confidence: Optional[float] = None  # 0..1; below REVIEW_THRESHOLD the item is queued for review
    review: list[str] = _field(default_factory=list)  # reasons in Vietnamese a reviewer can act on

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "minimum": self.minimum, "item": self.item, "text": self.text,
                "unit": self.unit, "exclusive": self.exclusive, "exact": self.exact,
                "maximum": self.maximum, **_doubt(self.confidence, self.review), "location": self.location.to_dict()}


@dataclass
class Reference:
    kind: Optional[str]
    number: Optional[str]
    date: Optional[str] = None
    issuer: Optional[str] = None
    text: str = ""
    location: Location = _field(default_factory=Location)
    confidence: Optional[float] = None  # 0..1; below REVIEW_THRESHOLD the item is queued for review
    review: list[str] = _field(default_factory=list)  # reasons in Vietnamese a reviewer can act on

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "number": self.number, "date": self.date, "issuer": self.issuer,
                "text": self.text, **_doubt(self.confidence, self.review), "location": self.location.to_dict()}


@dataclass
class Period:
    start: Optional[str]
    end: Optional[str]
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Registration:
    unit: Optional[str]
    section: Optional[str]  # new | continuing | None
    seq: Optional[int]
    name: str
    leader: Optional[str] = None
    address: Optional[str] = None
    field: Optional[str] = None  # economy|culture_society|defense_security|political_system|administrative_reform|digital_transformation|other
    field_raw: Optional[str] = None
    period: Optional[Period] = None
    extra: dict[str, str] = _field(default_factory=dict)
    location: Location = _field(default_factory=Location)
    confidence: Optional[float] = None  # 0..1; below REVIEW_THRESHOLD the item is queued for review
    review: list[str] = _field(default_factory=list)  # reasons in Vietnamese a reviewer can act on

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit, "section": self.section, "seq": self.seq, "name": self.name,
            "leader": self.leader, "address": self.address, "field": self.field, "field_raw": self.field_raw,
            "period": self.period.to_dict() if self.period else None, "extra": self.extra,
            **_doubt(self.confidence, self.review), "location": self.location.to_dict(),
        }


@dataclass
class Record:
    """Everything extracted from one file: the JSON record of the extraction schema."""

    document: Document
    meta: DocumentMeta = _field(default_factory=DocumentMeta)
    deadlines: list[Deadline] = _field(default_factory=list)
    milestones: list[Milestone] = _field(default_factory=list)
    quotas: list[Quota] = _field(default_factory=list)
    references: list[Reference] = _field(default_factory=list)
    registrations: list[Registration] = _field(default_factory=list)
    warnings: list[str] = _field(default_factory=list)

    def source_dict(self) -> dict[str, Any]:
        d = self.document
        return {"path": d.path, "sha256": d.sha256, "format": d.format, "pages": d.pages, "ocr": d.ocr,
                "encoding": d.encoding}

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source_dict(),
            "document": self.meta.to_dict(),
            "deadlines": [x.to_dict() for x in self.deadlines],
            "milestones": [x.to_dict() for x in self.milestones],
            "quotas": [x.to_dict() for x in self.quotas],
            "references": [x.to_dict() for x in self.references],
            "registrations": [x.to_dict() for x in self.registrations],
            "warnings": list(self.document.warnings) + list(self.warnings),
        }
