"""Formats, encodings and folders given to `etr build --add` and `etr extract`, on real documents:
a real web page (tests/data/real/pages/, provenance in tests/data/real/manifest.toml), PDFs
written from a real FRUS telegram's text, and real text in legacy encodings. Each is built into a
fact base and then queried by a real `etr` process; every citation quotes the text etr read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, ETR, FRUS_TELEGRAM_DOC, cli, etr_env
from etr.ingest.documents import read
from etr.ingest.folders import collect

PAGE = DATA / "real" / "pages" / "gutenberg20866_infantry_drill_regulations_1911.htm"
FRUS_TEXT = FRUS_TELEGRAM_DOC.read_text(encoding="utf-8")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def run(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ETR, *map(os.fspath, args)], capture_output=True, text=True, timeout=120, env=etr_env())


def built(*args: str | os.PathLike[str]) -> dict[str, Any]:
    """`etr build ARGS --json`, which must succeed; its JSON document."""
    p = run("build", *args, "--json")
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr
    return json.loads(p.stdout)  # type: ignore[no-any-return]


def sources(db: Path) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in json.loads(db.read_text(encoding="utf-8"))["sources"]}


def citations(db: Path, source: str) -> list[dict[str, Any]]:
    fb = json.loads(db.read_text(encoding="utf-8"))
    return [c for e in fb["events"] for c in e["citations"] if c["source"] == source]


def frus_pdf(path: Path, pages: int = 2) -> Path:
    """The real FRUS telegram's text written as a PDF of `pages` pages (fpdf2, a Unicode font)."""
    fpdf = pytest.importorskip("fpdf")
    if not FONT.is_file():
        pytest.skip(f"no Unicode font at {FONT} to write the telegram's text with")
    pdf = fpdf.FPDF()
    pdf.set_title("FRUS 1947, vol. VII, doc. 480")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=10)
    paragraphs = [p for p in FRUS_TEXT.split("\n") if p.strip()]
    per_page = -(-len(paragraphs) // pages)
    for i in range(pages):
        pdf.add_page()
        for para in paragraphs[i * per_page:(i + 1) * per_page]:
            pdf.multi_cell(0, 5, para)
            pdf.ln(3)
    pdf.output(str(path))
    return path


# ------------------------------------------------------------------------------ web pages

def test_real_web_page_is_read_as_a_reader_sees_it() -> None:
    got = read(PAGE)
    assert got.format == "html"
    text = got.text
    # the stylesheet and the markup are gone; the words of the page are there, in order
    for gone in ("margin-top", "text-align", "<p>", "&nbsp;", "&#160;", "CDATA", "pagenum"):
        assert gone not in text
    assert "Washington, August 19, 1911." in text
    assert "Lieut. Col. John F. Morrison, Infantry; Capt. Merch B. Stewart" in text  # source line breaks joined
    # its headings are sections, the first its title
    assert text.startswith("= The Project Gutenberg eBook, Infantry Drill Regulations, United States Army, 1911")
    assert "\n= Infantry Drill Regulations =\n" in text and "\n=== UNITED STATES ARMY ===\n" in text


def test_real_web_page_built_and_queried(tmp_path: Path) -> None:
    db = tmp_path / "facts.json"
    built("--add", PAGE, "--out", db)
    src = sources(db)["gutenberg20866-infantry-drill-regulations-1911"]
    assert src["read_as"] == {"format": "html", "encoding": "utf-8", "basis": "utf-8"}
    assert src["file"] == PAGE.name
    cits = citations(db, src["id"])
    assert cits
    for c in cits:
        assert src["text"][c["start"]:c["end"]] == c["quote"]  # the quote is the text etr read
    assert {c["section"] for c in cits} <= {s["title"] for s in src["sections"]}
    p = run("when", "1911-08", "--json", "--db", db)
    assert p.returncode == 0, p.stderr
    results = json.loads(p.stdout)["results"]
    # the dateline "Washington, August 19, 1911." dates the order below it, and is no event itself:
    # it is not the page's own date line in its head (a document's own makes one, test_archives)
    approved = [r for r in results if r["text"].startswith("The following System of Drill Regulations")]
    assert approved and approved[0]["date"]["value"] == "1911-08-19" and approved[0]["date"]["how"] == "context"
    assert not any("Washington, August 19, 1911" in c["quote"] for r in results for c in r["citations"])
    assert run("build", "--check").returncode == 0  # the packaged fact base untouched


@pytest.mark.parametrize("name", ["saved-page.txt", "saved-page", "saved-page.md"])
def test_a_page_saved_under_another_name_is_read_as_a_page(name: str, tmp_path: Path) -> None:
    doc = tmp_path / name
    shutil.copy(PAGE, doc)
    got = read(doc)
    assert got.format == "html" and got.text == read(PAGE).text
    assert got.note and "web page" in got.note


@pytest.mark.parametrize("html,kept,dropped", [
    ("<html><body><nav><a href=/>Home</a> <a href=/about>About</a></nav><p>Ghulja fell in 1944.</p></body></html>",
     "Ghulja fell in 1944.", "About"),
    ("<html><body><header><p>Site masthead</p></header><main><p>Ghulja fell in 1944.</p></main>"
     "<footer>Copyright 2020</footer></body></html>", "Ghulja fell in 1944.", "Copyright"),
    ("<html><body><article><header><h1>The fall of Ghulja</h1></header><p>Ghulja fell in 1944.</p></article></body></html>",
     "= The fall of Ghulja =", "<h1>"),
    ("<html><body><div class='cookie-banner'>We use cookies</div><p>Ghulja fell in 1944.</p>"
     "<script>track('x')</script><noscript>Enable JS</noscript></body></html>", "Ghulja fell in 1944.", "track"),
    ("<html><body><div role=navigation>Next page</div><p hidden>secret</p><p>Ghulja fell in 1944.</p></body></html>",
     "Ghulja fell in 1944.", "Next page"),
    ("<!doctype html><title>A page</title><p>Ghulja<br>fell in 1944.", "Ghulja\nfell in 1944.", "<br>"),
    ("<html><body><pre>Line one\n  Line two</pre></body></html>", "Line one\n  Line two", "<pre>"),
], ids=["nav", "page-header-footer", "article-header-kept", "scripts-and-banners", "roles-and-hidden", "br", "pre"])
def test_page_furniture_table(html: str, kept: str, dropped: str, tmp_path: Path) -> None:
    doc = tmp_path / "page.html"
    doc.write_text(html, encoding="utf-8")
    text = read(doc).text
    assert kept in text and dropped not in text


def test_page_declaring_its_charset(tmp_path: Path) -> None:
    """A page in windows-1252 that says so in its <meta>: read as it declares."""
    doc = tmp_path / "page.html"
    body = "<p>“Osman Bator” retreated from Kurte — the Kazaks’ leader — in April 1947.</p>"
    doc.write_bytes(f'<html><head><meta charset="windows-1252"></head><body>{body}</body></html>'.encode("cp1252"))
    got = read(doc)
    assert (got.encoding, got.basis) == ("cp1252", "declared")
    assert "“Osman Bator” retreated from Kurte — the Kazaks’ leader" in got.text


# ----------------------------------------------------------------------------------- PDFs

def test_pdf_pages_are_sections_and_citations_say_the_page(tmp_path: Path) -> None:
    pdf = frus_pdf(tmp_path / "frus1947v07_d480.pdf")
    got = read(pdf)
    assert got.format == "pdf" and got.text.startswith("= FRUS 1947, vol. VII, doc. 480 =")
    assert "\n== p. 1 ==\n" in got.text and "\n== p. 2 ==\n" in got.text
    for gone in ("MediaBox", "Helvetica", "DejaVu", "endobj"):
        assert gone not in got.text
    # the telegram's words come through, a paragraph's lines joined into one
    assert "Osman Bator, leader of Peitashan Kazaks, retreated there from Kurte" in got.text
    db = tmp_path / "facts.json"
    built("--add", pdf, "--out", db)
    src = sources(db)["frus1947v07-d480"]
    assert src["read_as"] == {"format": "pdf", "encoding": "", "basis": "pdf"}
    cits = citations(db, src["id"])
    assert cits and {c["section"] for c in cits} <= {"p. 1", "p. 2"}
    for c in cits:
        assert src["text"][c["start"]:c["end"]] == c["quote"]
    p = run("who", "Osman", "--json", "--db", db)
    assert p.returncode == 0, p.stderr
    assert "p. 1" in p.stdout or "p. 2" in p.stdout


def test_a_pdf_saved_as_txt_is_read_as_a_pdf(tmp_path: Path) -> None:
    pdf = frus_pdf(tmp_path / "telegram.pdf", pages=1)
    disguised = tmp_path / "telegram.txt"
    shutil.copy(pdf, disguised)
    got = read(disguised)
    assert got.format == "pdf" and got.text == read(pdf).text
    assert got.note and "PDF" in got.note


def test_pdf_without_text_layer_says_ocr(tmp_path: Path) -> None:
    from test_robustness import _image_only_pdf

    scan = tmp_path / "scan.pdf"
    _image_only_pdf(scan)
    p = run("build", "--add", scan, "--out", tmp_path / "facts.json")
    assert p.returncode == 2 and p.stderr.count("\n") == 1
    assert "no text layer" in p.stderr and "OCR" in p.stderr
    assert not (tmp_path / "facts.json").exists()


# ------------------------------------------------------------------------------ encodings

ENCODED = [
    # (case, how the real telegram's text is stored, codec read, basis)
    ("utf-8", lambda t: t.encode("utf-8"), "utf-8", "utf-8"),
    ("utf-8-bom", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig", "byte-order mark"),
    ("utf-16-le-bom", lambda t: t.encode("utf-16"), "utf-16", "byte-order mark"),
    ("utf-16-be-bom", lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16", "byte-order mark"),
    ("windows-1252", lambda t: t.encode("cp1252"), "cp1252", "guessed"),
]


@pytest.mark.parametrize("case,encode,codec,basis", ENCODED, ids=[c[0] for c in ENCODED])
def test_encodings_read_to_the_same_text(case: str, encode: Any, codec: str, basis: str, tmp_path: Path) -> None:
    doc = tmp_path / f"telegram-{case}.txt"
    doc.write_bytes(encode(FRUS_TEXT))
    got = read(doc)
    assert got.text == FRUS_TEXT
    assert (got.encoding, got.basis) == (codec, basis)
    assert (got.note is not None) == (basis == "guessed")


def test_a_guessed_encoding_is_said_once_and_recorded(tmp_path: Path) -> None:
    doc = tmp_path / "telegram.txt"
    doc.write_bytes(FRUS_TEXT.encode("cp1252"))
    db = tmp_path / "facts.json"
    p = run("build", "--add", doc, "--out", db)
    assert p.returncode == 0, p.stderr
    said = [line for line in p.stderr.splitlines() if "cp1252" in line]
    assert said == [f"etr: {doc}: read as cp1252 (guessed from its bytes; give --encoding NAME if that is wrong)"]
    assert sources(db)["telegram"]["read_as"] == {"format": "text", "encoding": "cp1252", "basis": "guessed"}


def test_encoding_option_overrides_the_guess(tmp_path: Path) -> None:
    """Russian text in KOI8-R: the detector's guess is not asked when the reader says."""
    text = "Кульджа, 12 ноября 1944 года. Восстание в Илийском округе.\n"
    doc = tmp_path / "koi8.txt"
    doc.write_bytes(text.encode("koi8-r"))
    assert read(doc, "koi8-r").text == text
    db = tmp_path / "facts.json"
    built("--add", doc, "--encoding", "koi8-r", "--out", db)
    assert sources(db)["koi8"]["read_as"] == {"format": "text", "encoding": "koi8-r", "basis": "given"}
    p = run("build", "--add", doc, "--encoding", "no-such-codec", "--out", tmp_path / "x.json")
    assert p.returncode == 2 and "not an encoding" in p.stderr and p.stderr.count("\n") == 1
    p = run("build", "--add", FRUS_TELEGRAM_DOC, "--encoding", "ascii", "--out", tmp_path / "y.json")
    assert p.returncode == 2 and "not valid ascii" in p.stderr


def test_extract_reads_formats_and_encodings(tmp_path: Path) -> None:
    doc = tmp_path / "telegram.txt"
    doc.write_bytes(FRUS_TEXT.encode("cp1252"))
    res = cli("extract", str(doc), "--json")
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)["results"]
    assert any(r["text"] == "Osman Bator" for r in rows)
    assert all(FRUS_TEXT[r["start"]:r["end"]] == r["text"] for r in rows)
    res = cli("extract", str(PAGE), "--json")
    assert res.exit_code == 0 and "margin" not in res.stdout


# -------------------------------------------------------------------------------- folders

def _folder(tmp_path: Path) -> Path:
    top = tmp_path / "archive"
    (top / "telegrams" / "1947").mkdir(parents=True)
    (top / "pages").mkdir()
    (top / ".git").mkdir()
    shutil.copy(FRUS_TELEGRAM_DOC, top / "telegrams" / "1947" / "d480.txt")
    (top / "telegrams" / "notes.md").write_text("Osman Bator met Mackiernan at Peitashan in June 1947.\n", encoding="utf-8")
    shutil.copy(PAGE, top / "pages" / "drill.htm")
    (top / "pages" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (top / "report.docx").write_bytes(b"PK\x03\x04")
    (top / ".DS_Store").write_bytes(b"\x00\x00")
    (top / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (top / "telegrams" / "back-to-top").symlink_to("..")  # a symbolic-link loop
    return top


def test_collect_walks_folders(tmp_path: Path) -> None:
    top = _folder(tmp_path)
    found = collect([top])
    assert [p.relative_to(top).as_posix() for p in found.files] == [
        "pages/drill.htm", "telegrams/notes.md", "telegrams/1947/d480.txt"]  # a folder's files, then its folders
    assert sorted(p.name for p in found.other_kinds) == ["logo.png", "report.docx"]
    assert found.hidden == 2 and [p.name for p in found.loops] == ["back-to-top"]
    assert not found.problems
    assert [p.name for p in collect([top], ["telegrams/*"]).files] == ["notes.md", "d480.txt"]
    assert [p.name for p in collect([top], ["*.md", "*.htm"]).files] == ["drill.htm", "notes.md"]


def test_build_adds_a_folder(tmp_path: Path) -> None:
    top = _folder(tmp_path)
    db = tmp_path / "facts.json"
    p = run("build", "--add", top, "--out", db)
    assert p.returncode == 0, p.stderr
    assert {"d480", "notes", "drill"} <= set(sources(db))
    left = [line for line in p.stderr.splitlines() if "left aside" in line]
    assert len(left) == 1 and "2 files of other kinds" in left[0] and "symbolic-link loop" in left[0]
    p = run("build", "--add", top, "--glob", "*.md", "--out", tmp_path / "md.json")
    assert p.returncode == 0, p.stderr
    assert {"notes"} == {s for s, v in sources(tmp_path / "md.json").items() if not v["curated"]}
    empty = tmp_path / "empty"
    empty.mkdir()
    p = run("build", "--add", empty, "--out", tmp_path / "none.json")
    assert p.returncode == 2 and "no documents in it" in p.stderr
