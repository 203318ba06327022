#!/usr/bin/env bash
# Seconds per training step of the quickstart under each speed lever (issue 25), measured side by side: every
# variant runs a short quickstart (few steps per stage, no goal stop, validation only at each stage's end, a small
# test set, no probes) in turn, A B C ... A B C ..., and the table gives each variant's median s/step per stage.
# Usage: bench/quickstart-levers.sh [--steps 80] [--rounds 2] [--out DIR] [NAME='--set a=b --vocab-size N' ...]
# Without NAME=FLAGS arguments the shipped list of levers below is measured.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
steps=80 rounds=2 out=""
variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) steps="$2"; shift 2 ;; --rounds) rounds="$2"; shift 2 ;; --out) out="$2"; shift 2 ;;
    *=*) variants+=("$1"); shift ;;
    *) echo "quickstart-levers.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ ${#variants[@]} -eq 0 ]; then
  variants=(
    "base="
    "threads1=--set threads=1"
    "batch16=--set batch-size=16"
    "batch64=--set batch-size=64"
    "target64=--set max-target-tokens=64 --set rationale-max-new-tokens=64"
    "random-batches=--set random-batches=true"
    "vocab1000=--vocab-size 1000"
    "vocab800=--vocab-size 800"
    "micro=--size micro"
  )
fi
out="${out:-$(mktemp -d /tmp/r2d-levers.XXXXXX)}"
mkdir -p "$out"
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2}'; }
for r in $(seq 1 "$rounds"); do
  for v in "${variants[@]}"; do
    name="${v%%=*}" flags="${v#*=}"
    dir="$out/$name-r$r"
    rm -rf "$dir"
    # shellcheck disable=SC2086
    "$here/r2d" quickstart --out "$dir" --steps "$steps" --test-examples 40 --counterfactual-per-edit 0 --show 0 \
      --quiet --set goal-stop=0 --set eval-every=100000 --set stage1-eval-every=100000 $flags > "$dir.log" 2>&1 \
      || { echo "quickstart-levers.sh: $name failed, see $dir.log" >&2; exit 1; }
  done
done
printf "%-16s %12s %12s   (median s/step over %d rounds, steps 3.. of each stage; %s)\n" variant stage1 stage2 \
  "$rounds" "$out"
for v in "${variants[@]}"; do
  name="${v%%=*}"
  for stage in stage1 stage2; do
    cat "$out/$name"-r*/run/metrics.jsonl | grep "\"kind\":\"step\",\"stage\":\"$stage\"" \
      | grep -v "\"step\":[12]," | sed -E 's/.*"seconds":([0-9.eE+-]+).*/\1/' | median > "$out/$name.$stage"
  done
  printf "%-16s %12s %12s\n" "$name" "$(cat "$out/$name.stage1")" "$(cat "$out/$name.stage2")"
done
