// Corrupt, truncated, half-precision, sharded and >2 GiB checkpoints: clear errors or exact reads, never a crash.
package dev.reason2decide.model.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.check.HfReferenceCheck;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.testing.Shared;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRobustnessTest {
  @TempDir
  Path tmp;

  private static Path fixture() {
    return Shared.fixture("t5-tiny-v1_1");
  }

  private Path copyFixture(String name) throws Exception {
    Path d = tmp.resolve(name);
    Files.createDirectories(d);
    for (String f : List.of("config.json", "model.safetensors", "tokenizer.json", "expected.safetensors",
        "expected_grads.safetensors", "expected_after_adamw.safetensors", "expected.json")) {
      Files.copy(fixture().resolve(f), d.resolve(f));
    }
    return d;
  }

  private static void rawFile(Path p, String header, byte[] data) throws Exception {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    Files.write(p, b.array());
  }

  @Test
  void badHeaderLengthNamesFile() throws Exception {
    Path p = tmp.resolve("bad.safetensors");
    Files.write(p, new byte[] {(byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0, 0, '{', '}'});
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensorsReader.open(p));
    assertTrue(e.getMessage().contains("bad.safetensors") && e.getMessage().contains("header length"), e.getMessage());
  }

  @Test
  void tooShortFile() throws Exception {
    Path p = tmp.resolve("short.safetensors");
    Files.write(p, new byte[] {1, 2, 3});
    assertTrue(assertThrows(CheckpointException.class, () -> SafeTensorsReader.open(p)).getMessage()
        .contains("truncated"));
  }

  @Test
  void invalidJsonHeader() throws Exception {
    Path p = tmp.resolve("json.safetensors");
    rawFile(p, "{\"a\": [", new byte[0]);
    assertTrue(assertThrows(CheckpointException.class, () -> SafeTensorsReader.open(p)).getMessage()
        .contains("not valid JSON"));
  }

  @Test
  void offsetsPastEndNameTheTensor() throws Exception {
    Path p = tmp.resolve("trunc.safetensors");
    rawFile(p, "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensorsReader.open(p));
    assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void sizeDisagreesWithShape() throws Exception {
    Path p = tmp.resolve("shape.safetensors");
    rawFile(p, "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}", new byte[16]);
    assertTrue(assertThrows(CheckpointException.class, () -> SafeTensorsReader.open(p)).getMessage()
        .contains("needs 12"));
  }

  @Test
  void unknownDtypeAndOverlap() throws Exception {
    Path p = tmp.resolve("dtype.safetensors");
    rawFile(p, "{\"w\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]);
    assertTrue(assertThrows(CheckpointException.class, () -> SafeTensorsReader.open(p)).getMessage().contains("dtype"));
    Path q = tmp.resolve("overlap.safetensors");
    rawFile(q, "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]);
    assertTrue(assertThrows(CheckpointException.class, () -> SafeTensorsReader.open(q)).getMessage().contains("overlaps"));
  }

  @Test
  void missingTensorAndWrongShapeNameFileAndTensor() throws Exception {
    Path d = copyFixture("missing");
    SafeTensorsReader r = SafeTensorsReader.open(d.resolve("model.safetensors"));
    SafeTensorsWriter w = new SafeTensorsWriter();
    for (var e : r.tensors().entrySet()) {
      if (!e.getKey().equals("lm_head.weight")) {
        long[] shape = e.getKey().equals("decoder.final_layer_norm.weight") ? new long[] {63} : e.getValue().shape();
        float[] v = e.getValue().toFloats();
        w.put(e.getKey(), shape, shape[0] == 63 ? java.util.Arrays.copyOf(v, 63) : v);
      }
    }
    w.write(d.resolve("model.safetensors"));
    try (NDManager m = Engines.newManager()) {
      CheckpointException e = assertThrows(CheckpointException.class, () -> T5Checkpoint.load(d, m));
      assertTrue(e.getMessage().contains("model.safetensors"), e.getMessage());
      assertTrue(e.getMessage().contains("decoder.final_layer_norm.weight")
          || e.getMessage().contains("lm_head.weight"), e.getMessage());
    }
  }

  /** Rewrites the fixture as BF16 or F16 and checks the widened values equal rounding each weight. */
  @Test
  void halfPrecisionWeightsAreWidened() throws Exception {
    SafeTensorsReader r = SafeTensorsReader.open(fixture().resolve("model.safetensors"));
    for (DType dt : new DType[] {DType.BF16, DType.F16}) {
      StringBuilder header = new StringBuilder("{");
      java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
      Map<String, float[]> expected = new java.util.LinkedHashMap<>();
      for (var e : r.tensors().entrySet()) {
        float[] v = e.getValue().toFloats();
        float[] rounded = new float[v.length];
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; i++) {
          short s = dt == DType.BF16 ? (short) (Float.floatToIntBits(v[i]) >>> 16) : toHalf(v[i]);
          b.putShort(s);
          rounded[i] = dt == DType.BF16 ? Float.intBitsToFloat((s & 0xffff) << 16) : TensorEntry.halfToFloat(s);
        }
        if (header.length() > 1) {
          header.append(',');
        }
        header.append('"').append(e.getKey()).append("\":{\"dtype\":\"").append(dt).append("\",\"shape\":")
            .append(java.util.Arrays.toString(e.getValue().shape()).replace(" ", "")).append(",\"data_offsets\":[")
            .append(data.size()).append(',').append(data.size() + 2L * v.length).append("]}");
        data.write(b.array());
        expected.put(e.getKey(), rounded);
      }
      header.append('}');
      Path d = tmp.resolve("half-" + dt);
      Files.createDirectories(d);
      Files.copy(fixture().resolve("config.json"), d.resolve("config.json"));
      rawFile(d.resolve("model.safetensors"), header.toString(), data.toByteArray());
      try (NDManager m = Engines.newManager()) {
        T5Model model = T5Checkpoint.load(d, m);
        for (var e : expected.entrySet()) {
          assertArrayEquals(e.getValue(), model.parameters().get(e.getKey()).toFloatArray(), dt + " " + e.getKey());
        }
      }
    }
  }

  private static short toHalf(float f) {
    // round-to-nearest-even via the bits of a float rounded at 13 mantissa bits (values here are small normals)
    int bits = Float.floatToIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int exp = ((bits >>> 23) & 0xff) - 127 + 15;
    int mant = bits & 0x7fffff;
    if (exp <= 0) {
      return (short) sign;
    }
    int half = sign | (exp << 10) | (mant >>> 13);
    int rest = mant & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
      half++;
    }
    return (short) half;
  }

  @Test
  void shardedCheckpointPassesGoldenCheck() throws Exception {
    Path d = copyFixture("sharded");
    SafeTensorsReader r = SafeTensorsReader.open(d.resolve("model.safetensors"));
    SafeTensorsWriter a = new SafeTensorsWriter();
    SafeTensorsWriter b = new SafeTensorsWriter();
    StringBuilder map = new StringBuilder("{\"metadata\":{},\"weight_map\":{");
    int i = 0;
    for (var e : r.tensors().entrySet()) {
      String shard = i % 2 == 0 ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
      (i % 2 == 0 ? a : b).put(e.getKey(), e.getValue().shape(), e.getValue().toFloats());
      map.append(i == 0 ? "" : ",").append('"').append(e.getKey()).append("\":\"").append(shard).append('"');
      i++;
    }
    map.append("}}");
    a.write(d.resolve("model-00001-of-00002.safetensors"));
    b.write(d.resolve("model-00002-of-00002.safetensors"));
    Files.delete(d.resolve("model.safetensors"));
    Files.writeString(d.resolve("model.safetensors.index.json"), map);
    Map<String, Object> result = HfReferenceCheck.run(d);
    assertEquals(List.of(), result.get("failures"));
    assertEquals(Boolean.TRUE, result.get("pass"));
  }

  @Test
  void tensorBeyondTwoGibibytesIsRead() throws Exception {
    Path p = tmp.resolve("big.safetensors");
    long half = (1L << 30) + 2048;
    long offset = 2 * half;
    String header = "{\"pad\":{\"dtype\":\"U8\",\"shape\":[" + half + "],\"data_offsets\":[0," + half + "]},"
        + "\"pad2\":{\"dtype\":\"U8\",\"shape\":[" + half + "],\"data_offsets\":[" + half + "," + offset + "]},"
        + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[" + offset + "," + (offset + 8) + "]}}";
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) { // sparse: the gap takes no disk
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, h.length);
      f.write(len.array());
      f.write(h);
      f.seek(8 + h.length + offset);
      ByteBuffer v = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f);
      f.write(v.array());
    }
    SafeTensorsReader r = SafeTensorsReader.open(p);
    assertArrayEquals(new float[] {1.5f, -2f}, r.get("w").toFloats());
  }

  @Test
  void savedCheckpointReloadsIdentically() throws Exception {
    try (NDManager m = Engines.newManager()) {
      T5Model model = T5Checkpoint.load(fixture(), m);
      Path out = tmp.resolve("saved");
      T5Checkpoint.save(model, out, fixture(), Map.of());
      SafeTensorsReader r = SafeTensorsReader.open(out.resolve("model.safetensors"));
      assertEquals("pt", r.metadata().get("format"));
      long headerLen = ByteBuffer.wrap(Files.readAllBytes(out.resolve("model.safetensors")), 0, 8)
          .order(ByteOrder.LITTLE_ENDIAN).getLong();
      assertEquals(0, headerLen % 8, "header length is 8-byte aligned");
      T5Model again = T5Checkpoint.load(out, m);
      for (String name : model.parameters().names()) {
        assertArrayEquals(model.parameters().get(name).toFloatArray(), again.parameters().get(name).toFloatArray());
      }
      assertTrue(Files.exists(out.resolve("tokenizer.json")) && Files.exists(out.resolve("generation_config.json")));
      assertEquals(model.config(), again.config());
    }
  }
}
