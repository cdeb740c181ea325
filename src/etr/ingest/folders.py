"""The files a build is given: files as named, and folders walked for the documents in them.

A folder is walked in name order, into its subfolders and through symbolic links, each folder read
once (a link back to a folder already read, a symbolic-link loop, is said and not followed again).
Without `--glob`, a folder's files of the kinds etr reads (rules/formats.toml: .txt, .md, .html,
.pdf ...) are taken; with it, the files whose path under the folder (or whose name) matches a
pattern, whatever they are called. Hidden files and folders (".git", ".DS_Store") are left aside,
and so are files of other kinds; the build says how many. A folder that cannot be listed is a
problem like a document that cannot be read. Imports etr.errors and etr.ingest.documents.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from etr.errors import BadDocument
from etr.ingest.documents import readable_names, shown


@dataclass
class Found:
    """What the paths given to a build hold."""

    files: list[Path] = field(default_factory=list)
    problems: list[tuple[Path, BadDocument]] = field(default_factory=list)  # folders that could not be listed
    other_kinds: list[Path] = field(default_factory=list)  # files in folders etr does not read
    hidden: int = 0  # hidden files and folders left aside
    loops: list[Path] = field(default_factory=list)  # links to folders already read

    def notes(self) -> list[str]:
        """One line on what the walk left aside, if anything."""
        parts = []
        if self.other_kinds:
            names = ", ".join(shown(p.name) for p in self.other_kinds[:3])
            more = f" and {len(self.other_kinds) - 3} more" if len(self.other_kinds) > 3 else ""
            parts.append(f"{len(self.other_kinds)} file{_s(self.other_kinds)} of other kinds ({names}{more}; "
                         "--glob PATTERN takes files by name)")
        if self.hidden:
            parts.append(f"{self.hidden} hidden file{'s' if self.hidden != 1 else ''} or folder{'s' if self.hidden != 1 else ''}")
        if self.loops:
            parts.append(f"{len(self.loops)} link{_s(self.loops)} back to a folder already read ({shown(self.loops[0])}: "
                         "a symbolic-link loop), not followed again")
        return [f"left aside in the folders: {'; '.join(parts)}"] if parts else []


def _s(items: list[Path]) -> str:
    return "s" if len(items) != 1 else ""


def collect(paths: list[Path], globs: list[str] | tuple[str, ...] = ()) -> Found:
    """The documents `paths` name: a file as it is (read by its content, whatever its name), a
    folder walked for the documents in it."""
    found = Found()
    seen_files: set[Path] = set()
    for path in paths:
        if os.path.isdir(path):
            _walk(path, list(globs), found, seen_files)
        elif path not in seen_files:
            seen_files.add(path)
            found.files.append(path)
    return found


def _walk(top: Path, globs: list[str], found: Found, seen_files: set[Path]) -> None:
    suffixes = readable_names()
    visited: set[tuple[int, int]] = set()

    def listing(folder: Path) -> list[os.DirEntry[str]] | None:
        try:
            with os.scandir(folder) as it:
                return sorted(it, key=lambda e: e.name)
        except OSError as e:
            found.problems.append((folder, BadDocument(f"{shown(folder)}: cannot list the folder ({e.strerror or type(e).__name__})")))
            return None

    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as e:
            found.problems.append((folder, BadDocument(f"{shown(folder)}: cannot open the folder ({e.strerror or type(e).__name__})")))
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited:
            found.loops.append(folder)
            continue
        visited.add(key)
        entries = listing(folder)
        if entries is None:
            continue
        subfolders = []
        for entry in entries:
            path = folder / entry.name
            if entry.name.startswith("."):
                found.hidden += 1
                continue
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(path)
                continue
            rel = path.relative_to(top).as_posix()
            if globs:
                wanted = any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(entry.name, g) for g in globs)
                if not wanted:
                    continue
            elif not entry.name.lower().endswith(suffixes):
                try:
                    regular = entry.is_file()
                except OSError:
                    regular = False
                if regular or not entry.is_symlink():
                    found.other_kinds.append(path)
                    continue
                # a link that leads nowhere or loops: read, so that it is reported as what it is
            if path not in seen_files:
                seen_files.add(path)
                found.files.append(path)
        stack.extend(reversed(subfolders))
