#!/usr/bin/env bash
# Reproduces every figure in results/ on this machine: the JMH suites on JDK 17 (and JDK 25 when
# installed), the numpy / scikit-learn peers in the same run, and the charts.
#
#   scripts/bench-all.sh                 # everything (about 50 minutes on 2 cores)
#   scripts/bench-all.sh jmh17 peers     # only some stages: jmh17 scaling writers jmh25 peers charts
#
# The scaling stage measures one thread against two again and again: the generator's rows four times,
# each run timing both thread counts back to back (a single run's ratio moves with the machine's state),
# and its phases on one and on two threads.
#
# JAVA17 / JAVA25 choose the JVMs (default: java on PATH, Temurin 25 under /usr/lib/jvm).
# The peers need Debian's python3-numpy and python3-sklearn (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA17=${JAVA17:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PY=${PY:-/usr/bin/python3}
JVM17=$(command -v "$JAVA17")
SUITE='ClockBench|RngBench|GeneratorBlockBench|GeneratorPhaseBench|GeneratorThreadsBench|AdmissionsBench|GroupOlsBench|DoubleFormatBench'
# JDK 25: the thread-scaling generator, the admissions engine and the normals (the full suite takes 20 min more)
SUITE25='GeneratorThreadsBench|AdmissionsBench|RngBench.normal'
stages=("$@")
[ ${#stages[@]} -eq 0 ] && stages=(jmh17 scaling writers jmh25 peers charts)

mvn -B -q -pl bench,cli -am package -DskipTests -Dperf.gate.skip=true
# run from a copy, so that rebuilding the project meanwhile cannot change the forks' classes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp bench/target/benchmarks.jar "$work/benchmarks.jar"
cp cli/target/fairsynth.jar "$work/fairsynth.jar"
jar="$work/benchmarks.jar"

for s in "${stages[@]}"; do
  case "$s" in
    jmh17)   "$JAVA17" -jar "$jar" "$SUITE" -jvm "$JVM17" -rf json -rff results/jmh-jdk17.json ;;
    scaling) for i in 1 2 3 4; do
               "$JAVA17" -jar "$jar" 'GeneratorThreadsBench.rows(1|All)$' -jvm "$JVM17" \
                 -rf json -rff "results/scaling/scaling-jdk17-$i.json"
             done
             for t in 1 2; do
               "$JAVA17" -jar "$jar" GeneratorPhaseBench -p config=paper -t "$t" -jvm "$JVM17" \
                 -rf json -rff "results/scaling/phases-paper-${t}threads-jdk17.json"
             done ;;
    writers) "$JAVA17" -jar "$jar" WriterBench -jvm "$JVM17" -rf json -rff results/writers-jdk17.json ;;
    jmh25)   if [ -x "$JAVA25" ]; then
               "$JAVA17" -jar "$jar" "$SUITE25" -jvm "$JAVA25" -rf json -rff results/jmh-jdk25.json
             else echo "no JDK 25 at $JAVA25: skipped" >&2; fi ;;
    peers)   "$JAVA17" -jar "$work/fairsynth.jar" generate --rows 1000000 --quiet --out "$work/paper1e6.npy"
             {
               for i in 1 2 3; do echo "synthgen_paper $("$PY" ../shared/anchors/bench_synthgen_numpy.py --n 1000000 --config notebook --variant gather)"; done
               for i in 1 2 3; do echo "synthgen_wide $("$PY" ../shared/anchors/bench_synthgen_numpy.py --n 1000000 --config wide --variant gather)"; done
               for i in 1 2 3; do echo "admissions $("$PY" ../shared/anchors/bench_admissions_numpy.py --n 1000000 --steps 20)"; done
               for i in 1 2 3; do echo "sklearn_group_ols $("$PY" scripts/baselines/sklearn_group_ols.py "$work/paper1e6.npy" y_min_active)"; done
             } > results/peers.txt
             cat results/peers.txt ;;
    charts)  "$JAVA17" -cp "$jar" io.github.fairsynth.bench.report.Charts results ;;
    *) echo "unknown stage $s (jmh17 scaling writers jmh25 peers charts)" >&2; exit 2 ;;
  esac
done
