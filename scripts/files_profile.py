#!/usr/bin/env python3
"""Where a profiled run's CPU went: reads `perf script -F comm,ip,sym,dso,period` (cpu-clock samples, each
period in nanoseconds) on stdin and appends, per thread kind and code area, the CPU seconds to a TSV.

    perf script -i perf.data -F comm,ip,sym,dso,period | files_profile.py OUT.tsv ROWS THREADS ROUND
"""
import os
import re
import sys
from collections import defaultdict

out, rows, threads, rnd = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
# a sample line: "<comm> <period> <ip> <symbol> (<dso>)"; comm holds spaces ("C2 CompilerThre"), and so
# does a Java method's symbol
line_re = re.compile(r"^\s*(?P<comm>.+?)\s+(?P<period>\d+)\s+[0-9a-f]+\s+(?P<sym>.*)\s+\((?P<dso>[^()]*)\)\s*$")


def thread_kind(comm):
    if comm.startswith("fairsynth-file"):
        return "file I/O thread"
    if comm.startswith("fairsynth-") and "-wor" in comm:
        return "workers"
    if comm == "java":
        return "main thread"
    if "CompilerThre" in comm:
        return "JIT compilers"
    if comm.startswith(("GC Thread", "G1 ", "VM Thread")):
        return "GC and VM"
    return "other"


def area(dso, sym):
    name = os.path.basename(dso)
    if "libzstd" in name:
        return "zstd"
    if dso == "[kernel.kallsyms]":
        return "kernel: zeroing fresh pages" if sym.startswith("clear_page") else "kernel: other"
    if name == "libjvm.so":
        return "JVM runtime"
    if name.endswith(".so") or ".so." in name:
        return "other native code"
    return "Java code"  # the JIT's code and the interpreter: perf-<pid>.map, [unknown] or //anon


cpu = defaultdict(float)
for line in sys.stdin:
    m = line_re.match(line)
    if not m:
        continue
    seconds = int(m["period"]) / 1e9
    cpu[(thread_kind(m["comm"].strip()), area(m["dso"], m["sym"]))] += seconds

new = not os.path.exists(out)
with open(out, "a") as f:
    if new:
        f.write("rows\tthreads\tround\tthread\tarea\tcpu_s\n")
    for (kind, where), s in sorted(cpu.items()):
        f.write(f"{rows}\t{threads}\t{rnd}\t{kind}\t{where}\t{s:.3f}\n")
