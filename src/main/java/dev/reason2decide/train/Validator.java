// Validation during training: the rationale task's loss (Stage-1), greedy labels' macro-F1 (the rest), goal checks.
package dev.reason2decide.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.decode.GenerationSettings;
import dev.reason2decide.decode.GreedyDecoder;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.eval.labels.LabelMetrics;
import dev.reason2decide.eval.labels.LabelScores;
import dev.reason2decide.eval.triage.NoteParser;
import dev.reason2decide.eval.triage.TriageCheck;
import dev.reason2decide.eval.triage.TriageFaithfulness;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.tokens.LabelTexts;
import dev.reason2decide.tokens.TextTokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs without dropout and without gradients. */
public final class Validator {
  private Validator() {}

  /** Mean token cross-entropy of the rationale task, averaged over batches weighted by their size. */
  public static double rationaleLoss(T5Model model, EncodedExamples val, Phase.RationaleTask task, int batchSize,
      NDManager parent) {
    return Grad.off(() -> {
      double sum = 0;
      int n = 0;
      for (int start = 0; start < val.size(); start += batchSize) {
        int[] batch = range(start, Math.min(val.size(), start + batchSize));
        try (NDManager m = parent.newSubManager(); NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          long[][] prompts = task == Phase.RationaleTask.LABELLED ? val.goldLabelled : val.explain;
          NDArray[] im = TokenBatch.inputs(m, JointObjective.rows(prompts, batch), model.config().padTokenId());
          long[][] labels = TokenBatch.labels(JointObjective.rows(val.rationale, batch));
          NDArray enc = model.encode(im[0], im[1], false);
          sum += model.teacherForcedLoss(m, enc, im[1], labels, false).getFloat() * batch.length;
          n += batch.length;
        }
      }
      return n == 0 ? Double.NaN : sum / n;
    });
  }

  /**
   * Decoded label texts as the labels they name (tokens.LabelTexts): with a case-folding tokenizer "esi-3" is the
   * label "ESI-3"; with one that keeps labels as they are, nothing changes.
   */
  static List<String> labelsNamed(List<String> decoded, List<String> gold, TextTokenizer tok) {
    return LabelTexts.of(gold.stream().distinct().toList(), tok).labelsOf(decoded);
  }

  /** Greedy labels for every validation example (max {@code maxNew} tokens), as text. */
  public static List<String> predictLabels(T5Model model, EncodedExamples val, TextTokenizer tok, int batchSize,
      int maxNew, NDManager parent) {
    return Grad.off(() -> {
      List<String> out = new ArrayList<>();
      for (int start = 0; start < val.size(); start += batchSize) {
        int[] batch = range(start, Math.min(val.size(), start + batchSize));
        try (NDManager m = parent.newSubManager(); NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          NDArray[] im = TokenBatch.inputs(m, JointObjective.rows(val.predict, batch), model.config().padTokenId());
          NDArray enc = model.encode(im[0], im[1], false);
          for (long[] ids : GreedyDecoder.generate(model, enc, im[1], GenerationSettings.greedy(maxNew))) {
            out.add(tok.decode(ids));
          }
        }
      }
      return out;
    });
  }

  /** Accuracy and macro-F1 of greedy predictions on the validation set. */
  public static Map<String, Double> labelMetrics(T5Model model, EncodedExamples val, TextTokenizer tok, int batchSize,
      int maxNew, NDManager parent) {
    List<String> gold = val.examples.stream().map(e -> e.label()).toList();
    List<String> pred = labelsNamed(predictLabels(model, val, tok, batchSize, maxNew, parent), gold, tok);
    Map<String, Double> m = new LinkedHashMap<>();
    LabelScores scores = LabelMetrics.score(gold, pred); // scikit-learn semantics, as the reference's compute_metrics
    m.put("val_macro_f1", scores.macroF1());
    m.put("val_accuracy", scores.accuracy());
    return m;
  }

  /**
   * {@link #labelMetrics}, then, when the accuracy goal is met (no goal can be met otherwise, so the dear part is
   * skipped), a greedy rationale for {@code given label: ŷ, explain: x} of every example and the exact
   * synthetic-triage checks of it: {@code val_decision_agreement}, {@code val_cited_findings_in_note} (null when
   * nothing was cited) and {@code val_fully_faithful}, the quickstart's rates (TriageFaithfulness over all examples).
   */
  public static Map<String, Object> goalMetrics(T5Model model, EncodedExamples val, TextTokenizer tok, TrainConfig cfg,
      GoalStop.Goals goals, NDManager parent) {
    int batchSize = cfg.data().evalBatchSize();
    List<String> gold = val.examples.stream().map(e -> e.label()).toList();
    List<String> pred = labelsNamed(predictLabels(model, val, tok, batchSize, cfg.decode().labelMaxNewTokens(), parent),
        gold, tok);
    LabelScores scores = LabelMetrics.score(gold, pred);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("val_macro_f1", scores.macroF1());
    m.put("val_accuracy", scores.accuracy());
    if (scores.accuracy() < goals.accuracy()) {
      return m;
    }
    List<String> rationales = Grad.off(() -> {
      List<String> out = new ArrayList<>();
      for (int start = 0; start < val.size(); start += batchSize) {
        List<long[]> prompts = new ArrayList<>();
        for (int i = start; i < Math.min(val.size(), start + batchSize); i++) {
          prompts.add(tok.encode(cfg.prompts().labelled(pred.get(i).strip(), val.modelInputs.get(i)),
              cfg.data().maxInputTokens()).ids());
        }
        try (NDManager nd = parent.newSubManager(); NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          NDArray[] im = TokenBatch.inputs(nd, prompts, model.config().padTokenId());
          NDArray enc = model.encode(im[0], im[1], false);                               // (B,S,D)
          for (long[] ids : GreedyDecoder.generate(model, enc, im[1],
              GenerationSettings.greedy(cfg.decode().rationaleMaxNewTokens()))) {
            out.add(tok.decode(ids).strip());
          }
        }
      }
      return out;
    });
    List<TriageCheck> checks = new ArrayList<>();
    for (int i = 0; i < val.size(); i++) {
      checks.add(TriageCheck.of(NoteParser.parse(val.examples.get(i).input()), pred.get(i).strip(), gold.get(i),
          rationales.get(i)));
    }
    TriageFaithfulness.Rates r = TriageFaithfulness.rates(checks);
    m.put("val_decision_agreement", r.decisionAgreement());
    m.put("val_cited_findings_in_note", r.citedFindingsInNote());
    m.put("val_fully_faithful", r.fullyFaithful());
    return m;
  }

  /** The first validation example that is not a synthetic-triage note (the goal checks need one), or -1. */
  public static int firstNonTriage(List<dev.reason2decide.data.Example> val) {
    for (int i = 0; i < val.size(); i++) {
      if (NoteParser.parse(val.get(i).input()) == null || TriageCheck.level(val.get(i).label()) == 0) {
        return i;
      }
    }
    return -1;
  }

  static int[] range(int a, int b) {
    int[] r = new int[b - a];
    for (int i = a; i < b; i++) {
      r[i - a] = i;
    }
    return r;
  }
}
