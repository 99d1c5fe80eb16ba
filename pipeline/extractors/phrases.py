"""Body noun phrases: where the name of a body (or of a kind of unit) written as a subject begins and ends.

Every extractor that asks "who" reads a Vietnamese noun phrase of this shape (the deadline's responsible body,
the units a quota falls on, the bodies a section heading names)::

    [quantifier | honorific]  head  [name]  [scope [place]]  [, | và  <another such phrase>]
    các                       Ủy ban  nhân dân  xã  Gia Phú    , phường và các tổ chức chính trị - xã hội tỉnh

* the **head** comes from the lexicon (``body_heads``, ``levels``, ``actor_words``): ``Ủy ban``, ``Phòng``,
  ``Công an``, ``Hội đồng``, ``Trưởng``, ``xã`` …;
* the **scope** is a level word (``xã``, ``huyện``, ``tỉnh`` …) with the place's proper name after it: it closes
  the name. After a scope only a place name, a list (``, phường``; ``và các tổ chức …``) or a word that keeps
  locating the body (``trên địa bàn``, ``thuộc``) goes on; any other word starts the predicate, known verb or
  not (``Công an xã thẩm tra …``, ``Chủ tịch Ủy ban nhân dân xã ký, phát lệnh …``);
* a body named by its **purpose** (``Ban Chỉ đạo``, ``Hội đồng``, ``Tổ công tác`` …: lexicon ``purpose_heads``)
  carries that purpose in lower case after its head, verbs included, up to its scope (``Ban Chỉ đạo thực
  hiện xóa nhà tạm, nhà dột nát xã``; ``Hội đồng xét chọn của xã``) when a predicate follows that scope;
* otherwise the phrase ends where its predicate starts: a known verb in lower case (not the noun after a
  quantifier or ``Ban``: ``các tổ chức``, ``Ban Chỉ đạo``), a modal or manner word (``có trách nhiệm``,
  ``chủ trì``), an apposition (``là cơ quan thường trực``) or clause punctuation.

The rules read word lists only (pipeline/lexicon); no name or number of any document is written here.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import lexicon
from ..textnorm import match_key

_F = re.IGNORECASE | re.UNICODE

# --------------------------------------------------------------------------- vocabulary-built patterns

#: Verbs that start an action (sending, finishing, registering …), longest first.
ACTION_VERBS = sorted(set(lexicon.words("action_verbs")), key=len, reverse=True)
VERB_RE = re.compile(r"(?<!\w)" + lexicon.alternation(ACTION_VERBS) + r"(?!\w)", _F)

#: Every verb the lexicon knows, whatever role its list gives it: any of them, in lower case, starts a predicate.
#: (Not "có", "là", "được": they open the relative clause of a name as well — "chi bộ có từ 30 đảng viên"; nor
#: "cấp", the noun of "cấp huyện".)
PREDICATE_VERBS = sorted({w for name in ("action_verbs", "organise_verbs", "window_cutoff_verbs", "sending_verbs",
                                         "directive_verbs", "opening_verbs", "each_verbs", "subject_end_verbs",
                                         "completion_verbs", "aim_verbs") for w in lexicon.words(name)}
                         - {"có", "là", "được", "cần", "phải", "cấp"}, key=len, reverse=True)
PREDICATE_RE = re.compile(r"(?<!\w)" + lexicon.alternation(PREDICATE_VERBS) + r"(?!\w)", _F)

#: Words naming a body that can be responsible for a task or receive a report.
_BODY_WORDS = lexicon.words("body_heads") + lexicon.words("levels") + lexicon.words("actor_words")
BODY_RE = re.compile(
    r"(?<!\w)(?:" + lexicon.alternation(_BODY_WORDS)
    + r"|" + lexicon.pattern("listed_heads") + r"(?=\s*,)|" + lexicon.pattern("compound_actors") + r")(?!\w)", _F)
#: A phrase opening on a body: a quantifier or an honorific may stand in front ("các chi bộ", "đồng chí Bí thư").
BODY_START = re.compile(r"^(?:" + lexicon.pattern("subject_quantifiers") + r"\s+|(?:các\s+)?"
                        + lexicon.pattern("honorifics") + r"\s+)?" + BODY_RE.pattern, _F)

#: A quantifier or "Ban" right before a verb makes it a noun ("các tổ chức", "Ban Chỉ đạo").
_NOUN_BEFORE = re.compile(r"(?<!\w)(?:" + lexicon.pattern("subject_quantifiers") + r"|ban)\s+$", _F)

_LEVELS = lexicon.keys("levels")
#: A level syllable opening another word is no scope: "xã hội" (society), "tỉnh lộ" (a road) …
_NOT_SCOPE = lexicon.keys("level_compounds")
#: … but a committee named after its level closes a name as the level does: "Ban Tuyên giáo huyện ủy".
_LEVEL_BODIES = lexicon.keys("level_bodies")
_PURPOSE_HEADS = lexicon.keys("purpose_heads")
_CONTINUATIONS = lexicon.keys("name_continuations")
_QUANTIFIERS = lexicon.keys("subject_quantifiers")
_HONORIFICS = lexicon.keys("honorifics")
_HEADS = lexicon.keys("body_heads") | lexicon.keys("actor_words") | lexicon.keys("compound_actors")
_TRAILERS = lexicon.keys("subject_trailers")
_COORDINATORS = {",", "và", "hoặc", "cùng"}
_STOPS = {";", ":", ".", "(", "là"}


def first_verb(text: str) -> Optional[re.Match[str]]:
    """The first action verb written in lower case (``Ban Chỉ đạo`` is a body, not the verb)."""
    for m in VERB_RE.finditer(text):
        if _NOUN_BEFORE.search(text[max(0, m.start() - 14):m.start()]):
            continue  # "các tổ chức", "Ban Chỉ đạo": a noun here
        if m.start() == 0 or m.group()[0].islower():
            return m
    return None


# --------------------------------------------------------------------------- the walk

_TOKEN = re.compile(r"\w[\w./&'’-]*\w|\w|[^\w\s]")


class _Words:
    """The words of a phrase with their offsets and match keys; multi-word lexicon entries are looked up
    over up to four syllables."""

    def __init__(self, text: str) -> None:
        self.toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        self.keys = [match_key(t[2]) for t in self.toks]

    def __len__(self) -> int:
        return len(self.toks)

    def entry(self, i: int, words: frozenset[str] | set[str]) -> int:
        """Length (in tokens) of the longest entry of ``words`` starting at token ``i``; 0 if none."""
        for n in (4, 3, 2, 1):
            if i + n <= len(self.keys) and " ".join(self.keys[i:i + n]) in words:
                return n
        return 0

    def capital(self, i: int) -> bool:
        word = self.toks[i][2]
        return word[:1].isupper() or word[:1].isdigit() or (len(word) > 1 and word.isupper())

    def lower_word(self, i: int) -> bool:
        word = self.toks[i][2]
        return word[:1].isalpha() and word[:1].islower()


def _scope_at(w: _Words, i: int) -> int:
    """Tokens of the scope at ``i`` that closes a name: a level word ("xã", "thành phố") or a committee named
    after its level ("huyện ủy", "tỉnh đoàn"); 0 where the syllable opens another word ("xã hội", "tỉnh lộ")."""
    n = max(w.entry(i, _LEVELS), w.entry(i, _LEVEL_BODIES))
    if not n or w.entry(i, _NOT_SCOPE) > n:
        return 0
    return n


def _place_after(w: _Words, i: int) -> int:
    """Index after the place name that follows a scope at ``i`` (capitalised words, numbers, "-" inside)."""
    while i < len(w) and (w.capital(i) or (w.toks[i][2] in ("-", "–") and i + 1 < len(w) and w.capital(i + 1))):
        i += 1
    return i


def _opens_body(w: _Words, i: int) -> bool:
    """Does another body (or a further level: "xã, phường") start at token ``i``?"""
    i += w.entry(i, _QUANTIFIERS)
    return i < len(w) and bool(w.entry(i, _HEADS | _LEVELS) or w.capital(i))


def _predicate_at(text: str, w: _Words, i: int) -> bool:
    """Does the predicate start at token ``i`` (a known verb in lower case, a modal or manner word, an apposition
    or clause punctuation)?"""
    word = w.toks[i][2]
    if word in _STOPS or w.keys[i] in _STOPS or w.entry(i, _TRAILERS):
        return True
    if not word[:1].islower():
        return False
    m = PREDICATE_RE.match(text, w.toks[i][0])
    return bool(m) and not _NOUN_BEFORE.search(text[max(0, m.start() - 14):m.start()])


def _purpose_end(text: str, w: _Words, i: int) -> Optional[int]:
    """For a purpose-named head ending at token ``i``: the token index after its scope ("… nhà dột nát xã",
    "… xét chọn của xã") when a predicate follows that scope; None otherwise. The purpose holds no quantifier,
    no other body and no clause break (``Ban Chỉ đạo hướng dẫn các xã …`` directs the communes)."""
    for k in range(i, min(len(w), i + 16)):
        word = w.toks[k][2]
        if word in (";", ":", ".", "(") or w.keys[k] == "là" or w.entry(k, _QUANTIFIERS) or w.entry(k, _TRAILERS):
            return None
        if w.capital(k) or (w.entry(k, _HEADS) and not w.entry(k, _LEVELS)):
            return None
        n = _scope_at(w, k)
        if n and k > i:
            end = _place_after(w, k + n)
            if end < len(w) and w.lower_word(end) and not w.entry(end, _CONTINUATIONS) \
                    and w.keys[end] not in _COORDINATORS:
                return end
    return None


def body_end(text: str) -> Optional[int]:
    """Where the body noun phrase opening ``text`` ends (a character offset), or None when ``text`` does not open
    on a body (see the module docstring for the shape)."""
    found = read_body(text)
    return found[0] if found else None


def read_body(text: str) -> Optional[tuple[int, bool]]:
    """(end offset, closed) of the body noun phrase opening ``text``; ``closed`` when a scope or a purpose's scope
    ended it (the name is complete, however long its list), not merely the start of the predicate."""
    head = BODY_START.match(text)
    if not head:
        return None
    w = _Words(text)
    h = w.entry(0, _QUANTIFIERS | _HONORIFICS)  # the head's first token
    n = w.entry(h, _PURPOSE_HEADS)
    if n:
        i = h + n
        while i < len(w) and w.capital(i):  # "Hội đồng Thi đua - Khen thưởng xã"
            i += 1
        stop = _purpose_end(text, w, i)
        if stop is not None:
            return w.toks[stop - 1][1], True
    i = next((k for k, t in enumerate(w.toks) if t[0] >= head.end()), len(w))
    end = head.end()
    scoped = False
    if i > 0 and _scope_at(w, i - 1):  # the head is a level: "Các xã, phường", "Xã Đồng Đăng"
        i = _place_after(w, i)
        scoped, end = True, w.toks[i - 1][1]
    while i < len(w):
        word = w.toks[i][2]
        if _predicate_at(text, w, i):
            break
        if scoped:
            if w.keys[i] in _COORDINATORS or word in ("-", "–"):
                nxt = i + 1 + (1 if i + 1 < len(w) and w.keys[i + 1] in _COORDINATORS else 0)
                if nxt < len(w) and _opens_body(w, nxt):
                    scoped, i = False, nxt
                    continue
                return end, True
            n = w.entry(i, _CONTINUATIONS)
            if n:
                scoped, i = False, i + n
                continue
            if not _scope_at(w, i):
                return end, True  # after a closed name a word that neither lists nor locates starts the predicate
        n = _scope_at(w, i)
        if n:
            i = _place_after(w, i + n)
            scoped, end = True, w.toks[i - 1][1]
            continue
        if word not in _COORDINATORS:
            end = w.toks[i][1]
        i += 1
    return end, scoped


_UNITS_START = re.compile(r"^(?:" + lexicon.pattern("subject_quantifiers") + r"|toàn)\s+", _F)
#: A verb after these belongs to a relative clause of the name ("Đối tượng được hỗ trợ", "hộ bị thiệt hại").
_RELATIVE_BEFORE = re.compile(r"(?<!\w)(?:được|bị|có|là)\s+$", _F)


def units_phrase(text: Optional[str], after: str = "") -> Optional[str]:
    """The units a quota falls on, without the predicate a reading ran into: ``Mỗi tổ chức nhận đỡ đầu`` (before
    ``, hỗ trợ ít nhất 05 …``) → ``Mỗi tổ chức``; ``Toàn Đoàn phường vận động hiến`` (before ``ít nhất 80``) →
    ``Toàn Đoàn phường``. ``after`` is what the sentence says right after the phrase: when the predicate starts
    there with a verb or a modal (``Mỗi xã xây dựng nông thôn mới kiểu mẫu`` / ``đăng ký …``), a verb inside the
    phrase belongs to the unit's name and stays; so does a relative clause (``Chi bộ có từ 30 đảng viên trở
    lên``, ``Tập thể được đề nghị …``). Only a phrase opening on a quantifier or a body is cut."""
    if not text:
        return text
    quantifier = _UNITS_START.match(text)
    if not quantifier and not BODY_START.match(text):
        return text
    follows = after.lstrip()
    if PREDICATE_RE.match(follows) or _TRAILER_START.match(follows):
        return text  # the predicate starts after the phrase: its own verbs name the unit
    w = _Words(text)
    bounds = _word_bounds(text)
    first = next((k for k, t in enumerate(w.toks) if t[0] >= (quantifier.end() if quantifier else 0)), len(w))
    for i in range(first + 1, len(w)):  # the word right after the quantifier is its noun ("các tổ chức")
        m = PREDICATE_RE.match(text, w.toks[i][0])
        if not m or not w.toks[i][2][:1].islower():
            continue
        if bounds is not None and (m.start() not in bounds[0] or m.end() not in bounds[1]):
            continue  # a syllable of another word: "cây trồng" (crops), "Tiếp nhận" of a name
        if _NOUN_BEFORE.search(text[max(0, m.start() - 14):m.start()]) \
                or _RELATIVE_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            continue
        return text[:m.start()].rstrip(" ,;:-–") or text
    return text


def _word_bounds(text: str) -> Optional[tuple[set[int], set[int]]]:
    """(starts, ends) of the words underthesea segments in ``text``; None when the segmenter is unavailable."""
    try:
        from .nlp import make_doc

        doc = make_doc(text)
    except Exception:  # noqa: BLE001 - without the segmenter every syllable may start a verb
        return None
    return {t.idx for t in doc}, {t.idx + len(t.text) for t in doc}


def body_phrase(text: str) -> Optional[str]:
    """The body noun phrase opening ``text`` (None when it opens on none)."""
    end = body_end(text)
    if end is None:
        return None
    return text[:end].strip(" ,;:-–") or None


# --------------------------------------------------------------------------- subjects, bodies asked, headings

#: Modal and manner words between a subject and its verb ("… nghiêm túc triển khai", "Sở X chủ trì xây dựng").
_SUBJECT_TRAILER = re.compile(r"(?:[\s,]+" + lexicon.pattern("subject_trailers") + r")+[\s,]*$", _F)
_TRAILER_WORD = re.compile(r"[\s,]+" + lexicon.pattern("subject_trailers") + r"(?!\w)", _F)
_TRAILER_START = re.compile(r"^" + lexicon.pattern("subject_trailers") + r"(?!\w)", _F)


def trim_subject(cand: str) -> str:
    """A subject without what follows its name: an apposition ("Phòng Nội vụ là cơ quan thường trực"), its role or
    manner ("Ban Tuyên giáo chủ trì biên soạn …", "UBND các xã khẩn trương rà soát")."""
    cand = re.split(r",?\s+là\s+", cand)[0]
    inner = _TRAILER_WORD.search(cand)
    if inner and BODY_START.match(cand[:inner.start()]):
        cand = cand[:inner.start()]
    return _SUBJECT_TRAILER.sub("", cand).strip(" ,")


_REQUEST = re.compile(r"(?<!\w)" + lexicon.pattern("request_verbs") + r"\s+", _F)


def asked_body(text: str) -> Optional[tuple[str, str]]:
    """"<A> đề nghị <B> <verb> …" → (B, verb): the body asked to act."""
    m = _REQUEST.search(text)
    if not m:
        return None
    rest = text[m.end():]
    v = first_verb(rest)
    # "Giao Chính phủ, căn cứ vào …, tổ chức …", "đề nghị UBND xã X căn cứ …": the body asked stands alone before
    # the legal basis its task rests on
    named = re.match(r"([^,;.()]{2,80}?)\s*,?\s+(?:căn cứ|trên cơ sở|phối hợp với|chủ động)(?!\w)", rest, _F)
    if named and v and len(named.group(1).split()) <= 8 and BODY_START.match(named.group(1)) \
            and not first_verb(named.group(1)):
        return trim_subject(named.group(1).strip()), v.group().lower()
    if v and 3 <= v.start() <= 160 and BODY_START.match(rest[:v.start()].strip()):
        return trim_subject(rest[:v.start()].strip(" ,")), v.group().lower()
    return None


#: A heading naming the bodies its items fall on: "1.4. Ủy ban nhân dân các phường, xã, đặc khu",
#: "1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:", "1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo".
_DUTY_LEAD = re.compile(r"^" + lexicon.pattern("duty_leads") + r"\s+", _F)
#: Where a heading's body name ends: a bracket, or a dash before the role it plays.
_APPOSITIVE = re.compile(r"\s*\(|\s+[-–]\s+(?=" + lexicon.pattern("appositive_roles") + r"(?!\w))", _F)


def heading_bodies(heading: Optional[str], titled: bool = True) -> Optional[str]:
    """The bodies a section heading names, when it names some (a task's owner when no chủ trì is written; the
    units a quota under it falls on when its sentence names none).

    ``1. Văn phòng UBND phường: xây dựng …`` names its actor before the colon; a heading without a colon
    (``3. Sở Tài chính``, ``Trách nhiệm của Phòng Văn hóa``, ``5. Đề nghị Ủy ban MTTQ …``) is read whole when
    ``titled`` (it passed the structure's heading test). A role after a dash or in brackets is not the name
    (``Sở Tài chính - Cơ quan thường trực``); a department's own dash is (``Phòng Tài chính - Kế hoạch``)."""
    if not heading:
        return None
    text = heading.replace("*", "").strip()
    if ":" in text:
        text = text.split(":", 1)[0]
    elif not titled:
        return None
    asked = asked_body(text)
    if asked:  # "UBND huyện đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:"
        return asked[0][:1].upper() + asked[0][1:]
    duty = _DUTY_LEAD.match(text.strip())  # "Trách nhiệm của <noun phrase>": a name, its verbs included
    text = _DUTY_LEAD.sub("", text.strip())
    text = _APPOSITIVE.split(text)[0].strip(" .,;")
    verb = None if duty else first_verb(text)
    if verb and verb.start() > 0:  # "1. UBND các xã thực hiện các nội dung sau:": the subject of the lead-in
        text = trim_subject(text[:verb.start()].strip(" ,"))
    if not text or len(text.split()) > 20 or not BODY_START.match(text) or VERB_RE.match(text):
        return None
    return text[:1].upper() + text[1:]
