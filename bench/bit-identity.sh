#!/usr/bin/env bash
# Bit-identity check for refactors (issue 27): trains r2d and r2dc for 40 steps each (tiny from scratch, dropout on,
# scheduled sampling on) with the r2d launcher of checkout $1 and writes per-step losses and weight hashes to
# $2/summary.txt. Usage: bench/bit-identity.sh CHECKOUT OUT [DATA]; run it on the tree before and after a change.
# Compare: diff BEFORE/summary.txt AFTER/summary.txt (same DATA folder for both: pass it as the third argument).
set -euo pipefail
r2d="$1/r2d" out="$2"
rm -rf "$out"; mkdir -p "$out"
data="${3:-$out.data}"
if [ ! -f "$data"/tok/tokenizer.json ]; then
  "$r2d" data synth-triage --train 200 --validation 20 --test 20 --seed 3 --out "$data"/d
  "$r2d" tokenizer build --corpus "$data"/d/train.jsonl --vocab-size 800 --out "$data"/tok
fi
for recipe in r2d r2dc; do
  "$r2d" train --recipe $recipe --scratch tiny --tokenizer "$data"/tok --train "$data"/d/train.jsonl \
    --validation "$data"/d/validation.jsonl --steps 40 --stage1-fraction 0.5 --batch-size 8 --dropout 0.1 \
    --eval-every 20 --stage1-eval-every 20 --max-validation 10 --seed 11 --out "$out/$recipe" >/dev/null 2>&1 \
    || { echo "bit-identity: $recipe failed"; exit 1; }
  { echo "== $recipe"
    grep '"kind":"step"' "$out/$recipe/metrics.jsonl" | python3 -c '
import sys, json
for line in sys.stdin:
    d = json.loads(line)
    keys = sorted(k for k in d if "loss" in k or k in ("step","stage","alpha","pi","lr","used_pred","avg_conf"))
    print(" ".join(f"{k}={d[k]}" for k in keys))'
    find "$out/$recipe" -name '*.safetensors' | sort | while read -r f; do
      python3 - "$f" <<'PY'
import sys, json, struct, hashlib
p = sys.argv[1]
b = open(p, 'rb').read()
n = struct.unpack('<Q', b[:8])[0]
h = json.loads(b[8:8+n])
for name in sorted(k for k in h if k != '__metadata__'):
    s, e = h[name]['data_offsets']
    print(p.split('/')[-2] + '/' + p.split('/')[-1], name, h[name]['dtype'], h[name]['shape'], hashlib.sha256(b[8+n+s:8+n+e]).hexdigest()[:16])
PY
    done; } >> "$out/summary.txt"
done
wc -l "$out/summary.txt"
