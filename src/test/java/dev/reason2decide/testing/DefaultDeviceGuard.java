// Makes DJL's default device unusable in every test, so a tensor created without the model's device fails loudly.
package dev.reason2decide.testing;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import dev.reason2decide.engine.Engines;
import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests run with an explicitly configured CPU device (Surefire sets {@code r2d.device=cpu}). On a machine without a
 * GPU, a tensor created on DJL's default device is on the CPU too, so a forgotten device would pass unseen. This
 * guard (registered for every test class in {@code META-INF/services}, with extension auto-detection on in
 * {@code junit-platform.properties}) replaces DJL's default device, that of the engine and that of its system
 * manager (which {@code newBaseManager()} without a device copies), with {@link #UNCONFIGURED}, a device type the
 * PyTorch engine refuses: creating any tensor in a manager that did not get the model's device then throws
 * {@code IllegalArgumentException: Unsupported device: unconfigured()}. {@code DefaultDeviceGuardTest} shows it.
 */
public final class DefaultDeviceGuard implements BeforeAllCallback {
  /** The device DJL's defaults are set to: not cpu, gpu or mps, so PyTorch creates nothing there. */
  public static final Device UNCONFIGURED = Device.of("unconfigured", 0);

  private static boolean installed;

  @Override
  public void beforeAll(ExtensionContext context) {
    install();
  }

  /** Sets DJL's default device to {@link #UNCONFIGURED}, once per JVM. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    Engine engine = Engines.pytorch();
    try (NDManager probe = engine.newBaseManager()) {
      set(Engine.class, engine, "defaultDevice", UNCONFIGURED);
      set(BaseNDManager.class, probe.getParentManager(), "device", UNCONFIGURED);
    }
    installed = true;
  }

  private static void set(Class<?> owner, Object target, String field, Object value) {
    try {
      Field f = owner.getDeclaredField(field);
      f.setAccessible(true);
      f.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("DJL changed: cannot set " + owner.getSimpleName() + "." + field
          + "; update DefaultDeviceGuard", e);
    }
  }
}
