#!/usr/bin/env python3
"""Medians and ratios of scripts/bench-files.sh's raw rows (results/files/files-*.tsv), as Markdown."""
import csv
import os
import statistics
import sys
from collections import defaultdict

res = sys.argv[1] if len(sys.argv) > 1 else "results/files"


def load(name):
    path = os.path.join(res, name)
    if not os.path.exists(path):
        return {}
    runs = defaultdict(list)
    with open(path) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            runs[(row["what"], int(row["rows"]), int(row["threads"]))].append(
                (float(row["seconds"]), int(row["peak_rss_kb"]), int(row["bytes"]),
                 float(row.get("user_s") or "nan") + float(row.get("sys_s") or "nan"),
                 float(row.get("sys_s") or "nan"), int(row.get("minor_faults") or 0)))
    return runs


def ratio(a, b):
    return a / b if b else float("nan")


def med(rs, i):
    return statistics.median(r[i] for r in rs)


print("# Files: whole processes, fairsynth against the numpy + pyarrow peer\n")
print("Made by `scripts/bench-files.sh` (raw rows in `files-timing.tsv`, `files-codecs.tsv`, `files-encodings.tsv`, "
      "`files-collectors.tsv`, `files-scaling.tsv`, `files-pair.tsv`, `files-margin.tsv`, `files-pages.tsv`, "
      "`files-memory.tsv`, `files-profile.tsv`). Stages run at different times, on different commits and at times "
      "on different hosts of this machine kind: \"Runs\" at the end gives each stage's date, commit, JDK, CPU and "
      "command (`files-runs.tsv`). Every figure is the median of the rounds; ratios are of medians from the same "
      "run, so compare figures across tables only with that in mind.\n")

t = load("files-timing.tsv")
if t:
    sizes = sorted({k[1] for k in t})
    print("## Wall time, end to end (seconds, median)\n")
    print("| rows | fairsynth Parquet 1T | 2T | 1→2 threads | peer Parquet | peer / fairsynth 2T | "
          "fairsynth .npy 1T | 2T | peer .npy | peer / fairsynth 2T | dd of the .npy's size | fairsynth .npy 2T / dd "
          "| dd past the page cache | .npy 2T / that |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        g = lambda w, th: med(t[(w, n, th)], 0) if (w, n, th) in t else float("nan")
        p1, p2, pp = g("fairsynth_parquet", 1), g("fairsynth_parquet", 2), g("peer_parquet", 1)
        n1, n2, pn, dd = g("fairsynth_npy", 1), g("fairsynth_npy", 2), g("peer_npy", 1), g("dd_write", 1)
        dx = g("dd_direct_write", 1)
        print(f"| {n:,} | {p1:.2f} | {p2:.2f} | {ratio(p1, p2):.2f}x | {pp:.2f} | **{ratio(pp, p2):.2f}x** | "
              f"{n1:.2f} | {n2:.2f} | {pn:.2f} | {ratio(pn, n2):.2f}x | {dd:.2f} | **{ratio(n2, dd):.2f}x** | "
              f"{dx:.2f} | {ratio(n2, dx):.2f}x |")
    print("\n## Peak RSS in the same runs (MB, median)\n")
    print("| rows | fairsynth Parquet 1T | 2T | peer Parquet | fairsynth .npy 2T | peer .npy |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        g = lambda w, th: med(t[(w, n, th)], 1) / 1024 if (w, n, th) in t else float("nan")
        print(f"| {n:,} | {g('fairsynth_parquet', 1):.0f} | {g('fairsynth_parquet', 2):.0f} | "
              f"{g('peer_parquet', 1):.0f} | {g('fairsynth_npy', 2):.0f} | {g('peer_npy', 1):.0f} |")
    n = sizes[-1]
    more = lambda w: ratio(med(t[("fairsynth_" + w, n, 2)], 2), med(t[("peer_" + w, n, 1)], 2)) - 1
    print(f"\nThe peer's rows hold 34 columns (29 float64: its aggregates are four), fairsynth's 37 (32 float64): "
          f"fairsynth writes {100 * more('parquet'):.0f}% more Parquet bytes and {100 * more('npy'):.0f}% more .npy "
          "bytes for the same row count.\n")

c = load("files-codecs.tsv")
if c:
    print("## Parquet compression (2 threads, median)\n")
    print("| rows | --compression | seconds | MB | bytes per row | rows/s |")
    print("|---|---|---|---|---|---|")
    for (w, n, th), rs in sorted(c.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        s, b = med(rs, 0), med(rs, 2)
        print(f"| {n:,} | {w.replace('parquet_', '')} | {s:.2f} | {b / 1e6:.0f} | {b / n:.1f} | {ratio(n, s) / 1e6:.2f} M |")
    print()

e = load("files-encodings.tsv")
if e:
    print("## Parquet encoding of the DOUBLE columns (default compression, median)\n")
    print("`--encoding plain` is the default (pyarrow's, and the one Spark's vectorized reader decodes); "
          "`byte-stream-split` stores the k-th bytes of a page's values together, which zstd compresses "
          "smaller and faster. The peer writes pyarrow's default in the same rounds.\n")
    print("| rows | --encoding | 1T seconds | 2T seconds | 1→2 threads | 2T CPU s | MB | peak RSS 2T (MB) | "
          "peer Parquet | peer / fairsynth 2T |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in sorted({k[1] for k in e}):
        peer = e.get(("peer_parquet", n, 1))
        for enc in ("plain", "byte-stream-split"):
            r1, r2 = e.get(("parquet_" + enc, n, 1)), e.get(("parquet_" + enc, n, 2))
            if not r1 or not r2:
                continue
            w1, w2 = med(r1, 0), med(r2, 0)
            ps = f"{med(peer, 0):.2f} | **{ratio(med(peer, 0), w2):.2f}x**" if peer else "– | –"
            print(f"| {n:,} | {enc} | {w1:.2f} | {w2:.2f} | **{ratio(w1, w2):.2f}x** | {med(r2, 3):.1f} | "
                  f"{med(r2, 2) / 1e6:,.0f} | {med(r2, 1) / 1024:.0f} | {ps} |")
    print()

gc = load("files-collectors.tsv")
if gc:
    print("## Garbage collector: the launcher's Parallel GC against the JVM's default G1 (median)\n")
    print("The same jar and options but the collector, alternated in each round, with the peer in the same rounds "
          "(up to 10^7 rows). dd writes the .npy's bytes through the page cache and past it (as fairsynth writes "
          "a file of 64 MB or more here).\n")
    print("| rows | collector | Parquet 1T | 2T | 1→2 threads | 2T CPU s | peak RSS 2T (MB) | peer Parquet | "
          "peer / fairsynth 2T | .npy 2T | peak RSS (MB) | peer .npy | peer / fairsynth | dd through the page cache | "
          "dd past it | .npy / that |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sorted({k[1] for k in gc}):
        pp, pn = gc.get(("peer_parquet", n, 1)), gc.get(("peer_npy", n, 1))
        dd, cached = gc.get(("dd_direct_npy_size", n, 1)), gc.get(("dd_npy_size", n, 1))
        for name in ("g1", "parallel"):
            r1, r2, y = gc.get(("parquet_" + name, n, 1)), gc.get(("parquet_" + name, n, 2)), gc.get(("npy_" + name, n, 2))
            if not r1 or not r2 or not y:
                continue
            w1, w2, wy = med(r1, 0), med(r2, 0), med(y, 0)
            peer_p = f"{med(pp, 0):.2f} | **{ratio(med(pp, 0), w2):.2f}x**" if pp else "– | –"
            peer_n = f"{med(pn, 0):.2f} | {ratio(med(pn, 0), wy):.2f}x" if pn else "– | –"
            dds = f"{med(cached, 0):.2f} | " if cached else "– | "
            dds += f"{med(dd, 0):.2f} | **{ratio(wy, med(dd, 0)):.2f}x**" if dd else "– | –"
            print(f"| {n:,} | {'Parallel (launcher)' if name == 'parallel' else 'G1 (JVM default)'} | {w1:.2f} | {w2:.2f} | "
                  f"**{ratio(w1, w2):.2f}x** | {med(r2, 3):.1f} | {med(r2, 1) / 1024:.0f} | {peer_p} | {wy:.2f} | "
                  f"{med(y, 1) / 1024:.0f} | {peer_n} | {dds} |")
    print()

sc = load("files-scaling.tsv")
both = {**t, **sc} if t or sc else {}
pq = sorted({k[1] for k in both if k[0] == "fairsynth_parquet"})
if pq:
    print("## Parquet, 1 and 2 threads, with the CPU time the process used (median)\n")
    print("Start-up, the JIT compilers and the writer thread run beside the workers, so even a 1-thread run "
          "keeps part of the second core busy. System CPU is the kernel's: below the kernel's dirty limit "
          "(a fifth of the memory here) mostly the copy of the file into the page cache on the writer thread; a "
          "larger run is written past the page cache (O_DIRECT). dd writes the same bytes from /dev/zero, through "
          "the page cache, in the same run. A 2-thread run cannot take less than its CPU time spread over the 2 "
          "cores, so 1T seconds × 2 / 2T CPU s bounds its gain over the 1-thread run; more gain needs less CPU "
          "work, not more parallelism.\n")
    print("| rows | 1T seconds | 1T CPU s (cores), of it system | 2T seconds | 2T CPU s (cores), of it system | 1→2 threads | "
          "most 1→2 the 2T CPU allows | dd of the same bytes | 2T / dd |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in pq:
        r1, r2 = both.get(("fairsynth_parquet", n, 1)), both.get(("fairsynth_parquet", n, 2))
        if not r1 or not r2:
            continue
        w1, w2, c1, c2 = med(r1, 0), med(r2, 0), med(r1, 3), med(r2, 3)
        dd = both.get(("dd_parquet_size", n, 1))
        dds = f"{med(dd, 0):.2f} s" if dd else "–"
        ddr = f"{ratio(w2, med(dd, 0)):.2f}x" if dd else "–"
        print(f"| {n:,} | {w1:.2f} | {c1:.1f} ({c1 / w1:.2f}), {med(r1, 4):.1f} | {w2:.2f} | "
              f"{c2:.1f} ({c2 / w2:.2f}), {med(r2, 4):.1f} | **{ratio(w1, w2):.2f}x** | {ratio(2 * w1, c2):.2f}x | "
              f"{dds} | {ddr} |")
    print()

pr = load("files-pair.tsv")
pair_rows = sorted({k[1] for k in pr if k[0] == "two_1t_parquet_a"})
if pair_rows:
    print("## Two 1-thread runs at once: what the machine gives two copies of the work (Parquet, median)\n")
    print("The same round runs the 1-thread and the 2-thread run alone, then two 1-thread runs of the same rows "
          "started together, each its own process writing its own file. The two share nothing but the machine "
          "(cores, caches, memory, disk), so 2 × the lone 1-thread seconds / the pair's seconds (the slower of the "
          "two) is what two cores give two copies of this work here; each process also compiles and collects "
          "on its own, which one 2-thread process does once.\n")
    print("| rows | 1T alone: s | CPU s | 2T: s | CPU s | two 1T at once: s | CPU s of each | 1→2 threads | "
          "two at once over one alone | 2T over the pair |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in pair_rows:
        r1, r2 = pr.get(("fairsynth_parquet", n, 1)), pr.get(("fairsynth_parquet", n, 2))
        a, b = pr[("two_1t_parquet_a", n, 1)], pr[("two_1t_parquet_b", n, 1)]
        # the pair's seconds per round: the slower of its two runs (rows are kept in round order)
        wp = statistics.median(max(x[0], y[0]) for x, y in zip(a, b))
        cp = statistics.median([x[3] for x in a] + [y[3] for y in b])
        w1, w2 = med(r1, 0), med(r2, 0)
        print(f"| {n:,} | {w1:.2f} | {med(r1, 3):.1f} | {w2:.2f} | {med(r2, 3):.1f} | {wp:.2f} | {cp:.1f} | "
              f"**{ratio(w1, w2):.2f}x** | **{ratio(2 * w1, wp):.2f}x** | {ratio(wp, 2 * w2):.2f}x |")
    print()

mg = load("files-margin.tsv")
margin_rows = sorted({k[1] for k in mg})
if len(margin_rows) >= 2:
    n, big = margin_rows[0], margin_rows[-1]
    print("## 1 → 2 threads at the margin: the extra rows' seconds (Parquet, median)\n")
    print(f"The same rounds run {n:,} and {big:,} rows on 1 and on 2 threads. The extra {big - n:,} rows' "
          "seconds (per round, the larger run's less the smaller's) are what the work itself costs once the "
          "JVM has started and the JIT has warmed up, so their ratio is the gain two threads give at the margin; "
          "what the smaller run takes beyond them is its fixed cost, which two threads do not shorten.\n")
    print(f"| threads | {n:,} rows: s | {big:,} rows: s | the extra {big - n:,} rows: s | fixed cost: s |")
    print("|---|---|---|---|---|")
    extra, whole = {}, {}
    for t in (1, 2):
        small, large = mg[("fairsynth_parquet", n, t)], mg[("fairsynth_parquet", big, t)]
        per_round = [y[0] - x[0] for x, y in zip(small, large)]
        extra[t] = statistics.median(per_round)
        whole[t] = med(small, 0)
        fixed = statistics.median(x[0] - (y[0] - x[0]) * n / (big - n) for x, y in zip(small, large))
        print(f"| {t} | {whole[t]:.2f} | {med(large, 0):.2f} | {extra[t]:.2f} | {fixed:.2f} |")
    print(f"\nAt the margin 2 threads give **{ratio(extra[1], extra[2]):.2f}x** of 1; over whole runs of {n:,} "
          f"rows, {ratio(whole[1], whole[2]):.2f}x.\n")

npy = sorted({k[1] for k in sc if k[0] == "fairsynth_npy"})
if npy:
    print("## .npy at scale against dd of the same bytes (2 threads, median)\n")
    print("| rows | seconds | CPU s (cores), of it system | GB | dd of the same bytes | dd's system CPU s | .npy / dd "
          "| dd past the page cache | .npy / that |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in npy:
        r, dd = sc[("fairsynth_npy", n, 2)], sc.get(("dd_npy_size", n, 1))
        dx = sc.get(("dd_direct_npy_size", n, 1))
        w, c = med(r, 0), med(r, 3)
        dds = f"{med(dd, 0):.2f} s | {med(dd, 4):.1f}" if dd else "– | –"
        ddr = f"**{ratio(w, med(dd, 0)):.2f}x**" if dd else "–"
        dxs = f"{med(dx, 0):.2f} s | **{ratio(w, med(dx, 0)):.2f}x**" if dx else "– | –"
        print(f"| {n:,} | {w:.2f} | {c:.1f} ({c / w:.2f}), {med(r, 4):.1f} | {med(r, 2) / 1e9:.2f} | {dds} | {ddr} | {dxs} |")
    print()

hp = load("files-pages.tsv")
if hp:
    print("## The heap on 4 KB pages and on transparent huge pages (2 threads, median)\n")
    print("The launcher asks for transparent huge pages where the kernel offers them on request; these runs "
          "alternate the two in each round.\n")
    print("| format | rows | 4 KB pages: seconds | system CPU s | page faults | huge pages: seconds | system CPU s | page faults | 4 KB / huge |")
    print("|---|---|---|---|---|---|---|---|---|")
    for f in ("parquet", "npy"):
        for n in sorted({k[1] for k in hp if k[0].startswith(f + "_")}):
            a, b = hp.get((f + "_4k_pages", n, 2)), hp.get((f + "_huge_pages", n, 2))
            if not a or not b:
                continue
            print(f"| {f} | {n:,} | {med(a, 0):.2f} | {med(a, 4):.2f} | {med(a, 5):,.0f} | {med(b, 0):.2f} | "
                  f"{med(b, 4):.2f} | {med(b, 5):,.0f} | **{ratio(med(a, 0), med(b, 0)):.2f}x** |")
    print()

m = load("files-memory.tsv")
if m:
    print("## Peak RSS by format and rows (default JVM options but where the row says -Xmx, 2 threads)\n")
    print("| format | " + " | ".join(f"{n:,} rows" for n in sorted({k[1] for k in m})) + " |")
    print("|---|" + "---|" * len({k[1] for k in m}))
    for w in sorted({k[0] for k in m}):
        cells = []
        for n in sorted({k[1] for k in m}):
            rs = m.get((w, n, 2))
            cells.append(f"{med(rs, 1) / 1024:.0f} MB ({med(rs, 0):.1f} s, {med(rs, 2) / 1e9:.2f} GB)" if rs else "–")
        print(f"| {w.replace('fairsynth_', '')} | " + " | ".join(cells) + " |")
    print()

prof_path = os.path.join(res, "files-profile.tsv")
if os.path.exists(prof_path):
    # per size and round, the CPU seconds of each thread kind and of each code area; medians over the rounds
    prof = defaultdict(lambda: {"area": defaultdict(lambda: defaultdict(float)),
                                "thread": defaultdict(lambda: defaultdict(float))})
    with open(prof_path) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            key = (int(row["threads"]), row["round"])
            p = prof[int(row["rows"])]
            p["area"][row["area"]][key] += float(row["cpu_s"])
            p["thread"][row["thread"]][key] += float(row["cpu_s"])
    print("## Where the CPU goes: Parquet (CPU seconds, medians)\n")
    print("Linux perf's cpu-clock samples of whole runs (`profile` stage, `files-profile.tsv`), summed by what "
          "the sampled code was and by which thread ran it. \"Java code\" is the JIT's code and the interpreter; "
          "\"zeroing fresh pages\" is the kernel clearing memory the process touches for the first time (the "
          "heap, buffers), which this VM's host makes slow.\n")
    for n, by in sorted(prof.items()):
        rounds = {th: sorted({k[1] for d in by["area"].values() for k in d if k[0] == th}) for th in (1, 2)}

        def cell(d, th):
            return statistics.median(d.get((th, r), 0.0) for r in rounds[th]) if rounds[th] else float("nan")

        print(f"### {n:,} rows ({len(rounds[2])} rounds)\n")
        for what, title in (("area", "code area"), ("thread", "thread")):
            print(f"| {title} | 1 thread | 2 threads | 2 − 1 |")
            print("|---|---|---|---|")
            d = by[what]
            # the median of the rounds' totals (not the sum of the rows' medians)
            total = {th: statistics.median(sum(v.get((th, r), 0.0) for v in d.values()) for r in rounds[th])
                     for th in (1, 2)}
            for k in sorted(d, key=lambda k: -cell(d[k], 2)):
                a, b = cell(d[k], 1), cell(d[k], 2)
                print(f"| {k} | {a:.2f} | {b:.2f} | {b - a:+.2f} |")
            print(f"| all | {total[1]:.2f} | {total[2]:.2f} | {total[2] - total[1]:+.2f} |\n")

runs_path = os.path.join(res, "files-runs.tsv")
if os.path.exists(runs_path):
    print("## Runs\n")
    print("Rows dated by day only were recorded from the results' commits before the bench wrote this table; "
          "a commit marked +changes was measured with uncommitted product changes.\n")
    print("| stage | date (UTC) | commit | JDK | CPU | kernel | peer | rows | rounds | command |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    with open(runs_path) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            print(f"| {row['stage']} | {row['date_utc']} | `{row['commit']}` | {row['jdk']} | {row['cpu']} | "
                  f"{row['kernel']} | {row['peer']} | {row['rows']} | {row['rounds']} | `{row['command']}` |")
    print()
