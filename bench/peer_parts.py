#!/usr/bin/env python3
"""The peer's training step (../shared/bench/torch_t5.py) timed in three parts, as `r2d bench train --parts` times
ours: zero_grad(set_to_none) + forward + loss, backward, AdamW step. Prints one JSON line (medians, seconds).
Usage: bench/peer_parts.py [--config small] [--batch 8] [--src 256] [--tgt 64] [--threads 1] [--steps 3]"""
import argparse, importlib.util, json, os, statistics, sys, time

here = os.path.dirname(os.path.abspath(__file__))
path = os.environ.get("R2D_PEER", os.path.join(here, "..", "..", "shared", "bench", "torch_t5.py"))
spec = importlib.util.spec_from_file_location("torch_t5", path)
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)
import torch

ap = argparse.ArgumentParser()
ap.add_argument("--config", default="small"); ap.add_argument("--batch", type=int, default=8)
ap.add_argument("--src", type=int, default=256); ap.add_argument("--tgt", type=int, default=64)
ap.add_argument("--threads", type=int, default=1); ap.add_argument("--steps", type=int, default=3)
ap.add_argument("--warmup", type=int, default=2)
a = ap.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)
c = dict(peer.DEFAULTS); c.update(peer.CONFIGS[a.config]); m = peer.T5(c)
ids = torch.randint(2, c["vocab_size"], (a.batch, a.src)); mask = torch.ones_like(ids)
labels = torch.randint(2, c["vocab_size"], (a.batch, a.tgt))
opt = torch.optim.AdamW(m.parameters(), lr=5e-5)
parts = [[], [], []]
for i in range(a.warmup + a.steps):
    t0 = time.perf_counter()
    opt.zero_grad(set_to_none=True)
    loss = m(ids, mask, labels)[2]
    t1 = time.perf_counter(); loss.backward()
    t2 = time.perf_counter(); opt.step()
    t3 = time.perf_counter()
    if i >= a.warmup:
        for k, v in enumerate((t1 - t0, t2 - t1, t3 - t2)):
            parts[k].append(v)
med = lambda v: sorted(v)[len(v) // 2]
print(json.dumps({"peer": "pytorch-eager", "torch": torch.__version__, "threads": a.threads, "config": a.config,
                  "batch": a.batch, "src": a.src, "tgt": a.tgt, "mode": "train_step_parts",
                  "forward_s": med(parts[0]), "backward_s": med(parts[1]), "optimizer_s": med(parts[2])}))
