"""Running a command and measuring it: wall time, CPU time, and the peak memory of its whole process tree.

CPU time (user + system, the process and every child it waited for) is the figure to compare on a
shared machine: other people's work stretches wall time but not the CPU a run needs. Memory is
sampled from /proc every SAMPLE_SECONDS: the sum over the process and its descendants of PSS
(proportional set size: shared pages counted once, split between the processes that share them)
and, for reference, of RSS (shared pages counted in every process, an overestimate for forked
workers). Linux only, which is where the benchmarks run.
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_SECONDS = 0.2


@dataclass
class Measured:
    command: list[str]
    returncode: int
    wall_seconds: float
    cpu_seconds: float
    peak_pss_mb: float | None = None
    peak_rss_mb: float | None = None
    peak_processes: int | None = None
    load_before: float = 0.0
    load_after: float = 0.0
    stdout: str = ""
    stderr_tail: str = ""
    extra: dict = field(default_factory=dict)

    def summary(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k not in ("stdout", "command")}
        d["command"] = " ".join(self.command[:6]) + (" ..." if len(self.command) > 6 else "")
        return d


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _tree(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(tree.get(p, []))
    return out


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB, zeros when it has gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


class MemorySampler(threading.Thread):
    """Polls a process tree's memory until stopped; keeps the peaks."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_pss = self.peak_rss = self.peak_processes = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            pids = _tree(self.pid)
            sizes = [_memory_kb(p) for p in pids]
            self.peak_pss = max(self.peak_pss, sum(s[0] for s in sizes))
            self.peak_rss = max(self.peak_rss, sum(s[1] for s in sizes))
            self.peak_processes = max(self.peak_processes, sum(1 for s in sizes if s[1]))
            self._stop_event.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def run_measured(command: list[str], stdout_path: Path | None = None, env: dict | None = None,
                 sample_memory: bool = False, cwd: Path | None = None) -> Measured:
    """Run `command` to the end and measure it. Its stdout goes to `stdout_path` (or is kept when None)."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=out if stdout_path else subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, cwd=cwd)
    sampler = MemorySampler(proc.pid) if sample_memory else None
    if sampler:
        sampler.start()
    # Read the pipes on threads so the child never blocks on a full pipe while we wait for it.
    chunks: dict[str, list[bytes]] = {"stdout": [], "stderr": []}
    readers = [threading.Thread(target=lambda s=s, name=name: chunks[name].extend(iter(lambda: s.read(65536), b"")),
                                daemon=True)
               for name, s in (("stdout", proc.stdout), ("stderr", proc.stderr)) if s is not None]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join()
    if sampler:
        sampler.stop()
    if stdout_path:
        out.close()
    stderr = b"".join(chunks["stderr"]).decode("utf-8", "replace")
    return Measured(
        command=[str(c) for c in command], returncode=proc.returncode, wall_seconds=round(wall, 2),
        cpu_seconds=round(usage.ru_utime + usage.ru_stime, 2),
        peak_pss_mb=round(sampler.peak_pss / 1024, 1) if sampler else None,
        peak_rss_mb=round(sampler.peak_rss / 1024, 1) if sampler else None,
        peak_processes=sampler.peak_processes if sampler else None,
        load_before=round(load_before, 2), load_after=round(os.getloadavg()[0], 2),
        stdout=b"".join(chunks["stdout"]).decode("utf-8", "replace"), stderr_tail=stderr[-3000:],
    )
