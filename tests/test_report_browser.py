"""The HTML report in a real browser: Debian's chromium, headless, through its own screenshot,
DOM dump and print-to-PDF, the PDF read back with pdftotext (poppler-utils). .ci/run installs
both when missing; here the tests skip, saying which program is missing, only when there is none.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from support import PICTURE_STEPS

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
PDFTOTEXT = shutil.which("pdftotext")
needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no chromium here (apt-get install chromium; .ci/run does)"
)
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None, reason="no pdftotext here (apt-get install poppler-utils; .ci/run does)"
)
HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
TITLE = "Mentorship report 2026-11-01 → 2026-11-22"


@pytest.fixture
def page(cli, private_env, tmp_path) -> Path:
    for step in PICTURE_STEPS:
        cli(*step)
    cli("win", "add", HOSTILE, "--on", "2026-11-21")
    target = tmp_path / "report.html"
    cli("report", "--html", "-o", str(target), "--since", "2026-11-01")
    return target


def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={profile}", *args]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit PNG, unfiltered (RFC 2083)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks, header = 8, [], None
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour in (2, 6), header
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    rows, previous = [], bytes(stride)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up, corner = previous[x], previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (
                    line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)
                ) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, [bytes(r[i : i + 3]) for r in rows for i in range(0, stride, size)]


@needs_browser
def test_the_browser_draws_the_page_and_its_charts(page, tmp_path):
    shot = tmp_path / "report.png"
    result = _browser(tmp_path, "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri())
    assert shot.exists(), result.stderr[-800:]
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (1000, 1400)
    colours = set(pixels)
    assert len(colours) > 50  # text, rules, squares: not a blank page
    white = sum(1 for p in pixels if p == b"\xff\xff\xff")
    assert white < len(pixels) * 0.98
    # the calendar's squares: the day with a win and an action (#aceebb), the meetings (#4ac26b)
    assert bytes.fromhex("aceebb") in colours and bytes.fromhex("4ac26b") in colours


@needs_browser
def test_the_browser_runs_nothing_and_shows_the_text(page, tmp_path):
    result = _browser(tmp_path, "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "<title>" + TITLE + "</title>" in dom, result.stderr[-800:]
    assert "pwned" not in dom.split("</title>")[0]  # the title was never rewritten
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom


@needs_browser
@needs_pdftotext
def test_printed_to_pdf_with_the_periods_title_and_whole_charts(page, tmp_path):
    pdf = tmp_path / "report.pdf"
    result = _browser(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-", result.stderr[-800:]
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "Mentorship report" in text and "2026-11-01 → 2026-11-22" in text
    assert "<script>document.title='pwned'</script>" in text  # shown as text
    pages = text.split("\f")
    assert pages[0].strip(), "the first page is blank"
    # a chart is never cut by a page: its heading and its own labels land on one page
    calendar = [p for p in pages if "Activity" in p]
    assert calendar and "Mon" in calendar[0] and "4+ a day" in calendar[0]
    goal = [p for p in pages if "Lead a review" in p and "milestones" in p]
    assert goal and "target 2027-01-31" in goal[0]
