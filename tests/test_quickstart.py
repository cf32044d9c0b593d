"""The quick start as a new user meets it: the Makefile's targets, and this README's examples run as written
(the shell lines and Python snippets of Extract, Knowledge base and Datasette) against the example articles."""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

# Lines that cannot run here, each with why; everything else in the chosen sections runs.
NOT_HERE = {
    "'crawl/*.warc.gz'": "names a crawl, feeds and Spark output this machine does not have",
    "quotegraph merge ": "a fix for a store that holds 'A. Park' and record #40; the example articles do not",
    "quotegraph split ": "a fix for a store that holds 'A. Park' and record #40; the example articles do not",
    "datasette quotegraph.db -m": "starts a server that runs until stopped (tests/kb/test_datasette.py drives Datasette)",
}
SECTIONS = ("Extract", "Knowledge base", "Datasette")


def sections() -> dict[str, list[tuple[str, str]]]:
    """Each "## " section's fenced blocks as (language, code)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for part in re.split(r"(?m)^## ", README)[1:]:
        title, _, body = part.partition("\n")
        out[title.strip()] = re.findall(r"(?ms)^```(\w+)\n(.*?)^```", body)
    return out


def _runnable(code: str) -> str:
    return "\n".join(line for line in code.splitlines() if not any(k in line for k in NOT_HERE))


@pytest.fixture(scope="module")
def workdir(shared, tmp_path_factory) -> Path:
    """A folder laid out as the examples expect: ../shared beside it, article.txt, pages/*.html, articles/."""
    root = tmp_path_factory.mktemp("quickstart")
    (root / "shared").symlink_to(shared)
    work = root / "project"
    (work / "pages").mkdir(parents=True)
    (work / "articles").mkdir()
    seeds = sorted((shared / "data" / "seeds").glob("*.txt"))
    shutil.copy(seeds[0], work / "article.txt")
    for s in seeds:
        shutil.copy(s, work / "articles" / s.name)
    page = sorted((shared / "data" / "article-extraction" / "html").glob("*.html.gz"))[0]
    (work / "pages" / "page.html").write_bytes(gzip.decompress(page.read_bytes()))
    return work


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("QUOTEGRAPH_DB", None)
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_readme_examples_run_as_written(workdir):
    found = sections()
    ran = []
    for title in SECTIONS:
        blocks = found[title]
        for lang, code in blocks[:3]:
            if lang == "bash":
                for line in _runnable(code).splitlines():
                    if line.strip():
                        p = _run(["bash", "-c", f"set -o pipefail; {line}"], workdir)
                        assert p.returncode == 0, f"{title}: {line}\n{p.stderr[-2000:]}"
                        ran.append(line)
            elif lang == "python":
                p = _run([sys.executable, "-c", _runnable(code)], workdir)
                assert p.returncode == 0, f"{title}: python snippet\n{p.stderr[-2000:]}"
                ran.append(title + " python")
    assert any("quotegraph quotes --text escapism" in r for r in ran)
    assert "Extract python" in ran and "Knowledge base python" in ran
    assert (workdir / "tables" / "quotes").exists() or any((workdir / "tables").glob("quotes*"))
    assert (workdir / "metadata.yaml").exists()


def _make(args: list[str], cwd: Path) -> str:
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    return subprocess.run(["make", "-n", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def makedir(tmp_path) -> Path:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "system-deps.sh", tmp_path / "scripts" / "system-deps.sh")
    return tmp_path


def test_make_demo_installs_no_browser(makedir):
    plan = _make(["demo"], makedir)
    assert "pip install" in plan and "quotegraph extract" in plan
    assert "system-deps" not in plan and "apt-get" not in plan and "chromium" not in plan
    assert "system-deps.sh" in _make(["test"], makedir)  # the tests' own setup does


def test_make_test_skips_the_install_when_pyproject_is_unchanged(makedir):
    assert "pip install" in _make(["test"], makedir)  # a fresh checkout installs
    stamp = makedir / ".make" / "installed"
    stamp.parent.mkdir()
    stamp.touch()
    os.utime(makedir / "pyproject.toml", (1_000_000_000, 1_000_000_000))
    assert "pip install" not in _make(["test"], makedir)
    os.utime(makedir / "pyproject.toml", None)  # pyproject.toml changed after the install
    os.utime(stamp, (1_000_000_000, 1_000_000_000))
    assert "pip install" in _make(["test"], makedir)
