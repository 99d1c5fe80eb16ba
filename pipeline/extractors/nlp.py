"""Vietnamese sentences and words from underthesea, as a spaCy ``Doc`` so rules can be Matcher patterns.

Why this shape: underthesea segments Vietnamese words (``tổng hợp``, ``đăng ký`` are one word
each), which single-syllable regexes cannot; spaCy gives the rule machinery (``Matcher``,
``EntityRuler``, ``Span`` extensions). We feed underthesea the new-style-tone text (it was
trained on ``hòa``, not ``hoà``); the conversion keeps every character offset, so spans map
back to the original text exactly.

Both libraries are loaded lazily, once per process: ``pipeline extract --help`` must not pay
for them. And only what extraction uses is loaded (:func:`load`): spaCy without its command-line
interface, underthesea's word and sentence splitters without the rest of its package, the word
model's files read with the C unpickler — 0.35 s less per process than the plain imports, which
is most of what the NLP costs a short run.
"""
from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
import os
import pickle
import re
import sys
import types
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ..textnorm import new_style_tones

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- loading only what we use


def _import_with_stand_ins(stand_ins: dict[str, types.ModuleType], names: list[str]) -> list[Any]:
    """Import ``names`` while the modules of ``stand_ins`` are only stand-ins; remove them afterwards.

    Afterwards a plain ``import`` of a stood-in module loads the real one, so nothing else in the
    process sees a difference. If the library needs more than the stand-ins give (another version),
    what was half imported is dropped and the names are imported the plain way.
    """
    before = set(sys.modules)
    for name, module in stand_ins.items():
        sys.modules[name] = module
    try:
        return [importlib.import_module(n) for n in names]
    except Exception as exc:  # noqa: BLE001 - another library version: the plain, slower way
        log.debug("light import of %s failed (%s); importing it whole", names, exc)
        for name in set(sys.modules) - before:
            sys.modules.pop(name, None)
        stand_ins = {}
        return [importlib.import_module(n) for n in names]
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _spacy() -> Any:
    """spaCy without its command-line interface.

    ``import spacy`` imports ``spacy.cli`` (typer, rich, weasel, an HTTP client …: a quarter of its
    import time) only to offer ``spacy.info``; a stand-in that forwards to the real one is there
    while spaCy loads.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real  # the real CLI, imported when someone asks for it

        return real(*args, **kwargs)

    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # type: ignore[attr-defined]
    cli_info = types.ModuleType("spacy.cli.info")
    cli_info.info = info  # type: ignore[attr-defined]
    (spacy,) = _import_with_stand_ins({"spacy.cli": cli, "spacy.cli.info": cli_info}, ["spacy"])
    return spacy


@functools.lru_cache(maxsize=1)
def _splitters() -> tuple[Callable[..., list[str]], Callable[[str], list[str]]]:
    """underthesea's ``word_tokenize`` and ``sent_tokenize``, without the rest of the package.

    ``underthesea/__init__`` imports its chunker, NER, POS tagger, classifiers and an HTTP client
    (0.15 s) before anything can be used; the two splitters need none of them, so the package is a
    bare stand-in while they load. The word model's pickles are then read with the C unpickler
    (joblib's pure-Python one took 0.12 s for the same objects).
    """
    if "underthesea" in sys.modules:
        from underthesea import sent_tokenize, word_tokenize

        return word_tokenize, sent_tokenize
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("underthesea is not installed")
    package = types.ModuleType("underthesea")
    package.__path__ = list(spec.submodule_search_locations)  # type: ignore[attr-defined]
    # text_normalize first: it and word_tokenize import each other (the package's own order)
    _, words, sents, tagger_module = _import_with_stand_ins({"underthesea": package}, [
        "underthesea.pipeline.text_normalize", "underthesea.pipeline.word_tokenize",
        "underthesea.pipeline.sent_tokenize", "underthesea.models.fast_crf_sequence_tagger"])
    _load_word_model(words, tagger_module.FastCRFSequenceTagger)
    return words.word_tokenize, sents.sent_tokenize


def _load_word_model(module: Any, FastCRFSequenceTagger: Any) -> None:  # noqa: N803 - underthesea's class
    """The word segmentation model as underthesea builds it, its pickles read by the C unpickler.

    Any surprise (another version, another file layout) leaves it to underthesea's own loader.
    """
    if getattr(module, "word_tokenize_model", 1) is not None:
        return
    try:
        from underthesea_core import CRFFeaturizer, CRFTagger

        base = os.path.join(os.path.dirname(module.__file__), "models", "ws_crf_vlsp2013_20230727")
        tagger = FastCRFSequenceTagger()
        estimator = CRFTagger()
        estimator.load(os.path.join(base, tagger.path_model))
        with open(os.path.join(base, tagger.path_features), "rb") as fh:
            features = pickle.load(fh)
        with open(os.path.join(base, tagger.path_dictionary), "rb") as fh:
            dictionary = pickle.load(fh)
        tagger.featurizer, tagger.estimator = CRFFeaturizer(features, dictionary), estimator
        module.word_tokenize_model = tagger
    except Exception as exc:  # noqa: BLE001
        log.debug("word model not preloaded (%s); underthesea loads it itself", exc)


def load() -> "Language":
    """Everything extraction needs from the NLP libraries, once (a worker may call it before its first file)."""
    _splitters()
    return get_nlp()


class UndertheseaTokenizer:
    """A spaCy tokenizer that asks underthesea for the words and keeps exact offsets."""

    def __init__(self, vocab) -> None:  # type: ignore[no-untyped-def]
        self.vocab = vocab

    def __call__(self, text: str) -> "Doc":
        from spacy.tokens import Doc

        words, spaces = align_words(text, _segment(text))
        return Doc(self.vocab, words=words, spaces=spaces)


def _segment(text: str) -> list[str]:
    if not text.strip():
        return []
    word_tokenize, _ = _splitters()
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
    spacy = _spacy()
    nlp = spacy.blank("xx")
    nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)
    return nlp


def make_doc(text: str) -> "Doc":
    """A spaCy Doc over ``text`` whose tokens are underthesea's words; ``doc.text == text``."""
    return get_nlp()(text)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text`` from underthesea's ``sent_tokenize``."""
    _, sent_tokenize = _splitters()
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
