// The device a command runs its model on (--device cpu|gpu|gpu:N), parsed once, checked against the engine.
package dev.reason2decide.engine;

import ai.djl.Device;
import java.util.Locale;

/**
 * Where a model's tensors live: the CPU, or the GPU with index {@code index}. Every root {@code NDManager} of a
 * model is made from one of these ({@link Engines#newManager(DeviceSpec)}), so every tensor created for the model
 * (inputs, masks, position bias, dropout and Gumbel noise, optimiser moments) is on the model's device; DJL's own
 * default device (a GPU whenever CUDA natives see one) is never used.
 *
 * <p>The default of every {@code --device} option is {@link #fromEnvironment()}: the system property
 * {@value #PROPERTY}, else the environment variable {@value #VARIABLE}, else {@code cpu}.
 *
 * @param gpu true for a GPU
 * @param index the GPU's index (0, 1, …); -1 for the CPU
 */
public record DeviceSpec(boolean gpu, int index) {
  /** The CPU. */
  public static final DeviceSpec CPU = new DeviceSpec(false, -1);
  /** System property naming the default device (tests set it; see pom.xml). */
  public static final String PROPERTY = "r2d.device";
  /** Environment variable naming the default device. */
  public static final String VARIABLE = "R2D_DEVICE";

  public DeviceSpec {
    if (gpu && index < 0) {
      throw new IllegalArgumentException("a GPU index is 0 or more, got " + index);
    }
    if (!gpu && index != -1) {
      throw new IllegalArgumentException("the CPU has no index, got " + index);
    }
  }

  /** The GPU with this index. */
  public static DeviceSpec gpu(int index) {
    return new DeviceSpec(true, index);
  }

  /**
   * {@code cpu}, {@code gpu} (= {@code gpu:0}) or {@code gpu:N}, any case, surrounding blanks ignored; anything else
   * is an error whose message the caller prefixes with the option or key, e.g. {@code "--device: 'tpu' is not cpu,
   * gpu or gpu:N"}.
   */
  public static DeviceSpec parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("cpu")) {
      return CPU;
    }
    if (t.equals("gpu")) {
      return gpu(0);
    }
    if (t.matches("gpu:[0-9]{1,4}")) {
      return gpu(Integer.parseInt(t.substring(4)));
    }
    throw new IllegalArgumentException("'" + text + "' is not cpu, gpu or gpu:N");
  }

  /**
   * The default device: system property {@value #PROPERTY}, else environment variable {@value #VARIABLE}, else the
   * CPU. A bad value is an error naming where it came from.
   */
  public static DeviceSpec fromEnvironment() {
    String p = System.getProperty(PROPERTY);
    if (p != null) {
      return parse(PROPERTY, p);
    }
    String v = System.getenv(VARIABLE);
    return v == null || v.isBlank() ? CPU : parse(VARIABLE, v);
  }

  /** {@link #parse(String)} with errors prefixed by {@code where} (e.g. {@code "--device"}). */
  public static DeviceSpec parse(String where, String text) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /** DJL's name for this device. */
  public Device toDjl() {
    return gpu ? Device.gpu(index) : Device.cpu();
  }

  /** True when {@code d} (a tensor's or manager's device) is this device. */
  public boolean is(Device d) {
    return toDjl().equals(d);
  }

  /** {@code cpu} or {@code gpu:N}, as {@link #parse(String)} reads it back. */
  @Override
  public String toString() {
    return gpu ? "gpu:" + index : "cpu";
  }
}
