"""Compare the days of a shipped holiday library with the PyPI `holidays` package.

usage: python holidays-compare.py SLAC LIBRARY COUNTRY [SUBDIV] --years A..B

Runs `SLAC holidays show LIBRARY --years A..B --format json` and compares
its closed dates, exactly, with the days off that `holidays` lists for the
same years (its default `public` category: for the US the federal holidays
of 5 U.S.C. 6103; for the UK with subdiv ENG the bank holidays of England
and Wales).

`holidays` lists a holiday on its own date *and*, when that is a weekend
day, the weekday it is observed on ("… (observed)"). A set lists only the
days it closes, so the weekend dates `holidays` lists are left out, and a
weekend day in the set is a difference. Every difference is printed; any
difference fails.
"""

import argparse
import datetime
import json
import subprocess
import sys

import holidays


def main(argv):
    parser = argparse.ArgumentParser(description="slac holidays show vs PyPI holidays")
    parser.add_argument("slac")
    parser.add_argument("library")
    parser.add_argument("country")
    parser.add_argument("subdiv", nargs="?")
    parser.add_argument("--years", required=True, help="A..B")
    args = parser.parse_args(argv)
    slac, library, country, subdiv = args.slac, args.library, args.country, args.subdiv
    years_arg = args.years
    first, last = (int(y) for y in years_arg.split(".."))

    shown = subprocess.run(
        [slac, "holidays", "show", library, "--years", years_arg, "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    )
    days = json.loads(shown.stdout)
    ours = {}
    for day in days:
        if day["kind"] == "closed":
            ours.setdefault(datetime.date.fromisoformat(day["date"]), []).append(day["note"])
    weekend_in_ours = sorted(d for d in ours if d.weekday() >= 5)

    table = holidays.country_holidays(country, subdiv=subdiv, years=range(first, last + 1))
    theirs = {d: name for d, name in table.items() if first <= d.year <= last}
    theirs_off = {d: n for d, n in theirs.items() if d.weekday() < 5}

    failures = []
    for d in sorted(set(ours) - set(theirs_off)):
        failures.append(f"only in slac:     {d} {d:%a} {'; '.join(map(str, ours[d]))}")
    for d in sorted(set(theirs_off) - set(ours)):
        failures.append(f"only in holidays: {d} {d:%a} {theirs_off[d]}")
    for d in weekend_in_ours:
        failures.append(f"slac closes a weekend day: {d} {d:%a}")

    label = f"{library} vs holidays {holidays.__version__} {country}{'/' + subdiv if subdiv else ''} {first}..{last}"
    for line in failures:
        print(f"FAIL {label}: {line}")
    print(f"{label}: {len(ours)} days in slac, {len(theirs_off)} weekdays in holidays")
    print(f"{len(set(ours) & set(theirs_off))} passed, {len(failures)} failed")
    return 1 if failures or not ours else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
