"""Deadlines and milestones: the role of each date found in the text.

Pipeline (one pass over the body, only sentences holding a date reach the NLP):

1. body lines (no header, signature, recipient list or data tables) are grouped into
   paragraphs — hard-wrapped text is re-joined here, so this works whether or not the reader
   reflowed it — and each paragraph keeps a map from character offset to source line;
2. :func:`pipeline.extractors.dates.find_time_expressions` finds the dates (the year of undated ones is
   inferred from the document);
3. sentences holding a date are tokenized by underthesea into a spaCy ``Doc``, split back into
   syllables (the segmenter glues triggers to the names before them: "Đảng uỷ chậm" + "nhất"),
   and the trigger rules run as spaCy ``Matcher`` patterns over those syllables (``trước`` +
   date, ``chậm nhất``, ``hạn chót``, ``đến hết``, ``không muộn hơn`` …); a deadline noun
   heading a clause reaches its date across the clause ("Hạn chót nộp hồ sơ … là ngày D");
4. each date gets one role: the document's own date, a cited document's date, an anniversary,
   a deadline (a trigger right before it), a milestone (a scheduled period), or nothing.

A month, quarter or year written as a window ("trong tháng 3/2026", "Dự kiến tháng 9") is a cut-off when its
clause produces, sends or finishes something and a scheduled window when it holds an event or runs an activity
(verb classes and event nouns come from the lexicon). Tasks with labelled time fields or task-table columns are
read from the structural view (:func:`_from_tasks`).

For deadlines we also read the action (verb phrase), the responsible body (the task's chủ trì, the subject named
before its role and verb, the section heading or lead-in naming bodies, the body asked by ``đề nghị``/``giao``, a
letter's ``Kính gửi`` addressees, or the previous sentence's actor — never a document noun, an object of an
instruction, a possessive list or the bodies after ``chỉ đạo``) and the recipient (in the clause of the date, cut
before the object: "báo cáo UBND tỉnh kết quả …" → "UBND tỉnh").

Duties without a calendar date — relative limits ("trong vòng 05 ngày làm việc kể từ …") and periodic report
duties ("Định kỳ hằng quý … báo cáo", "ngày 05 hằng tháng") — are deadlines with ``due: null`` and a reason, never a
guessed date; a date written but unreadable is a warning. Every item carries a confidence and, when doubtful,
Vietnamese review reasons (:mod:`.doubt`).
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Optional

from .dates import TimeExpr, find_time_expressions, opens_period
from . import doubt as doubt_words
from .doubt import Doubt
from .shapes import mostly_upper, strip_marks
from .phrases import (ACTION_VERBS, BODY_RE, BODY_START, VERB_RE, asked_body, first_verb, read_body,
                      heading_bodies, trim_subject)
from .structure import LEVEL_LETTER, LEVEL_ROMAN, LEVEL_TEXT, strip_marker, structure_of
from .. import lexicon
from ..model import Deadline, Document, DocumentMeta, Location, Milestone
from ..textnorm import match_key, nfc

log = logging.getLogger(__name__)

_F = re.IGNORECASE | re.UNICODE

# --------------------------------------------------------------------------- trigger vocabulary

#: Phrases that, right before a date, make it a cut-off (spec: "What makes a date a deadline").
DEADLINE_TRIGGERS = list(lexicon.words("deadline_triggers"))
#: "đến ngày …" closes a task only after a verb of finishing or sending.
CLOSING_VERBS = list(lexicon.words("closing_verbs"))
#: Relative limits: a count of days, weeks or months from an event, no calendar date.
RELATIVE_TRIGGERS = re.compile(
    r"(?:chậm nhất|muộn nhất|trong (?:vòng|thời hạn))\s+(?:sau\s+)?\d+\s+(?:ngày|tuần|tháng)"
    r"|(?:trước|sau)\s+(?:ngày\s+)?[^\d,.;]{2,40}?\s+\d+\s+ngày(?!\s*\d)", _F)
#: Anything deadline-like at all (a cheap pre-check before the NLP runs): the first word of every trigger.
_DEADLINE_HINT = re.compile(lexicon.alternation(
    {w.split()[0] for w in DEADLINE_TRIGGERS + CLOSING_VERBS + list(lexicon.words("window_words"))}
    | {"hạn", "không muộn"}), _F)

_BULLET = re.compile(r"^\s*(?:[-–•+*]|\d+(?:\.\d+)*[.)]|[a-zđ][.)])\s+", _F)

# The document's own "<Place>, ngày … tháng … năm …" line.
_PLACE_WORDS_BEFORE = re.compile(r"((?:\S+\s+){0,5}?\S+),\s*$")

# A document number right before a date: "Kế hoạch số 03-KH/BDVTU, ngày …", "30/2020/NĐ-CP ngày …".
_CITED_BEFORE = re.compile(
    r"(?:\d+\s*[/-]\s*[\w.]*[A-ZĐ][\w.Đđ]*(?:\s*[/-]\s*[\w.Đđ]+)*|(?<!\w)(?:ban hành|(?<!đăng )(?<!Đăng )ký)\s*)"
    r"\s*[,)]?\s*(?:ban hành\s*)?(?:ngày\s*)?$")
_CITED_KIND_BEFORE = re.compile(lexicon.pattern("document_kinds") + r"\s+(?:số\s+)?\d+[^\s,]*\s*,?\s*(?:ngày\s*)?$", _F)


# --------------------------------------------------------------------------- spaCy matcher

def _patterns(phrase: str) -> list[list[dict]]:
    """One token per syllable: the matcher runs over :func:`_syllable_doc`."""
    return [[{"LOWER": w} for w in phrase.split()]]


def _syllable_doc(doc):  # type: ignore[no-untyped-def]
    """underthesea's words split back into syllables (same text, same offsets).

    Why: the segmenter glues a trigger to the body before it ("Đảng uỷ chậm" + "nhất",
    "Dân vận Huyện" + "ủy"), so word-level trigger patterns miss depending on the name in front.
    Punctuation and dates stay split as underthesea split them.
    """
    from spacy.tokens import Doc

    from .nlp import _fix_spaces

    syllables = [m.group() for tok in doc for m in re.finditer(r"\S+", tok.text)]
    words, spaces = _fix_spaces(doc.text, syllables)
    return Doc(doc.vocab, words=words, spaces=spaces)


@functools.lru_cache(maxsize=1)
def _matcher():
    """The trigger rules as spaCy Matcher patterns (built once)."""
    from .nlp import get_nlp

    vocab = get_nlp().vocab  # first: spaCy loaded the light way (pipeline/extractors/nlp.py)
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    for phrase in DEADLINE_TRIGGERS:
        matcher.add("DEADLINE", _patterns(phrase))
    for verb in CLOSING_VERBS:  # "hoàn thành (…) đến ngày": the verb then "đến" within 9 syllables
        for gap in range(0, 10):
            pat = [{"LOWER": w} for w in verb.split()] + [{"IS_PUNCT": False}] * gap + [{"LOWER": "đến"}]
            matcher.add("CLOSING", [pat])
    return matcher


# --------------------------------------------------------------------------- paragraphs

class _Para:
    """A body paragraph of the structural view, bold marks blanked (same length keeps offsets)."""

    def __init__(self, para) -> None:  # type: ignore[no-untyped-def]
        self.source = para
        self.text = nfc(para.text).replace("*", " ")

    def location(self, offset: int) -> Location:
        """Where the character at ``offset`` came from (the source line)."""
        loc = self.source.location_at(offset)
        return Location(page=loc.page, line=loc.line, table=loc.table, row=loc.row)


def _free_text_row(text: str) -> bool:
    """A sheet row holding one sentence (notes under a form's grid: ``- Gửi danh sách về … trước ngày …``)."""
    return " | " not in text and "\t" not in text and len(text.strip()) >= 30


def _body_paragraphs(doc: Document, meta: DocumentMeta) -> list[_Para]:
    """Paragraphs that can carry deadlines and milestones: the structural view's body (no header, title,
    addressees, recipients or signature; data tables apart), and a form's free-text rows (its notes)."""
    st = structure_of(doc)
    paras = [p for p in st.body if not (p.text.count("|") >= 2 or p.text.count("\t") >= 2)]
    if meta.kind == "registration_form":
        paras = sorted(paras + [r for r in st.table_rows if _free_text_row(r.text)], key=lambda p: p.order)
    return [_Para(p) for p in paras]


# --------------------------------------------------------------------------- sentence reading

def _inside_token(text: str, end: int) -> bool:
    """A split right after a dot glued to the next letter: an e-mail or web address (``ubnd.gov.vn``)."""
    probe = text[:end].rstrip()
    return bool(probe) and probe[-1] == "." and len(probe) < len(text) and text[len(probe)].isalnum() \
        and bool(re.search(r"[\w@-]\.$", probe)) and bool(re.search(r"[@/]|\.(?:gov|com|vn|org|net)\b",
                                                                       text[max(0, len(probe) - 40):len(probe) + 10]))


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; underthesea when available, a plain splitter otherwise."""
    try:
        from .nlp import sentences

        spans = sentences(text)
    except Exception:  # noqa: BLE001 - NLP missing or failing must not cost the deadlines
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^.!?;]+[.!?;]*", text)]
    # underthesea splits after "1." list numbers; glue such stubs to the next sentence
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (len(text[merged[-1][0]:merged[-1][1]].strip()) <= 6 or _inside_token(text, merged[-1][1])):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _clean_item(text: str) -> str:
    """The sentence as written, without a leading bullet or item number."""
    text = _BULLET.sub("", text.strip(), count=1) if _BULLET.match(text) and not re.match(r"^\s*[IVXLC]+\.", text) else text.strip()
    return nfc(re.sub(r"\s{2,}", " ", text.strip()))


_STOP_RECIPIENT = re.compile(
    r"\s*(?:,(?!\s*" + lexicon.pattern("levels") + r"(?!\w)(?!\s+hội))|[;:.]|\s(?:trước|chậm nhất|muộn nhất|hạn|trong|"
    r"để|theo|tổng hợp|báo cáo|xem xét|trước khi|đúng|kèm|hoặc|chậm|không|đến|từ|vào|lúc|ngày|bằng|là)(?!\w)"
    r"|\s(?:qua|theo|vào)\s+" + lexicon.pattern("channels") + r"(?!\w))", _F)


def _recipient(sentence: str) -> Optional[str]:
    """Where it is sent: after "gửi về", "nộp về", "về <Body>", "qua <Body>".

    A body named in a purpose clause ("… về Sở X trước ngày 20/6 để tổng hợp, báo cáo UBND tỉnh") is the
    next step of the chain, not the recipient: bodies before "để" are tried first."""
    purpose = re.search(r"(?<!\w)để\s", sentence)
    if purpose:
        found = _recipient_in(sentence[:purpose.start()])
        if found:
            return found
    return _recipient_in(sentence)


def _recipient_in(sentence: str) -> Optional[str]:
    for pattern in (_SENDING_WORDS + r"\s+(?:về|đến|tới|lên|qua)\s+(?=[^\W\d_])",
                    r"(?<!\w)(?:trình|báo cáo)\s+(?=[A-ZĐỦ])(?=(?i:" + _CAPITAL_BODY + "))",
                    r"(?<!\w)(?:về|đến|lên)\s+(?=[^\W\d_])", r"(?<!\w)(?:gửi|nộp)\s+(?=(?:cho\s+)?[A-ZĐ])",
                    # "báo cáo kết quả kiểm kê cho cơ quan quản lý cấp trên", "báo cáo cơ quan chịu trách nhiệm …"
                    r"(?<!\w)(?i:" + _SENDING_WORDS + r")\s+(?:[^\W\d_]+\s+){0,6}?cho\s+(?=[^\W\d_])",
                    r"(?<!\w)(?:trình|báo cáo)\s+(?=(?i:" + _CAPITAL_BODY + r")\s)",
                    r"(?<![\w(])qua\s+(?=[A-ZĐ])",
                    # "nộp sản phẩm …: chậm nhất ngày …, tại Văn phòng Hội …": where a submission is handed in
                    r"(?<!\w)tại\s+(?=[A-ZĐ])"):
        for m in re.finditer(pattern, sentence, re.UNICODE):
            if sentence[m.start():m.start() + 3] == "tại" and (
                    not _SENDING.search(sentence[:m.start()]) or _EVENT_START.match(sentence[m.end():])):
                continue  # "tại" alone is a place (a meeting's hall), the recipient only of a submission
            rest = sentence[m.end():]
            stop = _STOP_RECIPIENT.search(rest)
            cand = rest[:stop.start()] if stop else rest
            # a parenthesis opened by "qua" belongs to the recipient; any other one does not
            cand = cand.strip()
            paren = re.search(r"\(\s*(?!qua\b)", cand)
            if paren:
                cand = cand[:paren.start()].strip()
            if cand.count("(") > cand.count(")"):
                close = rest.find(")", len(cand))
                cand = rest[:close + 1].strip() if 0 <= close < len(cand) + 40 else cand.split("(")[0].strip()
            elif "(" in cand and ")" in cand:
                cand = cand[:cand.index(")") + 1]  # nothing after "(qua …)" belongs to the recipient
            cand = re.sub(r"\s+", " ", cand)
            cand = _cut_object(cand)
            if cand and BODY_RE.search(cand) and len(cand.split()) <= 16 and (
                    cand[0].isupper() or (BODY_START.match(cand) and _SENDING.search(sentence[:m.end()]))):
                return cand.rstrip(" ,;")
    return None


#: A body written with a capital right after "trình"/"báo cáo" is the recipient ("báo cáo Thường trực Đảng ủy").
_CAPITAL_BODY = lexicon.alternation(lexicon.words("body_heads") + lexicon.words("actor_words"))

#: A verb of sending earlier in the sentence lets a lower-case body be the recipient
#: ("nộp hồ sơ … về bộ phận văn thư").
_SENDING_WORDS = lexicon.pattern("sending_verbs")
_SENDING = re.compile(r"(?<!\w)" + _SENDING_WORDS + r"(?!\w)", _F)

#: Nouns naming what is sent or done, not who: "Bản đăng ký …", "báo cáo UBND tỉnh kết quả …".
_DOC_NOUN = re.compile(r"(?:bản(?=\s+(?-i:[a-zđ]))|" + lexicon.pattern("sent_items") + r")(?!\w)", _F)


def _cut_object(cand: str) -> str:
    """A recipient ends before a lower-case object noun or verb ("UBND tỉnh kết quả thực hiện")."""
    cuts = [m.start() for m in itertools.chain(_DOC_NOUN.finditer(cand), VERB_RE.finditer(cand))
            if m.start() > 0 and m.group()[0].islower() and _name_ended(cand[:m.start()])]
    return cand[:min(cuts)].rstrip(" ,;") if cuts else cand


#: Words that end a body name written in lower case ("UBND tỉnh", "Ban Dân vận Đảng ủy").
_NAME_END_WORDS = lexicon.keys("name_end_words")


def _name_ended(before: str) -> bool:
    """Does ``before`` end on a capitalised word, an abbreviation, ")" or a level word?"""
    words = before.split()
    if not words:
        return False
    last = words[-1]
    return last.endswith(")") or any(c.isupper() for c in last) or match_key(last) in _NAME_END_WORDS


def _subject_here(text: str) -> Optional[str]:
    text = text.lstrip(" ,;:-–")
    m = first_verb(text)
    if not m or m.start() == 0:
        return None
    found = read_body(text)  # the body's noun phrase: cut at its scope, or run over its purpose
    cand = text[:m.start() if found is None else found[0]].strip(" ,;:-–")
    cand = trim_subject(cand)
    longest = 30 if found and found[1] else 18  # a name closed by its scope may list many bodies
    if not cand or len(cand.split()) > longest or re.search(r"\d", cand) or not BODY_START.match(cand):
        return None
    if _DOC_NOUN.match(text):
        return None  # "Bản đăng ký (…) gửi về …": the document sent, not the sender
    return cand


#: A short label opening an item before its clause: "Đăng ký dự thi: …", "Bước 2: …".
_LABEL = re.compile(r"^\s*([^\W\d][^:;,.()]{1,50}?)\s*:\s*")


def _subject_before(text: str) -> Optional[str]:
    """The bodies named before the verb (``các ngành, các bộ phận báo cáo``), trying each clause start."""
    label = _LABEL.match(text)
    if label and BODY_START.match(text[label.end():]) and not BODY_START.match(label.group(1)):
        text = text[label.end():]  # "Đăng ký dự thi: Các chi hội đăng ký …": the label names the task, not who
    req = asked_body(_strip_time_lead(text))
    if req:
        return req[0]  # "Sở Nội vụ đề nghị UBND các huyện báo cáo …": the body asked to act
    starts = [0] + [m.end() for m in re.finditer(r"[,;]\s*", text)]
    doc_first = bool(_DOC_NOUN.match(re.sub(r"^[-–•+*\s]+", "", text)))
    if _opens_on_predicate(text):
        return None  # "Tuyên truyền, vận động đoàn viên, hội viên tham gia …": no subject is written
    for start in starts:
        lead = _object_lead(text[:start]) if start else None
        if lead == "directed":
            continue
        if start and doc_first and not re.match(r"(?:các|những|mỗi|từng|tất cả)\s|[A-ZĐÀ-Ỹ]", text[start:]):
            continue  # "Hồ sơ khen thưởng các tập thể, cá nhân gửi về …": still the document's noun phrase
        clause = _strip_time_lead(text[start:])
        clause = re.sub(r"^(?:định kỳ|" + lexicon.pattern("request_verbs") + r")\s+", "", clause, flags=_F)
        subj = _subject_here(clause)
        if subj and lead == "possessive":
            verb = first_verb(clause)
            if verb and re.search(r",\s*$", clause[:verb.start()]):
                continue  # "… của các đảng bộ, chi bộ, báo cáo …": one more owner in the list
        if subj:
            return subj
    return None


#: A legal basis opening a sentence with a verb ("Thực hiện Kế hoạch số …, UBND các xã báo cáo …"): not its predicate.
_BASIS_OPENER = re.compile(r"(?:thực hiện|triển khai|thi hành|theo)\s+(?:" + lexicon.pattern("document_kinds")
                           + r"|sự chỉ đạo|chỉ đạo|ý kiến)(?!\w)", _F)
_LEAD_TRAILERS = re.compile(r"^(?:" + lexicon.pattern("subject_trailers") + r"[\s,]+)+", _F)


def _opens_on_predicate(text: str) -> bool:
    """Does the sentence open on its verb (an instruction without a written subject)?

    "Chủ trì, phối hợp …", "Tổng hợp kết quả …": the actor is the heading or the context, and a body named
    later in the sentence is an object ("… vận động đoàn viên, hội viên tham gia"). A legal basis opening on a
    verb ("Thực hiện Kế hoạch số …, …") is no predicate."""
    clause = _LEAD_TRAILERS.sub("", re.sub(r"^[-–•+*\s]+", "", _strip_time_lead(text)))
    m = VERB_RE.match(clause)
    return bool(m) and not _BASIS_OPENER.match(clause)


_POSSESSIVE_LEAD = re.compile(r"(?<!\w)(?:của|cho|với|tại|đối với)\s+[^,;:()]*,\s*$", _F)
_DIRECTIVE_LEAD = re.compile(r"(?<!\w)" + lexicon.pattern("directive_verbs") + r"\s+[^;:()]*,\s*$", _F)


def _object_lead(before: str) -> Optional[str]:
    """Is the comma-separated item after ``before`` still an object rather than a new subject?

    "directed": "Chỉ đạo các phòng, UBND cấp xã đăng ký …" names the bodies directed, the actor
    is the heading; "possessive": "… mô hình của các đảng bộ, chi bộ, báo cáo …" may go on
    listing owners. A capitalised directive verb counts only at the start of the item.
    """
    m = _DIRECTIVE_LEAD.search(before)
    if m and (m.group()[:1].islower() or before[:m.start()].strip(" -–•+*0123456789.)") == ""):
        return "directed"
    if _POSSESSIVE_LEAD.search(before):
        return "possessive"
    return None


def _action(sentence: str, expr_spans: list[tuple[int, int]], date_at: Optional[int] = None,
            limits: Optional[list[tuple[int, int]]] = None) -> Optional[str]:
    """The verb phrase: from an action verb to a recipient, trigger, date or punctuation.

    With several cut-offs in one sentence each takes the first verb after the previous one; a
    date written first ("Trước ngày …, A gửi …") takes the verb after it.
    """
    masked = sentence
    for s, e in expr_spans:
        masked = masked[:s] + " " * (e - s) + masked[e:]
    lead = re.match(r"^\s*(?:[-–•+]\s*|\d+(?:\.\d+)*[.)]\s*)?(?:sau|trên cơ sở|căn cứ|để|qua|theo|trong|khi|nhằm)\b[^,]*,",
                    masked, _F)
    if lead:  # "Sau đợt kiểm tra, tổng hợp …": the adverbial clause holds no action
        masked = " " * lead.end() + masked[lead.end():]
    phrases: list[tuple[int, str]] = []
    covered = 0  # a verb inside the previous phrase ("gửi báo cáo") does not start a new one
    for m in VERB_RE.finditer(masked):
        if m.start() < covered:
            continue
        if re.search(r"(?:các|những|mỗi|ban)\s+$", masked[max(0, m.start() - 12):m.start()], _F):
            continue
        prefix = masked[:m.start()].rstrip(" *")
        if m.group()[0].isupper() and prefix.strip(" -–•+0123456789.)") and prefix[-1:] not in ".:;,":
            continue  # capitalised mid-clause it is part of a name ("Ban Thi đua - Khen thưởng")
        if m.group().lower() in ("đề nghị", "yêu cầu") and re.match(r"\s+(?:các\s|[A-ZĐ])", masked[m.end():]):
            continue  # "đề nghị UBND các xã báo cáo": the request, not the task
        rest = masked[m.start():]
        stop = re.search(r"\s(?:gửi về|gửi|về|nộp về|qua|trước|chậm nhất|hạn chót|đến hết|hoàn thành trước|"
                         r"tại|theo|cho)(?!\w)|[,;:.(]|\s{3,}", rest[len(m.group()):], _F)
        end = len(m.group()) + (stop.start() if stop else len(rest))
        phrase = re.sub(r"[*\s]+", " ", rest[:end]).strip(" ,;-")
        words = phrase.split()[:16]
        while words and words[-1].lower() in ("và", "hoặc", "của", "các", "cho", "với", "trong", "vào", "từ",
                                              "đến", "tại", "theo", "trước", "sau", "là", "ngày", "hạn", "nộp"):
            words.pop()
        before = re.sub(r"^[-–•+*\s]+|\d+(?:\.\d+)*[.)]\s*", "", masked[:m.start()]).strip(" ,")
        if len(words) == 1 and _DOC_NOUN.match(before) and len(before.split()) <= 8 and not phrases:
            words = [words[0], before[:1].lower() + before[1:]]  # "Hồ sơ gửi về …" → "gửi hồ sơ"
        if len(words) >= 2:
            phrase = " ".join(words)
            if phrase[:1].isupper() and phrase.split()[0][1:].islower():
                phrase = phrase[0].lower() + phrase[1:]
            phrases.append((m.start(), phrase))
            covered = m.start() + end
    if not phrases:
        # "Hạn cuối nhận hồ sơ: 15/10/2026": the label names the task when no action verb is written
        label = re.search(r"(?<!\w)(?:thời hạn|hạn cuối|hạn chót|hạn)\s+([^\W\d][^:;,.()\d]{2,60}?)\s*:", sentence, _F)
        if label and len(label.group(1).split()) >= 2 and not BODY_START.match(label.group(1)):
            return label.group(1)[0].lower() + label.group(1)[1:]
        return None
    if date_at is not None:
        prev_limit = max([e for s, e in (limits if limits is not None else expr_spans) if e <= date_at] or [0])
        before = [p for at, p in phrases if prev_limit <= at < date_at]
        tasks = [p for p in before if p.lower() not in CLOSING_VERBS]  # not a bare "hoàn thành"
        if tasks or before:
            return (tasks or before)[0]  # the clause's main verb, after any earlier cut-off
        after = [p for at, p in phrases if at > date_at]
        if after:
            return after[0]
    return phrases[0][1]


# --------------------------------------------------------------------------- the extractor

@dataclass
class _Context:
    default_year: Optional[int]
    ref_year: Optional[int]
    issued_on: Optional[str]
    title_key: str = ""
    subject_key: str = ""
    kind: str = "other"
    heading: Optional[str] = None  # the body named by the nearest list heading
    heading_level: int = 0
    heading_leadin: bool = False  # the heading is an unnumbered lead-in ("Trách nhiệm của …:")
    prev_actor: Optional[str] = None
    actor_age: int = 0  # paragraphs read since prev_actor was named
    requested: dict[str, str] = field(default_factory=dict)  # verb -> body asked to do it
    requested_any: Optional[str] = None
    addressees: Optional[str] = None  # "Kính gửi: …" of an official letter
    prev_task: Optional[str] = None  # the sentence just read, when it states a task without a date
    report_periods: set = field(default_factory=set)  # (first, last) of the periods a report covers


def _addressees(doc: Document) -> Optional[str]:
    """The bodies a letter is addressed to ("Kính gửi: - A; - B." → "A và B")."""
    names = structure_of(doc).addressees
    return " và ".join(names) if names else None


def _year_of(meta: DocumentMeta) -> Optional[int]:
    if meta.issued_on and re.match(r"\d{4}", meta.issued_on):
        return int(meta.issued_on[:4])
    return None


def _infer_year(paras: list[_Para], meta: DocumentMeta) -> Optional[int]:
    """The issued_on year, else the most frequent explicit year in the body (latest on ties)."""
    year = _year_of(meta)
    if year:
        return year
    counts: Counter[int] = Counter()
    for p in paras:
        for e in find_time_expressions(p.text):
            if e.first and not e.year_inferred and not e.is_range and 1990 <= e.first.year <= 2100:
                counts[e.first.year] += 1
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


_AS_OF = re.compile(lexicon.pattern("as_of_words") + r"\s*(?:\d{1,2}\s*(?:h|giờ)\s*\d{0,2}\s*,?\s*)?"
                    r"(?:ngày\s*)?$", _F)
_HORIZON = re.compile(lexicon.pattern("horizon_words") + r"\s*$", _F)


#: A report-period noun ("kết quả", "phương hướng nhiệm vụ", "kỳ báo cáo") with the period it covers right after it,
#: at most a few words of its noun phrase between (no preposition or time word that would start a schedule).
_REPORT_PERIOD = re.compile(r"(?<!\w)" + lexicon.pattern("report_period_words")
                            + r"(?:\s+(?!(?:trong|trước|vào|từ|đến|tới|về|cho|tại|lúc|ngày|hạn|chậm|sau|gửi|nộp)(?!\w))"
                              r"[^\W\d_]+){0,4}[\s:]*(?:từ\s+)?(?:ngày\s*)?$", _F)


def _report_periods(paras: list[_Para], title: Optional[str], year: Optional[int], ctx: _Context) -> set:
    """The periods a report covers: those its title names and those named after a report-period noun anywhere in
    it ("báo cáo kết quả … 9 tháng đầu năm", "phương hướng, nhiệm vụ trọng tâm 3 tháng cuối năm"). Every other
    mention of the same period in the report tells of that period, it schedules nothing."""
    found = {(e.first, e.last) for e in find_time_expressions(title or "", default_year=year) if e.first}
    for p in paras:
        for e in find_time_expressions(p.text, default_year=year):
            if e.first and e.precision != "day" and _REPORT_PERIOD.search(p.text[max(0, e.start - 80):e.start]):
                found.add((e.first, e.last))
    return found


def _role(text: str, sent_start: int, expr: TimeExpr, ctx: _Context) -> Optional[str]:
    """own | cited | as_of | report_period | horizon | anniversary | past | None (deadline/milestone decided later)."""
    if _is_own_date(text, expr):
        return "own"
    if expr.first is None:
        return None
    before = text[max(sent_start, expr.start - 80):expr.start]
    if _CITED_BEFORE.search(before) or _CITED_KIND_BEFORE.search(before):
        return "cited"
    if expr.precision == "day" and not expr.is_range and not expr.year_inferred and ctx.issued_on \
            and expr.first.isoformat() == ctx.issued_on[:10]:
        return "own"  # "Nghị quyết này được … thông qua ngày 16 tháng 6 năm 2025": the document's own day
    if _AS_OF.search(before):
        return "as_of"  # "thời điểm 0h00 ngày 01/01/2026", "tính đến ngày 30/6": a moment measured, not an activity
    if _fronted_state(text, sent_start, expr, ctx):
        return "as_of"  # "Đến ngày 31/3/2026, đã có 86/112 hộ …": the state reached by then, not a cut-off
    if _REPORT_PERIOD.search(before):
        return "report_period"  # "báo cáo kết quả 6 tháng đầu năm", "Kỳ báo cáo: từ …": what a report covers
    if ctx.kind == "report" and (expr.first, expr.last) in ctx.report_periods:
        return "report_period"  # the same period again ("Trong 9 tháng đầu năm, …", "Trên đây là báo cáo … 9 tháng")
    if _HORIZON.search(before) and not expr.is_range:
        return "horizon"  # "Phấn đấu đến cuối năm 2025 đạt …": a target's horizon, not a schedule
    if expr.is_range and expr.first and expr.last and ctx.ref_year and expr.first.year <= ctx.ref_year - 5:
        return "anniversary"
    if ctx.ref_year and expr.last and expr.last.year < ctx.ref_year - 1:
        return "past"
    if re.search(r"kể\s+từ\s*$", before, _F) and not expr.is_range and RELATIVE_TRIGGERS.search(before):
        return "relative"  # "trong 05 ngày kể từ ngày 15/3": the start of a window, not an event
    return None


def _fronted_state(text: str, sent_start: int, expr: TimeExpr, ctx: _Context) -> bool:
    """A sentence opening on "Đến ngày X," that tells what had been reached by then — the date is already past
    when the document is issued, or the clause goes on in the past ("đã …") — measures a state; only a future
    "Đến ngày 31/12/2026, 100% hồ sơ …" closes the clause as a cut-off."""
    head = strip_marker(strip_marks(text[sent_start:expr.start])).strip(" -–•+*")
    if not re.fullmatch(r"đến", head, _F) or not re.match(r"\s*,", text[expr.end:]):
        return False
    past = bool(ctx.issued_on and expr.last and expr.last.isoformat() < ctx.issued_on[:10])
    return past or bool(re.match(r"\s*,\s*(?:[^\W\d_]+\s+){0,3}?đã(?!\w)", text[expr.end:], _F))


def _is_own_date(text: str, expr: TimeExpr) -> bool:
    """``<Place>, ngày … tháng … năm …``: a place (capitalised words) and a comma before the date.

    At the start of a line any date form counts; after other text (``Số: 46/KH-UBND  Phổ Minh,
    ngày …``) only the spelled-out form, and never after a preposition (``tại Hà Nội, ngày …``).
    """
    if expr.is_range or not expr.text.lower().startswith("ngày"):
        return False
    before = text[max(0, expr.start - 80):expr.start]
    m = _PLACE_WORDS_BEFORE.search(before)
    if not m:
        return False
    words = m.group(1).split()
    place = 0
    for w in reversed(words):
        if not w[:1].isupper() or any(c.isdigit() for c in w) or place == 5:
            break
        place += 1
    if not place:
        return False
    lead = (before[:m.start(1)] + " ".join(words[:len(words) - place])).split()
    at_line_start = not lead and expr.start - len(before) <= 0
    if at_line_start:
        return True
    if "tháng" not in expr.text.lower():
        return False
    return not (lead and lead[-1].lower() in ("tại", "ở", "về", "đến", "từ", "và", "của"))


#: A sentence opening on what it rests on: "Theo Thông báo kết luận … ngày 05/01/2026, …", "Thực hiện ý kiến chỉ đạo …
#: tại cuộc họp ngày 08/01/2026, …".
_BASIS_START = re.compile(r"^\s*(?:" + lexicon.pattern("body_openers") + r"|theo|triển khai)(?!\w)", _F)


def _cited_in_basis(sentence: str, expr: TimeExpr, ctx: _Context) -> bool:
    """A date before the document's own, in a sentence opening on its basis, dates what it rests on (a cited
    document or meeting, even without a number), not a schedule."""
    return bool(ctx.issued_on and expr.last and expr.last.isoformat() < ctx.issued_on[:10]
                and _BASIS_START.match(_clean_item(strip_marks(sentence))))


def _is_milestone_expr(expr: TimeExpr) -> bool:
    """Scheduled periods worth a calendar entry; a bare "năm 2024", an undated "cuối năm" or a school year named
    as a label ("năm học 2025 - 2026") is not."""
    if expr.first is None or expr.recurring:
        return False
    if re.match(r"năm\s+học", expr.text, _F):
        return False
    if expr.precision == "year":
        return bool(expr.position) and not expr.year_inferred and not expr.is_range
    if expr.year_inferred and expr.precision in ("quarter", "half"):
        return False
    return True


#: What may stand before a plan's phase: nothing (a heading "1. Giai đoạn 2025 - 2030"), a bracket, a colon, a
#: list ("giai đoạn 2025 - 2030 và giai đoạn 2031 - 2035") or "trong" ("Trong giai đoạn 2026 - 2030, …").
_PHASE_BEFORE = re.compile(r"(?:^|[(:;,]|(?<!\w)(?:và|trong))\s*$", _F)


def _is_phase(sentence: str, span: tuple[int, int], expr: TimeExpr) -> bool:
    """A phase of the plan, "giai đoạn Y1 - Y2" standing on its own, is a scheduled period (a milestone).

    The same words after a noun name a programme or a strategy ("Chương trình … giai đoạn 2021 - 2030"): a
    cited name, not a schedule of this document."""
    if not (expr.is_range and expr.precision == "year" and re.match(r"giai\s+đoạn", expr.text, _F)):
        return False
    before = strip_marker(strip_marks(sentence[:span[0]])).strip(" -–•+*")
    return bool(_PHASE_BEFORE.search(before))


def _milestone_bounds(expr: TimeExpr, open_end: bool = False) -> tuple[str, Optional[str], str]:
    """Start, end (None for an open start: "từ ngày X"), precision; "cuối năm 2023" is read as its last month."""
    first, last, precision = expr.first, expr.last, expr.precision
    if precision == "year" and expr.position and first and last:
        month = {"early": 1, "mid": 6, "late": 12}[expr.position]
        first = first.replace(month=month, day=1)
        last = first.replace(month=12, day=31) if month == 12 else \
            first.replace(month=month + 1) - dt.timedelta(days=1)
        precision = "month"
    return first.isoformat(), None if open_end else last.isoformat(), precision  # type: ignore[union-attr]


def extract_timeline(doc: Document, meta: DocumentMeta, warnings: list[str]) -> tuple[list[Deadline], list[Milestone]]:
    """Deadlines and milestones of one document (see the module docstring for the method)."""
    paras = _body_paragraphs(doc, meta)
    year = _infer_year(paras, meta)
    ctx = _Context(default_year=year, ref_year=year, issued_on=meta.issued_on,
                   title_key=match_key(meta.title or ""), subject_key=match_key(meta.subject or ""),
                   kind=meta.kind or "other", addressees=_addressees(doc))
    if ctx.kind == "report":
        ctx.report_periods = _report_periods(paras, meta.title, year, ctx)
    deadlines: list[Deadline] = []
    milestones: list[Milestone] = []
    handled = _from_tasks(structure_of(doc), ctx, deadlines, milestones) if meta.kind != "registration_form" else {}
    for para in paras:
        ctx.actor_age += 1
        if ctx.actor_age > 2:
            ctx.prev_actor = None  # an actor named two paragraphs ago no longer carries over
        _update_heading(para, ctx)
        cut = handled.get(para.source.index)
        if cut == 0:
            continue  # a labelled time field: read with its task (_from_tasks)
        exprs = find_time_expressions(para.text, default_year=year)
        if not exprs:
            _dateless(para.text, para, ctx, deadlines, warnings)
            _remember_actor(para.text, ctx)
            continue
        for s_start, s_end in _sentences(para.text):
            if cut is not None and s_end > cut:
                break  # the sentences of an inline time field belong to its task
            sentence = para.text[s_start:s_end]
            inside = [e for e in exprs if s_start <= e.start < s_end]
            if not inside:
                _dateless(sentence, para, ctx, deadlines, warnings, s_start)
                _remember_actor(sentence, ctx)
                continue
            _read_sentence(para, s_start, sentence, inside, ctx, deadlines, milestones, warnings)
            _remember_actor(sentence, ctx)
    return _dedupe(deadlines), milestones


# --------------------------------------------------------------------------- tasks with time fields

#: A period field that opens on a cut-off word is a deadline ("Thời gian thực hiện: Hoàn thành trong năm 2025",
#: "Thời gian: Trước 30/6", "Dự kiến xong trong tháng 11").
_CUTOFF_LEAD = re.compile(r"^\s*(?:dự kiến\s+)?(?:" + lexicon.alternation(
    DEADLINE_TRIGGERS + list(lexicon.words("cutoff_field_openers"))) + r")(?!\w)", _F)
def _from_tasks(st, ctx: _Context, deadlines: list[Deadline], milestones: list[Milestone]) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Deadlines and milestones written as a task's labelled time field or task-table column.

    A ``Thời gian hoàn thành`` (due) value is that task's cut-off — the latest end it names (``Quý II/2027 và
    Quý III/2027`` → 30/9/2027; ``Tháng 11 - 12/2025`` → 31/12/2025); a ``Thời gian thực hiện`` (period) value is
    a scheduled period, unless it opens on a cut-off word. The task's ``chủ trì`` (or its section heading's
    bodies) is responsible. Returns, per body paragraph holding such a field, where its sentence-level reading
    stops (0: the whole paragraph is the field)."""
    handled: dict[int, int] = {}
    for task in st.tasks:
        for role in ("due", "period"):
            f = task.fields.get(role)
            if f is None:
                continue
            if f.para is not None:
                para = st.body[f.para]
                handled[f.para] = min(handled.get(f.para, len(para.text)), f.start if f.inline else 0)
            _task_time(task, f, role, st, ctx, deadlines, milestones)
    return handled


def _task_time(task, f, role: str, st, ctx: _Context, deadlines: list[Deadline],  # type: ignore[no-untyped-def]
               milestones: list[Milestone]) -> None:
    exprs = [e for e in find_time_expressions(f.value, ctx.default_year, cell=task.table is not None)
             if e.first is not None and e.last is not None and not e.recurring]
    if not exprs:
        return
    if task.table is not None:
        text = task.text  # the task cell: the row's other cells are its owner and time, given apart
    elif f.para is not None:
        para = st.body[f.para]
        text = _clean_item(para.text[f.start:] if f.inline else para.text)
    else:
        text = task.text
    loc = f.location if task.table is None else Location(page=task.location.page, line=task.location.line,
                                                           table=task.table, row=task.row)
    ocr = st.body[f.para].confidence if f.para is not None else task.confidence
    if role == "due" or _CUTOFF_LEAD.match(f.value) or any(_TRIGGER_TAIL.search(f.value[:e.start]) for e in exprs):
        expr = max((_roll_forward(e, ctx) for e in exprs), key=lambda e: e.last)  # type: ignore[arg-type,return-value]
        written = _named_subject(task.text) if task.table is None else None
        responsible = _lead_of(task.responsible) or written or heading_bodies(task.heading)
        deadline = Deadline(
            due=expr.last.isoformat(), precision=expr.precision, text=text,  # type: ignore[union-attr]
            action=_action(task.text, []) or task.text[:80] or None, responsible=responsible,
            recipient=_recipient(task.text), year_inferred=expr.year_inferred, recurring=expr.recurring,
            time=expr.time_of_day, location=loc)
        _judge_deadline(deadline, ctx, ocr, from_context=responsible is not None and not (task.responsible or written))
        deadlines.append(deadline)
        return
    for expr in exprs:
        expr = _roll_forward(expr, ctx)
        if not (_is_milestone_expr(expr) or (expr.precision == "year" and not expr.year_inferred)):
            continue  # a period field's year ("2026", "Giai đoạn 2026-2030") is the task's schedule
        start, end, precision = _milestone_bounds(expr, opens_period(f.value[:expr.start], expr))
        milestone = Milestone(start, end, precision, text, expr.year_inferred, location=loc)
        _judge_milestone(milestone, ocr, label_guessed=_label_guessed(f.label) and not expr.is_range and bool(end))
        milestones.append(milestone)


#: "chủ trì" / "phối hợp" written inside an owner cell: "Sở Nội vụ (chủ trì); các sở phối hợp", "Chủ trì: X; phối hợp: Y".
_LEAD_MARK = re.compile(r"\(?\s*chủ\s+trì\s*\)?\s*[:,]?", _F)
_SUPPORT_MARK = re.compile(r"[;,.]?\s*\(?\s*(?:đơn vị\s+|cơ quan\s+)?phối\s+hợp(?:\s+(?:với|thực hiện))?\s*\)?\s*:?", _F)


def _lead_of(value: Optional[str]) -> Optional[str]:
    """The body in charge within an owner cell or field that names both roles; the value as written otherwise."""
    if not value or not (_LEAD_MARK.search(value) or _SUPPORT_MARK.search(value)):
        return value
    text = value.strip()
    lead = _LEAD_MARK.search(text)
    if lead and lead.start() == 0:  # "Chủ trì: Sở Nội vụ; phối hợp: …"
        text = text[lead.end():]
    elif lead:  # "Sở Nội vụ (chủ trì); …", "Sở Nội vụ chủ trì, phối hợp với …"
        text = text[:lead.start()]
    parts = [p for p in re.split(r"\s*;\s*", text) if p.strip()]
    kept = [p for p in parts if not _SUPPORT_MARK.search(p)]  # "Sở X; các sở, ngành phối hợp"
    if not kept and parts:
        support = _SUPPORT_MARK.search(parts[0])
        kept = [parts[0][:support.start()]] if support and support.start() > 0 else []
    text = "; ".join(kept).strip(" ,;:-–")
    return text if text and BODY_START.match(text) else value


def _named_subject(text: Optional[str]) -> Optional[str]:
    """The body a task's own sentence names as its subject ("Văn phòng Đảng ủy tham mưu …. Thời gian: …"),
    written as a name (capitalised) or a group (``các xã``), not a lower-case noun phrase of the task."""
    subj = _subject_before(_clean_item(strip_marks(text))) if text else None
    if subj and (subj[0].isupper() or re.match(lexicon.pattern("subject_quantifiers") + r"\s", subj, _F)):
        return subj
    return None


def _judge_deadline(deadline: Deadline, ctx: _Context, ocr: Optional[float], from_context: bool,
                    window_guessed: bool = False) -> None:
    """Confidence and review reasons of a deadline (see :mod:`.doubt`)."""
    doubt = Doubt(0.9)
    doubt.add(deadline.year_inferred, doubt_words.YEAR_INFERRED, 0.25)
    doubt.add(deadline.responsible is None, doubt_words.NO_RESPONSIBLE, 0.25)
    doubt.add(from_context, doubt_words.RESPONSIBLE_FROM_CONTEXT, 0.1)
    doubt.add(bool(deadline.due and ctx.issued_on and deadline.due < ctx.issued_on[:10]),
              doubt_words.BEFORE_ISSUE, 0.3)
    doubt.add(window_guessed, doubt_words.WINDOW_BY_VERB, 0.15)
    doubt.add(not deadline.action, doubt_words.NO_ACTION, 0.1)
    doubt.ocr(ocr)
    doubt.apply(deadline)


def _judge_milestone(milestone: Milestone, ocr: Optional[float], label_guessed: bool = False,
                     window_guessed: bool = False) -> None:
    """Confidence and review reasons of a milestone. (A period already over when the document was issued is raised
    by the reviewers' queue itself, with both dates: :func:`pipeline.reports.review._time_checks`.)"""
    doubt = Doubt(0.85)
    doubt.add(milestone.year_inferred, doubt_words.YEAR_INFERRED, 0.25)
    doubt.add(label_guessed, doubt_words.TIME_ROLE_GUESSED, 0.2)
    doubt.add(window_guessed, doubt_words.WINDOW_BY_VERB, 0.15)
    doubt.ocr(ocr)
    doubt.apply(milestone)


#: Labels and column headers that say "time" without saying whether it is a cut-off or a period.
_GENERIC_TIME_LABELS = lexicon.keys("generic_time_labels")


def _label_guessed(label: Optional[str]) -> bool:
    return bool(label) and match_key(re.sub(r"[\s:.*]+$", "", label or "")) in _GENERIC_TIME_LABELS


def _update_heading(para: "_Para", ctx: _Context) -> None:
    """A heading naming bodies ("5.1. Các tổ chức …", "a) UBND các xã:") is the actor of the items under it.

    Outline levels come from the structural view: a new numbered paragraph at the same or a higher level
    closes the previous scope, a deeper one ("a)" under "5.1.") or a bullet stays inside it. An unnumbered
    lead-in ending on a colon ("Trách nhiệm của các cơ quan, đơn vị:") governs the bullets right after it.
    """
    src = para.source
    level = src.level
    if ctx.heading is not None and (level <= ctx.heading_level or (ctx.heading_leadin and level == LEVEL_TEXT)):
        ctx.heading, ctx.heading_leadin = None, False
    if level <= LEVEL_ROMAN:  # a new section: earlier actors no longer apply
        ctx.prev_actor = None
    if level <= LEVEL_LETTER:
        lead = heading_bodies(src.body, titled=src.heading)
        if lead:
            ctx.heading, ctx.heading_level, ctx.heading_leadin = lead, level, False
    elif level == LEVEL_TEXT and strip_marks(src.text).rstrip().endswith(":"):
        lead = heading_bodies(src.text)
        if lead:  # closed by the next numbered item or plain paragraph, not by its bullets
            ctx.heading, ctx.heading_level, ctx.heading_leadin = lead, LEVEL_LETTER, True


def _remember_actor(sentence: str, ctx: _Context) -> None:
    ctx.prev_task = sentence if VERB_RE.search(sentence) else None
    clean = _clean_item(strip_marks(sentence))
    clean = _strip_time_lead(clean)
    subj = _subject_before(clean)
    if subj:
        ctx.prev_actor, ctx.actor_age = subj, 1
    req = asked_body(clean)
    if req:
        ctx.requested[req[1]] = req[0]
        ctx.requested_any = req[0]


def _strip_time_lead(text: str) -> str:
    """Drop a leading time adverbial ("Định kỳ 6 tháng đầu năm 2023, …", "Tháng 02/2024 …")."""
    head = text[:120]
    if not re.search(r"\d|năm|tháng", head[:40], _F):
        return text
    exprs = find_time_expressions(head)
    if exprs and exprs[0].start <= 12:
        rest = text[exprs[0].end:]
        return rest.lstrip(" ,:;")
    return text


_UNREAD_DATE = re.compile(lexicon.alternation(t for t in DEADLINE_TRIGGERS if not t.startswith(("hoàn", "xong", "thời hạn",
                                                                                              "kết thúc", "không quá", "hết hạn")))
                          + r"\s*(?:là\s+|vào\s+)?(?:ngày\s*)?\d", _F)


def _where(loc: Location) -> str:
    """"page 2, line 14" for warnings (what is known of it)."""
    parts = [f"page {loc.page}" if loc.page is not None else "", f"line {loc.line}" if loc.line is not None else ""]
    return ", ".join(p for p in parts if p) or "unknown place"


#: A periodic duty written without a calendar date: "Định kỳ hằng quý, các phòng báo cáo …".
_PERIODIC = re.compile(r"(?<!\w)" + lexicon.pattern("periodic_words") + r"(?!\w)", _F)
_CYCLES = {match_key(k): v for k, v in lexicon.mapping("periodic_words").items()}
_CYCLE_PRECISION = {"weekly": "day", "monthly": "month", "quarterly": "quarter", "half_yearly": "half", "yearly": "year"}
#: "báo cáo" as the verb of a duty, not the noun of a job description ("Tham mưu công tác báo cáo hàng tháng").
_REPORT_DUTY = re.compile(r"(?<!\w)(?<!công tác )" + lexicon.pattern("report_duty_verbs") + r"(?!\w)", _F)


def _dateless(text: str, para: _Para, ctx: _Context, deadlines: list[Deadline], warnings: list[str],
              offset: int = 0, cycle: Optional[str] = None) -> None:
    """A duty with no calendar date: a deadline with ``due: null`` (the scorer and the calendar leave it out, the
    reviewers' list of undated deadlines shows it), or a warning when a date was written but could not be read.

    Relative limits ("trong vòng 05 ngày làm việc kể từ ngày nhận …", "chậm nhất sau 03 tháng …") and periodic
    report duties ("Định kỳ hằng quý, các phòng báo cáo … về Phòng Nội vụ", "ngày 05 hằng tháng") are such duties:
    never guessed into a date (spec: relative deadlines; recurring dates)."""
    u = _UNREAD_DATE.search(text) if cycle is None else None
    if u and not RELATIVE_TRIGGERS.search(text):
        loc = para.location(offset + u.start())
        warnings.append(f"timeline: deadline-like sentence whose date could not be read ({_where(loc)}): "
                        f"{_clean_item(text)[:160]}")
        return
    relative = RELATIVE_TRIGGERS.search(text)
    periodic = _PERIODIC.search(text) if cycle is None else None
    if relative:
        at, precision = relative.start(), "month" if re.search(r"tháng", relative.group(), _F) else "day"
        reason = doubt_words.RELATIVE_DEADLINE
    elif (cycle or periodic) and _REPORT_DUTY.search(text) and ctx.kind != "report" \
            and not re.search(r"(?<!\w)đã\s", text, _F):
        cycle = cycle or _CYCLES.get(match_key(periodic.group()))  # type: ignore[union-attr]
        at, precision = (periodic.start() if periodic else _REPORT_DUTY.search(text).start()), \
            _CYCLE_PRECISION.get(cycle or "", "day")  # type: ignore[union-attr]
        reason = doubt_words.PERIODIC_DEADLINE
    else:
        return
    clean = strip_marks(text)
    body = _clean_item(clean)
    action = _action(clean, [])
    responsible = _subject_before(_strip_time_lead(body))
    from_context = responsible is None
    if responsible is None:
        responsible = _actor_from_context(action, ctx)
    deadline = Deadline(due=None, precision=precision, text=_clean_item(text), action=action,
                        responsible=responsible, recipient=_recipient(clean),
                        recurring=cycle if not relative else None, location=para.location(offset + at))
    doubt = Doubt(0.9).add(True, reason, 0.3)
    doubt.add(responsible is None, doubt_words.NO_RESPONSIBLE, 0.25)
    doubt.add(from_context and responsible is not None, doubt_words.RESPONSIBLE_FROM_CONTEXT, 0.1)
    doubt.ocr(para.source.confidence)
    doubt.apply(deadline)
    deadlines.append(deadline)


def _token_index(doc, char: int) -> int:  # type: ignore[no-untyped-def]
    for tok in doc:
        if tok.idx + len(tok.text) > char:
            return tok.i
    return len(doc)


def _read_sentence(para: _Para, s_start: int, sentence: str, exprs: list[TimeExpr], ctx: _Context,
                   deadlines: list[Deadline], milestones: list[Milestone], warnings: list[str]) -> None:
    spacy_doc = None
    triggers: list[tuple[int, int, str]] = []  # (start token, end token, label)
    if _DEADLINE_HINT.search(sentence):
        try:
            from .nlp import make_doc

            spacy_doc = _syllable_doc(make_doc(sentence))
            vocab = spacy_doc.vocab
            for match_id, start, end in _matcher()(spacy_doc):
                triggers.append((start, end, vocab.strings[match_id]))
        except Exception as exc:  # noqa: BLE001
            log.warning("timeline: NLP failed on a sentence (%s); using text rules", exc)
            spacy_doc = None
    rel_spans = [(e.start - s_start, e.end - s_start) for e in exprs]
    is_cutoff = [_is_deadline(sentence, e.start - s_start, spacy_doc, triggers, e.end - s_start, rel_spans)
                 for e in exprs]
    for i, e in enumerate(exprs):  # "Đến ngày 31/12/2026, 100% hồ sơ …": a fronted "by <date>" closes the clause
        head = strip_marker(strip_marks(sentence[:e.start - s_start])).strip(" -–•+*")
        if re.fullmatch(r"đến", head, _F) and re.match(r"\s*[,:]", sentence[e.end - s_start:]):
            is_cutoff[i] = True
    flipped: set[int] = set()  # dates whose role the verb class decided against the trigger words
    windows: set[int] = set()  # dates read as a task's window
    for i, e in enumerate(exprs):  # "trong tháng 3": a task's cut-off or an event's window, by its verb
        verdict = _window_verdict(sentence, e.start - s_start, e)
        if verdict == "deadline":
            windows.add(i)
        if verdict is not None and is_cutoff[i] != (verdict == "deadline"):
            is_cutoff[i] = verdict == "deadline"
            flipped.add(e.start)
    merged: set[int] = set()  # a window listed over several periods ends once, at its latest end
    for i in range(1, len(exprs)):  # "trước ngày 15/6 và ngày 15/12": both are cut-offs
        joined = re.fullmatch(r"\s*(?:,|;|và|hoặc|đến|-)\s*(?:ngày\s*)?",
                              sentence[exprs[i - 1].end - s_start:exprs[i].start - s_start], _F)
        if is_cutoff[i - 1] and not is_cutoff[i] and joined:
            is_cutoff[i] = True
            if i - 1 in windows and exprs[i].precision != "day":
                merged.add(i - 1)  # "hoàn thành trong Quý II/2027 và Quý III/2027": one cut-off, 30/9/2027
                windows.add(i)
                if exprs[i - 1].start in flipped:
                    flipped.add(exprs[i].start)
    cutoffs = [(e.start - s_start, e.end - s_start) for e, flag in zip(exprs, is_cutoff) if flag]
    seen_ms: set[tuple[str, str]] = set()
    first_ms = len(milestones)
    for k, (expr, is_deadline) in enumerate(zip(exprs, is_cutoff)):
        if k in merged:
            continue
        role = _role(para.text, s_start, expr, ctx)
        if role == "relative" and RELATIVE_TRIGGERS.search(sentence):
            _dateless(sentence, para, ctx, deadlines, warnings, s_start)
        if role is not None:
            continue
        expr = _roll_forward(expr, ctx)
        digit = re.search(r"\d", expr.text)  # "… là ngày" / "25/10/2024" wrapped: the line of the date itself
        loc = para.location(expr.start + (digit.start() if digit else 0))
        if is_deadline and expr.recurring in ("monthly", "weekly"):  # "trước ngày 15 hằng tháng"
            _dateless(sentence, para, ctx, deadlines, warnings, s_start, cycle=expr.recurring)
            continue
        if is_deadline:
            if expr.first is None:
                warnings.append(f"timeline: deadline without a calendar date ({_where(loc)}): "
                                f"{_clean_item(sentence)[:160]}")
                continue
            if ctx.kind == "report" and _reported_past(expr, ctx):
                continue  # a report recounting a cut-off already over ("báo cáo chậm so với thời hạn (trước ngày …)")
            deadline = _make_deadline(sentence, expr, s_start, rel_spans, ctx, loc, cutoffs)
            _judge_deadline(deadline, ctx, para.source.confidence,
                            from_context=deadline.responsible is not None and not _subject_before(
                                _clean_item(strip_marks(sentence))), window_guessed=expr.start in flipped)
            deadlines.append(deadline)
            continue
        if expr.recurring in ("monthly", "weekly"):  # "ngày 05 hằng tháng": a duty with no calendar date
            before = len(deadlines)
            _dateless(sentence, para, ctx, deadlines, warnings, s_start, cycle=expr.recurring)
            if len(deadlines) == before:
                warnings.append(f"timeline: {expr.recurring} limit without a calendar date ({_where(loc)}): "
                                f"{_clean_item(sentence)[:160]}")
            continue
        span = (expr.start - s_start, expr.end - s_start)
        if (_is_milestone_expr(expr) or _is_phase(sentence, span, expr)) and not _is_title_or_basis(sentence, ctx, span) \
                and not _reported_past(expr, ctx) and not _cited_in_basis(sentence, expr, ctx):
            start, end, precision = _milestone_bounds(expr, opens_period(sentence[:span[0]], expr))
            if (start, end) in seen_ms:
                continue
            seen_ms.add((start, end))
            milestone = Milestone(start, end, precision, _clean_item(sentence), expr.year_inferred, location=loc)
            _judge_milestone(milestone, para.source.confidence, window_guessed=expr.start in flipped)
            milestones.append(milestone)
    # "Cuộc họp giao ban tháng 4/2025 … ngày 07/4/2025": the day is the schedule, the month a label
    days = [e for e in exprs if e.precision == "day" and e.first and not e.is_range
            and _role(para.text, s_start, e, ctx) not in ("own", "cited", "anniversary")]
    for m in milestones[first_ms:]:
        if m.precision != "day" and any(m.start <= d.first.isoformat() <= m.end for d in days):  # type: ignore[union-attr]
            milestones.remove(m)


#: A window written before a month, quarter or year: "trong tháng 3/2026", "xong trong quý II", "hoàn thành trong năm".
_WINDOW_BEFORE = re.compile(r"(?<!\w)" + lexicon.pattern("window_words") + r"[\s:,*]*$", _F)
_EVENT_START = re.compile(r"^" + lexicon.pattern("event_nouns") + r"(?!\w)", _F)
_ORGANISE = lexicon.keys("organise_verbs")
_WINDOW_CUTOFF = lexicon.keys("window_cutoff_verbs")
#: A comma-clause opening on finishing ("…, hoàn thành trong tháng 3/2025"): the window is the cut-off, whatever verb
#: the clause before it holds.
_COMPLETION_OPENS = re.compile(r"^[\s\-–•+*]*" + lexicon.pattern("completion_openers") + r"(?!\w)", _F)
_CLASS_VERB_RE = re.compile(r"(?<!\w)" + lexicon.alternation(
    ACTION_VERBS + list(lexicon.words("organise_verbs")) + list(lexicon.words("window_cutoff_verbs"))) + r"(?!\w)", _F)


def _window_verdict(sentence: str, at: int, expr: TimeExpr) -> Optional[str]:
    """"deadline", "milestone" or None (undecided) for a month, quarter or year written as a window.

    The verb of its clause decides (spec: event vs task): producing, sending or finishing something within
    the window makes its end a cut-off ("Phòng Nội vụ hoàn thành việc thẩm định trong tháng 3/2026", "ban hành
    quyết định trong tháng 01"); holding an event or running an activity schedules it, even when "xong" follows
    ("Đại hội … tổ chức xong trong tháng 5/2026", "Trong quý IV, Ban Thường vụ tổ chức tổng kết"). A clause of its
    own that opens on finishing outranks the verb class ("tổ chức quán triệt …, hoàn thành trong tháng 3")."""
    if expr.precision == "day" or expr.is_range or expr.first is None \
            or not _WINDOW_BEFORE.search(sentence[max(0, at - 24):at]):
        return None
    clause = _clause_at(sentence, at)
    own = re.split(r"[,;:]", sentence[:at])[-1]
    if _COMPLETION_OPENS.match(strip_marks(own)):
        return "deadline"  # "tổ chức quán triệt …, hoàn thành trong tháng 3": finishing is said in so many words
    lead = _strip_time_lead(_clean_item(strip_marks(clause)))
    lead = re.sub(r"^(?:" + lexicon.pattern("request_verbs") + r")\s+", "", lead, flags=_F)
    if _EVENT_START.match(lead):
        return "milestone"
    verbs = [m for m in _CLASS_VERB_RE.finditer(lead) if m.start() == 0 or m.group()[0].islower()]
    if verbs and match_key(verbs[0].group()) in _ORGANISE:
        return "milestone"
    if any(match_key(m.group()) in _WINDOW_CUTOFF for m in verbs):
        return "deadline"
    return None


def _is_title_or_basis(sentence: str, ctx: _Context, span: Optional[tuple[int, int]] = None) -> bool:
    """Title, legal basis ("Căn cứ …") and past events name periods, not scheduled activities."""
    key = match_key(_clean_item(sentence))
    if mostly_upper(strip_marks(sentence)):
        return True  # an all-capitals heading ("I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024") names a topic
    told = key
    if span is not None:  # only the clause holding the date: "… đã được phê duyệt …, thực hiện từ ngày …"
        head = sentence[:span[0]]
        cut = max(head.rfind(","), head.rfind(";"))
        # a date opening the sentence ("Ngày 28/10/2025, X đã ban hành …") dates its main clause too
        tail = re.search(r";" if cut < 0 else r"[,;]", sentence[span[1]:])
        told = match_key(sentence[cut + 1:span[1] + (tail.start() if tail else len(sentence))])
    if re.search(r"(?<!\w)đã\s", told):
        return True  # a past event told in the text ("Ngày 10/1, Ban Thường vụ đã ban hành …")
    for own in (ctx.title_key, ctx.subject_key):
        if own and len(key) > 10 and (key in own or own in key):
            if span is not None and key not in own and _outside_title(sentence, own, span):
                continue  # "… kiểm tra, giám sát năm 2026, dự kiến tổ chức vào cuối tháng 11": dated apart
            return True
    if re.match(r"^\s*(?:v/v|về việc)\b", key):
        return True  # the subject line of a letter
    return bool(re.match(r"^\s*căn cứ\b", key) or _BASIS.match(key))


#: A legal basis naming a cited document: "Thực hiện Công văn số 2345/SGDĐT-VP … năm học 2026 - 2027;".
_BASIS = re.compile(r"^\s*(?:thực hiện|theo|triển khai|thi hành)\s+(?:" + lexicon.alternation(
    match_key(w) for w in lexicon.words("document_kinds")) + r")\s+(?:số\s*)?\d", _F)


def _outside_title(sentence: str, own: str, span: tuple[int, int]) -> bool:
    """The time expression lies outside the place where the title recurs in the sentence."""
    from .references import match_key_same_length

    key = match_key_same_length(sentence)
    at = key.find(own)
    if at < 0 or span[0] < at + len(own):
        return False
    # a legal basis run on after the title ("<title> Căn cứ Hướng dẫn số 12/HD … năm học …") is no schedule
    return not re.search(r"căn cứ|thực hiện|(?<!\w)theo(?!\w)|(?<!\w)số\s*\d|\d/[a-zđ]", key[at + len(own):span[0]])


def _reported_past(expr: TimeExpr, ctx: _Context) -> bool:
    """Reports, notices and decisions tell of periods already over ("Kết quả 6 tháng đầu năm …",
    "Hội nghị ngày 10/3 …"): not scheduled. Plans keep them (a plan may be issued late)."""
    if ctx.kind not in ("report", "notice", "decision") or not ctx.issued_on or expr.last is None:
        return False
    return expr.last.isoformat() < ctx.issued_on[:10]


def _roll_forward(expr: TimeExpr, ctx: _Context) -> TimeExpr:
    """An undated "15/01" in a plan issued in December means next January."""
    if not (expr.year_inferred and ctx.issued_on and expr.first and expr.last and not expr.is_range):
        return expr
    try:
        issued = dt.date.fromisoformat(ctx.issued_on[:10])
    except ValueError:
        return expr
    if (issued - expr.last).days > 90:
        try:
            return replace(expr, first=expr.first.replace(year=expr.first.year + 1),
                           last=expr.last.replace(year=expr.last.year + 1))
        except ValueError:  # 29/02
            return expr
    return expr


_TRIGGER_TAIL = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(t) for t in DEADLINE_TRIGGERS if not t.startswith("hoàn"))
    + r"|hoàn (?:thành|tất)(?=\s*(?::|trong\b)))[\s:,*(]*(?:(?:là|vào|trong)\s+)?$", _F)


def _is_deadline(sentence: str, rel_start: int, spacy_doc, triggers,  # type: ignore[no-untyped-def]
                 rel_end: Optional[int] = None, spans: Optional[list[tuple[int, int]]] = None) -> bool:
    """A trigger ends at most two syllables before the date ("trước ngày", "chậm nhất là ngày"),
    a cut-off noun heads the clause ending in the date ("Hạn chót nộp hồ sơ … là ngày D",
    "Thời hạn …: D"), or a cut-off noun follows it ("30/6/2025 là hạn cuối")."""
    others = [(s, e) for s, e in spans or [] if s != rel_start]
    if spacy_doc is not None:
        t_date = _token_index(spacy_doc, rel_start)
        t_after = _token_index(spacy_doc, rel_end) if rel_end is not None else None
        if t_date < len(spacy_doc) and spacy_doc[t_date].idx < rel_start:
            # the segmenter glued the trigger to the date ("Trước 30/5/2025" as one word)
            glued = spacy_doc[t_date].text[:rel_start - spacy_doc[t_date].idx]
            if _TRIGGER_TAIL.search(glued):
                return True
        for start, end, label in triggers:
            gap_tokens = [t for t in spacy_doc[end:t_date] if not t.is_space]
            gap = " ".join(t.lower_ for t in gap_tokens)
            trigger = spacy_doc[start:end].text.lower()
            if trigger in ("hoàn thành", "hoàn tất") and (not gap_tokens or re.search(
                    r"(?<!\w)đã\s+$", spacy_doc[:start].text.lower())):
                continue  # bare "hoàn thành": a cut-off only as "hoàn thành: …", "hoàn thành trong …"
            if label == "DEADLINE" and end <= t_date and len(gap_tokens) <= 2 \
                    and re.fullmatch(r"(?:(?:là|vào|ngày|đến|trong|:|,|\*+|\()\s*)*", gap + " " if gap else ""):
                return True
            if label == "DEADLINE" and end <= t_date and trigger.startswith(("hạn", "thời hạn")) \
                    and not any(t.text in ".;!?" or t.like_num for t in gap_tokens) \
                    and not any(s < rel_start and e > spacy_doc[end].idx for s, e in others) \
                    and "từ" not in gap.split() and (len(gap_tokens) <= 8 or re.search(
                        r"(?:(?<!\w)là|:)\s*(?:(?:vào\s+)?ngày)?\s*$", gap)):
                return True  # "hạn nộp hồ sơ: 15/8/2025", "hạn chót nộp hồ sơ … là ngày …"
            if label == "DEADLINE" and t_after is not None and start >= t_after and trigger.startswith("hạn") \
                    and re.fullmatch(r"(?:(?:là|,|:|\))\s*)*", " ".join(t.lower_ for t in spacy_doc[t_after:start]) + " "):
                return True  # "Ngày 30/6/2025 là hạn cuối nộp hồ sơ"
            if label == "CLOSING" and end <= t_date and len(gap_tokens) <= 1 \
                    and re.fullmatch(r"(?:(?:hết|ngày)\s*)*", gap + " " if gap else ""):
                # "từ … đến …" is a range, read by the grammar; here only "hoàn thành đến ngày …"
                return True
        return False
    return bool(_TRIGGER_TAIL.search(sentence[max(0, rel_start - 30):rel_start]))


def _make_deadline(sentence: str, expr: TimeExpr, s_start: int, rel_spans: list[tuple[int, int]],
                   ctx: _Context, loc: Location, cutoffs: Optional[list[tuple[int, int]]] = None) -> Deadline:
    clean = strip_marks(sentence)
    item = _clean_item(sentence)
    body = _clean_item(clean)
    at = body.find(expr.text)
    if at >= 0 and ";" in body[at + len(expr.text):]:
        body = body[:body.index(";", at + len(expr.text))]  # a clause after the cut-off has its own subject
    # subject: bodies named before the verb, once the trigger+date lead-in is removed
    lead_free = re.sub(r"^(?:[^,]{0,40}?\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?\**\s*,?\s*)", "", body) \
        if re.match(r"^\s*(?:trước|hạn|chậm|thời hạn|đến|không)", body, _F) else body
    lead_free = _strip_time_lead(lead_free)
    responsible = _subject_before(lead_free)
    clean_spans = _spans_in(clean, sentence, rel_spans)
    here = _spans_in(clean, sentence, [(expr.start - s_start, expr.end - s_start)])
    limits = _spans_in(clean, sentence, cutoffs) if cutoffs is not None else clean_spans
    action = _action(clean, limits, here[0][0] if here else None, limits)  # other dates stay in the action
    if responsible is None:
        responsible = _actor_from_context(action, ctx)
    recipient = _recipient(_clause_at(clean, here[0][0]) if here else clean) or _recipient(clean)
    if not action and ctx.prev_task:  # "… báo cáo kết quả gửi Bộ Tài chính. Trước ngày 31/5/2026.": that task's date
        previous = strip_marks(ctx.prev_task)
        action, recipient = _action(previous, []), recipient or _recipient(previous)
    return Deadline(
        due=expr.last.isoformat() if expr.last else None, precision=expr.precision, text=item,
        action=action, responsible=responsible, recipient=recipient, year_inferred=expr.year_inferred,
        recurring=expr.recurring, time=expr.time_of_day, location=loc)


def _actor_from_context(action: Optional[str], ctx: _Context) -> Optional[str]:
    """Who acts when the sentence names nobody: the section heading's bodies, the body asked to do this verb
    (or anything) earlier, a letter's addressees, or the previous sentence's actor."""
    verb = None
    if action:
        vm = VERB_RE.search(action)
        verb = vm.group().lower() if vm else None
    if ctx.heading:
        return ctx.heading
    if verb and ctx.requested.get(verb):
        return ctx.requested[verb]
    if action and any(v in action.lower() for v in ctx.requested):
        return next(ctx.requested[v] for v in ctx.requested if v in action.lower())
    if ctx.requested_any and ctx.prev_actor in (None, ctx.requested_any):
        return ctx.requested_any
    if ctx.addressees:
        return ctx.addressees  # a letter's task with no named actor is the addressees'
    return ctx.prev_actor


def _clause_at(text: str, at: int) -> str:
    """The ";"-clause of a sentence holding position ``at`` (each clause may name its own task and recipient)."""
    start = text.rfind(";", 0, at) + 1
    end = text.find(";", at)
    return text[start:end if end >= 0 else len(text)]


def _spans_in(clean: str, sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Date spans re-found in the mark-free sentence (removing ``**`` shifts offsets)."""
    out = []
    for s, e in spans:
        piece = strip_marks(sentence[s:e])
        idx = clean.find(piece)
        if idx >= 0:
            out.append((idx, idx + len(piece)))
    return out


def _dedupe(deadlines: list[Deadline]) -> list[Deadline]:
    """The same due date in the same sentence once (the same words elsewhere are another task's)."""
    out: list[Deadline] = []
    seen: set[tuple] = set()
    for d in deadlines:
        loc = d.location
        key = (d.due, match_key(d.text), loc.page, loc.line, loc.table, loc.row)
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    return out
