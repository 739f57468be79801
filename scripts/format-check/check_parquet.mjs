// Compare a fairsynth Parquet file with the CSV of the same dataset using DuckDB: row count, column
// names and types, footer metadata, and every value exactly (positional join of the two files).
import { DuckDBInstance } from '@duckdb/node-api';

const [csvPath, parquetPath] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjects();

const pq = `read_parquet('${parquetPath}')`;
const cs = `read_csv('${csvPath}', header = true, all_varchar = false, auto_type_candidates = ['BIGINT', 'DOUBLE'])`;
const pCols = await rows(`DESCRIBE SELECT * FROM ${pq}`);
const cCols = await rows(`DESCRIBE SELECT * FROM ${cs}`);
const names = pCols.map((c) => c.column_name);
if (JSON.stringify(names) !== JSON.stringify(cCols.map((c) => c.column_name))) throw new Error('column names differ');
const [pn] = await rows(`SELECT count(*) AS n FROM ${pq}`);
const [cn] = await rows(`SELECT count(*) AS n FROM ${cs}`);
if (pn.n !== cn.n) throw new Error(`row counts differ: ${pn.n} vs ${cn.n}`);
const checks = names.map((n, i) => {
  const p = pCols[i].column_type === 'BOOLEAN' ? `p."${n}"::INTEGER` : `p."${n}"`;
  return `sum(CASE WHEN ${p} = c."${n}" THEN 0 ELSE 1 END) AS "${n}"`;
});
const [diff] = await rows(`SELECT ${checks.join(', ')} FROM (SELECT * FROM ${pq}) p POSITIONAL JOIN (SELECT * FROM ${cs}) c`);
const bad = Object.entries(diff).filter(([, v]) => Number(v) !== 0);
if (bad.length) throw new Error(`values differ in ${bad.map(([k]) => k).join(', ')}`);
const meta = await rows(`SELECT decode(key) AS k FROM parquet_kv_metadata('${parquetPath}')`);
const keys = meta.map((m) => m.k).filter((k) => k.startsWith('fairsynth.'));
const types = [...new Set(pCols.map((c) => c.column_type))].join('/');
const [first] = await rows(`SELECT "${names[0]}" AS v FROM ${pq} LIMIT 1`);
console.log(`  parquet ${pn.n} rows x ${names.length} columns (${types}): identical to the CSV;` +
  ` metadata ${keys.join(', ')}; first ${names[0]}=${first.v}`);
