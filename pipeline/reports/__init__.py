"""The outputs reviewers open every morning, one module per output (``pipeline/outputs.py`` orchestrates).

| module | what |
|---|---|
| ``model.py`` | the report model: the store's tables joined, answers applied, campaigns decided |
| ``compliance.py`` | expected units, quota compliance and who has submitted — per campaign |
| ``review.py`` | the review queue: extraction's doubt, OCR confidence, consistency checks, files |
| ``answers.py`` | reading a reviewer's answers back from our own workbook |
| ``workbook.py`` | ``tong-hop-dang-ky-mo-hinh.xlsx`` |
| ``calendar.py`` | ``lich-han-chot.ics`` |
| ``page.py`` (+ ``templates/``) | ``lich-han-chot.html`` |
| ``exports.py`` | CSV / XLSX / Parquet exports for people and for tools |
| ``summary.py`` | the Vietnamese closing summary of ``pipeline run`` |
| ``text.py``, ``labels.py`` | how values are shown; Vietnamese words for codes |

Reports read the store only through ``pipeline.store`` (one query per table) and never import
readers or extractors.
"""
