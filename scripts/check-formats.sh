#!/usr/bin/env bash
# Reads fairsynth's Parquet, .npy and .npz files with real readers outside the JVM and compares them
# with the CSV of the same dataset: DuckDB (npm @duckdb/node-api) for Parquet, Debian's numpy for
# .npy/.npz and for npy, npz and csv dataset folders; then pandas, pyarrow, polars and DuckDB (python3
# on the PATH) read the CSV, the Parquet file and a Parquet dataset folder of the same rows. Installs
# what it needs (apt python3-numpy, npm @duckdb/node-api into scripts/format-check, pip pandas pyarrow
# polars duckdb); where pip cannot, the Python readers are skipped and the last line says so.
# Usage: scripts/check-formats.sh [ROWS]      (default 20000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  echo "installing Debian's python3-numpy ..." >&2
  apt-get update -qq && apt-get install -y -qq python3-numpy >/dev/null
fi
if [[ ! -d "$here/scripts/format-check/node_modules/@duckdb/node-api" ]]; then
  echo "installing @duckdb/node-api from npm ..." >&2
  (cd "$here/scripts/format-check" && npm install --no-audit --no-fund --silent >/dev/null)
fi
py_readers=(pandas pyarrow polars duckdb)
has_py_readers() { python3 -c "import $(IFS=,; echo "${py_readers[*]}")" 2>/dev/null; }
if ! has_py_readers; then
  echo "installing ${py_readers[*]} with pip ..." >&2
  python3 -m pip install --quiet "${py_readers[@]}" >/dev/null 2>&1 || true
fi
skipped=""

gen() { "$here/fairsynth" generate --quiet "$@" 2>/dev/null; }
for variant in default quad; do
  extra=()
  [[ $variant == quad ]] && extra=(--dim 5 --quadratic -1,1 --drop-sensitive --no-scale --seed 7
                                    --attribute 'A=a:0.7,b:0.3' --attribute 'B=p:0.2,q:0.3,r:0.5')
  for f in csv parquet npy npz; do gen --rows "$rows" "${extra[@]}" --out "$work/$variant.$f"; done
  gen --rows "$rows" "${extra[@]}" --encoding byte-stream-split --out "$work/$variant-split.parquet"
  # dataset folders whose parts do not end on the generator's 4096-row blocks
  for f in parquet npy npz csv; do
    gen --rows "$rows" "${extra[@]}" --format "$f" --partition-rows $(( rows / 3 + 1 )) --out "$work/$variant-$f-dataset/"
  done
  echo "== $variant: numpy $( /usr/bin/python3 -c 'import numpy; print(numpy.__version__)') reads .npy and .npz, and the npy, npz and csv datasets"
  /usr/bin/python3 "$here/scripts/format-check/check_npy.py" "$work/$variant.csv" "$work/$variant.npy" "$work/$variant.npz" \
    "$work/$variant-npy-dataset" "$work/$variant-npz-dataset" "$work/$variant-csv-dataset"
  echo "== $variant: DuckDB reads .parquet"
  node "$here/scripts/format-check/check_parquet.mjs" "$work/$variant.csv" "$work/$variant.parquet"
  echo "== $variant: DuckDB reads .parquet (--encoding byte-stream-split)"
  node "$here/scripts/format-check/check_parquet.mjs" "$work/$variant.csv" "$work/$variant-split.parquet"
  if has_py_readers; then
    echo "== $variant: pandas, polars, DuckDB and pyarrow read the .csv, the .parquet and a dataset folder"
    python3 "$here/scripts/format-check/check_python_readers.py" \
      "$work/$variant.csv" "$work/$variant.parquet" "$work/$variant-parquet-dataset" "$work/$variant-split.parquet"
  else
    skipped=" (pandas/pyarrow/polars/duckdb could not be installed: their checks were skipped)"
  fi
done
echo "all formats agree$skipped"
