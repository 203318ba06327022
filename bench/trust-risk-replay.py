#!/usr/bin/env python3
"""Replays the trust threshold's risk bound on evaluated models' test predictions (docs/trust.md, ninth look).

For each predictions.jsonl (r2d evaluate / experiment runs: trust score, reasons and gold per note), the notes are split
at random into a calibration half, on which a threshold is chosen as trust.TrustRule.fit chooses it (98 % of the
notes no veto refuses, raised until the decided notes meet the risk bound; nothing decided when no threshold does),
and a judged half. Three bounds, each at most 5 % wrong: `point` (the observed share, the rule before the ninth look),
`cp` (one-sided Clopper-Pearson upper bound at 95 %, today's default) and `fixed-seq` (the same test from the most
typical notes down, stopping at the first failure once 59 notes are decided). Prints per model: test accuracy, and
per bound the judged half's mean coverage, the error among all decided notes pooled over the splits, and the share of
splits whose judged error exceeds 5 %.

A note counts as vetoed when one of its reasons is not a feature's tail probability (the vetoes' reasons name no
tail); scipy gives the binomial tail.

    python3 bench/trust-risk-replay.py [--splits 200] RUN/evaluation/predictions.jsonl ...
"""
import argparse
import json
import math
import random

from scipy.stats import binom

MAX_RISK = 0.05
CONFIDENCE = 0.95
COVERAGE = 0.98


def load(path):
    notes = []
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            t = r["trust"]
            vetoed = any("tail probability" not in reason for reason in t["reasons"])
            notes.append((t["score"], r["predicted_label"] == r["label"], vetoed))
    return notes


def admits(bound, wrong, n):
    if wrong > MAX_RISK * n + 1e-12:
        return False
    return bound == "point" or binom.cdf(wrong, n, MAX_RISK) <= 1 - CONFIDENCE


def threshold(cal, bound):
    open_notes = sorted(((s, c) for s, c, v in cal if not v), key=lambda x: -x[0])
    if not open_notes:
        return 2.0
    k = math.ceil(COVERAGE * len(open_notes) - 1e-9)
    coverage_threshold = open_notes[max(k, 1) - 1][0]
    least = math.ceil(math.log(1 - CONFIDENCE) / math.log(1 - MAX_RISK))
    best, wrong = 2.0, 0
    for i, (s, c) in enumerate(open_notes):
        wrong += 0 if c else 1
        if i + 1 < len(open_notes) and open_notes[i + 1][0] == s:
            continue
        ok = admits(bound, wrong, i + 1)
        if ok:
            best = s
        elif bound == "fixed-seq" and i + 1 >= least:
            break
    return max(coverage_threshold, best)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--splits", type=int, default=200)
    ap.add_argument("predictions", nargs="+")
    a = ap.parse_args()
    bounds = ["point", "cp", "fixed-seq"]
    for path in a.predictions:
        notes = load(path)
        rng = random.Random(1)
        stats = {b: [0, 0, 0, 0.0] for b in bounds}   # decided, wrong, splits over 5 %, coverage sum
        for _ in range(a.splits):
            idx = list(range(len(notes)))
            rng.shuffle(idx)
            half = len(notes) // 2
            cal = [notes[i] for i in idx[:half]]
            judged = [notes[i] for i in idx[half:]]
            for b in bounds:
                t = threshold(cal, b)
                decided = [c for s, c, v in judged if not v and s >= t]
                w = sum(1 for c in decided if not c)
                st = stats[b]
                st[0] += len(decided)
                st[1] += w
                st[2] += 1 if decided and w / len(decided) > MAX_RISK else 0
                st[3] += len(decided) / len(judged)
        name = "/".join(path.split("/")[-5:-2])
        acc = sum(c for _, c, _ in notes) / len(notes)
        cells = " | ".join("%s cov %.3f err %.3f over5%% %.2f" % (b, st[3] / a.splits, st[1] / max(st[0], 1),
                                                                 st[2] / a.splits) for b, st in stats.items())
        print("%-40s acc %.3f | %s" % (name, acc, cells))


if __name__ == "__main__":
    main()
