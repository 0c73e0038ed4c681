"""milinc benchmark: throughput, memory and start-up, side by side with the tools users glue together.

Usage (from the repository root, with the ``bench`` extra installed)::

    pip install -e ".[bench]"
    python benchmarks/run.py                 # full run: 1 MB and 10 MB corpora (several minutes)
    python benchmarks/run.py --quick         # about 1 MB only, fewer runs (a few minutes)
    python benchmarks/run.py --write-docs    # also rewrite docs/benchmarks.md with the table
    python benchmarks/run.py --profile       # cProfile of milinc.parse on the 1 MB corpus

What is measured, in ONE run, every tool in its own fresh subprocess (so the peak
RSS of each is its own):

* throughput in KB/s (1 KB = 1000 UTF-8 bytes) over a corpus split into articles
  of about 4 KB, the median of several runs after a warm-up, for ``milinc.parse``
  (dates, quantities, weapons, events), ``dateparser.search.search_dates``,
  ``text_to_num.alpha2digit``, spaCy ``fr_core_news_sm`` (``nlp.pipe``) and a
  plain ``re`` scan with a 40-word alternation (the reference);
* the ratio milinc / peer;
* ``import milinc`` and the first ``parse`` of a short text in a fresh process;
* milinc's time per byte on single documents of 10 KB, 100 KB, 1 MB and 10 MB;
* milinc's RSS over a stream of thousands of documents.

A peer that is not installed is skipped, and the table says so.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as _dt
import gc
import importlib
import importlib.metadata
import importlib.util
import io
import json
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT_DIR = HERE / "out"
DOCS_PATH = ROOT / "docs" / "benchmarks.md"
RESULTS_PATH = HERE / "results" / "latest.json"
"""The raw results of the run the docs page shows (written with ``--write-docs``)."""
sys.path.insert(0, str(HERE))

import build_corpus  # noqa: E402  (the benchmark folder is not a package)

REFERENCE_DATE = _dt.date(2024, 3, 15)
"""The reference date given to milinc for every article (a user passes the publication date)."""

SHORT_TEXT = "Lundi soir, au moins huit roquettes ont frappé la base de Tessalit, faisant deux blessés."
"""The short text of the first-parse latency measure."""

REFERENCE_WORDS = (
    "attaque",
    "attentat",
    "frappe",
    "frappes",
    "drone",
    "drones",
    "missile",
    "missiles",
    "roquette",
    "roquettes",
    "obus",
    "mortier",
    "explosion",
    "embuscade",
    "bombardement",
    "tués",
    "morts",
    "blessés",
    "soldats",
    "civils",
    "militaires",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
)
"""The 40 words of the reference ``re`` scan: the cheapest possible 'find the incident words' pass."""

TARGETS = {
    "re": 0.1,  # milinc ≥ 1/10 of the plain re scan
    "spacy": 20.0,  # ≥ 20× spaCy fr_core_news_sm
    "dateparser": 5.0,  # ≥ 5× dateparser.search_dates
}
STARTUP_TARGET_S = 0.3
FLATNESS_TOLERANCE = 0.30
RSS_10MB_TARGET_MB = 400.0
STREAM_GROWTH_TARGET = 0.10


# --------------------------------------------------------------------------- tools


class Tool:
    """One tool of the comparison: how to check it is installed and what it does."""

    def __init__(self, key: str, label: str, does: str, modules: Sequence[str], dist: str | None) -> None:
        self.key = key
        self.label = label
        self.does = does
        self.modules = tuple(modules)
        self.dist = dist

    def missing(self) -> str | None:
        """Why the tool cannot run here, or ``None`` when it can."""
        for module in self.modules:
            if importlib.util.find_spec(module) is None:
                return f"module {module!r} not installed (pip install -e '.[bench]')"
        return None

    def version(self) -> str:
        """The installed version of the tool's distribution."""
        if self.dist is None:
            return f"(Python {platform.python_version()})"
        try:
            return importlib.metadata.version(self.dist)
        except importlib.metadata.PackageNotFoundError:
            return "?"


TOOLS: dict[str, Tool] = {
    t.key: t
    for t in (
        Tool("milinc", "milinc `parse`", "dates, quantities, weapons, events (typed, spans)", ["milinc"], "milinc"),
        Tool("re", "`re` 40-word scan", "reference: one regex, 40 words, no analysis", ["re"], None),
        Tool("dateparser", "dateparser `search_dates`", "dates only (no offsets)", ["dateparser"], "dateparser"),
        Tool("text2num", "text2num `alpha2digit`", "numbers in words → digits only", ["text_to_num"], "text2num"),
        Tool(
            "spacy",
            "spaCy `fr_core_news_sm`",
            "tokens, POS, lemmas, dependencies, NER",
            ["spacy", "fr_core_news_sm"],
            "spacy",
        ),
    )
}

Runner = Callable[[Sequence[str]], dict[str, int]]


def _runner(key: str) -> Runner:
    """Import a tool and return a function processing a batch of articles (counting what it found)."""
    if key == "milinc":
        milinc = importlib.import_module("milinc")

        def run_milinc(articles: Sequence[str]) -> dict[str, int]:
            counts = {"dates": 0, "quantities": 0, "weapons": 0, "events": 0}
            for text in articles:
                doc = milinc.parse(text, reference_date=REFERENCE_DATE)
                counts["dates"] += len(doc.dates)
                counts["quantities"] += len(doc.quantities)
                counts["weapons"] += len(doc.weapons)
                counts["events"] += len(doc.events)
            return counts

        return run_milinc
    if key == "re":
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, REFERENCE_WORDS)) + r")\b", re.IGNORECASE)

        def run_re(articles: Sequence[str]) -> dict[str, int]:
            return {"matches": sum(len([m.span() for m in pattern.finditer(t)]) for t in articles)}

        return run_re
    if key == "dateparser":
        search = importlib.import_module("dateparser.search")

        def run_dateparser(articles: Sequence[str]) -> dict[str, int]:
            found = 0
            for text in articles:
                found += len(search.search_dates(text, languages=["fr"]) or ())
            return {"dates": found}

        return run_dateparser
    if key == "text2num":
        alpha2digit = importlib.import_module("text_to_num").alpha2digit
        digits = re.compile(r"\d+")

        def run_text2num(articles: Sequence[str]) -> dict[str, int]:
            # count digit groups added by the conversion: what it found
            added = 0
            for text in articles:
                added += len(digits.findall(alpha2digit(text, "fr"))) - len(digits.findall(text))
            return {"numbers": added}

        return run_text2num
    if key == "spacy":
        spacy = importlib.import_module("spacy")
        nlp = spacy.load("fr_core_news_sm")

        def run_spacy(articles: Sequence[str]) -> dict[str, int]:
            return {"entities": sum(len(doc.ents) for doc in nlp.pipe(articles))}

        return run_spacy
    raise KeyError(key)


# --------------------------------------------------------------------------- memory


def current_rss_mb() -> float | None:
    """The process's resident set size now, in MB (Linux /proc, else psutil, else ``None``)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, AttributeError):
        pass
    try:
        psutil = importlib.import_module("psutil")
        return float(psutil.Process().memory_info().rss) / 1e6
    except ImportError:
        return None


def peak_rss_mb() -> float | None:
    """The process's peak resident set size so far, in MB.

    On Linux this is ``VmHWM``, the high-water mark of this process image: ``ru_maxrss``
    would also count the parent's memory at the time of the fork.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except (OSError, ValueError):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6


# --------------------------------------------------------------------------- workers (run in subprocesses)


def _load_articles(path: str, max_bytes: int | None) -> list[str]:
    articles: list[str] = json.loads(Path(path).read_text(encoding="utf-8"))
    if max_bytes is None:
        return articles
    kept: list[str] = []
    total = 0
    for a in articles:
        if total >= max_bytes:
            break
        kept.append(a)
        total += build_corpus.utf8_size(a)
    return kept


def worker_throughput(spec: Mapping[str, Any]) -> dict[str, Any]:
    """Process the article corpus *runs* times after a warm-up; report the median throughput."""
    articles = _load_articles(spec["corpus"], spec.get("max_bytes"))
    n_bytes = sum(build_corpus.utf8_size(a) for a in articles)
    rss_start = current_rss_mb()
    t0 = time.perf_counter()
    run = _runner(spec["tool"])
    load_s = time.perf_counter() - t0
    warm = articles[: spec.get("warmup_articles", 10)]
    run(warm)
    rss_ready = current_rss_mb()
    times: list[float] = []
    cpu_times: list[float] = []
    counts: dict[str, int] = {}
    for _ in range(spec["runs"]):
        t, c = time.perf_counter(), time.process_time()
        counts = run(articles)
        times.append(time.perf_counter() - t)
        cpu_times.append(time.process_time() - c)
    return {
        "tool": spec["tool"],
        "articles": len(articles),
        "bytes": n_bytes,
        "times": times,
        "cpu_times": cpu_times,
        **_rates(times, cpu_times, n_bytes),
        "counts": counts,
        "load_s": load_s,
        "rss_start_mb": rss_start,
        "rss_ready_mb": rss_ready,
        "peak_rss_mb": peak_rss_mb(),
    }


def worker_document(spec: Mapping[str, Any]) -> dict[str, Any]:
    """Parse documents of one size with milinc: the same text cut into pieces of that size.

    Small sizes read the whole 1 MB of text as many documents, so every size sees the
    same content and only the size changes.
    """
    documents: list[str] = json.loads(Path(spec["documents"]).read_text(encoding="utf-8"))
    n_bytes = sum(build_corpus.utf8_size(d) for d in documents)
    milinc = importlib.import_module("milinc")
    milinc.parse(SHORT_TEXT, reference_date=REFERENCE_DATE)
    rss_ready = current_rss_mb()
    if len(documents) > 1:
        milinc.parse(documents[0], reference_date=REFERENCE_DATE)  # warm-up
    times: list[float] = []
    cpu_times: list[float] = []
    for _ in range(spec["batches"]):
        t, c = time.perf_counter(), time.process_time()
        for text in documents:
            milinc.parse(text, reference_date=REFERENCE_DATE)
        times.append(time.perf_counter() - t)
        cpu_times.append(time.process_time() - c)
    return {
        "documents": len(documents),
        "bytes": n_bytes,
        "batches": spec["batches"],
        **_rates(times, cpu_times, n_bytes),
        "rss_ready_mb": rss_ready,
        "peak_rss_mb": peak_rss_mb(),
    }


def _rates(times: list[float], cpu_times: list[float], n_bytes: int) -> dict[str, float]:
    """Median durations and throughputs by both clocks (the parent picks one with ``--clock``)."""
    out: dict[str, float] = {}
    for clock, values in (("wall", times), ("cpu", cpu_times)):
        median = max(statistics.median(values), 1e-9)
        out[f"median_s_{clock}"] = median
        out[f"kb_per_s_{clock}"] = n_bytes / 1000 / median
        out[f"us_per_kb_{clock}"] = median / (n_bytes / 1000) * 1e6
    return out


def _use_clock(result: dict[str, Any], clock: str, documents: int = 1) -> dict[str, Any]:
    """Copy the chosen clock's figures to the plain keys the report reads."""
    if "error" not in result:
        result["clock"] = clock
        for key in ("median_s", "kb_per_s", "us_per_kb"):
            result[key] = result[f"{key}_{clock}"]
        result["per_document_s"] = result["median_s"] / max(1, documents)
    return result


def worker_stream(spec: Mapping[str, Any]) -> dict[str, Any]:
    """Parse a long stream of documents with milinc and sample the RSS along the way."""
    articles = _load_articles(spec["corpus"], None)
    milinc = importlib.import_module("milinc")
    n_docs = spec["documents"]
    every = max(1, n_docs // 20)
    samples: list[tuple[int, float | None]] = []
    milinc.parse(SHORT_TEXT, reference_date=REFERENCE_DATE)  # builds the default parser outside the timing
    n_bytes = 0
    t = time.perf_counter()
    for i in range(n_docs):
        text = articles[i % len(articles)]
        milinc.parse(text, reference_date=REFERENCE_DATE)
        n_bytes += build_corpus.utf8_size(text)
        if (i + 1) % every == 0:
            samples.append((i + 1, current_rss_mb()))
    elapsed = time.perf_counter() - t
    return {
        "documents": n_docs,
        "bytes": n_bytes,
        "seconds": elapsed,
        "samples": samples,
        "peak_rss_mb": peak_rss_mb(),
    }


def worker_profile(spec: Mapping[str, Any]) -> dict[str, Any]:
    """cProfile of milinc.parse over the article corpus (after a warm-up)."""
    articles = _load_articles(spec["corpus"], spec.get("max_bytes"))
    milinc = importlib.import_module("milinc")
    for text in articles[:10]:
        milinc.parse(text, reference_date=REFERENCE_DATE)
    profiler = cProfile.Profile()
    t = time.perf_counter()
    profiler.enable()
    for text in articles:
        milinc.parse(text, reference_date=REFERENCE_DATE)
    profiler.disable()
    elapsed = time.perf_counter() - t
    stats = pstats.Stats(profiler)
    stats.dump_stats(str(OUT_DIR / "milinc.prof"))
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total_tt = sum(v[2] for v in raw.values()) or 1e-9
    by_module: dict[str, float] = {}
    functions: list[dict[str, Any]] = []
    for (filename, line, name), (_cc, ncalls, tottime, cumtime, _callers) in raw.items():
        module = _module_of(filename, name)
        by_module[module] = by_module.get(module, 0.0) + tottime
        where = module if filename == "~" or filename.startswith("<") else f"{module}:{line}({name})"
        functions.append({"function": where, "calls": ncalls, "tottime": tottime, "cumtime": cumtime})
    text_out = io.StringIO()
    pstats.Stats(profiler, stream=text_out).sort_stats("cumulative").print_stats(40)
    (OUT_DIR / "profile_cumulative.txt").write_text(text_out.getvalue(), encoding="utf-8")
    return {
        "bytes": sum(build_corpus.utf8_size(a) for a in articles),
        "articles": len(articles),
        "seconds_profiled": elapsed,
        "total_tottime": total_tt,
        "by_module": sorted(by_module.items(), key=lambda kv: -kv[1]),
        "by_tottime": sorted(functions, key=lambda f: -f["tottime"])[:30],
        "by_cumtime": sorted(functions, key=lambda f: -f["cumtime"])[:30],
    }


def _module_of(filename: str, funcname: str) -> str:
    """A short module name for a profiled function's file."""
    if filename == "~":
        # built-in: name the method's owner ("re.Pattern.finditer", "str.translate")
        m = re.match(r"<(?:method|built-in method) '?([\w.]+)'?(?: of '([\w.]+)' objects)?", funcname)
        if m:
            return f"<built-in {m.group(2) + '.' if m.group(2) else ''}{m.group(1)}>"
        return "<built-in>"
    if filename.startswith("<"):
        # code generated at run time ("<attrs generated init milinc.segment.Sentence>")
        return filename.strip("<>")
    path = filename.replace(os.sep, "/")
    for marker in ("/site-packages/", "/src/", "/lib/python"):
        if marker in path:
            tail = path.split(marker, 1)[1]
            if marker == "/lib/python":
                tail = tail.split("/", 1)[1] if "/" in tail else tail
            return tail.removesuffix(".py").replace("/", ".")
    return Path(path).stem


STARTUP_CODE = """
import datetime, json, time
t0, c0 = time.perf_counter(), time.process_time()
import milinc
t1, c1 = time.perf_counter(), time.process_time()
doc = milinc.parse({text!r}, reference_date=datetime.date(2024, 3, 15))
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({{"import_s_wall": t1 - t0, "first_parse_s_wall": t2 - t1, "total_s_wall": t2 - t0,
                  "import_s_cpu": c1 - c0, "first_parse_s_cpu": c2 - c1, "total_s_cpu": c2 - c0,
                  "found": len(doc.dates) + len(doc.quantities) + len(doc.weapons) + len(doc.events)}}))
"""

WORKERS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    "throughput": worker_throughput,
    "document": worker_document,
    "stream": worker_stream,
    "profile": worker_profile,
}


# --------------------------------------------------------------------------- orchestration


class Settings:
    """What one invocation measures (``--quick`` shrinks everything)."""

    def __init__(self, args: argparse.Namespace) -> None:
        quick: bool = args.quick
        self.quick = quick
        self.corpus_sizes = [1_000_000] if quick else [1_000_000, 10_000_000]
        self.document_sizes = [10_000, 100_000, 1_000_000] if quick else [10_000, 100_000, 1_000_000, 10_000_000]
        self.runs = args.runs or 3
        self.big_runs = args.runs or 1  # runs over the 10 MB corpus
        self.peer_runs = args.peer_runs or (2 if quick else 3)
        self.peer_bytes = build_corpus.parse_size(args.peer_bytes or ("200KB" if quick else "1MB"))
        self.stream_documents = args.stream_documents or (600 if quick else 1500)
        self.document_timeout: float = args.document_timeout
        self.startup_runs = 3 if quick else 5
        self.tools = [t.strip() for t in args.tools.split(",")] if args.tools else list(TOOLS)
        self.clock: str = args.clock


def _spawn(kind: str, spec: Mapping[str, Any], timeout: float = 3600) -> dict[str, Any]:
    """Run one worker in a fresh interpreter; its last stdout line is its JSON result.

    A worker still running after *timeout* seconds is stopped; the result then says
    so, with the peak RSS the worker had reached.
    """
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, json.dumps(dict(spec))]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            peak, cpu = _peak_rss_of(proc.pid), _cpu_seconds_of(proc.pid)
            proc.kill()
            proc.communicate()
            return {
                "error": f"stopped after {timeout:.0f} s" + ("" if cpu is None else f" ({cpu:.0f} s CPU)"),
                "timed_out_s": timeout,
                "timed_out_cpu_s": cpu,
                "peak_rss_mb": peak,
            }
    lines = [ln for ln in stdout.splitlines() if ln.strip()]
    if proc.returncode != 0 or not lines:
        err = (stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"worker {kind} failed (exit {proc.returncode}): {err}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _cpu_seconds_of(pid: int) -> float | None:
    """User + system CPU seconds another process has used so far (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _peak_rss_of(pid: int) -> float | None:
    """VmHWM of another process (Linux), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    except (OSError, ValueError):
        pass
    return None


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _prepare_inputs(settings: Settings) -> dict[str, Any]:
    """Write the corpora and single documents the workers read to ``benchmarks/out``."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    corpora: dict[str, Any] = {}
    for size in sorted(set(settings.corpus_sizes)):
        articles = build_corpus.build_articles(size)
        path = OUT_DIR / f"articles_{_size_label(size)}.json"
        path.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
        corpora[str(size)] = {
            "path": str(path),
            "articles": len(articles),
            "bytes": sum(build_corpus.utf8_size(a) for a in articles),
            "digest": build_corpus.corpus_digest(articles),
        }
    documents: dict[str, str] = {}
    if settings.document_sizes:
        total = max(max(settings.document_sizes), 1_000_000)
        text = build_corpus.build_document(total)
        for size in settings.document_sizes:
            # below 1 MB, the first 1 MB cut into documents of that size: same content at every size
            source = text if size >= total else text[: len(build_corpus.build_document(1_000_000))]
            pieces = [source] if size >= len(source.encode("utf-8")) else build_corpus.split_document(source, size)
            path = OUT_DIR / f"documents_{_size_label(size)}.json"
            path.write_text(json.dumps(pieces, ensure_ascii=False), encoding="utf-8")
            documents[str(size)] = str(path)
    return {"corpora": corpora, "documents": documents}


def _size_label(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}MB"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}KB"
    return f"{n}B"


def measure(settings: Settings) -> dict[str, Any]:
    """Run every measurement, each in its own subprocess, and gather the results."""
    inputs = _prepare_inputs(settings)
    smallest = str(min(settings.corpus_sizes))
    results: dict[str, Any] = {
        "settings": {
            "quick": settings.quick,
            "runs": settings.runs,
            "peer_runs": settings.peer_runs,
            "peer_bytes": settings.peer_bytes,
            "clock": settings.clock,
        },
        "machine": _machine(),
        "inputs": inputs,
        "throughput": {},
        "skipped": {},
    }
    for key in settings.tools:
        tool = TOOLS[key]
        why = tool.missing()
        if why:
            results["skipped"][key] = why
            _log(f"[skip] {key}: {why}")
            continue
        is_peer = key not in ("milinc", "re")
        sizes = [smallest] if is_peer else [str(s) for s in settings.corpus_sizes]
        for size in sizes:
            spec = {
                "tool": key,
                "corpus": inputs["corpora"][size]["path"],
                "max_bytes": settings.peer_bytes if is_peer else None,
                "runs": settings.peer_runs
                if is_peer
                else (settings.runs if int(size) <= 1_000_000 else settings.big_runs),
                "warmup_articles": 5 if is_peer else 20,
            }
            _log(f"[run] {key} on the {_size_label(int(size))} corpus …")
            res = _use_clock(_spawn("throughput", spec), settings.clock)
            res["version"] = tool.version()
            results["throughput"].setdefault(key, {})[size] = res
            if "error" in res:
                _log(f"  error: {res['error']}")
            else:
                _log(
                    f"  {res['kb_per_s']:.0f} KB/s over {res['bytes'] / 1e6:.2f} MB, peak RSS {res['peak_rss_mb']:.0f} MB"
                )
    if "milinc" in settings.tools and not TOOLS["milinc"].missing():
        results["startup"] = _measure_startup(settings.startup_runs, settings.clock)
        results["documents"] = {}
        for size, path in inputs["documents"].items():
            _log(f"[run] milinc on one {_size_label(int(size))} document …")
            spec = {"documents": path, "batches": 1 if int(size) >= 10_000_000 else 3}
            res = _spawn("document", spec, timeout=settings.document_timeout)
            results["documents"][size] = _use_clock(res, settings.clock, res.get("documents", 1))
        _log(f"[run] milinc on a stream of {settings.stream_documents} documents …")
        results["stream"] = _spawn(
            "stream", {"corpus": inputs["corpora"][smallest]["path"], "documents": settings.stream_documents}
        )
    return results


def _measure_startup(runs: int, clock: str) -> dict[str, Any]:
    """``import milinc`` + first parse in fresh interpreters.

    One priming run fills the disk caches a first use leaves behind, as on a user's
    machine: lark's grammar tables, milinc's compiled regexes, and Python's bytecode
    (``PYTHONDONTWRITEBYTECODE`` is dropped for these runs: ``pip install`` compiles
    bytecode too, so a user never pays for it at import).
    """
    _log(f"[run] milinc import + first parse in {runs} fresh processes …")
    code = STARTUP_CODE.format(text=SHORT_TEXT)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    samples: list[dict[str, float]] = []
    for i in range(runs + 1):
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False, env=env
        )
        wall = time.perf_counter() - t
        if proc.returncode != 0:
            return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
        sample = json.loads(proc.stdout.strip().splitlines()[-1])
        sample["process_wall_s"] = wall
        if i > 0:  # the first run may compile the grammars and write lark's cache
            samples.append(sample)
        else:
            first_ever = sample
    out: dict[str, Any] = {
        "runs": runs,
        "clock": clock,
        "priming": first_ever,
        **{k: statistics.median(s[k] for s in samples) for k in samples[0]},
    }
    for key in ("import_s", "first_parse_s", "total_s"):
        out[key] = out[f"{key}_{clock}"]
        first_ever[key] = first_ever[f"{key}_{clock}"]
    return out


def _machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = (0.0, 0.0, 0.0)
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": f"{platform.system()} {platform.release()}",
        "lark": _version("lark"),
        "milinc": _version("milinc"),
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "loadavg_start": load,
        "commit": _git_commit(),
    }


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT, check=False
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], capture_output=True, text=True, cwd=ROOT, check=False
        )
        return out.stdout.strip() + (" (+ uncommitted changes in src/)" if dirty.stdout.strip() else "")
    except OSError:
        return "?"


# --------------------------------------------------------------------------- report


def _fmt(x: float | None, digits: int = 0) -> str:
    if x is None:
        return "–"
    return f"{x:,.{digits}f}".replace(",", " ")


def _ok(passed: bool | None) -> str:
    return "–" if passed is None else ("✅ met" if passed else "❌ missed")


def evaluate_targets(results: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 10 with the measured value and whether it holds."""
    rows: list[dict[str, Any]] = []
    thr = results.get("throughput", {})
    smallest = str(min(int(s) for s in results["inputs"]["corpora"]))
    milinc_kbps = thr.get("milinc", {}).get(smallest, {}).get("kb_per_s")
    for peer, target in TARGETS.items():
        peer_kbps = thr.get(peer, {}).get(smallest, {}).get("kb_per_s")
        ratio = milinc_kbps / peer_kbps if milinc_kbps and peer_kbps else None
        label = TOOLS[peer].label
        want = f"≥ {target:g}×" if target >= 1 else f"≥ 1/{1 / target:g}"
        shown = None if ratio is None else (f"{ratio:.2f}×" if ratio < 10 else f"{ratio:.0f}×")
        rows.append(
            {
                "target": f"milinc throughput vs {label}",
                "want": want,
                "measured": shown or ("skipped" if peer in results.get("skipped", {}) else "–"),
                "passed": None if ratio is None else ratio >= target,
            }
        )
    startup = results.get("startup", {})
    total = startup.get("total_s")
    rows.append(
        {
            "target": "`import milinc` + first `parse`, fresh process",
            "want": f"< {STARTUP_TARGET_S} s",
            "measured": "–" if total is None else f"{total:.3f} s",
            "passed": None if total is None else total < STARTUP_TARGET_S,
        }
    )
    all_docs = {int(k): v for k, v in results.get("documents", {}).items()}
    docs = {k: v for k, v in all_docs.items() if "us_per_kb" in v}
    timed_out = {k: v for k, v in all_docs.items() if "timed_out_s" in v}
    if len(docs) >= 2 or (docs and timed_out):
        base = docs[min(docs)]["us_per_kb"]
        worst = max((v["us_per_kb"] / base for v in docs.values()), key=lambda r: abs(r - 1))
        measured = f"{worst - 1:+.0%} (worst size vs smallest)"
        passed = abs(worst - 1) <= FLATNESS_TOLERANCE
        clock = results["settings"].get("clock", "wall")
        for size, v in sorted(timed_out.items()):
            # a parse stopped after T seconds took at least T: a lower bound on its time per byte
            spent = v.get("timed_out_cpu_s") if clock == "cpu" else v["timed_out_s"]
            if spent is None:
                measured += f"; {_size_label(size)}: unfinished after {v['timed_out_s']:.0f} s (wall)"
                passed = False
                continue
            bound = spent / (size / 1000) * 1e6 / base
            measured += f"; {_size_label(size)}: ≥ {bound - 1:+.0%} (stopped after {spent:.0f} s {clock})"
            passed = passed and bound - 1 <= FLATNESS_TOLERANCE
        rows.append(
            {
                "target": f"time per byte flat, {_size_label(min(all_docs))} → {_size_label(max(all_docs))}",
                "want": f"within ±{FLATNESS_TOLERANCE:.0%}",
                "measured": measured,
                "passed": passed,
            }
        )
    big = all_docs.get(10_000_000)
    big_rss = None if big is None else big.get("peak_rss_mb")
    if big is None:
        shown = "not measured (--quick)"
    elif big_rss is None:
        shown = "–"
    else:
        shown = f"{big_rss:.0f} MB" + (" (when stopped)" if "timed_out_s" in big else "")
    rows.append(
        {
            "target": "peak RSS, one 10 MB document",
            "want": f"< {RSS_10MB_TARGET_MB:.0f} MB",
            "measured": shown,
            "passed": _rss_verdict(big, big_rss),
        }
    )
    growth = _stream_growth(results.get("stream", {}))
    rows.append(
        {
            "target": "RSS flat over a stream of documents",
            "want": f"growth ≤ {STREAM_GROWTH_TARGET:.0%}",
            "measured": "–" if growth is None else f"{growth:+.1%}",
            "passed": None if growth is None else growth <= STREAM_GROWTH_TARGET,
        }
    )
    return rows


def _rss_verdict(result: Mapping[str, Any] | None, peak: float | None) -> bool | None:
    """Whether a peak RSS meets the target; unknown when the parse was stopped below it."""
    if result is None or peak is None:
        return None
    if "timed_out_s" in result and peak < RSS_10MB_TARGET_MB:
        return None
    return peak < RSS_10MB_TARGET_MB


def _stream_growth(stream: Mapping[str, Any]) -> float | None:
    """RSS growth from the first 10 % of the stream to its end."""
    samples = [rss for _, rss in stream.get("samples", []) if rss is not None]
    if len(samples) < 3:
        return None
    early = samples[max(1, len(samples) // 10) - 1]
    return float(samples[-1] / early - 1)


def render_markdown(results: Mapping[str, Any], profile: Mapping[str, Any] | None = None) -> str:
    """The docs' Benchmarks page."""
    m = results["machine"]
    corpora = results["inputs"]["corpora"]
    smallest = str(min(int(s) for s in corpora))
    thr = results.get("throughput", {})
    milinc_kbps = thr.get("milinc", {}).get(smallest, {}).get("kb_per_s")
    out: list[str] = []
    w = out.append
    w("# Benchmarks\n")
    w("<!-- generated by `python benchmarks/run.py --write-docs`; do not edit by hand -->\n")
    w(
        "How fast milinc reads French incident reporting, next to the tools a user would otherwise glue "
        "together on the same text. milinc does far more per byte than any single peer: dates, quantities, "
        "weapons and events, typed, with spans into the original text.\n"
    )
    w("## Machine and run\n")
    w("| | |\n|---|---|")
    w(f"| date | {m['date']} |")
    w(f"| cores | **{m['cores']}** ({m['cpu']}) |")
    w(f"| load average at start | {' / '.join(f'{x:.2f}' for x in m['loadavg_start'])} |")
    w(f"| Python | {m['implementation']} {m['python']}, {m['system']} |")
    w(f"| milinc | {m['milinc']} (commit {m['commit']}), lark {m['lark']} |")
    s = results["settings"]
    w(
        f"| mode | {'`--quick`' if s['quick'] else 'full'}: milinc and `re` median of {s['runs']} runs, "
        f"peers median of {s['peer_runs']} runs on the first {s['peer_bytes'] / 1e6:g} MB, after a warm-up |"
    )
    clock = s.get("clock", "wall")
    w(
        "| clock | "
        + (
            "**CPU time** of the measuring process (`time.process_time`): the machine is shared, so wall time "
            "would count other people's work; KB/s is per core. `--clock wall` for wall time |\n"
            if clock == "cpu"
            else "wall clock (`time.perf_counter`) |\n"
        )
    )
    w(
        "Corpus: a deterministic stream of articles of about 4 KB (`benchmarks/build_corpus.py`): every fifth is "
        "one of the seed articles, the others are assembled from original French incident-report paragraphs "
        "(`benchmarks/filler_fr.txt`) with random numbers, dates and weekdays. 1 KB = 1000 UTF-8 bytes.\n"
    )
    w("| corpus | articles | bytes | digest |\n|---|---:|---:|---|")
    for size, c in sorted(corpora.items(), key=lambda kv: int(kv[0])):
        w(f"| {_size_label(int(size))} | {c['articles']} | {_fmt(c['bytes'])} | `{c['digest']}` |")
    w("")
    w("## Throughput, side by side\n")
    w(
        "Each tool runs in its own fresh process over the articles one by one (spaCy through `nlp.pipe`). "
        "Peak RSS is that process's maximum resident memory (interpreter, libraries, corpus and all).\n"
    )
    clock_name = "CPU" if results["settings"].get("clock") == "cpu" else "wall"
    w(
        f"| tool | what it produces | corpus | KB/s ({clock_name}) | milinc / tool | KB/s (wall) | peak RSS (MB) | found |"
    )
    w("|---|---|---|---:|---:|---:|---:|---|")
    for key, tool in TOOLS.items():
        if key in results.get("skipped", {}):
            w(f"| {tool.label} | {tool.does} | – | skipped: {results['skipped'][key]} | – | – | – | – |")
            continue
        for size, r in sorted(thr.get(key, {}).items(), key=lambda kv: int(kv[0])):
            if "error" in r:
                w(f"| {tool.label} | {tool.does} | – | error: {r['error']} | – | – | – | – |")
                continue
            # compare with milinc on the same corpus when it read that one too
            mine = thr.get("milinc", {}).get(size, {}).get("kb_per_s") or milinc_kbps
            ratio = "–" if key == "milinc" or not mine else _ratio(mine / r["kb_per_s"])
            found = ", ".join(f"{v} {k}" for k, v in r["counts"].items())
            w(
                f"| {tool.label} {r['version']} | {tool.does} | {r['bytes'] / 1e6:.2f} MB, {r['articles']} articles "
                f"| {_fmt(r['kb_per_s'])} | {ratio} | {_fmt(r.get('kb_per_s_wall'))} | {_fmt(r['peak_rss_mb'])} "
                f"| {found} |"
            )
    w("")
    w("## Targets (issue 10)\n")
    w("| target | wanted | measured | |\n|---|---|---|---|")
    for row in evaluate_targets(results):
        w(f"| {row['target']} | {row['want']} | {row['measured']} | {_ok(row['passed'])} |")
    w("")
    startup = results.get("startup")
    if startup and "error" not in startup:
        w("## Start-up in a fresh process\n")
        w(
            f"Median of {startup['runs']} fresh interpreters, after one priming run that fills the disk caches a "
            "first use leaves behind (lark's grammar tables, milinc's compiled regexes in `~/.cache/milinc`, "
            f"Python's bytecode, as `pip install` writes it); {startup.get('clock', 'wall')} time (wall: {startup.get('total_s_wall', 0):.3f} s "
            "for both).\n"
        )
        w(
            "| `import milinc` | first `parse` (short text) | both | whole process (interpreter included) | priming run |"
        )
        w("|---:|---:|---:|---:|---:|")
        w(
            f"| {startup['import_s']:.3f} s | {startup['first_parse_s']:.3f} s | **{startup['total_s']:.3f} s** | "
            f"{startup['process_wall_s']:.3f} s | {startup['priming']['total_s']:.3f} s |\n"
        )
    docs = results.get("documents")
    if docs:
        w("## Time per byte by document size\n")
        w(
            "The same text (the first 1 MB of the article stream; 10 MB for a 10 MB document) cut into "
            "documents of each size and parsed one by one by `milinc.parse` in a fresh process, so only the "
            "size changes, not the content.\n"
        )
        w(
            "| document size | documents | time per document | µs per KB | vs smallest | KB/s "
            "| RSS before parsing (MB) | peak RSS (MB) |"
        )
        w("|---|---:|---:|---:|---:|---:|---:|---:|")
        valid = {int(k): v for k, v in docs.items() if "us_per_kb" in v}
        base = valid[min(valid)]["us_per_kb"] if valid else None
        for size, r in sorted(docs.items(), key=lambda kv: int(kv[0])):
            if "error" in r:
                w(f"| {_size_label(int(size))} | {r['error']} | | | | | | {_fmt(r.get('peak_rss_mb'))} |")
                continue
            rel = f"{r['us_per_kb'] / base:.2f}×" if base else "–"
            w(
                f"| {_size_label(int(size))} | {r['documents']} | {r['per_document_s']:.4f} s "
                f"| {_fmt(r['us_per_kb'])} | {rel} | "
                f"{_fmt(r['kb_per_s'])} | {_fmt(r['rss_ready_mb'])} | {_fmt(r['peak_rss_mb'])} |"
            )
        w("")
    stream = results.get("stream")
    if stream and "samples" in stream:
        w("## Memory over a stream of documents\n")
        w(
            f"{stream['documents']} articles ({stream['bytes'] / 1e6:.1f} MB) parsed one after the other in one "
            f"process ({stream['bytes'] / 1000 / stream['seconds']:.0f} KB/s); RSS sampled along the way.\n"
        )
        picked = stream["samples"][:: max(1, len(stream["samples"]) // 6)]
        if picked[-1] != stream["samples"][-1]:
            picked.append(stream["samples"][-1])
        w("| documents parsed | " + " | ".join(str(n) for n, _ in picked) + " |")
        w("|---|" + "---:|" * len(picked))
        w("| RSS (MB) | " + " | ".join(_fmt(r, 1) for _, r in picked) + " |\n")
    if profile and "by_module" in profile:
        w(render_profile(profile))
    w("## Reproduce\n")
    w(
        '```bash\npip install -e ".[bench]"\npython benchmarks/run.py --write-docs        # full run\n'
        "python benchmarks/run.py --quick               # a few minutes\n"
        "python benchmarks/run.py --profile             # where milinc's time goes\n"
        "python benchmarks/run.py --from-json benchmarks/results/latest.json --write-docs  # this page again\n"
        "python benchmarks/engine_equivalence.py        # the engine's fast paths find what lark finds\n```\n"
    )
    w(
        "Peers that are not installed are skipped and listed as such. The machine is shared with other work, "
        "so compare ratios from one run rather than absolute KB/s across runs.\n"
    )
    return "\n".join(out)


def _ratio(r: float) -> str:
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


def render_profile(profile: Mapping[str, Any]) -> str:
    """A markdown summary of where milinc's time goes."""
    total = profile["total_tottime"]
    lines = [
        "## Where milinc's time goes (cProfile)\n",
        f"`milinc.parse` over {profile['articles']} articles ({profile['bytes'] / 1e6:.2f} MB), "
        f"{profile['seconds_profiled']:.2f} s under the profiler. Own time (excluding callees) by module:\n",
        "| module | own time (s) | share |",
        "|---|---:|---:|",
    ]
    for module, tt in profile["by_module"][:15]:
        lines.append(f"| `{module}` | {tt:.3f} | {tt / total:.1%} |")
    lines += [
        "",
        "Functions by cumulative time:\n",
        "| function | calls | cumulative (s) | own (s) |",
        "|---|---:|---:|---:|",
    ]
    for f in profile["by_cumtime"][:20]:
        lines.append(f"| `{f['function']}` | {f['calls']} | {f['cumtime']:.3f} | {f['tottime']:.3f} |")
    lines.append("")
    return "\n".join(lines)


def render_console(results: Mapping[str, Any]) -> str:
    """A short plain-text summary for the terminal."""
    lines = []
    smallest = str(min(int(s) for s in results["inputs"]["corpora"]))
    m = results["machine"]
    lines.append(f"machine: {m['cores']} cores, {m['cpu']}, Python {m['python']}, {m['date']}")
    lines.append(f"{'tool':<14}{'MB read':>10}{'KB/s':>12}{'milinc/tool':>14}{'peak RSS MB':>14}")
    thr = results.get("throughput", {})
    milinc_kbps = thr.get("milinc", {}).get(smallest, {}).get("kb_per_s")
    for key in TOOLS:
        if key in results.get("skipped", {}):
            lines.append(f"{key:<14}  skipped: {results['skipped'][key]}")
        for size, r in sorted(thr.get(key, {}).items(), key=lambda kv: int(kv[0])):
            if "error" in r:
                lines.append(f"{key:<14}  error: {r['error']}")
                continue
            mine = thr.get("milinc", {}).get(size, {}).get("kb_per_s") or milinc_kbps
            ratio = "" if key == "milinc" or not mine else _ratio(mine / r["kb_per_s"])
            lines.append(
                f"{key:<14}{r['bytes'] / 1e6:>10.2f}{r['kb_per_s']:>12.0f}{ratio:>14}{r['peak_rss_mb']:>14.0f}"
            )
    lines.append("targets:")
    for row in evaluate_targets(results):
        lines.append(f"  {_ok(row['passed']):<10} {row['target']}: {row['measured']} (wanted {row['want']})")
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description="milinc benchmark against dateparser, text2num, spaCy and re.")
    ap.add_argument("--quick", action="store_true", help="about 1 MB only, fewer runs")
    ap.add_argument("--tools", help=f"comma-separated subset of {','.join(TOOLS)}")
    ap.add_argument("--runs", type=int, help="timed runs for milinc and re (median)")
    ap.add_argument("--peer-runs", type=int, help="timed runs for the peers (median)")
    ap.add_argument("--peer-bytes", help="how much of the corpus the (slow) peers read, e.g. 500KB")
    ap.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="time by the process's CPU time (default: steady on a shared machine) or by the wall clock",
    )
    ap.add_argument(
        "--document-timeout",
        type=float,
        default=900.0,
        help="seconds after which one document-size measure is stopped (default 900)",
    )
    ap.add_argument("--stream-documents", type=int, help="documents in the memory-over-a-stream measure")
    ap.add_argument(
        "--write-docs", nargs="?", const=str(DOCS_PATH), help="write the markdown page (default docs/benchmarks.md)"
    )
    ap.add_argument(
        "--json", help="also write the raw results as JSON to this path (with --write-docs: benchmarks/results/latest.json)"
    )
    ap.add_argument("--from-json", help="render results saved with --json again, without measuring")
    ap.add_argument("--profile", action="store_true", help="profile milinc.parse on the 1 MB corpus")
    ap.add_argument("--profile-only", action="store_true", help="only the profile, no benchmark")
    ap.add_argument("--worker", nargs=2, metavar=("KIND", "SPEC"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        kind, spec = args.worker
        gc.collect()
        print(json.dumps(WORKERS[kind](json.loads(spec))))
        return 0

    if args.from_json:
        saved = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
        print(render_console(saved))
        if args.write_docs:
            Path(args.write_docs).write_text(render_markdown(saved, saved.get("profile")), encoding="utf-8")
            _log(f"wrote {args.write_docs}")
        return 0
    settings = Settings(args)
    unknown = [t for t in settings.tools if t not in TOOLS]
    if unknown:
        ap.error(f"unknown tools: {', '.join(unknown)}")
    profile: dict[str, Any] | None = None
    if args.profile_only:
        settings.tools, settings.corpus_sizes, settings.document_sizes = [], [1_000_000], []
    results = measure(settings)
    if args.profile or args.profile_only:
        _log("[run] cProfile of milinc.parse on the 1 MB corpus …")
        profile = _spawn("profile", {"corpus": results["inputs"]["corpora"]["1000000"]["path"]})
        results["profile"] = profile
        if "error" not in profile:
            print(render_profile(profile))
            _log(
                f"(pstats dump in {OUT_DIR / 'milinc.prof'}, cumulative listing in {OUT_DIR / 'profile_cumulative.txt'})"
            )
    if not args.profile_only:
        print(render_console(results))
    json_path = args.json
    if args.write_docs and not args.profile_only and not json_path:
        json_path = str(RESULTS_PATH)  # the page and the raw results it was rendered from stay together
    if json_path:
        Path(json_path).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
        _log(f"wrote {json_path}")
    if args.write_docs and not args.profile_only:
        path = Path(args.write_docs)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_markdown(results, profile), encoding="utf-8")
        _log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
