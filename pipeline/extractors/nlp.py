"""Vietnamese sentences and words from underthesea, as a spaCy ``Doc`` so rules can be Matcher patterns.

Why this shape: underthesea segments Vietnamese words (``tổng hợp``, ``đăng ký`` are one word
each), which single-syllable regexes cannot; spaCy gives the rule machinery (``Matcher``,
``EntityRuler``, ``Span`` extensions). We feed underthesea the new-style-tone text (it was
trained on ``hòa``, not ``hoà``); the conversion keeps every character offset, so spans map
back to the original text exactly.

Both libraries are loaded lazily, once per process: ``pipeline extract --help`` must not pay
for them.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Iterable

from ..textnorm import new_style_tones

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc


class UndertheseaTokenizer:
    """A spaCy tokenizer that asks underthesea for the words and keeps exact offsets."""

    def __init__(self, vocab) -> None:  # type: ignore[no-untyped-def]
        self.vocab = vocab

    def __call__(self, text: str) -> "Doc":
        from spacy.tokens import Doc

        words, spaces = align_words(text, _segment(text))
        return Doc(self.vocab, words=words, spaces=spaces)


def _segment(text: str) -> list[str]:
    from underthesea import word_tokenize

    if not text.strip():
        return []
    return word_tokenize(new_style_tones(text))


def align_words(text: str, words: Iterable[str]) -> tuple[list[str], list[bool]]:
    """Map segmented words back onto ``text`` (original spelling), returning spaCy words/spaces.

    underthesea may normalize inside a word; we locate each word by skipping whitespace and
    taking the same number of non-space characters, so the Doc's text is always ``text``.
    """
    out_words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    n = len(text)
    for word in words:
        while pos < n and text[pos].isspace():
            pos += 1
        if pos >= n:
            break
        # consume as many characters as the word has, counting inner single spaces as written
        want = len(word.replace(" ", ""))
        start = pos
        got = 0
        while pos < n and got < want:
            if not text[pos].isspace():
                got += 1
            pos += 1
        # do not let a token end on whitespace
        end = pos
        while end > start and text[end - 1].isspace():
            end -= 1
        out_words.append(text[start:end])
        spaces.append(pos < n and text[pos].isspace())
    # leftovers (segmenter dropped characters): keep them as tokens so nothing is lost
    rest = text[pos:]
    for m in re.finditer(r"\S+", rest):
        if out_words:
            spaces[-1] = spaces[-1] or (m.start() > 0)
        out_words.append(m.group())
        spaces.append(False)
    # rebuild spaces from the text itself (handles runs of whitespace)
    return _fix_spaces(text, out_words)


def _fix_spaces(text: str, words: list[str]) -> tuple[list[str], list[bool]]:
    """spaCy allows one trailing space per token; longer gaps become whitespace tokens."""
    fixed_words: list[str] = []
    fixed_spaces: list[bool] = []
    pos = 0
    for word in words:
        idx = text.find(word, pos)
        if idx < 0:  # should not happen; keep going without losing the word
            idx = pos
        gap = text[pos:idx]
        if gap:
            if fixed_words and gap[0] == " " and not fixed_spaces[-1]:
                fixed_spaces[-1] = True
                gap = gap[1:]
            if gap:
                fixed_words.append(gap)
                fixed_spaces.append(False)
        fixed_words.append(word)
        fixed_spaces.append(False)
        pos = idx + len(word)
    tail = text[pos:]
    if tail:
        if fixed_words and tail[0] == " ":
            fixed_spaces[-1] = True
            tail = tail[1:]
        if tail:
            fixed_words.append(tail)
            fixed_spaces.append(False)
    return fixed_words, fixed_spaces


@functools.lru_cache(maxsize=1)
def get_nlp() -> "Language":
    """A blank multi-language spaCy pipeline with the underthesea tokenizer (no model download)."""
    import spacy

    nlp = spacy.blank("xx")
    nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)
    return nlp


def make_doc(text: str) -> "Doc":
    """A spaCy Doc over ``text`` whose tokens are underthesea's words; ``doc.text == text``."""
    return get_nlp()(text)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text`` from underthesea's ``sent_tokenize``."""
    from underthesea import sent_tokenize

    spans: list[tuple[int, int]] = []
    pos = 0
    converted = new_style_tones(text)  # same length and offsets as ``text``
    for sent in sent_tokenize(converted):
        sent = sent.strip()
        if not sent:
            continue
        probe = sent[: min(len(sent), 20)]
        idx = converted.find(probe, pos)
        if idx < 0:
            continue
        end = min(len(text), idx + len(sent))
        spans.append((idx, end))
        pos = end
    if not spans and text.strip():
        spans.append((len(text) - len(text.lstrip()), len(text.rstrip())))
    return spans
