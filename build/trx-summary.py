#!/usr/bin/env python3
"""Sums the counters of every .trx file in the given directories and prints `N passed, N failed, N skipped`.

Usage: trx-summary.py [--extra-passed N] [--extra-failed N] DIR...
Exit code 0 when nothing failed, 1 otherwise. Prints "0 passed, 0 failed" when there are no results.
"""
import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--extra-passed", type=int, default=0)
    ap.add_argument("--extra-failed", type=int, default=0)
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    passed, failed, skipped = a.extra_passed, a.extra_failed, 0
    files = sorted({f for d in a.dirs for f in glob.glob(os.path.join(d, "**", "*.trx"), recursive=True)})
    for f in files:
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError as e:  # a truncated file from a crashed run counts as a failure
            print(f"trx-summary: cannot parse {f}: {e}", file=sys.stderr)
            failed += 1
            continue
        c = root.find(f"{NS}ResultSummary/{NS}Counters")
        if c is None:
            continue
        n = lambda k: int(c.get(k, "0"))
        p, fl = n("passed"), n("failed") + n("error") + n("timeout") + n("aborted")
        s = n("notExecuted") + n("inconclusive")
        print(f"trx-summary: {os.path.basename(f)}: {p} passed, {fl} failed, {s} skipped", file=sys.stderr)
        passed += p
        failed += fl
        skipped += s
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
