"""The command table: every command of `etr`, its argument and options, declared once.

The fast parser (etr.cli.fast) reads this table to answer plain queries without the CLI
framework; the Typer app (etr.cli.app) is generated from it for help texts and usage errors;
`execute` (etr.cli.main) runs the handler it names. To add a command: one `Command` here, one
handler in etr.cli.handlers, and its renderer in etr.render. To add an option: one `Option`
here and the handler's use of it. Standard library only, and not even typing: the fast path
starts here.
"""

from __future__ import annotations


class Option:
    __slots__ = ("key", "flags", "help", "kind", "metavar", "min")

    def __init__(self, key: str, flags: tuple[str, ...], help: str, kind: str = "flag",
                 metavar: str | None = None, min: int | None = None) -> None:
        self.key = key  # the name the handler reads it by
        self.flags = flags
        self.help = help
        self.kind = kind  # flag | int | str | path | strs | paths (strs/paths: repeatable)
        self.metavar, self.min = metavar, min


class Argument:
    __slots__ = ("key", "help", "metavar", "kind")

    def __init__(self, key: str, help: str, metavar: str | None = None, kind: str = "str") -> None:
        self.key, self.help, self.metavar = key, help, metavar
        self.kind = kind  # str | path | paths (any number, optional)


class Command:
    __slots__ = ("name", "help", "handler", "argument", "options", "query_key")

    def __init__(self, name: str, help: str, handler: str, argument: Argument | None = None,
                 options: tuple[Option, ...] = (), query_key: str | None = None) -> None:
        self.name = name
        self.help = help  # the first line is the summary `etr --help` lists
        self.handler = handler  # a function of etr.cli.handlers
        self.argument, self.options = argument, options
        self.query_key = query_key  # what the JSON envelope's "query" holds: the argument, or None


JSON = Option("json_", ("--json",), "Print one JSON document (docs/json.md).")
JSONL = Option("jsonl", ("--jsonl",), "Print one JSON result per line.")
LIMIT = Option("limit", ("--limit", "-n"), "Show at most N results (or N events per profile).", "int", "N", 1)
DB = Option("db", ("--db",), "Fact base to read (default: $ETR_DB, your added documents, or the packaged one).",
            "path", "PATH")
QUERY = (JSON, JSONL, LIMIT, DB)

COMMANDS: tuple[Command, ...] = (
    Command("who", "Profile of a person or group: spellings, roles, dated events, statements, companions.",
            "lookup", Argument("name", "A person or group: Ehmetjan Qasimi, Kasimov, qasimi, Uyghurs."), QUERY, "name"),
    Command("where", "Profile of a place: its other names and what happened there, in order.",
            "lookup", Argument("name", "A place: Ghulja, Yining, Kuldja, Urumqi, 尼勒克镇."), QUERY, "name"),
    Command("what", "Profile of an organisation, army, treaty, document or named event.",
            "lookup", Argument("name", "An organisation, army, treaty, document or named event."), QUERY, "name"),
    Command("when", "What happened in a period, in order; or when an event happened (every date the sources give).",
            "when", Argument("query", "A date or period (1944-11, 'summer 1945', 1944..1946) or an event ('plane crash')."),
            QUERY, "query"),
    Command("search", "Entities, events and sentences ranked together for free text or a question.",
            "search", Argument("text", "Free text or a plain question: 'who was the president of the ETR'."), QUERY, "text"),
    Command("show", "One event, entity or sentence, with its citation in context and how its date was read.",
            "show", Argument("ident", "An event, entity or sentence id from another command's output.", "ID"),
            (JSON, JSONL, DB), "ident"),
    Command("timeline", "All dated events in order, optionally between two dates or about some entities.",
            "timeline", None, (
                Option("from_", ("--from",), "Earliest date (1944, 1944-11, 15 November 1944).", "str", "DATE"),
                Option("to", ("--to",), "Latest date.", "str", "DATE"),
                Option("about", ("--about",), "Only events naming this entity (repeatable).", "strs", "NAME"),
                *QUERY)),
    Command("sources", "The documents in the fact base, with their sections and counts.", "sources", None,
            (JSON, JSONL, DB)),
    Command("extract", "The dates and names found in any text file, with character offsets.", "extract",
            Argument("file", "A plain-text (UTF-8) file.", kind="path"), (
                JSON, JSONL,
                Option("format", ("--format",), "Write the document instead, in this form: timeml (its text with a "
                       "TimeML TIMEX3 tag, type, value and mod, around each date).", "str", "FORM")), "file"),
    Command("build", "Build the fact base from seeds/ and data/registry/ (atomically), or check it, or add documents.",
            "build", Argument("files", "More documents to add, as with --add (so `--add a.txt b.txt` adds both).",
                              "[FILE]...", "paths"), (
                Option("check", ("--check",), "Exit 1 if the fact base differs from a fresh build."),
                Option("add", ("--add",), "Also read this plain-text document (repeatable).", "paths", "FILE"),
                Option("out", ("--out",), "Write the fact base here instead.", "path", "PATH"),
                Option("names", ("--names",), "Your own names and aliases: a TOML file in the registry's format "
                       "(docs/adding-documents.md), kept for later adds.", "path", "FILE"),
                Option("report", ("--report",), "Print what the build found and could not place (JSON)."),
                JSON, DB)),
)
BY_NAME = {c.name: c for c in COMMANDS}
EXCLUSIVE = (("json_", "jsonl"), ("format", "json_"), ("format", "jsonl"))  # a usage error together
