"""Time the dates stage alone (``DateExtractor``) over the 1 MB benchmark corpus.

The other stages are not run: each article's context (normalized text, sentences) is built
before the clock starts, then the dates stage does what the pipeline asks of it — the
dateline (``find_reference_date``) when no reference date is given, and ``extract``.

To compare two versions of milinc in one run (the machine is shared and noisy: only ratios
measured together mean something), give the ``src`` directory of the other version; the
script alternates the two, each in a fresh process, and prints the ratio of the medians::

    git archive main src | tar -x -C /tmp/milinc-main
    python benchmarks/dates_stage.py --against /tmp/milinc-main/src --rounds 5

A ratio above 1 means this checkout's dates stage takes longer per MB than the other one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"


def _time_once(size: int, repeat: int) -> dict[str, float]:
    """Seconds of CPU the dates stage takes over the corpus (best of *repeat*), in this process."""
    sys.path.insert(0, str(HERE))
    from build_corpus import build_articles, utf8_size

    try:  # the context moved out of the pipeline module in a later version
        from milinc.context import ExtractionContext  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from milinc.pipeline import ExtractionContext  # type: ignore[attr-defined,no-redef,unused-ignore]
    from milinc.dates import DateExtractor
    from milinc.extensions import NO_EXTENSIONS

    articles = build_articles(size)
    extractor = DateExtractor(NO_EXTENSIONS)
    contexts = [ExtractionContext.for_text(a) for a in articles]
    for ctx in contexts:  # the sentence split is the pipeline's work, not the dates stage's
        _ = ctx.sentences
    best = float("inf")
    mentions = 0
    for _ in range(repeat):
        for ctx in contexts:
            ctx.reference_date = None
        t0 = time.process_time()
        found = 0
        for ctx in contexts:
            ctx.reference_date = extractor.find_reference_date(ctx)
            found += len(extractor.extract(ctx))
        best = min(best, time.process_time() - t0)
        mentions = found
    mb = sum(utf8_size(a) for a in articles) / 1e6
    return {"seconds": best, "mb": mb, "seconds_per_mb": best / mb, "mentions": float(mentions)}


def _run(src: Path, size: int, repeat: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--size", str(size), "--repeat", str(repeat)],
        env=env, check=True, capture_output=True, text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="the src directory of the version to compare with")
    parser.add_argument("--size", type=int, default=1_000_000, help="corpus size in bytes (default 1 MB)")
    parser.add_argument("--rounds", type=int, default=5, help="alternations of the two versions")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the corpus per process (best kept)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_time_once(args.size, args.repeat)))
        return 0
    versions = {"this": SRC, **({"other": args.against} if args.against else {})}
    times: dict[str, list[float]] = {name: [] for name in versions}
    for round_ in range(args.rounds):
        for name, src in (versions.items() if round_ % 2 == 0 else reversed(versions.items())):
            result = _run(src, args.size, args.repeat)
            times[name].append(result["seconds_per_mb"])
            print(f"round {round_ + 1} {name:5s} {result['seconds_per_mb']:.3f} s/MB "
                  f"({result['mentions']:.0f} mentions)", flush=True)
    for name, values in times.items():
        print(f"{name:5s} median {statistics.median(values):.3f} s/MB")
    if args.against:
        ratio = statistics.median(times["this"]) / statistics.median(times["other"])
        print(f"ratio this/other {ratio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
