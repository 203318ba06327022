// AdamW with torch.optim.AdamW's arithmetic (decoupled weight decay, bias correction), state kept outside step scopes.
package dev.reason2decide.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.reason2decide.engine.Tensors;
import dev.reason2decide.engine.TorchKernels;
import dev.reason2decide.model.safetensors.SafeTensorsReader;
import dev.reason2decide.model.safetensors.SafeTensorsWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  public Settings settings() {
    return s;
  }

  /** Both moments of every parameter stepped so far, as {@code m.NAME} and {@code v.NAME} (tests audit them). */
  Map<String, NDArray> moments() {
    Map<String, NDArray> all = new LinkedHashMap<>();
    m.forEach((k, a) -> all.put("m." + k, a));
    v.forEach((k, a) -> all.put("v." + k, a));
    return all;
  }

  /**
   * Applies one update with learning rate {@code lr} to every parameter that has a gradient: torch's own kernels
   * ({@link TorchKernels#adamw}), one call for all parameters. Hyper-parameters reach torch as the decimal numbers
   * they were written as (0.9, not the float nearest to it widened to double), as in Python.
   */
  public void step(Map<String, NDArray> params, Map<String, NDArray> grads, float lr) {
    step(params, grads, lr, name -> 1f);
  }

  /**
   * As {@link #step(Map, Map, float)} with parameter groups: parameter {@code name} steps at {@code lr ·
   * lrScale(name)} (one kernel call per distinct rate, as torch's param groups).
   */
  public void step(Map<String, NDArray> params, Map<String, NDArray> grads, float lr,
      java.util.function.ToDoubleFunction<String> lrScale) {
    step++;
    double beta1 = exact(s.beta1());
    double beta2 = exact(s.beta2());
    double bc1 = 1 - Math.pow(beta1, step);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
    Map<Double, Group> groups = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray g = grads.get(e.getKey());
      if (g == null) {
        continue;
      }
      NDArray p = e.getValue();
      Group group = groups.computeIfAbsent(lrScale.applyAsDouble(e.getKey()), k -> new Group());
      group.params.add(p);
      group.grads.add(g);
      group.m.add(m.computeIfAbsent(e.getKey(), k -> persistent(stateManager.zeros(p.getShape()))));
      group.v.add(v.computeIfAbsent(e.getKey(), k -> persistent(stateManager.zeros(p.getShape()))));
    }
    for (Map.Entry<Double, Group> e : groups.entrySet()) {
      // a scale of 1 keeps the rate exactly as written (the reference's arithmetic)
      double rate = e.getKey() == 1.0 ? exact(lr) : exact(lr) * exact((float) (double) e.getKey());
      Group g = e.getValue();
      TorchKernels.adamw(g.params, g.grads, g.m, g.v, rate, beta1, beta2, exact(s.eps()), exact(s.weightDecay()),
          rate / bc1, bc2Sqrt);
    }
  }

  /** The parameters stepped at one learning rate, with their gradients and moments, in the same order. */
  private record Group(List<NDArray> params, List<NDArray> grads, List<NDArray> m, List<NDArray> v) {
    Group() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  /** The decimal number a float was written as (its shortest representation), as a double. */
  private static double exact(float f) {
    return Double.parseDouble(Float.toString(f));
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
      NDArray t = Tensors.owned(stateManager, e.getValue().toFloats(), new Shape(e.getValue().shape()));
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
