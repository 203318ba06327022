// Reads safetensors files (any size: each tensor is memory-mapped on its own) and validates every header field.
package dev.reason2decide.model.safetensors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.io.JsonIntegers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file opened for reading. Unlike DJL's codec it reads files over 2 GiB (tensors are mapped one by
 * one), keeps the {@code __metadata__} block, and rejects a bad header, out-of-range offsets, overlapping tensors or
 * a size that does not match dtype × shape with a message that names the file and the tensor.
 */
public final class SafeTensorsReader {
  private static final long MAX_HEADER = 100L * 1024 * 1024;

  private final Path file;
  private final Map<String, TensorEntry> tensors = new LinkedHashMap<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();

  private SafeTensorsReader(Path file) {
    this.file = file;
  }

  /** Opens and validates {@code file}; tensor bytes are mapped lazily by the OS. */
  public static SafeTensorsReader open(Path file) {
    SafeTensorsReader r = new SafeTensorsReader(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      r.parse(ch);
    } catch (IOException e) {
      throw new CheckpointException(file, "cannot be read: " + e.getMessage());
    }
    return r;
  }

  private void parse(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size < 8) {
      throw new CheckpointException(file, "truncated: " + size + " bytes, not even the 8-byte header length");
    }
    ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, lenBuf, 0);
    long headerLen = lenBuf.getLong(0);
    if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > size) {
      throw new CheckpointException(file, "bad header length " + headerLen + " for a file of " + size + " bytes");
    }
    ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
    readFully(ch, hb, 8);
    String json = new String(hb.array(), java.nio.charset.StandardCharsets.UTF_8);
    JsonObject header;
    try {
      JsonElement el = JsonParser.parseString(json.strip());
      if (!el.isJsonObject()) {
        throw new CheckpointException(file, "header is not a JSON object");
      }
      header = el.getAsJsonObject();
    } catch (RuntimeException e) {
      if (e instanceof CheckpointException ce) {
        throw ce;
      }
      throw new CheckpointException(file, "header is not valid JSON: " + e.getMessage());
    }
    long dataStart = 8 + headerLen;
    long dataLen = size - dataStart;
    List<long[]> spans = new ArrayList<>();
    List<String> spanNames = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : header.entrySet()) {
      String name = e.getKey();
      if (name.equals("__metadata__")) {
        if (e.getValue().isJsonObject()) {
          for (Map.Entry<String, JsonElement> m : e.getValue().getAsJsonObject().entrySet()) {
            metadata.put(m.getKey(), m.getValue().isJsonPrimitive() ? m.getValue().getAsString() : m.getValue().toString());
          }
        }
        continue;
      }
      if (!e.getValue().isJsonObject()) {
        throw new CheckpointException(file, name, "header entry is not an object");
      }
      JsonObject t = e.getValue().getAsJsonObject();
      DType dtype = t.has("dtype") ? DType.parse(t.get("dtype").getAsString()) : null;
      if (dtype == null) {
        throw new CheckpointException(file, name, "unknown or missing dtype " + t.get("dtype"));
      }
      long[] shape = longs(t, "shape", name);
      long[] off = longs(t, "data_offsets", name);
      if (off.length != 2 || off[0] < 0 || off[1] < off[0]) {
        throw new CheckpointException(file, name, "bad data_offsets " + java.util.Arrays.toString(off));
      }
      if (off[1] > dataLen) {
        throw new CheckpointException(file, name, "data_offsets end " + off[1] + " is past the end of the data ("
            + dataLen + " bytes): the file is truncated");
      }
      long numel = 1;
      for (long s : shape) {
        if (s < 0) {
          throw new CheckpointException(file, name, "negative dimension in shape");
        }
        numel = Math.multiplyExact(numel, s);
      }
      if (off[1] - off[0] != numel * dtype.bytes) {
        throw new CheckpointException(file, name, "holds " + (off[1] - off[0]) + " bytes but " + dtype + " "
            + java.util.Arrays.toString(shape) + " needs " + numel * dtype.bytes);
      }
      long n = off[1] - off[0];
      // one mapping per tensor, so files of any size work; a single tensor over 2 GiB cannot be one Java buffer
      ByteBuffer bytes = n == 0 || n > Integer.MAX_VALUE
          ? ByteBuffer.allocate(0)
          : ch.map(FileChannel.MapMode.READ_ONLY, dataStart + off[0], n);
      bytes.order(ByteOrder.LITTLE_ENDIAN);
      tensors.put(name, new TensorEntry(file, name, dtype, shape, bytes));
      spans.add(off);
      spanNames.add(name);
    }
    Integer[] order = new Integer[spans.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingLong(i -> spans.get(i)[0]));
    for (int i = 1; i < order.length; i++) {
      long[] prev = spans.get(order[i - 1]);
      long[] cur = spans.get(order[i]);
      if (cur[0] < prev[1] && cur[1] > cur[0]) {
        throw new CheckpointException(file, spanNames.get(order[i]), "overlaps tensor '" + spanNames.get(order[i - 1]) + "'");
      }
    }
  }

  private long[] longs(JsonObject t, String field, String name) {
    JsonElement el = t.get(field);
    if (el == null || !el.isJsonArray()) {
      throw new CheckpointException(file, name, "missing or invalid '" + field + "'");
    }
    JsonArray a = el.getAsJsonArray();
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = JsonIntegers.longInteger(a.get(i), field + "[" + i + "]");
      } catch (IllegalArgumentException e) {
        throw new CheckpointException(file, name, e.getMessage());
      }
    }
    return out;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos + buf.position());
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }

  public Path file() {
    return file;
  }

  /** Tensors in header order. */
  public Map<String, TensorEntry> tensors() {
    return tensors;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  public boolean has(String name) {
    return tensors.containsKey(name);
  }

  /** The named tensor, or a {@link CheckpointException} naming the file when it is absent. */
  public TensorEntry get(String name) {
    TensorEntry t = tensors.get(name);
    if (t == null) {
      throw new CheckpointException(file, name, "missing from the checkpoint");
    }
    return t;
  }

  /** Convenience: true when the file exists. */
  public static boolean exists(Path p) {
    return Files.isRegularFile(p);
  }
}
