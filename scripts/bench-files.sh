#!/usr/bin/env bash
# End-to-end file output, as a user runs it: whole processes of `fairsynth generate` and of the
# numpy + pyarrow peer (../shared/anchors/peer_write_files.py) writing the same rows, in one run, with
# wall time and peak RSS (GNU time), and the machine's own file-write bandwidth (dd of the same size,
# through the page cache and past it).
#
#   scripts/bench-files.sh                      # every stage (about an hour on 2 cores)
#   scripts/bench-files.sh timing codecs        # only some stages: timing codecs encodings collectors scaling pair margin pages memory profile summary
#
# timing: Parquet (default compression) and .npy on 1 and 2 threads, the peer's Parquet and .npy, and
#         dd, at ROWS (default "2000000 10000000"), ROUNDS rounds (default 3) in turn, so each round
#         compares runs made moments apart.
# codecs: every --compression at 2 threads: size and time.
# encodings: Parquet with --encoding plain (the default) and byte-stream-split, each on 1 and 2 threads with the
#         default compression, at ENCODING_ROWS (default "2000000 10000000 100000000"), with the peer's Parquet in
#         the same round where it fits in memory (up to 10^7 rows).
# collectors: Parquet on 1 and 2 threads and .npy on 2 with the launcher's Parallel collector and with the
#         JVM's default G1, alternated, at COLLECTOR_ROWS (default "2000000 10000000 100000000"), with the peer's
#         Parquet and .npy in the same round up to 10^7 rows, and dd of the .npy's bytes (through the page cache and past it).
# scaling: Parquet on 1 and 2 threads and .npy on 2 at SCALING_ROWS (default 10^8), where start-up and
#         compilation no longer weigh, with the CPU time the process used, and dd of the same bytes.
# pair:   the machine's own bound on 1 -> 2 threads for this work: a 1-thread Parquet run alone, the 2-thread
#         run, and two 1-thread runs at once (each its own process and file, same rows), at PAIR_ROWS (default
#         "10000000 100000000"). Two processes share nothing but the machine, so their gain over one is what
#         the cores, caches and memory give two copies of the work.
# margin: 1 -> 2 threads once start-up and warm-up are paid: Parquet on 1 and 2 threads at MARGIN_ROWS (default
#         "10000000 20000000", N and 2N), in the same rounds; the extra N rows' seconds on 1 thread over those on
#         2 are the gain at the margin, and what a run of N rows takes beyond them is its fixed cost.
# pages:  Parquet and .npy at PAGES_ROWS (default 10^7) with the heap on 4 KB pages and on transparent huge
#         pages, with the page faults each run took.
# memory: peak RSS of every format at 10^6, 10^7 and 10^8 rows (MEMORY_ROWS), default JVM options.
# profile: where the CPU goes in Parquet runs on 1 and 2 threads at PROFILE_ROWS (default 10^7 and 10^8): Linux perf's
#         cpu-clock samples by thread kind and code area (scripts/files_profile.py); skipped without perf.
# summary: medians and ratios into results/files/files.md.
#
# Raw rows go to results/files/files-*.tsv: what, rows, threads, seconds, peak RSS (KB), bytes written, user and
# system CPU seconds, minor page faults. Each stage also leaves its run in results/files/files-runs.tsv (one
# row a stage, replaced when the stage runs again): date, commit, JDK, CPU, kernel, the peer's packages,
# its rows and rounds, and the command.
# Every measured process starts SETTLE seconds (default 10) after the previous one's files were deleted. Where
# the guest's memory balloon reports free pages to its host (as here), freed memory goes back to the host
# within seconds, and a page taken afresh then costs a fault on the host: a process started at once reuses
# the pages the deleted file held (dd wrote 3 GB through the page cache in 0.4 s), one started later pays
# for each (the same dd: 4 to 5 s). With the pause every process meets the memory in the same state.
# The peer needs numpy, pandas and pyarrow for PY (default python3); JAVA (default java) runs fairsynth
# with the options its launcher uses (the Vector API module when present, a class-data-sharing archive,
# transparent huge pages for the heap where the kernel offers them, THP=off leaves them out; the Parallel
# collector).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
PY=${PY:-python3}
ROWS=${ROWS:-"2000000 10000000"}
ROUNDS=${ROUNDS:-3}
MEMORY_ROWS=${MEMORY_ROWS:-"1000000 10000000 100000000"}
SCALING_ROWS=${SCALING_ROWS:-100000000}
SETTLE=${SETTLE:-10}
PAGES_ROWS=${PAGES_ROWS:-10000000}
PROFILE_ROWS=${PROFILE_ROWS:-"10000000 100000000"}
ENCODING_ROWS=${ENCODING_ROWS:-"2000000 10000000 100000000"}
COLLECTOR_ROWS=${COLLECTOR_ROWS:-"2000000 10000000 100000000"}
PAIR_ROWS=${PAIR_ROWS:-"10000000 100000000"}
MARGIN_ROWS=${MARGIN_ROWS:-"10000000 20000000"}
all_stages="timing codecs encodings collectors scaling pair margin pages memory profile summary"
stages=("$@")
[ ${#stages[@]} -eq 0 ] && read -r -a stages <<< "$all_stages"
# the stages that run the numpy + pyarrow peer, and the versions of its packages ("-" when PY lacks one)
runs_peer() { case "$1" in timing|encodings|collectors) return 0 ;; *) return 1 ;; esac; }
peer=$("$PY" -c 'import numpy, pandas, pyarrow; print(f"numpy {numpy.__version__}, pandas {pandas.__version__}, pyarrow {pyarrow.__version__}")' 2>/dev/null || echo "-")
# those stages need the packages: say so before the first measured minute, not after
for s in "${stages[@]}"; do
  if runs_peer "$s" && [ "$peer" = - ]; then
    echo "bench-files: the $s stage runs the numpy + pyarrow peer, and $PY lacks numpy, pandas or pyarrow" \
         "(install them: $PY -m pip install numpy pandas pyarrow; or set PY to a Python that has them)" >&2
    exit 2
  fi
done

mvn -B -q -pl cli -am package -DskipTests -Dperf.gate.skip=true
work=$(mktemp -d)
out=${OUT_DIR:-$(mktemp -d -p "$PWD" .bench-files-XXXX)}
trap 'rm -rf "$work" "$out"' EXIT
# run from a copy, so that rebuilding the project meanwhile cannot change what is measured
cp cli/target/fairsynth.jar "$work/fairsynth.jar"
opts=()
if "$JAVA" --list-modules 2>/dev/null | grep -q '^jdk.incubator.vector'; then opts+=(--add-modules jdk.incubator.vector); fi
# the launcher's class-data-sharing archive: a static one of the classes a training run loads
"$JAVA" "${opts[@]}" -XX:DumpLoadedClassList="$work/classes.lst" \
  -jar "$work/fairsynth.jar" generate --rows 8192 --quiet --out "$work/train.parquet" >/dev/null 2>&1
"$JAVA" "${opts[@]}" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$work/app.jsa" \
  -jar "$work/fairsynth.jar" >/dev/null 2>&1
opts+=(-XX:SharedArchiveFile="$work/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
# the launcher's heap pages: transparent huge pages where the kernel offers them on request
if [[ "${THP:-on}" != "off" ]] && grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  opts+=(-XX:+UseTransparentHugePages)
fi
# the launcher's collector
opts+=(-XX:+UseParallelGC)

# the command line, as given, for the runs table
command_line="scripts/bench-files.sh $*"
cpu_model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
cpu_family=$(sed -n 's/^cpu family[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
cpu_modelno=$(sed -n 's/^model[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
cpu="${cpu_model:-?} (family ${cpu_family:-?} model ${cpu_modelno:-?}), $(nproc) cores"
jdk=$("$JAVA" -version 2>&1 | head -1)
# what was measured: the commit, and +changes when the product's sources differ from it (the jar is built
# from the working tree)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
if [ -n "$(git status --porcelain -- pom.xml core cli parquet 2>/dev/null)" ]; then commit="$commit+changes"; fi

# replaces STAGE's row of results/files/files-runs.tsv (made with its header when missing): STAGE ROWS ROUNDS
record_run() {
  local runs=results/files/files-runs.tsv row
  [ -f "$runs" ] || printf 'stage\tdate_utc\tcommit\tjdk\tcpu\tkernel\tpeer\trows\trounds\tcommand\n' > "$runs"
  local with_peer=-
  if runs_peer "$1"; then with_peer=$peer; fi
  row=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$1" "$(date -u +%Y-%m-%dT%H:%MZ)" "$commit" "$jdk" "$cpu" \
    "$(uname -sr)" "$with_peer" "$2" "$3" "$command_line")
  { head -1 "$runs"; tail -n +2 "$runs" | awk -F'\t' -v s="$1" '$1 != s'; echo "$row"; } > "$runs.tmp"
  mv "$runs.tmp" "$runs"
}

# the row list each stage measures
stage_rows() {
  case "$1" in
    timing|codecs) echo "$ROWS" ;;
    encodings) echo "$ENCODING_ROWS" ;;
    collectors) echo "$COLLECTOR_ROWS" ;;
    scaling) echo "$SCALING_ROWS" ;;
    pair) echo "$PAIR_ROWS" ;;
    margin) echo "$MARGIN_ROWS" ;;
    pages) echo "$PAGES_ROWS" ;;
    memory) echo "$MEMORY_ROWS" ;;
    profile) echo "$PROFILE_ROWS" ;;
  esac
}

# starts results/files/files-NAME.tsv with its header, and records the stage's run; measure appends to it
new_tsv() {
  local rounds=$ROUNDS
  [ "$1" = memory ] && rounds=1  # one run of each size
  record_run "$1" "$(stage_rows "$1")" "$rounds"
  tsv=results/files/files-$1.tsv
  printf 'what\trows\tthreads\tseconds\tpeak_rss_kb\tbytes\tuser_s\tsys_s\tminor_faults\n' > "$tsv"
}

# appends to $tsv the row of a process GNU time measured into TIME_FILE: WHAT ROWS THREADS FILE TIME_FILE
append_row() {
  local wall rss user sys faults bytes
  read -r wall rss user sys faults < <(tail -1 "$5")
  bytes=$(du -sb "$4" 2>/dev/null | cut -f1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$wall" "$rss" "${bytes:-0}" "$user" "$sys" "$faults" >> "$tsv"
}

# one measured process: WHAT ROWS THREADS FILE -- command...; appends a row to $tsv
measure() {
  local what=$1 rows=$2 threads=$3 file=$4; shift 5
  rm -rf "$file" "${file%.npy}.columns.json"
  sync
  sleep "$SETTLE"
  /usr/bin/time -o "$work/time" -f '%e %M %U %S %R' "$@" >/dev/null 2>"$work/stderr" \
    || { echo "failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
  append_row "$what" "$rows" "$threads" "$file" "$work/time"
  rm -rf "$file" "${file%.npy}.columns.json"
}
fs=("$JAVA" "${opts[@]}" -jar "$work/fairsynth.jar" generate --quiet)

# fairsynth's Parquet run of ROWS rows to FILE on 1 thread, then on 2
parquet_1t_2t() {
  local t
  for t in 1 2; do
    measure fairsynth_parquet "$1" "$t" "$2" -- "${fs[@]}" --rows "$1" --threads "$t" --out "$2"
  done
}

# two 1-thread Parquet runs of ROWS rows started together, each measured as measure does: rows WHAT_a and WHAT_b
measure_pair() {
  local what=$1 rows=$2 k
  rm -f "$out/a.parquet" "$out/b.parquet"
  sync
  sleep "$SETTLE"
  for k in a b; do
    /usr/bin/time -o "$work/time-$k" -f '%e %M %U %S %R' "${fs[@]}" --rows "$rows" --threads 1 \
      --out "$out/$k.parquet" >/dev/null 2>"$work/stderr-$k" &
  done
  for k in a b; do
    wait -n || { echo "failed: a $what run of $rows rows" >&2; cat "$work"/stderr-? >&2; exit 1; }
  done
  for k in a b; do
    append_row "${what}_$k" "$rows" 1 "$out/$k.parquet" "$work/time-$k"
  done
  rm -f "$out/a.parquet" "$out/b.parquet"
}

# the machine's own write of MB megabytes from /dev/zero: WHAT through the page cache, DIRECT_WHAT (when
# given) past it (O_DIRECT, as fairsynth writes a run larger than the kernel's dirty limit)
dd_write() {
  local rows=$1 mb=$2 what=$3 direct_what=${4:-}
  measure "$what" "$rows" 1 "$out/dd.bin" -- dd if=/dev/zero of="$out/dd.bin" bs=1M count="$mb"
  if [ -n "$direct_what" ]; then
    measure "$direct_what" "$rows" 1 "$out/dd.bin" -- dd if=/dev/zero of="$out/dd.bin" bs=8M count="$(( (mb + 7) / 8 ))" oflag=direct
  fi
}

for s in "${stages[@]}"; do
  case "$s" in
    timing)
      new_tsv timing
      for round in $(seq "$ROUNDS"); do
        for n in $ROWS; do
          parquet_1t_2t "$n" "$out/f.parquet"
          measure peer_parquet "$n" 1 "$out/p.parquet" -- "$PY" ../shared/anchors/peer_write_files.py "$n" parquet "$out/p.parquet"
          for t in 1 2; do
            measure fairsynth_npy "$n" "$t" "$out/f.npy" -- "${fs[@]}" --rows "$n" --threads "$t" --out "$out/f.npy"
          done
          measure peer_npy "$n" 1 "$out/p.npy" -- "$PY" ../shared/anchors/peer_write_files.py "$n" npy "$out/p.npy"
          # the machine's file-write bandwidth: dd of the fairsynth .npy's size (37 float64 columns)
          mb=$(( (n * 37 * 8 + 1048575) / 1048576 ))
          dd_write "$n" "$mb" dd_write dd_direct_write
        done
      done ;;
    codecs)
      new_tsv codecs
      for round in $(seq "$ROUNDS"); do
        for n in $ROWS; do
          for c in zstd:1 zstd:3 zstd:9 zstd:-3 snappy none; do
            measure "parquet_$c" "$n" 2 "$out/c.parquet" -- "${fs[@]}" --rows "$n" --compression "$c" --out "$out/c.parquet"
          done
        done
      done ;;
    encodings)
      new_tsv encodings
      for round in $(seq "$ROUNDS"); do
        for n in $ENCODING_ROWS; do
          if [ "$n" -le 10000000 ]; then
            measure peer_parquet "$n" 1 "$out/p.parquet" -- "$PY" ../shared/anchors/peer_write_files.py "$n" parquet "$out/p.parquet"
          fi
          for e in plain byte-stream-split; do
            for t in 1 2; do
              measure "parquet_$e" "$n" "$t" "$out/e.parquet" -- "${fs[@]}" --rows "$n" --threads "$t" --encoding "$e" --out "$out/e.parquet"
            done
          done
        done
      done ;;
    collectors)
      # the launcher's Parallel collector against the JVM's default G1, alternated in each round, with the
      # peer in the same rounds where it fits in memory, and dd of the .npy's bytes through the page cache and past it
      new_tsv collectors
      g1=("$JAVA" "${opts[@]/-XX:+UseParallelGC/-XX:+UseG1GC}" -jar "$work/fairsynth.jar" generate --quiet)
      for round in $(seq "$ROUNDS"); do
        for n in $COLLECTOR_ROWS; do
          if [ "$n" -le 10000000 ]; then
            measure peer_parquet "$n" 1 "$out/p.parquet" -- "$PY" ../shared/anchors/peer_write_files.py "$n" parquet "$out/p.parquet"
            measure peer_npy "$n" 1 "$out/p.npy" -- "$PY" ../shared/anchors/peer_write_files.py "$n" npy "$out/p.npy"
          fi
          for t in 1 2; do
            measure parquet_g1 "$n" "$t" "$out/g.parquet" -- "${g1[@]}" --rows "$n" --threads "$t" --out "$out/g.parquet"
            measure parquet_parallel "$n" "$t" "$out/g.parquet" -- "${fs[@]}" --rows "$n" --threads "$t" --out "$out/g.parquet"
          done
          measure npy_g1 "$n" 2 "$out/g.npy" -- "${g1[@]}" --rows "$n" --out "$out/g.npy"
          measure npy_parallel "$n" 2 "$out/g.npy" -- "${fs[@]}" --rows "$n" --out "$out/g.npy"
          mb=$(( ($(tail -1 "$tsv" | cut -f6) + 1048575) / 1048576 ))
          dd_write "$n" "$mb" dd_npy_size dd_direct_npy_size
        done
      done ;;
    scaling)
      new_tsv scaling
      for round in $(seq "$ROUNDS"); do
        for n in $SCALING_ROWS; do
          parquet_1t_2t "$n" "$out/s.parquet"
          # the machine's file-write bandwidth at this size: dd of the Parquet file's bytes
          mb=$(( ($(tail -1 "$tsv" | cut -f6) + 1048575) / 1048576 ))
          dd_write "$n" "$mb" dd_parquet_size
          # .npy at this size against dd of its bytes: start-up no longer weighs, and the file is larger
          # than the page cache can hold, so both write at the speed the kernel lets files be written
          measure fairsynth_npy "$n" 2 "$out/s.npy" -- "${fs[@]}" --rows "$n" --threads 2 --out "$out/s.npy"
          mb=$(( ($(tail -1 "$tsv" | cut -f6) + 1048575) / 1048576 ))
          dd_write "$n" "$mb" dd_npy_size dd_direct_npy_size
        done
      done ;;
    pair)
      new_tsv pair
      for round in $(seq "$ROUNDS"); do
        for n in $PAIR_ROWS; do
          parquet_1t_2t "$n" "$out/s.parquet"
          measure_pair two_1t_parquet "$n"
        done
      done ;;
    margin)
      new_tsv margin
      for round in $(seq "$ROUNDS"); do
        for n in $MARGIN_ROWS; do
          parquet_1t_2t "$n" "$out/m.parquet"
        done
      done ;;
    pages)
      # the heap's page size: the same runs with and without transparent huge pages, alternated
      new_tsv pages
      four_k=("$JAVA" "${opts[@]/-XX:+UseTransparentHugePages/-XX:-UseTransparentHugePages}" -jar "$work/fairsynth.jar" generate --quiet)
      for round in $(seq "$ROUNDS"); do
        for n in $PAGES_ROWS; do
          for f in parquet npy; do
            measure "${f}_4k_pages" "$n" 2 "$out/h.$f" -- "${four_k[@]}" --rows "$n" --out "$out/h.$f"
            measure "${f}_huge_pages" "$n" 2 "$out/h.$f" -- "$JAVA" "${opts[@]}" -XX:+UseTransparentHugePages \
              -jar "$work/fairsynth.jar" generate --quiet --rows "$n" --out "$out/h.$f"
          done
        done
      done ;;
    memory)
      new_tsv memory
      for n in $MEMORY_ROWS; do
        for f in parquet npy npz csv; do
          measure "fairsynth_$f" "$n" 2 "$out/m.$f" -- "${fs[@]}" --rows "$n" --out "$out/m.$f"
        done
        measure fairsynth_parquet_dataset "$n" 2 "$out/ds" -- "${fs[@]}" --rows "$n" --out "$out/ds/"
        # the same with a 512 MB heap: the run's live memory does not grow with the row count
        measure fairsynth_parquet_dataset_xmx512m "$n" 2 "$out/ds" -- "$JAVA" "${opts[@]}" -Xmx512m \
          -jar "$work/fairsynth.jar" generate --quiet --rows "$n" --out "$out/ds/"
      done ;;
    profile)
      if ! command -v perf >/dev/null || ! perf record -q -e cpu-clock -o "$work/probe.data" -- true 2>/dev/null; then
        echo "profile: skipped (Linux perf is missing or may not sample here)" >&2
        continue
      fi
      record_run profile "$PROFILE_ROWS" "$ROUNDS"
      tsv=results/files/files-profile.tsv
      rm -f "$tsv"
      for round in $(seq "$ROUNDS"); do
        for n in $PROFILE_ROWS; do
          for t in 1 2; do
            rm -f "$out/r.parquet"
            sync
            sleep "$SETTLE"
            # about 500 samples a second of CPU: enough for seconds-long areas, few enough for 10^8 rows
            perf record -q -e cpu-clock -F 499 -o "$work/perf.data" -- \
              "${fs[@]}" --rows "$n" --threads "$t" --out "$out/r.parquet" >/dev/null 2>"$work/stderr" \
              || { echo "failed: profile of $n rows at $t threads" >&2; cat "$work/stderr" >&2; exit 1; }
            perf script -i "$work/perf.data" -F comm,ip,sym,dso,period 2>/dev/null \
              | "$PY" scripts/files_profile.py "$tsv" "$n" "$t" "$round"
          done
        done
      done
      rm -f "$out/r.parquet" ;;
    summary)
      "$PY" scripts/files_summary.py results/files > results/files/files.md
      cat results/files/files.md ;;
    *) echo "unknown stage $s ($all_stages)" >&2; exit 2 ;;
  esac
done
