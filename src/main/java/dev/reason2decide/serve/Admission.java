// Bounded concurrency for decisions: a fixed pool of model threads, a bounded wait, 503 when full, 504 when slow.
package dev.reason2decide.serve;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs decisions on {@code workers} threads. A request holds one of {@code workers + queueCapacity} slots from
 * admission until its computation has really finished (not merely until its caller stopped waiting), so a slow
 * model can never pile up work: when every slot is held, new requests are refused at once with 503.
 */
final class Admission implements AutoCloseable {
  private final Semaphore slots;
  private final int capacity;
  private final ExecutorService pool;
  private final Duration timeout;

  Admission(int workers, int queueCapacity, Duration timeout) {
    this.capacity = workers + queueCapacity;
    this.slots = new Semaphore(capacity);
    this.timeout = timeout;
    AtomicInteger n = new AtomicInteger();
    // the queue never holds more than queueCapacity tasks: the semaphore admits at most workers + queueCapacity
    this.pool = new ThreadPoolExecutor(workers, workers, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "r2d-decide-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Requests admitted and not yet finished (running or waiting). */
  int inFlight() {
    return capacity - slots.availablePermits();
  }

  int capacity() {
    return capacity;
  }

  /**
   * Computes {@code work} on a model thread and waits for it at most the request timeout.
   *
   * @throws ApiError 503 with Retry-After when no slot is free, 504 when the timeout passes
   */
  <T> T run(Supplier<T> work) throws ApiError {
    if (!slots.tryAcquire()) {
      throw new ApiError(503, "the service is busy: all " + capacity + " request slots (--workers + --queue) are "
          + "taken; retry shortly", Map.of("Retry-After", "1"));
    }
    AtomicBoolean claimed = new AtomicBoolean();
    Future<T> future;
    try {
      future = pool.submit(() -> {
        if (!claimed.compareAndSet(false, true)) {
          return null; // the caller gave up before the task started, and has already freed the slot
        }
        try {
          return work.get();
        } finally {
          slots.release();
        }
      });
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (claimed.compareAndSet(false, true)) {
        slots.release(); // never started: free its slot now
      }
      future.cancel(true);
      throw new ApiError(504, "the decision took longer than the request timeout of " + timeout.toMillis()
          + " ms (--timeout-ms)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new ApiError(503, "the service is shutting down", Map.of("Retry-After", "5"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
