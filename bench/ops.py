#!/usr/bin/env python3
"""Sums a libtorch Chrome trace (r2d bench ... --profile FILE) per op name: self time is not separated, so nested
ops (e.g. aten::linear over aten::addmm) are counted at every level; read the leaves (aten::mm, aten::add, ...)."""
import json, sys, collections
events = json.load(open(sys.argv[1]))
events = events.get("traceEvents", events) if isinstance(events, dict) else events
tot, cnt = collections.Counter(), collections.Counter()
for e in events:
    if e.get("ph") == "X" and "dur" in e:
        tot[e["name"]] += e["dur"]; cnt[e["name"]] += 1
n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
for name, us in tot.most_common(n):
    print(f"{us / 1e3:10.1f} ms {cnt[name]:7d}  {name}")
