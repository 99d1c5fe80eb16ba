"""A page printed without ruling lines, each run of text at its own x position: what Word exports for a page
typed with tab stops. Shared by the reader tests and the registration tests."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def printed_pdf(path: Path, lines: Sequence[Sequence[tuple[float, str]]], size: float = 10) -> Path:
    """One A4 page; ``lines`` top to bottom, each a list of (x in points, text); ``[]`` is a blank line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("DejaVuSerif", size)
    y = 790.0
    for runs in lines:
        for x, text in runs:
            if text:
                c.drawString(x, y, text)
        y -= size * 1.4
    c.save()
    return path
