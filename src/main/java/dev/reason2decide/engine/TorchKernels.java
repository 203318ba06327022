// PyTorch kernels DJL 0.36 does not expose (tanh-GELU, RMSNorm, AdamW's in-place ops, Gumbel-softmax), via TorchScript.
package dev.reason2decide.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A few torch operators that DJL has no binding for, run as a tiny TorchScript module that this class writes
 * itself (a zip with the module's TorchScript source; no Python, no download, no binary resource) and loads once
 * per process. TorchScript calls the same ATen kernels PyTorch eager does, autograd included:
 * <ul>
 *   <li>{@link #geluTanh}: {@code torch.nn.functional.gelu(x, approximate="tanh")}, one kernel forward and one
 *       backward instead of a chain of element-wise ops (T5 v1.1's "gated-gelu");</li>
 *   <li>{@link #rmsNorm}: T5LayerNorm with transformers' own ops ({@code pow}, {@code mean}, {@code rsqrt});</li>
 *   <li>{@link #adamw}: torch.optim.AdamW's single-tensor step ({@code mul_}, {@code lerp_}, {@code addcmul_},
 *       {@code addcdiv_}) over every parameter in one call, with torch's exact arithmetic (the decay pass, a
 *       multiplication by exactly 1, is skipped when the weight decay is 0);</li>
 *   <li>{@link #gumbelNoise} and {@link #gumbelSoftmax}: {@code torch.nn.functional.gumbel_softmax(logits, tau,
 *       hard=False)} split in two, so that the noise can be given (tests) or drawn from torch's generator, which
 *       the trainer re-seeds from (seed, phase, step).</li>
 * </ul>
 * The graph executor's optimisations are switched off, so each call is interpreted op by op (no fusion that
 * could change the arithmetic).
 */
public final class TorchKernels {
  /** TorchScript source of the module; the signatures are the contract with the methods below. */
  static final String SOURCE = """
      class R2dKernels(Module):
        __parameters__ = []
        __buffers__ = []
        training : bool
        def forward(self: __torch__.R2dKernels,
          x: Tensor) -> Tensor:
          return torch.gelu(x, approximate="tanh")
        def adamw(self: __torch__.R2dKernels,
          params: List[Tensor],
          grads: List[Tensor],
          exp_avgs: List[Tensor],
          exp_avg_sqs: List[Tensor],
          lr: float,
          beta1: float,
          beta2: float,
          eps: float,
          weight_decay: float,
          step_size: float,
          bias_correction2_sqrt: float) -> int:
          for i in range(torch.len(params)):
            param = params[i]
            grad = grads[i]
            exp_avg = exp_avgs[i]
            exp_avg_sq = exp_avg_sqs[i]
            if weight_decay != 0.:
              _0 = torch.mul_(param, torch.sub(1., torch.mul(lr, weight_decay)))
            else:
              pass
            _1 = torch.lerp_(exp_avg, grad, torch.sub(1., beta1))
            _2 = torch.addcmul_(torch.mul_(exp_avg_sq, beta2), grad, grad, value=torch.sub(1., beta2))
            denom = torch.add_(torch.div(torch.sqrt(exp_avg_sq), bias_correction2_sqrt), eps)
            _3 = torch.addcdiv_(param, exp_avg, denom, value=torch.neg(step_size))
          return torch.len(params)
      """;

  /** A second module: its forward is T5LayerNorm, weight · (x · rsqrt(mean(x², -1) + eps)), transformers' ops. */
  static final String RMS_NORM_SOURCE = """
      class R2dRmsNorm(Module):
        __parameters__ = []
        __buffers__ = []
        training : bool
        def forward(self: __torch__.R2dRmsNorm,
          x: Tensor,
          weight: Tensor,
          eps: Tensor) -> Tensor:
          variance = torch.mean(torch.pow(x, 2), [-1], True)
          return torch.mul(weight, torch.mul(x, torch.rsqrt(torch.add(variance, eps))))
      """;

  /**
   * Gumbel noise as {@code F.gumbel_softmax} draws it, −log(E) with E ~ Exp(1) from torch's generator
   * ({@code exponential_}); E is clamped at the smallest normal float so that a zero draw cannot give +∞.
   */
  static final String GUMBEL_NOISE_SOURCE = """
      class R2dGumbelNoise(Module):
        __parameters__ = []
        __buffers__ = []
        training : bool
        def forward(self: __torch__.R2dGumbelNoise,
          like: Tensor) -> Tensor:
          e = torch.exponential_(torch.empty_like(like))
          return torch.neg(torch.log(torch.clamp_min(e, 1.1754943508222875e-38)))
      """;

  /** The rest of {@code F.gumbel_softmax(hard=False)}: softmax((logits + gumbels) / tau) over the last axis. */
  static final String GUMBEL_SOFTMAX_SOURCE = """
      class R2dGumbelSoftmax(Module):
        __parameters__ = []
        __buffers__ = []
        training : bool
        def forward(self: __torch__.R2dGumbelSoftmax,
          logits: Tensor,
          gumbels: Tensor,
          tau: Tensor) -> Tensor:
          return torch.softmax(torch.div(torch.add(logits, gumbels), tau), -1)
      """;

  private static final Lazy KERNELS = new Lazy("R2dKernels", SOURCE);
  private static final Lazy GUMBEL_NOISE = new Lazy("R2dGumbelNoise", GUMBEL_NOISE_SOURCE);
  private static final Lazy GUMBEL_SOFTMAX = new Lazy("R2dGumbelSoftmax", GUMBEL_SOFTMAX_SOURCE);
  private static final Lazy RMS_NORM = new Lazy("R2dRmsNorm", RMS_NORM_SOURCE);

  private TorchKernels() {}

  /**
   * gelu(x, approximate="tanh"), differentiable when x requires a gradient. Always run in DJL's "training" call:
   * its other call runs in torch's inference mode, whose results autograd may never save, which would break a
   * later differentiable use of a result computed without gradients.
   */
  public static NDArray geluTanh(NDArray x) {
    PtSymbolBlock kernels = KERNELS.get();
    JniUtils.setGraphExecutorOptimize(false); // torch keeps this switch per thread
    NDList out = IValueUtils.forward(kernels, new NDList(unnamed(x)), true);
    return out.singletonOrThrow();
  }

  /**
   * T5's RMS layer norm of x (…, D) with weight (D) and a 0-d eps tensor, as transformers computes it (six ATen ops
   * in one call instead of nine DJL calls); differentiable in x and weight. The result belongs to x's manager.
   */
  public static NDArray rmsNorm(NDArray x, NDArray weight, NDArray eps) {
    PtSymbolBlock kernels = RMS_NORM.get();
    JniUtils.setGraphExecutorOptimize(false);
    return IValueUtils.forward(kernels, new NDList(unnamed(x), unnamed(weight), unnamed(eps)), true)
        .singletonOrThrow();
  }

  /**
   * Standard Gumbel noise of {@code like}'s shape and type (no gradient), drawn from torch's default generator: the
   * same draws as {@code F.gumbel_softmax} makes after the same seed. The result belongs to like's manager.
   */
  public static NDArray gumbelNoise(NDArray like) {
    PtSymbolBlock kernels = GUMBEL_NOISE.get();
    JniUtils.setGraphExecutorOptimize(false);
    return IValueUtils.forward(kernels, new NDList(unnamed(like)), true).singletonOrThrow();
  }

  /**
   * softmax((logits + gumbels) / tau) over the last axis, torch's kernels, differentiable in {@code logits};
   * {@code tau} is a 0-d float tensor (torch-owned, see {@code Tensors.scalar}). With
   * {@code gumbels = gumbelNoise(logits)} this is {@code F.gumbel_softmax(logits, tau, hard=False)}.
   */
  public static NDArray gumbelSoftmax(NDArray logits, NDArray gumbels, NDArray tau) {
    PtSymbolBlock kernels = GUMBEL_SOFTMAX.get();
    JniUtils.setGraphExecutorOptimize(false);
    return IValueUtils.forward(kernels, new NDList(unnamed(logits), unnamed(gumbels), unnamed(tau)), true)
        .singletonOrThrow();
  }

  /**
   * DJL reads an input's name as an instruction (a '.' makes it a dictionary entry, "[]" a list item); a named
   * tensor is passed as an unnamed view of itself.
   */
  private static NDArray unnamed(NDArray a) {
    return a.getName() == null ? a : a.reshape(a.getShape());
  }

  /**
   * One torch.optim.AdamW step (single-tensor algorithm, no amsgrad) over aligned lists: parameters, their
   * gradients and both moments are updated in place, without recording gradients.
   */
  public static void adamw(List<NDArray> params, List<NDArray> grads, List<NDArray> expAvgs, List<NDArray> expAvgSqs,
      double lr, double beta1, double beta2, double eps, double weightDecay, double stepSize,
      double biasCorrection2Sqrt) {
    int n = params.size();
    if (grads.size() != n || expAvgs.size() != n || expAvgSqs.size() != n) {
      throw new IllegalArgumentException("adamw: lists of different lengths");
    }
    IValue[] args = {list(params), list(grads), list(expAvgs), list(expAvgSqs), IValue.from(lr), IValue.from(beta1),
        IValue.from(beta2), IValue.from(eps), IValue.from(weightDecay), IValue.from(stepSize),
        IValue.from(biasCorrection2Sqrt)};
    PtSymbolBlock kernels = KERNELS.get();
    JniUtils.setGraphExecutorOptimize(false);
    try (IValue result = IValueUtils.runMethod(kernels, "adamw", args)) {
      if (result.toLong() != n) {
        throw new IllegalStateException("adamw updated " + result.toLong() + " of " + n + " parameters");
      }
    } finally {
      for (IValue a : args) {
        a.close();
      }
    }
  }

  private static IValue list(List<NDArray> arrays) {
    return IValue.listFrom(arrays.stream().map(a -> (PtNDArray) a).toArray(PtNDArray[]::new));
  }

  /** A module loaded on first use, once per process. */
  private static final class Lazy {
    private final String className;
    private final String source;
    private volatile PtSymbolBlock block;

    Lazy(String className, String source) {
      this.className = className;
      this.source = source;
    }

    PtSymbolBlock get() {
      PtSymbolBlock b = block;
      if (b == null) {
        synchronized (this) {
          if (block == null) {
            block = load(className, source);
          }
          b = block;
        }
      }
      return b;
    }
  }

  private static PtSymbolBlock load(String className, String source) {
    // lives as long as the process, like the module; the modules hold no tensor, so the CPU here is only where
    // torch maps an empty module: each kernel runs on its inputs' device and returns its results there
    NDManager manager = Engines.newManager(DeviceSpec.CPU);
    try {
      Path file = Files.createTempFile("r2d-kernels", ".pt");
      try {
        Files.write(file, archive(className, source));
        return JniUtils.loadModule((PtNDManager) manager, file, false, new String[0], new String[0], false);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the TorchScript kernels to a temporary file: " + e.getMessage(), e);
    }
  }

  /** The TorchScript archive of one module: the object (pickled), its source, no constants, no tensors. */
  static byte[] archive(String className, String source) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String dir = "r2d_" + className.toLowerCase(java.util.Locale.ROOT) + "/";
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, dir + "data.pkl", modulePickle(className));
      put(zip, dir + "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
      put(zip, dir + "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // protocol 2: ()
      put(zip, dir + ".data/version", "10\n".getBytes(StandardCharsets.US_ASCII));
    }
    return bytes.toByteArray();
  }

  /** Pickle (protocol 2) of {@code __torch__.<className>} with state {@code {"training": True}}. */
  private static byte[] modulePickle(String className) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.write(0x80);
    p.write(2);                                                                  // PROTO 2
    p.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
    p.write(')');                                                                // EMPTY_TUPLE
    p.write(0x81);                                                               // NEWOBJ
    p.write('}');                                                                // EMPTY_DICT
    p.write('(');                                                                // MARK
    byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
    p.write('X');                                                                // BINUNICODE
    p.write(key.length);
    p.write(0);
    p.write(0);
    p.write(0);
    p.writeBytes(key);
    p.write(0x88);                                                               // NEWTRUE
    p.write('u');                                                                // SETITEMS
    p.write('b');                                                                // BUILD
    p.write('.');                                                                // STOP
    return p.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }
}
