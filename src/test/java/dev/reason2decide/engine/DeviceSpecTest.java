// --device values: what parses, the one-line errors, the default from r2d.device / R2D_DEVICE.
package dev.reason2decide.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {
  @Test
  void cpuGpuAndGpuNParseAndPrintBack() {
    assertEquals(DeviceSpec.CPU, DeviceSpec.parse("cpu"));
    assertEquals(DeviceSpec.CPU, DeviceSpec.parse(" CPU "));
    assertEquals(new DeviceSpec(true, 0), DeviceSpec.parse("gpu"));
    assertEquals(new DeviceSpec(true, 3), DeviceSpec.parse("gpu:3"));
    assertEquals("cpu", DeviceSpec.CPU.toString());
    assertEquals("gpu:0", DeviceSpec.parse("gpu").toString());
    assertEquals("gpu:12", DeviceSpec.parse("GPU:12").toString());
    assertEquals(Device.cpu(), DeviceSpec.CPU.toDjl());
    assertEquals(Device.gpu(2), DeviceSpec.gpu(2).toDjl());
    assertTrue(DeviceSpec.CPU.is(Device.cpu()));
    assertFalse(DeviceSpec.gpu(0).is(Device.cpu()));
    assertFalse(DeviceSpec.gpu(0).is(Device.gpu(1)));
  }

  @Test
  void anythingElseIsAOneLineErrorNamingTheOption() {
    for (String bad : new String[] {"tpu", "", "gpu:", "gpu:-1", "gpu:x", "cuda:0", "cpu:0", "gpu 1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("--device",
          bad));
      assertEquals("--device: '" + bad + "' is not cpu, gpu or gpu:N", e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new DeviceSpec(true, -1));
    assertThrows(IllegalArgumentException.class, () -> new DeviceSpec(false, 0));
  }

  @Test
  void theDefaultComesFromTheSystemPropertyThatSurefireSets() {
    assertEquals("cpu", System.getProperty(DeviceSpec.PROPERTY), "pom.xml sets r2d.device=cpu for the tests");
    assertEquals(DeviceSpec.CPU, DeviceSpec.fromEnvironment());
    String before = System.getProperty(DeviceSpec.PROPERTY);
    try {
      System.setProperty(DeviceSpec.PROPERTY, "gpu:1");
      assertEquals(DeviceSpec.gpu(1), DeviceSpec.fromEnvironment());
      System.setProperty(DeviceSpec.PROPERTY, "npu");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, DeviceSpec::fromEnvironment);
      assertEquals("r2d.device: 'npu' is not cpu, gpu or gpu:N", e.getMessage());
    } finally {
      System.setProperty(DeviceSpec.PROPERTY, before);
    }
  }
}
