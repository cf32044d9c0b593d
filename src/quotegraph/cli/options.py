"""The options several commands share, built from quotegraph.settings (defaults, environment names, help)."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..settings import SETTINGS, Setting


def _help(s: Setting, shown_default: str | None = None) -> str:
    """The setting's help; Typer adds its default and environment variable (or `shown_default` when given)."""
    return s.help + (f"; default {shown_default}" if shown_default else "") + "."


_DB, _MODEL, _UPLOAD = SETTINGS["db"], SETTINGS["model"], SETTINGS["max_upload_bytes"]

Db = Annotated[Optional[str], typer.Option("--db", metavar="PATH", envvar=_DB.env, show_default=False,
                                           help=_help(_DB, f"./{_DB.default}"))]
Model = Annotated[Optional[str], typer.Option("--model", "-m", metavar="NAME", envvar=_MODEL.env, show_default=False,
                                              help=_help(_MODEL, _MODEL.default))]
MaxUpload = Annotated[Optional[int], typer.Option("--max-upload", metavar="BYTES", min=1, envvar=_UPLOAD.env, show_default=False,
                                                  help=_help(_UPLOAD, f"{_UPLOAD.default // 1024 // 1024} MiB"))]
MaxBytes = Annotated[int, typer.Option("--max-bytes", metavar="BYTES", help=_help(SETTINGS["max_bytes"]))]
MaxRecordBytes = Annotated[int, typer.Option("--max-bytes", metavar="BYTES", help=_help(SETTINGS["max_record_bytes"]))]
MaxChars = Annotated[int, typer.Option("--max-chars", metavar="N", min=0, help=_help(SETTINGS["max_chars"]))]
TimeLimit = Annotated[float, typer.Option("--time-limit", metavar="SECONDS", min=0, help=_help(SETTINGS["time_limit"]))]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON for programs instead of text for people.")]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="How many to list.")]
Offset = Annotated[int, typer.Option("--offset", min=0, help="How many to skip.")]
