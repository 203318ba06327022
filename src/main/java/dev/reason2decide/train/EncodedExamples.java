// Examples tokenised once for training: every prompt and target a phase needs, truncated as configured.
package dev.reason2decide.train;

import dev.reason2decide.data.Example;
import dev.reason2decide.prompts.PromptTemplates;
import dev.reason2decide.tokens.InputNormaliser;
import dev.reason2decide.tokens.TextTokenizer;
import java.util.List;

/**
 * Token ids per example: {@code predict: x}, {@code explain: x}, {@code given label: y, explain: x} (gold y),
 * the label and the rationale. Inputs are cut at {@code maxInput} and targets at {@code maxTarget} tokens (the
 * reference's truncation); how many were cut is counted, never hidden.
 */
public final class EncodedExamples {
  /** The examples as given: what every check reads. */
  public final List<Example> examples;
  /** Each example's input as the model reads it (the tokenizer folder's {@link InputNormaliser}). */
  public final List<String> modelInputs;
  public final long[][] predict;
  public final long[][] explain;
  public final long[][] goldLabelled;
  public final long[][] label;
  public final long[][] rationale;
  public final int truncatedInputs;
  public final int truncatedTargets;

  public EncodedExamples(List<Example> examples, TextTokenizer tok, PromptTemplates p, int maxInput, int maxTarget,
      boolean needRationales) {
    this(examples, InputNormaliser.IDENTITY, tok, p, maxInput, maxTarget, needRationales);
  }

  /** As above, every prompt holding the input as {@code normaliser} rewrites it. */
  public EncodedExamples(List<Example> examples, InputNormaliser normaliser, TextTokenizer tok, PromptTemplates p,
      int maxInput, int maxTarget, boolean needRationales) {
    this.examples = examples;
    this.modelInputs = normaliser.applyAll(examples.stream().map(Example::input).toList());
    int n = examples.size();
    predict = new long[n][];
    explain = new long[n][];
    goldLabelled = new long[n][];
    label = new long[n][];
    rationale = new long[n][];
    int ti = 0;
    int tt = 0;
    for (int i = 0; i < n; i++) {
      Example e = examples.get(i);
      String x = modelInputs.get(i);
      TextTokenizer.Tokens a = tok.encode(p.predict(x), maxInput);
      predict[i] = a.ids();
      ti += a.truncated() ? 1 : 0;
      TextTokenizer.Tokens l = tok.encode(e.label(), maxTarget);
      label[i] = l.ids();
      tt += l.truncated() ? 1 : 0;
      if (needRationales) {
        explain[i] = tok.encode(p.explain(x), maxInput).ids();
        goldLabelled[i] = tok.encode(p.labelled(e.label(), x), maxInput).ids();
        TextTokenizer.Tokens r = tok.encode(e.rationale() == null ? "" : e.rationale(), maxTarget);
        rationale[i] = r.ids();
        tt += r.truncated() ? 1 : 0;
      }
    }
    truncatedInputs = ti;
    truncatedTargets = tt;
  }

  public int size() {
    return examples.size();
  }

  /** Lengths used for length-grouped batching (the prediction prompt). */
  public int[] lengths() {
    int[] l = new int[predict.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = predict[i].length;
    }
    return l;
  }
}
