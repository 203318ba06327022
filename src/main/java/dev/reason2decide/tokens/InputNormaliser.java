// input_normaliser.json: typos and spelled-out numbers in a model's input made plain before it is tokenized.
package dev.reason2decide.tokens;

import dev.reason2decide.io.Json;
import dev.reason2decide.words.NumberWords;
import dev.reason2decide.words.OneEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model reads is its input after three rewrites that keep the meaning: a word outside the vocabulary of its
 * training inputs becomes the one vocabulary word a single edit away ({@link OneEdit}: "tachycardia" for
 * "tachycadria", "pressure" for "pressyre"), a whole number spelled out in English ("ninety-four", "one hundred
 * and five", 0 to 999) becomes digits, and a number with a zero decimal as monitors export it ("88.0") loses it.
 * Training applies it to every training and validation input, inference to every input it decides; targets
 * (rationales, labels) are never rewritten, and every check reads the input as given.
 *
 * <p>Fitted by {@code r2d tokenizer build --normalise-inputs} on the training inputs (words of at least
 * {@link #MIN_LENGTH} letters seen at least {@link #MIN_COUNT} times) and kept beside tokenizer.json, so that it
 * travels with every checkpoint; a folder without the file reads its input as given. transformers does not apply
 * it: a Python caller applies the same rewrites first (docs/data.md).
 */
public final class InputNormaliser {
  public static final String JSON = "input_normaliser.json";
  static final String FORMAT = "r2d-input-normaliser/1";
  /** Shorter words (HR, BP, sats) are neither vocabulary nor corrected. */
  public static final int MIN_LENGTH = 5;
  /** A word is vocabulary when the training inputs hold it this often. */
  public static final int MIN_COUNT = 2;
  /** A word one edit from a word this many times as frequent is taken for a typo of it. */
  public static final int TYPO_RATIO = 20;
  /** Nothing rewritten. */
  public static final InputNormaliser IDENTITY = new InputNormaliser(null, false, false);

  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  /** A number in words not inside a longer word nor joined to one by a hyphen ("one-sided" stays). */
  private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z-])" + NumberWords.REGEX
      + "(?![A-Za-z]|-[A-Za-z])", Pattern.CASE_INSENSITIVE);
  /** A whole number written with a zero decimal ("88.0", "120.00"), not part of a longer number or a version. */
  private static final Pattern ZERO_DECIMAL = Pattern.compile("(?<![\\d.])(\\d+)\\.0+(?![\\d.])");

  private final OneEdit corrector;
  private final boolean numberWords;
  private final boolean zeroDecimals;

  private InputNormaliser(OneEdit corrector, boolean numberWords, boolean zeroDecimals) {
    this.corrector = corrector;
    this.numberWords = numberWords;
    this.zeroDecimals = zeroDecimals;
  }

  /**
   * A normaliser with {@code vocabulary} (lower-case words; null: no correction), number words read as digits or not,
   * zero decimals dropped or not.
   */
  public static InputNormaliser of(Set<String> vocabulary, boolean numberWords, boolean zeroDecimals) {
    return new InputNormaliser(vocabulary == null ? null : new OneEdit(vocabulary, MIN_LENGTH), numberWords,
        zeroDecimals);
  }

  /**
   * Fitted on {@code inputs}: the words of {@link #MIN_LENGTH} letters or more seen {@link #MIN_COUNT} times, less
   * those that look like typos of a word seen {@link #TYPO_RATIO} times as often one edit away (training notes with
   * typos in them would otherwise teach "alret" as a word).
   */
  public static InputNormaliser fit(Iterable<String> inputs) {
    Map<String, Integer> counts = new HashMap<>();
    for (String text : inputs) {
      Matcher m = WORD.matcher(text);
      while (m.find()) {
        if (m.end() - m.start() >= MIN_LENGTH) {
          counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
    }
    Map<Integer, List<String>> byLength = new HashMap<>();
    counts.keySet().forEach(w -> byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w));
    Set<String> vocabulary = new TreeSet<>();
    counts.forEach((w, n) -> {
      if (n < MIN_COUNT) {
        return;
      }
      for (int len = w.length() - 1; len <= w.length() + 1; len++) {
        for (String v : byLength.getOrDefault(len, List.of())) {
          if (counts.get(v) >= TYPO_RATIO * n && OneEdit.apart(w, v)) {
            return;
          }
        }
      }
      vocabulary.add(w);
    });
    return of(vocabulary, true, true);
  }

  public boolean isIdentity() {
    return corrector == null && !numberWords && !zeroDecimals;
  }

  /** {@code text} as the model reads it. */
  public String apply(String text) {
    if (text == null || isIdentity()) {
      return text;
    }
    String out = text;
    if (corrector != null) {
      StringBuilder b = new StringBuilder(out.length());
      Matcher m = WORD.matcher(out);
      int last = 0;
      while (m.find()) {
        String w = m.group();
        String c = corrector.correction(w);
        b.append(out, last, m.start()).append(c.equals(w.toLowerCase(Locale.ROOT)) ? w : inCaseOf(w, c));
        last = m.end();
      }
      out = b.append(out, last, out.length()).toString();
    }
    if (numberWords) {
      Matcher m = NUMBER.matcher(out);
      StringBuilder b = new StringBuilder(out.length());
      while (m.find()) {
        m.appendReplacement(b, Integer.toString(NumberWords.value(m.group())));
      }
      out = m.appendTail(b).toString();
    }
    if (zeroDecimals) {
      out = ZERO_DECIMAL.matcher(out).replaceAll("$1");
    }
    return out;
  }

  /** Every input of {@code texts} as the model reads it. */
  public List<String> applyAll(List<String> texts) {
    if (isIdentity()) {
      return texts;
    }
    List<String> out = new ArrayList<>(texts.size());
    texts.forEach(t -> out.add(apply(t)));
    return out;
  }

  /** {@code correction} written in the letter case of {@code word}: all capitals, a capital first, or lower case. */
  private static String inCaseOf(String word, String correction) {
    if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
      return correction.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(word.charAt(0))) {
      return Character.toUpperCase(correction.charAt(0)) + correction.substring(1);
    }
    return correction;
  }

  /**
   * Where the normaliser of a tokenizer or model folder is, or of the folder of a tokenizer.json given itself (as
   * {@link TextTokenizer#load} takes either).
   */
  public static Path file(Path dirOrTokenizerFile) {
    Path dir = Files.isRegularFile(dirOrTokenizerFile) ? dirOrTokenizerFile.toAbsolutePath().getParent()
        : dirOrTokenizerFile;
    return dir.resolve(JSON);
  }

  /** The normaliser at {@link #file}: its {@value #JSON}, or {@link #IDENTITY} when there is none. */
  public static InputNormaliser read(Path dirOrTokenizerFile) {
    Path f = file(dirOrTokenizerFile);
    if (!Files.isRegularFile(f)) {
      return IDENTITY;
    }
    com.google.gson.JsonObject o = Json.readObject(f);
    String format = o.has("format") ? o.get("format").getAsString() : "";
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException(f + ": field 'format' must be \"" + FORMAT + "\", got \"" + format + "\"");
    }
    Set<String> vocabulary = null;
    if (o.has("vocabulary") && o.get("vocabulary").isJsonArray()) {
      vocabulary = new TreeSet<>();
      for (com.google.gson.JsonElement e : o.getAsJsonArray("vocabulary")) {
        vocabulary.add(e.getAsString().toLowerCase(Locale.ROOT));
      }
    }
    boolean numbers = o.has("number_words") && o.get("number_words").getAsBoolean();
    boolean decimals = o.has("zero_decimals") && o.get("zero_decimals").getAsBoolean();
    return of(vocabulary, numbers, decimals);
  }

  /** Writes this normaliser into {@code dir} (atomically); returns the file. */
  public Path write(Path dir) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("format", FORMAT);
    j.put("number_words", numberWords);
    j.put("zero_decimals", zeroDecimals);
    j.put("min_length", MIN_LENGTH);
    j.put("vocabulary", corrector == null ? null : new TreeSet<>(corrector.vocabulary()));
    Path f = dir.resolve(JSON);
    Json.writePretty(f, j);
    return f;
  }

  /** What {@code describe()} of a model shows: the file, whether numbers are read, the vocabulary's size. */
  public Map<String, Object> describe() {
    return Json.ordered("file", JSON, "number_words", numberWords, "zero_decimals", zeroDecimals, "vocabulary",
        corrector == null ? 0 : corrector.vocabulary().size());
  }
}
