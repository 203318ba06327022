#!/usr/bin/env python3
"""Re-applies trust.TrustRule (docs/trust.md) to recorded r2d predict rows, for other feature sets; every row carries
every signal. Used for docs/trust.md's sixth look; it reproduces the rows' own verdicts for the rule they were made with.
usage: trust-table.py VALIDATION_PRED name=PRED ... [--combos=a+b,c+d] [--old]   (--old: threshold over all validation notes)"""
import json, math, sys
def rows(p): return [json.loads(l) for l in open(p) if l.strip()]
def feat(s, f):
    if f == 'label_surprise': return -math.log(max(s['label_probability'], 1e-300))
    if f == 'margin_gap': return 1 - s['margin']
    return s.get(f)
def nveto(r):
    return sum(1 for x in r['trust']['reasons'] if 'tail probability' not in x and 'no trust statistics' not in x)
def tail(ref, v):
    n = len(ref)
    if n == 0 or v is None or v != v: return 1.0
    k = max(1, int(math.floor(0.1 * n))); u = ref[max(0, n - k - 1)]
    if v > u and n > k:
        beta = max(sum(x - u for x in ref[n-k:]) / k, 1e-9 * max(1, abs(u)))
        return (k + 1) / (n + 1) * math.exp(-(v - u) / beta)
    below = sum(1 for x in ref if x < v)
    return (n - below + 1) / (n + 1)
def score(r, refs):
    s = r['trust']['signals']; sc = 1.0
    for f, ref in refs.items(): sc = min(sc, tail(ref, feat(s, f)))
    return max(0, min(1, sc * 0.1 ** nveto(r)))
def auroc(pos, neg):  # P(score of right > score of wrong)
    if not pos or not neg: return float('nan')
    c = 0.0
    for p in pos:
        for q in neg: c += 1 if p > q else 0.5 if p == q else 0
    return c / (len(pos) * len(neg))
args = [a for a in sys.argv[1:] if not a.startswith('--')]
combos = ['input_rmd+label_surprise+token_md']
old = '--old' in sys.argv
for a in sys.argv[1:]:
    if a.startswith('--combos='): combos = a.split('=', 1)[1].split(',')
val = rows(args[0]); sets = [(a.split('=', 1)[0], rows(a.split('=', 1)[1])) for a in args[1:]]
for combo in combos:
    fs = combo.split('+')
    refs = {f: sorted(feat(r['trust']['signals'], f) for r in val) for f in fs}
    vs = [(score(r, refs), nveto(r)) for r in val]
    pool = sorted(s for s, k in vs if old or k == 0)
    if not pool: thr = 1.0
    else:
        dec = math.ceil(0.98 * len(pool) - 1e-9); thr = pool[len(pool) - max(dec, 1)]
    vd = sum(1 for s, k in vs if k == 0 and s >= thr)
    print(f'== {combo}{" (old threshold)" if old else ""}: threshold {thr:.4g}, validation decided {vd}/{len(val)} (vetoed {sum(1 for s,k in vs if k)})')
    print(f'   {"set":14s} {"n":>4s} {"acc":>6s} {"cov":>6s} {"wrong/dec":>10s} {"auroc":>6s}')
    pr, pw, pd, pn, pwr = [], [], 0, 0, 0
    for name, rs in sets:
        sc = [(score(r, refs), nveto(r) == 0, r.get('label') == r.get('predicted_label')) for r in rs]
        d = [(s, ok) for s, open_, ok in sc if open_ and s >= thr]
        wrong = sum(1 for s, ok in d if not ok)
        acc = sum(1 for _, _, ok in sc if ok) / len(sc)
        au = auroc([s for s, _, ok in sc if ok], [s for s, _, ok in sc if not ok])
        print(f'   {name:14s} {len(rs):4d} {acc:6.3f} {len(d)/len(rs):6.3f} {wrong:4d}/{len(d):<5d} {au:6.3f}')
        if name not in ('test', 'cf', 'far', 'validation'):
            pr += [s for s, _, ok in sc if ok]; pw += [s for s, _, ok in sc if not ok]; pd += len(d); pn += len(rs); pwr += wrong
    if pn:
        print(f'   pooled shifted: decided {pd}/{pn}, wrong {pwr} ({pwr/max(pd,1):.3f}), auroc {auroc(pr, pw):.3f}')
