// Sums of the faithfulness checks over notes: what one partition, one group or a whole file contributes.
package dev.reason2decide.eval.faith;

import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.eval.triage.CounterfactualRun;
import dev.reason2decide.eval.triage.NoteParser;
import dev.reason2decide.eval.triage.ParsedNote;
import dev.reason2decide.eval.triage.TriageCheck;
import dev.reason2decide.eval.triage.TriageFaithfulness;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks {@code FaithfulnessChecks.compute} makes, as counts that add across partitions: per-note unsupported
 * numbers and novel content words of the predicted and of the gold rationales, the exact synthetic-triage checks
 * (all notes, ŷ right, ŷ wrong) with a count of notes that are not of the synthetic set (any one turns the section
 * off, as in {@code r2d evaluate}), and the simulator's agreements. Every figure of the report is a ratio of these
 * integers, so sums over parts (Spark partitions) give the whole input's figures exactly. {@link
 * FaithfulnessChecks#compute} is the one-part case.
 *
 * <p>The any-data checks count the labels' words and numbers as known, and {@code r2d evaluate} takes the labels
 * from the file it scores (gold, predicted, the probabilities' keys). A group scored alone has its own labels, so
 * each note is checked with its group's label set (index 0) and with the whole input's (index 1); they are checked
 * once when the two sets are equal, the usual case.
 */
public final class CheckTotals implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * What the executors need to check notes: the label set of each group key and of the whole input, the keys whose
   * set differs from the whole input's, and the simulator (null without one).
   */
  public record Context(Map<List<String>, List<String>> groupLabels, List<String> allLabels,
      Set<List<String>> ownLabels, Simulator simulator) implements Serializable {
    /** One input scored as a whole (group key {@link #WHOLE}) with its label set. */
    public static Context whole(List<String> labels, Simulator simulator) {
      return new Context(Map.of(WHOLE, labels), labels, Set.of(), simulator);
    }

    /** From the gold and predicted labels and probability keys seen in each group. */
    public static Context of(Map<List<String>, Set<String>> seen, Simulator simulator) {
      Set<String> union = new LinkedHashSet<>();
      seen.values().forEach(union::addAll);
      List<String> all = labelSet(union);
      Map<List<String>, List<String>> groups = new HashMap<>();
      Set<List<String>> own = new HashSet<>();
      seen.forEach((k, v) -> {
        List<String> g = labelSet(v);
        groups.put(k, g);
        if (!new HashSet<>(g).equals(new HashSet<>(all))) {
          own.add(k);
        }
      });
      return new Context(groups, all, own, simulator);
    }
  }

  /** The group key of an input scored as a whole. */
  public static final List<String> WHOLE = List.of();

  // per label set: rationales, numbers, unsupported numbers, rationales with one, content words, novel words
  private final long[][] predictedText = new long[2][6];
  private final long[][] goldText = new long[2][6];
  private long notSynthetic;
  // all, ŷ right, ŷ wrong: n, unparsed, states ŷ, cited, cited in note, grounded, rule-correct, fully faithful,
  // with a gold level, states the gold level
  private final long[][] triage = new long[3][11];
  private long simulated;
  private long simulatorWithPredicted;
  private long simulatorWithGold;
  private long simulatorGoldRead;
  private long simulatorGoldRight;

  /**
   * FaithfulnessChecks' label set of a file with these gold and predicted labels and probability keys: with the
   * five ESI levels added when every one is an ESI level (as {@code FaithfulnessChecks.labelSet} does).
   */
  public static List<String> labelSet(Collection<String> seen) {
    Set<String> s = new LinkedHashSet<>(seen);
    if (!s.isEmpty() && s.stream().allMatch(l -> TriageCheck.level(l) != 0)) {
      s.addAll(TriageRules.LABELS);
    }
    return List.copyOf(s);
  }

  /**
   * Adds one note of group {@code key}: its text, gold label, ŷ, gold rationale (null or blank: none) and r̂ (null is
   * read as empty, as {@code r2d evaluate} reads it).
   */
  public void add(List<String> key, String input, String gold, String predicted, String goldRationale,
      String predictedRationale, Context ctx) {
    List<String> groupLabels = ctx.groupLabels().get(key);
    boolean same = !ctx.ownLabels().contains(key);
    String h = predictedRationale == null ? "" : predictedRationale;
    text(predictedText, h, input, groupLabels, ctx.allLabels(), same);
    boolean withGoldRationale = goldRationale != null && !goldRationale.isBlank();
    if (withGoldRationale) {
      text(goldText, goldRationale, input, groupLabels, ctx.allLabels(), same);
    }
    ParsedNote note = TriageCheck.level(gold) == 0 ? null : NoteParser.parse(input);
    if (note == null) {
      notSynthetic++;
    } else {
      TriageCheck c = TriageCheck.of(note, predicted, gold, predictedRationale);
      count(triage[0], c);
      Boolean right = c.decisionCorrect();
      if (right != null) {
        count(triage[right ? 1 : 2], c);
      }
    }
    Simulator sim = ctx.simulator();
    if (sim != null) {
      String read = sim.predict(List.of(h)).get(0);
      simulated++;
      simulatorWithPredicted += read.equals(predicted.strip()) ? 1 : 0;
      simulatorWithGold += read.equals(gold.strip()) ? 1 : 0;
      if (withGoldRationale) {
        simulatorGoldRead++;
        simulatorGoldRight += sim.predict(List.of(goldRationale)).get(0).equals(gold.strip()) ? 1 : 0;
      }
    }
  }

  private static void text(long[][] into, String rationale, String input, List<String> groupLabels,
      List<String> allLabels, boolean same) {
    long[] g = textCounts(rationale, input, groupLabels);
    add(into[0], g);
    add(into[1], same ? g : textCounts(rationale, input, allLabels));
  }

  private static long[] textCounts(String rationale, String input, List<String> labels) {
    UnsupportedNumbers.Result u = UnsupportedNumbers.check(rationale, input, labels);
    NovelWords.Result w = NovelWords.check(rationale, input, labels);
    return new long[] {1, u.numbers(), u.unsupported().size(), u.unsupported().isEmpty() ? 0 : 1, w.contentWords(),
        w.novel().size()};
  }

  private static void count(long[] into, TriageCheck c) {
    long[] one = {1, c.parsed() ? 0 : 1, c.agreesWithDecision() ? 1 : 0, c.cited().size(), c.citedInNote(),
        c.grounded() ? 1 : 0, c.ruleCorrect() ? 1 : 0, c.fullyFaithful() ? 1 : 0, c.goldLevel() != 0 ? 1 : 0,
        c.statesGold() ? 1 : 0, c.citesAbsentFinding() ? 1 : 0};
    add(into, one);
  }

  private static void add(long[] into, long[] what) {
    for (int i = 0; i < into.length; i++) {
      into[i] += what[i];
    }
  }

  /** This plus {@code o} (returns this). */
  public CheckTotals merge(CheckTotals o) {
    for (int s = 0; s < 2; s++) {
      add(predictedText[s], o.predictedText[s]);
      add(goldText[s], o.goldText[s]);
    }
    notSynthetic += o.notSynthetic;
    for (int i = 0; i < 3; i++) {
      add(triage[i], o.triage[i]);
    }
    simulated += o.simulated;
    simulatorWithPredicted += o.simulatorWithPredicted;
    simulatorWithGold += o.simulatorWithGold;
    simulatorGoldRead += o.simulatorGoldRead;
    simulatorGoldRight += o.simulatorGoldRight;
    return this;
  }

  /**
   * The report {@code r2d evaluate} makes for these notes: {@code whole} for the whole input (its label set), else
   * for one group; {@code simulator} null with {@code simulatorNote} saying why; {@code counterfactual} (null: the
   * probes did not run) is carried into the report as given.
   */
  public FaithfulnessChecks.Report report(boolean whole, Simulator simulator, String simulatorNote,
      CounterfactualRun.Result counterfactual) {
    int s = whole ? 1 : 0;
    FaithfulnessChecks.TextRates gold = goldText[s][0] == 0 ? null : rates(goldText[s]);
    Simulator.Result sim = null;
    if (simulator != null) {
      double n = simulated;
      sim = new Simulator.Result(simulator.trainExamples(), (int) simulated,
          simulated == 0 ? 0 : simulatorWithPredicted / n, simulated == 0 ? 0 : simulatorWithGold / n,
          (int) simulatorGoldRead, simulatorGoldRead == 0 ? null : (double) simulatorGoldRight / simulatorGoldRead);
    }
    TriageFaithfulness.Result t = notSynthetic > 0 || triage[0][0] == 0 ? null
        : new TriageFaithfulness.Result(triageRates(triage[0]), triageRates(triage[1]), triageRates(triage[2]));
    return new FaithfulnessChecks.Report(rates(predictedText[s]), gold, sim, simulator == null ? simulatorNote : null,
        t, counterfactual);
  }

  private static FaithfulnessChecks.TextRates rates(long[] c) {
    return new FaithfulnessChecks.TextRates((int) c[0], (int) c[1], (int) c[2], (int) c[3], (int) c[4], (int) c[5]);
  }

  /** As {@code TriageFaithfulness.rates}: shares over rationales, the in-note share over cited findings. */
  private static TriageFaithfulness.Rates triageRates(long[] c) {
    long n = c[0];
    return new TriageFaithfulness.Rates((int) n, (int) c[1], share(c[2], n), (int) c[3], share(c[4], c[3]),
        share(c[5], n), share(c[6], n), share(c[7], n), share(c[2], n), share(c[9], c[8]),
        share(c[10], n));
  }

  private static Double share(long k, long n) {
    return n == 0 ? null : (double) k / n;
  }
}
