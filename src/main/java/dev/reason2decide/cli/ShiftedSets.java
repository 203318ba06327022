// The quickstart's look off the training grammar: the model's decisions on one shifted set and on far text.
package dev.reason2decide.cli;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.data.convert.PubMedQaQuestions;
import dev.reason2decide.data.synth.ShiftKind;
import dev.reason2decide.data.synth.ShiftSuite;
import dev.reason2decide.eval.report.Evaluation;
import dev.reason2decide.eval.report.PredictionFile;
import dev.reason2decide.eval.report.PredictionRow;
import dev.reason2decide.eval.selective.SelectiveReport;
import dev.reason2decide.eval.selective.SelectiveResult;
import dev.reason2decide.eval.selective.SelectiveScores;
import dev.reason2decide.inference.DecisionModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the shift suite ({@code r2d data shift}) into the quickstart folder, runs the model on {@link #KIND} and
 * on the far text as {@code r2d predict} does (rows by {@link PredictionRow}, written as JSONL and read back by
 * {@link PredictionFile}, so a row's trust verdict reaches the figures exactly as it reaches {@code r2d evaluate}),
 * and says per set the coverage and the error among the decided cases — or, for rows without a trust verdict,
 * that there is none.
 */
final class ShiftedSets {
  /** The shifted set the quickstart reports: vital-sign names and units the generator never writes. */
  static final ShiftKind KIND = ShiftKind.UNSEEN_NAMES;
  /** What is printed for a set whose rows carry no trust verdict. */
  static final String NO_TRUST = "no trust verdict";

  private ShiftedSets() {}

  /** The suite in {@code dir} (written once): file stem → examples; far text only when {@code pubmedqa} exists. */
  static Map<String, List<Example>> write(Path dir, int n, long seed, Path pubmedqa) {
    List<Example> far = pubmedqa != null && Files.isRegularFile(pubmedqa.resolve("ori_pqal.json"))
        ? PubMedQaQuestions.sample(pubmedqa, n, seed) : List.of();
    return ShiftSuite.write(dir, n, seed, far, PubMedQaQuestions.LABEL,
        far.isEmpty() ? null : pubmedqa.resolve("ori_pqal.json"));
  }

  /** The model's predictions on {@code examples}, written to {@code file} and read back. */
  static List<Prediction> predict(DecisionModel m, List<Example> examples, Path file) {
    return PredictionRow.decide(m, examples, 32, file);
  }

  /**
   * One line: {@code what}, the cases, accuracy, then coverage and error when deciding from the trust verdicts, or
   * {@link #NO_TRUST} when a row has none.
   */
  static String line(String what, List<Prediction> preds) {
    long right = preds.stream().filter(p -> p.predictedLabel().strip().equals(p.goldLabel().strip())).count();
    SelectiveResult r = Evaluation.selective(preds);
    String head = String.format(Locale.ROOT, "%-34s %4d cases  accuracy %.3f", what, preds.size(),
        preds.isEmpty() ? 0.0 : (double) right / preds.size());
    if (!r.available()) {
      return head + "   " + NO_TRUST + " (" + r.note().replaceFirst("^not available: ", "") + ")";
    }
    SelectiveScores s = r.scores();
    return head + String.format(Locale.ROOT, "   coverage %.3f (%d decided)   error when deciding %s", s.coverage(),
        s.decided(), SelectiveReport.f(s.errorWhenDeciding()));
  }
}
