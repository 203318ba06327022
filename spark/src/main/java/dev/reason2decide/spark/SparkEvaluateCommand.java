// `r2d spark evaluate`: r2d evaluate's labels, calibration, rationale metrics and faithfulness checks, on Spark.
package dev.reason2decide.spark;

import com.google.gson.JsonPrimitive;
import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.DecisionTrust;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.eval.faith.CheckInputs;
import dev.reason2decide.eval.faith.CheckSetup;
import dev.reason2decide.eval.faith.CheckTotals;
import dev.reason2decide.eval.faith.FaithfulnessSummary;
import dev.reason2decide.eval.labels.LabelMetrics;
import dev.reason2decide.eval.report.EvaluationReport;
import dev.reason2decide.eval.report.EvaluationTotals;
import dev.reason2decide.eval.report.PredictionFile;
import dev.reason2decide.eval.selective.SelectiveReport;
import dev.reason2decide.eval.selective.SelectiveScores;
import dev.reason2decide.experiment.EvaluationRun;
import dev.reason2decide.eval.text.ChrF;
import dev.reason2decide.eval.text.NltkBleu;
import dev.reason2decide.eval.text.Rouge;
import dev.reason2decide.eval.text.SacreBleu;
import dev.reason2decide.io.Provenance;
import dev.reason2decide.runs.EvaluationFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scala.Tuple2;

/**
 * Each partition turns its notes into {@link EvaluationTotals} per group; Spark adds them up by group; the driver
 * forms the figures with the core's {@link EvaluationTotals} ({@code r2d evaluate} is its one-partition case). Label metrics come from the confusion counts, ECE from
 * per-bin sums, sacreBLEU and chrF from summed corpus statistics, NLTK BLEU and ROUGE as means of per-note scores:
 * the numbers {@code r2d evaluate} prints for the same files; the faithfulness checks ({@code eval.faith}) from
 * per-note counts ({@link CheckTotals}), with the simulator trained once on the driver and sent to the executors.
 * Not distributed here: BERTScore and same-model faithfulness (they need a model), counterfactual probes and the
 * list of worst examples; the report says so.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "r2d evaluate's label metrics, calibration, rationale metrics (BLEU, sacreBLEU, chrF, ROUGE) and "
        + "faithfulness checks computed on Spark, overall and per group; writes report.json, report.md and "
        + "groups.jsonl/groups.csv.")
public final class SparkEvaluateCommand implements Callable<Integer> {
  /** Groups drawn in the risk-coverage chart besides "all" (the first in code-point order). */
  private static final int CHART_GROUPS = 9;

  /** What a group value that is absent or null is shown as. */
  static final String MISSING = "(missing)";

  @Option(names = "--predictions", required = true, description = "Output of r2d predict or r2d spark predict "
      + "(JSON lines or Parquet, file or folder).")
  String predictions;

  @Option(names = "--gold", description = "Examples with id, label and optional rationale, matched by id.")
  String gold;

  @Option(names = "--format", description = "Format of --predictions (default: from the extension).")
  String format;

  @Option(names = "--gold-format", description = "Format of --gold (default: from the extension).")
  String goldFormat;

  @Option(names = "--group-by", split = ",", description = "Also score each value (combination) of these columns, "
      + "from the predictions or the gold file (e.g. department,month).")
  List<String> groupBy = new ArrayList<>();

  @Option(names = "--label-set", split = ",", description = "Score against this fixed label set.")
  List<String> labelSet;

  @Option(names = "--ece-bins", defaultValue = "10", description = "Calibration bins (default: ${DEFAULT-VALUE}).")
  int eceBins;

  @Option(names = "--simulator-train", description = "Examples with gold rationales (the training split, a file on "
      + "the driver) to train the simulator check on; default: train.jsonl beside --gold when that is a dataset "
      + "folder (as r2d evaluate).")
  Path simulatorTrain;

  @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*]).")
  String master;

  @Option(names = "--out", required = true, description = "Output folder on the driver's file system.")
  Path out;

  @Override
  public Integer call() {
    Path train = simulatorTrain();
    CheckInputs simulator = train == null ? CheckInputs.NONE
        : CheckSetup.simulator(new ExampleReader(ReadOptions.LLM).read(train).examples(), train.toString());
    SparkSession spark = Sessions.start("evaluate", master);
    Dataset<Row> input = null;
    try {
      boolean withGold = gold != null;
      int bins = eceBins;
      List<String> groups = List.copyOf(groupBy);
      input = EvaluationInput.read(spark, predictions, format, gold, goldFormat, groups)
          .persist(StorageLevel.MEMORY_AND_DISK());
      // first pass: the labels of each group, which the faithfulness checks count as known words and numbers
      Map<List<String>, Set<String>> seen = input.javaRDD()
          .mapPartitionsToPair(rows -> labelsSeen(rows, groups.size(), withGold))
          .reduceByKey((a, b) -> {
            a.addAll(b);
            return a;
          }).collectAsMap();
      Broadcast<CheckTotals.Context> ctx = JavaSparkContext.fromSparkContext(spark.sparkContext())
          .broadcast(CheckTotals.Context.of(seen, simulator.simulator()));
      JavaPairRDD<List<String>, EvaluationTotals> perGroup = input.javaRDD()
          .mapPartitionsToPair(rows -> partitionTotals(rows, bins, groups.size(), withGold, ctx.value()))
          .reduceByKey(EvaluationTotals::merge);
      Map<List<String>, EvaluationTotals> totals = new HashMap<>(perGroup.collectAsMap());
      if (totals.isEmpty()) {
        throw new IllegalArgumentException(predictions + ": no predictions to evaluate");
      }
      EvaluationTotals all = new EvaluationTotals(eceBins);
      totals.values().forEach(all::merge);
      Provenance.Report prov = new Provenance.Report().location("predictions", predictions).location("gold", gold)
          .with("command", "r2d spark evaluate").with("spark", spark.version())
          .with("master", spark.sparkContext().master());
      if (train != null) {
        prov.file("simulator_train", train);
      }
      EvaluationReport report = withoutModel(all.finish(labelSet, settings(), prov.build(),
          all.checks().report(true, simulator.simulator(), simulator.simulatorNote(), null)));
      Map<String, SelectiveScores> curves = new LinkedHashMap<>();
      if (report.selective().available()) {
        curves.put("all", report.selective().scores());
      }
      if (!groups.isEmpty()) {
        GroupFiles.write(out, totals, groups, labelSet, simulator).entrySet().stream().limit(CHART_GROUPS)
            .forEach(e -> curves.put(e.getKey(), e.getValue()));
      }
      EvaluationRun.write(new EvaluationFolder(out), report, predictions, curves);
      System.out.println(String.format(Locale.ROOT, "accuracy %.4f  macro-F1 %.4f  (n=%d%s)",
          report.labels().accuracy(), report.labels().macroF1(), report.labels().n(),
          groups.isEmpty() ? "" : ", " + totals.size() + " groups") + FaithfulnessSummary.lines(report.checks())
          + "\nselective prediction: " + (report.selective().available() ? String.format(Locale.ROOT,
          "coverage %.4f  error when deciding %s  AURC %.4f  AUROC %s", report.selective().scores().coverage(),
          SelectiveReport.f(report.selective().scores().errorWhenDeciding()), report.selective().scores().aurc(),
          SelectiveReport.f(report.selective().scores().auroc())) : report.selective().note())
          + "\nwrote " + out);
      return 0;
    } finally {
      if (input != null) {
        input.unpersist();
      }
      spark.stop();
    }
  }

  /**
   * The simulator's training examples as r2d evaluate finds them: --simulator-train, else train.jsonl beside a
   * local --gold inside a dataset folder (one with dataset.json), unless --gold is that file.
   */
  private Path simulatorTrain() {
    if (simulatorTrain != null) {
      if (!Files.isRegularFile(simulatorTrain)) {
        throw new IllegalArgumentException("--simulator-train " + simulatorTrain + ": no such file");
      }
      return simulatorTrain;
    }
    if (gold == null || gold.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return null; // no gold, or gold on a Hadoop file system: no default
    }
    return DatasetFolder.trainingSplitBeside(Path.of(gold));
  }

  /** Per group key, the gold and predicted labels and probability keys of one partition's notes. */
  private static Iterator<Tuple2<List<String>, Set<String>>> labelsSeen(Iterator<Row> rows, int groups,
      boolean withGold) {
    Map<List<String>, Set<String>> acc = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      Set<String> s = acc.computeIfAbsent(key(r, groups), k -> new HashSet<>());
      String goldLabel = r.getString(withGold ? EvaluationInput.GOLD_LABEL : EvaluationInput.LABEL);
      if (goldLabel != null) {
        s.add(withGold ? goldLabel.strip() : goldLabel);
      }
      if (!r.isNullAt(EvaluationInput.PREDICTED_LABEL)) {
        s.add(r.getString(EvaluationInput.PREDICTED_LABEL));
      }
      if (!r.isNullAt(EvaluationInput.PROBABILITIES)) {
        s.addAll(r.<String, Double>getJavaMap(EvaluationInput.PROBABILITIES).keySet());
      }
    }
    List<Tuple2<List<String>, Set<String>>> out = new ArrayList<>();
    acc.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
    return out.iterator();
  }

  private static List<String> key(Row r, int groups) {
    List<String> key = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      String v = r.getString(EvaluationInput.GROUPS + i);
      key.add(v == null ? MISSING : v);
    }
    return List.copyOf(key);
  }

  /** One partition's totals per group key. */
  private static Iterator<Tuple2<List<String>, EvaluationTotals>> partitionTotals(Iterator<Row> rows, int bins,
      int groups, boolean withGold, CheckTotals.Context ctx) {
    EvaluationTotals.Scorers scorers = new EvaluationTotals.Scorers();
    Map<List<String>, EvaluationTotals> acc = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      List<String> key = key(r, groups);
      Scored s = scored(r, withGold);
      String text = r.getString(EvaluationInput.INPUT);
      Prediction p = new Prediction(r.getString(EvaluationInput.ID), text != null ? text
          : r.getString(EvaluationInput.GOLD_INPUT), s.gold, s.goldRationale, s.predicted, s.predictedRationale,
          r.isNullAt(EvaluationInput.PROBABILITIES) ? null : r.<String, Double>getJavaMap(EvaluationInput.PROBABILITIES),
          trust(r, s.where));
      EvaluationTotals t = acc.computeIfAbsent(key, k -> new EvaluationTotals(bins));
      try {
        t.add(p, s.where, key, ctx, scorers);
      } catch (IllegalArgumentException e) {
        throw new BadRowException(e.getMessage());
      }
    }
    List<Tuple2<List<String>, EvaluationTotals>> out = new ArrayList<>();
    acc.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
    return out.iterator();
  }

  /** A report of the sums: no BERTScore, same-model faithfulness or worst examples (they need a model or the rows). */
  static EvaluationReport withoutModel(EvaluationReport sums) {
    return sums.withModelParts(null, null, "not computed by r2d spark evaluate (run r2d evaluate --model on the "
        + "predictions)", List.of());
  }

  /** The row's trust verdict (null when it has none), read as r2d evaluate reads it. */
  private static DecisionTrust trust(Row r, String where) {
    String json = r.getString(EvaluationInput.TRUST);
    if (json == null) {
      return null;
    }
    try {
      return PredictionFile.trust(new JsonPrimitive(json), where + ": field 'trust'");
    } catch (IllegalArgumentException e) {
      throw new BadRowException(e.getMessage());
    }
  }

  /** The gold and predicted fields of one joined row, checked as r2d evaluate checks them. */
  private record Scored(String where, String gold, String predicted, String goldRationale,
      String predictedRationale) {}

  private static Scored scored(Row r, boolean withGold) {
    String id = r.getString(EvaluationInput.ID);
    String goldId = r.getString(EvaluationInput.GOLD_ID);
    String where = "prediction " + (id != null ? "'" + id + "'" : "without id");
    String label = r.getString(EvaluationInput.LABEL);
    String rationale = r.getString(EvaluationInput.RATIONALE);
    String predicted = r.getString(EvaluationInput.PREDICTED_LABEL);
    if (id == null && goldId != null) {
      throw new BadRowException("gold example '" + goldId + "' has no prediction");
    }
    if (predicted == null) {
      throw new BadRowException(where + ": no predicted_label");
    }
    if (withGold) {
      if (goldId == null) {
        throw new BadRowException(where + " is not in the gold file");
      }
      String goldLabel = r.getString(EvaluationInput.GOLD_LABEL);
      if (goldLabel == null || goldLabel.isBlank()) {
        throw new BadRowException("gold example '" + goldId + "': label missing or empty");
      }
      goldLabel = goldLabel.strip();
      if (label != null && !label.strip().equals(goldLabel)) {
        throw new BadRowException(where + " carries gold label '" + label + "' but the gold example says '"
            + goldLabel + "': the files do not match");
      }
      String goldRationale = r.getString(EvaluationInput.GOLD_RATIONALE);
      return new Scored(where, goldLabel, predicted, goldRationale == null || goldRationale.isBlank() ? rationale
          : goldRationale, r.getString(EvaluationInput.PREDICTED_RATIONALE));
    }
    if (label == null) {
      throw new BadRowException(where + " has no gold label: give the examples with --gold");
    }
    return new Scored(where, label, predicted, rationale, r.getString(EvaluationInput.PREDICTED_RATIONALE));
  }

  private Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("normalization", "strip; empty -> \"" + LabelMetrics.UNKNOWN + "\"");
    l.put("label_set", labelSet == null ? "union of gold and predicted strings" : labelSet);
    l.put("zero_division", 0);
    l.put("reference", "scikit-learn precision_recall_fscore_support / accuracy_score");
    l.put("ece", "top-label, " + eceBins + " equal-width bins");
    s.put("labels", l);
    s.put("bleu_nltk", NltkBleu.settings());
    s.put("sacrebleu", SacreBleu.signature(false) + " (sentence: " + SacreBleu.signature(true) + ")");
    s.put("chrf", ChrF.signature());
    s.put("rouge", Rouge.settings());
    s.put("distributed", "label metrics from confusion counts, ECE from per-bin sums, sacreBLEU/chrF from summed "
        + "corpus statistics, NLTK BLEU and ROUGE as means of per-note scores, faithfulness checks from per-note "
        + "counts; no BERTScore, same-model faithfulness, counterfactual probes or worst examples");
    s.put("group_by", groupBy);
    return s;
  }
}
