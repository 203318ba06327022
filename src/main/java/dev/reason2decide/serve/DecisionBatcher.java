// Gathers single-note decision requests that arrive close together into one model call (batched serving).
package dev.reason2decide.serve;

import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.DecisionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One collector thread that decides queued notes in batches. How a request flows: the HTTP thread validates the
 * note (a bad one is answered with its 4xx and never gets here) and is admitted by {@link Admission} (slot and
 * token budget, 503 when full); the admission worker calls {@link #decide(String)}, which queues the note and waits.
 * The collector takes the first queued note, keeps taking notes until the window has passed since then or
 * {@link BatchPolicy#maxNotes()} are gathered, calls {@link DecisionModel#decideAll(List)} once, and hands each
 * waiting worker its own decision. If the batch call fails, each of its notes is decided alone, so a failure stays
 * with the note that caused it. A request that stops waiting (504 at its deadline, or 499 when its client closed the
 * connection: its worker is interrupted) before its batch starts is dropped from it; after, its worker waits for
 * the batch to end, so the admission slot and tokens stay held until the model has really finished with them, and
 * when no note of the running batch is waited for any more, the collector is interrupted and the greedy decoder
 * stops the whole batch at its next step. Since every waiting request holds an admission worker, a batch never
 * holds more notes than {@code --workers} ({@code r2d serve} raises the workers to the batch bound).
 */
final class DecisionBatcher implements AutoCloseable {
  /**
   * A queued note, its answer, who claimed it first (the collector, to decide it, or its worker, giving up), and
   * whether its worker gave up after the collector took it.
   */
  private record Pending(String text, CompletableFuture<Decision> answer, AtomicBoolean claimed,
      AtomicBoolean abandoned) {
    Pending(String text) {
      this(text, new CompletableFuture<>(), new AtomicBoolean(), new AtomicBoolean());
    }
  }

  private final DecisionModel model;
  private final BatchPolicy policy;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread collector;
  private volatile boolean closed;
  /** Guards {@link #running} and every interrupt of the collector by {@link #abandon}. */
  private final Object decoding = new Object();
  /** The batch being decided; {@code null} between batches. */
  private List<Pending> running;

  DecisionBatcher(DecisionModel model, BatchPolicy policy) {
    this.model = model;
    this.policy = policy;
    this.collector = new Thread(this::collect, "r2d-batcher");
    collector.setDaemon(true);
    collector.start();
  }

  /** Queues {@code text}, waits for the batch it is decided in, and returns its own decision. */
  Decision decide(String text) {
    if (closed) {
      throw new IllegalStateException("the batcher is closed");
    }
    Pending p = new Pending(text);
    queue.add(p);
    try {
      return unwrap(p.answer()::get);
    } catch (InterruptedException e) {
      if (!p.claimed().compareAndSet(false, true)) {
        abandon(p);
        awaitUninterruptibly(p); // being decided: hold the admission slot until the model has finished with it
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the batch", e);
    }
  }

  private void collect() {
    while (!closed) {
      List<Pending> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
        long deadline = System.nanoTime() + policy.window().toNanos();
        while (batch.size() < policy.maxNotes()) {
          Pending next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
        }
      } catch (InterruptedException e) {
        batch.forEach(p -> p.answer().completeExceptionally(new IllegalStateException("the service is closing")));
        return;
      }
      batch.removeIf(p -> !p.claimed().compareAndSet(false, true)); // its worker gave up: never decide it
      if (batch.isEmpty()) {
        continue;
      }
      synchronized (decoding) {
        running = batch;
      }
      try {
        if (batch.stream().allMatch(p -> p.abandoned().get())) {
          batch.forEach(p -> p.answer().completeExceptionally(new CancellationException("nobody waits")));
        } else {
          decideBatch(batch);
        }
      } finally {
        synchronized (decoding) {
          running = null;
          Thread.interrupted(); // an abandonment's interrupt that came after the decoder's last check
        }
      }
    }
  }

  /** {@code p}'s worker stopped waiting while it is decided; the last such note of a batch stops the batch. */
  private void abandon(Pending p) {
    synchronized (decoding) {
      p.abandoned().set(true);
      if (running != null && running.contains(p) && running.stream().allMatch(q -> q.abandoned().get())) {
        collector.interrupt();
      }
    }
  }

  private void decideBatch(List<Pending> batch) {
    List<Decision> decisions;
    try {
      decisions = model.decideAll(batch.stream().map(Pending::text).toList());
      if (decisions.size() != batch.size()) {
        throw new IllegalStateException("the model answered " + decisions.size() + " decisions for "
            + batch.size() + " notes");
      }
    } catch (RuntimeException batchFailure) {
      if (closed || batch.stream().allMatch(p -> p.abandoned().get())) {
        // stopped: the service is closing, or nobody waits for these notes any more
        batch.forEach(p -> p.answer().completeExceptionally(batchFailure));
        return;
      }
      for (Pending p : batch) { // decide alone, so that each note gets its own answer or its own error
        if (p.abandoned().get()) {
          p.answer().completeExceptionally(new CancellationException("nobody waits"));
          continue;
        }
        try {
          p.answer().complete(model.decide(p.text()));
        } catch (RuntimeException e) {
          p.answer().completeExceptionally(e);
        }
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).answer().complete(decisions.get(i));
    }
  }

  private interface Wait {
    Decision get() throws InterruptedException, ExecutionException;
  }

  private static Decision unwrap(Wait wait) throws InterruptedException {
    try {
      return wait.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void awaitUninterruptibly(Pending p) {
    while (true) {
      try {
        p.answer().get();
        return;
      } catch (InterruptedException ignored) {
        // keep waiting: the caller re-asserts the interrupt afterwards
      } catch (ExecutionException ignored) {
        return;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    collector.interrupt();
    for (Pending p = queue.poll(); p != null; p = queue.poll()) {
      p.answer().completeExceptionally(new IllegalStateException("the service is closing"));
    }
  }
}
