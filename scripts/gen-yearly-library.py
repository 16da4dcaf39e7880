#!/usr/bin/env python3
"""A holiday library of N closed lines, three in four of them yearly rules.

The input of docs/benchmarks.md's grammar figures: it makes the parser try
every form of a holiday set's `closed` line (a fixed date with `observed`,
an nth weekday, an Easter offset, and a dated day), with Chinese and ASCII
names. Deterministic (seed 7).

    python3 scripts/gen-yearly-library.py 20000 > /tmp/yearly-20k.sla
    slac check /tmp/yearly-20k.sla
"""
import random
import sys

ORDINALS = ["1st", "2nd", "3rd", "4th", "last"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun",
          "jul", "aug", "sep", "oct", "nov", "dec"]


def line(i, rng):
    kind = i % 4
    if kind == 0:
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        return f'closed yearly {month:02}-{day:02} observed from {2000 + i % 20} "节日 {i}"'
    if kind == 1:
        return (f"closed yearly {rng.choice(ORDINALS)} {rng.choice(WEEKDAYS)} "
                f'{rng.choice(MONTHS)} "Day {i}"')
    if kind == 2:
        return f'closed yearly easter +{i % 40} days "复活节后 {i}"'
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return f'closed {2000 + i % 100}-{month:02}-{day:02} "假日 {i}"'


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = random.Random(7)
    print('holidays big "大假日库" {')
    for i in range(n):
        print("  " + line(i, rng))
    print("}")


if __name__ == "__main__":
    main()
