"""How `--help` reads: click's plain help (Typer's Rich help imports Rich's Markdown, Syntax and more, several
times what printing help is worth), with metavars a person reads ("--db TEXT", "PATH...") instead of Python
types ("<str>", "<list[str]>"), flags without one, and the usage line as "PATH..." rather than "{PATH...}...".
"""
from __future__ import annotations

import re
from typing import Any

from typer.core import TyperArgument, TyperCommand

# click's Context and HelpFormatter: typer 0.29 and later hand us those of the click it vendors (typer._click),
# earlier ones click's own, so the parameters below are typed as either
Context = Any
HelpFormatter = Any

_TYPE = re.compile(r" <([^>]*)>(\.\.\.)?")
_METAVARS = {"str": "TEXT", "int": "N", "int range": "N", "float": "NUMBER", "float range": "NUMBER", "Path": "PATH"}


def _metavar(label: str) -> str:
    if "|" in label:
        return "[" + label + "]"
    return _METAVARS.get(label, label.upper())


def _argument_name(param: TyperArgument) -> str:
    name = (param.metavar or param.name or "").upper().removesuffix("...")
    return name + ("..." if param.nargs != 1 else "")


class HelpCommand(TyperCommand):
    """A command whose help lists arguments and options as click does, with readable metavars."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            name, help_text = record
            if isinstance(param, TyperArgument):
                arguments.append((_argument_name(param), help_text.replace("  [required]", "")))
            else:
                options.append((_TYPE.sub(lambda m: " " + _metavar(m.group(1)) + (m.group(2) or ""), name),
                                help_text))
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


def short_help(command) -> str:
    """The command's first docstring paragraph, whole: click would cut it to fit and end it with "..."."""
    return " ".join((command.__doc__ or "").strip().split("\n\n")[0].split())
