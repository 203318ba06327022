// The named weight tensors of a T5 model, with Hugging Face's names and shapes, loaded from or saved to safetensors.
package dev.reason2decide.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.model.safetensors.CheckpointException;
import dev.reason2decide.model.safetensors.SafeTensorsReader;
import dev.reason2decide.model.safetensors.SafeTensorsWriter;
import dev.reason2decide.model.safetensors.TensorEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every trainable tensor of a T5 model by its transformers name ({@code shared.weight},
 * {@code encoder.block.0.layer.0.SelfAttention.q.weight}, ...). A tied model has no {@code lm_head.weight}.
 * Tensors live in the manager given at load time (outside any per-step scope).
 */
public final class T5Parameters implements AutoCloseable {
  private final T5Config config;
  private final Map<String, NDArray> tensors;

  private T5Parameters(T5Config config, Map<String, NDArray> tensors) {
    this.config = config;
    this.tensors = tensors;
  }

  /** Names and shapes that a model of {@code c} has, in a fixed order. */
  public static Map<String, long[]> expectedShapes(T5Config c) {
    Map<String, long[]> m = new LinkedHashMap<>();
    long d = c.dModel();
    long inner = c.innerDim();
    m.put("shared.weight", new long[] {c.vocabSize(), d});
    for (String stack : new String[] {"encoder", "decoder"}) {
      boolean dec = stack.equals("decoder");
      int layers = dec ? c.numDecoderLayers() : c.numLayers();
      for (int i = 0; i < layers; i++) {
        String p = stack + ".block." + i + ".layer.";
        attention(m, p + "0.SelfAttention.", d, inner);
        if (i == 0) {
          m.put(p + "0.SelfAttention.relative_attention_bias.weight",
              new long[] {c.relativeAttentionNumBuckets(), c.numHeads()});
        }
        m.put(p + "0.layer_norm.weight", new long[] {d});
        int ff = 1;
        if (dec) {
          attention(m, p + "1.EncDecAttention.", d, inner);
          m.put(p + "1.layer_norm.weight", new long[] {d});
          ff = 2;
        }
        String f = p + ff + ".DenseReluDense.";
        if (c.gated()) {
          m.put(f + "wi_0.weight", new long[] {c.dFf(), d});
          m.put(f + "wi_1.weight", new long[] {c.dFf(), d});
        } else {
          m.put(f + "wi.weight", new long[] {c.dFf(), d});
        }
        m.put(f + "wo.weight", new long[] {d, c.dFf()});
        m.put(p + ff + ".layer_norm.weight", new long[] {d});
      }
      m.put(stack + ".final_layer_norm.weight", new long[] {d});
    }
    if (!c.tieWordEmbeddings()) {
      m.put("lm_head.weight", new long[] {c.vocabSize(), d});
    }
    return m;
  }

  private static void attention(Map<String, long[]> m, String p, long d, long inner) {
    m.put(p + "q.weight", new long[] {inner, d});
    m.put(p + "k.weight", new long[] {inner, d});
    m.put(p + "v.weight", new long[] {inner, d});
    m.put(p + "o.weight", new long[] {d, inner});
  }

  /** Wraps already-created tensors (e.g. a fresh initialisation); names must match {@link #expectedShapes}. */
  public static T5Parameters of(T5Config config, Map<String, NDArray> tensors) {
    Map<String, long[]> shapes = expectedShapes(config);
    Map<String, NDArray> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : shapes.entrySet()) {
      NDArray t = tensors.get(e.getKey());
      if (t == null) {
        throw new IllegalArgumentException("missing parameter " + e.getKey());
      }
      if (!Arrays.equals(t.getShape().getShape(), e.getValue())) {
        throw new IllegalArgumentException(e.getKey() + ": shape " + t.getShape() + ", expected "
            + Arrays.toString(e.getValue()));
      }
      ordered.put(e.getKey(), t);
    }
    return new T5Parameters(config, ordered);
  }

  /**
   * Loads the weights of a checkpoint folder: {@code model.safetensors} or the shards listed in
   * {@code model.safetensors.index.json}. F16/BF16 are widened to F32. A tied embedding may be stored as
   * {@code shared.weight}, {@code encoder.embed_tokens.weight} or {@code decoder.embed_tokens.weight}.
   */
  public static T5Parameters load(Path dir, T5Config config, NDManager manager) {
    Map<String, TensorEntry> entries = readEntries(dir);
    checkLayers(dir, entries, "encoder", "num_layers", config.numLayers());
    checkLayers(dir, entries, "decoder", "num_decoder_layers", config.numDecoderLayers());
    // every name, shape and dtype is checked before anything is allocated
    Map<String, TensorEntry> found = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : expectedShapes(config).entrySet()) {
      String name = e.getKey();
      TensorEntry t = entries.get(name);
      if (t == null && name.equals("shared.weight")) {
        t = entries.getOrDefault("encoder.embed_tokens.weight", entries.get("decoder.embed_tokens.weight"));
      }
      if (t == null) {
        Path where = dir.resolve(Files.exists(dir.resolve("model.safetensors")) ? "model.safetensors"
            : "model.safetensors.index.json");
        String hint = name.equals("lm_head.weight")
            ? " (config.json says tie_word_embeddings=false, so an untied lm_head is required)" : "";
        throw new CheckpointException(where, name, "missing from the checkpoint" + hint);
      }
      if (!Arrays.equals(t.shape(), e.getValue())) {
        throw new CheckpointException(t.file(), name, "shape " + Arrays.toString(t.shape())
            + " does not match config.json, which implies " + Arrays.toString(e.getValue()));
      }
      if (t.dtype() != dev.reason2decide.model.safetensors.DType.F32 && t.dtype() != dev.reason2decide.model.safetensors.DType.F16
          && t.dtype() != dev.reason2decide.model.safetensors.DType.BF16 && t.dtype() != dev.reason2decide.model.safetensors.DType.F64) {
        throw new CheckpointException(t.file(), name, "dtype " + t.dtype() + " is not a floating-point weight type");
      }
      found.put(name, t);
    }
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, TensorEntry> e : found.entrySet()) {
      float[] values = e.getValue().toFloats();
      out.put(e.getKey(), dev.reason2decide.engine.Tensors.owned(manager, values, new Shape(e.getValue().shape())));
    }
    return new T5Parameters(config, out);
  }

  /** The weights' number of {@code stack} blocks must be config.json's {@code field}: said before any allocation. */
  private static void checkLayers(Path dir, Map<String, TensorEntry> entries, String stack, String field,
      int expected) {
    String prefix = stack + ".block.";
    int blocks = 0;
    for (String name : entries.keySet()) {
      if (name.startsWith(prefix)) {
        int dot = name.indexOf('.', prefix.length());
        try {
          blocks = Math.max(blocks, Integer.parseInt(name.substring(prefix.length(), dot < 0 ? name.length() : dot))
              + 1);
        } catch (NumberFormatException ignored) {
          // not a numbered block: the name check below reports what is missing
        }
      }
    }
    if (blocks != expected) {
      throw new CheckpointException(dir.resolve("config.json"), field + " is " + expected + " but the weights have "
          + blocks + " " + stack + " blocks");
    }
  }

  private static Map<String, TensorEntry> readEntries(Path dir) {
    Path single = dir.resolve("model.safetensors");
    Path index = dir.resolve("model.safetensors.index.json");
    Map<String, TensorEntry> entries = new LinkedHashMap<>();
    if (Files.isRegularFile(single)) {
      entries.putAll(SafeTensorsReader.open(single).tensors());
    } else if (Files.isRegularFile(index)) {
      JsonObject map;
      try {
        map = JsonParser.parseString(Files.readString(index)).getAsJsonObject().getAsJsonObject("weight_map");
      } catch (IOException | RuntimeException e) {
        throw new CheckpointException(index, "not a valid index (needs a 'weight_map' object): " + e.getMessage());
      }
      if (map == null) {
        throw new CheckpointException(index, "has no 'weight_map'");
      }
      Map<String, SafeTensorsReader> shards = new TreeMap<>();
      for (var e : map.entrySet()) {
        String shard = e.getValue().getAsString();
        SafeTensorsReader r = shards.computeIfAbsent(shard, s -> {
          Path p = dir.resolve(s);
          if (!Files.isRegularFile(p)) {
            throw new CheckpointException(index, "lists shard '" + s + "' which does not exist");
          }
          return SafeTensorsReader.open(p);
        });
        if (!r.has(e.getKey())) {
          throw new CheckpointException(r.file(), e.getKey(), "listed in the index but missing from the shard");
        }
        entries.put(e.getKey(), r.get(e.getKey()));
      }
    } else {
      throw new CheckpointException(dir, "no model.safetensors or model.safetensors.index.json in this folder");
    }
    return entries;
  }

  /** Writes every tensor as F32 to {@code file} (transformers-loadable: {"format":"pt"} metadata). */
  public void save(Path file) {
    SafeTensorsWriter w = new SafeTensorsWriter();
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      w.put(e.getKey(), e.getValue().getShape().getShape(), e.getValue().toType(DataType.FLOAT32, false).toFloatArray());
    }
    w.write(file);
  }

  public T5Config config() {
    return config;
  }

  /** The tensor called {@code name}. */
  public NDArray get(String name) {
    NDArray t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no parameter named " + name);
    }
    return t;
  }

  /** All tensors in a fixed order. */
  public Map<String, NDArray> all() {
    return tensors;
  }

  public List<String> names() {
    return new ArrayList<>(tensors.keySet());
  }

  /** Number of scalar parameters. */
  public long count() {
    return tensors.values().stream().mapToLong(t -> t.getShape().size()).sum();
  }

  /** The weight that projects decoder states to vocabulary logits. */
  public NDArray lmHead() {
    return config.tieWordEmbeddings() ? tensors.get("shared.weight") : tensors.get("lm_head.weight");
  }

  /** Turns gradient tracking on or off for every tensor. */
  public void requireGradients(boolean on) {
    tensors.values().forEach(t -> t.setRequiresGradient(on));
  }

  @Override
  public void close() {
    tensors.values().forEach(NDArray::close);
  }
}
