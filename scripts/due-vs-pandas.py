#!/usr/bin/env python3
"""Due times of acme's business calendar with pandas' CustomBusinessHour.

The calendar of contracts/acme-support.sla: mon-fri 09:00-12:00,
13:00-18:00 in Asia/Shanghai (no DST, so naive local times serve), closed
on the days of holidays/cn-2026.sla (read with `slac holidays show`).
pandas has no make-up working days (a Saturday worked instead of a
holiday), so those stay closed for it: a due time may differ only when a
make-up day lies between the receipt and pandas' due time; and a target
that runs out exactly at a close is due at that close for slac
(docs/clock.md) and at the next opening for pandas.

1. Checks SAMPLE receipts against `slac due --priority P2` (its response
   target, 2 hours): each agrees, or differs only by a make-up day.
2. Times N queries `receipt + CustomBusinessHour(2)`, the receipts spread
   over 2026 as in benches/clock.rs (every 52 min 33 s from
   2026-01-01 00:00 UTC), and prints the time per query.

    python3 -m venv /tmp/pandas-venv && /tmp/pandas-venv/bin/pip install pandas
    /tmp/pandas-venv/bin/python scripts/due-vs-pandas.py --slac target/release/slac

Compare with `cargo bench --bench clock -- "due/2 hours"` (docs/benchmarks.md).
"""

import argparse
import datetime as dt
import json
import subprocess
import time

import pandas as pd

CONTRACT = "contracts/acme-support.sla"
LIBRARY = "holidays/cn-2026.sla"
SHANGHAI = dt.timezone(dt.timedelta(hours=8))
CLOSES = {dt.time(12), dt.time(18)}
OPENINGS = {dt.time(9), dt.time(13)}
STRIDE = dt.timedelta(minutes=52, seconds=33)
START = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def set_days(slac: str) -> tuple[list[str], set[dt.date]]:
    out = subprocess.run(
        [slac, "holidays", "show", LIBRARY, "--format", "json"],
        check=True, capture_output=True, text=True,
    ).stdout
    days = json.loads(out)
    closed = [d["date"] for d in days if d["kind"] == "closed"]
    make_up = {dt.date.fromisoformat(d["date"]) for d in days if d["kind"] == "open"}
    return closed, make_up


def receipts(n: int) -> list[dt.datetime]:
    """Receipts as naive Shanghai local times."""
    return [
        (START + k * STRIDE).astimezone(SHANGHAI).replace(tzinfo=None) for k in range(n)
    ]


def slac_due(slac: str, received: dt.datetime) -> dt.datetime:
    out = subprocess.run(
        [slac, "due", CONTRACT, "--priority", "P2", "--format", "json",
         "--received", received.isoformat() + "+08:00"],
        check=True, capture_output=True, text=True,
    ).stdout
    due = dt.datetime.fromisoformat(json.loads(out)["response_due"])
    return due.astimezone(SHANGHAI).replace(tzinfo=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slac", default="slac", help="the slac binary")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("-n", type=int, default=10_000, help="queries timed")
    args = parser.parse_args()

    closed, make_up = set_days(args.slac)
    hours = pd.offsets.CustomBusinessHour(
        n=2, start=["09:00", "13:00"], end=["12:00", "18:00"],
        weekmask="Mon Tue Wed Thu Fri", holidays=closed,
    )
    all_receipts = receipts(args.n)

    agree = by_make_up = at_close = 0
    step = max(1, len(all_receipts) // args.sample)
    for received in all_receipts[::step][: args.sample]:
        theirs = (pd.Timestamp(received) + hours).to_pydatetime()
        ours = slac_due(args.slac, received)
        if ours == theirs:
            agree += 1
            continue
        # A budget that runs out exactly at a close: slac says the close,
        # pandas the next opening, the same point in open time.
        if ours.time() in CLOSES and theirs.time() in OPENINGS and ours < theirs:
            at_close += 1
            continue
        between = {received.date() + dt.timedelta(days=k)
                   for k in range((theirs.date() - received.date()).days + 1)}
        if between & make_up and ours < theirs:
            by_make_up += 1
            continue
        raise SystemExit(f"differs: received {received}, slac {ours}, pandas {theirs}")
    print(f"sample of {agree + by_make_up + at_close}: {agree} agree with `slac due`, "
          f"{at_close} are due at a close where pandas gives the next opening, "
          f"{by_make_up} differ only by a make-up working day pandas cannot open")

    stamps = [pd.Timestamp(r) for r in all_receipts]
    for s in stamps[:100]:  # warm
        s + hours
    start = time.perf_counter()
    for s in stamps:
        s + hours
    elapsed = time.perf_counter() - start
    print(f"pandas {pd.__version__} CustomBusinessHour: {len(stamps)} queries in "
          f"{elapsed:.3f} s, {elapsed / len(stamps) * 1e6:.1f} µs per query")


if __name__ == "__main__":
    main()
