#!/usr/bin/env bash
# Runs our benchmarks (./r2d bench) and the PyTorch peer (../shared/bench/torch_t5.py) interleaved on the same
# shapes (A B A B ...), then prints a table: each side's median over rounds (with min–max) and ours/peer.
# Usage: bench/compare.sh [--config small] [--batch 8] [--src 256] [--tgt 64] [--new 64] [--threads 2]
#                         [--steps 3] [--rounds 2] [--modes "train greedy"] [--out FILE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="${R2D_PEER:-$here/../shared/bench/torch_t5.py}"
python="${R2D_PEER_PYTHON:-/usr/bin/python3}"
config=small batch=8 src=256 tgt=64 new=64 threads=2 steps=3 rounds=2 modes="train greedy" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --config) config="$2" ;; --batch) batch="$2" ;; --src) src="$2" ;; --tgt) tgt="$2" ;; --new) new="$2" ;;
    --threads) threads="$2" ;; --steps) steps="$2" ;; --rounds) rounds="$2" ;; --modes) modes="$2" ;;
    --out) out="$2" ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
[ -f "$peer" ] || { echo "compare.sh: peer not found at $peer (set R2D_PEER)" >&2; exit 1; }
"$python" -c "import torch" 2>/dev/null || { echo "compare.sh: $python has no torch; run bash ../shared/bench/setup-peer.sh" >&2; exit 1; }
out="${out:-$(mktemp /tmp/r2d-compare.XXXXXX.jsonl)}"
: > "$out"
shape=(--config "$config" --batch "$batch" --src "$src" --threads "$threads" --steps "$steps")
for r in $(seq 1 "$rounds"); do
  for mode in $modes; do
    case "$mode" in
      train) extra=(--tgt "$tgt") ;;
      greedy) extra=(--new "$new") ;;
      *) echo "compare.sh: mode $mode has no peer (train, greedy)" >&2; exit 2 ;;
    esac
    echo "round $r: ours $mode" >&2
    "$here/r2d" bench "$mode" "${shape[@]}" "${extra[@]}" | grep '^{' >> "$out"
    echo "round $r: peer $mode" >&2
    "$python" "$peer" "$mode" "${shape[@]}" "${extra[@]}" | grep '^{' >> "$out"
  done
done
"$python" - "$out" <<'PY'
import json, statistics, sys, platform, os, datetime
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
print(f"# {datetime.date.today()}  {cpu}, {os.cpu_count()} cores; raw lines: {sys.argv[1]}")
print("| mode | config | threads | ours | peer | ours/peer |")
print("|---|---|---|---|---|---|")
key = {"train_step": "tokens_per_s", "greedy_kv_cache": "new_tokens_per_s"}
for mode in ["train_step", "greedy_kv_cache"]:
    for cfg in sorted({r["config"] for r in rows}):
        side = lambda who: [r[key[mode]] for r in rows if r["mode"] == mode and r["config"] == cfg and (r["peer"] == "r2d-djl") == (who == "ours")]
        o, p = side("ours"), side("peer")
        if not o or not p:
            continue
        fmt = lambda v: f"{statistics.median(v):.1f} ({min(v):.1f}–{max(v):.1f})"
        th = rows[0]["threads"]
        print(f"| {mode} {key[mode]} | {cfg} | {th} | {fmt(o)} | {fmt(p)} | {statistics.median(o) / statistics.median(p):.2f} |")
PY
