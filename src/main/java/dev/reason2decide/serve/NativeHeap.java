// glibc's allocator for a service that idles between bursts: large tensors mapped and unmapped, free pages returned.
package dev.reason2decide.serve;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * libtorch allocates every tensor with malloc. glibc's defaults suit a burst badly: its mmap threshold rises to the
 * size of each large block freed (up to 32 MiB), so later tensors of 1–32 MiB come from the arenas, where the
 * fragments left between them stay resident after the burst. {@link #configureForService} fixes the threshold at
 * {@value #MMAP_THRESHOLD_BYTES} bytes (every larger tensor is mapped on allocation and unmapped when freed), and
 * {@link #trimSoon} asks glibc to return the free pages of every arena ({@code malloc_trim(0)}), on a thread of its
 * own, when the service has no decision left in flight. Both are no-ops where glibc's functions are not found (not
 * Linux, another C library, JNA unavailable). Measured in docs/limits.md (memory).
 */
public final class NativeHeap {
  /** Blocks of at least this many bytes are mapped for themselves and unmapped when freed. */
  public static final int MMAP_THRESHOLD_BYTES = 1 << 20;
  /** mallopt's parameter number for the mmap threshold (malloc.h). */
  private static final int M_MMAP_THRESHOLD = -3;
  /** Environment variables through which a user sets glibc's allocator, which then stays as set. */
  private static final String[] USER_SETTINGS = {"MALLOC_MMAP_THRESHOLD_", "MALLOC_MMAP_MAX_", "GLIBC_TUNABLES"};

  private static final Function MALLOPT;
  private static final Function MALLOC_TRIM;
  private static final AtomicBoolean PENDING = new AtomicBoolean();
  private static final ExecutorService TRIMMER = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "r2d-heap-trim");
        t.setDaemon(true);
        return t;
      });

  static {
    Function mallopt = null;
    Function trim = null;
    try {
      NativeLibrary c = NativeLibrary.getInstance("c");
      mallopt = c.getFunction("mallopt");
      trim = c.getFunction("malloc_trim");
    } catch (LinkageError | RuntimeException notGlibc) {
      // no glibc (or no JNA): the allocator keeps its defaults
    }
    MALLOPT = mallopt;
    MALLOC_TRIM = trim;
  }

  private NativeHeap() {}

  /**
   * Fixes glibc's mmap threshold at {@value #MMAP_THRESHOLD_BYTES} bytes for this process, unless the environment
   * already sets the allocator; returns a line for the log saying which applies.
   */
  public static String configureForService() {
    for (String name : USER_SETTINGS) {
      if (System.getenv(name) != null) {
        return "native allocator: as set by " + name + " in the environment";
      }
    }
    if (MALLOPT == null) {
      return "native allocator: glibc not found; its defaults apply";
    }
    int ok = MALLOPT.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES});
    return ok == 1 ? "native allocator: tensors of " + (MMAP_THRESHOLD_BYTES >> 20) + " MiB and more are unmapped "
        + "when freed; free memory is given back when no decision is in flight"
        : "native allocator: glibc refused the mmap threshold; its defaults apply";
  }

  /** Returns the free pages of every malloc arena to the system soon, on another thread; at most one trim waits. */
  static void trimSoon() {
    if (MALLOC_TRIM == null || !PENDING.compareAndSet(false, true)) {
      return;
    }
    TRIMMER.execute(() -> {
      PENDING.set(false);
      MALLOC_TRIM.invokeInt(new Object[] {0});
    });
  }
}
