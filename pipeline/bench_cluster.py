"""`pipeline bench --cluster`: the nightly job on a Dask cluster against the local pool, same inbox, same machine.

Why these figures: a cluster is worth its keep only if handing files to Dask workers costs little
next to reading them (goal: at most 10 % more time than the local pool at the same number of
workers), and a province sizes its cluster from the OCR pages per second one core gives.

How: the cluster is real — ``dask scheduler`` and ``dask worker`` processes started from their own
commands with ``deploy/dask.env``, as ``deploy/`` runs them, left running like deployed ones (one
unmeasured run after they start) — and each ``pipeline run``
is a real subprocess timed from start to exit: start-up, connection and checks, and the loading of
the extraction stack by fresh bounded workers, on both sides (the Dask workers' bounded children are
closed before every measured run, as the local pool starts its own for every run). Runs alternate
local / cluster, repeated, so a machine shared with other jobs slows both alike; the table gives the
median and the spread. CPU seconds (the run and every process that did its work, Dask's included) are
beside the seconds: on a machine shared with other jobs they move far less than the clock.

Inputs: text-layer PDFs (copies of ``corpus/*.pdf``, each made unique by a trailing comment) for
throughput; the multi-page scans of ``tests/data/scans`` (copies made unique) for OCR pages/s.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

from .bench import _link_all, page_count

GOAL_OVERHEAD = 0.10
NIGHT_SECONDS = 8 * 3600
PROVINCE_PAGES = 10_000
ROOT = Path(__file__).resolve().parents[1]


def _first_folder(*candidates: Path) -> Optional[Path]:
    return next((c for c in candidates if c.is_dir()), None)


def _copies(sources: list[Path], count: int, folder: Path, marker: str) -> list[Path]:
    """``count`` distinct files: the sources in turn, each with a trailing comment that makes it unique."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        src = sources[i % len(sources)]
        target = folder / f"{marker}-{i:04d}{src.suffix}"
        target.write_bytes(src.read_bytes() + f"\n%{marker} copy {i}\n".encode("ascii"))
        made.append(target)
    return made


def text_pdfs(folder: Path, count: int) -> list[Path]:
    corpus = _first_folder(Path.cwd() / "corpus", ROOT / "corpus")
    pdfs = sorted(corpus.glob("*.pdf")) if corpus else []
    if not pdfs:
        raise SystemExit("pipeline bench --cluster: needs corpus/*.pdf (run it from a checkout)")
    return _copies(pdfs, count, folder, "bench")


def scan_pdfs(folder: Path, copies: int) -> tuple[list[Path], int]:
    """Multi-page scanned PDFs (no text layer) and their number of pages."""
    scans = _first_folder(Path.cwd() / "tests" / "data" / "scans", ROOT / "tests" / "data" / "scans")
    pdfs = sorted(scans.glob("*.pdf")) if scans else []
    if not pdfs or not copies:
        return [], 0
    made = _copies(pdfs, copies * len(pdfs), folder, "scan")
    return made, sum(page_count(path) for path in made)


def _env() -> dict[str, str]:
    """This environment + the Dask settings the deployed units use (``deploy/dask.env``)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    settings = ROOT / "deploy" / "dask.env"
    if settings.is_file():
        for line in settings.read_text(encoding="utf-8").splitlines():
            key, sep, value = line.strip().partition("=")
            if sep and not key.startswith("#"):
                env.setdefault(key, value)
    return env


class Cluster:
    """A ``dask scheduler`` for the whole bench; ``dask worker`` processes started fresh for each run."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / "scheduler.json"
        self.scheduler = subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1",
                                           "--port", "0", "--no-dashboard", "--scheduler-file", str(self.file)],
                                          env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                          start_new_session=True)
        self.workers: Optional[subprocess.Popen[bytes]] = None
        deadline = time.monotonic() + 60
        while not self.file.exists():
            if time.monotonic() > deadline or self.scheduler.poll() is not None:
                raise SystemExit("pipeline bench --cluster: the dask scheduler did not start")
            time.sleep(0.2)
        time.sleep(0.3)
        self.address = json.loads(self.file.read_text())["address"]

    def start_workers(self, n: int) -> None:
        from distributed import Client

        self.workers = subprocess.Popen([sys.executable, "-m", "dask", "worker", "--scheduler-file", str(self.file),
                                         "--nworkers", str(n), "--nthreads", "1", "--memory-limit", "0",
                                         "--no-dashboard"], env=_env(), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        from .cluster import worker_facts

        with Client(self.address, set_as_default=False, timeout=30) as client:
            client.wait_for_workers(n, timeout=120)
            client.run(worker_facts)  # the worker processes import pipeline once, as deployed ones have

    def fresh_children(self) -> None:
        """Close the workers' bounded children: the run to measure starts them, as a local run does."""
        from distributed import Client

        from .workers import close_all_children

        with Client(self.address, set_as_default=False, timeout=30) as client:
            client.run(close_all_children)

    def cpu_seconds(self, reaped: bool = False) -> float:
        """CPU time used so far by the scheduler and the Dask worker processes — not by the bounded children
        that read the files: what the cluster itself costs. ``reaped``: plus the children they have reaped
        (closed bounded children and their Tesseracts): everything the cluster spent."""
        tick = os.sysconf("SC_CLK_TCK")
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    pass
        roots = [self.scheduler.pid] + ([self.workers.pid] if self.workers else [])
        found, frontier = set(roots), list(roots)
        while frontier:
            current = frontier.pop()
            for pid, parent in parents.items():
                if parent == current and pid not in found:
                    found.add(pid)
                    frontier.append(pid)
        total = 0.0
        for pid in found:
            try:
                if b"child_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    continue  # a bounded child: it reads files, locally too
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += sum(int(fields[i]) for i in ((11, 12, 13, 14) if reaped else (11, 12))) / tick
            except (OSError, ValueError, IndexError):
                pass
        return total

    def stop_workers(self) -> None:
        if self.workers is not None:
            _stop(self.workers)
            self.workers = None
            time.sleep(1.0)  # the scheduler notices they left

    def close(self) -> None:
        self.stop_workers()
        _stop(self.scheduler)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    import signal

    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(20)
    except (OSError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        proc.wait(10)


def _stamp(line: str) -> Optional[float]:
    """The time of a log line (``2026-12-06 14:09:35,958 INFO …``) in seconds."""
    from datetime import datetime

    try:
        return datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
    except ValueError:
        return None


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(files: list[Path], folder: Path, extra: list[str]) -> tuple[float, Optional[float], int, str, float]:
    """One ``pipeline run --no-report`` over hard links of ``files`` in a fresh folder: its seconds from start
    to exit, the seconds of its extraction phase alone (from the log: "extracting …" to "run N …"), which
    leave out the start-up and, on a cluster, connecting and checking the workers — and the CPU seconds of
    the run and of every process it started and reaped (its bounded workers and their Tesseracts): a figure
    other jobs on a shared machine barely move, unlike the seconds."""
    shutil.rmtree(folder, ignore_errors=True)
    inbox = folder / "inbox"
    _link_all(files, inbox)
    cmd = [sys.executable, "-m", "pipeline", "run", "--inbox", str(inbox), "--data", str(folder / "data"),
           "--out", str(folder / "out"), "--no-report", *extra]
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, env=_env(), capture_output=True, text=True)
    elapsed, cpu = time.perf_counter() - started, _children_cpu() - cpu
    lines = done.stderr.splitlines()
    last = [line for line in lines if "pipeline.batch: run " in line]
    first = [line for line in lines if "pipeline.batch: extracting " in line]
    begin, end = (_stamp(first[0]) if first else None), (_stamp(last[-1]) if last else None)
    phase = round(end - begin, 3) if begin is not None and end is not None else None
    shutil.rmtree(folder, ignore_errors=True)
    return elapsed, phase, done.returncode, (last[-1].split("pipeline.batch: ", 1)[1] if last
                                             else done.stderr.strip()[-300:]), cpu


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2), "max": round(max(values), 2)}


def _load() -> Optional[float]:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def run_bench(count: int, workers: list[int], repeat: int, scan_copies: int, root: Path) -> dict[str, Any]:
    pdfs = text_pdfs(root / "pdf", count)
    scans, pages = scan_pdfs(root / "scans", scan_copies)
    results: dict[str, Any] = {"files": count, "scan_files": len(scans), "scan_pages": pages, "repeat": repeat,
                               "cores": os.cpu_count(), "load_before": _load(), "runs": []}
    print(f"pipeline bench --cluster: {count} text-layer PDFs; {len(scans)} scanned PDFs ({pages} pages); "
          f"{repeat} rounds; load average {results['load_before']}", flush=True)
    cluster = Cluster(root)
    try:
        for rnd in range(1, repeat + 1):
            for n in workers:
                cluster.start_workers(n)
                # unmeasured: deployed workers run for months, their first run after a start is no night's figure
                timed_run(pdfs[:10], root / "run", ["--cluster", cluster.address])
                for kind, inputs in (("text", pdfs), ("ocr", scans)):
                    if not inputs:
                        continue
                    for where in ("local", "cluster") if rnd % 2 else ("cluster", "local"):  # neither always first
                        if where == "cluster":
                            cluster.fresh_children()
                            extra = ["--cluster", cluster.address]
                        else:
                            extra = ["--workers", str(n)]
                        cpu, spent = cluster.cpu_seconds(), cluster.cpu_seconds(reaped=True)
                        seconds, phase, code, line, total = timed_run(inputs, root / "run", extra)
                        if where == "cluster":
                            cluster.fresh_children()  # reaped now: their CPU counts in this run's total
                            cpu = cluster.cpu_seconds() - cpu
                            total += cluster.cpu_seconds(reaped=True) - spent
                        run = {"round": rnd, "kind": kind, "where": where, "workers": n, "seconds": round(seconds, 2),
                               "extraction_seconds": phase, "cpu_seconds": round(total, 2), "exit_code": code,
                               "summary": line, "load": _load(),
                               "dask_cpu_seconds": round(cpu, 2) if where == "cluster" else None}
                        results["runs"].append(run)
                        print(f"  round {rnd}: {kind:4} {where:7} {n} worker(s): {seconds:6.1f} s, extraction "
                              f"{phase if phase is not None else float('nan'):6.1f} s, CPU {total:6.1f} s"
                              + (f", Dask's own CPU {cpu:.2f} s" if where == "cluster" else "")
                              + f" (exit {code}; load {run['load']})", flush=True)
                cluster.stop_workers()
    finally:
        cluster.close()
    return summarize(results, workers)


def _pairs(runs: list[dict[str, Any]], kind: str, n: int, measure: str) -> list[dict[str, float]]:
    """(local, cluster) figures of the same round, for the runs that succeeded."""
    by_round: dict[int, dict[str, float]] = {}
    for r in runs:
        if r["kind"] == kind and r["workers"] == n and r["exit_code"] in (0, 1) and r.get(measure) is not None:
            by_round.setdefault(r["round"], {})[r["where"]] = r[measure]
    return [v for v in by_round.values() if "local" in v and "cluster" in v]


def summarize(results: dict[str, Any], workers: list[int]) -> dict[str, Any]:
    rows = []
    for kind, units in (("text", results["files"]), ("ocr", results["scan_pages"])):
        for n in workers:
            row: dict[str, Any] = {"kind": kind, "workers": n, "units": units}
            for measure in ("seconds", "extraction_seconds", "cpu_seconds"):
                pairs = _pairs(results["runs"], kind, n, measure)
                if not pairs:
                    continue
                local, remote = [p["local"] for p in pairs], [p["cluster"] for p in pairs]
                overhead = [p["cluster"] / p["local"] - 1 for p in pairs]
                row[measure] = {"local": _spread(local), "cluster": _spread(remote),
                                "overhead": {k: round(v, 3) for k, v in _spread(overhead).items()},
                                "local_per_s": round(units / statistics.median(local), 2),
                                "cluster_per_s": round(units / statistics.median(remote), 2)}
            cpu = [r["dask_cpu_seconds"] for r in results["runs"] if r["kind"] == kind and r["workers"] == n
                   and r["where"] == "cluster" and r["exit_code"] in (0, 1) and r.get("dask_cpu_seconds") is not None]
            if cpu:
                row["dask_cpu_ms_per_unit"] = round(1000 * statistics.median(cpu) / units, 1)
            if "seconds" in row:
                rows.append(row)
    results["summary"] = rows
    ocr = [r for r in rows if r["kind"] == "ocr"]
    cpu = [r["cpu_seconds"] for r in results["runs"] if r["kind"] == "ocr" and r["where"] == "cluster"
           and r["exit_code"] in (0, 1) and r.get("cpu_seconds")]
    if cpu and results["scan_pages"]:
        # CPU seconds of whole cluster runs (start-up, Dask and the reading included) per page: what a page
        # costs a core, whatever else shared the machine; wall-clock pages/s beside it for comparison
        per_page = statistics.median(cpu) / results["scan_pages"]
        results["estimate"] = {"cpu_seconds_per_page": round(per_page, 2),
                               "pages_per_second_per_core": round(1 / per_page, 3),
                               "core_hours": round(PROVINCE_PAGES * per_page / 3600, 1),
                               "cores_for_10000_pages_in_8_hours": round(PROVINCE_PAGES * per_page / NIGHT_SECONDS, 2)}
    results["load_after"] = _load()
    return results


def format_table(r: dict[str, Any]) -> str:
    head = ("inbox", "workers", "measure", "local pool s (min–max)", "Dask cluster s (min–max)",
            "overhead median (min–max)", "local / cluster per s")
    lines = [head]
    for row in r["summary"]:
        unit = "files" if row["kind"] == "text" else "pages"
        for measure, label in (("seconds", "whole run"), ("extraction_seconds", "extraction"),
                               ("cpu_seconds", "CPU seconds")):
            if measure not in row:
                continue
            m, o = row[measure], row[measure]["overhead"]
            lines.append((f"{row['units']} {unit} ({row['kind']})", str(row["workers"]), label,
                          f"{m['local']['median']:.1f} ({m['local']['min']:.1f}–{m['local']['max']:.1f})",
                          f"{m['cluster']['median']:.1f} ({m['cluster']['min']:.1f}–{m['cluster']['max']:.1f})",
                          f"{o['median']:+.1%} ({o['min']:+.1%}–{o['max']:+.1%})"
                          + (" met" if o["median"] <= GOAL_OVERHEAD else " MISSED"),
                          f"{m['local_per_s']:.2f} / {m['cluster_per_s']:.2f} {unit}/s"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = ["  ".join(c.ljust(widths[i]) for i, c in enumerate(line)) for line in lines]
    out.insert(1, "-" * len(out[0]))
    for row in r["summary"]:
        if "dask_cpu_ms_per_unit" in row:
            unit = "file" if row["kind"] == "text" else "page"
            out.append(f"Dask's own processes (scheduler, worker, nanny) used {row['dask_cpu_ms_per_unit']:.1f} ms CPU "
                       f"per {unit} ({row['kind']}, {row['workers']} worker(s))")
    est = r.get("estimate")
    if est:
        out.append(f"OCR on the cluster: {est['cpu_seconds_per_page']:.2f} CPU s per page "
                   f"({est['pages_per_second_per_core']:.2f} pages/s per core) -> {PROVINCE_PAGES:,} scanned pages "
                   f"need {est['core_hours']:.1f} core-hours: {est['cores_for_10000_pages_in_8_hours']:.1f} "
                   f"cores busy for an 8-hour night")
    out.append(f"(goal: cluster overhead <= {GOAL_OVERHEAD:.0%} at equal workers; machine: {r['cores']} cores, "
               f"load average {r['load_before']} before, {r.get('load_after')} after)")
    return "\n".join(out)


def main(args: argparse.Namespace) -> int:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("pipeline bench --cluster: needs the 'distributed' package (pip install 'pipeline[cluster]')",
              file=sys.stderr)
        return 2
    from .bench import show_and_save, worker_counts

    workers = worker_counts(args.workers)
    if workers is None or args.files < 1:
        print("pipeline bench --cluster: --files and --workers must be positive", file=sys.stderr)
        return 2
    repeat = max(1, getattr(args, "repeat", 3) or 3)
    root = Path(tempfile.mkdtemp(prefix="bench-cluster-", dir=Path(".bench").resolve() if Path(".bench").is_dir()
                                 else None))
    try:
        results = run_bench(args.files, workers, repeat, max(0, getattr(args, "scan_copies", 1)), root)
    finally:
        if not getattr(args, "keep", False):
            shutil.rmtree(root, ignore_errors=True)
    show_and_save(format_table(results), results, "bench-cluster.json")
    return 2 if any(run["exit_code"] not in (0, 1) for run in results["runs"]) else 0
