"""Shell completion without Typer: what Typer's completion prints, from cli/grammar_complete.py.

The scripts `mentorlog --install-completion` writes call `mentorlog` with `_MENTORLOG_COMPLETE=
complete_<shell>` (Typer's instruction style) and the words typed so far in COMP_WORDS/COMP_CWORD
(bash) or _TYPER_COMPLETE_ARGS (zsh, fish). Typer would import itself (~100 ms), build the app and
walk Click's context chain; this module walks the same chain over the generated grammar (the
resilient parse of typer._click.shell_completion: `_resolve_context`, `_resolve_incomplete`, each
object's `shell_complete`) and prints byte for byte what Typer's BashComplete/ZshComplete/
FishComplete print. tests/test_completion.py compares the two on generated command lines.

Mentor names and open record ids come from a read-only connection to the journal; completion never
creates, upgrades or writes a journal, and any failure there just means no such suggestions.
The same completers serve the Typer path (cli/app.py attaches them as `autocompletion`).
"""

from __future__ import annotations

import os
import sys
from typing import Any

COMPLETE_VAR = "_MENTORLOG_COMPLETE"
SHELLS = ("bash", "zsh", "fish")

# Record kinds by a parameter's name (`goal_id`, `--goal`, `--discussed`...) or by its group.
TABLES = {
    "action": "action", "advice": "advice", "goal": "goal", "milestone": "milestone",
    "meeting": "meeting", "topic": "topic", "agenda": "topic", "discussed": "topic",
    "win": "win", "feedback": "feedback", "contribution": "contribution", "gave": "contribution",
    "resource": "resource", "intro": "introduction", "checkin": "checkin", "mentor": "mentor",
}  # fmt: skip

HELP_WIDTH = 60


def completer_for(
    group: str | None, command: str, param: str, kind: str, parser: str | None
) -> Any:
    """Which journal lookup completes a parameter: ("mentors",), ("ids", table) or None.

    Decided from the declaration alone, so cli/app.py (Typer) and cli/codegen.py (this module's
    grammar) agree: a `mentor` parameter, the NAME of an existing mentor, and every record id.
    """
    if param == "mentor" or (
        param == "name"
        and kind == "argument"
        and group in ("mentor", "checkin")
        and command != "add"
    ):
        return ("mentors",)
    if parser in ("mentorlog.cli.common:record_id", "mentorlog.cli.common:later_id"):
        stem = param.removesuffix("_ids").removesuffix("_id")
        table = TABLES.get(stem) or TABLES.get(group or "")
        return ("ids", table) if table else None
    return None


# ------------------------------------------------------------------ the journal


def _one_line(text: Any) -> str:
    words = " ".join(str(text or "").split())
    return words if len(words) <= HELP_WIDTH else words[: HELP_WIDTH - 3].rstrip() + "..."


def journal_items(spec: tuple, db: str | None) -> list[tuple[str, str]]:
    """(value, help) pairs from the journal for a completer spec; [] when there is no journal."""
    from mentorlog.paths import db_path
    from mentorlog.store.completion import mentor_names, open_ids

    try:
        path = db_path(db)
        rows = mentor_names(path) if spec[0] == "mentors" else open_ids(path, spec[1])
    except Exception:  # completion never fails loudly: no suggestions instead
        return []
    return [(str(value), _one_line(text)) for value, text in rows]


# Characters bash would take as syntax in an inserted word (those `printf %q` escapes).
BASH_SPECIAL = frozenset(" \t\n!\"#$&'()*,;<>?[\\]^`{|}~")


def bash_word(value: str, quote: str = "") -> str:
    """A value as bash must insert it to keep it one word: `Alex\\ Chen`, `O\\'Brien`.

    Bash puts what the completer prints into the command line as it is, so `Alex Chen` would
    become two arguments (zsh and fish quote what they insert themselves). After an opening quote
    the user typed (`prep 'al`), bash inserts the value inside it and closes it: only what that
    quote does not protect is escaped."""
    if quote == "'":
        return value.replace("'", "'\\''")
    if quote == '"':
        return "".join("\\" + char if char in '"$`\\' else char for char in value)
    return "".join("\\" + char if char in BASH_SPECIAL else char for char in value)


def _open_quote(typed: str) -> str:
    """The quote left open at the end of a command line (`prep 'Al`), or ""."""
    import shlex

    lex = shlex.shlex(typed, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    try:
        for _ in lex:
            pass
    except ValueError:
        return lex.state if lex.state in ("'", '"') else ""
    return ""


def journal_completions(
    spec: tuple, db: str | None, incomplete: str, shell: str | None
) -> list[tuple[str, str]]:
    """The journal values that complete `incomplete`, as `shell` must receive them.

    Mentor names match as `resolve_mentor` reads them: a prefix of the name, case, accents and
    extra spaces aside (`al`, `ém`, `alex  c`); ids by their digits."""
    items = journal_items(spec, db)
    if spec[0] == "mentors":
        from mentorlog.core.rules import fold_name

        wanted = fold_name(incomplete)
        items = [(" ".join(v.split()), h) for v, h in items if fold_name(v).startswith(wanted)]
    else:
        items = [(v, h) for v, h in items if v.startswith(incomplete)]
    if shell == "bash":
        quote = _open_quote(os.environ.get("COMP_WORDS", ""))
        items = [(bash_word(v, quote), h) for v, h in items]
    return items


def requested_shell() -> str | None:
    """The shell of this completion request (`_MENTORLOG_COMPLETE=complete_bash`), if any."""
    action, _, shell = os.environ.get(COMPLETE_VAR, "").partition("_")
    return shell if action == "complete" else None


def click_completer(spec: tuple) -> Any:
    """The same lookup as a Click parameter's `shell_complete` (the Typer path; cli/app.py sets it
    in place of Typer's `autocompletion` wrapper, which would drop every value that is not a
    case-sensitive prefix of what was typed, and so `al` for `Alex Chen` or `Alex C` for the
    bash-escaped `Alex\\ Chen`). Typer renders help text as Rich markup; brackets are escaped so it
    shows the text as stored."""

    def shell_complete(ctx: Any, param: Any, incomplete: str) -> list[Any]:
        from typer._click.shell_completion import CompletionItem

        db = ctx.find_root().params.get("db_file")
        found = journal_completions(spec, db, incomplete, requested_shell())
        return [CompletionItem(v, help=h.replace("[", "\\[") or None) for v, h in found]

    return shell_complete


# ------------------------------------------------------------------ Click's resolution, replayed


class _Usage(Exception):
    """What Click's parser raises as a UsageError; resilient parsing stops there."""


class _Ctx:
    """The part of a click.Context completion looks at: the node, its parsed params, leftovers."""

    def __init__(self, node: dict, path: tuple[str, ...], parent: _Ctx | None) -> None:
        self.node, self.path, self.parent = node, path, parent
        self.given: set[str] = set()  # params whose source is the command line
        self.values: dict[str, Any] = {}
        self.args: list[str] = []


def _unpack(args: list[str], nargs_spec: list[int]) -> tuple[list[Any], list[str]]:
    """click.parser._unpack_args for nargs of 1 and -1."""
    args = list(args)
    front: list[Any] = []
    back: list[Any] = []
    star = None
    for index, nargs in enumerate(nargs_spec):
        if nargs == -1:
            star = index
            break
        front.append(args.pop(0) if args else None)
    if star is not None:
        for _ in nargs_spec[star + 1 :]:
            back.insert(0, args.pop() if args else None)
        front.append(tuple(args))
        args = []
    return front + back, args


def _parse(ctx: _Ctx, words: list[str]) -> None:
    """Command.parse_args with resilient_parsing=True, over the node's options and arguments."""
    node = ctx.node
    long: dict[str, tuple] = {}
    short: dict[str, tuple] = {}
    for option in node["options"]:
        for opt in (*option[1], *option[2]):
            if opt[:1] == "-" and opt[1:2] != "-" and len(opt) == 2:
                short[opt] = option
            else:
                long[opt] = option
    arguments = node["arguments"]
    opts: dict[str, Any] = {}
    rargs, largs = list(words), []

    def value_for(opt: str, option: tuple) -> str:
        if not rargs:
            raise _Usage(f"{opt} requires an argument")
        return rargs.pop(0)

    def store(option: tuple, opt: str, value: Any) -> None:
        if not option[3]:  # a flag
            value = opt not in option[2]
        if option[4]:
            opts.setdefault(option[0], []).append(value)
        else:
            opts[option[0]] = value

    try:
        while rargs:
            arg = rargs.pop(0)
            if arg == "--":
                break
            if arg[:1] == "-" and len(arg) > 1:
                name, sep, explicit = arg.partition("=")
                if name in long:
                    option = long[name]
                    if option[3]:
                        if sep:
                            rargs.insert(0, explicit)
                        store(option, name, value_for(name, option))
                    elif sep:
                        raise _Usage("does not take a value")
                    else:
                        store(option, name, None)
                    continue
                if arg[:2] == "--":
                    raise _Usage("no such option")
                for index, char in enumerate(arg[1:], start=2):
                    opt = "-" + char
                    if opt not in short:
                        raise _Usage("no such option")
                    option = short[opt]
                    if option[3]:
                        if index < len(arg):
                            rargs.insert(0, arg[index:])
                        store(option, opt, value_for(opt, option))
                        break
                    store(option, opt, None)
            elif node["interspersed"]:
                largs.append(arg)
            else:
                rargs.insert(0, arg)
                break
        values, largs = _unpack(largs + rargs, [a[1] for a in arguments])
        rargs = []
        for argument, value in zip(arguments, values, strict=True):
            opts[argument[0]] = None if value == () else value
    except _Usage:
        pass
    ctx.given = {name for name, value in opts.items() if value is not None}
    ctx.values = opts
    ctx.args = largs


def _resolve_context(args: list[str]) -> _Ctx:
    from mentorlog.cli.grammar_complete import NODES

    ctx = _Ctx(NODES[""], (), None)
    _parse(ctx, list(args))
    rest = ctx.args
    while rest and ctx.node.get("commands") is not None:
        name, rest = rest[0], rest[1:]
        path = (*ctx.path, name)
        key = " ".join(path)
        if name not in ctx.node["commands"] or key not in NODES:
            return ctx
        ctx = _Ctx(NODES[key], path, ctx)
        _parse(ctx, rest)
        rest = ctx.args
    return ctx


def _db(ctx: _Ctx) -> str | None:
    while ctx.parent is not None:
        ctx = ctx.parent
    if "db_file" in ctx.given:
        return ctx.values["db_file"]
    return os.environ.get("MENTORLOG_DB") or None


def _command_items(ctx: _Ctx, incomplete: str) -> list[tuple[str, str | None]]:
    """Group/Command.shell_complete: subcommand names, then option names after a dash."""
    items: list[tuple[str, str | None]] = []
    commands = ctx.node.get("commands")
    if commands is not None:
        items += [(n, h) for n, h in commands.items() if n.startswith(incomplete)]
    if incomplete and not incomplete[0].isalnum():
        for option in ctx.node["options"]:
            if option[5] or (not option[4] and option[0] in ctx.given):
                continue
            items += [(o, option[6]) for o in (*option[1], *option[2]) if o.startswith(incomplete)]
    return items


def _value_items(
    ctx: _Ctx, spec: Any, incomplete: str, shell: str | None
) -> list[tuple[str, str | None]]:
    """TyperOption/TyperArgument.shell_complete for one parameter."""
    if spec is None:
        return []
    if spec[0] == "choice":
        _, choices, case_sensitive = spec
        if case_sensitive:
            return [(c, None) for c in choices if c.startswith(incomplete)]
        low = incomplete.lower()
        return [(c, None) for c in choices if c.lower().startswith(low)]
    if spec[0] == "file":
        return [(incomplete, None)]
    return [(v, h or None) for v, h in journal_completions(spec, _db(ctx), incomplete, shell)]


def completions(
    args: list[str], incomplete: str, shell: str | None = None
) -> list[tuple[str, str | None]]:
    """ShellComplete.get_completions: (value, help) for the words typed so far, journal values
    as `shell` must receive them (see journal_completions)."""
    ctx = _resolve_context(args)
    if incomplete == "=":
        incomplete = ""
    elif "=" in incomplete and incomplete[:1] == "-":
        name, _, incomplete = incomplete.partition("=")
        args = [*args, name]
    if "--" not in args and incomplete[:1] == "-":
        return _command_items(ctx, incomplete)
    last = args[-1] if args else None
    if last is not None and last[:1] == "-":
        for option in ctx.node["options"]:
            if option[3] and last in option[1]:
                return _value_items(ctx, option[7], incomplete, shell)
    for argument in ctx.node["arguments"]:
        if argument[1] == -1 or argument[0] not in ctx.given:
            return _value_items(ctx, argument[2], incomplete, shell)
    return _command_items(ctx, incomplete)


# ------------------------------------------------------------------ the shells' protocols


def _split(text: str) -> list[str]:
    """click.shell_completion.split_arg_string: shlex, tolerant of an unfinished quote."""
    import shlex

    lex = shlex.shlex(text, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out = []
    try:
        for token in lex:
            out.append(token)
    except ValueError:
        out.append(lex.token)
    return out


def _zsh_escape(text: str, value: bool = False) -> str:
    """Text for one item of `_arguments '*: :(("value":"help"))'`, as zsh reads it. It passes two
    readers: _describe (a backslash quotes the next character, an unquoted colon ends the value;
    colons in the help are escaped too, as Typer does) and, before it, the eval of the list (a
    double-quoted word: backslash, quote, $ and `). The spec itself sits in single quotes: see
    zsh_response. Typer doubled the quotes, which zsh does not read as quotes (O'Brien -> OBrien)."""
    if value:
        text = text.replace("\\", "\\\\")
    text = text.replace(":", "\\:").replace("\\", "\\\\")
    for char in '"$`':
        text = text.replace(char, "\\" + char)
    return text


def zsh_item(value: str, help: str | None) -> str:
    shown = f'"{_zsh_escape(value, value=True)}"'
    return f'{shown}:"{_zsh_escape(help)}"' if help else shown


def zsh_response(items: list[str]) -> str:
    """The _arguments call zsh's `eval $(...)` runs; inside single quotes only '\\'' is a quote."""
    if not items:
        return "_files"
    spec = "*: :((" + "\n".join(items) + "))"
    return "_arguments '" + spec.replace("'", "'\\''") + "'"


def respond(shell: str) -> tuple[str | None, int]:
    """What Typer prints for a `complete_<shell>` request (None: print nothing), and the exit code."""
    if shell == "bash":
        words = _split(os.environ["COMP_WORDS"])
        cword = int(os.environ["COMP_CWORD"])
        args = words[1:cword]
        incomplete = words[cword] if cword < len(words) else ""
    else:
        typed = os.environ.get("_TYPER_COMPLETE_ARGS", "")
        args = _split(typed)[1:]
        incomplete = ""
        if args and not typed.endswith(" "):
            incomplete = args.pop()
    items = completions(args, incomplete, shell)
    if shell == "bash":
        return "\n".join(value for value, _ in items), 0
    if shell == "zsh":
        return zsh_response([zsh_item(v, h) for v, h in items]), 0
    action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
    if action == "is-args":
        return None, 0 if items else 1
    if action == "get-args" and items:
        return "\n".join(_fish_line(v, h) for v, h in items), 0
    return "", 0


def _fish_line(value: str, help: str | None) -> str:
    if not help:
        return value
    import re

    return value + "\t" + re.sub(r"\s", " ", help)


def serve() -> int | None:
    """Answer a completion request on the fast path; None leaves it to Typer (e.g. `source_bash`)."""
    action, _, shell = os.environ.get(COMPLETE_VAR, "").partition("_")
    if action != "complete" or shell not in SHELLS:
        return None
    try:
        text, code = respond(shell)
    except Exception:  # never fail loudly in the middle of someone's command line
        if os.environ.get("MENTORLOG_DEBUG"):
            raise
        return 1
    if text is not None:
        sys.stdout.write(text + "\n")
    return code
