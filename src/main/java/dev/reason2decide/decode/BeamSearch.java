// Beam search with transformers' vectorised semantics (length penalty, early_stopping=False heuristic, eos handling).
package dev.reason2decide.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reason2decide.model.DecoderCache;
import dev.reason2decide.model.T5Config;
import dev.reason2decide.model.T5Model;
import java.util.Arrays;

/**
 * For each input, keeps {@code numBeams} running hypotheses; at each step takes the best 2·numBeams
 * continuations of all beams; those ending in {@code </s>} (or reaching the length limit) among the first numBeams
 * become finished candidates scored by logprob / length^penalty; the rest continue. Stops when no running beam can
 * beat the worst finished one (the early_stopping=False heuristic) or at the length limit. Returns the best
 * finished hypothesis per input.
 */
public final class BeamSearch {
  private static final float NEG = -1.0e9f;

  private BeamSearch() {}

  /** Encoder states (B,S,D) and mask (B,S) → B rows starting with the decoder start token, padded to one length. */
  public static long[][] generate(T5Model model, NDArray encoderStates, NDArray encoderMask, GenerationSettings g) {
    T5Config c = model.config();
    NDManager m = encoderStates.getManager();
    int b = (int) encoderStates.getShape().get(0);
    int nb = g.numBeams();
    int maxLength = g.maxNewTokens() + 1;
    int keep = 2 * nb;
    long[] expand = new long[b * nb];
    for (int i = 0; i < b * nb; i++) {
      expand[i] = i / nb;
    }
    NDArray idx = m.create(expand);
    DecoderCache cache = model.startDecoding(encoderStates.get(idx), encoderMask.get(idx));

    long[][][] running = new long[b][nb][maxLength];
    float[][] runScore = new float[b][nb];
    long[][][] finished = new long[b][nb][maxLength];
    float[][] finScore = new float[b][nb];
    int[][] finLen = new int[b][nb];   // generated tokens incl. eos
    int[][] runLen = new int[b][nb];
    boolean[][] isFinished = new boolean[b][nb];
    boolean[] improvable = new boolean[b];
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < nb; k++) {
        Arrays.fill(running[i][k], c.padTokenId());
        Arrays.fill(finished[i][k], c.padTokenId());
        running[i][k][0] = c.decoderStartTokenId();
        finished[i][k][0] = c.decoderStartTokenId();
        runScore[i][k] = k == 0 ? 0f : NEG;
        finScore[i][k] = NEG;
      }
      improvable[i] = true;
    }
    int curLen = 1;
    long[] last = new long[b * nb];
    Arrays.fill(last, c.decoderStartTokenId());
    while (true) {
      NDArray logits = model.step(cache, m.create(last, new Shape(b * nb, 1)), g.sampleWithDropout()); // (B·nb,V)
      int v = (int) logits.getShape().get(1);
      float[] logp = logits.logSoftmax(-1).toFloatArray();
      long[] reorder = new long[b * nb];
      boolean allHit = true;
      for (int i = 0; i < b; i++) {
        // top 2·nb of (beam score + token log-prob) over nb·V candidates, descending
        float[] topVal = new float[keep];
        int[] topIdx = new int[keep];
        Arrays.fill(topVal, Float.NEGATIVE_INFINITY);
        Arrays.fill(topIdx, -1);
        for (int k = 0; k < nb; k++) {
          int base = (i * nb + k) * v;
          float s = runScore[i][k];
          for (int t = 0; t < v; t++) {
            float val = logp[base + t] + s;
            if (val > topVal[keep - 1]) {
              int pos = keep - 1;
              while (pos > 0 && val > topVal[pos - 1]) {
                topVal[pos] = topVal[pos - 1];
                topIdx[pos] = topIdx[pos - 1];
                pos--;
              }
              topVal[pos] = val;
              topIdx[pos] = k * v + t;
            }
          }
        }
        long[][] candSeq = new long[keep][];
        boolean[] hits = new boolean[keep];
        int[] candBeam = new int[keep];
        for (int j = 0; j < keep; j++) {
          int beam = topIdx[j] / v;
          long tok = topIdx[j] % v;
          candBeam[j] = beam;
          candSeq[j] = running[i][beam].clone();
          candSeq[j][curLen] = tok;
          hits[j] = tok == c.eosTokenId() || curLen + 1 >= maxLength;
          allHit &= hits[j];
        }
        // next running beams: best nb candidates that did not stop
        Integer[] order = new Integer[keep];
        float[] runVals = new float[keep];
        for (int j = 0; j < keep; j++) {
          order[j] = j;
          runVals[j] = topVal[j] + (hits[j] ? NEG : 0f);
        }
        Arrays.sort(order, (x, y) -> Float.compare(runVals[y], runVals[x]));
        long[][] newRunning = new long[nb][];
        for (int k = 0; k < nb; k++) {
          int j = order[k];
          newRunning[k] = candSeq[j];
          runScore[i][k] = runVals[j];
          runLen[i][k] = curLen;
          reorder[i * nb + k] = (long) i * nb + candBeam[j];
        }
        running[i] = newRunning;
        // finished beams: merge the previous ones with candidates that just stopped among the first nb
        float penalty = (float) Math.pow(curLen, g.lengthPenalty());
        int total = nb + keep;
        float[] mergedScore = new float[total];
        long[][] mergedSeq = new long[total][];
        boolean[] mergedFin = new boolean[total];
        int[] mergedLen = new int[total];
        for (int k = 0; k < nb; k++) {
          mergedScore[k] = finScore[i][k];
          mergedSeq[k] = finished[i][k];
          mergedFin[k] = isFinished[i][k];
          mergedLen[k] = finLen[i][k];
        }
        boolean full = g.earlyStopping() && allTrue(isFinished[i]);
        for (int j = 0; j < keep; j++) {
          boolean did = hits[j] && j < nb;
          float sc = topVal[j] / penalty;
          if (full) {
            sc += NEG;
          }
          if (!improvable[i]) {
            sc += NEG;
          }
          if (!did) {
            sc += NEG;
          }
          mergedScore[nb + j] = sc;
          mergedSeq[nb + j] = candSeq[j];
          mergedFin[nb + j] = did;
          mergedLen[nb + j] = curLen;
        }
        Integer[] mo = new Integer[total];
        for (int j = 0; j < total; j++) {
          mo[j] = j;
        }
        Arrays.sort(mo, (x, y) -> Float.compare(mergedScore[y], mergedScore[x]));
        for (int k = 0; k < nb; k++) {
          int j = mo[k];
          finished[i][k] = mergedSeq[j];
          finScore[i][k] = mergedScore[j];
          isFinished[i][k] = mergedFin[j];
          finLen[i][k] = mergedLen[j];
        }
      }
      cache.reorder(m.create(reorder));
      curLen++;
      boolean anyImprovable = false;
      for (int i = 0; i < b; i++) {
        float best = runScore[i][0] / (float) Math.pow(curLen - 1, g.lengthPenalty());
        float minFin = Float.POSITIVE_INFINITY;
        for (int k = 0; k < nb; k++) {
          minFin = Math.min(minFin, finScore[i][k]);
        }
        boolean any = false;
        for (int k = 0; k < nb; k++) {
          float worst = isFinished[i][k] ? minFin : NEG;
          any |= best > worst;
        }
        improvable[i] = improvable[i] && any;
        anyImprovable |= improvable[i];
      }
      boolean openBeam = !(g.earlyStopping() && allFinished(isFinished));
      if (!anyImprovable || !openBeam || allHit || curLen >= maxLength) {
        break;
      }
      for (int i = 0; i < b; i++) {
        for (int k = 0; k < nb; k++) {
          last[i * nb + k] = running[i][k][curLen - 1];
        }
      }
    }
    int outLen = 1;
    for (int i = 0; i < b; i++) {
      outLen = Math.max(outLen, 1 + finLen[i][0]);
    }
    long[][] out = new long[b][];
    for (int i = 0; i < b; i++) {
      out[i] = Arrays.copyOf(finished[i][0], outLen);
    }
    return out;
  }

  private static boolean allTrue(boolean[] a) {
    for (boolean x : a) {
      if (!x) {
        return false;
      }
    }
    return true;
  }

  private static boolean allFinished(boolean[][] a) {
    for (boolean[] row : a) {
      if (!allTrue(row)) {
        return false;
      }
    }
    return true;
  }
}
