// Root managers get the device asked for; a GPU the engine lacks is a clear error; DJL's default device is refused.
package dev.reason2decide.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reason2decide.testing.DefaultDeviceGuard;
import org.junit.jupiter.api.Test;

class EngineDevicesTest {
  @Test
  void aRootManagerAndEverythingUnderItIsOnTheDeviceAskedFor() {
    try (NDManager root = Engines.newManager(DeviceSpec.CPU); NDManager sub = root.newSubManager()) {
      assertEquals(Device.cpu(), root.getDevice());
      assertEquals(Device.cpu(), sub.getDevice());
      NDArray ones = sub.ones(new Shape(2, 3));
      NDArray made = sub.create(new float[] {1f, 2f});
      NDArray noise = sub.randomUniform(0f, 1f, new Shape(4));
      for (NDArray a : new NDArray[] {ones, made, noise, Tensors.scalar(sub, 0.5f),
          Tensors.owned(sub, new float[] {3f}, new Shape(1)), TorchKernels.geluTanh(ones)}) {
        assertEquals(Device.cpu(), a.getDevice());
      }
    }
  }

  @Test
  void theDefaultManagerIsOnTheConfiguredDevice() {
    try (NDManager m = Engines.newManager()) {
      assertEquals(DeviceSpec.fromEnvironment().toDjl(), m.getDevice());
      assertEquals(Device.cpu(), m.zeros(new Shape(1)).getDevice());
    }
  }

  @Test
  void aGpuTheEngineDoesNotHaveIsAnErrorNamingItAndWhatThereIs() {
    int gpus = Engines.pytorch().getGpuCount();
    DeviceSpec missing = DeviceSpec.gpu(gpus); // the first index past the engine's GPUs (gpu:0 on a CPU machine)
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engines.newManager(missing));
    assertTrue(e.getMessage().startsWith("device gpu:" + gpus + " is not available ("), e.getMessage());
    assertTrue(e.getMessage().contains("available: " + String.join(", ", Engines.available())), e.getMessage());
    assertTrue(e.getMessage().contains("docs/gpu.md"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals("cpu", Engines.available().get(0));
    assertEquals(gpus + 1, Engines.available().size());
  }

  /**
   * The guard of every test: a manager made without a device (DJL's default) cannot create a tensor, so code that
   * forgot the model's device fails its tests even on a machine where that default would be the CPU.
   */
  @Test
  void aTensorOnDjlsDefaultDeviceFailsInTests() {
    DefaultDeviceGuard.install();
    assertEquals(DefaultDeviceGuard.UNCONFIGURED, Engines.pytorch().defaultDevice());
    try (NDManager forgotten = Engines.pytorch().newBaseManager();
        NDManager alsoForgotten = Engines.pytorch().newBaseManager(null);
        NDManager djlStatic = NDManager.newBaseManager()) {
      for (NDManager m : new NDManager[] {forgotten, alsoForgotten, djlStatic}) {
        assertEquals(DefaultDeviceGuard.UNCONFIGURED, m.getDevice());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.zeros(new Shape(2)));
        assertTrue(e.getMessage().contains("unconfigured"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.create(new float[] {1f}));
        assertThrows(IllegalArgumentException.class, () -> m.randomUniform(0f, 1f, new Shape(2)));
      }
    }
  }
}
