// Resident memory of this process from /proc/self/status, and a reset of its high-water mark.
package dev.reason2decide.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** VmRSS / VmHWM in MiB (JVM heap, native tensors and everything else together). */
final class ServerMemoryProbe {
  private ServerMemoryProbe() {}

  static long residentMib() throws IOException {
    return field("VmRSS:");
  }

  static long peakMib() throws IOException {
    return field("VmHWM:");
  }

  /** Sets the high-water mark to the current resident size (Linux: "5" to /proc/self/clear_refs). */
  static void resetPeak() throws IOException {
    Files.writeString(Path.of("/proc/self/clear_refs"), "5");
  }

  private static long field(String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
      }
    }
    throw new IOException("no " + name + " in /proc/self/status");
  }
}
