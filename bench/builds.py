"""Run `mkdocs build --strict` in a child process and measure it: wall time, CPU time and
the child's own peak memory (os.wait4 reports the rusage of that one process)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


class BuildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class BuildRun:
    seconds: float
    cpu_seconds: float  # user + system time of the build and the processes it ran
    peak_mib: float
    load: float  # the machine's 1-minute load average when the build started


def build(project: Path, site: Path, log: Path) -> BuildRun:
    # Removing the last run's output is not part of the build being measured.
    shutil.rmtree(site, ignore_errors=True)
    # Bytecode is cached, as on any machine that builds twice: otherwise every build of the
    # pipeline would compile the project's own Python again (PYTHONDONTWRITEBYTECODE is set
    # in some sandboxes and CI images).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    load = os.getloadavg()[0]
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise BuildFailed(f"mkdocs build failed in {project.name}:\n{log.read_text()[-3000:]}")
    return BuildRun(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, load)


@dataclass(frozen=True)
class Summary:
    runs: int
    seconds: float  # median wall time
    cpu_seconds: float  # median CPU time
    peak_mib: float  # highest of the runs
    load: float  # median load average at the starts
    all_seconds: tuple[float, ...]
    all_cpu_seconds: tuple[float, ...]

    @classmethod
    def of(cls, runs: list[BuildRun]) -> "Summary":
        return cls(len(runs), statistics.median(r.seconds for r in runs),
                   statistics.median(r.cpu_seconds for r in runs), max(r.peak_mib for r in runs),
                   statistics.median(r.load for r in runs),
                   tuple(r.seconds for r in runs), tuple(r.cpu_seconds for r in runs))


def compare(*projects: tuple[Path, Path], runs: int, logs: Path, progress=print) -> list[Summary]:
    """Build each (project, site) `runs` times, rotating which goes first so that drift in
    the machine's speed falls on all alike."""
    results: list[list[BuildRun]] = [[] for _ in projects]
    for project, site in projects:  # untimed: fills the disk cache and the bytecode cache
        build(project, site, logs / f"{project.name}-warm-up.log")
    for run in range(runs):
        for k in range(len(projects)):
            which = (run + k) % len(projects)
            project, site = projects[which]
            result = build(project, site, logs / f"{project.name}-{run}.log")
            results[which].append(result)
            progress(f"  {project.name:<18} run {run + 1}/{runs}: {result.seconds:6.2f} s "
                     f"({result.cpu_seconds:6.2f} s CPU), {result.peak_mib:5.0f} MiB, load {result.load:.1f}")
    return [Summary.of(r) for r in results]
