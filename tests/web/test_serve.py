"""`quotegraph serve`, readers beside a writer, and the colours' contrast."""
from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args, env=None, **kw):
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], capture_output=True, text=True, env=env, **kw)


def test_serve_without_a_store_is_a_one_line_error(tmp_path):
    p = run("serve", "--db", str(tmp_path / "missing.db"))
    assert p.returncode == 1
    assert p.stderr.strip().count("\n") == 0 and "no knowledge base at" in p.stderr and "--create" in p.stderr
    assert not (tmp_path / "missing.db").exists()


def test_serve_answers_on_the_port_and_says_whether_writing_is_on(fresh_store, tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "QUOTEGRAPH_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "quotegraph", "serve", "--db", fresh_store, "--port", str(port),
                             "--log-level", "warning"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    try:
        body = None
        for _ in range(150):
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).json()
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert body is not None and body["articles"] == 2
        r = httpx.post(f"http://127.0.0.1:{port}/api/articles", content=b"x", headers={"Content-Type": "text/plain"})
        assert r.status_code == 403
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert f"serving {fresh_store} at http://127.0.0.1:{port}/" in err and "writing through the API is off" in err


def test_serve_create_starts_an_empty_store(tmp_path):
    port = _free_port()
    db = tmp_path / "new.db"
    proc = subprocess.Popen([sys.executable, "-m", "quotegraph", "serve", "--db", str(db), "--create", "--port",
                             str(port), "--log-level", "warning"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(150):
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/api/quotes", timeout=2).json()["total"] == 0
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError("serve did not answer")
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
    assert db.exists()


def test_readers_keep_working_while_a_writer_holds_the_store(fresh_store, make_client):
    c = make_client(fresh_store)
    writer = sqlite3.connect(fresh_store, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM quotes WHERE id IN (SELECT id FROM quotes LIMIT 1)")
        started = time.monotonic()
        r = c.get("/api/quotes")
        assert r.status_code == 200 and r.json()["total"] == 8  # the last committed state
        assert c.get("/").status_code == 200
        assert time.monotonic() - started < 5
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def _luminance(hex_colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_speaker_colours_pass_wcag_aa_contrast():
    css = (Path(__file__).resolve().parents[2] / "src/quotegraph/web/static/style.css").read_text()
    var = dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    ink = var["--ink"]
    speakers = sorted({m for m in re.findall(r"--(spk-(?:\d+|none))-bg", css)})
    assert len(speakers) == 9  # eight colours and the unknown speaker's grey
    for spk in speakers:
        assert contrast(ink, var[f"--{spk}-bg"]) >= 7, spk  # quote words on the tint
        assert contrast("#ffffff", var[f"--{spk}"]) >= 4.5, spk  # the name label
    for colour in ("--muted", "--ink-soft", "--accent"):
        assert contrast(var[colour], var["--wash"]) >= 4.5, colour
        assert contrast(var[colour], var["--paper"]) >= 4.5, colour
