"""The lexicon (pipeline.lexicon): every word list once, as data, normalized, cached; rules read it.

Run: ``.venv/bin/pytest -q tests/extractors/test_lexicon.py``
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pipeline import lexicon
from pipeline.textnorm import match_key

PIPELINE = Path(lexicon.__file__).resolve().parents[1]


def test_every_section_has_entries_and_the_rules_find_theirs():
    names = lexicon.sections()
    assert {"document_kinds", "levels", "body_heads", "deadline_triggers", "field_labels", "mottos",
            "cap_words", "action_verbs"} <= set(names)
    assert all(lexicon.table(n) for n in names)
    with pytest.raises(KeyError):
        lexicon.table("no_such_section")


def test_a_section_defined_twice_is_refused(tmp_path: Path):
    (tmp_path / "a.txt").write_text("[levels]\nxã\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# again\n[levels]\nphường\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="already defined"):
        lexicon.load(tmp_path)


def test_an_entry_outside_a_section_is_refused(tmp_path: Path):
    (tmp_path / "a.txt").write_text("xã\n[levels]\nphường\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="outside any"):
        lexicon.load(tmp_path)


def test_entries_are_nfc_with_one_tone_mark_style_and_tables_keep_their_cells(tmp_path: Path):
    decomposed = "Đảng u\u0079\u0309"  # "Đảng uỷ" typed with a combining hook and the old placement
    (tmp_path / "a.txt").write_text(f"[bodies]\n{decomposed} | name\nHuyện uỷ\n", encoding="utf-8")
    rows = lexicon.load(tmp_path)["bodies"]
    assert rows == (("Đảng ủy", "name"), ("Huyện ủy",))
    assert lexicon.cell(rows[1], 1) == ""


@pytest.mark.parametrize("text", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hoà xã hội chủ nghĩa Việt Nam",
                                  "CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc",
                                  "Độc lập-Tự do-Hạnh phúc"])
def test_patterns_accept_either_tone_style_any_dash_and_wrapped_words(text: str):
    assert re.search(lexicon.pattern("mottos"), text, re.I)


def test_alternation_tries_the_longest_entry_first():
    m = re.match(lexicon.alternation(["chậm nhất", "chậm nhất là"]), "chậm nhất là ngày")
    assert m and m.group() == "chậm nhất là"
    assert match_key("uỷ ban") in lexicon.keys("body_heads")


def _module_constants(path: Path) -> list[tuple[str, set[str]]]:
    """Module-level names bound to a literal list/set/tuple/dict of strings (or ``set("a b".split())``)."""
    out = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
            continue
        value = node.value
        if isinstance(value, ast.Call) and value.args:
            value = value.args[0]
        words: list[str] = []
        if isinstance(value, (ast.List, ast.Set, ast.Tuple)):
            words = [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        elif isinstance(value, ast.Dict):
            words = [k.value for k in value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        if len(words) >= 4:
            out.append((node.targets[0].id, {match_key(w) for w in words}))
    return out


def test_no_extractor_keeps_its_own_copy_of_a_lexicon_list():
    """Each vocabulary is defined once: no module constant of the extractors, extract, normalize or the reports'
    labels repeats (most of) a lexicon section."""
    sections = {n: {match_key(r[0]) for r in lexicon.table(n)} for n in lexicon.sections()}
    paths = sorted((PIPELINE / "extractors").glob("*.py")) + [PIPELINE / "extract.py", PIPELINE / "normalize.py",
                                                              PIPELINE / "reports" / "labels.py"]
    repeated = []
    for path in paths:
        for name, words in _module_constants(path):
            for section, entries in sections.items():
                shared = words & entries
                if len(shared) >= 4 and len(shared) >= 0.6 * len(words):
                    repeated.append(f"{path.name}:{name} repeats [{section}]")
    assert repeated == []
