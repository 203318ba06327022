// Magnitude-aware starting embeddings for the number pieces of a tokenizer, for models trained from scratch.
package dev.reason2decide.model;

import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A from-scratch model has to learn from data alone that the piece {@code ▁101} is larger than {@code ▁99}, once per
 * piece; rare values (a heart rate of 35) are seen too seldom to learn it. This starts every whole-number piece
 * ({@code ▁n} or {@code n}, n = 0..9999 without a leading zero) with its first {@link #dims} embedding coordinates set
 * to smooth functions of n, the rest drawn at random as for every other piece:
 * <ul>
 *   <li>coordinates 0..k-2: tanh((n − 10·j) / 5), a soft thermometer with steps every 10 from 0 to 10·(k−2), so that
 *       "n above a threshold" is a linear read-out for any threshold in that range (between two steps the read-out
 *       weighs two neighbouring steps);</li>
 *   <li>coordinate k−1: log10(n + 1) − 2, the order of magnitude, for values beyond the thermometer's range.</li>
 * </ul>
 * The random coordinates keep every piece distinct (76 and 74 differ in about 96 random coordinates and only one
 * thermometer step), so copying a value is as easy as before. Values are only a starting point: they are trained
 * like every other weight, and the model stays a plain T5 (nothing in the architecture or the checkpoint changes).
 */
public final class NumberEmbeddings {
  /** The largest number whose piece is given magnitude coordinates. */
  public static final int MAX_VALUE = 9999;

  private NumberEmbeddings() {}

  /** Magnitude coordinates per model width: a quarter of d_model, at most 32. */
  public static int dims(int dModel) {
    return Math.min(32, dModel / 4);
  }

  /** The number a piece stands for: {@code ▁118} and {@code 118} are 118; anything else (or {@code 07}) is none. */
  public static OptionalInt value(String piece) {
    String t = piece.startsWith("\u2581") ? piece.substring(1) : piece;
    if (t.isEmpty() || t.length() > Integer.toString(MAX_VALUE).length() || (t.length() > 1 && t.charAt(0) == '0')) {
      return OptionalInt.empty();
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return OptionalInt.empty();
      }
    }
    int n = Integer.parseInt(t);
    return n <= MAX_VALUE ? OptionalInt.of(n) : OptionalInt.empty();
  }

  /** The {@code k} magnitude coordinates of {@code n}. */
  public static float[] features(int n, int k) {
    float[] f = new float[k];
    for (int j = 0; j + 1 < k; j++) {
      f[j] = (float) Math.tanh((n - 10.0 * j) / 5.0);
    }
    if (k > 0) {
      f[k - 1] = (float) (Math.log10(n + 1.0) - 2.0);
    }
    return f;
  }

  /** Token id to its magnitude coordinates, for every number piece of {@code vocab} (piece to id). */
  public static Map<Integer, float[]> rows(Map<String, Integer> vocab, int dModel) {
    int k = dims(dModel);
    Map<Integer, float[]> out = new TreeMap<>();
    if (k == 0) {
      return out;
    }
    vocab.forEach((piece, id) -> value(piece).ifPresent(n -> out.put(id, features(n, k))));
    return out;
  }
}
