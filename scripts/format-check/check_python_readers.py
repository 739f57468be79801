"""Read a fairsynth CSV, Parquet file and partitioned Parquet dataset (the same rows) with pandas, pyarrow,
polars and DuckDB, and compare every value with the CSV's exact doubles.

Usage: check_python_readers.py DATA.csv DATA.parquet DATASET_DIR [SPLIT.parquet]

Checks, each failing with an AssertionError that names what differs:
- pandas' CSV parsers: float_precision="round_trip" and engine="pyarrow" give the exact doubles; the default
  parser is off by a relative 1e-13 at most (README), and how many cells it gets wrong, by how many ulps, is
  printed.
- pd.read_parquet(file) and pd.read_parquet(DIR): same columns, float64 and bool types, every value exact;
  the folder reads as one dataset in row order, skipping the manifest _fairsynth.json.
- pl.read_parquet(file) and pl.scan_parquet("DIR/*.parquet"): the same.
- SPLIT.parquet, when given (the same rows with --encoding byte-stream-split): pandas and polars read it the same.
- DuckDB read_parquet('DIR/*.parquet'), ordered by file and row within it: the same.
- the manifest's parts against the folder's files and each footer's fairsynth.rows (offset+rows);
  every column chunk's statistics (min, max, no nulls) as pyarrow reads them, against the chunk's values.
"""
import csv
import json
import os
import sys

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow
import pyarrow.parquet as pq

from dataset_manifest import parts as manifest_parts

csv_path, parquet_path, dataset_dir = sys.argv[1:4]
split_path = sys.argv[4] if len(sys.argv) > 4 else None

with open(csv_path, newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    # Python's float() is correctly rounded, so these are the doubles fairsynth wrote
    exact = np.array([[float(v) for v in r] for r in reader], dtype=np.float64)
n_rows = exact.shape[0]
indicators = [c for c in header if c.startswith("g_")]


def same_as_csv(frame_columns, values_of, what):
    """Every column of a reader's frame equals the CSV's doubles, bit for bit (indicators as 0/1)."""
    assert list(frame_columns) == header, f"{what}: columns {list(frame_columns)} are not the CSV's {header}"
    for i, name in enumerate(header):
        col = values_of(name)
        assert col.shape == (n_rows,), f"{what}: {name} has shape {col.shape}, the CSV {n_rows} rows"
        if name in indicators:
            assert col.dtype == np.bool_, f"{what}: indicator {name} is {col.dtype}, not bool"
            col = col.astype(np.float64)
        else:
            assert col.dtype == np.float64, f"{what}: {name} is {col.dtype}, not float64"
        # compare bits, so that -0.0 against 0.0 or a NaN would show
        differ = np.count_nonzero(col.view(np.int64) != exact[:, i].view(np.int64))
        assert differ == 0, f"{what}: {differ} of {n_rows} values of {name} differ from the CSV"


def pandas_frame(df, what):
    same_as_csv(df.columns, lambda c: df[c].to_numpy(), what)


def polars_frame(df, what):
    same_as_csv(df.columns, lambda c: df.get_column(c).to_numpy(), what)


# pandas' CSV parsers
float_cols = [c for c in header if c not in indicators]
want = exact[:, [header.index(c) for c in float_cols]]
for kwargs in ({"float_precision": "round_trip"}, {"engine": "pyarrow"}):
    got = pd.read_csv(csv_path, **kwargs)[float_cols].to_numpy(dtype=np.float64)
    assert np.array_equal(got.view(np.int64), want.view(np.int64)), f"pd.read_csv({kwargs}) is not exact"
default = pd.read_csv(csv_path)[float_cols].to_numpy(dtype=np.float64)
assert np.all(np.signbit(default) == np.signbit(want)), "pd.read_csv default parser changed a sign"
ulps = np.abs(default.view(np.int64) - want.view(np.int64))  # same sign: how many doubles apart
nonzero = want != 0
rel = np.abs(default - want)[nonzero] / np.abs(want[nonzero])
# README: "relative error below 1e-13"
assert rel.max() < 1e-13, f"pd.read_csv default parser is {rel.max():.3g} off (relative) somewhere; README says < 1e-13"
all_cells = exact.size
print(f"  pandas {pd.__version__} read_csv: round_trip and engine=pyarrow exact; the default parser reads"
      f" {100 * np.count_nonzero(ulps) / all_cells:.1f}% of all {all_cells} cells as another double"
      f" ({100 * np.count_nonzero(ulps == 1) / ulps.size:.1f}% of the float cells one ulp off,"
      f" {100 * np.count_nonzero(ulps > 1) / ulps.size:.1f}% more, up to {ulps.max()} ulps,"
      f" relative error at most {rel.max():.2g})")

# Parquet: file and folder
pandas_frame(pd.read_parquet(parquet_path), "pd.read_parquet(file)")
pandas_frame(pd.read_parquet(dataset_dir), "pd.read_parquet(DIR)")
polars_frame(pl.read_parquet(parquet_path), "pl.read_parquet(file)")
polars_frame(pl.scan_parquet(os.path.join(dataset_dir, "*.parquet")).collect(), "pl.scan_parquet(DIR/*.parquet)")
if split_path:
    pandas_frame(pd.read_parquet(split_path), "pd.read_parquet(byte-stream-split file)")
    polars_frame(pl.read_parquet(split_path), "pl.read_parquet(byte-stream-split file)")
    split_meta = pq.ParquetFile(split_path).metadata
    encodings = {e for g in range(split_meta.num_row_groups) for c in range(split_meta.num_columns)
                 for e in split_meta.row_group(g).column(c).encodings}
    assert "BYTE_STREAM_SPLIT" in encodings, f"{split_path} has no BYTE_STREAM_SPLIT pages: {encodings}"
con = duckdb.connect()
glob = os.path.join(dataset_dir, "*.parquet").replace("'", "''")
cols = ", ".join('"' + c + '"' for c in header)
duck = con.sql(f"SELECT {cols} FROM read_parquet('{glob}', filename = true, file_row_number = true)"
               " ORDER BY filename, file_row_number").fetchnumpy()
same_as_csv(list(duck.keys()), lambda c: np.asarray(duck[c]), "DuckDB read_parquet('DIR/*.parquet')")

# the manifest against the parts and their footers
parts = manifest_parts(dataset_dir, n_rows)
files = sorted(f for f in os.listdir(dataset_dir) if not f.startswith(("_", ".")))
assert files == [os.path.basename(p) for p, _, _ in parts], f"the folder holds {files}, the manifest names {parts}"
for path, offset, rows in parts:
    meta = pq.ParquetFile(path).metadata
    footer = {k.decode(): v.decode() for k, v in meta.metadata.items()}
    assert footer["fairsynth.rows"] == f"{offset}+{rows}", (path, footer["fairsynth.rows"])
    assert meta.num_rows == rows, (path, meta.num_rows)
meta = pq.ParquetFile(parquet_path).metadata
first = 0
chunks = 0
for g in range(meta.num_row_groups):
    rg = meta.row_group(g)
    for c in range(rg.num_columns):
        cc = rg.column(c)
        s = cc.statistics
        name = cc.path_in_schema
        assert s is not None and s.has_min_max, f"row group {g} column {name}: pyarrow reads no min and max"
        assert s.null_count == 0, f"row group {g} column {name}: {s.null_count} nulls"
        vals = exact[first:first + rg.num_rows, header.index(name)]
        lo, hi = (float(s.min), float(s.max))
        assert lo == vals.min() and hi == vals.max(), f"row group {g} column {name}: [{lo}, {hi}] against the rows"
        chunks += 1
    first += rg.num_rows
assert first == n_rows
print(f"  pandas, pyarrow {pyarrow.__version__}, polars {pl.__version__}, DuckDB {duckdb.__version__}:"
      f" the file{' (and its byte-stream-split twin)' if split_path else ''} and the {len(parts)}-part folder read as the CSV's {n_rows} rows x {len(header)} columns,"
      f" bit for bit; {chunks} column chunks' min/max agree with their rows")
