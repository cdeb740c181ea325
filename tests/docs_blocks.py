"""The docs' examples are real: every ```console block starting with `$ etr ...` in README.md and
docs/*.md is run and its output compared (tests/test_docs.py).

    python tests/docs_blocks.py          # rewrite every example's output from real runs

Commands run with the committed fact base, at an 100-column terminal without colour.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```console\n\$ (etr [^\n]*)\n(.*?)```", re.S)


def run(command: str) -> str:
    env = dict(os.environ)
    env.update({"ETR_TERMINAL": "1", "COLUMNS": "100", "NO_COLOR": "1", "ETR_QUIET": "1",
                "ETR_DB": str(ROOT / "data" / "facts.json"), "PYTHONIOENCODING": "utf-8"})
    env.pop("ETR_HOME", None)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    proc = subprocess.run(["bash", "-c", command + " 2>&1"], capture_output=True, text=True, env=env, cwd=ROOT)
    return "\n".join(line.rstrip() for line in proc.stdout.splitlines()) + "\n"


def blocks(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(text)]


def examples() -> list[tuple[Path, str, str]]:
    """(page, command, output shown) of every example in the docs."""
    return [(page, c, out) for page in PAGES for c, out in blocks(page.read_text(encoding="utf-8"))]


def rewrite() -> None:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        new = BLOCK.sub(lambda m: f"```console\n$ {m.group(1)}\n{run(m.group(1))}```", text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"rewrote {page.relative_to(ROOT)}")


if __name__ == "__main__":
    rewrite()
