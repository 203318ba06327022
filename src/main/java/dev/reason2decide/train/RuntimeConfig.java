// Runtime settings of a run that do not change its identity: PyTorch's thread count and the device.
package dev.reason2decide.train;

import dev.reason2decide.engine.DeviceSpec;

/**
 * {@code threads} intra-op threads (0: all cores) and the {@code device} the model, its inputs and the optimiser
 * state live on. Neither is part of a run's identity: a resume may use other threads or another device. On the same
 * device a resume continues exactly; on another one it continues the same training, but the later steps are not
 * bit-identical to those the first device would have computed (other kernels, and CUDA's own random generator for
 * dropout and Gumbel noise), which is why provenance.json records the device of every start ({@code devices}).
 */
public record RuntimeConfig(int threads, DeviceSpec device) {

  public RuntimeConfig {
    SettingCheck.require(threads >= 0, "threads must be >= 0 (0 = all cores)");
    SettingCheck.require(device != null, "a run needs a device");
  }

  /** All cores, on the default device ({@link DeviceSpec#fromEnvironment()}: cpu unless R2D_DEVICE says otherwise). */
  public static RuntimeConfig reference() {
    return new RuntimeConfig(0, DeviceSpec.fromEnvironment());
  }
}
