// The process's resident set size, read from /proc/self/status (Linux), for native-memory checks.
package dev.reason2decide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Current (VmRSS) and peak (VmHWM) resident size in MiB; -1 where /proc is not available. */
public final class Resident {
  private Resident() {}

  /** Resident size now, MiB. */
  public static double currentMiB() {
    return field("VmRSS:");
  }

  /** Peak resident size of the process so far, MiB. */
  public static double peakMiB() {
    return field("VmHWM:");
  }

  private static double field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          String[] parts = line.substring(name.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) / 1024.0; // kB
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
