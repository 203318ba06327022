// The one place where the PyTorch engine is started: offline, no tracking, native cache in a project folder.
package dev.reason2decide.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;

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

  /** A new root manager on the PyTorch engine's CPU device. */
  public static NDManager newManager() {
    return pytorch().newBaseManager();
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
