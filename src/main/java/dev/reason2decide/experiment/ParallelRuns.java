// Runs of an experiment side by side: each in a worker process of its own with its share of the threads.
package dev.reason2decide.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A process per run rather than a thread: torch's random generator and thread count are global to a process, so
 * a run in a worker of its own trains exactly as it would alone with that many threads. At most {@code parallel}
 * workers live at once; each trains and evaluates one run into its folder (the parent then reads the folders and
 * writes the one report). Worker output goes to the parent's log line by line. When a worker fails, no further
 * worker starts, the running ones finish, and the error names the run, its exit status and its last lines.
 */
public final class ParallelRuns {
  /** One run to do: its recipe name and seed. */
  public record Job(String recipe, long seed) {
    String folder() {
      return RunOutcome.folderName(recipe, seed);
    }
  }

  /** The command line of a worker that trains and evaluates {@code job} with {@code threads} intra-op threads. */
  public interface Launcher {
    List<String> command(Job job, int threads);
  }

  private static final int TAIL = 20;

  private ParallelRuns() {}

  /** Intra-op threads per run: {@code total} (0: every core) shared by {@code parallel} runs, at least 1. */
  static int threadsPerRun(int total, int parallel) {
    int cores = total > 0 ? total : Runtime.getRuntime().availableProcessors();
    return Math.max(1, cores / parallel);
  }

  /** Runs {@code jobs}, {@code parallel} at a time, each with {@code threads} threads; returns when all are done. */
  static void run(List<Job> jobs, int parallel, int threads, Launcher launcher, PrintStream log) {
    if (jobs.isEmpty()) {
      return;
    }
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, jobs.size()));
    try {
      List<Future<String>> results = new ArrayList<>();
      for (Job job : jobs) {
        results.add(pool.submit(() -> failed.get() ? null : runWorker(job, launcher.command(job, threads), log,
            failed)));
      }
      List<String> errors = new ArrayList<>();
      for (Future<String> f : results) {
        String error = f.get();
        if (error != null) {
          errors.add(error);
        }
      }
      if (!errors.isEmpty()) {
        throw new IllegalStateException(String.join("\n", errors));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while runs were working", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Null when the worker succeeded, else a message naming the run, its status and its last lines. */
  private static String runWorker(Job job, List<String> command, PrintStream log, AtomicBoolean failed) {
    Deque<String> tail = new ArrayDeque<>();
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      failed.set(true);
      return job.folder() + ": the worker could not start: " + e.getMessage();
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        log.println(line);
        tail.addLast(line);
        if (tail.size() > TAIL) {
          tail.removeFirst();
        }
      }
      int status = p.waitFor();
      if (status == 0) {
        return null;
      }
      failed.set(true);
      return job.folder() + ": the worker ended with status " + status + "; its last lines:\n  "
          + String.join("\n  ", tail);
    } catch (IOException e) {
      throw new UncheckedIOException(job.folder() + ": reading the worker's output: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      return job.folder() + ": interrupted";
    }
  }
}
