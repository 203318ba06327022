// Append-only JSONL store of server answers keyed by the request's hash: what makes runs resumable and idempotent.
package dev.reason2decide.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One line per answer: {@code {"key": sha256, "ref": example id, "created": time, "response": {...}}}. The key is
 * the SHA-256 of the canonical request body, i.e. of (prompt text with the example's input and label, model,
 * temperature, max tokens, seed): a change to any of them is a new key. Each record is flushed to disk
 * (fsync) before {@link #put} returns, so a killed run loses at most the answers in flight. A torn last line (the
 * process died mid-write) is dropped and cut off when the cache is opened; a bad line elsewhere is an error. The
 * file is locked while open, so two runs cannot share it.
 */
public final class ResponseCache implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Map<String, ChatResponse> answers = new ConcurrentHashMap<>();
  private int loaded;
  private boolean tornLineDropped;

  private ResponseCache(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Opens (or creates) a cache file and reads what earlier runs stored. */
  public static ResponseCache open(Path file) {
    FileChannel ch = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IllegalStateException(file + ": cache is in use by another run");
      }
      ResponseCache c = new ResponseCache(file, ch, lock);
      c.load();
      return c;
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      if (e instanceof IOException io) {
        throw new UncheckedIOException(file + ": cannot open the cache: " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  private void load() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--; // a torn last record: everything after the last newline
    }
    List<String> lines = new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        answers.putIfAbsent(o.get("key").getAsString(), ChatResponse.fromJson(o.getAsJsonObject("response")));
      } catch (RuntimeException e) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": cache record is damaged (" + e.getMessage()
            + "); remove the line or the file to continue", e);
      }
    }
    tornLineDropped = end < bytes.length;
    if (tornLineDropped) {
      channel.truncate(end);
      channel.force(true);
    }
    channel.position(channel.size());
    loaded = answers.size();
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // already failing; the first error is the one to report
      }
    }
  }

  /** The SHA-256 (hex) of a request's canonical body, prefixed with what it is for. */
  public static String key(String purpose, ChatRequest request) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(purpose.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(request.toBody().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  public Optional<ChatResponse> get(String key) {
    return Optional.ofNullable(answers.get(key));
  }

  /** Stores an answer durably (written and fsynced before returning). */
  public synchronized void put(String key, String ref, ChatResponse response) {
    if (answers.containsKey(key)) {
      return;
    }
    JsonObject o = new JsonObject();
    o.addProperty("key", key);
    o.addProperty("ref", ref);
    o.addProperty("created", Instant.now().toString());
    o.add("response", response.toJson());
    byte[] line = (Json.COMPACT.toJson((JsonElement) o) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot append to the cache: " + e.getMessage(), e);
    }
    answers.put(key, response);
  }

  /** Answers found when the cache was opened. */
  public int loaded() {
    return loaded;
  }

  /** True when opening found and removed a torn last line. */
  public boolean tornLineDropped() {
    return tornLineDropped;
  }

  public int size() {
    return answers.size();
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot close the cache: " + e.getMessage(), e);
    }
  }
}
