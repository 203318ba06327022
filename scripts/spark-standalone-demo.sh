#!/usr/bin/env bash
# r2d spark predict through spark-submit on a real Spark standalone cluster (master + worker + executor JVMs) on
# loopback, the model shipped with --archives, read from a shared path and shipped with --files; checks each output
# against r2d predict, r2d spark evaluate against r2d evaluate (default data only), and stops everything. See
# docs/spark.md ("On a cluster"). Takes two to three minutes on 2 cores and about 3 GB of memory.
#
#   scripts/spark-standalone-demo.sh [--model DIR --notes FILE.jsonl] [--keep]
#
# Without --model it makes the Spark tests' tiny model (TinyTriage: 8 training steps, seconds) and 40 notes.
# Executor logs (with one "r2d spark: executor N ... loaded the model" line per executor JVM) are under
# <work>/worker/app-*/N/stderr; --keep keeps the work folder.
# There is no Spark distribution here: spark-core's own Master, Worker and SparkSubmit classes run from the module's
# runtime classpath, with a stand-in SPARK_HOME whose jars/ holds what a Spark 4.0.4 distribution holds (the
# module's libraries minus cluster-lib/), so the application ships what a real cluster lacks with --jars.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="" notes="" train="" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --notes) notes="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "spark-standalone-demo: unknown option $1 (expected --model DIR --notes FILE --keep)" >&2; exit 2 ;;
  esac
done
export DJL_OFFLINE=true OPT_OUT_TRACKING=true SPARK_LOCAL_IP=127.0.0.1

"$here/r2d" spark --version >/dev/null # builds the core and the module when needed
lib="$here/spark/target/lib" clusterlib="$here/spark/target/cluster-lib"
work="$(mktemp -d "${TMPDIR:-/tmp}/r2d-standalone.XXXXXX")"
pids=()
cleanup() {
  local code=$?
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$code" != 0 ] || [ "$keep" = 1 ]; then
    echo "logs and outputs kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
step() { echo "== $*" >&2; }

# the stand-in Spark distribution: SPARK_HOME/jars is what executors get on their class path from the worker
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
# conf/ is on every Spark JVM's class path: the module's logging (warnings only) instead of Spark's INFO default
cp "$here/spark/src/main/resources/log4j2.properties" "$SPARK_HOME/conf/"
for j in "$lib"/*.jar; do
  [ -e "$clusterlib/$(basename "$j")" ] || ln -s "$j" "$SPARK_HOME/jars/"
done
# the application as spark-submit sees it on a cluster: the module jar alone (no lib/ beside it) and cluster-lib
mkdir -p "$work/app"
cp "$here/spark/target/r2d-spark.jar" "$work/app/"
jars="$(ls "$clusterlib"/*.jar | paste -sd,)"
spark_java=(java -Xmx512m "@$here/spark/jvm.options" -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*")

if [ -z "$model" ]; then
  step "making the tiny test model (as spark/src/test TinyTriage does)"
  "$here/r2d" data synth-triage --n 200 --seed 11 --out "$work/data" >/dev/null
  head -n 96 "$work/data/train.jsonl" > "$work/train-small.jsonl"
  "$here/r2d" tokenizer build --corpus "$work/data/train.jsonl" --vocab-size 400 --out "$work/tok" >/dev/null
  "$here/r2d" train --recipe r2d --scratch tiny --tokenizer "$work/tok" --train "$work/train-small.jsonl" \
    --validation "$work/train-small.jsonl" --steps 8 --batch-size 8 --eval-batch-size 32 --lr 3e-3 \
    --eval-every 1000 --stage1-eval-every 1000 --max-input-tokens 256 --max-target-tokens 48 \
    --label-max-new-tokens 6 --rationale-max-new-tokens 12 --threads 1 --quiet --out "$work/run" >/dev/null
  model="$work/run/model"
  notes="$work/notes.jsonl"
  train="$work/data/train.jsonl"
  cat "$work/data/validation.jsonl" "$work/data/test.jsonl" > "$notes" # 40 held-out notes
fi
if [ ! -d "$model" ] || [ ! -f "$notes" ]; then
  echo "spark-standalone-demo: --model must be a folder and --notes a file" >&2
  exit 2
fi
model="$(cd "$model" && pwd)"

# master and worker log at INFO (their readiness lines), apart from the conf/ that the driver and executors read
cat > "$work/cluster-log4j2.properties" <<'EOF'
rootLogger.level = info
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
EOF
cluster_java=("${spark_java[@]}" "-Dlog4j2.configurationFile=$work/cluster-log4j2.properties")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # file pattern seconds
  for _ in $(seq "$3"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  echo "spark-standalone-demo: '$2' did not appear in $1 within $3 s:" >&2; tail -n 30 "$1" >&2; return 1
}

master_port="$(free_port)"
master="spark://127.0.0.1:$master_port"
step "standalone master at $master"
# master and worker never start DJL; they run without DJL_OFFLINE so that the executors' settings come from the job
env -u DJL_OFFLINE -u OPT_OUT_TRACKING "${cluster_java[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 \
  --port "$master_port" --webui-port "$(free_port)" > "$work/master.log" 2>&1 &
pids+=($!)
wait_for "$work/master.log" "I have been elected leader" 60
step "one worker (2 cores, 3 GB) in $work/worker"
env -u DJL_OFFLINE -u OPT_OUT_TRACKING "${cluster_java[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
  --port "$(free_port)" --webui-port "$(free_port)" --cores 2 --memory 3g --work-dir "$work/worker" "$master" \
  > "$work/worker.log" 2>&1 &
pids+=($!)
wait_for "$work/worker.log" "Successfully registered with master" 60

step "reference: r2d predict (one process)"
"$here/r2d" predict --model "$model" --input "$notes" --output "$work/single.jsonl" --threads 1 --quiet

submit() { # spark-submit's own arguments, "--", then r2d spark's; client mode, the driver in $work
  local args=()
  while [ "$1" != -- ]; do args+=("$1"); shift; done
  shift
  (cd "$work" && set -x && "${spark_java[@]/-Xmx512m/-Xmx1g}" org.apache.spark.deploy.SparkSubmit \
    --master "$master" --deploy-mode client --class dev.reason2decide.spark.SparkMain --jars "$jars" \
    --conf spark.executor.cores=2 --conf spark.task.cpus=1 --conf spark.executor.memory=1g \
    --conf spark.executorEnv.DJL_CACHE_DIR="$work/djl-cache" "${args[@]}" "$work/app/r2d-spark.jar" "$@")
}

check() { # spark output folder: committed, and r2d predict's records (checks as JSON text, probabilities 1e-6)
  test -e "$1/_SUCCESS" || { echo "spark-standalone-demo: $1 has no _SUCCESS" >&2; return 1; }
  python3 - "$work/single.jsonl" "$1" <<'PY'
import glob, json, sys
single = [json.loads(l) for l in open(sys.argv[1])]
spark = [json.loads(l) for p in sorted(glob.glob(sys.argv[2] + "/part-*")) for l in open(p)]
assert len(single) == len(spark), (len(single), len(spark))
for i, (a, b) in enumerate(zip(single, spark)):
    assert list(a) == list(b), (i, list(a), list(b))
    for k in a:
        if k == "checks":
            assert a[k] == json.loads(b[k]), (i, k)
        elif k == "probabilities":
            assert list(a[k]) == list(b[k]) and all(abs(a[k][l] - b[k][l]) <= 1e-6 for l in a[k]), (i, k)
        else:
            assert a[k] == b[k], (i, k, a[k], b[k])
print(f"{sys.argv[2]}: {len(spark)} records equal r2d predict's (same order; probabilities within 1e-6)")
PY
}

loads() { # the executors' model loads of the application submitted last
  local app
  app="$(ls -td "$work"/worker/app-* | head -n 1)"
  grep -h "r2d spark: executor" "$app"/*/stderr || true
}

step "spark-submit 1: model shipped with --archives model.tgz#m, --model m/model"
tar -C "$(dirname "$model")" -czf "$work/model.tgz" "$(basename "$model")"
submit --archives "$work/model.tgz#m" -- predict --model "m/$(basename "$model")" --input "$notes" \
  --output "$work/preds-archive" --partitions 2
check "$work/preds-archive"
loads

step "spark-submit 2: model read from a path every node can read, --model $model"
submit -- predict --model "$model" --input "$notes" --output "$work/preds-shared" --partitions 2
check "$work/preds-shared"
loads

step "spark-submit 3: the folder's files shipped flat with --files, --model spark-files:"
files="$(find "$model" -maxdepth 1 -type f | sort | paste -sd,)"
submit --files "$files" -- predict --model spark-files: --input "$notes" --output "$work/preds-files" --partitions 2
check "$work/preds-files"
loads

if [ -n "$train" ]; then
  step "spark-submit 4: r2d spark evaluate (simulator trained on the driver, sent to the executor) vs r2d evaluate"
  "$here/r2d" evaluate --predictions "$work/single.jsonl" --gold "$notes" --simulator-train "$train" \
    --out "$work/eval-single" >/dev/null
  submit -- evaluate --predictions "$work/preds-archive" --gold "$notes" --simulator-train "$train" \
    --out "$work/eval-spark"
  python3 - "$work/eval-single/report.json" "$work/eval-spark/report.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
def same(x, y, where):
    if isinstance(x, dict):
        assert isinstance(y, dict) and list(x) == list(y), where
        for k in x: same(x[k], y[k], where + "/" + k)
    elif isinstance(x, list):
        assert len(x) == len(y), where
        for i, (u, v) in enumerate(zip(x, y)): same(u, v, f"{where}/{i}")
    elif isinstance(x, (int, float)) and not isinstance(x, bool):
        assert abs(x - y) <= 1e-9, (where, x, y)
    else:
        assert x == y, (where, x, y)
for section in ("labels", "rationales", "faithfulness_checks"):
    same(a[section], b[section], section)
print("r2d spark evaluate on the cluster equals r2d evaluate: labels, rationales, faithfulness_checks (1e-9)")
PY
fi

step "stopping the worker and the master"
