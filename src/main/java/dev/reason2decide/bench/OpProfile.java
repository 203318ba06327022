// Runs one step under libtorch's autograd profiler and writes a Chrome trace (per-op times, for finding hot spots).
package dev.reason2decide.bench;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/** Open the trace in chrome://tracing or Perfetto, or sum it per op name (bench/ops.py). */
final class OpProfile {
  private OpProfile() {}

  static void of(Runnable step, Path traceFile) {
    JniUtils.startProfile(false, true, false);
    try {
      step.run();
    } finally {
      JniUtils.stopProfile(traceFile.toAbsolutePath().toString());
    }
  }
}
