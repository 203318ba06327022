// AdamW with torch.optim.AdamW's arithmetic (decoupled weight decay, bias correction), state kept outside step scopes.
package dev.reason2decide.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.reason2decide.model.io.SafeTensorsReader;
import dev.reason2decide.model.io.SafeTensorsWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One AdamW per model. For each parameter p with gradient g at step t (torch's single-tensor algorithm):
 * p ← p·(1 − lr·λ); m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 * p ← p − lr/(1−β1^t) · m / (√v / √(1−β2^t) + ε).
 */
public final class AdamW implements AutoCloseable {
  /** Hyper-parameters; defaults are the Hugging Face Trainer's (weight decay 0). */
  public record Settings(float beta1, float beta2, float eps, float weightDecay) {
    public static Settings defaults() {
      return new Settings(0.9f, 0.999f, 1e-8f, 0f);
    }
  }

  private final Settings s;
  private final NDManager stateManager;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private long step;

  /** State lives in its own manager, created here, never inside a per-step scope. */
  public AdamW(Settings settings, NDManager parent) {
    this.s = settings;
    this.stateManager = parent.newSubManager();
  }

  public long stepCount() {
    return step;
  }

  public Settings settings() {
    return s;
  }

  /** Applies one update with learning rate {@code lr} to every parameter that has a gradient. */
  public void step(Map<String, NDArray> params, Map<String, NDArray> grads, float lr) {
    step++;
    double bc1 = 1 - Math.pow(s.beta1(), step);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(s.beta2(), step));
    float stepSize = (float) (lr / bc1);
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray g = grads.get(e.getKey());
      if (g == null) {
        continue;
      }
      NDArray p = e.getValue();
      NDArray mi = m.computeIfAbsent(e.getKey(), k -> persistent(stateManager.zeros(p.getShape())));
      NDArray vi = v.computeIfAbsent(e.getKey(), k -> persistent(stateManager.zeros(p.getShape())));
      if (s.weightDecay() != 0f) {
        p.muli(1f - lr * s.weightDecay());
      }
      // Four temporaries per parameter, the rest in place (each fresh buffer of a large tensor costs page faults).
      try (NDArray g1 = g.mul(1f - s.beta1()); NDArray g2 = g.square()) {
        mi.muli(s.beta1()).addi(g1);
        vi.muli(s.beta2()).addi(g2.muli(1f - s.beta2()));
      }
      try (NDArray denom = vi.sqrt(); NDArray upd = mi.div(denom.divi((float) bc2Sqrt).addi(s.eps()))) {
        p.subi(upd.muli(stepSize));
      }
    }
  }

  /** Moments outlive the per-step scope they may be created in. */
  private static NDArray persistent(NDArray a) {
    ai.djl.ndarray.NDScope.unregister(a);
    return a;
  }

  /** Clears accumulated gradients of every parameter (torch's zero_grad). */
  public static void zeroGradients(Map<String, NDArray> params) {
    for (NDArray p : params.values()) {
      JniUtils.zeroGrad((PtNDArray) p);
    }
  }

  /** Saves moments and step count (for --resume). */
  public void save(Path file) {
    SafeTensorsWriter w = new SafeTensorsWriter().metadata("step", Long.toString(step));
    for (var e : m.entrySet()) {
      w.put("m." + e.getKey(), e.getValue().getShape().getShape(), e.getValue().toFloatArray());
      w.put("v." + e.getKey(), v.get(e.getKey()).getShape().getShape(), v.get(e.getKey()).toFloatArray());
    }
    w.write(file);
  }

  /** Restores what {@link #save} wrote. */
  public void load(Path file) {
    SafeTensorsReader r = SafeTensorsReader.open(file);
    step = Long.parseLong(r.metadata().getOrDefault("step", "0"));
    for (var e : r.tensors().entrySet()) {
      String name = e.getKey();
      NDArray t = dev.reason2decide.engine.Tensors.owned(stateManager, e.getValue().toFloats(), new Shape(e.getValue().shape()));
      if (name.startsWith("m.")) {
        m.put(name.substring(2), t);
      } else if (name.startsWith("v.")) {
        v.put(name.substring(2), t);
      }
    }
  }

  @Override
  public void close() {
    stateManager.close();
  }
}
