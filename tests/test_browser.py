"""The HTML timeline and the SVG chart in a real browser: Debian's chromium, headless, driven by
Playwright (no browser download: the system's chromium, with the flags this sandbox needs). The
page loads offline without a console error, shows every statement and every date, filters, fits a
phone's width, and a screenshot of each is written under the test's tmp dir. Skipped, saying
why, only when no chromium is installed (.ci/run installs it)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import COMMITTED, ETR, etr_env

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium; .ci/run does)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def export(path: Path, *args: str, db: Path = COMMITTED) -> Path:
    proc = subprocess.run([ETR, "timeline", *args, "--db", str(db)], capture_output=True, env=etr_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    path.write_bytes(proc.stdout)
    return path


def expected(db: Path, *args: str) -> tuple[int, int]:
    """(statements, dates) the timeline holds: sentences and their events."""
    proc = subprocess.run([ETR, "timeline", *args, "--db", str(db), "--json"], capture_output=True, env=etr_env(), timeout=120)
    events = json.loads(proc.stdout)["results"]
    return len({(e["citations"][0]["source"], e["citations"][0]["start"]) for e in events}), len(events)


def open_page(browser: Any, url: str, width: int, height: int) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    page.on("request", lambda r: errors.append(f"network request: {r.url}") if not r.url.startswith(("file:", "data:")) else None)
    page.goto(url)
    page.wait_for_load_state("load")
    return page, errors


@pytest.mark.parametrize("name,args,db", [
    ("whole", [], "packaged"), ("about-qasimi", ["--about", "Ehmetjan Qasimi"], "packaged"),
    ("added", ["--from", "1944-11", "--to", "1944-11"], "added"),
])
def test_html_timeline_in_chromium(browser: Any, tmp_path: Path, name: str, args: list[str], db: str,
                                   request: pytest.FixtureRequest) -> None:
    facts = COMMITTED if db == "packaged" else request.getfixturevalue("added_db")
    html = export(tmp_path / f"{name}.html", "--format", "html", *args, db=facts)
    statements, dates = expected(facts, *args)
    page, errors = open_page(browser, html.as_uri(), 412, 915)  # a phone
    assert errors == []
    assert page.locator("li.item").count() == statements
    assert page.locator("li.item .date").count() == dates
    assert page.locator("#shown").inner_text() == f"{statements} of {statements} statements"
    # every item opens to its exact quote, with its citation
    first = page.locator("li.item").first
    first.locator("details.cite summary").click()
    assert first.locator("details.cite blockquote").is_visible()
    assert "characters" in first.locator("details.cite p").inner_text()
    # nothing wider than a phone's screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 412
    page.screenshot(path=str(tmp_path / f"{name}-phone.png"), full_page=False)
    assert (tmp_path / f"{name}-phone.png").stat().st_size > 10_000
    # the filter narrows the items
    word = "Ghulja" if db == "packaged" else "Kuldja"
    page.fill("#filter", word)
    shown = page.locator("li.item:not([hidden])").count()
    assert 0 < shown < statements or statements == shown == 1
    assert all(word.lower() in t.lower() for t in page.locator("li.item:not([hidden])").evaluate_all(
        "els => els.map(e => e.getAttribute('data-search'))"))
    assert errors == []


def test_html_shows_dates_the_sources_give_differently_side_by_side(browser: Any, tmp_path: Path) -> None:
    html = export(tmp_path / "nov1944.html", "--format", "html", "--from", "1944-11", "--to", "1944-11")
    page, errors = open_page(browser, html.as_uri(), 1280, 900)
    dispute = page.locator("section.disputes article#dispute-assault-on-ghulja")
    assert dispute.count() == 1
    figures = dispute.locator("figure")
    assert figures.count() == 2
    boxes = [figures.nth(i).bounding_box() for i in range(2)]
    assert boxes[0] and boxes[1] and abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[1]["x"] > boxes[0]["x"]  # side by side
    assert [figures.nth(i).locator(".when").inner_text() for i in range(2)] == ["7 November 1944", "13 November 1944"]
    # the items that give one of those dates link to them
    link = page.locator('li.item p.disputed a[href="#dispute-assault-on-ghulja"]')
    assert link.count() >= 1
    link.first.click()
    assert page.evaluate("location.hash") == "#dispute-assault-on-ghulja"
    page.screenshot(path=str(tmp_path / "nov1944-desktop.png"), full_page=True)
    assert errors == []


def test_svg_chart_in_chromium(browser: Any, tmp_path: Path) -> None:
    svg = export(tmp_path / "chart.svg", "--format", "svg", "--from", "1944", "--to", "1946")
    statements, dates = expected(COMMITTED, "--from", "1944", "--to", "1946")
    page, errors = open_page(browser, svg.as_uri(), 1200, 900)
    assert errors == []
    assert page.locator("g.item").count() == statements
    assert page.locator("g.item .mark").count() == dates
    width = page.evaluate("document.documentElement.getBBox().width")
    assert 0 < width <= 1120 + 1  # everything drawn inside the printable width
    page.screenshot(path=str(tmp_path / "chart.png"))
    assert (tmp_path / "chart.png").stat().st_size > 10_000


MERMAID_JS = Path(__file__).resolve().parents[1] / ".ci" / "mermaid" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"


@pytest.mark.skipif(not MERMAID_JS.is_file(), reason=f"Mermaid is not installed at {MERMAID_JS} (.ci/run installs it with npm)")
@pytest.mark.parametrize("name", ["Ehmetjan Qasimi", "Sino-Soviet Non-Aggression Pact", "Ghulja"])
def test_mermaid_renders_in_mermaid_itself(browser: Any, tmp_path: Path, name: str) -> None:
    """The Mermaid export parsed and drawn by Mermaid (its own parser, in the browser), as GitHub
    and Obsidian draw it."""
    proc = subprocess.run([ETR, "graph", name, "--limit", "12", "--format", "mermaid"], capture_output=True, text=True,
                          env=etr_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content(f"<html><body><script>{MERMAID_JS.read_text(encoding='utf-8')}</script></body></html>")
    got = page.evaluate("""async (src) => {
        mermaid.initialize({startOnLoad: false});
        try { await mermaid.parse(src); const r = await mermaid.render('g', src);
              document.body.insertAdjacentHTML('beforeend', r.svg);
              return {nodes: document.querySelectorAll('svg g.node').length,
                      links: document.querySelectorAll('svg .edgePaths path, svg path.flowchart-link').length}; }
        catch (e) { return {error: String(e)}; } }""", proc.stdout)
    assert "error" not in got, got
    lines = proc.stdout.splitlines()
    assert got["nodes"] == sum(1 for x in lines if x.startswith("  n") and "---|" not in x and "-->|" not in x)
    assert got["links"] == sum(1 for x in lines if "---|" in x or "-->|" in x)
    page.screenshot(path=str(tmp_path / "mermaid.png"), full_page=True)
    assert errors == []


HOSTILE = ("= <script>alert(1)</script> Title =\n\nThe rebels met in Ghulja on 12 November 1944 and wrote "
           "<img src=x onerror=alert(2)> and \x1b[31mred\x1b[0m notes there.\n")


def test_a_hostile_document_stays_text_in_the_page(browser: Any, tmp_path: Path) -> None:
    doc, db = tmp_path / "hostile.txt", tmp_path / "facts.json"
    doc.write_text(HOSTILE, encoding="utf-8")
    build = subprocess.run([ETR, "build", "--add", str(doc), "--out", str(db)], capture_output=True, env=etr_env(), timeout=300)
    assert build.returncode == 0, build.stderr.decode()
    html = export(tmp_path / "hostile.html", "--format", "html", "--from", "1944-11-12", "--to", "1944-11-12", db=db)
    page, errors = open_page(browser, html.as_uri(), 800, 900)
    page.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))
    assert page.locator("img").count() == 0 and page.locator("script").count() == 2  # its own two
    assert "<img src=x onerror=alert(2)>" in page.locator("body").inner_text()
    assert errors == []
