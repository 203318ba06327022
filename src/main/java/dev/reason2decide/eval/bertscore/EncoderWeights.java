// Finds a BERT/RoBERTa checkpoint's tensors in its safetensors file(s), whatever prefix they were saved under.
package dev.reason2decide.eval.bertscore;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.model.safetensors.SafeTensorsReader;
import dev.reason2decide.model.safetensors.TensorEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The encoder's tensors by their bare names ({@code embeddings.word_embeddings.weight}, {@code encoder.layer.3...}).
 * Checkpoints saved from a task model carry a prefix ({@code roberta.}, {@code bert.}); it is detected from where
 * the word embeddings live. Old BERT checkpoints name LayerNorm parameters gamma/beta; both spellings are accepted.
 * Reads {@code model.safetensors} or the shards listed in {@code model.safetensors.index.json}.
 */
final class EncoderWeights {
  private static final String ANCHOR = "embeddings.word_embeddings.weight";

  private final List<SafeTensorsReader> files;
  private final String prefix;
  private final Path dir;

  private EncoderWeights(Path dir, List<SafeTensorsReader> files, String prefix) {
    this.dir = dir;
    this.files = files;
    this.prefix = prefix;
  }

  static EncoderWeights open(Path dir) {
    List<SafeTensorsReader> readers = new ArrayList<>();
    Path single = dir.resolve("model.safetensors");
    Path index = dir.resolve("model.safetensors.index.json");
    if (Files.isRegularFile(single)) {
      readers.add(SafeTensorsReader.open(single));
    } else if (Files.isRegularFile(index)) {
      Set<String> shards = new LinkedHashSet<>();
      try {
        JsonObject map = JsonParser.parseString(Files.readString(index)).getAsJsonObject().getAsJsonObject("weight_map");
        for (var e : map.entrySet()) {
          shards.add(e.getValue().getAsString());
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(index + ": not a safetensors index: " + e.getMessage(), e);
      }
      for (String s : shards) {
        readers.add(SafeTensorsReader.open(dir.resolve(s)));
      }
    } else {
      throw new IllegalArgumentException(dir + ": no model.safetensors (or model.safetensors.index.json); "
          + "a pytorch_model.bin must first be converted to safetensors");
    }
    String prefix = null;
    for (SafeTensorsReader r : readers) {
      for (String name : r.tensors().keySet()) {
        if (name.endsWith(ANCHOR) && (prefix == null || name.length() < prefix.length() + ANCHOR.length())) {
          prefix = name.substring(0, name.length() - ANCHOR.length());
        }
      }
    }
    if (prefix == null) {
      throw new IllegalArgumentException(dir + ": no tensor named *" + ANCHOR + ": not a BERT/RoBERTa checkpoint");
    }
    return new EncoderWeights(dir, readers, prefix);
  }

  /** The prefix found in front of the bare names (empty, {@code roberta.}, {@code bert.}, ...). */
  String prefix() {
    return prefix;
  }

  /** A tensor by bare name, with its expected shape checked. */
  TensorEntry get(String bareName, long... shape) {
    TensorEntry t = find(prefix + bareName);
    if (t == null && bareName.endsWith("LayerNorm.weight")) {
      t = find(prefix + bareName.replace("LayerNorm.weight", "LayerNorm.gamma"));
    } else if (t == null && bareName.endsWith("LayerNorm.bias")) {
      t = find(prefix + bareName.replace("LayerNorm.bias", "LayerNorm.beta"));
    }
    if (t == null) {
      throw new IllegalArgumentException(dir + ": tensor '" + prefix + bareName + "' is missing");
    }
    if (!java.util.Arrays.equals(t.shape(), shape)) {
      throw new IllegalArgumentException(dir + ": tensor '" + t.name() + "' has shape "
          + java.util.Arrays.toString(t.shape()) + ", config.json implies " + java.util.Arrays.toString(shape));
    }
    return t;
  }

  private TensorEntry find(String name) {
    for (SafeTensorsReader r : files) {
      if (r.has(name)) {
        return r.get(name);
      }
    }
    return null;
  }
}
