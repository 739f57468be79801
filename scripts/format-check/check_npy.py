#!/usr/bin/python3
"""Compare a fairsynth .npy (+ .columns.json sidecar) and .npz with the CSV of the same dataset: row
count, column names and every value exactly (CSV doubles are shortest round-trip text, so float() gives
back the same double). Given dataset folders of the same rows (--format npy, npz and csv), their parts,
read in the manifest's order and put end to end, must equal the CSV too.

Usage: check_npy.py DATA.csv DATA.npy DATA.npz [NPY_DIR NPZ_DIR CSV_DIR]"""
import csv, json, sys
import numpy as np
from dataset_manifest import parts

csv_path, npy_path, npz_path = sys.argv[1:4]
dataset_dirs = sys.argv[4:7]
with open(csv_path) as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = [[float(v) for v in r] for r in reader]
expected = np.array(rows, dtype=np.float64)

mat = np.load(npy_path)
names = json.load(open(npy_path[:-4] + ".columns.json"))
assert mat.dtype == np.float64, mat.dtype
assert mat.shape == expected.shape, (mat.shape, expected.shape)
assert names == header, "npy column names differ"
assert np.array_equal(mat, expected), "npy values differ"

z = np.load(npz_path)
assert list(z.files) == header, "npz column names differ"
for i, name in enumerate(header):
    col = z[name]
    assert col.shape == (len(rows),), (name, col.shape)
    if name.startswith("g_") and col.dtype == np.uint8:
        assert np.array_equal(col.astype(np.float64), expected[:, i]), name
    else:
        assert col.dtype == np.float64, (name, col.dtype)
        assert np.array_equal(col, expected[:, i]), name
print(f"  npy {mat.shape[0]} rows x {mat.shape[1]} columns, npz {len(z.files)} arrays: identical to the CSV;"
      f" first row {header[0]}={mat[0, 0]!r}, last {header[-1]}={mat[-1, -1]!r}")


if dataset_dirs:
    npy_dir, npz_dir, csv_dir = dataset_dirs
    npy_parts = parts(npy_dir, len(rows))
    pieces = []
    for path, _, n in npy_parts:
        part = np.load(path)
        assert part.shape == (n, len(header)) and part.dtype == np.float64, (path, part.shape, part.dtype)
        assert json.load(open(path[:-4] + ".columns.json")) == header, path
        pieces.append(part)
    assert np.array_equal(np.concatenate(pieces), expected), "npy dataset parts differ from the CSV"
    columns = {name: [] for name in header}
    for path, _, n in parts(npz_dir, len(rows)):
        z = np.load(path)
        assert list(z.files) == header, path
        for name in header:
            assert z[name].shape == (n,), (path, name)
            columns[name].append(z[name].astype(np.float64))
    for i, name in enumerate(header):
        assert np.array_equal(np.concatenate(columns[name]), expected[:, i]), f"npz dataset column {name}"
    text_rows = []
    for path, _, n in parts(csv_dir, len(rows)):
        with open(path) as f:
            reader = csv.reader(f)
            assert next(reader) == header, f"{path}: another header"
            got = [[float(v) for v in r] for r in reader]
        assert len(got) == n, (path, len(got), n)
        text_rows.extend(got)
    assert np.array_equal(np.array(text_rows, dtype=np.float64), expected), "csv dataset parts differ from the CSV"
    print(f"  npy, npz and csv datasets of {len(npy_parts)} parts: end to end, identical to the CSV")

