#!/usr/bin/env python3
"""Medians and ratios of scripts/bench-spark.sh's raw rows (results/spark/spark-timing.tsv), as Markdown."""
import os
import platform
import statistics
import subprocess
import sys

res = sys.argv[1] if len(sys.argv) > 1 else "results/spark"
runs = {}
for line in open(os.path.join(res, "spark-timing.tsv")):
    if not line.strip():
        continue
    what, n, t, wall, rss, size, user, sys_s, first, rest = line.rstrip("\n").split("\t")
    runs.setdefault((what, int(t)), []).append(dict(
        n=int(n), wall=float(wall), rss=int(rss) / 1024, size=int(size), cpu=float(user) + float(sys_s),
        first=float(first) if first != "-" else None, rest=float(rest) if rest != "-" else None))


def med(what, t, key):
    return statistics.median(r[key] for r in runs[(what, t)])


def rows(what):
    return runs[(what, 1)][0]["n"]


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
rounds = len(runs[("spark_noop", 1)])
print("# Spark: the fairsynth data source against the single-machine engine\n")
print(f"Machine: {cpu}, {os.cpu_count()} cores, Linux {platform.release()}; {jdk}; Spark 4.2.0 (Scala 2.13) "
      f"embedded in local mode with spark-sql's own classpath; made by `scripts/bench-spark.sh` (raw rows in "
      f"`spark-timing.tsv`), {rounds} rounds in turn. The paper's config, min-max scaled (two passes). Every figure "
      "is the median of the rounds; ratios are of medians from the same run.\n")

n = rows("spark_noop")
print(f"## The source alone: {n:,} rows made and dropped, three queries per process\n")
print("The first query of a SparkSession includes the first (label-range) pass and Spark's warm-up; the repeated "
      "queries know the ranges and make the rows once. The single-machine engine runs the same way "
      "(`SparkGenerate --single-machine`, one job, no Spark).\n")
print("| run | threads | whole process s | first query s | repeated query s | M rows/s (repeated) | 1 → 2 (repeated) |")
print("|---|---|---|---|---|---|---|")
for what, name in (("spark_noop", "Spark `noop` sink, local[T]"), ("engine_noop", "core engine, T threads")):
    for t in (1, 2):
        r = med(what, t, "rest")
        ratio = f"**{med(what, 1, 'rest') / r:.2f}x**" if t == 2 else ""
        print(f"| {name} | {t} | {med(what, t, 'wall'):.2f} | {med(what, t, 'first'):.2f} | {r:.2f} | "
              f"{n / r / 1e6:.2f} | {ratio} |")
print()
for t in (1, 2):
    print(f"- Spark's overhead on {t} thread{'s' if t > 1 else ''}: a repeated query takes "
          f"**{med('spark_noop', t, 'rest') / med('engine_noop', t, 'rest'):.2f}x** the single-machine engine's time; "
          f"a first query {med('spark_noop', t, 'first') / med('engine_noop', t, 'first'):.2f}x; the whole process "
          f"{med('spark_noop', t, 'wall') / med('engine_noop', t, 'wall'):.2f}x.")
print()
n = rows("spark_parquet")
print(f"## To Parquet: {n:,} rows, whole processes\n")
print("| run | 1 thread / local[1] s | 2 threads / local[2] s | 1 → 2 | M rows/s (2) | MB written | peak RSS 2T (MB) | CPU s 2T (cores) |")
print("|---|---|---|---|---|---|---|---|")
for what, name in (("spark_parquet", "Spark `df.write.parquet` (zstd)"),
                   ("fairsynth_parquet_dataset", "`fairsynth generate --out DIR/` (zstd Parquet dataset)")):
    w1, w2 = med(what, 1, "wall"), med(what, 2, "wall")
    c2 = med(what, 2, "cpu")
    print(f"| {name} | {w1:.2f} | {w2:.2f} | **{w1 / w2:.2f}x** | {n / w2 / 1e6:.2f} | {med(what, 2, 'size') / 1e6:.0f} | "
          f"{med(what, 2, 'rss'):.0f} | {c2:.1f} ({c2 / w2:.2f}) |")
print()
for t in (1, 2):
    print(f"- {t} thread{'s' if t > 1 else ''}: Spark's Parquet dataset takes "
          f"**{med('spark_parquet', t, 'wall') / med('fairsynth_parquet_dataset', t, 'wall'):.2f}x** the time of "
          f"`fairsynth generate`'s.")
