// The lock of a run (or experiment) folder: one r2d process at a time writes there; stale locks are named, not taken.
package dev.reason2decide.runs;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code run.lock} ({@link RunFolder#LOCK}) holds its owner as JSON: pid, host, the process's start time and the
 * command. It is created atomically (a fully written temporary file hard-linked to the name, which fails when the
 * name exists), removed by {@link #close()} and, on SIGINT/SIGTERM, by a shutdown hook. A lock that survives its
 * owner (kill -9, power loss) is <em>stale</em> when its host is this one and its pid is no longer alive (or is alive
 * but started at another time: a reused pid); it is reported with what to do and taken over only when asked
 * ({@code breakStale}, the CLI's {@code --break-lock}). A lock whose owner is alive on this host is never taken. A
 * lock of another host cannot be checked from here: it is reported as held, and {@code breakStale} takes it (the
 * user says that process is gone).
 */
public final class RunLock implements AutoCloseable {
  /** Who holds a lock; {@code started} is the owner process's start time, null where the OS does not say. */
  public record Owner(long pid, String host, String started, String command) {
    public Owner {
      if (pid <= 0 || host == null || host.isBlank() || command == null) {
        throw new IllegalArgumentException("a lock owner needs a positive pid, a host and a command, got pid " + pid
            + ", host " + host);
      }
    }

    /** This process, running {@code command}. */
    public static Owner current(String command) {
      ProcessHandle self = ProcessHandle.current();
      return new Owner(self.pid(), hostName(), self.info().startInstant().map(Instant::toString).orElse(null),
          command);
    }

    String toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("pid", pid);
      o.addProperty("host", host);
      o.addProperty("started", started);
      o.addProperty("command", command);
      o.addProperty("locked", Instant.now().toString());
      return o + "\n";
    }

    static Owner parse(String json) {
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      return new Owner(o.get("pid").getAsLong(), o.get("host").getAsString(),
          o.has("started") && !o.get("started").isJsonNull() ? o.get("started").getAsString() : null,
          o.has("command") ? o.get("command").getAsString() : "r2d");
    }

    /** True when this host can tell that the owner is gone: same host, and its pid is dead or reused. */
    public boolean isStale() {
      if (!host.equals(hostName())) {
        return false;
      }
      Optional<ProcessHandle> p = ProcessHandle.of(pid);
      if (p.isEmpty() || !p.get().isAlive()) {
        return true;
      }
      // a pid reused by a process started at another time; the start is derived from clock ticks, so allow a second
      Optional<Instant> start = p.get().info().startInstant();
      if (started == null || start.isEmpty()) {
        return false;
      }
      try {
        return Math.abs(Instant.parse(started).toEpochMilli() - start.get().toEpochMilli()) > 1000;
      } catch (java.time.format.DateTimeParseException e) {
        return false;
      }
    }

    String describe() {
      return command + " (pid " + pid + " on " + host + (started != null ? ", started " + started : "") + ")";
    }
  }

  private final Path file;
  private final Owner owner;
  private final Path createdDir;
  private final Thread hook;
  private boolean released;

  private RunLock(Path file, Owner owner, Path createdDir) {
    this.file = file;
    this.owner = owner;
    this.createdDir = createdDir;
    this.hook = new Thread(this::release, "r2d-run-lock-release");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Locks {@code dir} (created if missing; removed again on release if it was created here and is left empty) for
   * {@code command}, e.g. "r2d train". Throws {@link IllegalArgumentException} with a one-line message naming the
   * lock file, its owner and what to do when another process holds it or a stale lock is in the way and
   * {@code breakStale} is false.
   */
  public static RunLock acquire(Path dir, String command, boolean breakStale) {
    Owner me = Owner.current(command);
    Path file = dir.resolve(RunFolder.LOCK);
    Path created = Files.isDirectory(dir) ? null : dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot be created: " + e.getMessage(), e);
    }
    // two rounds: a stale lock taken over in the first, then created in the second
    for (int round = 0; round < 2; round++) {
      if (create(file, me)) {
        return new RunLock(file, me, created);
      }
      String text = readQuietly(file);
      if (text == null) {
        continue; // released between our attempt and our read
      }
      Owner holder;
      try {
        holder = Owner.parse(text);
      } catch (RuntimeException e) {
        holder = null;
      }
      if (holder != null && !holder.isStale() && holder.host().equals(me.host())) {
        throw new IllegalArgumentException(file + ": " + dir + " is in use by " + holder.describe()
            + "; wait for it to finish or choose another --out (--break-lock never takes a live lock)");
      }
      if (!breakStale) {
        String why = holder == null ? "an unreadable lock"
            : holder.isStale() ? "a stale lock of " + holder.describe() + ", which is no longer running"
            : "a lock of " + holder.describe() + ", which cannot be checked from " + me.host();
        throw new IllegalArgumentException(file + ": " + dir + " has " + why + "; if no r2d process uses this "
            + "folder any more, run again with --break-lock");
      }
      // take it over only if it is still the lock we judged (another --break-lock may have been faster)
      if (text.equals(readQuietly(file))) {
        deleteQuietly(file);
      }
    }
    throw new IllegalArgumentException(file + ": " + dir + " was locked again by another process while its stale "
        + "lock was being broken; wait for it to finish or choose another --out");
  }

  /** Creates {@code file} naming {@code me}, atomically; false when it exists. */
  private static boolean create(Path file, Owner me) {
    byte[] content = me.toJson().getBytes(StandardCharsets.UTF_8);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      Files.write(tmp, content);
      try {
        Files.createLink(file, tmp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | IOException e) {
        // a file system without hard links: O_EXCL creation (a reader may briefly see it empty: "unreadable")
        try {
          Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          return true;
        } catch (FileAlreadyExistsException e2) {
          return false;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be created: " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** The owner named in {@code dir}'s lock file, or empty when there is none (or it is unreadable). */
  public static Optional<Owner> holder(Path dir) {
    String text = readQuietly(dir.resolve(RunFolder.LOCK));
    try {
      return text == null ? Optional.empty() : Optional.of(Owner.parse(text));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Removes the locks in the folders below {@code dir} (three levels, {@code dir}'s own excepted) whose owner is not
   * alive on this host, for a caller that holds {@code dir}'s lock; returns their owners (unreadable ones as
   * "unknown"). Locks of live processes on this host stay.
   */
  public static List<Owner> breakStaleBelow(Path dir) {
    List<Owner> broken = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir, 4)) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals(RunFolder.LOCK)
          && !p.getParent().equals(dir) && Files.isRegularFile(p)).sorted().toList()) {
        String text = readQuietly(f);
        Owner holder;
        try {
          holder = text == null ? null : Owner.parse(text);
        } catch (RuntimeException e) {
          holder = new Owner(1, "unknown", null, "an unreadable lock");
        }
        if (holder != null && (holder.isStale() || !holder.host().equals(hostName()))) {
          deleteQuietly(f);
          broken.add(holder);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot be listed: " + e.getMessage(), e);
    }
    return broken;
  }

  public Owner owner() {
    return owner;
  }

  /** Removes the lock (if it still names this owner) and a folder this lock created that is left empty. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook releases
    }
    release();
  }

  private synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    String text = readQuietly(file);
    try {
      if (text != null && Owner.parse(text).equals(owner)) {
        deleteQuietly(file);
      }
    } catch (RuntimeException e) {
      // not ours any more: leave it
    }
    if (createdDir != null) {
      try {
        Files.deleteIfExists(createdDir); // fails, as it should, when anything was written into it
      } catch (IOException e) {
        // not empty: a run was started here
      }
    }
  }

  private static String readQuietly(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(f + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path f) {
    if (f == null) {
      return;
    }
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      // nothing more to do
    }
  }

  /** This machine's name as the kernel reports it (no DNS lookup). */
  static String hostName() {
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        String h = Files.readString(kernel).strip();
        if (!h.isEmpty()) {
          return h;
        }
      }
    } catch (IOException e) {
      // fall through
    }
    String env = System.getenv("HOSTNAME") != null ? System.getenv("HOSTNAME") : System.getenv("COMPUTERNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
