"""The timeline as one self-contained HTML page: no CDN, no file beside it, readable on a phone.

Each statement is one item: its dates side by side (a sentence giving two dates shows both),
each drawn as a bar on the page's time span so that a range reads as a range and an uncertain
date (a month, a year, a modifier, a date read from context) is drawn dashed; its text, the
entities it names, and its citation - source title, section, character offsets - which opens to
the exact quote. Named events the sources date differently are shown first, their dates and
quotes side by side, and each item that gives one of those dates links to them. A filter box
narrows the items (a few lines of inline script; the page reads the same without it).
Standard library only.
"""

from __future__ import annotations

import datetime
import html
import json

from etr.render.exports.dates import how_words, uncertain, words
from etr.text.safe import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

CSS = """
:root{--ink:#1d232a;--dim:#5b6570;--line:#d5dbe1;--accent:#1f5f99;--soft:#eef3f8;--warn:#8a4b00}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:52rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.meta{color:var(--dim);margin:.25rem 0 .75rem}
.filter{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid var(--line);z-index:1}
.filter input{flex:1 1 12rem;font:inherit;padding:.4rem .6rem;border:1px solid var(--line);border-radius:.4rem}
.filter output{color:var(--dim);font-size:.9rem}
ol.timeline{list-style:none;margin:0;padding:0}
li.year h2{border-bottom:2px solid var(--accent);color:var(--accent)}
li.item{border-left:3px solid var(--line);padding:.4rem 0 .6rem .8rem;margin:.4rem 0}
li.item:target{background:var(--soft)}
.dates{display:flex;flex-wrap:wrap;gap:.4rem}
.date{border:1px solid var(--accent);border-radius:.4rem;padding:.1rem .5rem;font-weight:600;font-size:.95rem;min-width:9rem}
.date.uncertain{border-style:dashed;font-weight:500}
.date small{display:block;font-weight:400;color:var(--dim);font-size:.8rem}
.track{position:relative;height:6px;background:var(--soft);border-radius:3px;margin-top:.2rem}
.track span{position:absolute;top:0;height:6px;min-width:4px;background:var(--accent);border-radius:3px}
.uncertain .track span{background:repeating-linear-gradient(90deg,var(--accent) 0 4px,transparent 4px 7px)}
.text{margin:.35rem 0}
.names{margin:.2rem 0;font-size:.85rem;color:var(--dim)}
.names span{display:inline-block;background:var(--soft);border-radius:.3rem;padding:0 .35rem;margin:0 .2rem .2rem 0}
details.cite{font-size:.9rem;color:var(--dim)}
details.cite summary{cursor:pointer;color:var(--accent)}
blockquote{margin:.4rem 0;padding:.3rem .7rem;border-left:3px solid var(--accent);background:var(--soft);color:var(--ink)}
.disputed{font-size:.85rem;color:var(--warn)}
.disputed a{color:var(--warn)}
section.disputes article{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .8rem;margin:.6rem 0}
section.disputes article:target{background:var(--soft)}
section.disputes h3{margin:.2rem 0 .4rem;font-size:1rem}
.side{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.6rem}
.side figure{margin:0;border-top:3px solid var(--warn);padding-top:.3rem}
.side .when{font-weight:600}
.side figcaption{font-size:.85rem;color:var(--dim)}
footer{color:var(--dim);font-size:.85rem;padding-bottom:2rem}
[hidden]{display:none!important}
@media print{.filter{display:none}details.cite[open] summary{list-style:none}li.item{break-inside:avoid}}
"""

SCRIPT = """
(function(){
  var box=document.getElementById('filter'),out=document.getElementById('shown');
  var items=[].slice.call(document.querySelectorAll('li.item')),years=[].slice.call(document.querySelectorAll('li.year'));
  function apply(){
    var q=box.value.trim().toLowerCase(),n=0;
    items.forEach(function(li){var ok=!q||li.getAttribute('data-search').indexOf(q)>=0;li.hidden=!ok;if(ok)n++;});
    years.forEach(function(y){var s=y.nextElementSibling,any=false;
      while(s&&!s.classList.contains('year')){if(!s.hidden)any=true;s=s.nextElementSibling;}y.hidden=!any;});
    out.textContent=n+' of '+items.length+' statements';
  }
  box.addEventListener('input',apply);apply();
  if(location.hash){var t=document.getElementById(location.hash.slice(1));
    if(t){var d=t.querySelector('details');if(d)d.open=true;}}
})();
"""


def _e(text: Any) -> str:
    """Text from a document or a user, safe inside HTML (controls and escapes removed too)."""
    return html.escape(clean(text), quote=True)


def _day(iso: str) -> int:
    try:
        return datetime.date.fromisoformat(iso).toordinal()
    except ValueError:
        return 0


def _offsets(c: dict[str, Any]) -> str:
    return f"characters {c['start']}–{c['end']}"


def page(chron: dict[str, Any], interpreted: dict[str, Any], shorts: dict[str, str], titles: dict[str, str],
         generator: str) -> str:
    items, disputes = chron["items"], chron["disputes"]
    lo, hi = _day(chron["span"][0]), _day(chron["span"][1])
    width = max(1, hi - lo)
    names = {d["id"]: d["entity"]["name"] for d in disputes}
    n_events = sum(len(it["dates"]) for it in items)
    used = sorted({it["citation"]["source"] for it in items})
    asked = []
    if interpreted.get("from"):
        asked.append(f"from {interpreted['from']}")
    if interpreted.get("to"):
        asked.append(f"to {interpreted['to']}")
    if interpreted.get("about"):
        asked.append("about " + ", ".join(interpreted["about"]))
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<link rel="icon" href="data:,">', f"<title>Timeline{_e(' ' + ' '.join(asked)) if asked else ''} - etr</title>",
           f"<style>{CSS}</style>", "</head>", "<body>", "<header>",
           f"<h1>Timeline{_e(' ' + ' '.join(asked)) if asked else ''}</h1>",
           f'<p class="meta">{len(items)} statements giving {n_events} dates, {_e(chron["span"][0][:4])} to '
           f'{_e(chron["span"][1][:4])}, from {len(used)} source{"s" if len(used) != 1 else ""}. Every statement '
           "is quoted from its source; open a citation to read the exact words. Dashed dates are uncertain "
           "(a month, a year, a range, or read from the sentences around).</p>",
           '<div class="filter"><input id="filter" type="search" placeholder="Filter: a name, a word, a year" '
           f'aria-label="Filter the statements"><output id="shown">{len(items)} of {len(items)} statements</output></div>',
           "</header>", "<main>"]
    out.append('<ol class="timeline">')
    year = None
    for it in items:
        first = min(it["dates"], key=lambda d: d["start"])
        y = first["start"][:4]
        if y != year:
            out.append(f'<li class="year"><h2>{_e(y)}</h2></li>')
            year = y
        c = it["citation"]
        search = " ".join([it["text"], *(e["name"] for e in it["entities"]), *(d["value"] for d in it["dates"]),
                           c["title"], shorts.get(c["source"], "")]).lower()
        out.append(f'<li class="item" id="{_e(it["id"])}" data-start="{_e(first["start"])}" '
                   f'data-search="{_e(search)}"><div class="dates">')
        for d in it["dates"]:
            a, b = _day(d["start"]), _day(d["end"])
            left = 100 * max(0, a - lo) / width
            span = 100 * max(0, min(b, hi) - max(a, lo)) / width
            how = how_words(d)
            note = f"<small>{_e(how)}</small>" if how else ""
            cls = "date uncertain" if uncertain(d) else "date"
            out.append(f'<div class="{cls}" data-event="{_e(d["event"])}" title="{_e(d["start"])} to {_e(d["end"])}">'
                       f'{_e(words(d))}{note}<div class="track" aria-hidden="true"><span style="left:{left:.2f}%;'
                       f'width:{span:.2f}%"></span></div></div>')
        out.append("</div>")
        out.append(f'<p class="text">{_e(it["text"])}</p>')
        if it["entities"]:
            out.append('<p class="names">' + "".join(f"<span>{_e(e['name'])}</span>" for e in it["entities"]) + "</p>")
        out.append(f'<details class="cite" id="q-{_e(it["id"])}"><summary>{_e(shorts.get(c["source"], c["source"]))} '
                   f'§ {_e(c["section"])}, {_offsets(c)}</summary><blockquote cite="#{_e(c["source"])}">'
                   f'{_e(c["quote"])}</blockquote><p>{_e(c["title"])}, § {_e(c["section"])}, {_offsets(c)} '
                   f'(source id {_e(c["source"])})</p></details>')
        for did in it["disputes"]:
            out.append(f'<p class="disputed">The sources date {_e(names[did])} differently: '
                       f'<a href="#{_e(did)}">see their dates side by side</a></p>')
        out.append("</li>")
    out.append("</ol>")
    if disputes:
        out.append('<section class="disputes" aria-labelledby="disputes-h"><h2 id="disputes-h">Dated differently by the sources</h2>')
        for d in disputes:
            out.append(f'<article id="{_e(d["id"])}"><h3>{_e(d["entity"]["name"])}</h3><div class="side">')
            for alt in d["dates"]:
                c = alt["citation"]
                out.append(f'<figure><div class="when">{_e(words({"value": alt["value"], "precision": _p(alt["value"])}))}'
                           f'</div><blockquote>{_e(c["quote"])}</blockquote><figcaption>{_e(c["title"])}, § '
                           f'{_e(c["section"])}, {_offsets(c)}</figcaption></figure>')
            out.append("</div></article>")
        out.append("</section>")
    out.append("</main>")
    out.append("<footer><h2>Sources</h2><ul>")
    for sid in used:
        out.append(f'<li id="{_e(sid)}"><b>{_e(shorts.get(sid, sid))}</b> = {_e(titles.get(sid, sid))}</li>')
    out.append(f"</ul><p>Made by {_e(generator)}. Offsets count characters of the source's text as etr "
               "stores it: text[start:end] is the quote.</p></footer>")
    out.append(f'<script type="application/json" id="etr-data">{_json_in_html(chron, interpreted)}</script>')
    out.append(f"<script>{SCRIPT}</script>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _p(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "range" if "/" in value else "season")


def _json_in_html(chron: dict[str, Any], interpreted: dict[str, Any]) -> str:
    """The page's data for scripts that read it, safe inside a <script> element."""
    text = json.dumps({"interpreted": interpreted, **chron}, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
