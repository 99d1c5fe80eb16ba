"""Builds a small but complete store through the real writer API (records → rows → store).

The documents are invented (no dev-set names): one plan with deadlines, milestones and quotas,
three registration forms (one resubmitted, so one is superseded) and a units.csv.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.model import (Deadline, Document, DocumentMeta, Location, Milestone, Period, Quota, Record,
                            Registration)

PLAN_FILE = "ke-hoach-12.pdf"
SCRIPT_TEXT = "<script>alert('x')</script>"


def _doc(path: str) -> Document:
    return Document(path=path, sha256=hashlib.sha256(path.encode()).hexdigest(), format="pdf", pages=3)


def plan_record() -> Record:
    rec = Record(document=_doc(PLAN_FILE))
    rec.meta = DocumentMeta(kind="plan", issuer="Ủy ban nhân dân xã Tân Hòa", number="12/KH-UBND",
                            issued_on="2025-01-10", title="Triển khai phong trào thi đua năm 2025")
    rec.deadlines = [
        Deadline(due="2025-02-15", precision="day",
                 text="Trước ngày 15/02/2025 các chi bộ gửi biểu đăng ký mô hình về Ban Dân vận",
                 action="gửi biểu đăng ký mô hình", responsible="các chi bộ", recipient="Ban Dân vận",
                 location=Location(page=2, line=14)),
        Deadline(due="2025-06-30", precision="month", text=f"Chậm nhất tháng 6/2025 báo cáo sơ kết {SCRIPT_TEXT}",
                 action=f"báo cáo sơ kết {SCRIPT_TEXT}", responsible="các ấp", location=Location(page=3, line=2)),
        Deadline(due="2025-12-10", precision="day", text="Định kỳ hàng năm, trước ngày 10/12 báo cáo tổng kết",
                 action="báo cáo tổng kết", recurring="yearly", year_inferred=True,
                 location=Location(page=3, line=9)),
        Deadline(due=None, precision="day", text="Trong vòng 05 ngày làm việc kể từ ngày nhận văn bản phải phản hồi",
                 action="phản hồi", location=Location(page=3, line=11)),
    ]
    rec.milestones = [
        Milestone(start="2025-03-01", end="2025-04-30", precision="month",
                  text="Tháng 3 - 4/2025 các đơn vị triển khai thực hiện", location=Location(page=2, line=20)),
        Milestone(start="2025-05-15", end="2025-05-15", precision="day", text="Ngày 15/5/2025 kiểm tra chéo",
                  location=Location(page=2, line=22)),
    ]
    rec.quotas = [
        Quota(subject="Mỗi chi bộ", minimum=2, item="mô hình “Dân vận khéo”",
              text="Mỗi chi bộ đăng ký ít nhất 02 mô hình “Dân vận khéo”.", location=Location(page=2, line=5)),
        Quota(subject="Mỗi xã xây dựng nông thôn mới kiểu mẫu", minimum=3, item="mô hình",
              text="Mỗi xã xây dựng nông thôn mới kiểu mẫu đăng ký ít nhất 03 mô hình.",
              location=Location(page=2, line=6)),
        Quota(subject="Mỗi tổ hòa giải", minimum=5, item="thành viên",
              text="Mỗi tổ hòa giải có ít nhất 05 thành viên.", location=Location(page=2, line=7)),
    ]
    return rec


def _reg(unit: str, section: str, seq: int, name: str, field: str, row: int, **kw: object) -> Registration:
    return Registration(unit=unit, section=section, seq=seq, name=name, leader=kw.get("leader", f"Chi ủy {unit}"),
                        address=kw.get("address", "Nhà văn hóa"), field=field, field_raw=kw.get("field_raw", field),
                        period=Period("2025-03-01", "2025-12-31", "Tháng 3 - 12/2025"),
                        location=Location(page=1, table=0, row=row))


def form_record(path: str, unit: str, issued_on: str, regs: list[Registration]) -> Record:
    rec = Record(document=_doc(path))
    rec.meta = DocumentMeta(kind="registration_form", unit=unit, issued_on=issued_on, title="Danh sách đăng ký mô hình")
    rec.registrations = regs
    return rec


UNIT_A = "Chi bộ Ấp Tân Lợi"
UNIT_B = "Chi bộ Ấp Bình Hòa"
UNIT_MISSING = "Chi bộ Ấp Phú Hữu"
FORMULA_NAME = "=1+1"


def form_records() -> list[Record]:
    a = form_record("dk-tan-loi.docx", UNIT_A, "2025-02-05", [
        _reg(UNIT_A, "new", 1, "Tuyến đường hoa kiểu mẫu", "culture_society", 1),
        _reg(UNIT_A, "new", 2, FORMULA_NAME, "economy", 2, leader="+84 912 000 000", address="@nha-van-hoa"),
        _reg(UNIT_A, "continuing", 1, "Camera an ninh khu dân cư", "defense_security", 4, address="-ấp Tân Lợi"),
    ])
    b_old = form_record("dk-binh-hoa.docx", UNIT_B, "2025-02-01", [
        _reg(UNIT_B, "new", 1, "Mô hình bản cũ bị thay thế", "economy", 1),
    ])
    b_new = form_record("dk-binh-hoa-bo-sung.docx", UNIT_B, "2025-02-10", [
        _reg(UNIT_B, "new", 1, "Vườn rau sạch cho hộ nghèo", "economy", 1),
    ])
    return [a, b_old, b_new]


def build_store(tmp: Path, url: str | None = None) -> str:
    """A store (SQLite under ``tmp`` unless ``url``) filled through pipeline.store.commit_document, as the
    nightly job does."""
    from pipeline.normalize import record_rows
    from pipeline.store import commit_document, open_store

    url = url or f"sqlite:///{tmp / 'store.sqlite'}"
    engine = open_store(url)
    for i, rec in enumerate([plan_record()] + form_records()):
        rows = record_rows(rec)
        info = {"path": rec.document.path, "name": rec.document.path, "sha256": rec.document.sha256,
                "size": 1000 + i, "arrived_at": f"2025-02-1{i}T08:00:00+00:00"}
        commit_document(engine, info, rows, run_id=None, stored_path=None)
    return url


def write_units_csv(path: Path, text: str, bom: bool = True) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


UNITS_CSV = f"don_vi;loai\n{UNIT_A};chi bộ\n{UNIT_B};chi bộ\n{UNIT_MISSING};chi bộ\n"
