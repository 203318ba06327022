// A fresh T5 with transformers' initialisation (T5PreTrainedModel._init_weights), for training from scratch.
package dev.reason2decide.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Normal initialisation with transformers' standard deviations (factor f = initializer_factor): embeddings and
 * untied lm_head f·1; q f·(d_model·d_kv)^-½; k, v f·d_model^-½; o f·(heads·d_kv)^-½; relative bias f·d_model^-½;
 * wi/wi_0/wi_1 f·d_model^-½; wo f·d_ff^-½; layer norms f. Values come from a seeded Java generator, so the same
 * seed gives the same model on every machine.
 */
public final class T5Init {
  private T5Init() {}

  /** Named architectures for training from scratch; {@code vocab} comes from the tokenizer. */
  public static T5Config named(String size, int vocab) {
    return switch (size.toLowerCase(Locale.ROOT)) {
      case "micro" -> cfg(vocab, 96, 24, 192, 2, 2, 4);     // tiny at 3/4 width: a speed lever (issue 25)
      case "tiny" -> cfg(vocab, 128, 32, 256, 2, 2, 4);
      case "mini" -> cfg(vocab, 256, 32, 512, 4, 4, 8);
      case "small" -> cfg(vocab, 512, 64, 1024, 8, 8, 6);   // flan-t5-small dimensions
      case "base" -> cfg(vocab, 768, 64, 2048, 12, 12, 12); // flan-t5-base dimensions
      default -> throw new IllegalArgumentException("unknown model size '" + size
          + "' (micro, tiny, mini, small, base)");
    };
  }

  private static T5Config cfg(int vocab, int d, int dkv, int ff, int enc, int dec, int heads) {
    return new T5Config(vocab, d, dkv, ff, enc, dec, heads, 32, 128, 0.1f, 1e-6f, "gated-gelu", false, false, 0, 1, 0,
        1.0f);
  }

  /** A new model of configuration {@code c} with weights drawn from {@code seed}, as transformers draws them. */
  public static T5Model create(T5Config c, long seed, NDManager manager) {
    return create(c, seed, manager, false);
  }

  /**
   * As {@link #create(T5Config, long, NDManager)}; with {@code scaledHead} an untied {@code lm_head} is drawn at
   * f·d_model^-½ instead of f (the same random numbers, scaled), so the first logits have unit scale.
   */
  public static T5Model create(T5Config c, long seed, NDManager manager, boolean scaledHead) {
    return create(c, seed, manager, scaledHead, Map.of());
  }

  /**
   * As {@link #create(T5Config, long, NDManager, boolean)}, then the leading coordinates of some embedding rows
   * replaced ({@code embeddingRows}: token id to its first values, e.g. {@link NumberEmbeddings#rows}); the random
   * numbers drawn are the same, so every other weight equals the plain initialisation's.
   */
  public static T5Model create(T5Config c, long seed, NDManager manager, boolean scaledHead,
      Map<Integer, float[]> embeddingRows) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float f = c.initializerFactor();
    Map<String, NDArray> t = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : T5Parameters.expectedShapes(c).entrySet()) {
      String n = e.getKey();
      double std;
      if (n.endsWith("layer_norm.weight")) {
        std = -1;
      } else if (n.equals("lm_head.weight") && scaledHead) {
        std = f * Math.pow(c.dModel(), -0.5);
      } else if (n.equals("shared.weight") || n.equals("lm_head.weight")) {
        std = f;
      } else if (n.endsWith(".q.weight")) {
        std = f * Math.pow((double) c.dModel() * c.dKv(), -0.5);
      } else if (n.endsWith(".k.weight") || n.endsWith(".v.weight") || n.endsWith("relative_attention_bias.weight")
          || n.contains(".wi")) {
        std = f * Math.pow(c.dModel(), -0.5);
      } else if (n.endsWith(".o.weight")) {
        std = f * Math.pow((double) c.numHeads() * c.dKv(), -0.5);
      } else if (n.endsWith(".wo.weight")) {
        std = f * Math.pow(c.dFf(), -0.5);
      } else {
        throw new IllegalStateException("no initialisation rule for " + n);
      }
      long size = 1;
      for (long s : e.getValue()) {
        size *= s;
      }
      float[] v = new float[(int) size];
      for (int i = 0; i < v.length; i++) {
        v[i] = std < 0 ? f : (float) (gaussian(rnd) * std);
      }
      if (n.equals("shared.weight")) {
        for (Map.Entry<Integer, float[]> r : embeddingRows.entrySet()) {
          if (r.getKey() >= 0 && r.getKey() < c.vocabSize()) {
            float[] row = r.getValue();
            System.arraycopy(row, 0, v, r.getKey() * c.dModel(), Math.min(row.length, c.dModel()));
          }
        }
      }
      t.put(n, dev.reason2decide.engine.Tensors.owned(manager, v, new Shape(e.getValue())));
    }
    return new T5Model(T5Parameters.of(c, t));
  }

  private static double gaussian(SplittableRandom r) {
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
  }
}
