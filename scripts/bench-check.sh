#!/usr/bin/env bash
# The whole-command figures of docs/benchmarks.md for `slac check`, in one
# hyperfine run so that the ratios compare like with like:
#   - the issue's 2.2 MB contract (scripts/big-contract.py) against
#     Python's json.load of its own rule set;
#   - 20,000 warnings (unused calendars, W005) in human format against JSON;
#   - a folder of 1,000 contracts (copies of acme, each with its own id),
#     one thread against two.
# Not run by CI.
#
#   scripts/bench-check.sh [DIR]      # DIR: where the inputs go (/tmp/slac-bench-check)
#
# SLAC=path/to/slac uses that binary instead of building the release one.
# Needs hyperfine (`apt-get install -y hyperfine`).
set -euo pipefail

dir=${1:-/tmp/slac-bench-check}
cd "$(dirname "$0")/.."
if [ -z "${SLAC:-}" ]; then
    cargo build --release --quiet --bin slac
    target=$(cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
    SLAC=$target/release/slac
fi

mkdir -p "$dir"
python3 scripts/big-contract.py > "$dir/big.sla"
"$SLAC" build "$dir/big.sla" -o "$dir/big.json"
# The same inputs as benches/report.rs: many_warnings(20_000) and write_folder.
python3 - "$dir" <<'PY'
import pathlib, sys
d = pathlib.Path(sys.argv[1])
calendars = "".join(f'  calendar c{n} "未使用的日历{n}" 24x7\n' for n in range(20_000))
(d / "w20k.sla").write_text(
    'contract "客户服务SLA" {\n'
    '  id        "BENCH-W005"\n'
    '  effective 2027-01-01..2027-12-31\n'
    '  timezone  "Asia/Shanghai"\n'
    '  clock     business\n\n'
    '  party client   "艾克姆科技有限公司" { short "客户" }\n'
    '  party provider "海普服务有限公司"   { short "服务方" }\n\n'
    '  scope {\n    service consulting "产品使用咨询与指导"\n  }\n\n'
    '  calendar business "工作日 9:00-18:00" {\n    mon-fri 09:00-18:00\n  }\n'
    f'{calendars}\n'
    '  channel hotline "专用服务热线" { hours business }\n\n'
    '  priority P1 "紧急" { "核心业务中断。" }\n\n'
    '  response {\n    P1 within 30 minutes\n  }\n'
    '  resolution {\n    P1 within 4 hours\n  }\n'
    '}\n', encoding="utf-8")
project = d / "f1000"
for sub in [".git", "holidays", "contracts"]:
    (project / sub).mkdir(parents=True, exist_ok=True)
(project / "holidays/cn-2026.sla").write_bytes(pathlib.Path("holidays/cn-2026.sla").read_bytes())
acme = pathlib.Path("contracts/acme-support.sla").read_text(encoding="utf-8")
for n in range(1000):
    (project / f"contracts/contract-{n:04}.sla").write_text(
        acme.replace("ACME-", f"ACME-{n:04}-", 1), encoding="utf-8")
PY

echo "machine: $(nproc) cores, $(uptime)"
echo "python: $(python3 --version)"
"$SLAC" check --color never "$dir/f1000/contracts" >/dev/null
hyperfine -N -w 2 -r 10 --ignore-failure --export-markdown "$dir/check.md" \
    -n "slac check big.sla" "$SLAC check --color never $dir/big.sla" \
    -n "python json.load big.json" "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' $dir/big.json" \
    -n "slac check w20k.sla (human)" "$SLAC check --color never $dir/w20k.sla" \
    -n "slac check w20k.sla (json)" "$SLAC check --color never --format json $dir/w20k.sla" \
    -n "slac check f1000, one thread" "env RAYON_NUM_THREADS=1 $SLAC check --color never $dir/f1000/contracts" \
    -n "slac check f1000, two threads" "$SLAC check --color never $dir/f1000/contracts"
