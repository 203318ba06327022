// Writes safetensors files that transformers loads: {"format":"pt"} metadata, 8-byte aligned header, atomic rename.
package dev.reason2decide.model.safetensors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.reason2decide.io.AtomicFiles;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Collects F32 tensors (all a T5 checkpoint holds), then writes them in one go to a temporary file, renamed. */
public final class SafeTensorsWriter {
  private record Pending(long[] shape, float[] floats) {}

  private final Map<String, Pending> tensors = new TreeMap<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();

  public SafeTensorsWriter() {
    metadata.put("format", "pt");
  }

  public SafeTensorsWriter metadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  public SafeTensorsWriter put(String name, long[] shape, float[] values) {
    tensors.put(name, new Pending(shape.clone(), values));
    return this;
  }

  /** Writes {@code file} atomically (temporary name, then rename). */
  public void write(Path file) {
    JsonObject header = new JsonObject();
    JsonObject meta = new JsonObject();
    metadata.forEach(meta::addProperty);
    header.add("__metadata__", meta);
    long offset = 0;
    for (Map.Entry<String, Pending> e : tensors.entrySet()) {
      Pending p = e.getValue();
      long n = p.floats.length;
      JsonObject t = new JsonObject();
      t.addProperty("dtype", DType.F32.name());
      JsonArray shape = new JsonArray();
      for (long s : p.shape) {
        shape.add(s);
      }
      t.add("shape", shape);
      JsonArray off = new JsonArray();
      off.add(offset);
      off.add(offset + n * DType.F32.bytes);
      t.add("data_offsets", off);
      header.add(e.getKey(), t);
      offset += n * DType.F32.bytes;
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    try {
      AtomicFiles.writeBytes(file, out -> {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, padded);
        out.write(len.array());
        out.write(json);
        for (int i = json.length; i < padded; i++) {
          out.write(' ');
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Pending p : tensors.values()) {
          for (float v : p.floats) {
            if (buf.remaining() < DType.F32.bytes) {
              out.write(buf.array(), 0, buf.position());
              buf.clear();
            }
            buf.putFloat(v);
          }
        }
        out.write(buf.array(), 0, buf.position());
      });
    } catch (UncheckedIOException e) {
      throw new CheckpointException(file, "cannot be written: " + e.getCause().getMessage());
    }
  }
}
