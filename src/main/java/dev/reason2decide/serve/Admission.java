// Bounded concurrency for decisions: a fixed pool of model threads, a bounded wait, 503 when full, 504 when slow.
package dev.reason2decide.serve;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
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
 * Runs decisions on {@code workers} threads. A request holds one of {@code workers + queueCapacity} slots, and its
 * cost in input tokens out of {@code maxTokens}, from admission until its computation has really finished (not
 * merely until its caller stopped waiting), so a slow model can never pile up work: when the slots or the tokens
 * are taken, new requests are refused at once with 503. When the caller stops waiting (504, or its client closed
 * the connection: 499) the computation is interrupted, and the greedy decoder stops at its next step.
 */
final class Admission implements AutoCloseable {
  /** Says when a request's client has gone: calls {@code onGone} then, until the returned handle is closed. */
  @FunctionalInterface
  interface ClientPresence {
    /** For callers that cannot go away (and systems where it cannot be seen). */
    ClientPresence ALWAYS = onGone -> () -> { };

    ClientWatch.Watching whenGone(Runnable onGone);
  }

  /** The status of a request whose client went away (nginx's "client closed request"); never sent. */
  static final int CLIENT_GONE = 499;
  private final Semaphore slots;
  private final Semaphore tokens;
  private final int capacity;
  private final int maxTokens;
  private final ExecutorService pool;
  private final Duration timeout;
  /** Run on a model thread each time the last decision in flight has finished. */
  private final Runnable onIdle;
  /** Decisions admitted and not yet answered, so that a drain can stop them. */
  private final Set<Future<?>> admitted = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  Admission(int workers, int queueCapacity, Duration timeout) {
    this(workers, queueCapacity, Integer.MAX_VALUE, timeout);
  }

  Admission(int workers, int queueCapacity, int maxTokens, Duration timeout) {
    this(workers, queueCapacity, maxTokens, timeout, () -> { });
  }

  /** As above; {@code onIdle} runs each time the last decision in flight has finished (it must be quick). */
  Admission(int workers, int queueCapacity, int maxTokens, Duration timeout, Runnable onIdle) {
    this.onIdle = onIdle;
    this.capacity = workers + queueCapacity;
    this.slots = new Semaphore(capacity);
    this.maxTokens = maxTokens;
    this.tokens = new Semaphore(maxTokens);
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

  /** Input tokens of the requests admitted and not yet finished. */
  long tokensInFlight() {
    return maxTokens - tokens.availablePermits();
  }

  /** {@link #run(int, Supplier)} for work that costs one token. */
  <T> T run(Supplier<T> work) throws ApiError {
    return run(1, work);
  }

  /**
   * Computes {@code work}, which costs {@code cost} input tokens, on a model thread and waits for it at most the
   * request timeout.
   *
   * @throws ApiError 422 when {@code cost} alone exceeds the token budget, 503 with Retry-After when no slot or not
   *     enough tokens are free, 504 when the timeout passes
   */
  <T> T run(int cost, Supplier<T> work) throws ApiError {
    return run(cost, work, ClientPresence.ALWAYS);
  }

  /**
   * As {@link #run(int, Supplier)}, and stops waiting when {@code client} says the client has gone: the computation
   * is interrupted as on a timeout.
   *
   * @throws ApiError 499 when the client went away before the decision was ready (nobody reads the answer)
   */
  <T> T run(int cost, Supplier<T> work, ClientPresence client) throws ApiError {
    if (cost > maxTokens) {
      throw new ApiError(422, "the notes need " + cost + " input tokens; the limit is " + maxTokens
          + " tokens in flight (--max-tokens-in-flight); send fewer or shorter notes per request");
    }
    if (stopping) {
      throw shuttingDown();
    }
    if (!slots.tryAcquire()) {
      throw new ApiError(503, "the service is busy: all " + capacity + " request slots (--workers + --queue) are "
          + "taken; retry shortly", Map.of("Retry-After", "1"));
    }
    if (!tokens.tryAcquire(cost)) {
      slots.release();
      throw new ApiError(503, "the service is busy: " + tokensInFlight() + " of " + maxTokens + " input tokens "
          + "(--max-tokens-in-flight) are being decided, " + cost + " more do not fit; retry shortly",
          Map.of("Retry-After", "1"));
    }
    Runnable release = () -> {
      tokens.release(cost);
      slots.release();
      if (inFlight() == 0) {
        onIdle.run();
      }
    };
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
          release.run();
        }
      });
    } catch (RuntimeException e) {
      release.run();
      throw e;
    }
    admitted.add(future);
    if (stopping) {
      future.cancel(true); // cancelAll ran between the check above and the add
    }
    ClientWatch.Watching watching = client.whenGone(() -> future.cancel(true));
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (CancellationException e) {
      if (claimed.compareAndSet(false, true)) {
        release.run(); // never started: free its slot now; else it is freed when the interrupted work returns
      }
      if (stopping) {
        throw shuttingDown();
      }
      throw new ApiError(CLIENT_GONE, "the client closed the connection before its decision was ready");
    } catch (TimeoutException e) {
      if (claimed.compareAndSet(false, true)) {
        release.run(); // never started: free its slot now
      }
      future.cancel(true);
      throw new ApiError(504, "the decision took longer than the request timeout of " + timeout.toMillis()
          + " ms (--timeout-ms)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw shuttingDown();
    } catch (ExecutionException e) {
      if (stopping && e.getCause() instanceof CancellationException) {
        throw shuttingDown(); // the decoder saw the interrupt of cancelAll
      }
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      admitted.remove(future);
      watching.close();
    }
  }

  /** From now on every new decision is refused with 503; those admitted go on. */
  void stopAdmitting() {
    stopping = true;
  }

  /** Stops every decision still running or waiting; their callers answer 503 (the service is shutting down). */
  void cancelAll() {
    stopping = true;
    admitted.forEach(f -> f.cancel(true));
  }

  private static ApiError shuttingDown() {
    return new ApiError(503, "the service is shutting down; retry on another instance or once it is back",
        Map.of("Retry-After", "5", "Connection", "close"));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
