"""Shell completion, answered without the CLI framework: commands, options, their choices, and
entity names read from the fact base's index (`etr who Ehm<TAB>`).

`etr --install-completion` / `--show-completion` (the Typer app's) install a script that runs
`etr` with `_ETR_COMPLETE=complete_bash|complete_zsh|complete_fish|complete_powershell` and the
words typed so far (Typer's protocol, in Typer's variables); etr.cli.main sends such a run here,
before anything else is imported, so that a completion answers in a few tens of milliseconds
(bench/README.md) instead of paying for Typer. Reads the command table; imports the store's
index only to complete a name.
"""

from __future__ import annotations

import os
import sys

from etr.cli.commands import BY_NAME, COMMANDS, GLOBAL, Command, Option

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

ROOT_OPTIONS = {"--help": "Show this message and exit.", "--version": "Print the version and exit.",
                "--install-completion": "Install completion for the current shell.",
                "--show-completion": "Show completion for the current shell."}
MAX_NAMES = 200


def split(line: str) -> list[str]:
    """The words of a command line as a shell splits them, an unfinished quote included."""
    import shlex

    lex = shlex.shlex(line, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out: list[str] = []
    try:
        for token in lex:
            out.append(token)
    except ValueError:  # the word being typed opens a quote: keep the quote and what it holds so far
        quote = getattr(lex, "state", "")  # the quote left open
        out.append((quote if quote in ("'", '"') else "") + lex.token)
    return out


def request(env: dict[str, str]) -> tuple[str, list[str], str] | None:
    """(shell, words after `etr` before the one being typed, that word) from Typer's variables."""
    mode = env.get("_ETR_COMPLETE", "")
    shell = mode.removeprefix("complete_")
    if shell == "bash":
        words = split(env.get("COMP_WORDS", ""))
        cword = int(env.get("COMP_CWORD", "0") or 0)
        return shell, words[1:cword], words[cword] if cword < len(words) else ""
    if shell in ("zsh", "fish", "powershell", "pwsh"):
        line = env.get("_TYPER_COMPLETE_ARGS", "")
        words = split(line)[1:]
        if shell in ("powershell", "pwsh"):
            incomplete = env.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
            if incomplete and words and words[-1] == incomplete:
                words = words[:-1]
            return "powershell", words, incomplete
        if words and not line.endswith(" "):
            return shell, words[:-1], words[-1]
        return shell, words, ""
    return None


def _options(cmd: Command | None) -> list[Option]:
    return list(cmd.options) if cmd is not None else list(GLOBAL)


def candidates(args: list[str], incomplete: str, names: Any = None) -> tuple[list[tuple[str, str]], bool]:
    """(value, help) pairs for the word being typed, and whether file names fit there instead.
    `names(kind, prefix)` gives entity names (default: from the fact base's index)."""
    names = names or entity_names
    cmd: Command | None = None
    taking: Option | None = None  # the option whose value is being typed
    positional = 0
    typed: list[str] = []  # the positional words so far
    db: str | None = None
    for w in args:
        if taking is not None:
            if taking.key == "db":
                db = w
            taking = None
            continue
        if w.startswith("-") and w != "-":
            flag, eq, value = w.partition("=")
            opt = next((o for o in _options(cmd) if flag in o.flags), None)
            if opt is not None and opt.kind != "flag" and not eq:
                taking = opt
            elif opt is not None and opt.key == "db":
                db = value
            continue
        if cmd is None:
            cmd = BY_NAME.get(w)
            if cmd is None:
                return [], False
            continue
        positional += 1
        typed.append(w)
    if taking is None and incomplete.startswith("-") and "=" in incomplete:
        flag, _eq, value = incomplete.partition("=")
        opt = next((o for o in _options(cmd) if flag in o.flags), None)
        if opt is not None and opt.kind != "flag":
            got, files = _values(opt.kind, opt.choices, opt.complete, value, names, db)
            return [(f"{flag}={v}", h) for v, h in got], files
    if taking is not None:
        return _values(taking.kind, taking.choices, taking.complete, incomplete, names, db)
    if incomplete.startswith("-"):
        opts = [(f, o.help) for o in _options(cmd) for f in o.flags if f.startswith("--")]
        if cmd is None:
            opts += list(ROOT_OPTIONS.items())
        else:
            opts.append(("--help", "Show this message and exit."))
        return [(f, h) for f, h in opts if f.startswith(incomplete)], False
    if cmd is None:
        return [(c.name, c.help.split("\n")[0]) for c in COMMANDS if c.name.startswith(incomplete)], False
    if cmd.arguments and cmd.arguments[-1].kind == "words" and positional >= len(cmd.arguments):
        # "etr who Ehmetjan Q<TAB>": the next word of the names that begin with the words so far
        a = cmd.arguments[-1]
        before = typed[len(cmd.arguments) - 1 :]
        got, _files = _values(a.kind, a.choices, a.complete, " ".join([*before, incomplete]), names, db)
        nxt: dict[str, str] = {}
        for value, help_ in got:
            more = value.split()
            if len(more) > len(before):
                nxt.setdefault(more[len(before)], help_)
        return list(nxt.items()), False
    if positional < len(cmd.arguments):
        a = cmd.arguments[positional]
    elif cmd.arguments and cmd.arguments[-1].kind == "paths":
        a = cmd.arguments[-1]
    else:
        return [], False
    return _values(a.kind, a.choices, a.complete, incomplete, names, db)


def _values(kind: str, choices: tuple[str, ...], complete: str | None, prefix: str, names: Any,
            db: str | None) -> tuple[list[tuple[str, str]], bool]:
    if choices:
        return [(c, "") for c in choices if c.startswith(prefix)], False
    if complete is not None:
        return names(complete, prefix, db), False
    return [], kind in ("path", "paths")


def entity_names(kind: str, prefix: str, db: str | None = None) -> list[tuple[str, str]]:
    """Names (and other spellings the documents use) of the entities of these types that begin
    with `prefix`, whatever its case and diacritics; for "ids", entity ids. Read from the index
    of the fact base a query would read; none when it cannot be read."""
    from pathlib import Path

    try:
        from etr.store import facts
        from etr.store.opening import open_index
        from etr.text.fold import fold

        index = open_index(Path(db) if db else facts.default_db())
    except Exception:  # noqa: BLE001 - a completion never fails loudly: it offers nothing
        return []
    types = None if kind in ("any", "ids") else set(kind.split())
    want = fold(prefix)
    got: dict[str, str] = {}
    for e in index.light:
        if types is not None and e["type"] not in types:
            continue
        forms = [e["id"]] if kind == "ids" else [e["name"], *e["aliases"]]
        for form in forms:
            if form not in got and (fold(form).startswith(want) or form.startswith(prefix)):
                got[form] = e["type"] if form == e["name"] or kind == "ids" else f"{e['type']}: {e['name']}"
        if len(got) >= MAX_NAMES:
            break
    return sorted(got.items(), key=lambda x: (x[0].casefold(), x[0]))


def _bash_word(value: str, incomplete: str) -> str:
    """A completion as bash puts it on the line: quoted like the word typed, else escaped."""
    if incomplete[:1] in ("'", '"'):
        q = incomplete[0]
        return q + value.replace(q, "\\" + q if q == '"' else "'\\''") + q
    out = []
    for ch in value:
        if ch in " \t'\"\\()[]{}$`!&;|<>*?#~":
            out.append("\\")
        out.append(ch)
    return "".join(out)


def render(shell: str, items: list[tuple[str, str]], files: bool, incomplete: str) -> tuple[str, int]:
    """What the shell's script reads, and the exit code (fish's is-args asks by the code)."""
    if shell == "bash":
        return "\n".join(_bash_word(v, incomplete) for v, _h in items), 0
    if shell == "zsh":
        if not items:
            return ("_files" if files else ""), 0

        def esc(s: str) -> str:
            return (s.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`")
                    .replace(":", r"\\:"))

        lines = "\n".join(f'"{esc(v)}":"{esc(" ".join(h.split()))}"' if h else f'"{esc(v)}"' for v, h in items)
        return f"_arguments '*: :(({lines}))'", 0
    if shell == "fish":
        if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
            return "", 0 if items else 1
        return "\n".join(f"{v}\t{' '.join(h.split())}" if h else v for v, h in items), 0
    return "\n".join(f"{v}:::{' '.join(h.split()) or ' '}" for v, h in items), 0


def main(env: dict[str, str] | None = None) -> int:
    """Answer one completion request from the environment; the exit code."""
    got = request(dict(os.environ) if env is None else env)
    if got is None:
        return 1
    shell, args, incomplete = got
    bare = incomplete.lstrip("'\"")
    items, files = candidates(args, bare)
    text, code = render(shell, items, files, incomplete)
    if text:
        sys.stdout.write(text + "\n")
    return code
