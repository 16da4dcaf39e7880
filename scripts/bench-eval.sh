#!/usr/bin/env bash
# The figures of docs/benchmarks.md, "eval of 1M tickets": `slac eval` on a
# generated 1M-ticket CSV against CPython's csv.reader merely reading it and
# DuckDB's read_csv + GROUP BY priority over it (one hyperfine run), then
# peak RSS at 1M, 2M and 4M tickets. Not run by CI.
#
#   scripts/bench-eval.sh [DIR]        # DIR: where the logs go (/tmp/slac-bench-eval)
#
# DuckDB is the `duckdb` package from PyPI; give the Python that has it in
# DUCKDB_PYTHON (default: a venv at /tmp/slac-duckdb, made if missing):
#   python3 -m venv /tmp/slac-duckdb && /tmp/slac-duckdb/bin/pip install duckdb
# Needs hyperfine and GNU time (`apt-get install -y hyperfine time`).
set -euo pipefail

dir=${1:-/tmp/slac-bench-eval}
contract=contracts/acme-support.sla
as_of=2028-01-01T00:00:00+08:00
duckdb_python=${DUCKDB_PYTHON:-/tmp/slac-duckdb/bin/python}

cd "$(dirname "$0")/.."
if ! "$duckdb_python" -c 'import duckdb' 2>/dev/null; then
    python3 -m venv /tmp/slac-duckdb
    /tmp/slac-duckdb/bin/pip install --quiet duckdb
    duckdb_python=/tmp/slac-duckdb/bin/python
fi

cargo build --release --no-default-features --quiet --bin slac --example gen_tickets
target=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
slac=$target/release/slac
gen=$target/release/examples/gen_tickets

mkdir -p "$dir"
for n in 1 2 4; do
    log=$dir/t${n}m.csv
    [ -s "$log" ] || "$gen" "$contract" "${n}000000" "$log"
done

echo "machine: $(nproc) cores, $(uptime)"
echo "python: $(python3 --version), duckdb: $("$duckdb_python" -c 'import duckdb; print(duckdb.__version__)')"

# One run, so that the ratios compare like with like.
hyperfine -N -w 1 -r 6 --export-markdown "$dir/eval-1m.md" \
    -n "slac eval" "$slac eval $contract $dir/t1m.csv --as-of $as_of --format json" \
    -n "python csv.reader" "python3 -c 'import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1], newline=\"\")))' $dir/t1m.csv" \
    -n "duckdb read_csv + group by" "$duckdb_python -c 'import duckdb,sys; duckdb.sql(\"select priority, count(*) from read_csv(\$\$\" + sys.argv[1] + \"\$\$) group by priority\").fetchall()' $dir/t1m.csv"

# Peak memory against the log's length.
for n in 1 2 4; do
    /usr/bin/time -f "${n}M tickets: %e s wall, peak RSS %M KB" \
        "$slac" eval "$contract" "$dir/t${n}m.csv" --as-of "$as_of" --format json >/dev/null
done
