// Notices that a client closed its connection while its decision runs, from the socket's TCP state (Linux).
package dev.reason2decide.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JDK HTTP server reads a request and then leaves its socket alone until the answer is written, and
 * {@code HttpExchange} offers no way to see past the end of the request body, so a client that gives up cannot be
 * noticed through the exchange. The kernel can tell: when the client closes its socket, its FIN moves the server's
 * side of the connection from ESTABLISHED to CLOSE_WAIT, which Linux lists in {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6} (local address, remote address, state). One daemon thread reads those tables every
 * {@link #POLL} while at least one request is watched, and calls a request's {@code onGone} when its connection is
 * listed in any state but ESTABLISHED, or, once seen established, is missing from {@value #MISSING_READS}
 * consecutive reads (a reset connection leaves the table). A client that half-closes its side after sending the
 * request (rare in HTTP) counts as gone. Where the tables do not exist (not Linux), nothing is noticed and a
 * decision stops at its deadline.
 */
final class ClientWatch implements AutoCloseable {
  /** How often the TCP tables are read while requests are watched. */
  static final Duration POLL = Duration.ofMillis(100);
  /** Reads in a row that must miss a connection seen established before it counts as gone (reset). */
  static final int MISSING_READS = 3;
  private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
  private static final String ESTABLISHED = "01";

  /** Stops watching one request; idempotent. */
  interface Watching extends AutoCloseable {
    @Override
    void close();
  }

  /** One watched connection: its keys as the tables spell them (IPv4 ones also as IPv4-mapped IPv6). */
  private static final class Watched {
    final Set<String> keys;
    final Runnable onGone;
    final AtomicBoolean fired = new AtomicBoolean();
    boolean seenEstablished;
    int missing;

    Watched(Set<String> keys, Runnable onGone) {
      this.keys = keys;
      this.onGone = onGone;
    }
  }

  private final List<Path> tables;
  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService poller;

  ClientWatch() {
    this(TABLES);
  }

  /** Watches with the given TCP tables (tests); those that do not exist are skipped. */
  ClientWatch(List<Path> tables) {
    this.tables = tables.stream().filter(Files::isReadable).toList();
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "r2d-client-watch");
      t.setDaemon(true);
      return t;
    });
    if (!this.tables.isEmpty()) {
      poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Whether closed connections can be noticed on this system. */
  boolean available() {
    return !tables.isEmpty();
  }

  /**
   * Calls {@code onGone} once, on the watch thread, if the client of the connection {@code local}–{@code remote}
   * (as the server sees them) closes it before the returned handle is closed.
   */
  Watching watch(InetSocketAddress local, InetSocketAddress remote, Runnable onGone) {
    if (!available() || local == null || remote == null || local.getAddress() == null
        || remote.getAddress() == null) {
      return () -> { };
    }
    Watched w = new Watched(keys(local, remote), onGone);
    watched.add(w);
    return () -> watched.remove(w);
  }

  private void poll() {
    if (watched.isEmpty()) {
      return;
    }
    try {
      Map<String, String> states = new HashMap<>();
      List<Watched> now = new ArrayList<>(watched);
      Set<String> wanted = ConcurrentHashMap.newKeySet();
      now.forEach(w -> wanted.addAll(w.keys));
      for (Path table : tables) {
        for (String line : Files.readAllLines(table, StandardCharsets.US_ASCII)) {
          String[] f = line.trim().split("\\s+");
          // sl local_address rem_address st ...
          if (f.length > 3 && wanted.contains(f[1] + " " + f[2])) {
            states.put(f[1] + " " + f[2], f[3]);
          }
        }
      }
      for (Watched w : now) {
        String state = w.keys.stream().map(states::get).filter(s -> s != null).findFirst().orElse(null);
        boolean gone;
        if (state == null) {
          w.missing = w.seenEstablished ? w.missing + 1 : 0;
          gone = w.missing >= MISSING_READS;
        } else {
          w.missing = 0;
          w.seenEstablished |= ESTABLISHED.equals(state);
          gone = !ESTABLISHED.equals(state);
        }
        if (gone && watched.remove(w) && w.fired.compareAndSet(false, true)) {
          w.onGone.run();
        }
      }
    } catch (IOException | RuntimeException e) {
      // a table that cannot be read this time: the next poll tries again; deadlines still hold
    }
  }

  /** {@code local remote} as /proc/net/tcp[6] writes them: address words in host byte order, port, in hex. */
  static Set<String> keys(InetSocketAddress local, InetSocketAddress remote) {
    Set<String> keys = ConcurrentHashMap.newKeySet();
    for (boolean mapped : new boolean[] {false, true}) {
      String l = hex(local.getAddress(), mapped);
      String r = hex(remote.getAddress(), mapped);
      if (l != null && r != null) {
        keys.add(String.format(Locale.ROOT, "%s:%04X %s:%04X", l, local.getPort(), r, remote.getPort()));
      }
    }
    return keys;
  }

  /** The table's spelling of {@code address}; {@code mapped}: an IPv4 address as ::ffff:a.b.c.d (null for IPv6). */
  private static String hex(InetAddress address, boolean mapped) {
    byte[] b = address.getAddress();
    if (mapped) {
      if (b.length != 4) {
        return null;
      }
      byte[] m = new byte[16];
      m[10] = (byte) 0xff;
      m[11] = (byte) 0xff;
      System.arraycopy(b, 0, m, 12, 4);
      b = m;
    }
    boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    StringBuilder out = new StringBuilder();
    for (int word = 0; word < b.length; word += 4) {
      for (int i = 0; i < 4; i++) {
        out.append(String.format(Locale.ROOT, "%02X", b[word + (little ? 3 - i : i)] & 0xff));
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    poller.shutdownNow();
    watched.clear();
  }
}
