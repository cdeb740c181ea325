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
    __slots__ = ("key", "flags", "help", "kind", "metavar", "min", "choices", "complete")

    def __init__(self, key: str, flags: tuple[str, ...], help: str, kind: str = "flag",
                 metavar: str | None = None, min: int | None = None, choices: tuple[str, ...] = (),
                 complete: str | None = None) -> None:
        self.key = key  # the name the handler reads it by
        self.flags = flags
        self.help = help
        self.kind = kind  # flag | int | str | path | strs | paths (strs/paths: repeatable)
        self.metavar, self.min = metavar, min
        self.choices = choices  # the only values a str option takes (a usage error otherwise)
        self.complete = complete  # what shell completion offers for its value: names of these types ("any": all)


class Argument:
    __slots__ = ("key", "help", "metavar", "kind", "required", "choices", "complete")

    def __init__(self, key: str, help: str, metavar: str | None = None, kind: str = "str",
                 required: bool = True, choices: tuple[str, ...] = (), complete: str | None = None) -> None:
        self.key, self.help, self.metavar = key, help, metavar
        self.kind = kind  # str | words (one or more, joined by a space) | path | paths (any number, optional)
        self.required = required  # a str or path argument that may be left out (None then)
        self.choices = choices
        self.complete = complete  # as Option.complete


class Command:
    __slots__ = ("name", "help", "handler", "arguments", "options", "query_key")

    def __init__(self, name: str, help: str, handler: str, argument: Argument | tuple[Argument, ...] | None = None,
                 options: tuple[Option, ...] = (), query_key: str | None = None) -> None:
        self.name = name
        self.help = help  # the first line is the summary `etr --help` lists
        self.handler = handler  # a function of etr.cli.handlers
        # positional arguments in order; only the last may be optional or take any number (paths, words)
        self.arguments = argument if isinstance(argument, tuple) else (argument,) if argument else ()
        self.options = options
        self.query_key = query_key  # what the JSON envelope's "query" holds: the argument, or None


JSON = Option("json_", ("--json",), "Print one JSON document (docs/json.md).")
JSONL = Option("jsonl", ("--jsonl",), "Print one JSON result per line.")
LIMIT = Option("limit", ("--limit", "-n"), "Show at most N results (or N events per profile); without it a "
               "terminal shows 25 and says how many more.", "int", "N", 1)
DB = Option("db", ("--db",), "Fact base to read (default: $ETR_DB, your added documents, or the packaged one).",
            "path", "PATH")
QUERY = (JSON, JSONL, LIMIT, DB)
CITE = Option("cite", ("--cite",), "Also give the bibliographic records of the sources the answer cites "
              "(CSL-JSON in the JSON envelope's \"cite\", a short list at a terminal).")
GLOBAL = (JSON, DB)  # also read before the command (`etr --db mine.json who X`), as gh and sqlite-utils users type them
WHO_TYPES, WHERE_TYPES, WHAT_TYPES = "person group", "place", "organisation state military newspaper event treaty document unknown"

COMMANDS: tuple[Command, ...] = (
    Command("who", "Profile of a person or group: spellings, roles, dated events, statements, companions.",
            "lookup", Argument("name", "A person or group: Ehmetjan Qasimi, Kasimov, qasimi, Uyghurs.", complete=WHO_TYPES, kind="words"),
            (*QUERY, CITE), "name"),
    Command("where", "Profile of a place: its other names and what happened there, in order.",
            "lookup", Argument("name", "A place: Ghulja, Yining, Kuldja, Urumqi, 尼勒克镇.", complete=WHERE_TYPES, kind="words"),
            (*QUERY, CITE), "name"),
    Command("what", "Profile of an organisation, army, treaty, document or named event.",
            "lookup", Argument("name", "An organisation, army, treaty, document or named event.", complete=WHAT_TYPES, kind="words"),
            (*QUERY, CITE), "name"),
    Command("when", "What happened in a period, in order; or when an event happened (every date the sources give).",
            "when", Argument("query", "A date or period (1944-11, 'summer 1945', 1944..1946) or an event ('plane crash').", kind="words"),
            (*QUERY, CITE), "query"),
    Command("search", "Entities, events and sentences ranked together for free text or a question.",
            "search", Argument("text", "Free text or a plain question: 'who was the president of the ETR'.", kind="words"),
            (*QUERY, CITE), "text"),
    Command("show", "One event, entity or sentence, with its citation in context and how its date was read.",
            "show", Argument("ident", "An event, entity or sentence id from another command's output.", "ID", complete="ids"),
            (JSON, JSONL, DB, CITE), "ident"),
    Command("timeline", "All dated events in order, optionally between two dates or about some entities.",
            "timeline", None, (
                Option("from_", ("--from",), "Earliest date (1944, 1944-11, 15 November 1944).", "str", "DATE"),
                Option("to", ("--to",), "Latest date.", "str", "DATE"),
                Option("about", ("--about",), "Only events naming this entity (repeatable).", "strs", "NAME", complete="any"),
                Option("format", ("--format",), "Export instead: csv (one row per dated statement), json (the same "
                       "rows), html (one offline page), svg (a printable chart); docs/exports.md.", "str", "FORMAT",
                       choices=("csv", "json", "html", "svg")),
                *QUERY, CITE)),
    Command("on", "What the sources say happened on a day of the year, across the years, in date order.",
            "on", Argument("day", "A day of the year: 12-11 (month-day), '11 December', or today.", "DAY"),
            (*QUERY, CITE), "day"),
    Command("graph", "Who and what the sources link: entities, and the sentences that name them together.",
            "graph", Argument("name", "Only the entities within --depth links of this one (default: all).",
                              required=False, complete="any"), (
                Option("depth", ("--depth",), "How many links from NAME to follow (default 1).", "int", "N", 1),
                Option("format", ("--format",), "Export instead: dot (Graphviz), mermaid (Markdown), graphml or "
                       "gexf (Gephi, yEd, Cytoscape), json (node-link); docs/exports.md.", "str", "FORMAT",
                       choices=("dot", "mermaid", "graphml", "gexf", "json")),
                *QUERY, CITE), "name"),
    Command("sources", "The documents in the fact base: how each was read, its sections and counts.", "sources", None,
            (Option("format", ("--format",), "Bibliographic records instead: bibtex, csl-json (Zotero, "
                    "Pandoc, citeproc) or ris (Zotero, EndNote); docs/exports.md.", "str", "FORMAT",
                    choices=("bibtex", "csl-json", "ris")), JSON, JSONL, LIMIT, DB)),
    Command("extract", "The dates and names found in any text file, with character offsets.", "extract",
            Argument("file", "A document: text (UTF-8, UTF-16 or a legacy encoding), a web page or a PDF.", kind="path"), (
                JSON, JSONL,
                Option("encoding", ("--encoding",), "Read the file in this encoding (e.g. cp1252) instead of the one "
                       "etr finds.", "str", "NAME"),
                Option("format", ("--format",), "Write the document instead, in this form: timeml (its text with a "
                       "TimeML TIMEX3 tag, type, value and mod, around each date).", "str", "FORMAT",
                       choices=("timeml",))), "file"),
    Command("build", "Build the fact base from seeds/ and data/registry/ (atomically), or check it, or add or remove documents.",
            "build", Argument("files", "More documents or folders to add, as with --add (so `--add a.txt b.txt` "
                              "adds both).", "[PATH]...", "paths"), (
                Option("check", ("--check",), "Exit 1 if the fact base differs from a fresh build."),
                Option("add", ("--add",), "Also read this document (.txt, .md, .html, .pdf, by content whatever its "
                       "name) or the documents in this folder and its subfolders (repeatable).", "paths", "PATH"),
                Option("glob", ("--glob",), "In folders, take the files whose path or name matches this pattern "
                       "(e.g. '*.txt', 'telegrams/*'; repeatable) instead of every document.", "strs", "PATTERN"),
                Option("encoding", ("--encoding",), "Read text files in this encoding (e.g. cp1252) instead of "
                       "the one etr finds.", "str", "NAME"),
                Option("keep_going", ("--keep-going",), "Build from the files that can be read and list the rest "
                       "(exit 2 if any was left out) instead of stopping at the first."),
                Option("remove", ("--remove",), "Take this document out of the fact base: its source id, its file "
                       "name, or the file itself (repeatable). Nothing else takes a document out.", "strs", "DOC"),
                Option("out", ("--out",), "Write the fact base here instead.", "path", "PATH"),
                Option("names", ("--names",), "Your own names and aliases: a TOML file in the registry's format "
                       "(docs/adding-documents.md), kept for later adds.", "path", "FILE"),
                Option("report", ("--report",), "Print what the build found and could not place (JSON)."),
                JSON, DB)),
    Command("export", "The whole fact base as a file for other tools: a SQLite database (datasette, sqlite-utils).",
            "export", (Argument("what", "What to write: sqlite.", "FORMAT", choices=("sqlite",)),
                       Argument("file", "The file to write (replaced if it exists).", "FILE", kind="path")),
            (JSON, DB), None),
)
BY_NAME = {c.name: c for c in COMMANDS}
EXCLUSIVE = (("json_", "jsonl"), ("format", "json_"), ("format", "jsonl"))  # options that contradict each other: a usage error together
