#!/usr/bin/env python3
"""Precision and recall of `jobpost lint` against a reviewer's labels.

    jobpost lint DIR -f json --fail-on never > lint.json
    python3 bench/lint-pr.py labels.tsv lint.json [--show] [--without-pending]

labels.tsv: one line per (posting file name, rule id, kind, note), tab-separated; kind is
`fault` (a careful reviewer flags it at warning or error level) or `lookalike` (text that
resembles a fault and must not fire; kept for the record, scored like any unlabelled
pair). Lines starting with `#` are comments.

Scoring is per (posting, rule) pair, over the fault classes the labels cover (COUNTED):
wording that excludes, pay-transparency and pay-consistency rules. Structure, length and
voice advice (missing-section, word-count, impersonal-voice...) are not scored: they are
judgements about style, not faults a reviewer would agree on. Notes count for neither
side. A finding on a counted rule that no `fault` line names is a false positive; a
`fault` line with no such finding is a miss.
"""
import json
import os
import sys

COUNTED = {
    "gendered-term", "age-coded", "ability-assumption", "hype-title", "culture-cliche",
    "native-speaker", "appearance-ask",
    "pay-missing", "pay-open-ended", "pay-vague", "pay-min-above-max", "pay-benefits-missing",
    "pay-deadline-missing", "pay-range-too-wide", "currency-mismatch", "pay-period-implausible",
}


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    faults = set()
    for line in open(argv[1], encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 3 or cols[2] not in ("fault", "lookalike"):
            sys.exit(f"{argv[1]}: expected `file<TAB>rule<TAB>fault|lookalike`, found {line!r}")
        if cols[1] not in COUNTED:
            sys.exit(f"{argv[1]}: rule {cols[1]!r} is not one of the counted rules")
        if cols[2] == "fault":
            faults.add((cols[0], cols[1]))
    found = {}
    for f in json.load(open(argv[2], encoding="utf-8")):
        # A stated preference for one sex, and a German or French title in one gender
        # only, are the gendered wording reviewers label.
        rule = "gendered-term" if f["rule"] in ("sex-preference", "title-gender") else f["rule"]
        # --without-pending: leave out the warnings about a law not yet in force (the
        # EU directive where it is not yet national law), to see the rest apart.
        pending = "is not yet law" in f["message"]
        if "--without-pending" in argv and pending:
            continue
        if f["severity"] in ("warning", "error") and rule in COUNTED:
            key = (os.path.basename(f["path"]), rule)
            found.setdefault(key, f.get("matched") or f["message"])
    tp = faults & found.keys()
    fp = found.keys() - faults
    fn = faults - found.keys()
    p = len(tp) / len(found) if found else 1.0
    r = len(tp) / len(faults) if faults else 1.0
    print(f"faults {len(faults)}  found {len(found)}  true {len(tp)}  "
          f"false {len(fp)}  missed {len(fn)}  precision {p:.2f}  recall {r:.2f}")
    if "--show" in argv:
        for k in sorted(fp):
            print("FP", *k, found[k], sep="\t")
        for k in sorted(fn):
            print("FN", *k, sep="\t")


if __name__ == "__main__":
    main(sys.argv)
