#!/usr/bin/env bash
# The Spark data source against the single-machine engine, as whole processes in one run, ROUNDS rounds
# (default 3) in turn, with wall time, peak RSS and CPU seconds (GNU time):
# - Spark on local[1] and local[2] writing ROWS rows (default 10^7) of the paper's config (min-max
#   scaled: two passes) as a zstd Parquet dataset, beside `fairsynth generate --out DIR/` (a partitioned
#   zstd Parquet dataset) on 1 and 2 threads;
# - Spark on local[1] and local[2] generating SCALING_ROWS rows (default 10^8) into Spark's noop sink (the
#   source alone), the query run three times in one SparkSession: the first includes the first pass and
#   Spark's own warm-up, the others (label ranges known) show the steady rate and its thread scaling;
#   beside the core engine making and dropping the same rows on 1 and 2 threads without Spark, in the
#   same kind of process (SparkGenerate --single-machine), for Spark's overhead.
#
#   scripts/bench-spark.sh                    # about 10 minutes on 2 cores
#
# Raw rows go to results/spark/spark-timing.tsv (what, rows, threads, seconds, peak RSS KB, bytes written,
# user s, system s, the first query's seconds and the median of the repeated queries' seconds, in process);
# medians and ratios to results/spark/spark.md (scripts/spark_summary.py).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
PY=${PY:-python3}
ROWS=${ROWS:-10000000}
SCALING_ROWS=${SCALING_ROWS:-100000000}
ROUNDS=${ROUNDS:-3}

mvn -B -q -pl spark -am install -DskipTests -Dperf.gate.skip=true
work=$(mktemp -d)
out=$(mktemp -d -p "$PWD" .bench-spark-XXXX)
trap 'rm -rf "$work" "$out"' EXIT
mvn -B -q -pl spark dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$work/spark.cp"
# run from copies, so that rebuilding the project meanwhile cannot change what is measured
cp spark/target/fairsynth-spark.jar cli/target/fairsynth.jar "$work/"
cp=$work/fairsynth-spark.jar:$(cat "$work/spark.cp")
# what spark-submit adds on JDK 17+ (Spark's JavaModuleOptions), and the Vector API
sparkopts=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true -Dspark.ui.enabled=false)
fsopts=()
if "$JAVA" --list-modules 2>/dev/null | grep -q '^jdk.incubator.vector'; then fsopts+=(--add-modules jdk.incubator.vector); fi

mkdir -p results/spark
tsv=results/spark/spark-timing.tsv
: > "$tsv"
# one measured process: WHAT ROWS THREADS DIR -- command...; appends a row to $tsv
measure() {
  local what=$1 rows=$2 threads=$3 dir=$4; shift 5
  rm -rf "$dir"
  sync
  /usr/bin/time -o "$work/time" -f '%e %M %U %S' "$@" >"$work/stdout" 2>"$work/stderr" \
    || { echo "failed: $*" >&2; tail -30 "$work/stderr" >&2; exit 1; }
  local wall rss user sys bytes
  read -r wall rss user sys < <(tail -1 "$work/time")
  bytes=$( (du -sb "$dir" 2>/dev/null || true) | cut -f1)
  # SparkGenerate prints "query K rows N seconds S ...": the first query, and the median of the others
  local queries first rest
  queries=$(awk '$1 == "query" { print $6 }' "$work/stdout")
  first=$(echo "$queries" | head -1)
  rest=$(echo "$queries" | tail -n +2 | sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$what" "$rows" "$threads" "$wall" "$rss" "${bytes:-0}" "$user" "$sys" \
    "${first:--}" "${rest:--}" >> "$tsv"
  echo "$what $threads: $wall s" >&2
  rm -rf "$dir"
}
for round in $(seq "$ROUNDS"); do
  for t in 1 2; do
    spark=("$JAVA" "${sparkopts[@]}" -Dspark.master="local[$t]" -cp "$cp" io.github.fairsynth.spark.SparkGenerate)
    measure spark_noop "$SCALING_ROWS" "$t" "$out/none" -- "${spark[@]}" --rows "$SCALING_ROWS" --noop --repeat 3
    measure engine_noop "$SCALING_ROWS" "$t" "$out/none" -- "${spark[@]}" --rows "$SCALING_ROWS" --noop --repeat 3 \
      --single-machine "$t"
    measure spark_parquet "$ROWS" "$t" "$out/spark" -- "${spark[@]}" --rows "$ROWS" --out "$out/spark"
    measure fairsynth_parquet_dataset "$ROWS" "$t" "$out/fs" -- "$JAVA" "${fsopts[@]}" -jar "$work/fairsynth.jar" \
      generate --quiet --rows "$ROWS" --threads "$t" --out "$out/fs/"
  done
done
"$PY" scripts/spark_summary.py results/spark > results/spark/spark.md
cat results/spark/spark.md
