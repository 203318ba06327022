// Compares this implementation with golden outputs dumped from transformers (the llm.c pattern), for `r2d check-hf`.
package dev.reason2decide.check;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.decode.BeamSearch;
import dev.reason2decide.decode.GenerationSettings;
import dev.reason2decide.decode.GreedyDecoder;
import dev.reason2decide.decode.SequenceScorer;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.io.Json;
import dev.reason2decide.model.T5Checkpoint;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.model.T5Parameters;
import dev.reason2decide.model.safetensors.SafeTensorsReader;
import dev.reason2decide.model.safetensors.TensorEntry;
import dev.reason2decide.tokens.TextTokenizer;
import dev.reason2decide.train.AdamW;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a checkpoint folder and checks it against whichever of {@code expected.safetensors},
 * {@code expected_grads.safetensors} and {@code expected_after_adamw.safetensors} are there. Tolerances:
 * encoder output and logits relative error &lt; 1e-4, loss absolute &lt; 1e-4, gradients relative &lt; 1e-3,
 * one AdamW step (lr 1e-2, betas 0.9/0.999, eps 1e-8, weight decay 0.01) relative &lt; 1e-6, generated ids equal,
 * label log-probabilities absolute &lt; 1e-3. Relative error is max|a−b| / max|b| over the tensor.
 */
public final class HfReferenceCheck {
  public static final double TOL_HIDDEN = 1e-4;
  public static final double TOL_LOSS = 1e-4;
  public static final double TOL_GRAD = 1e-3;
  public static final double TOL_ADAMW = 1e-6;
  public static final double TOL_LABEL_LOGPROB = 1e-3;

  private final Path dir;
  private final DeviceSpec device;
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();

  private HfReferenceCheck(Path dir, DeviceSpec device) {
    this.dir = dir;
    this.device = device;
  }

  /** {@link #run(Path, DeviceSpec)} on the default device ({@link DeviceSpec#fromEnvironment()}). */
  public static Map<String, Object> run(Path dir) {
    return run(dir, DeviceSpec.fromEnvironment());
  }

  /**
   * Runs every comparison possible for {@code dir} with the model on {@code device}; the result has every figure,
   * the device and {@code pass}.
   */
  public static Map<String, Object> run(Path dir, DeviceSpec device) {
    HfReferenceCheck c = new HfReferenceCheck(dir, device);
    c.runAll();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dir", dir.toString());
    out.put("device", device.toString());
    out.putAll(c.figures);
    out.put("failures", c.failures);
    out.put("pass", c.failures.isEmpty() && !c.figures.isEmpty());
    return out;
  }

  private void runAll() {
    Path expected = dir.resolve("expected.safetensors");
    Path grads = dir.resolve("expected_grads.safetensors");
    Path after = dir.resolve("expected_after_adamw.safetensors");
    if (!Files.exists(expected) && !Files.exists(grads) && !Files.exists(after)) {
      failures.add("no expected.safetensors, expected_grads.safetensors or expected_after_adamw.safetensors in " + dir);
      return;
    }
    try (NDManager root = Engines.newManager(device)) {
      T5Model model = T5Checkpoint.load(dir, root);
      figures.put("config", Json.ordered("feed_forward_proj", model.config().feedForwardProj(),
          "tie_word_embeddings", model.config().tieWordEmbeddings(), "parameters", model.parameters().count()));
      if (Files.exists(expected)) {
        checkForwardBackward(model, SafeTensorsReader.open(expected),
            Files.exists(grads) ? SafeTensorsReader.open(grads) : null, root);
      } else if (Files.exists(grads)) {
        failures.add("expected_grads.safetensors needs expected.safetensors for the inputs");
      }
      if (Files.exists(after)) {
        if (!Files.exists(grads)) {
          failures.add("expected_after_adamw.safetensors needs expected_grads.safetensors");
        } else {
          checkAdamW(root, SafeTensorsReader.open(grads), SafeTensorsReader.open(after));
        }
      }
    }
  }

  private static NDArray longs(NDManager m, TensorEntry t) {
    return m.create(t.toLongs(), new Shape(t.shape()));
  }

  private static long[][] rows(TensorEntry t) {
    long[] flat = t.toLongs();
    int b = (int) t.shape()[0];
    int w = (int) t.shape()[1];
    long[][] out = new long[b][w];
    for (int i = 0; i < b; i++) {
      System.arraycopy(flat, i * w, out[i], 0, w);
    }
    return out;
  }

  private void checkForwardBackward(T5Model model, SafeTensorsReader exp, SafeTensorsReader grads, NDManager root) {
    try (NDManager m = root.newSubManager()) {
      NDArray ids = longs(m, exp.get("input_ids"));
      NDArray mask = exp.has("attention_mask") ? longs(m, exp.get("attention_mask")) : ids.onesLike();
      T5Parameters params = model.parameters();
      if (exp.has("labels")) {
        TensorEntry labelsT = exp.get("labels");
        long[][] labels = rows(labelsT);
        NDArray labelsNd = longs(m, labelsT);
        long[][] dec = model.shiftRight(labels);
        NDArray decNd = m.create(Arrays.stream(dec).flatMapToLong(Arrays::stream).toArray(),
            new Shape(dec.length, dec[0].length));
        params.requireGradients(grads != null);
        NDArray enc;
        NDArray logits;
        NDArray loss;
        try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
          enc = model.encode(ids, mask, false);
          logits = model.logits(model.decode(decNd, enc, mask, false));
          loss = T5Model.loss(logits, labelsNd);
          if (grads != null) {
            gc.backward(loss);
          }
        }
        compareTensor("encoder_last_hidden_state", enc, exp, TOL_HIDDEN);
        compareTensor("logits", logits, exp, TOL_HIDDEN);
        if (exp.has("loss")) {
          double ours = loss.toFloatArray()[0];
          double ref = exp.get("loss").toFloats()[0];
          double err = Math.abs(ours - ref);
          figures.put("loss", Json.ordered("ours", ours, "reference", ref, "abs_error", err));
          if (!(err < TOL_LOSS)) {
            failures.add("loss abs error " + err + " >= " + TOL_LOSS);
          }
        }
        if (grads != null) {
          compareGradients(params, grads);
        }
        params.requireGradients(false);
      }
      NDArray enc = model.encode(ids, mask, false);
      if (exp.has("greedy_ids")) {
        long[][] ref = rows(exp.get("greedy_ids"));
        long[][] ours = GreedyDecoder.generate(model, enc, mask, GenerationSettings.greedy(ref[0].length - 1));
        compareIds("greedy_ids", ours, ref);
      }
      for (String name : exp.tensors().keySet()) {
        Matcher mm = Pattern.compile("beam(\\d+)_ids").matcher(name);
        if (mm.matches()) {
          long[][] ref = rows(exp.get(name));
          int beams = Integer.parseInt(mm.group(1));
          long[][] ours = BeamSearch.generate(model, enc, mask, GenerationSettings.beam(ref[0].length - 1, beams));
          compareIds(name, ours, ref);
        }
      }
      if (exp.has("label_logprob")) {
        checkLabelLogProbs(model, ids, mask, exp.get("label_logprob"));
      }
    }
  }

  private void checkLabelLogProbs(T5Model model, NDArray ids, NDArray mask, TensorEntry ref) {
    Path json = dir.resolve("expected.json");
    if (!Files.exists(json) || !Files.exists(dir.resolve("tokenizer.json"))) {
      failures.add("label_logprob needs expected.json (label_texts) and tokenizer.json in " + dir);
      return;
    }
    List<String> labels = new ArrayList<>();
    try {
      JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
      for (JsonElement e : o.getAsJsonArray("label_texts")) {
        labels.add(e.getAsString());
      }
    } catch (IOException | RuntimeException e) {
      failures.add(json + ": cannot read label_texts: " + e.getMessage());
      return;
    }
    try (TextTokenizer tok = TextTokenizer.load(dir)) {
      float[][] ours = SequenceScorer.score(model, ids, mask, SequenceScorer.encodeCandidates(tok, labels));
      float[] r = ref.toFloats();
      double worst = 0;
      int k = 0;
      for (float[] row : ours) {
        for (float v : row) {
          worst = Math.max(worst, Math.abs(v - r[k++]));
        }
      }
      figures.put("label_logprob", Map.of("abs_error", worst));
      if (!(worst < TOL_LABEL_LOGPROB)) {
        failures.add("label_logprob abs error " + worst + " >= " + TOL_LABEL_LOGPROB);
      }
    }
  }

  private void compareIds(String name, long[][] ours, long[][] ref) {
    boolean same = ours.length == ref.length;
    int mismatched = 0;
    for (int i = 0; same && i < ref.length; i++) {
      if (!Arrays.equals(ours[i], ref[i])) {
        mismatched++;
      }
    }
    same &= mismatched == 0;
    figures.put(name, Map.of("identical", same, "rows_differing", mismatched, "rows", ref.length));
    if (!same) {
      failures.add(name + ": " + mismatched + " of " + ref.length + " rows differ, e.g. ours "
          + Arrays.toString(ours[0]) + " vs " + Arrays.toString(ref[0]));
    }
  }

  /** max|a−b| / max|b|. */
  public static double relativeError(float[] ours, float[] ref) {
    double maxDiff = 0;
    double maxRef = 0;
    for (int i = 0; i < ref.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs((double) ours[i] - ref[i]));
      maxRef = Math.max(maxRef, Math.abs(ref[i]));
    }
    return maxRef == 0 ? maxDiff : maxDiff / maxRef;
  }

  private void compareTensor(String name, NDArray ours, SafeTensorsReader exp, double tol) {
    if (!exp.has(name)) {
      return;
    }
    TensorEntry ref = exp.get(name);
    if (!Arrays.equals(ours.getShape().getShape(), ref.shape())) {
      failures.add(name + ": shape " + ours.getShape() + " vs reference " + Arrays.toString(ref.shape()));
      return;
    }
    double err = relativeError(ours.toFloatArray(), ref.toFloats());
    figures.put(name, Map.of("rel_error", err));
    if (!(err < tol)) {
      failures.add(name + " relative error " + err + " >= " + tol);
    }
  }

  private static String paramName(String name) {
    return name.equals("encoder.embed_tokens.weight") || name.equals("decoder.embed_tokens.weight") ? "shared.weight"
        : name;
  }

  private void compareGradients(T5Parameters params, SafeTensorsReader grads) {
    double worst = 0;
    String worstName = "";
    int n = 0;
    Map<String, Double> per = new LinkedHashMap<>();
    for (Map.Entry<String, TensorEntry> e : grads.tensors().entrySet()) {
      String name = paramName(e.getKey().startsWith("grad.") ? e.getKey().substring(5) : e.getKey());
      if (!params.all().containsKey(name)) {
        failures.add("gradient for unknown parameter " + e.getKey());
        continue;
      }
      float[] ours = params.get(name).getGradient().toFloatArray();
      double err = relativeError(ours, e.getValue().toFloats());
      per.put(name, err);
      n++;
      if (err > worst || Double.isNaN(err)) {
        worst = err;
        worstName = name;
      }
      if (!(err < TOL_GRAD)) {
        failures.add("gradient of " + name + " relative error " + err + " >= " + TOL_GRAD);
      }
    }
    figures.put("gradients", Json.ordered("compared", n, "max_rel_error", worst, "worst", worstName, "per_parameter", per));
  }

  private void checkAdamW(NDManager root, SafeTensorsReader grads, SafeTensorsReader after) {
    try (NDManager m = root.newSubManager()) {
      T5Model fresh = T5Checkpoint.load(dir, m);
      Map<String, NDArray> g = new LinkedHashMap<>();
      for (Map.Entry<String, TensorEntry> e : grads.tensors().entrySet()) {
        String name = paramName(e.getKey().startsWith("grad.") ? e.getKey().substring(5) : e.getKey());
        g.put(name, m.create(e.getValue().toFloats(), new Shape(e.getValue().shape())));
      }
      try (AdamW opt = new AdamW(new AdamW.Settings(0.9f, 0.999f, 1e-8f, 0.01f), m)) {
        opt.step(fresh.parameters().all(), g, 1e-2f);
      }
      double worst = 0;
      String worstName = "";
      int n = 0;
      for (Map.Entry<String, TensorEntry> e : after.tensors().entrySet()) {
        String name = paramName(e.getKey().startsWith("after_adamw.") ? e.getKey().substring(12) : e.getKey());
        if (!fresh.parameters().all().containsKey(name)) {
          failures.add("after_adamw tensor for unknown parameter " + e.getKey());
          continue;
        }
        double err = relativeError(fresh.parameters().get(name).toFloatArray(), e.getValue().toFloats());
        n++;
        if (err > worst || Double.isNaN(err)) {
          worst = err;
          worstName = name;
        }
        if (!(err < TOL_ADAMW)) {
          failures.add("after one AdamW step, " + name + " relative error " + err + " >= " + TOL_ADAMW);
        }
      }
      figures.put("after_adamw", Json.ordered("compared", n, "max_rel_error", worst, "worst", worstName));
    }
  }
}
