"""The NLP libraries loaded the light way give what the plain imports give, and leave the process as it was.

Each check runs in a fresh interpreter: what is imported is the point."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEXT = ("Căn cứ Kế hoạch số 12-KH/ĐU, các chi bộ gửi báo cáo kết quả thực hiện về Ban Thường vụ Đảng uỷ "
        "trước ngày 15/3/2025. Mỗi chi bộ đăng ký ít nhất 02 mô hình “Dân vận khéo”; hoà giải viên tham gia.")


def _run(code: str) -> dict:  # type: ignore[type-arg]
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_light_loading_reads_the_same_words_and_sentences_and_skips_the_rest() -> None:
    light = _run(f"""
import json, sys
from pipeline.extractors import nlp
from pipeline.textnorm import new_style_tones
nlp.load()
text = {TEXT!r}
skipped = [m for m in ("typer", "weasel", "rich", "underthesea.pipeline.ner", "underthesea.pipeline.chunking")
           if m in sys.modules]
print(json.dumps({{"words": nlp._segment(text), "sentences": nlp.sentences(text),
                  "tokens": [t.text for t in nlp.make_doc(text)], "loaded": skipped,
                  "stand_ins": [m for m in ("underthesea", "spacy.cli") if m in sys.modules]}}))
""")
    plain = _run(f"""
import json
import spacy, underthesea
from pipeline.textnorm import new_style_tones
text = {TEXT!r}
print(json.dumps({{"words": underthesea.word_tokenize(new_style_tones(text)),
                  "sentences": underthesea.sent_tokenize(new_style_tones(text))}}))
""")
    assert light["words"] == plain["words"] and len(light["words"]) > 20
    from pipeline.textnorm import new_style_tones

    assert [new_style_tones(TEXT)[s:e] for s, e in light["sentences"]] == plain["sentences"]  # same offsets
    assert "".join(light["tokens"]).replace(" ", "") == TEXT.replace(" ", "")
    assert light["loaded"] == []  # the CLI and the unused models were never imported
    assert light["stand_ins"] == []  # no stand-in stays behind


def test_the_plain_imports_still_work_after_a_light_load() -> None:
    after = _run("""
import json
from pipeline.extractors import nlp
nlp.load()
import underthesea, spacy.cli
print(json.dumps({"pos": underthesea.pos_tag("Hà Nội")[0][1], "cli": callable(spacy.cli.info),
                  "words": underthesea.word_tokenize("chi bộ đăng ký")}))
""")
    assert after == {"pos": "Np", "cli": True, "words": ["chi bộ", "đăng ký"]}
