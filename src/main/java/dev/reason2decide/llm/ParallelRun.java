// Runs one task per item on a bounded pool, keeps results in input order, and stops everything on the first failure.
package dev.reason2decide.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Bounded, fail-fast, interruptible parallel map. */
final class ParallelRun {
  private ParallelRun() {}

  /** A task that may block on the network. */
  @FunctionalInterface
  interface Task<T, R> {
    R apply(T item) throws InterruptedException;
  }

  /**
   * Applies {@code task} to every item with at most {@code threads} at once; {@code onDone} sees each result as
   * it completes (from one thread at a time). The first exception cancels the rest and is rethrown as is; an
   * interrupt of the calling thread cancels the rest and rethrows {@link InterruptedException}.
   */
  static <T, R> List<R> map(List<T> items, int threads, Task<T, R> task, Consumer<R> onDone)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), r -> {
      Thread t = new Thread(r, "r2d-llm");
      t.setDaemon(true);
      return t;
    });
    try {
      ExecutorCompletionService<Indexed<R>> done = new ExecutorCompletionService<>(pool);
      List<Future<Indexed<R>>> futures = new ArrayList<>(items.size());
      java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
      for (int i = 0; i < items.size(); i++) {
        int index = i;
        T item = items.get(i);
        futures.add(done.submit(() -> {
          if (failed.get()) { // a task already failed: do not start another (a pool thread may be free first)
            throw new CancellationException("an earlier item failed");
          }
          try {
            return new Indexed<>(index, task.apply(item));
          } catch (InterruptedException | RuntimeException | Error e) {
            failed.set(true);
            throw e;
          }
        }));
      }
      List<R> results = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        results.add(null);
      }
      for (int i = 0; i < items.size(); i++) {
        Future<Indexed<R>> f = done.take();
        Indexed<R> r;
        try {
          r = f.get();
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof CancellationException) {
            continue; // skipped because another item failed; that failure is reported
          }
          futures.forEach(x -> x.cancel(true));
          if (c instanceof RuntimeException re) {
            throw re;
          }
          if (c instanceof Error err) {
            throw err;
          }
          if (c instanceof InterruptedException ie) {
            throw ie;
          }
          throw new IllegalStateException(c);
        } catch (CancellationException e) {
          continue;
        }
        results.set(r.index(), r.value());
        onDone.accept(r.value());
      }
      return results;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private record Indexed<R>(int index, R value) {}
}
