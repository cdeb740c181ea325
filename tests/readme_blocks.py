"""README examples are real: every ```console block starting with `$ etr ...` is run and compared.

    python tests/readme_blocks.py          # rewrite the outputs in README.md from real runs
    (tests/test_readme.py checks that they are current)

Commands run with the committed fact base, at a 100-column "terminal" without colour.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n\$ (etr [^\n]*)\n(.*?)```", re.S)


def run(command: str) -> str:
    env = dict(os.environ)
    env.update({"ETR_TERMINAL": "1", "COLUMNS": "100", "NO_COLOR": "1", "ETR_QUIET": "1",
                "ETR_DB": str(ROOT / "data" / "facts.json"), "PYTHONIOENCODING": "utf-8"})
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    proc = subprocess.run(["bash", "-c", command + " 2>&1"], capture_output=True, text=True, env=env, cwd=ROOT)
    return "\n".join(line.rstrip() for line in proc.stdout.splitlines()) + "\n"


def blocks(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(text)]


def rewrite() -> None:
    text = README.read_text(encoding="utf-8")
    text = BLOCK.sub(lambda m: f"```console\n$ {m.group(1)}\n{run(m.group(1))}```", text)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    rewrite()
