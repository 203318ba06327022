// The one place where the PyTorch engine is started: offline, no tracking, native cache in a project folder.
package dev.reason2decide.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts DJL's PyTorch engine with the project's settings. Every entry point (CLI, tests, server) calls
 * {@link #pytorch()} instead of {@code Engine.getInstance()} so that the offline switches are set before the
 * engine looks for natives.
 */
public final class Engines {
  private static volatile Engine engine;

  private Engines() {}

  /** The PyTorch engine, started once with downloads and tracking disabled. */
  public static Engine pytorch() {
    Engine e = engine;
    if (e != null) {
      return e;
    }
    synchronized (Engines.class) {
      if (engine == null) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("offline", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
          String cache = Path.of(System.getProperty("user.dir"), ".cache", "djl").toString();
          System.setProperty("DJL_CACHE_DIR", cache);
          System.setProperty("ENGINE_CACHE_DIR", cache);
        }
        engine = Engine.getEngine("PyTorch");
      }
      return engine;
    }
  }

  /**
   * A new root manager on {@code device}; every sub-manager, and so every tensor created for a model loaded into
   * it, is on that device. A GPU the engine does not see is an error naming it and the devices there are.
   */
  public static NDManager newManager(DeviceSpec device) {
    return pytorch().newBaseManager(check(device).toDjl());
  }

  /**
   * A new root manager on the default device of {@link DeviceSpec#fromEnvironment()} (tests, benchmarks and checks
   * that have no {@code --device}); code that runs a user's model passes the model's device instead.
   */
  public static NDManager newManager() {
    return newManager(DeviceSpec.fromEnvironment());
  }

  /**
   * {@code device} when the engine has it; else a one-line error naming it, what the engine sees and where the CUDA
   * natives come from.
   */
  public static DeviceSpec check(DeviceSpec device) {
    if (!device.gpu()) {
      return device;
    }
    int gpus = pytorch().getGpuCount();
    if (device.index() < gpus) {
      return device;
    }
    String engine = pytorch().hasCapability("CUDA") ? "PyTorch " + pytorch().getVersion() + " with CUDA sees "
        + gpus + " GPU" + (gpus == 1 ? "" : "s") : "PyTorch " + pytorch().getVersion() + " here has CPU natives only";
    throw new IllegalArgumentException("device " + device + " is not available (" + engine + "); available: "
        + String.join(", ", available()) + "; docs/gpu.md says how to install DJL's CUDA natives");
  }

  /** The devices the engine sees, as {@code --device} spells them: cpu, then gpu:0, gpu:1, … */
  public static List<String> available() {
    List<String> names = new ArrayList<>(List.of(DeviceSpec.CPU.toString()));
    for (int i = 0; i < pytorch().getGpuCount(); i++) {
      names.add(DeviceSpec.gpu(i).toString());
    }
    return names;
  }

  /** One line for a log: the device and the engine, e.g. {@code "cpu (PyTorch 2.7.1)"}. */
  public static String describe(DeviceSpec device) {
    return device + " (PyTorch " + pytorch().getVersion() + ")";
  }

  /** Sets the number of intra-op threads (PyTorch's {@code torch.set_num_threads}). */
  public static void setThreads(int n) {
    pytorch();
    synchronized (Engines.class) {
      if (!interopSet) {
        interopSet = true;
        try {
          ai.djl.pytorch.jni.JniUtils.setNumInteropThreads(1);
        } catch (RuntimeException e) {
          // torch allows this only before the first parallel work; later calls keep torch's default
        }
      }
    }
    ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
  }

  private static boolean interopSet;
}
