// Lists the tensors of a named set that are not on a given device (the device audit of tests).
package dev.reason2decide.testing;

import ai.djl.ndarray.NDArray;
import dev.reason2decide.engine.DeviceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads each tensor's device from torch ({@code NDArray.getDevice()}), and its manager's, and compares both. */
public final class TensorAudit {
  private TensorAudit() {}

  /** {@code "name: tensor on D, manager on E"} for every tensor whose tensor or manager device is not {@code want}. */
  public static List<String> offDevice(DeviceSpec want, Map<String, NDArray> tensors) {
    List<String> off = new ArrayList<>();
    tensors.forEach((name, t) -> {
      if (!want.is(t.getDevice()) || !want.is(t.getManager().getDevice())) {
        off.add(name + ": tensor on " + t.getDevice() + ", manager on " + t.getManager().getDevice());
      }
    });
    return off;
  }
}
