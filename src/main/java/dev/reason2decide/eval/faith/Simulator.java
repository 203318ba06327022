// An independent simulator: logistic regression over word n-grams, trained on gold rationales → gold labels.
package dev.reason2decide.eval.faith;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Reads a rationale and predicts the label it supports, without the task model: Tribuo's
 * {@link LogisticRegressionTrainer} (multinomial, AdaGrad, 5 epochs, fixed seed) over binary features of lower-cased
 * word unigrams and bigrams (numbers are words) plus a bias feature, so a text with no known n-gram gets the
 * majority-leaning prediction instead of an error. Deterministic for the same training data. Serializable (Tribuo's
 * models are), so that {@code r2d spark evaluate} can train it once and send it to its executors.
 */
public final class Simulator implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Held so that the quieted level is not garbage-collected with the logger. */
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.'-][\\p{L}\\p{N}]+)*");
  private static final String BIAS = "__bias__";

  private final Model<Label> model;
  private final int trainExamples;

  private Simulator(Model<Label> model, int trainExamples) {
    this.model = model;
    this.trainExamples = trainExamples;
  }

  /** Trains on {@code rationales} with their {@code labels}; at least two distinct labels are needed. */
  public static Simulator train(List<String> rationales, List<String> labels) {
    if (rationales.size() != labels.size()) {
      throw new IllegalArgumentException("one label per rationale: " + rationales.size() + " rationales, "
          + labels.size() + " labels");
    }
    if (labels.stream().map(String::strip).distinct().count() < 2) {
      throw new IllegalArgumentException("the simulator needs training rationales of at least two labels");
    }
    TRIBUO_LOG.setLevel(Level.WARNING);
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("gold rationales", factory),
        factory);
    for (int i = 0; i < rationales.size(); i++) {
      data.add(example(rationales.get(i), new Label(labels.get(i).strip())));
    }
    return new Simulator(new LogisticRegressionTrainer().train(data), rationales.size());
  }

  /** The label the simulator reads from each text. */
  public List<String> predict(List<String> texts) {
    List<String> out = new ArrayList<>();
    for (String t : texts) {
      out.add(model.predict(example(t == null ? "" : t, LabelFactory.UNKNOWN_LABEL)).getOutput().getLabel());
    }
    return out;
  }

  /** How many rationales it was trained on. */
  public int trainExamples() {
    return trainExamples;
  }

  /** The features of a text: n-gram name → 1. */
  static Map<String, Double> features(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    Map<String, Double> f = new TreeMap<>();
    f.put(BIAS, 1.0);
    for (int i = 0; i < words.size(); i++) {
      f.put("1:" + words.get(i), 1.0);
      if (i + 1 < words.size()) {
        f.put("2:" + words.get(i) + " " + words.get(i + 1), 1.0);
      }
    }
    return f;
  }

  private static ArrayExample<Label> example(String text, Label label) {
    Map<String, Double> f = features(text);
    return new ArrayExample<>(label, f.keySet().toArray(new String[0]),
        f.values().stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * The simulator's agreement on generated rationales and its accuracy on gold ones.
   *
   * @param trainExamples gold rationales it learned from
   * @param n generated rationales read
   * @param agreesWithPredicted share where it reads ŷ from r̂
   * @param agreesWithGold share where it reads y from r̂
   * @param goldN gold test rationales read (0: none)
   * @param accuracyOnGold share where it reads y from the gold rationale: the ceiling (null without gold rationales)
   */
  public record Result(int trainExamples, int n, double agreesWithPredicted, double agreesWithGold, int goldN,
      Double accuracyOnGold) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("classifier", "Tribuo 4.3.2 logistic regression (AdaGrad, 5 epochs, seed 12345) over word 1-2-grams");
      m.put("train_rationales", trainExamples);
      m.put("n", n);
      m.put("agreement_with_predicted", agreesWithPredicted);
      m.put("agreement_with_gold", agreesWithGold);
      m.put("gold_rationales", goldN);
      m.put("accuracy_on_gold_rationales", accuracyOnGold);
      return m;
    }
  }

  /** Reads every r̂ (and every gold rationale that is present) and compares with ŷ and y. */
  public Result score(List<String> predictedRationales, List<String> predicted, List<String> gold,
      List<String> goldRationales) {
    int n = predictedRationales.size();
    List<String> read = predict(predictedRationales);
    int withPredicted = 0;
    int withGold = 0;
    for (int i = 0; i < n; i++) {
      withPredicted += read.get(i).equals(predicted.get(i).strip()) ? 1 : 0;
      withGold += read.get(i).equals(gold.get(i).strip()) ? 1 : 0;
    }
    List<String> goldTexts = new ArrayList<>();
    List<String> goldLabels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (goldRationales.get(i) != null && !goldRationales.get(i).isBlank()) {
        goldTexts.add(goldRationales.get(i));
        goldLabels.add(gold.get(i).strip());
      }
    }
    List<String> fromGold = predict(goldTexts);
    int right = 0;
    for (int i = 0; i < goldTexts.size(); i++) {
      right += fromGold.get(i).equals(goldLabels.get(i)) ? 1 : 0;
    }
    return new Result(trainExamples, n, n == 0 ? 0 : (double) withPredicted / n, n == 0 ? 0 : (double) withGold / n,
        goldTexts.size(), goldTexts.isEmpty() ? null : (double) right / goldTexts.size());
  }
}
