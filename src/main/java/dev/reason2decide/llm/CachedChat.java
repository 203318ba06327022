// A chat client behind the response cache: a request asked before is answered from disk, never sent again.
package dev.reason2decide.llm;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Looks a request up in the cache, else sends it and stores the answer; counts both kinds. */
public final class CachedChat {
  private final ChatClient client;
  private final ResponseCache cache;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong cached = new AtomicLong();
  private final AtomicReference<Usage> sentUsage = new AtomicReference<>(Usage.NONE);
  private final AtomicReference<Usage> cachedUsage = new AtomicReference<>(Usage.NONE);

  public CachedChat(ChatClient client, ResponseCache cache) {
    this.client = client;
    this.cache = cache;
  }

  /** An answer and whether it came from the cache. */
  public record Answer(ChatResponse response, boolean fromCache) {}

  /**
   * The answer to {@code request}.
   *
   * @param purpose what the request is for (part of the key: the same text asked for another purpose is new)
   * @param ref     the example id, stored with the record for people reading the cache
   */
  public Answer ask(String purpose, String ref, ChatRequest request) throws InterruptedException {
    String key = ResponseCache.key(purpose, request);
    var hit = cache.get(key);
    if (hit.isPresent()) {
      cached.incrementAndGet();
      cachedUsage.accumulateAndGet(hit.get().usage(), Usage::plus);
      return new Answer(client.scrub(hit.get()), true);
    }
    ChatResponse r = client.chat(request);
    cache.put(key, ref, r);
    sent.incrementAndGet();
    sentUsage.accumulateAndGet(r.usage(), Usage::plus);
    return new Answer(r, false);
  }

  public ChatClient client() {
    return client;
  }

  public ResponseCache cache() {
    return cache;
  }

  /** Requests answered by the server in this run (retries not counted). */
  public long sent() {
    return sent.get();
  }

  /** Requests answered from the cache. */
  public long cachedHits() {
    return cached.get();
  }

  /** Tokens spent by this run's requests. */
  public Usage sentUsage() {
    return sentUsage.get();
  }

  /** Tokens that the cached answers cost when they were first asked. */
  public Usage cachedUsage() {
    return cachedUsage.get();
  }
}
