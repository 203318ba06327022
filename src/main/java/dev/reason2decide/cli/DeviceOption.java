// The --device option of the commands that run a model (predict, serve, evaluate, check-hf): cpu, gpu or gpu:N.
package dev.reason2decide.cli;

import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.engine.Engines;
import picocli.CommandLine.Option;

/**
 * A picocli mixin; {@link #resolve} parses the value (default: {@code R2D_DEVICE}, else cpu) and checks that the
 * engine has the device, both with one-line errors ({@code --device: 'tpu' is not cpu, gpu or gpu:N}).
 */
public final class DeviceOption {
  @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or gpu:N: where the model and every "
      + "tensor live (default: R2D_DEVICE, else cpu; GPUs need DJL's CUDA natives, docs/gpu.md).")
  String device;

  /** The device asked for (or the default), not yet checked against the engine. */
  public DeviceSpec spec() {
    return device == null ? DeviceSpec.fromEnvironment() : DeviceSpec.parse("--device", device);
  }

  /** The device asked for, checked against the engine. */
  public DeviceSpec resolve() {
    return Engines.check(spec());
  }

  /** The line every such command logs once at its start, e.g. {@code r2d predict: device cpu (PyTorch 2.7.1)}. */
  public static String logLine(String command, DeviceSpec d) {
    return "r2d " + command + ": device " + Engines.describe(d);
  }
}
