"""Property-based fuzz of every reader over damaged corpus files: a Document or a ReadError, nothing else.

Hypothesis flips bits in (and cuts) real corpus files of each format — PDF, DOCX, XLSX, text and
images (PNG, JPEG, TIFF, made at test time) — and hands them to the reader registry,
``pipeline.readers.read``. Whatever the damage, the reader must return a Document or raise its
own ReadError with a one-line reason and a known kind; any other exception (or a hang past the
deadline) is a failure. Examples are bounded and derandomized so CI is reproducible and fast.
"""
from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from batch_helpers import REPO
from pipeline.readers import ReadError, read

KNOWN_KINDS = {"empty", "whitespace", "too_large", "corrupt", "encrypted", "unsupported", "unsafe", "unreadable",
               "memory"}
CORPUS = REPO / "corpus"


def _images() -> dict[str, bytes]:
    from PIL import Image, ImageDraw

    img = Image.new("L", (420, 160), 255)
    ImageDraw.Draw(img).text((20, 60), "KE HOACH 12-KH/CB ngay 05/02/2025", fill=0)
    out = {}
    for fmt, suffix in (("PNG", "png"), ("JPEG", "jpg"), ("TIFF", "tif")):
        buf = io.BytesIO()
        img.save(buf, fmt)
        out[suffix] = buf.getvalue()
    return out


SOURCES: dict[str, list[bytes]] = {
    "pdf": [(CORPUS / "form-cong-an-phuong.pdf").read_bytes(), (CORPUS / "kh-46-pho-minh.pdf").read_bytes()],
    "docx": [(CORPUS / n).read_bytes() for n in ("kh-344-my-phuoc.docx", "form-chi-bo-khoi-5.docx")],
    "xlsx": [(CORPUS / n).read_bytes() for n in ("form-chi-bo-khoi-5.xlsx", "form-hoi-lhpn-phuong.xlsx")],
    "txt": [(CORPUS / n).read_bytes() for n in ("kh-vinh-tan-dang-uy.txt", "kh-46-pho-minh-tcvn3.txt")],
}
IMAGES = _images()
#: Examples per format: PDFs that lose their text go on to OCR (seconds each), so fewer of them.
EXAMPLES = {"pdf": 12, "docx": 40, "xlsx": 40, "txt": 40, "png": 8, "jpg": 8, "tif": 8}

flips = st.lists(st.tuples(st.integers(min_value=0, max_value=2**31), st.integers(min_value=0, max_value=7)),
                 min_size=1, max_size=48)


def damage(data: bytes, bit_flips: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(data)
    for pos, bit in bit_flips:
        out[pos % len(out)] ^= 1 << bit
    if cut is not None:
        out = out[: max(1, cut % len(out))]
    return bytes(out)


def damage_parts(data: bytes, member: int, bit_flips: list[tuple[int, int]], cut: int | None) -> bytes:
    """Flip bits inside one XML part of a DOCX/XLSX and zip it again: the container is sound, the XML is not."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in src.namelist() if n.endswith((".xml", ".rels"))]
    target = names[member % len(names)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            part = src.read(name)
            out.writestr(name, damage(part, bit_flips, cut) if name == target and part else part)
    return buf.getvalue()


def check_reader(path: Path) -> None:
    try:
        doc = read(path)
    except ReadError as err:
        event(f"ReadError {err.kind}")
        assert err.kind in KNOWN_KINDS, err.kind
        assert err.reason and "\n" not in err.reason and len(err.reason) < 1000, err.reason
    else:
        event("Document")
        assert doc.format in ("pdf", "docx", "xlsx", "txt", "image", "doc")


def fuzz(fmt: str, sources: list[bytes], tmp: Path) -> None:
    @settings(max_examples=EXAMPLES[fmt], deadline=timedelta(seconds=60), derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(source=st.sampled_from(range(len(sources))), bit_flips=flips,
           cut=st.one_of(st.none(), st.integers(min_value=1, max_value=2**31)))
    def one(source: int, bit_flips: list[tuple[int, int]], cut: int | None) -> None:
        path = tmp / f"fuzz.{fmt}"
        path.write_bytes(damage(sources[source], bit_flips, cut))
        check_reader(path)

    one()


@pytest.mark.parametrize("fmt", sorted(SOURCES))
def test_damaged_documents_give_a_document_or_a_read_error(fmt: str, tmp_path: Path) -> None:
    fuzz(fmt, SOURCES[fmt], tmp_path)


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_damaged_xml_inside_sound_containers_gives_a_document_or_a_read_error(fmt: str, tmp_path: Path) -> None:
    sources = SOURCES[fmt]

    @settings(max_examples=60, deadline=timedelta(seconds=60), derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(source=st.sampled_from(range(len(sources))), member=st.integers(min_value=0, max_value=64),
           bit_flips=flips, cut=st.one_of(st.none(), st.integers(min_value=1, max_value=2**31)))
    def one(source: int, member: int, bit_flips: list[tuple[int, int]], cut: int | None) -> None:
        path = tmp_path / f"fuzz-xml.{fmt}"
        path.write_bytes(damage_parts(sources[source], member, bit_flips, cut))
        check_reader(path)

    one()


@pytest.mark.parametrize("fmt", sorted(IMAGES))
def test_damaged_images_give_a_document_or_a_read_error(fmt: str, tmp_path: Path) -> None:
    fuzz(fmt, [IMAGES[fmt]], tmp_path)
