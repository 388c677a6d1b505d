"""One-run benchmark: the scan floor, the spaCy peer, our full build and an incremental run, side by side.

Usage: python benchmarks/run.py [--quick] [--sizes 20000 100000] [--out docs/performance.md]

For each size it writes a synthetic corpus (benchmarks/make_corpus.py), then times in separate processes:
1. floor: DuckDB reads every file and makes one regexp pass (benchmarks/floor.py);
2. peer: spaCy blank English + sentencizer + PhraseMatcher over the same aliases, numbers by regex, rows into
   DuckDB (benchmarks/peer_spacy.py; needs `pip install spacy`);
3. full: our build as `make run` does it, Dagster included (python -m orchestration.build);
4. incremental: the same warehouse after adding 1% new articles.
Wall time, CPU time (user + system) and peak RSS come from GNU time; the publish step's seconds from the
metadata the published_warehouse asset records in the run's Dagster instance. Prints a Markdown table and, with --out,
writes it into the file between the BENCHMARK markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
MARK_START, MARK_END = "<!-- BENCHMARK:START -->", "<!-- BENCHMARK:END -->"


def timed(command: list[str], env: dict | None = None) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one command, from GNU time's -v report."""
    result = subprocess.run(
        ["/usr/bin/time", "-v", *command], cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    report = result.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", report)
    hours, minutes, seconds = (float(g or 0) for g in wall.groups())
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", report).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", report).group(1))
    rss = float(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
    return {"wall": hours * 3600 + minutes * 60 + seconds, "cpu": user + system, "rss": rss}


def publish_seconds(dagster_home: str) -> float:
    """The publish step of the instance's last run, as the published_warehouse asset measured it."""
    from dagster import AssetKey

    from orchestration.build import dagster_instance

    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = dagster_home
    try:
        with dagster_instance() as instance:
            event = instance.get_latest_materialization_event(AssetKey(["published_warehouse"]))
            return event.asset_materialization.metadata["publish_seconds"].value
    finally:
        if previous is None:
            os.environ.pop("DAGSTER_HOME")
        else:
            os.environ["DAGSTER_HOME"] = previous


def progress(size: int, name: str, row: dict[str, float]) -> dict[str, float]:
    """Report each measurement as it lands: a 100,000-article run takes a while."""
    print(
        f"{size:,} {name}: {row['wall']:.1f} s wall, {row['cpu']:.1f} s CPU, {row['rss']:.0f} MB",
        file=sys.stderr,
        flush=True,
    )
    return row


def corpus_size(directory: Path) -> tuple[float, int]:
    total_bytes, words = 0, 0
    for path in directory.iterdir():
        data = path.read_bytes()
        total_bytes += len(data)
        words += len(data.split())
    return total_bytes / 1e6, words


def bench(size: int, scratch: Path) -> dict:
    articles, warehouse = scratch / f"articles_{size}", scratch / f"warehouse_{size}" / "news.duckdb"
    subprocess.run([PYTHON, "benchmarks/make_corpus.py", str(size), str(articles)], cwd=ROOT, check=True)
    megabytes, words = corpus_size(articles)
    # `make run` records each run in a Dagster instance; the benchmark's runs go to one of their own, not the UI's
    env = {
        "NEWS_ARTICLES_DIR": str(articles),
        "NEWS_WAREHOUSE_PATH": str(warehouse),
        "DAGSTER_HOME": str(scratch / f"dagster_home_{size}"),
    }
    rows = {
        "floor": progress(size, "floor", timed([PYTHON, "benchmarks/floor.py", str(articles)])),
        "peer": progress(
            size,
            "peer",
            timed([PYTHON, "benchmarks/peer_spacy.py", str(articles), str(scratch / f"peer_{size}.duckdb")]),
        ),
        "full": progress(size, "full", timed([PYTHON, "-m", "orchestration.build"], env)),
    }
    rows["full"]["publish"] = publish_seconds(env["DAGSTER_HOME"])
    added = max(1, size // 100)
    subprocess.run(
        [PYTHON, "benchmarks/make_corpus.py", str(added), str(articles), "--seed", "8", "--start", str(size)],
        cwd=ROOT,
        check=True,
    )
    rows["incremental"] = progress(size, "incremental", timed([PYTHON, "-m", "orchestration.build"], env))
    rows["incremental"]["publish"] = publish_seconds(env["DAGSTER_HOME"])
    shutil.rmtree(articles)
    return {"size": size, "megabytes": megabytes, "words": words, "added": added, "rows": rows}


def table(results: list[dict]) -> str:
    lines = [
        "| articles | MB | words | run | wall s | CPU s | peak RSS MB | publish s | full/floor | full/peer | incr/full |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        rows = result["rows"]
        full = rows["full"]["wall"]
        ratios = (
            f"{full / rows['floor']['wall']:.1f}",
            f"{full / rows['peer']['wall']:.2f}",
            f"{rows['incremental']['wall'] / full:.2f}",
        )
        for name, row in rows.items():
            label = f"{name} (+{result['added']})" if name == "incremental" else name
            tail = " | ".join(ratios) if name == "full" else " |  |  "
            publish = f"{row['publish']:.2f}" if "publish" in row else ""
            lines.append(
                f"| {result['size']:,} | {result['megabytes']:.0f} | {result['words']:,} | {label} | "
                f"{row['wall']:.1f} | {row['cpu']:.1f} | {row['rss']:.0f} | {publish} | {tail} |"
            )
    return "\n".join(lines)


def verdicts(results: list[dict]) -> str:
    """Issue 6's targets, read at 20,000 articles when measured (else the first size); growth compares the
    largest size with the smallest."""
    rows = next((r for r in results if r["size"] == 20_000), results[0])["rows"]
    full = rows["full"]["wall"]
    checks = [
        ("full build <= 0.5x peer", full / rows["peer"]["wall"], 0.5, "x"),
        ("full build <= 10x floor", full / rows["floor"]["wall"], 10, "x"),
        ("incremental <= 10% of full", rows["incremental"]["wall"] / full, 0.10, ""),
        ("peak RSS <= 2 GB", max(rows["full"]["rss"], rows["incremental"]["rss"]) / 1024, 2, " GB"),
    ]
    largest = results[-1]
    checks.append(
        (f"publish <= 1 s at {largest['size']:,} (incremental run)", largest["rows"]["incremental"]["publish"], 1, " s")
    )
    if len(results) > 1:
        first, last = results[0], results[-1]
        checks.append(
            (
                f"{last['size']:,} <= 5x the {first['size']:,} time",
                last["rows"]["full"]["wall"] / first["rows"]["full"]["wall"],
                5,
                "x",
            )
        )
    lines = ["| target | measured | met |", "| --- | --- | --- |"]
    lines += [
        f"| {name} | {value:.2f}{unit} | {'yes' if value <= bound else 'no'} |" for name, value, bound, unit in checks
    ]
    return "\n".join(lines)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = (
        int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
        / 1024
        / 1024
    )
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="floor vs peer vs our build")
    parser.add_argument("--quick", action="store_true", help="one size of 2,000 articles")
    parser.add_argument("--sizes", type=int, nargs="*", default=[20_000, 100_000])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    sizes = [2_000] if args.quick else args.sizes
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as scratch:
        results, failures = [], []
        for size in sizes:
            try:
                results.append(bench(size, Path(scratch)))
            except RuntimeError as error:  # report the sizes that ran; say which did not
                failures.append(f"{size:,} articles: {str(error).splitlines()[0]} (see stderr)")
                print(error, file=sys.stderr)
    if not results:
        print("\n".join(failures), file=sys.stderr)
        return 1
    report = f"Machine: {machine()}\n\n{table(results)}\n\n{verdicts(results)}"
    if len(results) > 1:
        first, last = results[0], results[-1]
        report += (
            f"\n\nGrowth: {last['size']:,} articles take {last['rows']['full']['wall'] / first['rows']['full']['wall']:.2f}x "
            f"the time of {first['size']:,} ({last['size'] / first['size']:.0f}x the articles)."
        )
    report += "".join(f"\n\nFailed: {failure}" for failure in failures)
    print(report)
    if args.out:
        text = args.out.read_text(encoding="utf-8")
        start, end = text.index(MARK_START) + len(MARK_START), text.index(MARK_END)
        args.out.write_text(text[:start] + "\n" + report + "\n" + text[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
