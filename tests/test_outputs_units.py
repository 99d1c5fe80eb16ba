"""units.csv reading and the mapping of a quota's subject to units (honest when it cannot map)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reports.compliance import UnitInfo, UnitsFileError, _kind_of, map_subject, read_units_csv
from pipeline.reports.labels import BUILTIN_KINDS
from pipeline.reports.model import unit_key as _unit_key
from pipeline.textnorm import match_key

from test_outputs_helpers import write_units_csv

VOCAB = sorted({match_key(k) for k in BUILTIN_KINDS}, key=lambda k: (-len(k), k))


def unit(name: str, kind: str = "") -> UnitInfo:
    info = UnitInfo(name, _unit_key(name), kind, False, True, 0)
    info.kind = info.kind or _kind_of(match_key(name), VOCAB)
    return info


UNITS = [unit("Đảng bộ phường Hòa Bình"), unit("Chi bộ Khu phố 2"), unit("Phường An Lạc"), unit("Xã Tân Phú"),
         unit("Quận Ba Đình"), unit("Huyện Gia Lâm"), unit("Liên đoàn Lao động quận"),
         unit("Chi bộ Trường Tiểu học Kim Đồng"), unit("Công an phường An Lạc")]


def names(result: tuple) -> list[str] | None:  # type: ignore[type-arg]
    found, _note = result
    return None if found is None else [u.name for u in found]


@pytest.mark.parametrize("header_sep, bom", [(";", True), (",", False), (",", True)])
def test_units_csv_separators_and_bom(tmp_path: Path, header_sep: str, bom: bool) -> None:
    text = f"don_vi{header_sep}loai\nChi bộ Khu phố 2{header_sep}chi bộ\n\"Phường An Lạc\"{header_sep}phường\n"
    units, warnings = read_units_csv(write_units_csv(tmp_path / "u.csv", text, bom=bom))
    assert [(u.name, u.kind) for u in units] == [("Chi bộ Khu phố 2", "chi bộ"), ("Phường An Lạc", "phường")]
    assert warnings == []


def test_units_csv_bad_input_warns_instead_of_crashing(tmp_path: Path) -> None:
    with pytest.raises(UnitsFileError, match="cannot read"):  # a mistyped path is an error, not an empty list
        read_units_csv(tmp_path / "missing.csv")
    units, warnings = read_units_csv(write_units_csv(tmp_path / "e.csv", ""))
    assert units == [] and "empty" in warnings[0]
    no_header = write_units_csv(tmp_path / "n.csv", "Chi bộ Khu phố 2,chi bộ\n,phường\nChi bộ Khu phố 2,chi bộ\n")
    units, warnings = read_units_csv(no_header)
    assert [u.name for u in units] == ["Chi bộ Khu phố 2"]  # blank name skipped, duplicate folded
    assert any("header" in w for w in warnings) and any("no unit name" in w for w in warnings)
    (tmp_path / "latin.csv").write_bytes("don_vi,loai\nChi bộ Khu phố 2,chi bộ\n".encode("utf-16"))
    units, warnings = read_units_csv(tmp_path / "latin.csv")
    assert warnings  # not UTF-8: said so, no exception


def test_kind_inferred_from_name_start() -> None:
    assert unit("Chi bộ Khu phố 2").kind == "chi bộ"
    assert unit("Công an phường An Lạc").kind == "công an"  # not a ward
    assert unit("Liên đoàn Lao động quận").kind == "liên đoàn lao động"


def test_subject_kind_words() -> None:
    assert names(map_subject("Mỗi phường", UNITS, VOCAB)) == ["Phường An Lạc"]
    assert names(map_subject("Mỗi quận, huyện", UNITS, VOCAB)) == ["Quận Ba Đình", "Huyện Gia Lâm"]
    assert names(map_subject("Tất cả các chi bộ trực thuộc", UNITS, VOCAB)) == [
        "Chi bộ Khu phố 2", "Chi bộ Trường Tiểu học Kim Đồng"]


def test_subject_modifier_narrows_head() -> None:
    found, note = map_subject("Đảng bộ các phường, xã", UNITS, VOCAB)
    assert [u.name for u in found] == ["Đảng bộ phường Hòa Bình"]
    assert "đảng bộ" in note


def test_subject_condition_is_flagged_not_guessed() -> None:
    found, note = map_subject("Mỗi xã xây dựng nông thôn mới kiểu mẫu", UNITS, VOCAB)
    assert [u.name for u in found] == ["Xã Tân Phú"]
    assert "chưa kiểm tra được" in note and "nông thôn mới kiểu mẫu" in note


def test_named_units_win() -> None:
    found, _ = map_subject("Ban Quản lý khu công nghiệp, Liên đoàn Lao động quận", UNITS, VOCAB)
    assert [u.name for u in found] == ["Liên đoàn Lao động quận"]


def test_unmappable_subject_says_so() -> None:
    found, note = map_subject("Các hợp tác xã nông nghiệp", [unit("Chi bộ Khu phố 2")], VOCAB)
    assert found is None and "chưa đối chiếu" in note
    found, note = map_subject("Người đứng đầu", UNITS, VOCAB)
    assert found is None and "Không xác định được" in note
    found, note = map_subject("", UNITS, VOCAB)
    assert found is None


def test_generic_subject_means_every_known_unit() -> None:
    found, note = map_subject("Các đơn vị", UNITS, VOCAB)
    assert len(found) == len(UNITS) and "mọi đơn vị" in note
