// Swaps the rationales of a training file for those of another file (matched by id), to mix rationale sources.
package dev.reason2decide.llm;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ReadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mixing rationale sources, as the paper's robustness study does (say LLM rationales for Stage-1 and clinician
 * rationales for Stage-2): {@code apply(examples, rationaleFile)} returns the examples with each rationale and
 * its source taken from the example with the same id in {@code rationaleFile}. Every example must find one
 * (no silent fall-back to the old rationale); the labels and inputs must agree, so that a file for another
 * split or another labelling is refused rather than mixed in.
 */
public final class RationaleSources {
  private RationaleSources() {}

  /** Reads {@code rationaleFile} and applies it. */
  public static List<Example> apply(List<Example> examples, Path rationaleFile) {
    return apply(examples, new ExampleReader(ReadOptions.LLM).read(rationaleFile).examples(),
        rationaleFile.toString());
  }

  /**
   * Replaces rationales by those in {@code rationales} (same id).
   *
   * @param source names the rationales in error messages
   */
  public static List<Example> apply(List<Example> examples, List<Example> rationales, String source) {
    Map<String, Example> byId = new HashMap<>();
    for (Example r : rationales) {
      byId.put(r.id(), r);
    }
    List<Example> out = new ArrayList<>(examples.size());
    List<String> missing = new ArrayList<>();
    for (Example e : examples) {
      Example r = byId.get(e.id());
      if (r == null || r.rationale() == null || r.rationale().isBlank()) {
        missing.add(e.id());
        continue;
      }
      if (!r.label().equals(e.label())) {
        throw new IllegalArgumentException(source + ": example \"" + e.id() + "\" has label \"" + r.label()
            + "\" there but \"" + e.label() + "\" in the training data");
      }
      if (!r.input().strip().equals(e.input().strip())) {
        throw new IllegalArgumentException(source + ": example \"" + e.id()
            + "\" has a different input text there than in the training data");
      }
      String src = r.rationaleSource() == null || r.rationaleSource().isBlank() ? "file:" + source
          : r.rationaleSource();
      out.add(e.withRationale(r.rationale(), src));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(source + ": no rationale for " + missing.size() + " of "
          + examples.size() + " examples (ids " + preview(missing) + ")");
    }
    return out;
  }

  private static String preview(List<String> ids) {
    return ids.size() <= 5 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + ", ...";
  }
}
